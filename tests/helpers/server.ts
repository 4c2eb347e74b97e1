import { spawn, type ChildProcess } from 'child_process';
import http from 'http';
import net from 'net';
import path from 'path';

const appDir = path.resolve(__dirname, '..', '..');

/** A port nobody listens on right now. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One HTTP request; the body is read whole. `timeoutMs` bounds the wait (the request fails with an error). */
export function httpRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string | number>; body?: Buffer | string; agent?: http.Agent; timeoutMs?: number } = {}
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers, agent: options.agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.timeoutMs) req.setTimeout(options.timeoutMs, () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    req.end(options.body);
  });
}

/** A multipart/form-data body: the files under field `files`, then plain fields. */
export function multipartBody(files: Array<{ name: string; bytes: Buffer | string }>, fields: Record<string, string> = {}) {
  const boundary = `----newsdesk${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: text/plain\r\n\r\n`),
      Buffer.isBuffer(file.bytes) ? file.bytes : Buffer.from(file.bytes),
      Buffer.from('\r\n')
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface ServerProcess {
  base: string;
  pid: number;
  child: ChildProcess;
  /** The last 20,000 characters the process printed. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string | null>;
  /** SIGKILL: no shutdown code runs. */
  kill(): Promise<void>;
  /** SIGTERM, as a process manager stops a server; SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Node flags for a benchmark's server from BENCH_SERVER_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`). */
export const benchServerNodeArgs = () => (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);

/**
 * `strapi start` of the compiled app (dist/, compiled by the integration tests' global setup or
 * the CLI) in a child process of its own, on a port of its own, with `env` on top of this
 * process's environment. Resolves once /_health answers.
 */
export async function startServer(
  env: Record<string, string>,
  { bootTimeoutMs = 180_000, nodeArgs = [] as string[] } = {}
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, path.join(appDir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'], {
    cwd: appDir,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      STRAPI_LOG_LEVEL: process.env.STRAPI_LOG_LEVEL ?? 'warn',
      STRAPI_TELEMETRY_DISABLED: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let ended: number | string | null | undefined;
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => {
      ended = code ?? signal;
      resolve(ended);
    })
  );
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (ended !== undefined) throw new Error(`strapi start exited (${ended}):\n${output}`);
    if (Date.now() - started > bootTimeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`strapi start did not answer within ${bootTimeoutMs / 1000} s:\n${output}`);
    }
    try {
      if ((await httpRequest(`${base}/_health`, { timeoutMs: 2000 })).status === 204) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    base,
    pid: child.pid!,
    child,
    output: () => output,
    exited,
    async kill() {
      if (ended === undefined) child.kill('SIGKILL');
      await exited;
    },
    async stop(graceMs = 30_000) {
      if (ended !== undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Registers the first admin of a fresh database over HTTP; returns its JWT. */
export async function registerFirstAdminOver(base: string): Promise<string> {
  const res = await httpRequest(`${base}/admin/register-admin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'chief@newsdesk.test', password: 'Newsdesk-Test-1', firstname: 'Chief', lastname: 'Editor' }),
  });
  if (res.status !== 200) throw new Error(`register-admin answered ${res.status}: ${res.body.slice(0, 500)}`);
  return JSON.parse(res.body).data.token;
}

/** Logs the first admin in (another instance, or after a restart); returns a JWT. */
export async function loginFirstAdminOver(base: string): Promise<string> {
  const res = await httpRequest(`${base}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'chief@newsdesk.test', password: 'Newsdesk-Test-1' }),
  });
  if (res.status !== 200) throw new Error(`admin login answered ${res.status}: ${res.body.slice(0, 500)}`);
  return JSON.parse(res.body).data.token;
}

/** Submits a bulk-import job through the admin route; resolves with its id and how long the 202 took. */
export async function submitJobOver(base: string, jwt: string, files: Array<{ name: string; bytes: Buffer | string }>, fields: Record<string, string> = {}) {
  const { body, contentType } = multipartBody(files, fields);
  const started = performance.now();
  const res = await httpRequest(`${base}/raw-import/jobs`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': contentType, 'Content-Length': body.length },
    body,
  });
  const ms = performance.now() - started;
  if (res.status !== 202) throw new Error(`POST /raw-import/jobs answered ${res.status}: ${res.body.slice(0, 500)}`);
  return { jobId: JSON.parse(res.body).jobId as string, ms };
}

/** GET /raw-import/jobs/:id (admin JWT). */
export async function jobOver(base: string, jwt: string, jobId: string) {
  const res = await httpRequest(`${base}/raw-import/jobs/${jobId}`, { headers: { Authorization: `Bearer ${jwt}` }, timeoutMs: 30_000 });
  if (res.status !== 200) throw new Error(`GET /raw-import/jobs/${jobId} answered ${res.status}: ${res.body.slice(0, 500)}`);
  return JSON.parse(res.body);
}
