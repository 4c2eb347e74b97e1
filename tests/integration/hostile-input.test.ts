import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import type { GetJob, JobFileResult } from '../../src/plugins/raw-import/shared/contracts';
import { bootStrapi, clearArticles, type TestApp } from '../helpers/strapi';
import { createApiToken, registerFirstAdmin } from '../helpers/auth';
import { runImportCli } from '../helpers/cli';
import { BATTERY_MAX_BYTES, article, hostileInputs, type HostileInput } from '../fixtures/hostile-inputs';

/**
 * The hostile-input battery (tests/fixtures/hostile-inputs.ts) through every entry point: admin
 * and content-API preview and import, a bulk-import job, the import CLI. Each input is answered as
 * README "Errors" says, and afterwards the database holds exactly what it should: a refused input
 * adds no row anywhere, an accepted one its article, teasers, figures and import-log row, with the
 * raw text stored as it was sent.
 */

type Refused = { refused: { status: 400 | 413; message: string | RegExp; name?: string } };
type Stored = { stored: { teasers: number; figures: number; rawText: string } };
type Outcome = Refused | Stored;

const ValidationError = 'ValidationError';
const PayloadTooLargeError = 'PayloadTooLargeError';
const refused = (status: 400 | 413, message: string | RegExp): Refused => ({ refused: { status, message } });
const stored = (rawText: string, teasers = 0, figures = 0): Stored => ({ stored: { teasers, figures, rawText } });
const isStored = (outcome: Outcome): outcome is Stored => 'stored' in outcome;

const inputs = new Map(hostileInputs().map((input) => [input.name, input]));
const input = (name: string): HostileInput => {
  const found = inputs.get(name);
  if (!found) throw new Error(`no hostile input named "${name}"`);
  return found;
};
const textOf = (name: string) => input(name).text!;

const EMPTY = /^The text is empty: there is nothing to import\.$/;
const BINARY = /^The text contains binary data \(NUL bytes\)/;
const NOT_UTF8 = 'The text is not valid UTF-8 and cannot be read';
const U_FFFD = `${NOT_UTF8}: save it as UTF-8 and try again. (It contains U+FFFD, the mark of bytes that could not be decoded.)`;
const NO_BODY = 'No article body is left after removing the headline and the teaser block.';
const tooLarge = (bytes: number) => `The text is too large to import: ${bytes} bytes, the limit is ${BATTERY_MAX_BYTES} bytes.`;
const TOO_MANY_PARAGRAPHS = 'The text has too many paragraphs to import as one article: 100000, the limit is 1000.';

/** How the text routes answer each input that has a text, and how a job and the CLI answer each one that has a file. */
const EXPECTED: Record<string, { text?: Outcome; file?: Outcome }> = {
  'an empty text (a zero-byte file)': { text: refused(400, EMPTY), file: refused(400, EMPTY) },
  'a whitespace-only text': { text: refused(400, EMPTY), file: refused(400, EMPTY) },
  'binary data (a PNG header, NUL bytes)': { text: refused(400, BINARY), file: refused(400, BINARY) },
  'invalid UTF-8': {
    text: refused(400, U_FFFD),
    file: refused(400, `${NOT_UTF8}: save it as UTF-8 and try again. (At byte offset 3, line 1: byte C3 is not UTF-8 there; the file may be in another encoding, such as Windows-1252.)`),
  },
  'Windows-1252': { text: refused(400, U_FFFD), file: refused(400, /At byte offset 11, line 1: byte 92 is not UTF-8 there/) },
  // A client that reads UTF-16 as UTF-8 sends its NUL bytes along.
  'UTF-16 with a byte-order mark': { text: refused(400, BINARY), file: refused(400, /not valid UTF-8.*\(It is UTF-16: it starts with a UTF-16 byte-order mark\.\)$/) },
  'UTF-16 (big-endian) without a byte-order mark': { text: refused(400, BINARY), file: refused(400, BINARY) },
  'a UTF-16 surrogate encoded on its own (CESU-8)': {
    text: refused(400, U_FFFD),
    file: refused(400, /At byte offset 337, line 9: ED A0 begins a UTF-16 surrogate encoded on its own, as CESU-8 does; UTF-8 does not allow it\.\)$/),
  },
  'a lone UTF-16 surrogate': {
    text: refused(400, `${NOT_UTF8}: save it as UTF-8 and try again. (Line 9, column 16: a lone UTF-16 surrogate, U+D83D, is half of a character such as an emoji; send the whole character.)`),
  },
  // As JSON, the request itself is over RAW_IMPORT_MAX_REQUEST_BYTES (8 MiB): refused before it is read.
  'a 10 MB single line': {
    text: refused(413, /^The (preview|import) request is 1048\d{4} bytes; the limit is 8388608 bytes \(RAW_IMPORT_MAX_REQUEST_BYTES\)\.$/),
    file: refused(413, tooLarge(10 * 1024 * 1024)),
  },
  'one byte over the size limit': { text: refused(413, tooLarge(BATTERY_MAX_BYTES + 1)), file: refused(413, tooLarge(BATTERY_MAX_BYTES + 1)) },
  'one byte under the size limit': {
    text: stored(textOf('one byte under the size limit')),
    file: stored(textOf('one byte under the size limit')),
  },
  '100,000 one-word lines': { text: refused(413, TOO_MANY_PARAGRAPHS), file: refused(413, TOO_MANY_PARAGRAPHS) },
  // A 20,000-character line is no teaser: the block is not recognised, everything stays in the body.
  'repeated ellipses after the body': { text: stored(textOf('repeated ellipses after the body')), file: stored(textOf('repeated ellipses after the body')) },
  'nothing but ellipses': { text: refused(400, NO_BODY), file: refused(400, NO_BODY) },
  'control characters': { text: stored(textOf('control characters')), file: stored(textOf('control characters')) },
  'right-to-left text': { text: stored(textOf('right-to-left text')), file: stored(textOf('right-to-left text')) },
  'combining characters': { text: stored(textOf('combining characters')), file: stored(textOf('combining characters')) },
  // The one normalization a reader could see (DESIGN, Normalize: Unicode NFC): "e" + U+0301 is stored as "é".
  'decomposed accents (Unicode NFC composes them)': {
    text: stored(article('caf\u00e9 terrace'), 1),
    file: stored(article('caf\u00e9 terrace'), 1),
  },
  'HTML and script': { text: stored(textOf('HTML and script')), file: stored(textOf('HTML and script')) },
  'SQL-looking text': { text: stored(textOf('SQL-looking text')), file: stored(textOf('SQL-looking text')) },
};

/** Bodies only JSON can carry: wrong types, missing fields, and what is not JSON at all. */
const JSON_BODIES: Array<{ name: string; body: string | object; refusal: Refused['refused'] }> = [
  { name: 'text as a number', body: { text: 42 }, refusal: { status: 400, message: 'text must be a `string` type, but the final value was: `42`.' } },
  { name: 'text as a list', body: { text: ['a', 'b'] }, refusal: { status: 400, message: /^text must be a `string` type/ } },
  { name: 'text as an object', body: { text: { value: 'a' } }, refusal: { status: 400, message: /^text must be a `string` type/ } },
  { name: 'text as null', body: { text: null }, refusal: { status: 400, message: 'text must be a `string` type, but the final value was: `null`.' } },
  { name: 'no text field', body: { sourceName: 'story.txt' }, refusal: { status: 400, message: '"text" is required: send the raw article text as a string.' } },
  { name: 'an empty object', body: {}, refusal: { status: 400, message: '"text" is required: send the raw article text as a string.' } },
  {
    name: 'overrides that are not lists of line numbers',
    body: { text: article('overrides'), overrides: { keep: 'all' } },
    refusal: { status: 400, message: /^overrides\.keep must be a `array` type/ },
  },
  {
    name: 'a sourceKey with a lone UTF-16 surrogate',
    body: { text: article('lone-key'), sourceKey: 'wire:\udc00-2291' },
    refusal: { status: 400, message: '"sourceKey" holds a lone UTF-16 surrogate (half of a character such as an emoji); send the whole character.' },
  },
  { name: 'a JSON list', body: '[]', refusal: { status: 400, message: 'The request body must be a JSON object: {"text": "…raw text…"}.' } },
  // Strapi's body parser answers before any route: its own error name, no details.
  { name: 'malformed JSON', body: '{"text": "Harbour council approves', refusal: { status: 400, name: 'SyntaxError', message: /^Unterminated string in JSON/ } },
];
/** Import-only fields of the wrong type (the preview has no such fields, and refuses them as unknown). */
const IMPORT_BODIES: Array<{ name: string; body: object; refusal: Refused['refused'] }> = [
  { name: 'sourceName as a number', body: { text: article('name'), sourceName: 42 }, refusal: { status: 400, message: 'sourceName must be a `string` type, but the final value was: `42`.' } },
  { name: 'publish as a string', body: { text: article('publish'), publish: 'yes' }, refusal: { status: 400, message: 'publish must be a `boolean` type, but the final value was: `"yes"`.' } },
  {
    name: 'a sourceName with a lone UTF-16 surrogate',
    body: { text: article('lone-name'), sourceName: 'story-\ud83d.txt' },
    refusal: { status: 400, message: '"sourceName" holds a lone UTF-16 surrogate (half of a character such as an emoji); send the whole character.' },
  },
  { name: 'onExisting unknown', body: { text: article('existing'), onExisting: 'replace' }, refusal: { status: 400, message: '"onExisting" must be "update" or "skip".' } },
];

/** Files only an upload or the CLI can carry. */
const PNG = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'jobs', 'scanned-page.png'));
const FILE_ONLY: Array<{ name: string; bytes: Buffer; expected: Outcome }> = [
  { name: 'scan.png', bytes: PNG, expected: refused(400, BINARY) },
  // A job and the CLI judge a file by its content, not its name.
  { name: 'notes.md', bytes: Buffer.from(article('notes')), expected: stored(article('notes'), 1) },
];
/** A name that would escape the upload directory if it were used as a path: the upload keeps only its last part. */
const TRAVERSAL = { name: '../../etc/passwd.txt', bytes: Buffer.from(article('traversal')), expected: stored(article('traversal'), 1), reportedAs: 'passwd.txt' };

interface Counts {
  articles: number;
  related_teasers: number;
  figures: number;
  raw_import_log: number;
  raw_import_jobs: number;
  raw_import_job_files: number;
}
const TABLES: Array<keyof Counts> = ['articles', 'related_teasers', 'figures', 'raw_import_log', 'raw_import_jobs', 'raw_import_job_files'];

let app: TestApp;
let adminJwt: string;
let apiToken: string;

async function counts(): Promise<Counts> {
  const knex = app.strapi.db.connection;
  const entries = await Promise.all(TABLES.map(async (table) => [table, Number((await knex(table).count({ n: '*' }))[0].n)] as const));
  return Object.fromEntries(entries) as unknown as Counts;
}

/** The counts after writing `articles` stored outcomes (draft only), plus the job rows given. */
function plus(before: Counts, writes: Stored[], jobRows: Partial<Counts> = {}): Counts {
  const sum = (pick: (s: Stored['stored']) => number) => writes.reduce((total, { stored: s }) => total + pick(s), 0);
  return {
    articles: before.articles + writes.length,
    related_teasers: before.related_teasers + sum((s) => s.teasers),
    figures: before.figures + sum((s) => s.figures),
    raw_import_log: before.raw_import_log + writes.length,
    raw_import_jobs: before.raw_import_jobs + (jobRows.raw_import_jobs ?? 0),
    raw_import_job_files: before.raw_import_job_files + (jobRows.raw_import_job_files ?? 0),
  };
}

async function storedRawText(sourceName: string): Promise<string> {
  const rows = await app.strapi.db.connection('articles').select('raw_text').where({ source_name: sourceName });
  expect(rows).toHaveLength(1);
  return rows[0].raw_text;
}

const ROUTES = [
  { name: 'admin preview', path: '/raw-import/preview', auth: () => adminJwt, writes: false },
  { name: 'admin import', path: '/raw-import/import', auth: () => adminJwt, writes: true },
  { name: 'content-API preview', path: '/api/raw-import/preview', auth: () => apiToken, writes: false },
  { name: 'content-API import', path: '/api/raw-import/import', auth: () => apiToken, writes: true },
];

function post(route: (typeof ROUTES)[number], body: string | object) {
  const req = request(app.server).post(route.path).set('Authorization', `Bearer ${route.auth()}`);
  return typeof body === 'string' ? req.set('Content-Type', 'application/json').send(body) : req.send(body);
}

function expectRefusal(res: request.Response, { status, message, name }: Refused['refused']) {
  expect({ status: res.status, body: res.body }).toEqual({
    status,
    body: {
      data: null,
      error: expect.objectContaining({
        status,
        name: name ?? (status === 413 ? PayloadTooLargeError : ValidationError),
        message: typeof message === 'string' ? message : expect.stringMatching(message),
      }),
    },
  });
}

beforeAll(async () => {
  process.env.RAW_IMPORT_MAX_BYTES = String(BATTERY_MAX_BYTES);
  // The battery sends more content-API requests in a minute than the per-token rate limit allows.
  process.env.RAW_IMPORT_RATE_LIMIT = '0';
  app = await bootStrapi();
  adminJwt = await registerFirstAdmin(app);
  apiToken = await createApiToken(app, 'full-access');
});

afterAll(async () => {
  await app?.close();
});

const textCases = [...inputs.values()].filter((i) => EXPECTED[i.name]?.text).map((i) => [i.name, i.text!, EXPECTED[i.name].text!] as const);
const fileCases = [...inputs.values()].filter((i) => EXPECTED[i.name]?.file).map((i) => [i.name, i.file!, EXPECTED[i.name].file!] as const);

it('has an expected answer for every input of the battery', () => {
  const expected = [...inputs.values()].flatMap((i) => [...(i.text !== undefined ? [`${i.name} (text)`] : []), ...(i.file ? [`${i.name} (file)`] : [])]);
  const covered = Object.entries(EXPECTED).flatMap(([name, { text, file }]) => [...(text ? [`${name} (text)`] : []), ...(file ? [`${name} (file)`] : [])]);
  expect(covered.sort()).toEqual(expected.sort());
});

describe.each(ROUTES)('$name', (route) => {
  it.each(textCases)('%s', async (name, text, outcome) => {
    await clearArticles(app.strapi);
    const before = await counts();
    const res = await post(route, route.writes ? { text, sourceName: `${name}.txt` } : { text });
    if (!isStored(outcome)) {
      expectRefusal(res, outcome.refused);
      expect(await counts()).toEqual(before);
      return;
    }
    const { teasers, figures, rawText } = outcome.stored;
    if (!route.writes) {
      expect(res.status).toBe(200);
      expect({ identity: res.body.identity.status, teasers: res.body.teasers.length, figures: res.body.figures.length }).toEqual({ identity: 'created', teasers, figures });
      expect(await counts()).toEqual(before);
      return;
    }
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('created');
    expect(await counts()).toEqual(plus(before, [outcome]));
    expect(await storedRawText(`${name}.txt`)).toBe(rawText);
  });

  it.each(JSON_BODIES.map((c) => [c.name, c] as const))('%s', async (_name, { body, refusal }) => {
    const before = await counts();
    expectRefusal(await post(route, body), refusal);
    expect(await counts()).toEqual(before);
  });

  if (route.writes) {
    it.each(IMPORT_BODIES.map((c) => [c.name, c] as const))('%s', async (_name, { body, refusal }) => {
      const before = await counts();
      expectRefusal(await post(route, body), refusal);
      expect(await counts()).toEqual(before);
    });
  }
});

/** Polls the job until it is no longer queued or running. */
async function finishedJob(jobId: string): Promise<GetJob.Response> {
  for (let attempt = 0; attempt < 1200; attempt += 1) {
    const res = await request(app.server).get(`/raw-import/jobs/${jobId}`).set('Authorization', `Bearer ${adminJwt}`).expect(200);
    if (res.body.status !== 'queued' && res.body.status !== 'running') return res.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${jobId} did not finish`);
}

/** A file's result as a job or the CLI reports it, compared with what was expected of it. */
function expectFileResult(result: JobFileResult | undefined, outcome: Outcome) {
  if (isStored(outcome)) {
    expect(result).toEqual(expect.objectContaining({ status: 'created', documentId: expect.any(String) }));
  } else {
    const { message } = outcome.refused;
    expect(result).toEqual(expect.objectContaining({ status: 'failed', error: typeof message === 'string' ? message : expect.stringMatching(message) }));
  }
}

describe('a bulk-import job (POST /raw-import/jobs)', () => {
  const uploads = [
    ...fileCases.map(([name, file, expected]) => ({ case: name, ...file, reportedAs: file.name, expected })),
    ...FILE_ONLY.map((file) => ({ case: file.name, ...file, reportedAs: file.name })),
    { case: 'a path-traversal file name', ...TRAVERSAL },
  ];
  let job: GetJob.Response;
  let before: Counts;

  beforeAll(async () => {
    await clearArticles(app.strapi);
    before = await counts();
    let req = request(app.server).post('/raw-import/jobs').set('Authorization', `Bearer ${adminJwt}`);
    for (const upload of uploads) req = req.attach('files', upload.bytes, upload.name);
    const res = await req.expect(202);
    job = await finishedJob(res.body.jobId);
  });

  it('takes every file and reports each one', () => {
    expect(job).toEqual(expect.objectContaining({ status: 'done', total: uploads.length, done: uploads.length }));
    expect(job.results.map((result) => result.file).sort()).toEqual(uploads.map((upload) => upload.reportedAs).sort());
  });

  it.each(uploads.map((upload) => [upload.case, upload] as const))('%s', async (_case, upload) => {
    expectFileResult(job.results.find((result) => result.file === upload.reportedAs), upload.expected);
    if (isStored(upload.expected)) expect(await storedRawText(upload.reportedAs)).toBe(upload.expected.stored.rawText);
  });

  it('writes exactly the accepted files, one job and one file row per upload', async () => {
    const accepted = uploads.map((upload) => upload.expected).filter(isStored);
    expect(await counts()).toEqual(plus(before, accepted, { raw_import_jobs: 1, raw_import_job_files: uploads.length }));
  });

  it('never writes where an uploaded file name points', () => {
    expect(fs.existsSync('/etc/passwd.txt')).toBe(false);
    expect(fs.existsSync(path.join(os.tmpdir(), TRAVERSAL.name))).toBe(false);
  });

  it('refuses an upload without files, queuing nothing', async () => {
    const now = await counts();
    const res = await request(app.server).post('/raw-import/jobs').set('Authorization', `Bearer ${adminJwt}`).field('publish', 'true');
    expectRefusal(res, { status: 400, message: /"files"/ });
    expect(await counts()).toEqual(now);
  });
});

describe('the import CLI (npm run import)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-hostile-'));
  const files = [...fileCases.map(([name, file, expected]) => ({ case: name, ...file, expected })), ...FILE_ONLY.map((f) => ({ case: f.name, ...f }))];
  let lines: Array<Record<string, unknown>>;
  let code: number | null;
  let before: Counts;

  beforeAll(async () => {
    await clearArticles(app.strapi);
    before = await counts();
    for (const file of files) fs.writeFileSync(path.join(dir, file.name), file.bytes);
    // The .txt files through the directory walk; the others named directly (a walk takes .txt only).
    const named = files.filter((file) => !file.name.endsWith('.txt')).map((file) => path.join(dir, file.name));
    const run = await runImportCli(['--json', dir, ...named], { RAW_IMPORT_MAX_BYTES: String(BATTERY_MAX_BYTES) });
    ({ lines, code } = run);
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exits 1, some files having failed, after one line per file', () => {
    expect(code).toBe(1);
    expect(lines.map((line) => line.file).sort()).toEqual(files.map((file) => file.name).sort());
  });

  it.each(files.map((file) => [file.case, file] as const))('%s', async (_case, file) => {
    expectFileResult(lines.find((line) => line.file === file.name) as unknown as JobFileResult, file.expected);
    if (isStored(file.expected)) expect(await storedRawText(file.name)).toBe(file.expected.stored.rawText);
  });

  it('writes exactly the accepted files', async () => {
    expect(await counts()).toEqual(plus(before, files.map((file) => file.expected).filter(isStored)));
  });
});
