/**
 * `npm run bench -- jobs-latency [--count N] [--interval MS] [--postgres]`
 *
 * Does a bulk-import job stall the server? On a STARTED server (`strapi start` of the compiled
 * app, NODE_ENV=production, a throw-away database: SQLite under os.tmpdir(), or with --postgres a
 * scratch database on the DATABASE_* server), N generated texts (default 2000, bench/generate.ts)
 * are uploaded as one job through the admin route, and while the upload is sent and the job runs
 * two probes ask, one request at a time every MS ms (default 50):
 *  - GET /_health (no database),
 *  - GET /api/articles?pagination[pageSize]=1 (anonymous, the database).
 * It prints p50, p99 and max of each probe during the upload and during the run, the time of the
 * upload's 202, the job's duration, the bars (p99 < 200 ms, /_health within 1 s; over upload and
 * run) and the load average, and the same probes for 5 s after the job, with no job running (what
 * this machine answers in at that moment). Then it checks the job: done, N imported.
 * BENCH_SERVER_NODE_ARGS passes node flags to the server (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`).
 */
import fs from 'fs';
import http from 'http';
import os from 'os';
import { parseArgs } from 'util';
import { createTestDatabase } from '../tests/helpers/strapi';
import { benchServerNodeArgs, httpRequest, jobOver, multipartBody, registerFirstAdminOver, startServer } from '../tests/helpers/server';
import { generateArticles } from './generate';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureCompiled } = require('../scripts/compiled');

const loadavg = () => fs.readFileSync('/proc/loadavg', 'utf8').trim();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Phase = 'upload' | 'run' | 'after';
interface Sample {
  phase: Phase;
  ms: number;
  status: number;
}

const quantile = (sorted: number[], q: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]);

function stats(samples: Sample[]) {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    max: sorted.at(-1) ?? NaN,
    bad: samples.filter((s) => s.status >= 400 || s.status === 0).length,
  };
}

/** One request at a time, every `intervalMs` (or right after the previous answer when it took longer). */
function probe(url: string, intervalMs: number, phase: () => Phase, until: () => boolean): Promise<Sample[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const samples: Sample[] = [];
  return (async () => {
    while (!until()) {
      const at = phase();
      const started = performance.now();
      let status = 0;
      try {
        status = (await httpRequest(url, { agent, timeoutMs: 60_000 })).status;
      } catch {
        status = 0;
      }
      const ms = performance.now() - started;
      samples.push({ phase: at, ms, status });
      if (ms < intervalMs) await sleep(intervalMs - ms);
    }
    agent.destroy();
    return samples;
  })();
}

export default async function jobsLatencyBenchmark() {
  const { values } = parseArgs({
    args: process.argv.slice(3),
    options: {
      count: { type: 'string', default: '2000' },
      interval: { type: 'string', default: '50' },
      postgres: { type: 'boolean', default: false },
    },
  });
  const count = Number(values.count);
  const intervalMs = Number(values.interval);
  if (values.postgres) process.env.DATABASE_CLIENT = 'postgres';
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  ensureCompiled();

  const database = await createTestDatabase();
  const server = await startServer({ ...database.env, NODE_ENV: 'production' }, { nodeArgs: benchServerNodeArgs() });
  try {
    const jwt = await registerFirstAdminOver(server.base);
    const width = String(count).length;
    const files = generateArticles(count, { seed: 5005 }).map((a, i) => ({ name: `job-${String(i).padStart(width, '0')}.txt`, bytes: a.text }));
    const { body, contentType } = multipartBody(files);
    console.log(
      `jobs-latency: ${count} files (${(body.length / 1e6).toFixed(1)} MB upload), ${client}, ${os.cpus().length} cores, node ${process.version}; probes every ${intervalMs} ms; load before: ${loadavg()}`
    );

    let phase: Phase = 'upload';
    let finished = false;
    const probes = [
      probe(`${server.base}/_health`, intervalMs, () => phase, () => finished),
      probe(`${server.base}/api/articles?pagination[pageSize]=1`, intervalMs, () => phase, () => finished),
    ];
    await sleep(200);
    const started = performance.now();
    const upload = await httpRequest(`${server.base}/raw-import/jobs`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': contentType, 'Content-Length': body.length },
      body,
    });
    const acceptedMs = performance.now() - started;
    if (upload.status !== 202) throw new Error(`upload answered ${upload.status}: ${upload.body.slice(0, 500)}`);
    phase = 'run';
    const { jobId } = JSON.parse(upload.body);
    let job;
    for (;;) {
      job = await jobOver(server.base, jwt, jobId);
      if (job.status !== 'queued' && job.status !== 'running') break;
      // As the admin panel follows a job: once a second (each answer carries every result so far).
      await sleep(1000);
    }
    const doneMs = performance.now() - started;
    // The same probes for a few seconds with no job: what the server answers in at this load.
    phase = 'after';
    await sleep(5000);
    finished = true;
    const [health, articles] = await Promise.all(probes);

    const row = (label: string, samples: Sample[]) => {
      const s = stats(samples);
      console.log(
        `${label.padEnd(60)} ${String(s.n).padStart(6)} ${s.p50.toFixed(0).padStart(7)} ${s.p99.toFixed(0).padStart(7)} ${s.max.toFixed(0).padStart(7)} ${String(s.bad).padStart(6)}`
      );
      return s;
    };
    console.log(`upload answered 202 after ${(acceptedMs / 1000).toFixed(2)} s; job ${job.status} after ${(doneMs / 1000).toFixed(1)} s (${(count / ((doneMs - acceptedMs) / 1000)).toFixed(0)} files/s after the 202)`);
    console.log(`${'probe'.padEnd(60)} ${'n'.padStart(6)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)} ${'errors'.padStart(6)}`);
    const all: Record<string, ReturnType<typeof stats>> = {};
    for (const [name, samples] of [
      ['GET /_health', health],
      ['GET /api/articles?pagination[pageSize]=1', articles],
    ] as const) {
      all[`${name} upload`] = row(`${name}, upload`, samples.filter((s) => s.phase === 'upload'));
      all[`${name} run`] = row(`${name}, run`, samples.filter((s) => s.phase === 'run'));
      all[name] = row(`${name}, upload+run`, samples.filter((s) => s.phase !== 'after'));
      row(`${name}, no job (5 s after)`, samples.filter((s) => s.phase === 'after'));
    }
    const bars = [
      { label: 'p99 of /_health < 200 ms', pass: all['GET /_health'].p99 < 200 },
      { label: 'p99 of /api/articles < 200 ms', pass: all['GET /api/articles?pagination[pageSize]=1'].p99 < 200 },
      { label: '/_health always within 1 s', pass: all['GET /_health'].max < 1000 },
    ];
    for (const bar of bars) console.log(`  ${bar.label.padEnd(34)} ${bar.pass ? 'PASS' : 'FAIL'}`);

    const ok = job.status === 'done' && job.total === count && job.imported === count;
    console.log(
      `job: status=${job.status} total=${job.total} done=${job.done} imported=${job.imported} duplicates=${job.duplicates} failed=${job.failed} ${ok ? 'OK' : 'NOT OK'}`
    );
    console.log(`load after: ${loadavg()}`);
    if (!ok) process.exitCode = 1;
  } finally {
    await server.stop();
    await database.drop();
  }
}
