import path from 'path';
import type { Core } from '@strapi/strapi';
import { whenStdoutCloses } from './command-line';

// Run from dist/src/plugins/raw-import/cli (npm run import) or from the sources (tsx): the app root either way.
const up = path.resolve(__dirname, '..', '..', '..', '..');
export const appDir = path.basename(up) === 'dist' ? path.dirname(up) : up;

/**
 * Boots the compiled app for a command-line job (scripts/compiled.js keeps dist/ current):
 * loaded without an HTTP server, logging only errors, and without the jobs worker (the CLI does
 * its own importing).
 */
export async function bootForCli(): Promise<Core.Strapi> {
  // Loaded here, not above: a usage error is answered without loading Strapi (seconds).
  const { createStrapi } = await import('@strapi/strapi');
  process.env.STRAPI_LOG_LEVEL ??= 'error';
  process.env.RAW_IMPORT_WORKER = 'off';
  process.env.STRAPI_TELEMETRY_DISABLED ??= 'true';
  return createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
}

/**
 * Runs a CLI's main: exits with its code, or prints the failure and exits 1. A reader of stdout
 * that stops early (`| head`) does not stop the work: the rest of the output is dropped.
 */
export function runCommand(name: string, main: () => Promise<number>): void {
  whenStdoutCloses();
  main().then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`${name} failed: ${error?.stack ?? error}\n`);
      process.exit(1);
    }
  );
}
