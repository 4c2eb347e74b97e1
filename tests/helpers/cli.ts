import { spawn } from 'child_process';
import path from 'path';

const appDir = path.resolve(__dirname, '..', '..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout's JSON lines (with --json), without the summary line. */
  lines: Array<Record<string, unknown>>;
  summary: string;
}

/** Runs the import CLI as a user would (a separate process), against the DATABASE_* variables given. */
export function runImportCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/plugins/raw-import/cli/import.ts', ...args], {
      cwd: appDir,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const all = stdout.trim().split('\n').filter(Boolean);
      resolve({
        code,
        stdout,
        stderr,
        lines: all.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line)),
        summary: all[all.length - 1] ?? '',
      });
    });
  });
}
