/**
 * The size limits of the import routes: files per bulk job (RAW_IMPORT_MAX_FILES), bytes per
 * upload (RAW_IMPORT_MAX_UPLOAD_BYTES) and bytes per preview / import request
 * (RAW_IMPORT_MAX_REQUEST_BYTES). Each is refused with a 413 in Strapi's error shape naming the
 * limit, through the admin and the content API, and nothing is written or queued.
 */
import http from 'http';
import type { AddressInfo } from 'net';
import request from 'supertest';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken, registerFirstAdmin } from '../helpers/auth';

const ARTICLE = 'api::article.article';
const JOB = 'plugin::raw-import.job';
const JOB_FILE = 'plugin::raw-import.job-file';

const MAX_FILES = 20;
const MAX_UPLOAD_BYTES = 64 * 1024;
const MAX_REQUEST_BYTES = 32 * 1024;
const LIMITS = { RAW_IMPORT_MAX_FILES: MAX_FILES, RAW_IMPORT_MAX_UPLOAD_BYTES: MAX_UPLOAD_BYTES, RAW_IMPORT_MAX_REQUEST_BYTES: MAX_REQUEST_BYTES };

const story = (n: number, filler = '') =>
  [
    `Library extends its opening hours, branch ${n}`,
    '',
    `The branch library number ${n} will open until eight on weekdays from March, the council said, after ${n + 30} residents asked for evening hours.${filler}`,
    '',
    'The reading room keeps its Saturday hours.',
  ].join('\n');

let app: TestApp;
let admin: Record<string, string>;
let token: Record<string, string>;
const previous = Object.fromEntries(Object.keys(LIMITS).map((key) => [key, process.env[key]]));

beforeAll(async () => {
  for (const [key, value] of Object.entries(LIMITS)) process.env[key] = String(value);
  app = await bootStrapi();
  admin = { Authorization: `Bearer ${await registerFirstAdmin(app)}` };
  token = { Authorization: `Bearer ${await createApiToken(app, 'full-access')}` };
});

afterAll(async () => {
  await app?.close();
  for (const [key, value] of Object.entries(previous)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

const counts = async () => ({
  articles: await app.strapi.db.query(ARTICLE).count(),
  jobs: await app.strapi.db.query(JOB).count(),
  jobFiles: await app.strapi.db.query(JOB_FILE).count(),
});

const upload = (prefix: string, auth: Record<string, string>, files: Array<{ name: string; text: string }>) => {
  let req = request(app.server).post(`${prefix}/raw-import/jobs`).set(auth);
  for (const file of files) req = req.attach('files', Buffer.from(file.text), file.name);
  return req;
};

const storyFiles = (count: number, from = 0) => Array.from({ length: count }, (_, i) => ({ name: `branch-${from + i}.txt`, text: story(from + i) }));

const channels = [
  ['admin', ''],
  ['content API', '/api'],
] as const;

describe.each(channels)('through the %s', (_channel, prefix) => {
  const auth = () => (prefix ? token : admin);

  it(`refuses a job of ${MAX_FILES + 1} files naming RAW_IMPORT_MAX_FILES, and queues nothing`, async () => {
    const before = await counts();
    const res = await upload(prefix, auth(), storyFiles(MAX_FILES + 1));
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      data: null,
      error: {
        status: 413,
        name: 'PayloadTooLargeError',
        message: `${MAX_FILES + 1} files in one bulk job; the limit is ${MAX_FILES} files (RAW_IMPORT_MAX_FILES).`,
        details: { limit: 'RAW_IMPORT_MAX_FILES', max: MAX_FILES, received: MAX_FILES + 1 },
      },
    });
    expect(await counts()).toEqual(before);
  });

  it(`accepts a job of exactly ${MAX_FILES} files`, async () => {
    const res = await upload(prefix, auth(), storyFiles(MAX_FILES, prefix ? 100 : 0)).expect(202);
    expect(res.body.jobId).toEqual(expect.any(String));
    const job = await app.strapi.db.query(JOB).findOne({ where: { documentId: res.body.jobId } });
    expect(job).not.toBeNull();
  });

  it('refuses an upload over RAW_IMPORT_MAX_UPLOAD_BYTES from its length, and stores nothing', async () => {
    const before = await counts();
    // Three files under the per-text limit whose sum is over the upload limit.
    const big = 'x'.repeat(30 * 1024);
    const res = await upload(prefix, auth(), [0, 1, 2].map((n) => ({ name: `big-${n}.txt`, text: story(n, big) })));
    expect(res.status).toBe(413);
    expect(res.body.error).toEqual({
      status: 413,
      name: 'PayloadTooLargeError',
      message: expect.stringMatching(new RegExp(`^A bulk-job upload is \\d+ bytes; the limit is ${MAX_UPLOAD_BYTES} bytes \\(RAW_IMPORT_MAX_UPLOAD_BYTES\\)\\.$`)),
      details: { limit: 'RAW_IMPORT_MAX_UPLOAD_BYTES', max: MAX_UPLOAD_BYTES, received: expect.any(Number) },
    });
    expect(res.body.error.details.received).toBeGreaterThan(MAX_UPLOAD_BYTES);
    expect(await counts()).toEqual(before);
  });

  it.each(['preview', 'import'])('refuses a %s request over RAW_IMPORT_MAX_REQUEST_BYTES, and writes nothing', async (route) => {
    const before = await counts();
    const body = JSON.stringify({ text: story(7, ' more'.repeat(8 * 1024)) });
    expect(Buffer.byteLength(body)).toBeGreaterThan(MAX_REQUEST_BYTES);
    const res = await request(app.server).post(`${prefix}/raw-import/${route}`).set(auth()).set('Content-Type', 'application/json').send(body);
    expect(res.status).toBe(413);
    expect(res.body.error).toEqual({
      status: 413,
      name: 'PayloadTooLargeError',
      message: `The ${route} request is ${Buffer.byteLength(body)} bytes; the limit is ${MAX_REQUEST_BYTES} bytes (RAW_IMPORT_MAX_REQUEST_BYTES).`,
      details: { limit: 'RAW_IMPORT_MAX_REQUEST_BYTES', max: MAX_REQUEST_BYTES, received: Buffer.byteLength(body) },
    });
    expect(await counts()).toEqual(before);
  });
});

describe('a body without Content-Length', () => {
  /** supertest always sends a length: a raw chunked request, as a streaming client sends it. */
  const chunked = (path: string, body: string) =>
    new Promise<{ status: number; body: { error?: { status: number; message: string } } }>((resolve, reject) => {
      // A listener of its own over Strapi's request handler (the app's server is left unbound).
      const server = http.createServer((req, res) => app.server.emit('request', req, res));
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers: { ...admin, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } }, (res) => {
          let data = '';
          res.on('data', (chunk) => (data += chunk));
          res.on('end', () => server.close(() => resolve({ status: res.statusCode ?? 0, body: JSON.parse(data) })));
        });
        req.on('error', reject);
        req.write(body.slice(0, 10));
        req.end(body.slice(10));
      });
    });

  it('is refused with 411 on the import routes, before anything is read', async () => {
    const before = await counts();
    const res = await chunked('/raw-import/import', JSON.stringify({ text: story(9) }));
    expect(res.status).toBe(411);
    expect(res.body.error).toEqual(expect.objectContaining({ status: 411, message: 'The import request must say its size (Content-Length); chunked bodies are not accepted here.' }));
    expect(await counts()).toEqual(before);
  });
});

it('leaves requests under the limits alone: a text just under RAW_IMPORT_MAX_REQUEST_BYTES is imported', async () => {
  const body = { text: story(11, ' more'.repeat(6 * 1024)) };
  expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThan(MAX_REQUEST_BYTES);
  const res = await request(app.server).post('/raw-import/import').set(admin).send(body).expect(201);
  expect(res.body.status).toBe('created');
});
