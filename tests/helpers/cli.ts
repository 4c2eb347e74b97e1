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
  /** Wall time of the whole command, boot included. */
  seconds: number;
}

/** Runs the import CLI exactly as a user would (`npm run --silent import -- …`), against the DATABASE_* variables given. */
export const runImportCli = (args: string[], env: Record<string, string>) => runScript('import', args, env);

/** Runs the re-split CLI (`npm run --silent resplit -- …`). */
export const runResplitCli = (args: string[], env: Record<string, string>) => runScript('resplit', args, env);

function runScript(script: string, args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
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
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
      });
    });
  });
}
