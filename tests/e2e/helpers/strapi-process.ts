import { spawn, type ChildProcess } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { APP_DIR } from './paths';

export interface RunningStrapi {
  /** http://127.0.0.1:<port> */
  url: string;
  /** Where the server's output goes; its tail is shown when the server fails to start. */
  logFile: string;
  stop(): Promise<void>;
}

const HEALTH_TIMEOUT_MS = 90_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const tail = (file: string, lines = 40) =>
  fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '(no log)';

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

async function waitForHealth(url: string, child: ChildProcess, logFile: string) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`strapi start exited with ${child.exitCode} before it was healthy:\n${tail(logFile)}`);
    }
    try {
      const res = await fetch(`${url}/_health`);
      if (res.status === 204) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`strapi start was not healthy after ${HEALTH_TIMEOUT_MS / 1000} s:\n${tail(logFile)}`);
}

/**
 * Starts the built app (`strapi start`, no rebuild) on a free port with a fresh SQLite database
 * and test secrets, and waits for GET /_health → 204.
 */
export async function startStrapi(): Promise<RunningStrapi> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-e2e-'));
  const logFile = path.join(workDir, 'strapi.log');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = fs.openSync(logFile, 'a');

  const child = spawn(process.execPath, [path.join(APP_DIR, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'], {
    cwd: APP_DIR,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: path.join(workDir, 'data.db'),
      APP_KEYS: 'e2eKeyA,e2eKeyB',
      API_TOKEN_SALT: 'e2e-api-token-salt',
      ADMIN_JWT_SECRET: 'e2e-admin-jwt-secret',
      TRANSFER_TOKEN_SALT: 'e2e-transfer-token-salt',
      JWT_SECRET: 'e2e-jwt-secret',
      ENCRYPTION_KEY: crypto.createHash('sha256').update('newsdesk-e2e').digest('base64'),
      STRAPI_TELEMETRY_DISABLED: 'true',
      STRAPI_LOG_LEVEL: process.env.STRAPI_LOG_LEVEL ?? 'warn',
      BROWSER: 'none',
    },
  });
  fs.closeSync(log);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killed = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(killed);
    }
    fs.rmSync(workDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, child, logFile);
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  return { url, logFile, stop };
}
