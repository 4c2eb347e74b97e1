// Keeps dist/ in step with the TypeScript sources for the command-line tools: they run the
// compiled app, and compile it first (in a child process, so the compiler's memory never counts
// against an import) when dist/ is missing or older than the sources.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const appDir = path.resolve(__dirname, '..');
const distDir = path.join(appDir, 'dist');
// Touched after each compile: tsc leaves unchanged outputs untouched, so their mtimes say nothing.
const marker = path.join(distDir, '.compiled-at');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'admin') newest = Math.max(newest, newestSource(full));
    } else if (/\.(ts|json)$/.test(entry.name)) {
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  }
  return newest;
}

/** Notes that dist/ was just compiled from the current sources. */
function recordCompiled() {
  fs.mkdirSync(distDir, { recursive: true });
  fs.writeFileSync(marker, new Date().toISOString());
}

function ensureCompiled() {
  const compiledAt = fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0;
  const sourcesAt = Math.max(newestSource(path.join(appDir, 'src')), newestSource(path.join(appDir, 'config')));
  if (compiledAt >= sourcesAt) return;
  const result = spawnSync(process.execPath, ['-e', "require('@strapi/strapi').compileStrapi()"], {
    cwd: appDir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error('Compiling the app failed (run `npm run build` to see why).');
  recordCompiled();
}

module.exports = { appDir, distDir, ensureCompiled, recordCompiled };
