import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { createStrapi, type Core } from '@strapi/strapi';

export const appDir = path.resolve(__dirname, '..', '..', '..', '..');
const distDir = path.join(appDir, 'dist');
// Touched after each compile (tsc leaves unchanged outputs untouched, so their mtimes say nothing).
const compiledMarker = path.join(distDir, '.compiled-at');

function newestSource(dir: string): number {
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

/**
 * Compiles the app when dist/ is missing or older than the sources, in a child process so the
 * TypeScript compiler's memory never counts against the import.
 */
function ensureCompiled() {
  const compiledAt = fs.existsSync(compiledMarker) ? fs.statSync(compiledMarker).mtimeMs : 0;
  const sourcesAt = Math.max(newestSource(path.join(appDir, 'src')), newestSource(path.join(appDir, 'config')));
  if (compiledAt >= sourcesAt) return;
  const result = spawnSync(process.execPath, ['-e', "require('@strapi/strapi').compileStrapi()"], {
    cwd: appDir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error('Compiling the app failed (run `npm run build` to see why).');
  recordCompiled();
}

/** Notes that dist/ was just compiled from the current sources. */
export function recordCompiled() {
  fs.mkdirSync(distDir, { recursive: true });
  fs.writeFileSync(compiledMarker, new Date().toISOString());
}

/**
 * Boots Strapi for a command-line job: loaded without an HTTP server, logging only errors, and
 * without the jobs worker (the CLI does its own importing).
 */
export async function bootForCli(): Promise<Core.Strapi> {
  process.env.STRAPI_LOG_LEVEL ??= 'error';
  process.env.RAW_IMPORT_WORKER = 'off';
  process.env.STRAPI_TELEMETRY_DISABLED ??= 'true';
  ensureCompiled();
  return createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
}
