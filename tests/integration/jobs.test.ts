import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import request from 'supertest';
import type { GetJob, JobFileResult, JobSummary, RawFile } from '../../src/plugins/raw-import/shared/contracts';
import { JOB_BATCH_SIZE as BATCH_SIZE } from '../../src/plugins/raw-import/server/src/services/job-worker';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken, loginWithRole, registerFirstAdmin } from '../helpers/auth';

const ARTICLE = 'api::article.article';
const JOB = 'plugin::raw-import.job';
const JOB_FILE = 'plugin::raw-import.job-file';
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'jobs');

type Auth = Record<string, string>;
type Upload = string | { name: string; bytes: Buffer };

let app: TestApp;
let adminJwt: string;

const admin = (): Auth => ({ Authorization: `Bearer ${adminJwt}` });
const bearer = (token: string): Auth => ({ Authorization: `Bearer ${token}` });
const jobs = () => app.strapi.plugin('raw-import').service('jobs');
const bulk = () => app.strapi.plugin('raw-import').service('bulk');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const readFixture = (name: string): RawFile => ({ file: name, bytes: fs.readFileSync(path.join(FIXTURES, name)) });

/** A short made-up market report, distinct for every n: enough of them make several batches. */
const marketReport = (n: number) =>
  Buffer.from(
    [
      `Riverside market fair report number ${n}`,
      '',
      `Traders at the riverside market reported brisk business on the ${n}th stall count of the autumn fair, with queues forming early at the bakery stalls.`,
      '',
      'Organisers said the fair would continue through the weekend and that stallholders had asked for longer opening hours.',
      '',
      'The harbour authority plans to dredge the inner basin before the winter…',
    ].join('\n')
  );

function submitJob(
  uploads: Upload[],
  auth: Auth,
  options: { api?: boolean; publish?: boolean; fields?: Record<string, string> } = {}
) {
  let req = request(app.server).post(`${options.api ? '/api' : ''}/raw-import/jobs`).set(auth);
  for (const upload of uploads) {
    req = typeof upload === 'string'
      ? req.attach('files', path.join(FIXTURES, upload))
      : req.attach('files', upload.bytes, upload.name);
  }
  if (options.publish) req = req.field('publish', 'true');
  for (const [name, value] of Object.entries(options.fields ?? {})) req = req.field(name, value);
  return req;
}

/** Polls the job until it is no longer queued or running (bounded), keeping every answer seen. */
async function waitForJob(jobId: string, auth: Auth = admin(), api = false) {
  const seen: GetJob.Response[] = [];
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const res = await request(app.server).get(`${api ? '/api' : ''}/raw-import/jobs/${jobId}`).set(auth).expect(200);
    seen.push(res.body);
    if (res.body.status !== 'queued' && res.body.status !== 'running') return { job: res.body as GetJob.Response, seen };
    await sleep(50);
  }
  throw new Error(`job ${jobId} still ${seen.at(-1)?.status} after ${seen.length} polls`);
}

async function waitForStatus(jobId: string, status: string) {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const job = await jobs().getJob(jobId);
    if (job?.status === status) return job as GetJob.Response;
    await sleep(50);
  }
  throw new Error(`job ${jobId} never became ${status}`);
}

const draftsFrom = (sourceNames: string[]) =>
  app.strapi.db.query(ARTICLE).findMany({ where: { sourceName: { $in: sourceNames }, publishedAt: null } });

/** The stored texts of a job's files: null once the job no longer needs them. */
async function storedTexts(jobRowId: number) {
  const files = await app.strapi.db.query(JOB_FILE).findMany({ where: { jobId: jobRowId }, orderBy: { position: 'asc' } });
  return files.map((file: { content: string | null }) => file.content);
}

/**
 * A job as an instance that died mid-way leaves it: running, with its last heartbeat at
 * `heartbeatAt`, the files it finished reported in `results` and the others still pending.
 */
async function insertCutOffJob(files: RawFile[], heartbeatAt: Date, progress: Partial<GetJob.Response> = {}) {
  const { results = [], ...counts } = progress;
  const job = await app.strapi.db.query(JOB).create({
    data: {
      state: 'running',
      owner: 'instance-that-crashed',
      heartbeatAt,
      total: files.length,
      done: 0,
      imported: 0,
      duplicates: 0,
      failed: 0,
      publish: false,
      ...counts,
    },
  });
  for (const [position, { file, bytes }] of files.entries()) {
    const result = results[position];
    await app.strapi.db.query(JOB_FILE).create({
      data: result
        ? { jobId: job.id, position, file, state: result.status, articleDocumentId: result.documentId }
        : { jobId: job.id, position, file, state: 'pending', content: Buffer.from(bytes).toString('base64') },
    });
  }
  return job;
}

beforeAll(async () => {
  app = await bootStrapi();
  adminJwt = await registerFirstAdmin(app);
});

afterAll(async () => {
  await app?.close();
});

describe('bulk-import jobs from the admin panel', () => {
  const articles = ['council-budget.txt', 'ferry-strike.txt', 'library-reopens.txt', 'marathon-record.txt'];
  const uploads = ['council-budget.txt', 'empty.txt', 'ferry-strike.txt', 'scanned-page.png', 'library-reopens.txt', 'marathon-record.txt'];
  let first: GetJob.Response;
  let second: GetJob.Response;

  it('accepts several files, imports them in the background and reports each one', async () => {
    const res = await submitJob(uploads, admin()).expect(202);
    expect(res.body).toEqual({ jobId: expect.any(String) });

    const { job, seen } = await waitForJob(res.body.jobId);
    first = job;
    for (const [i, answer] of seen.entries()) {
      expect(answer.total).toBe(uploads.length);
      expect(answer.done).toBeLessThanOrEqual(answer.total);
      if (i > 0) expect(answer.done).toBeGreaterThanOrEqual(seen[i - 1].done);
    }
    expect(job).toEqual(
      expect.objectContaining({
        jobId: res.body.jobId,
        kind: 'import',
        status: 'done',
        total: 6,
        done: 6,
        imported: 4,
        updated: 0,
        duplicates: 0,
        conflicts: 0,
        failed: 2,
        publish: false,
        sourceKey: null,
        onExisting: 'update',
        createdAt: expect.any(String),
        finishedAt: expect.any(String),
      })
    );
    expect(job.results.map((result: JobFileResult) => [result.file, result.status])).toEqual([
      ['council-budget.txt', 'created'],
      ['empty.txt', 'failed'],
      ['ferry-strike.txt', 'created'],
      ['scanned-page.png', 'failed'],
      ['library-reopens.txt', 'created'],
      ['marathon-record.txt', 'created'],
    ]);
    expect(job.results[1].error).toMatch(/empty/i);
    expect(job.results[3].error).toMatch(/binary/i);

    const drafts = await draftsFrom(articles);
    expect(drafts.map((draft: { sourceName: string }) => draft.sourceName).sort()).toEqual([...articles].sort());
    const created = job.results.filter((result: JobFileResult) => result.status === 'created');
    expect(created.map((result: JobFileResult) => result.documentId).sort()).toEqual(
      drafts.map((draft: { documentId: string }) => draft.documentId).sort()
    );
  });

  it('keeps the uploaded texts only until the job is finished', async () => {
    const row = await app.strapi.db.query(JOB).findOne({ where: { documentId: first.jobId } });
    expect(await storedTexts(row.id)).toEqual(Array(uploads.length).fill(null));
  });

  it('answers duplicate for every article when the same files are sent again', async () => {
    const res = await submitJob(uploads, admin()).expect(202);
    const { job } = await waitForJob(res.body.jobId);
    second = job;
    expect(job).toEqual(
      expect.objectContaining({ status: 'done', done: 6, imported: 0, updated: 0, duplicates: 4, conflicts: 0, failed: 2 })
    );
    expect(job.results.map((result: JobFileResult) => result.documentId)).toEqual(
      first.results.map((result: JobFileResult) => result.documentId)
    );
    expect(await draftsFrom(articles)).toHaveLength(articles.length);
  });

  it('lists recent jobs, the most recent first, without their per-file results', async () => {
    const res = await request(app.server).get('/raw-import/jobs').set(admin()).expect(200);
    const ids = res.body.jobs.map((job: JobSummary) => job.jobId);
    expect(ids.indexOf(second.jobId)).toBeLessThan(ids.indexOf(first.jobId));
    expect(res.body.jobs[0]).not.toHaveProperty('results');
    expect(Object.keys(res.body.jobs[0]).sort()).toEqual(
      [
        'jobId', 'kind', 'status', 'total', 'done', 'imported', 'updated', 'duplicates', 'conflicts', 'failed',
        'publish', 'sourceKey', 'onExisting', 'createdAt', 'finishedAt',
      ].sort()
    );
  });

  it('publishes the articles when asked to', async () => {
    const res = await submitJob([{ name: 'market-1.txt', bytes: marketReport(1) }], admin(), { publish: true }).expect(202);
    const { job } = await waitForJob(res.body.jobId);
    expect(job).toEqual(expect.objectContaining({ status: 'done', imported: 1, updated: 0, conflicts: 0, publish: true }));
    const published = await app.strapi.documents(ARTICLE).findOne({ documentId: job.results[0].documentId!, status: 'published' });
    expect(published?.sourceName).toBe('market-1.txt');
  });

  it('reports a file over the size limit as failed without storing it', async () => {
    const maxBytes = app.strapi.config.get('plugin::raw-import.maxBytes');
    app.strapi.config.set('plugin::raw-import.maxBytes', 100);
    try {
      const res = await submitJob(['council-budget.txt'], admin()).expect(202);
      const { job } = await waitForJob(res.body.jobId);
      expect(job).toEqual(expect.objectContaining({ status: 'done', imported: 0, updated: 0, duplicates: 0, conflicts: 0, failed: 1 }));
      expect(job.results[0].error).toMatch(/too large/i);
    } finally {
      app.strapi.config.set('plugin::raw-import.maxBytes', maxBytes);
    }
  });

  it('refuses a request without files', async () => {
    for (const req of [
      request(app.server).post('/raw-import/jobs').set(admin()).field('publish', 'true'),
      request(app.server).post('/raw-import/jobs').set(admin()).send({}),
    ]) {
      const res = await req.expect(400);
      expect(res.body).toEqual({
        data: null,
        error: expect.objectContaining({ status: 400, name: 'ValidationError', message: expect.stringMatching(/files/) }),
      });
    }
  });

  it('answers 404 for a job it does not know', async () => {
    const res = await request(app.server).get('/raw-import/jobs/no-such-job').set(admin()).expect(404);
    expect(res.body.error).toEqual(expect.objectContaining({ status: 404, name: 'NotFoundError' }));
  });

  it('refuses an Author', async () => {
    const auth = bearer(await loginWithRole(app, 'strapi-author', 'author@newsdesk.test'));
    await submitJob(['council-budget.txt'], auth).expect(403);
    await request(app.server).get('/raw-import/jobs').set(auth).expect(403);
    await request(app.server).get(`/raw-import/jobs/${first.jobId}`).set(auth).expect(403);
  });

  it('refuses a request without a JWT', async () => {
    await request(app.server).get('/raw-import/jobs').expect(401);
  });
});

describe('bulk-import jobs on the content API', () => {
  it('lets a full-access token submit a job and follow it', async () => {
    const auth = bearer(await createApiToken(app, 'full-access'));
    const res = await submitJob(['bridge-closure.txt', 'empty.txt'], auth, { api: true }).expect(202);
    const { job } = await waitForJob(res.body.jobId, auth, true);
    expect(job).toEqual(expect.objectContaining({ status: 'done', total: 2, imported: 1, updated: 0, duplicates: 0, conflicts: 0, failed: 1 }));
    const list = await request(app.server).get('/api/raw-import/jobs').set(auth).expect(200);
    expect(list.body.jobs[0].jobId).toBe(res.body.jobId);
  });

  it('lets a custom token granted the jobs actions submit a job and follow it', async () => {
    const token = await createApiToken(app, 'custom', [
      'plugin::raw-import.jobs.submit',
      'plugin::raw-import.jobs.progress',
      'plugin::raw-import.jobs.recent',
    ]);
    const res = await submitJob(['bridge-closure.txt'], bearer(token), { api: true }).expect(202);
    const { job } = await waitForJob(res.body.jobId, bearer(token), true);
    expect(job).toEqual(expect.objectContaining({ status: 'done', imported: 0, updated: 0, duplicates: 1, conflicts: 0, failed: 0 }));
  });

  it('refuses a read-only token, even the reports', async () => {
    const auth = bearer(await createApiToken(app, 'read-only'));
    const submitted = await submitJob(['bridge-closure.txt'], bearer(await createApiToken(app, 'full-access')), { api: true });
    await submitJob(['bridge-closure.txt'], auth, { api: true }).expect(403);
    await request(app.server).get('/api/raw-import/jobs').set(auth).expect(403);
    await request(app.server).get(`/api/raw-import/jobs/${submitted.body.jobId}`).set(auth).expect(403);
  });

  it('refuses the public role', async () => {
    await submitJob(['bridge-closure.txt'], {}, { api: true }).expect(403);
    await request(app.server).get('/api/raw-import/jobs').expect(403);
  });

  it('refuses a request without files', async () => {
    const auth = bearer(await createApiToken(app, 'full-access'));
    const res = await request(app.server).post('/api/raw-import/jobs').set(auth).field('publish', 'true').expect(400);
    expect(res.body.error).toEqual(expect.objectContaining({ status: 400, name: 'ValidationError' }));
  });
});

describe('jobs shared by several instances', () => {
  it('lets exactly one instance claim a queued job', async () => {
    await jobs().stopWorker();
    try {
      const jobId = await jobs().createJob([readFixture('wind-farm.txt')]);
      const { id } = await app.strapi.db.query(JOB).findOne({ where: { documentId: jobId } });
      const claims = await Promise.all([jobs().claimJob(id, 'instance-a'), jobs().claimJob(id, 'instance-b')]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      const row = await app.strapi.db.query(JOB).findOne({ where: { id } });
      expect(row).toEqual(expect.objectContaining({ state: 'running', owner: claims[0] ? 'instance-a' : 'instance-b', attempts: 1 }));
      await app.strapi.db.query(JOB).delete({ where: { id } });
    } finally {
      await jobs().startWorker();
    }
  });

  it('queues a job cut off by a crash again at boot, and finishes it', async () => {
    await jobs().stopWorker();
    const row = await insertCutOffJob([readFixture('wind-farm.txt')], new Date(Date.now() - 10 * 60_000));
    await jobs().startWorker();
    const { job } = await waitForJob(row.documentId);
    expect(job).toEqual(expect.objectContaining({ status: 'done', total: 1, done: 1, failed: 0, finishedAt: expect.any(String) }));
    expect(job.imported + job.duplicates).toBe(1);
    expect(await storedTexts(row.id)).toEqual([null]);
    expect(await jobRow(row.documentId)).toEqual(expect.objectContaining({ attempts: 1, owner: null }));
  });

  it('resumes a running job whose heartbeat stopped where it was cut off: each file imported once', async () => {
    const files: RawFile[] = [1, 2, 3].map((n) => ({ file: `market-resume-${n}.txt`, bytes: marketReport(3000 + n) }));
    // The crashed instance had written its first file, and saved its result with it, before it died.
    await bulk().importFiles([files[0]], {});
    const [written] = await draftsFrom([files[0].file]);
    const row = await insertCutOffJob(files, new Date(Date.now() - 5_000), {
      done: 1,
      imported: 1,
      results: [{ file: files[0].file, status: 'created', documentId: written.documentId }],
    });

    const timeout = app.strapi.config.get('plugin::raw-import.jobHeartbeatTimeoutMs');
    app.strapi.config.set('plugin::raw-import.jobHeartbeatTimeoutMs', 1_000);
    let job: GetJob.Response;
    try {
      ({ job } = await waitForJob(row.documentId));
    } finally {
      app.strapi.config.set('plugin::raw-import.jobHeartbeatTimeoutMs', timeout);
    }
    expect(job).toEqual(expect.objectContaining({ status: 'done', total: 3, done: 3, imported: 3, updated: 0, duplicates: 0, conflicts: 0, failed: 0 }));
    expect(job.results.map((result: JobFileResult) => [result.file, result.status])).toEqual(files.map(({ file }) => [file, 'created']));
    expect(await storedTexts(row.id)).toEqual([null, null, null]);
    const drafts = await draftsFrom(files.map(({ file }) => file));
    expect(drafts.map((draft: { sourceName: string }) => draft.sourceName).sort()).toEqual(files.map(({ file }) => file).sort());
  });

  it('saves progress with each batch, and a shutdown leaves the job queued to resume after the batch in flight', async () => {
    const reports = Array.from({ length: BATCH_SIZE + 50 }, (_, i) => ({ name: `market-report-${i + 100}.txt`, bytes: marketReport(i + 100) }));
    const importFiles = bulk().importFiles;
    const savedAfterFirstBatch: number[] = [];
    let stopping: Promise<void> | undefined;
    // Watches the files the job feeds the importer: the first file of the second batch is only
    // asked for once the first batch (and its progress) is committed; the worker is then told to stop.
    const spy = jest.spyOn(bulk(), 'importFiles').mockImplementation(async (files: AsyncIterable<RawFile>, options: object) => {
      const watched = async function* () {
        let n = 0;
        for await (const file of files) {
          if (n === BATCH_SIZE) {
            const row = await app.strapi.db.query(JOB).findOne({ where: { state: 'running' } });
            savedAfterFirstBatch.push(row.done);
            stopping = jobs().stopWorker();
          }
          n += 1;
          yield file;
        }
      };
      return importFiles(watched(), options);
    });

    let jobId: string;
    try {
      const res = await submitJob(reports, admin()).expect(202);
      jobId = res.body.jobId;
      for (let i = 0; i < 600 && !stopping; i += 1) await sleep(50);
      await stopping;
      expect(savedAfterFirstBatch).toEqual([BATCH_SIZE]);
      // The file handed over before the stop is imported with the batch in flight; the rest waits in the queue.
      expect(await jobs().getJob(jobId)).toEqual(
        expect.objectContaining({ status: 'queued', total: reports.length, done: BATCH_SIZE + 1, imported: BATCH_SIZE + 1, finishedAt: null })
      );
      expect(await jobRow(jobId)).toEqual(expect.objectContaining({ owner: null, stalls: 0 }));
    } finally {
      spy.mockRestore();
      await jobs().startWorker();
    }

    const { job } = await waitForJob(jobId);
    expect(job).toEqual(expect.objectContaining({ status: 'done', total: reports.length, done: reports.length, imported: reports.length, duplicates: 0, failed: 0 }));
    // (In upload order as the multipart parser stored them, not always the order they were sent in.)
    expect(job.results.map((result: JobFileResult) => result.file).sort()).toEqual(reports.map(({ name }) => name).sort());
    const drafts = await draftsFrom(reports.map(({ name }) => name));
    expect(new Set(drafts.map((draft: { sourceName: string }) => draft.sourceName)).size).toBe(reports.length);
    expect(drafts).toHaveLength(reports.length);
  });

  it('commits nothing for an instance whose job was taken over, and the new owner finishes it once', async () => {
    const reports = Array.from({ length: BATCH_SIZE + 20 }, (_, i) => ({ name: `market-takeover-${i}.txt`, bytes: marketReport(i + 1000) }));
    const importFiles = bulk().importFiles;
    let takenOver = false;
    const runs: Array<Promise<unknown>> = [];
    // As the second batch starts, another instance takes the job (as if this one had been given up for dead).
    const spy = jest.spyOn(bulk(), 'importFiles').mockImplementation(async (files: AsyncIterable<RawFile>, options: object) => {
      const watched = async function* () {
        let n = 0;
        for await (const file of files) {
          if (n === BATCH_SIZE && !takenOver) {
            takenOver = true;
            await app.strapi.db.query(JOB).updateMany({ where: { state: 'running' }, data: { owner: 'another-instance', heartbeatAt: new Date() } });
          }
          n += 1;
          yield file;
        }
      };
      const run = importFiles(watched(), options);
      runs.push(run);
      return run;
    });
    let jobId: string;
    try {
      jobId = (await submitJob(reports, admin()).expect(202)).body.jobId;
      for (let i = 0; i < 600 && runs.length === 0; i += 1) await sleep(50);
      // This instance's second batch rolled back: its 20 articles are not there, the job is as the first batch left it.
      await expect(runs[0]).rejects.toThrow(/no longer this instance/);
      expect(takenOver).toBe(true);
      expect(await jobRow(jobId)).toEqual(expect.objectContaining({ state: 'running', owner: 'another-instance', done: BATCH_SIZE, imported: BATCH_SIZE }));
      expect(await draftsFrom(reports.map(({ name }) => name))).toHaveLength(BATCH_SIZE);
    } finally {
      spy.mockRestore();
    }
    // The other instance dies too: this one takes the job back and finishes it.
    await app.strapi.db.query(JOB).updateMany({ where: { documentId: jobId }, data: { heartbeatAt: new Date(Date.now() - 10 * 60_000) } });
    await jobs().sweepJobs();
    const { job } = await waitForJob(jobId);
    expect(job).toEqual(expect.objectContaining({ status: 'done', done: reports.length, imported: reports.length, duplicates: 0 }));
    expect(await draftsFrom(reports.map(({ name }) => name))).toHaveLength(reports.length);
  });

  it('fails a job, with a message, after attempts in a row that save no progress', async () => {
    let calls = 0;
    const spy = jest.spyOn(bulk(), 'importFiles').mockImplementation(async () => {
      calls += 1;
      throw new Error('the importer fell over');
    });
    let jobId: string;
    try {
      jobId = (await submitJob([{ name: 'market-poison.txt', bytes: marketReport(2000) }], admin()).expect(202)).body.jobId;
      await waitForJob(jobId);
    } finally {
      spy.mockRestore();
    }
    const maxStalls = app.strapi.config.get('plugin::raw-import.jobMaxStalls');
    expect(await jobs().getJob(jobId)).toEqual(expect.objectContaining({ status: 'failed', done: 0, finishedAt: expect.any(String) }));
    const row = await jobRow(jobId);
    expect(row).toEqual(expect.objectContaining({ attempts: maxStalls, stalls: maxStalls, owner: null }));
    expect(row.error).toMatch(/no progress.*the importer fell over/);
    expect(calls).toBe(maxStalls);
  });

  it('fails a job whose instance died every time without saving progress, instead of resuming it forever', async () => {
    await jobs().stopWorker();
    try {
      const maxStalls = app.strapi.config.get('plugin::raw-import.jobMaxStalls');
      const row = await insertCutOffJob([readFixture('wind-farm.txt')], new Date(Date.now() - 10 * 60_000), {});
      await app.strapi.db.query(JOB).update({ where: { id: row.id }, data: { stalls: maxStalls - 1, attempts: maxStalls, doneAtClaim: 0 } });
      await jobs().sweepJobs();
      expect(await jobs().getJob(row.documentId)).toEqual(expect.objectContaining({ status: 'failed' }));
      expect((await jobRow(row.documentId)).error).toMatch(/Gave up after 3 attempt\(s\) in a row/);
      expect(await storedTexts(row.id)).toEqual([null]);
    } finally {
      await jobs().startWorker();
    }
  });

  it('recognises an owner of this machine whose process is gone', () => {
    const [host, , , namespace] = jobs().instanceId.split(':');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    expect(jobs().isDeadOwner(`${host}:${gone}:abcdef12:${namespace}`)).toBe(true);
    expect(jobs().isDeadOwner(`${host}:${process.ppid}:abcdef12:${namespace}`)).toBe(false);
    expect(jobs().isDeadOwner(jobs().instanceId)).toBe(false);
    expect(jobs().isDeadOwner(`another-host:${gone}:abcdef12:${namespace}`)).toBe(false);
    expect(jobs().isDeadOwner('instance-that-crashed')).toBe(false);
  });
});

describe('the split thread of a job', () => {
  // The compiled module (the worker script exists only in dist/).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createSplitThread } = require(path.join(__dirname, '..', '..', 'dist', 'src', 'plugins', 'raw-import', 'server', 'src', 'services', 'split-thread.js'));
  const text = marketReport(5000).toString();

  it('prepares texts on a worker thread, in order, and answers a refusal with its message', async () => {
    const thread = createSplitThread();
    try {
      expect(thread.threaded).toBe(true);
      const [ok, refused] = await thread.prepareMany([{ text, options: { sourceName: 'a.txt' } }, { text: '   ', options: {} }]);
      expect(ok.article).toEqual(expect.objectContaining({ sourceName: 'a.txt', title: expect.stringContaining('Riverside market') }));
      // (Made in another realm than jest's: compared by tag.)
      expect(Object.prototype.toString.call(ok.article.signature)).toBe('[object Uint32Array]');
      expect(refused).toEqual({ error: expect.stringMatching(/empty/i) });
    } finally {
      await thread.close();
    }
  });

  it('refuses, one by one, the texts whose split does not finish in time, and starts a new thread after', async () => {
    const slow = createSplitThread({ batchTimeoutMs: 1, textTimeoutMs: 1 });
    try {
      const results = await slow.prepareMany([{ text, options: {} }, { text, options: {} }]);
      expect(results).toEqual([
        { error: expect.stringMatching(/did not finish \(no answer within 0.001 s\)/) },
        { error: expect.stringMatching(/did not finish/) },
      ]);
    } finally {
      await slow.close();
    }
    const thread = createSplitThread();
    try {
      const [again] = await thread.prepareMany([{ text, options: {} }]);
      expect(again.article).toEqual(expect.objectContaining({ title: expect.stringContaining('Riverside market') }));
    } finally {
      await thread.close();
    }
  });
});

describe('old jobs', () => {
  const DAY = 24 * 60 * 60 * 1000;
  async function insertFinishedJob(state: string, finishedDaysAgo: number | null) {
    const job = await app.strapi.db.query(JOB).create({
      data: { state, total: 2, done: state === 'running' ? 0 : 2, finishedAt: finishedDaysAgo === null ? null : new Date(Date.now() - finishedDaysAgo * DAY) },
    });
    for (const position of [0, 1]) {
      await app.strapi.db.query(JOB_FILE).create({ data: { jobId: job.id, position, file: `old-${position}.txt`, state: state === 'running' ? 'pending' : 'created' } });
    }
    return job.id as number;
  }
  const rowsOf = async (ids: number[]) => ({
    jobs: await app.strapi.db.query(JOB).count({ where: { id: { $in: ids } } }),
    files: await app.strapi.db.query(JOB_FILE).count({ where: { jobId: { $in: ids } } }),
  });

  it('deletes finished jobs older than the retention with their file rows, when the worker starts and periodically', async () => {
    const days = app.strapi.config.get('plugin::raw-import.jobRetentionDays');
    expect(days).toBe(30);
    await jobs().stopWorker();
    let expired: number[] = [];
    let kept: number[] = [];
    try {
      expired = [await insertFinishedJob('done', days + 1), await insertFinishedJob('failed', days + 5), await insertFinishedJob('interrupted', 400)];
      kept = [await insertFinishedJob('done', days - 1), await insertFinishedJob('running', null)];
      // A running job that has run for longer than the retention is not finished: kept.
      await app.strapi.db.query(JOB).update({ where: { id: kept[1] }, data: { owner: jobs().instanceId, heartbeatAt: new Date() } });
    } finally {
      await jobs().startWorker();
    }
    expect(await rowsOf(expired)).toEqual({ jobs: 0, files: 0 });
    expect(await rowsOf(kept)).toEqual({ jobs: 2, files: 4 });
    await app.strapi.db.query(JOB).deleteMany({ where: { id: { $in: kept } } });
  });

  it('keeps them forever with a retention of 0 days', async () => {
    const days = app.strapi.config.get('plugin::raw-import.jobRetentionDays');
    app.strapi.config.set('plugin::raw-import.jobRetentionDays', 0);
    let id = 0;
    try {
      id = await insertFinishedJob('done', 1000);
      expect(await jobs().deleteExpiredJobs()).toBe(0);
      expect(await rowsOf([id])).toEqual({ jobs: 1, files: 2 });
    } finally {
      app.strapi.config.set('plugin::raw-import.jobRetentionDays', days);
    }
    expect(await jobs().deleteExpiredJobs()).toBe(1);
    expect(await rowsOf([id])).toEqual({ jobs: 0, files: 0 });
  });

  it('refuses a file row of a job that does not exist, and deletes a job’s rows with it (foreign key or triggers)', async () => {
    // The refusal's message, not `rejects.toThrow`: better-sqlite3's native module is loaded once per
    // process, so after another test file loaded it first its errors come from that file's realm and
    // are no `instanceof Error` here (jest then reports "did not throw").
    const refusal = await app.strapi.db
      .query(JOB_FILE)
      .create({ data: { jobId: 987_654_321, position: 0, file: 'orphan.txt', state: 'pending' } })
      .then(
        () => 'stored',
        (error: { message?: string }) => String(error?.message)
      );
    expect(refusal).toMatch(/foreign key/i);
    const id = await insertFinishedJob('done', 0);
    const { connection: knex } = app.strapi.db;
    const filesOf = async () => Number((await knex('raw_import_job_files').where({ job_id: id }).count({ n: '*' }))[0].n);
    expect(await filesOf()).toBe(2);
    await knex('raw_import_jobs').where({ id }).delete();
    expect(await filesOf()).toBe(0);
  });
});

/**
 * A made-up story long enough to be compared for near-duplicates. `revision` rewrites one
 * sentence of its third paragraph; the other paragraphs stay word for word.
 */
const harbourStory = (revision = 0) =>
  Buffer.from(
    [
      'Harbour trust approves a new ferry terminal after two years of talks',
      '',
      'The harbour trust voted on Tuesday evening to build a new ferry terminal on the eastern quay, ending two years of talks with the island councils, the ferry operators and the residents of the old town.',
      '',
      'The terminal will have two berths, a covered waiting hall for four hundred passengers and a bus stop at its door, and the trust expects the first ferries to use it in the spring of the year after next.',
      '',
      revision === 0
        ? 'The cost of the work is put at forty million, of which the regional government has promised half, and the trust said the rest would come from a rise in harbour dues spread over ten years.'
        : `The cost of the work is now put at ${40 + revision} million, of which the regional government has promised half, and the trust said the rest would come from a rise in harbour dues spread over ten years.`,
      '',
      'Residents of the old town had opposed an earlier plan that would have sent the ferry traffic through their narrow streets, and the trust said the new access road would keep the lorries away from the houses.',
      '',
      'The island councils welcomed the vote and said the new terminal would shorten the crossing by a quarter of an hour, which they hoped would bring more visitors to the islands in the summer months.',
      '',
      'Work on the quay wall is due to begin in the autumn, once the fishing fleet has moved to its winter berths in the inner basin.',
    ].join('\n')
  );

const jobRow = (jobId: string) => app.strapi.db.query(JOB).findOne({ where: { documentId: jobId } });

describe('what a job is asked to do', () => {
  it('stores and reports sourceKey=path and onExisting=skip, and hands them to the importer with the job as actor', async () => {
    const importFiles = bulk().importFiles;
    const seenOptions: Array<Record<string, unknown>> = [];
    const spy = jest.spyOn(bulk(), 'importFiles').mockImplementation((files: AsyncIterable<RawFile>, options: Record<string, unknown>) => {
      seenOptions.push(options);
      return importFiles(files, options);
    });
    let job: GetJob.Response;
    try {
      const res = await submitJob([{ name: 'market-301.txt', bytes: marketReport(301) }], admin(), {
        fields: { sourceKey: 'path', onExisting: 'skip' },
      }).expect(202);
      ({ job } = await waitForJob(res.body.jobId));
    } finally {
      spy.mockRestore();
    }
    expect(job).toEqual(
      expect.objectContaining({ kind: 'import', status: 'done', total: 1, done: 1, imported: 1, sourceKey: 'path', onExisting: 'skip' })
    );
    expect(seenOptions).toEqual([
      expect.objectContaining({
        publish: false,
        sourceKey: 'path',
        onExisting: 'skip',
        eventSource: `job:${job.jobId}`,
        actor: { type: 'job', id: job.jobId, name: expect.stringContaining('Chief Editor <chief@newsdesk.test>') },
        onResult: expect.any(Function),
      }),
    ]);
    // Who submitted it is kept with the job (not on the wire).
    expect((await jobRow(job.jobId)).actor).toEqual({ type: 'admin', id: expect.anything(), name: 'Chief Editor <chief@newsdesk.test>' });
    expect(job).not.toHaveProperty('actor');

    const list = await request(app.server).get('/raw-import/jobs').set(admin()).expect(200);
    expect(list.body.jobs.find((entry: JobSummary) => entry.jobId === job.jobId)).toEqual(
      expect.objectContaining({ sourceKey: 'path', onExisting: 'skip' })
    );
  });

  it('records the API token that submitted a job', async () => {
    const res = await submitJob([{ name: 'market-302.txt', bytes: marketReport(302) }], bearer(await createApiToken(app, 'full-access')), {
      api: true,
      fields: { onExisting: 'update' },
    }).expect(202);
    await waitForJob(res.body.jobId);
    expect((await jobRow(res.body.jobId)).actor).toEqual({
      type: 'api-token',
      id: expect.anything(),
      name: expect.stringMatching(/^full-access-/),
    });
  });

  it('refuses an onExisting or sourceKey it does not know, naming the field, and queues nothing', async () => {
    const before = await app.strapi.db.query(JOB).count();
    for (const [field, value] of [
      ['onExisting', 'overwrite'],
      ['sourceKey', 'url'],
      ['onExisting', ''],
    ]) {
      const res = await submitJob(['council-budget.txt'], admin(), { fields: { [field]: value } }).expect(400);
      expect(res.body.error).toEqual(
        expect.objectContaining({ status: 400, name: 'ValidationError', message: expect.stringContaining(`"${field}"`) })
      );
    }
    const api = await submitJob(['council-budget.txt'], bearer(await createApiToken(app, 'full-access')), {
      api: true,
      fields: { onExisting: 'replace' },
    }).expect(400);
    expect(api.body.error.message).toContain('"onExisting"');
    expect(await app.strapi.db.query(JOB).count()).toBe(before);
  });

  it('keeps the status, changes and possible duplicate of each file as the importer reports them', async () => {
    const reported: JobFileResult[] = [
      { file: 'a.txt', status: 'created', documentId: 'doc-a', possibleDuplicateOf: 'doc-z' },
      { file: 'b.txt', status: 'updated', documentId: 'doc-b', changes: { paragraphs: 1, teasers: 2, figures: 0, fields: ['title', 'byline'] } },
      { file: 'c.txt', status: 'conflict', documentId: 'doc-c', changes: { paragraphs: 3, teasers: 0, figures: 0, fields: [] } },
      { file: 'd.txt', status: 'duplicate', documentId: 'doc-d' },
      { file: 'e.txt', status: 'failed', error: 'empty' },
    ];
    type Options = { onResult: (result: JobFileResult) => unknown; saveResults: (results: Array<{ index: number; result: JobFileResult }>) => Promise<void> };
    const spy = jest.spyOn(bulk(), 'importFiles').mockImplementation(async (files: AsyncIterable<RawFile>, options: Options) => {
      // By name: the multipart parser hands over files as it finishes writing them, not always in upload order.
      let n = 0;
      for await (const file of files) {
        const result = reported.find((entry) => entry.file === file.file)!;
        // As the importer does: saved (in the transaction that wrote it), then reported.
        await options.saveResults([{ index: n, result }]);
        await options.onResult(result);
        n += 1;
      }
      return { total: n, imported: 1, updated: 1, duplicates: 1, conflicts: 1, failed: 1 };
    });
    let job: GetJob.Response;
    try {
      const uploads = reported.map(({ file }, i) => ({ name: file, bytes: marketReport(400 + i) }));
      const res = await submitJob(uploads, admin()).expect(202);
      ({ job } = await waitForJob(res.body.jobId));
    } finally {
      spy.mockRestore();
    }
    expect(job).toEqual(
      expect.objectContaining({ status: 'done', total: 5, done: 5, imported: 1, updated: 1, duplicates: 1, conflicts: 1, failed: 1 })
    );
    expect([...job.results].sort((a, b) => a.file.localeCompare(b.file))).toEqual(reported);
  });
});

describe('resplit jobs', () => {
  it('counts the drafts when queued', async () => {
    await jobs().stopWorker();
    try {
      const drafts = await app.strapi.db.query(ARTICLE).count({ where: { publishedAt: null } });
      const jobId = await jobs().createResplitJob({ type: 'admin', id: 1, name: 'Chief Editor' });
      expect(await jobs().getJob(jobId)).toEqual(
        expect.objectContaining({ kind: 'resplit', status: 'queued', total: drafts, done: 0, publish: false, results: [] })
      );
      await app.strapi.db.query(JOB).delete({ where: { documentId: jobId } });
    } finally {
      await jobs().startWorker();
    }
  });

  it('runs the resplit service and reports each article it went through', async () => {
    const plugin = app.strapi.plugin('raw-import');
    const service = plugin.service.bind(plugin);
    const calls: Array<Record<string, unknown>> = [];
    const fake = {
      async resplitArticles(
        options: { shouldStop: () => boolean; saveResults: (results: JobFileResult[], lastId: number) => Promise<void> } & Record<string, unknown>
      ) {
        calls.push(options);
        // Saved a page at a time (here: an article a page), with the id of its last draft.
        let id = 0;
        for (const result of [
          { file: 'Article one', status: 'updated', documentId: 'doc-1', changes: { paragraphs: 2, teasers: 0, figures: 1, fields: ['title'] } },
          { file: 'Article two', status: 'duplicate', documentId: 'doc-2' },
          { file: 'Article three', status: 'conflict', documentId: 'doc-3', changes: { paragraphs: 1, teasers: 0, figures: 0, fields: [] } },
          { file: 'Article four', status: 'failed', error: 'could not split' },
        ] as JobFileResult[]) {
          if (options.shouldStop()) return;
          await options.saveResults([result], (id += 1));
        }
      },
    };
    const spy = jest.spyOn(plugin, 'service').mockImplementation((name: string) => (name === 'resplit' ? fake : service(name)));
    let job: GetJob.Response;
    try {
      const jobId = await jobs().createResplitJob({ type: 'admin', id: 1, name: 'Chief Editor' });
      ({ job } = await waitForJob(jobId));
    } finally {
      spy.mockRestore();
    }
    expect(calls).toEqual([
      expect.objectContaining({
        dryRun: false,
        eventSource: `job:${job.jobId}`,
        actor: expect.objectContaining({ type: 'job', id: job.jobId }),
        startAfterId: 0,
      }),
    ]);
    expect((await jobRow(job.jobId)).cursor).toBe(4);
    expect(job).toEqual(
      expect.objectContaining({ kind: 'resplit', status: 'done', total: 4, done: 4, imported: 0, updated: 1, duplicates: 1, conflicts: 1, failed: 1 })
    );
    expect(job.results).toEqual([
      { file: 'Article one', status: 'updated', documentId: 'doc-1', changes: { paragraphs: 2, teasers: 0, figures: 1, fields: ['title'] } },
      { file: 'Article two', status: 'duplicate', documentId: 'doc-2' },
      { file: 'Article three', status: 'conflict', documentId: 'doc-3', changes: { paragraphs: 1, teasers: 0, figures: 0, fields: [] } },
      { file: 'Article four', status: 'failed', error: 'could not split' },
    ]);
  });
});

// These need the rewritten bulk importer (story keys, updates, skips, near-duplicates, conflicts).
describe('file results of a job with story keys', () => {
  const name = 'harbour-terminal.txt';
  let original: JobFileResult;

  it('creates a story the first time its path is seen', async () => {
    const res = await submitJob([{ name, bytes: harbourStory(0) }], admin(), { fields: { sourceKey: 'path' } }).expect(202);
    const { job } = await waitForJob(res.body.jobId);
    expect(job).toEqual(expect.objectContaining({ status: 'done', imported: 1, updated: 0, duplicates: 0, conflicts: 0, failed: 0 }));
    original = job.results[0];
    expect(original).toEqual({ file: name, status: 'created', documentId: expect.any(String) });
  });

  it('updates the story when its path comes back with a changed text, and says what changed', async () => {
    const res = await submitJob([{ name, bytes: harbourStory(1) }], admin(), { fields: { sourceKey: 'path' } }).expect(202);
    const { job } = await waitForJob(res.body.jobId);
    expect(job).toEqual(expect.objectContaining({ status: 'done', imported: 0, updated: 1, duplicates: 0, conflicts: 0, failed: 0 }));
    expect(job.results).toEqual([
      {
        file: name,
        status: 'updated',
        documentId: original.documentId,
        changes: expect.objectContaining({ paragraphs: 1, teasers: 0, figures: expect.any(Number), fields: expect.any(Array) }),
      },
    ]);
    const drafts = await app.strapi.db.query(ARTICLE).findMany({ where: { documentId: original.documentId, publishedAt: null } });
    expect(drafts).toHaveLength(1);
    expect(drafts[0].rawText).toContain('41 million');
  });

  it('leaves the story alone with onExisting=skip, answering duplicate', async () => {
    const res = await submitJob([{ name, bytes: harbourStory(2) }], admin(), { fields: { sourceKey: 'path', onExisting: 'skip' } }).expect(202);
    const { job } = await waitForJob(res.body.jobId);
    expect(job).toEqual(expect.objectContaining({ status: 'done', imported: 0, updated: 0, duplicates: 1, conflicts: 0, failed: 0 }));
    expect(job.results).toEqual([expect.objectContaining({ file: name, status: 'duplicate', documentId: original.documentId })]);
    const [draft] = await app.strapi.db.query(ARTICLE).findMany({ where: { documentId: original.documentId, publishedAt: null } });
    expect(draft.rawText).toContain('41 million');
  });

  it('creates a nearly identical text under another path, pointing at the story it nearly duplicates', async () => {
    const res = await submitJob([{ name: 'wire/harbour-terminal-copy.txt', bytes: harbourStory(3) }], admin(), {
      fields: { sourceKey: 'path' },
    }).expect(202);
    const { job } = await waitForJob(res.body.jobId);
    expect(job).toEqual(expect.objectContaining({ status: 'done', imported: 1, conflicts: 0, failed: 0 }));
    expect(job.results).toEqual([
      expect.objectContaining({ status: 'created', documentId: expect.any(String), possibleDuplicateOf: original.documentId }),
    ]);
    expect(job.results[0].documentId).not.toBe(original.documentId);
  });

  it('answers conflict, and writes nothing, when the story was edited in the CMS since its import', async () => {
    // An editor changes the imported article by hand...
    await app.strapi.documents(ARTICLE).update({ documentId: original.documentId!, data: { title: 'Ferry terminal: the trust says yes' } as never });
    // ...and the story comes back from the source with a changed text.
    const res = await submitJob([{ name, bytes: harbourStory(4) }], admin(), { fields: { sourceKey: 'path' } }).expect(202);
    const { job } = await waitForJob(res.body.jobId);
    expect(job).toEqual(expect.objectContaining({ status: 'done', imported: 0, updated: 0, duplicates: 0, conflicts: 1, failed: 0 }));
    expect(job.results).toEqual([
      expect.objectContaining({ file: name, status: 'conflict', documentId: original.documentId, changes: expect.any(Object) }),
    ]);
    const [draft] = await app.strapi.db.query(ARTICLE).findMany({ where: { documentId: original.documentId, publishedAt: null } });
    expect(draft.title).toBe('Ferry terminal: the trust says yes');
    expect(draft.rawText).toContain('41 million');
  });
});

describe('a resplit job with the real resplit service', () => {
  it('goes through every draft and reports each one', async () => {
    const drafts = await app.strapi.db.query(ARTICLE).count({ where: { publishedAt: null } });
    const jobId = await jobs().createResplitJob({ type: 'admin', id: 1, name: 'Chief Editor' });
    const { job } = await waitForJob(jobId);
    expect(job).toEqual(expect.objectContaining({ kind: 'resplit', status: 'done', total: drafts, done: drafts, imported: 0 }));
    expect(job.updated + job.duplicates + job.conflicts + job.failed).toBe(drafts);
    expect(job.results).toHaveLength(drafts);
    // The story edited in the CMS above is left alone.
    expect(job.conflicts).toBeGreaterThanOrEqual(1);
  });
});
