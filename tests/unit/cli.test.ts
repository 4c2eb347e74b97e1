import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';

/**
 * The split CLI: NDJSON on stdout, one object per input in order, exit 1 when any input is refused;
 * run as compiled JavaScript (scripts/split.js → dist/split-cli/), recompiled when a source changes.
 */

const root = resolve(__dirname, '../..');
const splitJs = join(root, 'scripts/split.js');
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [splitJs, ...args], { cwd: root, input, encoding: 'utf8' });

interface CompileOptions {
  tsconfig?: string;
  outDir?: string;
  watch?: string[];
}
interface Ensured {
  entry: string;
  compiled: boolean;
  reason: string | null;
}
// Plain CommonJS scripts, as npm runs them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureSplitCompiled, splitCompileStaleness } = require('../../scripts/split-compiled') as {
  ensureSplitCompiled: (options?: CompileOptions) => Ensured;
  splitCompileStaleness: (options?: CompileOptions) => string | null;
};

const RECORD_KEYS = ['file', 'title', 'byline', 'body', 'boilerplate', 'teasers', 'figures'];

describe('split CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'split-cli-'));
  const good = join(dir, 'good.txt');
  const empty = join(dir, 'empty.txt');
  const page = join(dir, 'page.txt');
  writeFileSync(good, 'Rescuers reached 12 climbers on Sunday.\nThe pass reopened.\nStorm closes the coast road…\n');
  writeFileSync(empty, ' \n');
  writeFileSync(
    page,
    [
      'Home | News | World',
      'Storm closes the coast road',
      'By Mara Okafor, Reuters',
      'Rescuers reached 12 climbers on Sunday, the mountain rescue service said.',
      'Advertisement',
      'The road to the pass reopened on Monday after crews had cleared the snow from it.',
      'Snow falls on the pass again…',
      '',
    ].join('\n'),
  );

  it('prints one NDJSON object per input, in input order, reading "-" from stdin', () => {
    const result = run([good, '-', empty], 'The mayor spoke today.\nBridge to close…\n');
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file)).toEqual([good, '-', empty]);
    expect(lines[0]).toEqual({
      file: good,
      title: null,
      byline: null,
      body: ['Rescuers reached 12 climbers on Sunday.', 'The pass reopened.'],
      boilerplate: [],
      teasers: [{ text: 'Storm closes the coast road', truncated: true }],
      figures: [
        {
          value: 12,
          display: '12',
          qualifier: 'exact',
          unit: null,
          label: 'climbers',
          sentence: 'Rescuers reached 12 climbers on Sunday.',
          paragraph: 0,
        },
      ],
    });
    expect(Object.keys(lines[0])).toEqual(RECORD_KEYS);
    expect(lines[1].body).toEqual(['The mayor spoke today.']);
    expect(lines[2]).toEqual({ file: empty, error: 'The text is empty: there is nothing to import.' });
    expect(result.status).toBe(1);
  });

  it('carries the byline and the page debris set aside, as {text, kind} without line numbers', () => {
    const result = run([page]);
    expect(result.status).toBe(0);
    const record = JSON.parse(result.stdout);
    expect(Object.keys(record)).toEqual(RECORD_KEYS);
    expect(record.title).toBe('Storm closes the coast road');
    expect(record.byline).toBe('Mara Okafor');
    expect(record.body[0]).toBe('Rescuers reached 12 climbers on Sunday, the mountain rescue service said.');
    expect(record.boilerplate.length).toBeGreaterThan(0);
    for (const item of record.boilerplate) {
      expect(Object.keys(item).sort()).toEqual(['kind', 'text']);
      expect(typeof item.text).toBe('string');
      expect(typeof item.kind).toBe('string');
    }
    expect(record.boilerplate).toContainEqual({ text: 'Advertisement', kind: 'advertisement' });
    expect(record.body).not.toContain('Advertisement');
    expect(record.teasers).toEqual([{ text: 'Snow falls on the pass again', truncated: true }]);
  });

  it('exits 0 when every input splits, with nothing on stderr', () => {
    const result = run([good]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('reports a missing file as an error record', () => {
    const missing = join(dir, 'missing.txt');
    const result = run([missing]);
    expect(JSON.parse(result.stdout)).toEqual({ file: missing, error: `File not found: ${missing}` });
    expect(result.status).toBe(1);
  });

  it('prints one line per input, in input order, over many files', () => {
    const many = Array.from({ length: 150 }, (_, i) => {
      const file = join(dir, `many-${i}.txt`);
      if (i % 37 === 5) return join(dir, `absent-${i}.txt`);
      writeFileSync(file, i % 41 === 7 ? ' \n' : `Crews cleared ${i + 2} roads on Monday.\nThe pass reopened.\nStorm closes road ${i}…\n`);
      return file;
    });
    const result = spawnSync(process.execPath, [splitJs, ...many], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const records = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records.map((r) => r.file)).toEqual(many);
    expect(records[3].figures[0]).toMatchObject({ value: 5, label: 'roads' });
  });

  it('prints usage on stderr and exits 2 without inputs, stdout empty', () => {
    const result = run([]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/usage/);
  });

  it('prints what is wrong and the usage, and exits 2, for an unknown option, stdout empty', () => {
    const result = run(['--pretty', good]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Unknown option '--pretty'.*\nusage: npm run --silent split -- <file\.\.\.>/s);
  });

  it('reads a file whose name starts with "-" after "--"', () => {
    const dashed = join(dir, '-dashed.txt');
    writeFileSync(dashed, 'The mayor spoke today.\n');
    const result = spawnSync(process.execPath, [splitJs, '--', '-dashed.txt'], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).body).toEqual(['The mayor spoke today.']);
  });

  it('ends quietly when its reader stops early (| head -1)', async () => {
    const child = spawn(process.execPath, [splitJs, ...Array(3000).fill(good)], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});

describe('split CLI: compiled JavaScript, no TypeScript loader', () => {
  it('is what `npm run split` runs', () => {
    const script: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.split;
    expect(script).toBe('node scripts/split.js');
    expect(script).not.toMatch(/tsx|ts-node|--loader|--import/);
  });

  it('loads only compiled .js from dist/split-cli/ when run through npm', () => {
    const dir = mkdtempSync(join(tmpdir(), 'split-cli-probe-'));
    const probe = join(dir, 'probe.js');
    const report = join(dir, 'modules.ndjson');
    const input = join(dir, 'good.txt');
    writeFileSync(input, 'Rescuers reached 12 climbers on Sunday.\nThe pass reopened.\n');
    // Preloaded into every node process npm starts (npm itself included): each notes what it loaded.
    writeFileSync(
      probe,
      `process.on('exit', () => require('fs').appendFileSync(${JSON.stringify(report)}, JSON.stringify({ script: process.argv[1], modules: Object.keys(require.cache) }) + '\\n'));\n`,
    );
    const result = spawnSync('npm', ['run', '--silent', 'split', '--', input], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${probe}`.trim() },
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).body).toEqual(['Rescuers reached 12 climbers on Sunday.', 'The pass reopened.']);

    const processes = readFileSync(report, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { script: string; modules: string[] });
    const cli = processes.find((p) => p.script === splitJs);
    expect(cli).toBeDefined();
    const build = join(root, 'dist', 'split-cli', sep);
    const loaded = cli!.modules.filter((m) => m !== probe);
    expect(loaded.some((m) => m.startsWith(build) && m.endsWith(join('cli', 'split.js')))).toBe(true);
    expect(loaded.some((m) => m.startsWith(build) && m.endsWith(join('core', 'split', 'split.js')))).toBe(true);
    expect(loaded.filter((m) => /\.[cm]?tsx?$/.test(m) || m.includes(`${sep}tsx${sep}`) || m.includes(`${sep}typescript${sep}`))).toEqual([]);
  });
});

describe('split CLI compile (scripts/split-compiled.js)', () => {
  // A copy of the CLI and the core, so the test can edit sources without touching the real ones.
  const work = mkdtempSync(join(tmpdir(), 'split-cli-compile-'));
  const plugin = join(work, 'plugin');
  cpSync(join(root, 'src/plugins/raw-import/core'), join(plugin, 'core'), { recursive: true });
  mkdirSync(join(plugin, 'cli'));
  for (const file of ['split.ts', 'command-line.ts']) cpSync(join(root, 'src/plugins/raw-import/cli', file), join(plugin, 'cli', file));
  const writeConfig = (file: string, compilerOptions: Record<string, unknown> = {}) =>
    writeFileSync(
      file,
      JSON.stringify({
        extends: join(root, 'scripts/tsconfig.split.json'),
        compilerOptions: { rootDir: './plugin', typeRoots: [join(root, 'node_modules/@types')], ...compilerOptions },
        files: ['./plugin/cli/split.ts'],
      }),
    );
  const tsconfig = join(work, 'tsconfig.json');
  writeConfig(tsconfig);
  const input = join(work, 'good.txt');
  writeFileSync(input, 'Rescuers reached 12 climbers on Sunday.\nThe pass reopened.\n');
  const options = (outDir: string): CompileOptions => ({ tsconfig, outDir, watch: [join(plugin, 'core'), join(plugin, 'cli', 'split.ts')] });
  const body = ['Rescuers reached 12 climbers on Sunday.', 'The pass reopened.'];

  /** Runs scripts/split.js's run() with these compile options, as a separate process. */
  const runCli = (compile: CompileOptions, args: string[]) => {
    const script = join(mkdtempSync(join(work, 'run-')), 'split.js');
    writeFileSync(script, `require(${JSON.stringify(splitJs)}).run(${JSON.stringify(compile)});\n`);
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
      const child = spawn(process.execPath, [script, ...args]);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('error', fail);
      child.on('close', (code) => done({ code, stdout, stderr }));
    });
  };

  it('compiles on first use, then only when a source changes (by content, not by mtime)', async () => {
    const outDir = join(work, 'out');
    expect(splitCompileStaleness(options(outDir))).toBe('never compiled');
    const first = ensureSplitCompiled(options(outDir));
    expect(first).toMatchObject({ compiled: true, reason: 'never compiled' });
    expect(first.entry.startsWith(join(outDir, 'b-'))).toBe(true);
    const output = spawnSync(process.execPath, [first.entry, input], { encoding: 'utf8' });
    expect(output.status).toBe(0);
    expect(JSON.parse(output.stdout).body).toEqual(body);

    expect(ensureSplitCompiled(options(outDir))).toEqual({ entry: first.entry, compiled: false, reason: null });

    // A newer mtime with the same content is no change.
    const text = join(plugin, 'core', 'text.ts');
    const later = new Date(Date.now() + 60_000);
    utimesSync(text, later, later);
    expect(splitCompileStaleness(options(outDir))).toBeNull();

    appendFileSync(text, '\n// edited\n');
    expect(splitCompileStaleness(options(outDir))).toMatch(/changed: .*text\.ts/);
    const run = await runCli(options(outDir), [input]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout).body).toEqual(body);
    const second = ensureSplitCompiled(options(outDir));
    expect(second.compiled).toBe(false);
    expect(second.entry).not.toBe(first.entry);
    // The build it replaced stays (a run may still be loading it).
    expect(existsSync(first.entry)).toBe(true);

    // A new file under a watched directory is a change too, even before anything imports it.
    writeFileSync(join(plugin, 'core', 'unused.ts'), 'export const unused = 1;\n');
    expect(splitCompileStaleness(options(outDir))).toMatch(/changed: .*unused\.ts/);
  });

  it('refuses to run a source tsc cannot parse: the error on stderr, exit 2, nothing on stdout', async () => {
    const broken = join(work, 'broken');
    mkdirSync(join(broken, 'plugin', 'cli'), { recursive: true });
    writeFileSync(join(broken, 'plugin', 'cli', 'split.ts'), 'export const = ;\n');
    const brokenConfig = join(broken, 'tsconfig.json');
    writeConfig(brokenConfig, { types: [] });
    const run = await runCli({ tsconfig: brokenConfig, outDir: join(broken, 'out'), watch: [join(broken, 'plugin')] }, [input]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/Compiling the split CLI failed[\s\S]*split\.ts/);
  });

  it('lets two runs compile at once: both run complete builds and print only their NDJSON', async () => {
    const outDir = join(work, 'concurrent');
    const runs = await Promise.all([runCli(options(outDir), [input]), runCli(options(outDir), [input])]);
    for (const r of runs) {
      expect(r).toMatchObject({ code: 0, stderr: '' });
      const lines = r.stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0])).toMatchObject({ file: input, body });
    }
    expect(splitCompileStaleness(options(outDir))).toBeNull();
  });
});
