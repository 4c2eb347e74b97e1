import { spawnSync } from 'child_process';
import path from 'path';
import { APP_DIR } from './paths';

/**
 * Build the app once (server code and admin panel, ≈ 1 min) so every e2e file can `strapi start` it.
 * E2E_SKIP_BUILD=1 reuses the current dist/ while iterating on tests only.
 */
export default async function globalSetup() {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  const started = Date.now();
  process.stdout.write('\n[e2e] building the app and the admin panel (strapi build)…\n');
  const result = spawnSync(process.execPath, [path.join(APP_DIR, 'node_modules/@strapi/strapi/bin/strapi.js'), 'build'], {
    cwd: APP_DIR,
    // A production admin bundle, as users get it (jest itself runs with NODE_ENV=test).
    env: { ...process.env, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`strapi build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  process.stdout.write(`[e2e] built in ${Math.round((Date.now() - started) / 1000)} s\n`);
}
