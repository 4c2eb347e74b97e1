// Keeps a compiled copy of the split CLI (cli/split.ts, cli/command-line.ts and the pure core they
// import) under dist/split-cli/, so `npm run split` runs plain JavaScript with no TypeScript loader.
// Only those files are compiled (scripts/tsconfig.split.json, the project's own `typescript`): a few
// seconds, against tens for the whole Strapi app (scripts/compiled.js, which the import CLI uses).
//
// Staleness: dist/split-cli/current.json records a SHA-256 of every source the last compile read
// (as tsc listed them) plus every .ts/.json file under the watched roots (core/, cli/split.ts,
// cli/command-line.ts, the tsconfig), and the TypeScript version. Any difference (an edit, a new or
// deleted file, a branch switch, whatever the mtimes say) means a recompile. Hashing ~30 small
// files costs about a millisecond. A fresh clone or a dist/ wiped by `strapi develop` has no
// current.json: compile.
//
// Concurrency: each compile writes into its own dist/split-cli/.tmp-<pid>-<random>/, renamed when
// complete to an immutable build dir b-<time>-<pid>/ that is never written again; current.json
// is replaced by rename (atomic), and each process runs the build it checked or compiled itself.
// So concurrent runs never see a half-written tree: at worst two of them both compile after an
// edit (the later current.json wins; both builds are complete). Old builds are pruned after a
// compile, except the new one, the one it replaced and any younger than a minute (a process may be
// loading it), and temp dirs whose process is still alive.
const { spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const appDir = path.resolve(__dirname, '..');
const pluginDir = path.join(appDir, 'src', 'plugins', 'raw-import');

const DEFAULTS = {
  tsconfig: path.join(__dirname, 'tsconfig.split.json'),
  outDir: path.join(appDir, 'dist', 'split-cli'),
  /** Files and directories whose .ts/.json files are hashed on every run, whether tsc read them or not. */
  watch: [path.join(pluginDir, 'core'), path.join(pluginDir, 'cli', 'split.ts'), path.join(pluginDir, 'cli', 'command-line.ts')],
  /** The CLI's entry, relative to a build (the tsconfig's rootDir is the plugin directory). */
  entry: path.join('cli', 'split.js'),
};

const KEEP_YOUNG_BUILDS_MS = 60_000;
const STATE = 'current.json';

function sha256(file) {
  try {
    return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  } catch (error) {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
    throw error;
  }
}

function walk(target, out) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return out;
  }
  if (!stat.isDirectory()) {
    out.add(target);
    return out;
  }
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    const full = path.join(target, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.(ts|json)$/.test(entry.name)) out.add(full);
  }
  return out;
}

function typescriptVersion() {
  try {
    // Read, not required: the CLI's process then holds no module of TypeScript's.
    return JSON.parse(fs.readFileSync(require.resolve('typescript/package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

function readState(outDir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(outDir, STATE), 'utf8'));
  } catch {
    return null;
  }
}

/** The files whose content decides the build: the watched roots, the tsconfig, and what the last compile read. */
function watchedFiles(options, state) {
  const files = new Set([options.tsconfig]);
  for (const root of options.watch) walk(root, files);
  if (state && state.sources) for (const file of Object.keys(state.sources)) files.add(file);
  return [...files].sort();
}

/** Why the recorded build cannot be used, or null when it can. */
function staleness(options, state) {
  if (!state || typeof state.build !== 'string' || !state.sources) return 'never compiled';
  if (!fs.existsSync(path.join(options.outDir, state.build, options.entry))) return 'build missing';
  const ts = typescriptVersion();
  // Without TypeScript (a production install) a build whose sources match still runs.
  if (ts !== null && ts !== state.typescript) return `typescript ${state.typescript} → ${ts}`;
  for (const file of watchedFiles(options, state)) {
    if (sha256(file) !== (state.sources[file] ?? null)) return `changed: ${path.relative(appDir, file)}`;
  }
  return null;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function removeQuietly(target) {
  try {
    fs.rmSync(target, { recursive: true, force: true });
  } catch {
    // Another process may be removing it too.
  }
}

function prune(outDir, keep) {
  const now = Date.now();
  for (const name of fs.readdirSync(outDir)) {
    const full = path.join(outDir, name);
    const temp = /^\.(?:tmp|state)-(\d+)-/.exec(name);
    if (temp) {
      if (!isAlive(Number(temp[1]))) removeQuietly(full);
    } else if (name.startsWith('b-') && !keep.includes(name)) {
      let stat;
      try {
        stat = fs.statSync(full);
      } catch {
        continue;
      }
      if (now - stat.mtimeMs > KEEP_YOUNG_BUILDS_MS) removeQuietly(full);
    }
  }
}

function tscPath() {
  try {
    return require.resolve('typescript/bin/tsc');
  } catch {
    throw new Error('The split CLI must be compiled, which needs the devDependency `typescript`: run `npm ci` (without --omit=dev).');
  }
}

function compile(options, previous) {
  fs.mkdirSync(options.outDir, { recursive: true });
  const stamp = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  const temp = path.join(options.outDir, `.tmp-${stamp}`);
  // Hashed before tsc reads them: an edit made during the compile then shows up as a change next run.
  const sources = {};
  for (const file of watchedFiles(options, previous)) sources[file] = sha256(file);

  const result = spawnSync(
    process.execPath,
    [tscPath(), '-p', options.tsconfig, '--outDir', temp, '--listFiles', '--pretty', 'false'],
    { cwd: appDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
  );
  // --listFiles prints each file tsc read, one absolute path a line; everything else is a diagnostic.
  const lines = `${result.stdout ?? ''}`.split('\n').filter(Boolean);
  const read = lines.filter((line) => path.isAbsolute(line) && fs.existsSync(line));
  const entry = path.join(temp, options.entry);
  if (result.status !== 0 || !fs.existsSync(entry)) {
    removeQuietly(temp);
    const diagnostics = lines.filter((line) => !read.includes(line)).join('\n');
    const why = result.error ? result.error.message : diagnostics || `${result.stderr ?? ''}`.trim() || `tsc exited with ${result.status}`;
    throw new Error(`Compiling the split CLI failed (tsc -p ${path.relative(appDir, options.tsconfig)}):\n${why}`);
  }
  for (const file of read) {
    if (!file.split(path.sep).includes('node_modules') && !(file in sources)) sources[file] = sha256(file);
  }

  const build = `b-${Date.now().toString(36)}-${stamp}`;
  fs.renameSync(temp, path.join(options.outDir, build));
  const state = { build, typescript: typescriptVersion(), compiledAt: new Date().toISOString(), sources };
  const replaced = readState(options.outDir);
  const next = path.join(options.outDir, `.state-${stamp}.json`);
  fs.writeFileSync(next, `${JSON.stringify(state, null, 2)}\n`);
  fs.renameSync(next, path.join(options.outDir, STATE));
  prune(options.outDir, [build, replaced && replaced.build].filter(Boolean));
  return build;
}

/**
 * Compiles the split CLI when its sources changed since the last compile (or it never was), and
 * returns the compiled entry to require. Writes nothing to stdout; throws when tsc fails.
 * Options (for tests): tsconfig, outDir, watch (files/dirs), entry (relative to a build).
 */
function ensureSplitCompiled(overrides = {}) {
  const options = { ...DEFAULTS, ...overrides };
  const state = readState(options.outDir);
  const reason = staleness(options, state);
  const build = reason === null ? state.build : compile(options, state);
  return { entry: path.join(options.outDir, build, options.entry), compiled: reason !== null, reason };
}

/** Why the split CLI would be recompiled now ("never compiled", "changed: …"), or null when it is up to date. */
function splitCompileStaleness(overrides = {}) {
  const options = { ...DEFAULTS, ...overrides };
  return staleness(options, readState(options.outDir));
}

module.exports = { ensureSplitCompiled, splitCompileStaleness, DEFAULTS };
