/**
 * `npm run bench -- api [--count N[,M…]] [--postgres] [--duration S] [--warmup S] [--connections C] [--urls U] [--rounds R]`
 *
 * The content API under load, on a STARTED server: for each N (default 10000; `--count 1000,10000`
 * runs both), N generated texts (bench/generate.ts) imported with the import CLI and --publish into
 * a throw-away database (SQLite under os.tmpdir(); with --postgres a scratch database on the
 * DATABASE_* server, 127.0.0.1:5432 user postgres by default), then `strapi start` of the compiled
 * app as a child process (NODE_ENV=production), and autocannon (C connections, default 20; each
 * test S seconds, default 10, after a warm-up of default 3 s) measures side by side, R rounds back
 * to back (default 1):
 *  1. an article by slug with its default population (body, teasers in order with their linked
 *     article, figures): GET /api/articles?filters[slug][$eq]=… over U slugs (default 1000);
 *  2. Strapi's plain findOne of a figure: GET /api/figures/:documentId over U figures;
 *  3. the 304 revalidation of 1: the same URLs with If-None-Match set to the ETag each got before.
 * Before them, each URL is requested once (8 connections) for its ETag: that pass is the cold
 * path (no article answer kept yet, see src/middlewares/content-cache.ts), and its requests/s and
 * p50/p99 are printed too. Tests 1 and 3 then find their answers kept by tag, as a site's popular
 * pages would; test 2 (Strapi's plain findOne) is never kept.
 * It prints requests/s, p50 and p99 (ms), errors and non-2xx (and 304s), the ratios the issue's
 * bars use and PASS/FAIL per bar, and the load average. It asserts nothing on time.
 * BENCH_SERVER_NODE_ARGS passes node flags to the server (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`).
 */
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import { parseArgs } from 'util';
import { runImportCli } from '../tests/helpers/cli';
import { benchServerNodeArgs, startServer, type ServerProcess } from '../tests/helpers/server';
import { createTestDatabase } from '../tests/helpers/strapi';
import { generateArticles } from './generate';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; totalCount: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
  duration: number;
}

const loadavg = () => fs.readFileSync('/proc/loadavg', 'utf8').trim();

interface Options {
  duration: number;
  warmup: number;
  connections: number;
  urls: number;
  rounds: number;
}

// ---------------------------------------------------------------------------------------------
// Requests (kept alive; the server is tests/helpers/server's startServer)

interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 20 });

function get(base: string, url: string, headers: Record<string, string> = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${url}`, { headers, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
  });
}

// ---------------------------------------------------------------------------------------------
// What is requested

const slugUrl = (slug: string) => `/api/articles?filters[slug][$eq]=${encodeURIComponent(slug)}`;
const figureUrl = (documentId: string) => `/api/figures/${documentId}`;

/** `want` values of `key` spread evenly over a paginated public list (fields[0]=field), through the API itself. */
async function sample(base: string, collection: string, field: string, key: string, want: number): Promise<string[]> {
  const page = async (n: number) => {
    const res = await get(base, `/api/${collection}?fields[0]=${field}&sort[0]=id:asc&pagination[pageSize]=100&pagination[page]=${n}`);
    if (res.status !== 200) throw new Error(`GET /api/${collection} answered ${res.status} to an anonymous caller: ${res.body.slice(0, 300)}`);
    return JSON.parse(res.body) as { data: Array<Record<string, string>>; meta: { pagination: { total: number; pageCount: number } } };
  };
  const first = await page(1);
  const { total, pageCount } = first.meta.pagination;
  const pages = Math.min(pageCount, Math.ceil(want / 100));
  const numbers = Array.from({ length: pages }, (_, i) => 1 + Math.floor((i * pageCount) / pages));
  const values: string[] = [];
  for (const n of numbers) values.push(...(n === 1 ? first : await page(n)).data.map((item) => item[key]));
  if (values.length < Math.min(want, total)) throw new Error(`only ${values.length} ${collection} found`);
  // Spread over the whole table when pages were skipped; every item when want ≥ total.
  const step = values.length / Math.min(want, values.length);
  return Array.from({ length: Math.min(want, values.length) }, (_, i) => values[Math.floor(i * step)]);
}

/** Each URL once (8 at a time): 200, the expected shape, its ETag (for the 304 test), and how long each took. */
async function firstAnswers(base: string, urls: string[], check: (url: string, body: any) => string | null) {
  const etags: string[] = new Array(urls.length);
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < urls.length) {
      const i = next++;
      const sent = performance.now();
      const res = await get(base, urls[i]);
      latencies.push(performance.now() - sent);
      if (res.status !== 200) throw new Error(`GET ${urls[i]} answered ${res.status}: ${res.body.slice(0, 300)}`);
      const problem = check(urls[i], JSON.parse(res.body));
      if (problem) throw new Error(`GET ${urls[i]}: ${problem}`);
      etags[i] = String(res.headers.etag ?? '');
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { etags, rps: urls.length / ((performance.now() - started) / 1000), p50: at(0.5), p99: at(0.99) };
}

const checkArticle = (slug: string) => (_url: string, body: any) => {
  const article = body?.data?.[0];
  if (body?.data?.length !== 1 || article.slug !== slug) return `expected the one article ${slug}`;
  if (!Array.isArray(article.body) || !Array.isArray(article.teasers) || !Array.isArray(article.figures)) return 'body, teasers or figures missing';
  if (article.teasers.some((t: any) => !('linkedArticle' in t))) return 'teasers without linkedArticle';
  return null;
};
const checkFigure = (documentId: string) => (_url: string, body: any) =>
  body?.data?.documentId === documentId ? null : `expected figure ${documentId}`;

// ---------------------------------------------------------------------------------------------
// Load

interface Measure {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  statuses: Record<string, number>;
}

/** autocannon over `urls`, round robin across all connections (each request takes the next URL). */
async function load(base: string, urls: string[], headersOf: ((i: number) => Record<string, string>) | null, seconds: number, connections: number): Promise<Measure> {
  let next = 0;
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request: Record<string, unknown>) => {
          const i = next++ % urls.length;
          return { ...request, path: urls[i], headers: headersOf ? headersOf(i) : {} };
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.latency.totalCount,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statuses: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count])),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

interface RunResult {
  count: number;
  client: string;
  slug: Measure;
  figure: Measure;
  revalidate: Measure;
  load: string;
}

async function runOnce(count: number, client: string, options: Options): Promise<RunResult> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-api-bench-'));
  const database = await createTestDatabase();
  let server: ServerProcess | null = null;
  try {
    const articles = generateArticles(count, { seed: 7007 });
    const texts = path.join(work, 'texts');
    fs.mkdirSync(texts);
    const width = String(count).length;
    articles.forEach((a, i) => fs.writeFileSync(path.join(texts, `a-${String(i).padStart(width, '0')}.txt`), a.text));
    const env = { ...database.env, NODE_ENV: 'production' };
    const imported = await runImportCli([texts, '--publish'], env);
    if (imported.code !== 0 || !imported.summary.includes(`imported=${count} `)) {
      throw new Error(`import CLI (${imported.code}): ${imported.summary}\n${imported.stderr.slice(-2000)}`);
    }
    console.log(`\napi benchmark: ${count} published articles (${client}), imported in ${imported.seconds.toFixed(1)} s: ${imported.summary}`);

    server = await startServer(env, { nodeArgs: benchServerNodeArgs() });
    const want = Math.min(options.urls, count);
    const slugs = await sample(server.base, 'articles', 'slug', 'slug', want);
    const figures = await sample(server.base, 'figures', 'value', 'documentId', want);
    const slugUrls = slugs.map(slugUrl);
    const figureUrls = figures.map(figureUrl);
    const first = await firstAnswers(server.base, slugUrls, (url, body) => checkArticle(slugs[slugUrls.indexOf(url)])(url, body));
    const etags = first.etags;
    const firstFigures = await firstAnswers(server.base, figureUrls, (url, body) => checkFigure(figures[figureUrls.indexOf(url)])(url, body));
    const missing = etags.filter((tag) => !tag).length;
    if (missing) throw new Error(`${missing} of ${etags.length} article-by-slug answers came without an ETag`);
    const probe = await get(server.base, slugUrls[0], { 'If-None-Match': etags[0] });
    if (probe.status !== 304) throw new Error(`If-None-Match with the ETag answered ${probe.status}, not 304`);
    console.log(`anonymous GET ${slugUrls[0]} → 200 (ETag ${etags[0]}); GET ${figureUrls[0]} → 200; with If-None-Match → 304`);
    // The first request of each URL: nothing kept yet, so every article answer is built (the route runs).
    console.log(
      `first request of each URL (8 connections, nothing kept yet): article by slug ${first.rps.toFixed(0)} req/s p50 ${first.p50.toFixed(0)} ms p99 ${first.p99.toFixed(0)} ms; figure ${firstFigures.rps.toFixed(0)} req/s p50 ${firstFigures.p50.toFixed(0)} ms p99 ${firstFigures.p99.toFixed(0)} ms`
    );
    console.log(
      `${options.connections} connections, ${options.duration} s per test after ${options.warmup} s warm-up, ${slugUrls.length} slugs / ${figureUrls.length} figures in rotation, ${options.rounds} round(s); load before: ${loadavg()}`
    );

    const revalidateHeaders = (i: number) => ({ 'If-None-Match': etags[i] });
    const tests: Array<{ key: 'slug' | 'figure' | 'revalidate'; urls: string[]; headers: ((i: number) => Record<string, string>) | null }> = [
      { key: 'slug', urls: slugUrls, headers: null },
      { key: 'figure', urls: figureUrls, headers: null },
      { key: 'revalidate', urls: slugUrls, headers: revalidateHeaders },
    ];
    for (const test of tests) await load(server.base, test.urls, test.headers, options.warmup, options.connections);
    const measured: Record<'slug' | 'figure' | 'revalidate', Measure[]> = { slug: [], figure: [], revalidate: [] };
    for (let round = 0; round < options.rounds; round += 1) {
      for (const test of tests) measured[test.key].push(await load(server.base, test.urls, test.headers, options.duration, options.connections));
    }
    const merge = (runs: Measure[]): Measure => ({
      rps: median(runs.map((r) => r.rps)),
      p50: median(runs.map((r) => r.p50)),
      p99: median(runs.map((r) => r.p99)),
      requests: runs.reduce((s, r) => s + r.requests, 0),
      errors: runs.reduce((s, r) => s + r.errors, 0),
      non2xx: runs.reduce((s, r) => s + r.non2xx, 0),
      statuses: runs.reduce<Record<string, number>>((all, r) => {
        for (const [code, n] of Object.entries(r.statuses)) all[code] = (all[code] ?? 0) + n;
        return all;
      }, {}),
    });
    const result = { count, client, slug: merge(measured.slug), figure: merge(measured.figure), revalidate: merge(measured.revalidate), load: loadavg() };
    report(result, options.rounds > 1 ? measured : null);
    return result;
  } finally {
    await server?.stop();
    await database.drop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Output

const LABELS = {
  slug: '1. article by slug (body, teasers, figures)',
  figure: '2. figure findOne',
  revalidate: '3. 304 revalidation of 1.',
};

function row(label: string, m: Measure, revalidation: boolean) {
  const status304 = m.statuses['304'] ?? 0;
  const others = Object.entries(m.statuses).filter(([code]) => !code.startsWith('2') && (!revalidation || code !== '304'));
  const extra = revalidation ? `  304s ${status304} of ${m.requests}` : '';
  const otherText = others.length ? others.map(([code, n]) => `${code}×${n}`).join(' ') : '0';
  console.log(
    `${label.padEnd(46)} ${m.rps.toFixed(0).padStart(7)} ${m.p50.toFixed(0).padStart(7)} ${m.p99.toFixed(0).padStart(7)} ${String(m.requests).padStart(8)} ${String(m.errors).padStart(6)} ${String(m.non2xx).padStart(8)}   ${revalidation ? 'other than 304' : 'non-2xx'}: ${otherText}${extra}`
  );
}

function bars(r: RunResult) {
  const slugOverFigure = r.slug.rps / r.figure.rps;
  const p99Ratio = r.slug.p99 / r.figure.p99;
  const revalidateOverFigure = r.revalidate.rps / r.figure.rps;
  const cleanRevalidation = (r.revalidate.statuses['304'] ?? 0) === r.revalidate.requests;
  return [
    { label: 'slug rps / figure rps', value: slugOverFigure, bar: '≥ 0.8', pass: slugOverFigure >= 0.8 },
    { label: 'slug p99 / figure p99', value: p99Ratio, bar: '≤ 2', pass: p99Ratio <= 2 },
    { label: '304 rps / figure rps', value: revalidateOverFigure, bar: '≥ 2', pass: revalidateOverFigure >= 2 && cleanRevalidation },
  ];
}

function report(r: RunResult, rounds: Record<'slug' | 'figure' | 'revalidate', Measure[]> | null) {
  const header = `${'request'.padEnd(46)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'requests'.padStart(8)} ${'errors'.padStart(6)} ${'non-2xx'.padStart(8)}`;
  if (rounds) {
    rounds.slug.forEach((_, i) => {
      console.log(`round ${i + 1}:`);
      console.log(header);
      for (const key of ['slug', 'figure', 'revalidate'] as const) row(LABELS[key], rounds[key][i], key === 'revalidate');
    });
    console.log('median over rounds (requests, errors and statuses summed):');
  }
  console.log(header);
  row(LABELS.slug, r.slug, false);
  row(LABELS.figure, r.figure, false);
  row(LABELS.revalidate, r.revalidate, true);
  for (const bar of bars(r)) console.log(`  ${bar.label.padEnd(24)} ${bar.value.toFixed(2).padStart(6)}   bar ${bar.bar.padEnd(5)} ${bar.pass ? 'PASS' : 'FAIL'}`);
  console.log(`load after: ${r.load}`);
}

export default async function apiBenchmark() {
  const { values } = parseArgs({
    args: process.argv.slice(3),
    options: {
      count: { type: 'string', multiple: true, default: ['10000'] },
      postgres: { type: 'boolean', default: false },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      connections: { type: 'string', default: '20' },
      urls: { type: 'string', default: '1000' },
      rounds: { type: 'string', default: '1' },
    },
  });
  const counts = values.count.flatMap((c) => c.split(',')).map(Number);
  if (counts.some((c) => !Number.isInteger(c) || c < 2)) throw new Error(`--count wants whole numbers ≥ 2, got ${values.count.join(',')}`);
  if (values.postgres) {
    process.env.DATABASE_CLIENT = 'postgres';
    process.env.DATABASE_HOST ??= '127.0.0.1';
    process.env.DATABASE_PORT ??= '5432';
    process.env.DATABASE_USERNAME ??= 'postgres';
  }
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  const options: Options = {
    duration: Number(values.duration),
    warmup: Number(values.warmup),
    connections: Number(values.connections),
    urls: Number(values.urls),
    rounds: Math.max(1, Number(values.rounds)),
  };
  console.log(`api benchmark: ${counts.join(', ')} articles, ${client}, ${os.cpus().length} cores, node ${process.version}`);
  const results: RunResult[] = [];
  for (const count of counts) results.push(await runOnce(count, client, options));
  if (results.length > 1) {
    console.log('\nsummary:');
    for (const r of results) {
      const text = bars(r).map((b) => `${b.label} ${b.value.toFixed(2)} ${b.pass ? 'PASS' : 'FAIL'}`).join('; ');
      console.log(`  ${String(r.count).padStart(6)} articles: slug ${r.slug.rps.toFixed(0)} req/s p99 ${r.slug.p99.toFixed(0)} ms, figure ${r.figure.rps.toFixed(0)} req/s p99 ${r.figure.p99.toFixed(0)} ms, 304 ${r.revalidate.rps.toFixed(0)} req/s — ${text}`);
    }
  }
  agent.destroy();
}
