/**
 * Bulk jobs survive a killed server. Real server processes (`strapi start` of the compiled app)
 * on one database, SIGKILLed while a job runs:
 * - SQLite (default): one server on a file database, killed mid-job, started again, killed again,
 *   stopped with SIGTERM mid-job, started again: the job finishes by itself.
 * - PostgreSQL (DATABASE_CLIENT=postgres, as `npm run test:postgres` runs it): two instances, the
 *   one running the job is killed; the other takes it over and finishes it.
 * Either way every text is stored exactly once and reported exactly once.
 */
import knexFactory, { type Knex } from 'knex';
import { generateArticles } from '../../bench/generate';
import { createTestDatabase, type TestDatabase } from '../helpers/strapi';
import { jobOver, loginFirstAdminOver, registerFirstAdminOver, startServer, submitJobOver, type ServerProcess } from '../helpers/server';

const postgres = process.env.DATABASE_CLIENT === 'postgres';
const COUNT = 2000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

jest.setTimeout(15 * 60_000);

let database: TestDatabase;
let knex: Knex;
const servers: ServerProcess[] = [];

/** Reads the test's database directly (the servers are other processes). */
function connect(): Knex {
  if (postgres) {
    return knexFactory({
      client: 'pg',
      connection: {
        host: process.env.DATABASE_HOST ?? '127.0.0.1',
        port: Number(process.env.DATABASE_PORT ?? 5432),
        user: process.env.DATABASE_USERNAME ?? 'postgres',
        password: process.env.DATABASE_PASSWORD ?? '',
        database: process.env.DATABASE_NAME,
      },
      pool: { min: 0, max: 2 },
    });
  }
  return knexFactory({ client: 'better-sqlite3', connection: { filename: process.env.DATABASE_FILENAME! }, useNullAsDefault: true });
}

async function boot(): Promise<ServerProcess> {
  // A short heartbeat timeout is not needed: a restarted server, or another instance on this
  // machine, sees at once that the job's process is gone.
  const server = await startServer({ ...database.env, NODE_ENV: 'test', STRAPI_LOG_LEVEL: 'error' });
  servers.push(server);
  return server;
}

const jobRow = async (documentId: string) => (await knex('raw_import_jobs').where({ document_id: documentId }).first())!;

/** Polls the database until `test` holds for the job row (bounded). */
async function waitForRow(documentId: string, test: (row: Record<string, any>) => boolean, what: string, timeoutMs = 300_000) {
  const started = Date.now();
  for (;;) {
    const row = await jobRow(documentId);
    if (test(row)) return row;
    if (Date.now() - started > timeoutMs) throw new Error(`job ${documentId} never ${what}: ${JSON.stringify(row)}`);
    await sleep(100);
  }
}

/** Everything the job must leave behind, read from the database itself and from the job's report. */
async function expectEachTextOnce(base: string, jwt: string, jobId: string, names: string[]) {
  const report = await jobOver(base, jwt, jobId);
  expect(report).toEqual(
    expect.objectContaining({ status: 'done', total: COUNT, done: COUNT, imported: COUNT, updated: 0, duplicates: 0, conflicts: 0, failed: 0 })
  );
  expect(report.results).toHaveLength(COUNT);
  // Every file once (in the order the multipart parser stored them, not always the order they were sent in).
  expect(report.results.map((result: { file: string }) => result.file).sort()).toEqual([...names].sort());
  expect(new Set(report.results.map((result: { status: string }) => result.status))).toEqual(new Set(['created']));
  const documentIds = report.results.map((result: { documentId: string }) => result.documentId);
  expect(new Set(documentIds).size).toBe(COUNT);

  const articles = await knex('articles').select('document_id', 'source_name').whereNull('published_at');
  expect(articles).toHaveLength(COUNT);
  expect(new Set(articles.map((a) => a.source_name)).size).toBe(COUNT);
  expect(new Set(articles.map((a) => a.document_id))).toEqual(new Set(documentIds));

  const job = await jobRow(jobId);
  const files = await knex('raw_import_job_files').where({ job_id: job.id }).select('state', 'content', 'position');
  expect(files).toHaveLength(COUNT);
  expect(files.filter((file) => file.state !== 'created')).toEqual([]);
  expect(files.filter((file) => file.content !== null)).toEqual([]);
  expect(new Set(files.map((file) => Number(file.position))).size).toBe(COUNT);

  // The import log: one row per text, written by the job.
  const logged = await knex('raw_import_log').where({ actor_type: 'job', actor_id: jobId }).select('outcome', 'article_document_id');
  expect(logged).toHaveLength(COUNT);
  expect(new Set(logged.map((row) => row.article_document_id))).toEqual(new Set(documentIds));
  expect(new Set(logged.map((row) => row.outcome))).toEqual(new Set(['created']));
  return job;
}

const files = generateArticles(COUNT, { seed: 6006 }).map((article, i) => ({ name: `resume-${String(i).padStart(4, '0')}.txt`, bytes: article.text }));
const names = files.map(({ name }) => name);

beforeAll(async () => {
  database = await createTestDatabase();
  knex = connect();
});

afterAll(async () => {
  for (const server of servers) await server.kill();
  await knex?.destroy();
  await database?.drop();
});

(postgres ? describe.skip : describe)('a server killed while a job runs, on SQLite', () => {
  it(`finishes a ${COUNT}-file job by itself after two SIGKILLs and a SIGTERM, each text stored once`, async () => {
    let server = await boot();
    const jwt = await registerFirstAdminOver(server.base);
    const { jobId } = await submitJobOver(server.base, jwt, files);

    // Killed once a few batches are in, wherever the batch in flight is.
    const before1 = await waitForRow(jobId, (row) => Number(row.done) >= 300, 'reached 300 files');
    await server.kill();
    const killed1 = await jobRow(jobId);
    expect(killed1.state).toBe('running');
    expect(Number(killed1.done)).toBeGreaterThanOrEqual(Number(before1.done));
    expect(Number(killed1.done)).toBeLessThan(COUNT);

    // Started again: it finds the job of its dead predecessor and goes on with it.
    server = await boot();
    await waitForRow(jobId, (row) => row.state === 'running' && Number(row.attempts) === 2 && Number(row.done) >= Number(killed1.done) + 300, 'resumed');
    await server.kill();
    const killed2 = await jobRow(jobId);
    expect(Number(killed2.done)).toBeLessThan(COUNT);

    // A graceful stop mid-job: the job goes back to the queue, not to `interrupted`.
    server = await boot();
    await waitForRow(jobId, (row) => row.state === 'running' && Number(row.attempts) === 3 && Number(row.done) > Number(killed2.done), 'resumed again');
    await server.stop();
    const stopped = await jobRow(jobId);
    if (Number(stopped.done) < COUNT) expect(stopped).toEqual(expect.objectContaining({ state: 'queued', owner: null }));

    server = await boot();
    const done = await waitForRow(jobId, (row) => !['queued', 'running'].includes(row.state), 'finished');
    expect(done.state).toBe('done');
    const job = await expectEachTextOnce(server.base, await loginFirstAdminOver(server.base), jobId, names);
    expect(Number(job.stalls)).toBe(0);
    console.log(
      `job-resume (sqlite): killed at ${killed1.done} and ${killed2.done} files done, stopped at ${stopped.done}, ` +
        `${job.attempts} attempts, done: ${COUNT} files, ${COUNT} articles, each once`
    );
    await server.stop();
  });
});

(postgres ? describe : describe.skip)('two instances on one PostgreSQL database, the one running a job killed', () => {
  it(`the other takes the ${COUNT}-file job over and finishes it, each text stored once`, async () => {
    const first = await boot();
    const jwt = await registerFirstAdminOver(first.base);
    const second = await boot();
    const { jobId } = await submitJobOver(first.base, jwt, files);

    const running = await waitForRow(jobId, (row) => row.state === 'running' && Number(row.done) >= 300, 'reached 300 files');
    // Whichever instance claimed it (the owner names its pid) is killed.
    const ownerPid = Number(String(running.owner).split(':')[1]);
    const victim = [first, second].find((server) => server.pid === ownerPid);
    const survivor = [first, second].find((server) => server.pid !== ownerPid)!;
    expect(victim).toBeDefined();
    await victim!.kill();
    const killed = await jobRow(jobId);
    expect(killed.state).toBe('running');
    expect(Number(killed.done)).toBeLessThan(COUNT);

    const done = await waitForRow(jobId, (row) => !['queued', 'running'].includes(row.state), 'finished');
    expect(done.state).toBe('done');
    expect(Number(done.attempts)).toBe(2);
    const job = await expectEachTextOnce(survivor.base, await loginFirstAdminOver(survivor.base), jobId, names);
    console.log(`job-resume (postgres): instance ${ownerPid} killed at ${killed.done} files done; the other finished: ${job.attempts} attempts, ${COUNT} articles, each once`);
    await survivor.stop();
  });
});
