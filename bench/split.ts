/**
 * `npm run bench -- split`: the splitter's throughput, three ways.
 *
 * 1. In process, on ≥ BENCH_MB (20) MB of generated text: split alone, split + figures, and split +
 *    figures on the same texts with page debris added (masthead, byline, advertisement, photo
 *    credit), so the debris rules have something to find. Page-debris detection is always on.
 * 2. The adversarial inputs (also checked for behaviour in tests/unit/split.adversarial.test.ts):
 *    milliseconds per case. Linear work takes milliseconds; a backtracking regex takes seconds.
 * 3. The split CLI end to end: BENCH_CLI_TEXTS (10,000) generated texts written to a temp dir,
 *    then `npm run --silent split -- <files>` exactly as a user runs it (the compiled JS), in as
 *    few invocations as the command-line length allows; wall time of all of them, stdout to a
 *    file.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { splitRawText, RawTextError } from '../src/plugins/raw-import/core';
import { generateArticles, generateCorpusOfSize } from './generate';

const TARGET_MB = Number(process.env.BENCH_MB ?? 20);
const CLI_TEXTS = Number(process.env.BENCH_CLI_TEXTS ?? 10_000);
const appDir = path.resolve(__dirname, '..');

const N = 100_000;
/** Inputs built to make regular expressions backtrack (shared with tests/unit/split.adversarial.test.ts). */
export const ADVERSARIAL_INPUTS: Record<string, string> = {
  'a run of full stops': '5 people. ' + '.'.repeat(N),
  'a run of exclamation marks': '5 people ' + '!'.repeat(N) + 'x',
  'a run of closing quotes': '5 people.' + '”'.repeat(N) + ' X',
  'a run of inner spaces before a trailing space': 'x' + ' '.repeat(N) + 'y \nz',
  'thousands groups ending in a digit': '1' + ' 000'.repeat(N / 4) + '1',
  'comma groups ending in a digit': '1' + ',000'.repeat(N / 4) + '1',
  'percentages without spaces': '5%'.repeat(N / 2),
  'one very long line ending in an ellipsis': 'Word '.repeat(N / 5) + '…',
  'many short lines': 'a\n'.repeat(N / 2),
  'many teaser-like lines': 'Teaser…\n'.repeat(N / 8),
};

interface Peak {
  rss: number;
  heap: number;
}

function sample(peak: Peak): void {
  const m = process.memoryUsage();
  if (m.rss > peak.rss) peak.rss = m.rss;
  if (m.heapUsed > peak.heap) peak.heap = m.heapUsed;
}

const megabytes = (bytes: number) => bytes / (1024 * 1024);

function run(label: string, texts: string[], bytes: number, figures: boolean, peak: Peak): void {
  // A warm-up pass over a slice, so the JIT has compiled the hot paths before timing.
  for (const t of texts.slice(0, 1000)) splitRawText(t, { figures });
  let teasers = 0;
  let found = 0;
  let debris = 0;
  let bylines = 0;
  const cpuStart = process.cpuUsage();
  const started = process.hrtime.bigint();
  texts.forEach((t, i) => {
    const r = splitRawText(t, { figures });
    teasers += r.teasers.length;
    found += r.figures.length;
    debris += r.boilerplate.length;
    if (r.byline !== null) bylines += 1;
    if (i % 500 === 0) sample(peak);
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  sample(peak);
  const mb = megabytes(bytes);
  // Wall-clock figures depend on what else the machine runs; CPU-time figures are what one core sustains.
  console.log(
    `${label.padEnd(26)} ${(mb / seconds).toFixed(1).padStart(6)} MB/s ${Math.round(texts.length / seconds).toString().padStart(6)} docs/s wall | ` +
      `${(mb / cpuSeconds).toFixed(1).padStart(6)} MB/s ${Math.round(texts.length / cpuSeconds).toString().padStart(6)} docs/s cpu ` +
      `(${texts.length} docs, ${mb.toFixed(1)} MB, ${seconds.toFixed(2)} s; ${teasers} teasers, ${found} figures, ${debris} debris lines, ${bylines} bylines)`,
  );
}

// Debris as scrapers leave it: a menu, a section label, a time stamp and a byline above the
// article, an advertisement slot and a photo credit after its first line.
const MASTHEADS = [
  ['Home | News | Politics | Sport', 'World', 'Published 12 March 2025, 10:42'],
  ['Skip to content', 'Local News', 'Updated 3 hours ago'],
  ['Menu', 'Environment', '14/02/2025 08:15'],
];
const BYLINES = ['By Anna Kalo, Reuters', 'By Tomas Renvo and Ines Bel', 'Leila Marsia | Staff reporter'];
const MIDDLES = [['Advertisement'], ['Photo: Lars Hemming/The Ridgeline Post'], ['Share this article', 'Advertisement']];

function withDebris(text: string, i: number): string {
  const firstBreak = text.indexOf('\n');
  const masthead = [...MASTHEADS[i % 3], BYLINES[i % 3]].join('\n');
  const middle = MIDDLES[i % 3].join('\n');
  return `${masthead}\n\n${text.slice(0, firstBreak)}\n\n${middle}\n${text.slice(firstBreak)}`;
}

function benchInProcess(): void {
  const peak: Peak = { rss: 0, heap: 0 };
  const texts = generateCorpusOfSize(TARGET_MB).map((a) => a.text);
  const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
  const debrisTexts = texts.map(withDebris);
  const debrisBytes = debrisTexts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
  sample(peak);
  console.log(`generated ${texts.length} texts, ${megabytes(bytes).toFixed(1)} MB (node ${process.version}, one thread, load average ${os.loadavg()[0].toFixed(2)})`);
  run('split', texts, bytes, false, peak);
  run('split + figures', texts, bytes, true, peak);
  run('split + figures, debris', debrisTexts, debrisBytes, true, peak);
  console.log(`peak memory: rss ${megabytes(peak.rss).toFixed(0)} MB, heap used ${megabytes(peak.heap).toFixed(0)} MB`);
}

function benchAdversarial(): void {
  console.log(`adversarial inputs (${N.toLocaleString('en')} characters each), one split each:`);
  for (const [name, text] of Object.entries(ADVERSARIAL_INPUTS)) {
    let outcome = 'split';
    const started = process.hrtime.bigint();
    try {
      splitRawText(text);
    } catch (error) {
      if (!(error instanceof RawTextError)) throw error;
      outcome = `refused: ${error.code}`;
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`  ${name.padEnd(48)} ${ms.toFixed(1).padStart(9)} ms  (${outcome})`);
  }
}

// npm passes the script's arguments to `sh -c` as ONE string, which Linux caps at 128 KiB
// (MAX_ARG_STRLEN): the files go in chunks that stay well below it.
const COMMAND_BUDGET = 100_000;

function chunks(files: string[]): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const file of files) {
    const cost = file.length + 3;
    if (current.length > 0 && length + cost > COMMAND_BUDGET) {
      out.push(current);
      current = [];
      length = 0;
    }
    current.push(file);
    length += cost;
  }
  if (current.length > 0) out.push(current);
  return out;
}

interface CliTiming {
  seconds: number;
  /** User + system time of the command and its children (npm, node), when bash can tell. */
  cpuSeconds: number | null;
  records: number;
  errors: number;
}

const clock = (m: string, s: string) => Number(m) * 60 + Number(s);

/** Runs `npm run --silent split -- <group>` for each group in turn, stdout to a file; the wall time of the lot. */
function timeCli(groups: string[][], outFile: string, env: Record<string, string> = {}): CliTiming {
  const timing: CliTiming = { seconds: 0, cpuSeconds: 0, records: 0, errors: 0 };
  for (const group of groups) {
    // bash's `times` reports the CPU time of the children it waited for (npm, sh, node).
    const started = process.hrtime.bigint();
    const result = spawnSync('bash', ['-c', 'npm run --silent split -- "$@" >"$SPLIT_OUT"; s=$?; times >&2; exit $s', 'bash', ...group], {
      cwd: appDir,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      env: { ...process.env, ...env, SPLIT_OUT: outFile },
    });
    timing.seconds += Number(process.hrtime.bigint() - started) / 1e9;
    if (result.status !== 0) throw new Error(`npm run split exited with ${result.status ?? result.signal}: ${result.stderr ?? result.error}`);
    const children = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(result.stderr);
    if (children && timing.cpuSeconds !== null) timing.cpuSeconds += clock(children[1], children[2]) + clock(children[3], children[4]);
    else timing.cpuSeconds = null;
    for (const line of fs.readFileSync(outFile, 'utf8').split('\n')) {
      if (line === '') continue;
      timing.records += 1;
      if ('error' in JSON.parse(line)) timing.errors += 1;
    }
  }
  return timing;
}

function benchCli(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-split-cli-'));
  try {
    const articles = generateArticles(CLI_TEXTS, { seed: 4242 });
    let bytes = 0;
    const files = articles.map((article) => {
      const file = path.join(dir, article.name);
      fs.writeFileSync(file, article.text);
      bytes += Buffer.byteLength(article.text);
      return file;
    });
    const groups = chunks(files);
    const outFile = path.join(dir, 'out.ndjson');
    // A first run on one file compiles the CLI if its sources changed: timed apart, not counted.
    const compile = timeCli([[files[0]]], outFile);
    const mb = megabytes(bytes);
    console.log(
      `split CLI end to end, \`npm run --silent split -- <files>\` (compiled JS; first run, compiling if needed: ${compile.seconds.toFixed(2)} s; ` +
        `${files.length} texts, ${mb.toFixed(1)} MB, ${groups.length} invocations; load average ${os.loadavg()[0].toFixed(2)}):`,
    );
    const report = (label: string, t: CliTiming) => {
      if (t.records !== files.length) throw new Error(`${label}: ${t.records} records for ${files.length} files`);
      const cpu = t.cpuSeconds ? ` | ${(mb / t.cpuSeconds).toFixed(1).padStart(6)} MB/s cpu (${t.cpuSeconds.toFixed(2)} s)` : '';
      console.log(
        `  ${label.padEnd(30)} ${(mb / t.seconds).toFixed(1).padStart(6)} MB/s ${Math.round(files.length / t.seconds).toString().padStart(6)} docs/s wall (${t.seconds.toFixed(2)} s)${cpu}; ${t.errors} refused`,
      );
    };
    report('split CLI', timeCli(groups, outFile));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export default function benchSplit(): void {
  benchInProcess();
  benchAdversarial();
  benchCli();
}
