/**
 * The permissions matrix: every caller against every route that reads or writes articles, jobs
 * or the import log, each cell a named test with the exact status it must get (and, for reads,
 * the exact documents it may see). One Strapi boot. Read cells run first, on fixed fixtures;
 * write cells after them, each refused write (and every read) checked to leave every table as it
 * was, each allowed write to change it by exactly what it wrote.
 *
 * Callers: the public; a users-permissions user (member); admin users: Super Admin, two Editors,
 * an Author, a custom role that may only read articles in the Content Manager (reader); API
 * tokens: read-only, full-access, custom with every raw-import content-API action (rawToken),
 * custom with only the article/teaser/figure reads (siteToken).
 */
import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken, loginWithRole, registerFirstAdmin } from '../helpers/auth';

const ARTICLE = 'api::article.article';
const TEASER = 'api::related-teaser.related-teaser';
const FIGURE = 'api::figure.figure';
const JOB = 'plugin::raw-import.job';
const JOB_FILE = 'plugin::raw-import.job-file';
const IMPORT_LOG = 'plugin::raw-import.import-log';

const PRIVATE_FIELDS = ['rawText', 'sourceHash', 'bodyFingerprint', 'similarity', 'splitOverrides', 'boilerplate', 'leadKey', 'titleKey', 'teasedBy'];
/** Every content-API action the plugin registers (controller.action of routes/content-api.ts). */
const RAW_IMPORT_API_ACTIONS = ['text.preview', 'text.import', 'jobs.submit', 'jobs.progress', 'jobs.recent', 'jobs.resplit'].map(
  (action) => `plugin::raw-import.${action}`
);
const SITE_READ_ACTIONS = ['article', 'related-teaser', 'figure'].flatMap((name) => ['find', 'findOne'].map((a) => `api::${name}.${name}.${a}`));

const flood = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'harbour-flood.txt'), 'utf8');
// A draft whose lede is what one of the flood story's teasers shows (so a published teaser links
// to a draft), with teasers of its own (teasers of a draft).
const draftText = [
  'Rail operator orders new trains for the coast',
  '',
  'The national rail operator announced 40 new trains for its coastal line, promising shorter journeys, more seats and fewer delays from next year.',
  '',
  'The trains, worth £310 million, will replace carriages that are more than 30 years old, the operator said.',
  '',
  'Floodwater swept through the harbour district of Port Elnor on Tuesday night after…',
  'Ticket prices on regional lines will rise by 3% in January, the transport…',
].join('\n');
/** Words of the draft that no published text holds: seen anywhere, the draft leaked. */
const DRAFT_ONLY = /Rail operator orders|more than 30 years old|£310 million|Ticket prices on regional/;

/** A new story for each write cell (its own facts, so its own fingerprint). */
const storyFor = (label: string) =>
  [
    `Cycle lane approved for ${label}`,
    '',
    `The council approved a cycle lane for ${label} on Monday after residents wrote in support of the plan, the town clerk said.`,
    '',
    `Work on the lane for ${label} will start in the spring, the clerk added.`,
  ].join('\n');

// ---------------------------------------------------------------------------------------------
// Callers

const CALLERS = [
  'public',
  'member',
  'superAdmin',
  'editor',
  'editor2',
  'author',
  'reader',
  'readOnly',
  'fullAccess',
  'rawToken',
  'siteToken',
] as const;
type Caller = (typeof CALLERS)[number];
const LABEL: Record<Caller, string> = {
  public: 'public',
  member: 'users-permissions user',
  superAdmin: 'Super Admin',
  editor: 'Editor',
  editor2: 'another Editor',
  author: 'Author',
  reader: 'custom role without import',
  readOnly: 'read-only token',
  fullAccess: 'full-access token',
  rawToken: 'custom token with raw-import actions',
  siteToken: 'custom token without raw-import actions',
};
const ADMINS: ReadonlySet<Caller> = new Set(['superAdmin', 'editor', 'editor2', 'author', 'reader']);
/** Who reads drafts on the content API (src/utils/published-only.ts canReadDrafts). */
const DRAFT_READERS: ReadonlySet<Caller> = new Set(['fullAccess']);

let app: TestApp;
const bearer: Partial<Record<Caller, string>> = {};
const auth = (caller: Caller) => (bearer[caller] ? { Authorization: `Bearer ${bearer[caller]}` } : {});

// ---------------------------------------------------------------------------------------------
// Fixtures, filled in beforeAll

/** P: a published story; D: a draft, teased by one of P's teasers. */
const fx = {
  P: '',
  D: '',
  pSlug: '',
  dSlug: '',
  pTeasers: [] as string[],
  dTeasers: [] as string[],
  pFigures: [] as string[],
  dFigures: [] as string[],
  /** Jobs by submitter: Editor, the other Editor, Super Admin, rawToken, full-access token. */
  jobEditor: '',
  jobEditor2: '',
  jobSuper: '',
  jobRawToken: '',
  jobFullAccess: '',
  /** An article an Author created (written in the write phase). */
  byAuthor: '',
};
const allJobs = () => [fx.jobEditor, fx.jobEditor2, fx.jobSuper, fx.jobRawToken, fx.jobFullAccess];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForJob(jobId: string) {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    const job = await app.strapi.db.query(JOB).findOne({ where: { documentId: jobId }, select: ['state'] });
    if (job && job.state !== 'queued' && job.state !== 'running') return job.state as string;
    await sleep(50);
  }
  throw new Error(`job ${jobId} did not finish`);
}

const submitJob = (prefix: '' | '/api', caller: Caller, name: string, text: string) =>
  request(app.server).post(`${prefix}/raw-import/jobs`).set(auth(caller)).attach('files', Buffer.from(text), name);

interface Counts {
  articles: number;
  teasers: number;
  figures: number;
  jobs: number;
  jobFiles: number;
  importLog: number;
}
async function countRows(): Promise<Counts> {
  const count = (uid: string) => app.strapi.db.query(uid).count();
  return {
    articles: await count(ARTICLE),
    teasers: await count(TEASER),
    figures: await count(FIGURE),
    jobs: await count(JOB),
    jobFiles: await count(JOB_FILE),
    importLog: await count(IMPORT_LOG),
  };
}

// ---------------------------------------------------------------------------------------------
// Targets and the expected answer of every cell, written down before running them.
//
// Admin routes (/raw-import/…) take an admin JWT only: no JWT, a users-permissions JWT or an API
// token is 401. Among admins, the RBAC action plugin::raw-import.import decides (Super Admin and
// Editor hold it, Author and the custom role do not: 403). A job is its submitter's: another
// Editor's job is 404 (its existence is not confirmed), the Super Admin sees every job. The
// import log follows the Content Manager's read permission on that article: the Author may read
// only articles they created (imports are created by no one), the custom role reads all.
//
// Content-API routes (/api/…) take the users-permissions JWT or an API token: an admin JWT is
// 401. The public role and users-permissions users read published content; read-only tokens too;
// full-access tokens reach everything, drafts included (with ?status=draft); a custom token only
// its actions (403 elsewhere). Private fields are never answered, and refused (400) when named in
// fields, filters, sorts or populate, by anyone.

type Outcome = number | string;
type Row = Record<Caller, Outcome>;

/** Every caller gets `status`, except those listed. */
const all = (status: Outcome, except: Partial<Row> = {}): Row =>
  Object.fromEntries(CALLERS.map((c) => [c, except[c] ?? status])) as Row;

/** Admin route: 401 without an admin JWT; `admins` for each admin caller. */
const adminRoute = (admins: Partial<Record<Caller, Outcome>>): Row =>
  all(401, Object.fromEntries([...ADMINS].map((c) => [c, admins[c] ?? 403])) as Partial<Row>);

/** Content-API route of the plugin: 401 with an admin JWT; `ok` for full-access and rawToken, 403 for everyone else. */
const pluginApiRoute = (ok: Outcome, overrides: Partial<Row> = {}): Row =>
  all(403, { superAdmin: 401, editor: 401, editor2: 401, author: 401, reader: 401, fullAccess: ok, rawToken: ok, ...overrides });

/** A content read: 200 (or `status`) for the public, members, read-only, full-access and site tokens; 401 with an admin JWT; 403 for rawToken. */
const contentRead = (status: Outcome = 200, overrides: Partial<Row> = {}): Row =>
  all(status, { superAdmin: 401, editor: 401, editor2: 401, author: 401, reader: 401, rawToken: 403, ...overrides });

interface Target {
  name: string;
  phase: 'read' | 'write';
  expected: Row;
  send(caller: Caller): request.Test;
  /** For a read: the documentIds it answered (compared exactly with `visible`). */
  ids?: (body: any) => string[];
  visible?: (caller: Caller) => string[];
  /** Checked on every 200 answer: no private field, and no draft for those who may not read drafts. */
  leakCheck?: boolean;
  /** For a write that succeeded: wait for what it queued; the expected change of the row counts. */
  after?: (res: request.Response) => Promise<void>;
  delta?: Partial<Counts>;
  /** Outcome of a GraphQL request: the status, or "200 CODE" when answered with errors. */
  graphql?: boolean;
  /** Run before the cell (and before the rows are counted). */
  setup?: () => Promise<void>;
}

const dataIds = (body: any) => (Array.isArray(body.data) ? body.data : [body.data]).map((row: { documentId: string }) => row.documentId);
const jobIds = (body: any) => body.jobs.map((job: { jobId: string }) => job.jobId);
const gqlIds = (field: string) => (body: any) => (body.data?.[field] ?? []).map((row: { documentId: string }) => row.documentId);

const get = (url: string) => (caller: Caller) => request(app.server).get(url).set(auth(caller));
const getLazy = (url: () => string) => (caller: Caller) => request(app.server).get(url()).set(auth(caller));
const gql = (query: string) => (caller: Caller) => request(app.server).post('/graphql').set(auth(caller)).send({ query });

/** Published content only, unless the caller reads drafts. */
const published = (draftIds: () => string[], publishedIds: () => string[]) => (caller: Caller) =>
  DRAFT_READERS.has(caller) ? [...publishedIds(), ...draftIds()] : publishedIds();

const TARGETS: Target[] = [
  // --- admin routes, reads (nothing written) ---
  {
    name: 'POST /raw-import/preview',
    phase: 'read',
    send: (caller) => request(app.server).post('/raw-import/preview').set(auth(caller)).send({ text: flood }),
    expected: adminRoute({ superAdmin: 200, editor: 200, editor2: 200 }),
  },
  {
    name: 'GET /raw-import/jobs (list)',
    phase: 'read',
    send: get('/raw-import/jobs'),
    expected: adminRoute({ superAdmin: 200, editor: 200, editor2: 200 }),
    ids: jobIds,
    visible: (caller) => ({ superAdmin: allJobs(), editor: [fx.jobEditor], editor2: [fx.jobEditor2] })[caller as 'editor'] ?? [],
  },
  {
    name: "GET /raw-import/jobs/:id (the Editor's job)",
    phase: 'read',
    send: getLazy(() => `/raw-import/jobs/${fx.jobEditor}`),
    expected: adminRoute({ superAdmin: 200, editor: 200, editor2: 404 }),
    ids: (body) => [body.jobId],
    visible: () => [fx.jobEditor],
  },
  {
    name: "GET /raw-import/jobs/:id (the other Editor's job)",
    phase: 'read',
    send: getLazy(() => `/raw-import/jobs/${fx.jobEditor2}`),
    expected: adminRoute({ superAdmin: 200, editor: 404, editor2: 200 }),
    ids: (body) => [body.jobId],
    visible: () => [fx.jobEditor2],
  },
  {
    name: "GET /raw-import/jobs/:id (an API token's job)",
    phase: 'read',
    send: getLazy(() => `/raw-import/jobs/${fx.jobRawToken}`),
    expected: adminRoute({ superAdmin: 200, editor: 404, editor2: 404 }),
    ids: (body) => [body.jobId],
    visible: () => [fx.jobRawToken],
  },
  {
    name: 'GET /raw-import/articles/:documentId/imports (import log)',
    phase: 'read',
    send: getLazy(() => `/raw-import/articles/${fx.P}/imports`),
    expected: adminRoute({ superAdmin: 200, editor: 200, editor2: 200, reader: 200, author: 403 }),
    ids: (body) => body.entries.map((entry: { articleDocumentId: string }) => entry.articleDocumentId),
    visible: () => [fx.P],
  },

  // --- content-API routes of the plugin, reads ---
  {
    name: 'POST /api/raw-import/preview',
    phase: 'read',
    send: (caller) => request(app.server).post('/api/raw-import/preview').set(auth(caller)).send({ text: flood }),
    expected: pluginApiRoute(200),
  },
  {
    name: 'GET /api/raw-import/jobs (list)',
    phase: 'read',
    send: get('/api/raw-import/jobs'),
    expected: pluginApiRoute(200),
    ids: jobIds,
    visible: (caller) => (caller === 'fullAccess' ? allJobs() : [fx.jobRawToken]),
  },
  {
    name: "GET /api/raw-import/jobs/:id (the token's own job)",
    phase: 'read',
    send: getLazy(() => `/api/raw-import/jobs/${fx.jobRawToken}`),
    expected: pluginApiRoute(200),
    ids: (body) => [body.jobId],
    visible: () => [fx.jobRawToken],
  },
  {
    name: "GET /api/raw-import/jobs/:id (an Editor's job)",
    phase: 'read',
    send: getLazy(() => `/api/raw-import/jobs/${fx.jobEditor}`),
    expected: pluginApiRoute(200, { rawToken: 404 }),
    ids: (body) => [body.jobId],
    visible: () => [fx.jobEditor],
  },

  // --- content API: articles, teasers, figures ---
  {
    name: 'GET /api/articles',
    phase: 'read',
    send: get('/api/articles'),
    expected: contentRead(),
    ids: dataIds,
    visible: () => [fx.P],
    leakCheck: true,
  },
  {
    name: 'GET /api/articles?status=draft',
    phase: 'read',
    send: get('/api/articles?status=draft'),
    expected: contentRead(),
    ids: dataIds,
    visible: published(() => [fx.D], () => [fx.P]),
    leakCheck: true,
  },
  {
    name: 'GET /api/articles/:published',
    phase: 'read',
    send: getLazy(() => `/api/articles/${fx.P}`),
    expected: contentRead(),
    ids: dataIds,
    visible: () => [fx.P],
    leakCheck: true,
  },
  {
    name: 'GET /api/articles/:draft',
    phase: 'read',
    send: getLazy(() => `/api/articles/${fx.D}`),
    expected: contentRead(404),
  },
  {
    name: 'GET /api/articles/:draft?status=draft',
    phase: 'read',
    send: getLazy(() => `/api/articles/${fx.D}?status=draft`),
    expected: contentRead(404, { fullAccess: 200 }),
    ids: dataIds,
    visible: () => [fx.D],
    leakCheck: true,
  },
  {
    name: 'GET /api/articles?filters[slug][$eq]=<draft slug>&status=draft',
    phase: 'read',
    send: getLazy(() => `/api/articles?filters[slug][$eq]=${fx.dSlug}&status=draft`),
    expected: contentRead(),
    ids: dataIds,
    visible: published(() => [fx.D], () => []),
    leakCheck: true,
  },
  {
    name: 'GET /api/articles/:published?populate[teasers][populate]=linkedArticle&status=draft',
    phase: 'read',
    send: getLazy(() => `/api/articles/${fx.P}?populate[teasers][populate]=linkedArticle&populate[figures]=true&status=draft`),
    expected: contentRead(),
    ids: (body) => [body.data.documentId, ...body.data.teasers.map((t: any) => t.linkedArticle?.documentId).filter(Boolean)],
    visible: published(() => [fx.D], () => [fx.P]),
    leakCheck: true,
  },
  {
    name: 'GET /api/related-teasers?status=draft',
    phase: 'read',
    send: get('/api/related-teasers?status=draft&pagination[pageSize]=100'),
    expected: contentRead(),
    ids: dataIds,
    visible: published(() => fx.dTeasers, () => fx.pTeasers),
    leakCheck: true,
  },
  {
    name: "GET /api/related-teasers/:teaser-of-the-draft",
    phase: 'read',
    send: getLazy(() => `/api/related-teasers/${fx.dTeasers[0]}`),
    expected: contentRead(404, { fullAccess: 200 }),
    ids: dataIds,
    visible: () => [fx.dTeasers[0]],
    leakCheck: true,
  },
  {
    name: 'GET /api/figures?status=draft',
    phase: 'read',
    send: get('/api/figures?status=draft&pagination[pageSize]=100'),
    expected: contentRead(),
    ids: dataIds,
    visible: published(() => fx.dFigures, () => fx.pFigures),
    leakCheck: true,
  },
  {
    name: 'GET /api/figures/:figure-of-the-draft',
    phase: 'read',
    send: getLazy(() => `/api/figures/${fx.dFigures[0]}`),
    expected: contentRead(404, { fullAccess: 200 }),
    ids: dataIds,
    visible: () => [fx.dFigures[0]],
    leakCheck: true,
  },
  // Private fields named in a query: refused (400), so nothing can be probed through them.
  ...[
    ['filters[rawText][$contains]', '/api/articles?filters[rawText][$contains]=Floodwater'],
    ['filters[sourceHash][$startsWith]', '/api/articles?filters[sourceHash][$startsWith]=a'],
    ['filters[$or][…][bodyFingerprint]', '/api/articles?filters[$or][0][bodyFingerprint][$notNull]=true&filters[$or][1][id][$lt]=0'],
    ['sort=rawText', '/api/articles?sort=rawText:asc'],
    ['fields=rawText', '/api/articles?fields[0]=title&fields[1]=rawText'],
    ['populate=teasedBy', '/api/articles?populate[0]=teasedBy'],
    ['filters[teasers][leadKey]', '/api/articles?filters[teasers][leadKey][$startsWith]=the'],
    ['populate[teasers][filters][leadKey]', '/api/articles?populate[teasers][filters][leadKey][$startsWith]=the'],
    ['populate[teasers][fields]=leadKey', '/api/articles?populate[teasers][fields][0]=leadKey'],
    ['related-teasers filters[article][rawText]', '/api/related-teasers?filters[article][rawText][$contains]=Floodwater'],
    ['figures filters[article][splitOverrides]', '/api/figures?filters[article][splitOverrides][$notNull]=true'],
    ['figures sort=article.sourceHash', '/api/figures?sort=article.sourceHash:asc'],
  ].map(
    ([name, url]): Target => ({
      name: `GET ${url.split('?')[0]} ${name} (private)`,
      phase: 'read',
      send: get(url),
      expected: contentRead(400),
    })
  ),

  // --- GraphQL ---
  {
    name: 'GraphQL articles',
    phase: 'read',
    graphql: true,
    send: gql('{ articles { documentId title teasers { linkedArticle { documentId } } } }'),
    expected: contentRead(200, { rawToken: '200 FORBIDDEN' }),
    ids: gqlIds('articles'),
    visible: () => [fx.P],
    leakCheck: true,
  },
  {
    name: 'GraphQL articles(status: DRAFT)',
    phase: 'read',
    graphql: true,
    send: gql('{ articles(status: DRAFT) { documentId title teasers { text linkedArticle { documentId title } } } }'),
    expected: contentRead(200, { rawToken: '200 FORBIDDEN' }),
    ids: gqlIds('articles'),
    visible: published(() => [fx.D], () => [fx.P]),
    leakCheck: true,
  },
  {
    name: 'GraphQL relatedTeasers(status: DRAFT)',
    phase: 'read',
    graphql: true,
    send: gql('{ relatedTeasers(status: DRAFT, pagination: { limit: 100 }) { documentId text article { documentId } } }'),
    expected: contentRead(200, { rawToken: '200 FORBIDDEN' }),
    ids: gqlIds('relatedTeasers'),
    visible: published(() => fx.dTeasers, () => fx.pTeasers),
    leakCheck: true,
  },
  ...[
    ['a private field (rawText)', '{ articles { documentId rawText } }'],
    ['a private filter (rawText)', '{ articles(filters: { rawText: { contains: "Floodwater" } }) { documentId } }'],
    ['a private nested filter (teasers.leadKey)', '{ articles(filters: { teasers: { leadKey: { startsWith: "the" } } }) { documentId } }'],
  ].map(
    ([name, query]): Target => ({
      name: `GraphQL with ${name}`,
      phase: 'read',
      graphql: true,
      send: gql(query),
      // Refused while the query is validated, before anyone's permissions are looked at.
      expected: contentRead(400, { rawToken: 400 }),
    })
  ),
  {
    name: 'GraphQL articles(sort: "rawText") (private)',
    phase: 'read',
    graphql: true,
    send: gql('{ articles(sort: "rawText:asc") { documentId } }'),
    expected: contentRead('200 BAD_USER_INPUT', { rawToken: '200 FORBIDDEN' }),
  },

  // --- writes (after every read) ---
  {
    name: 'POST /raw-import/import',
    phase: 'write',
    send: (caller) => request(app.server).post('/raw-import/import').set(auth(caller)).send({ text: storyFor(`the ${LABEL[caller]} desk`), sourceName: `${caller}.txt` }),
    expected: adminRoute({ superAdmin: 201, editor: 201, editor2: 201 }),
    delta: { articles: 1, importLog: 1 },
  },
  {
    name: 'POST /raw-import/jobs',
    phase: 'write',
    send: (caller) => submitJob('', caller, `${caller}-admin.txt`, draftText),
    expected: adminRoute({ superAdmin: 202, editor: 202, editor2: 202 }),
    after: async (res) => void (await waitForJob(res.body.jobId)),
    // The draft's text again: a duplicate, logged.
    delta: { jobs: 1, jobFiles: 1, importLog: 1 },
  },
  {
    name: 'POST /raw-import/resplit',
    phase: 'write',
    send: (caller) => request(app.server).post('/raw-import/resplit').set(auth(caller)),
    expected: adminRoute({ superAdmin: 202, editor: 202, editor2: 202 }),
    after: async (res) => void (await waitForJob(res.body.jobId)),
    // One job, and one result row per draft it went through.
    delta: { jobs: 1 },
  },
  {
    name: 'POST /api/raw-import/import',
    phase: 'write',
    send: (caller) => request(app.server).post('/api/raw-import/import').set(auth(caller)).send({ text: storyFor(`the ${LABEL[caller]} site`), sourceName: `${caller}.txt` }),
    expected: pluginApiRoute(201),
    delta: { articles: 1, importLog: 1 },
  },
  {
    name: 'POST /api/raw-import/jobs',
    phase: 'write',
    send: (caller) => submitJob('/api', caller, `${caller}-api.txt`, draftText),
    expected: pluginApiRoute(202),
    after: async (res) => void (await waitForJob(res.body.jobId)),
    delta: { jobs: 1, jobFiles: 1, importLog: 1 },
  },
  {
    name: 'POST /api/raw-import/resplit',
    phase: 'write',
    send: (caller) => request(app.server).post('/api/raw-import/resplit').set(auth(caller)),
    expected: pluginApiRoute(202),
    after: async (res) => void (await waitForJob(res.body.jobId)),
    delta: { jobs: 1 },
  },
  // Last: an article an Author created in the Content Manager, with one import-log row (it is a
  // read, placed here so that the extra draft changes no other cell's answer).
  {
    name: 'GET /raw-import/articles/:documentId/imports (import log of an article the Author created)',
    phase: 'write',
    setup: async () => {
      if (fx.byAuthor) return;
      const author = await app.strapi.db.query('admin::user').findOne({ where: { email: 'author@newsdesk.test' } });
      const article = await app.strapi.documents(ARTICLE).create({
        data: { title: 'Letters to the editor', slug: 'letters-to-the-editor', createdBy: author.id, updatedBy: author.id } as never,
      });
      await app.strapi.db.query(IMPORT_LOG).create({ data: { articleDocumentId: article.documentId, outcome: 'created', actorType: 'admin', actorId: String(author.id) } });
      fx.byAuthor = article.documentId;
    },
    send: getLazy(() => `/raw-import/articles/${fx.byAuthor}/imports`),
    expected: adminRoute({ superAdmin: 200, editor: 200, editor2: 200, reader: 200, author: 200 }),
    ids: (body) => body.entries.map((entry: { articleDocumentId: string }) => entry.articleDocumentId),
    visible: () => [fx.byAuthor],
  },
];

interface Cell {
  name: string;
  target: Target;
  caller: Caller;
  expected: Outcome;
}
const cellsOf = (phase: Target['phase']): Cell[] =>
  TARGETS.filter((target) => target.phase === phase).flatMap((target) =>
    CALLERS.map((caller) => ({
      name: `${target.name} · ${LABEL[caller]} → ${target.expected[caller]}`,
      target,
      caller,
      expected: target.expected[caller],
    }))
  );

/** Every key of a JSON answer, at any depth. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => keysOf(item, into));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      into.add(key);
      keysOf(inner, into);
    }
  }
  return into;
}

const outcomeOf = (target: Target, res: request.Response): Outcome => {
  if (target.graphql && res.status === 200 && res.body.errors?.length) return `200 ${res.body.errors[0].extensions?.code ?? 'ERROR'}`;
  return res.status;
};

async function runCell({ name, target, caller, expected }: Cell) {
  await target.setup?.();
  const before = await countRows();
  const res = await target.send(caller);
  expect({ cell: name, outcome: outcomeOf(target, res) }).toEqual({ cell: name, outcome: expected });

  const ok = res.status >= 200 && res.status < 300 && !(target.graphql && res.body.errors);
  if (ok && target.ids && target.visible) {
    expect({ cell: name, visible: target.ids(res.body).sort() }).toEqual({ cell: name, visible: target.visible(caller).sort() });
  }
  if (ok && target.leakCheck) {
    const privateKeys = [...keysOf(res.body)].filter((key) => PRIVATE_FIELDS.includes(key));
    expect({ cell: name, privateKeys }).toEqual({ cell: name, privateKeys: [] });
    if (!DRAFT_READERS.has(caller)) {
      const seen = JSON.stringify(res.body);
      const draftIds = [fx.D, ...fx.dTeasers, ...fx.dFigures].filter((id) => seen.includes(id));
      expect({ cell: name, draftIds, draftText: DRAFT_ONLY.test(seen) }).toEqual({ cell: name, draftIds: [], draftText: false });
    }
  }
  if (ok && target.after) await target.after(res);

  const after = await countRows();
  if (!ok || target.phase === 'read') {
    expect({ cell: name, rows: after }).toEqual({ cell: name, rows: before });
  } else {
    const drafts = await app.strapi.db.query(ARTICLE).count({ where: { publishedAt: null } });
    const delta = { ...target.delta };
    // A resplit job keeps one result row per draft it went through.
    if (target.name.endsWith('/resplit')) delta.jobFiles = drafts;
    const expectedRows = Object.fromEntries(
      Object.entries(before).map(([key, value]) => [key, value + (delta[key as keyof Counts] ?? 0)])
    );
    expect({ cell: name, rows: after }).toEqual({ cell: name, rows: expectedRows });
  }
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  app = await bootStrapi();
  const { strapi } = app;

  bearer.superAdmin = await registerFirstAdmin(app);
  bearer.editor = await loginWithRole(app, 'strapi-editor', 'editor@newsdesk.test');
  bearer.editor2 = await loginWithRole(app, 'strapi-editor', 'editor2@newsdesk.test');
  bearer.author = await loginWithRole(app, 'strapi-author', 'author@newsdesk.test');

  // A role that may read articles in the Content Manager, and nothing else.
  const roles = strapi.service('admin::role');
  const reader = await roles.create({ name: 'Desk reader', description: 'Reads articles' });
  await roles.assignPermissions(reader.id, [
    {
      action: 'plugin::content-manager.explorer.read',
      subject: ARTICLE,
      properties: { fields: Object.keys(strapi.contentType(ARTICLE).attributes) },
      conditions: [],
    },
  ]);
  bearer.reader = await loginWithRole(app, reader.code, 'reader@newsdesk.test');

  const member = await request(app.server)
    .post('/api/auth/local/register')
    .send({ username: 'reader', email: 'member@newsdesk.test', password: 'Newsdesk-Member-1' })
    .expect(200);
  bearer.member = member.body.jwt;

  bearer.readOnly = await createApiToken(app, 'read-only');
  bearer.fullAccess = await createApiToken(app, 'full-access');
  bearer.rawToken = await createApiToken(app, 'custom', RAW_IMPORT_API_ACTIONS);
  bearer.siteToken = await createApiToken(app, 'custom', SITE_READ_ACTIONS);

  const importAs = async (text: string, publish: boolean) =>
    (await request(app.server).post('/raw-import/import').set(auth('superAdmin')).send({ text, publish }).expect(201)).body.article;
  const p = await importAs(flood, true);
  const d = await importAs(draftText, false);
  Object.assign(fx, { P: p.documentId, D: d.documentId, pSlug: p.slug, dSlug: d.slug });
  const childrenOf = async (uid: string, documentId: string) =>
    ((await strapi.db.query(uid).findMany({ where: { article: { documentId } }, select: ['documentId'] })) as Array<{ documentId: string }>)
      .map((row) => row.documentId)
      .filter((id, i, ids) => ids.indexOf(id) === i);
  fx.pTeasers = await childrenOf(TEASER, fx.P);
  fx.dTeasers = await childrenOf(TEASER, fx.D);
  fx.pFigures = await childrenOf(FIGURE, fx.P);
  fx.dFigures = await childrenOf(FIGURE, fx.D);
  expect([fx.pTeasers.length, fx.dTeasers.length]).toEqual([6, 2]);
  expect(fx.pFigures.length).toBeGreaterThan(0);
  expect(fx.dFigures.length).toBeGreaterThan(0);

  // One job per submitter, each the draft's text again (a duplicate: no new article).
  const job = async (prefix: '' | '/api', caller: Caller) => {
    const jobId = (await submitJob(prefix, caller, `${caller}-fixture.txt`, draftText).expect(202)).body.jobId as string;
    await waitForJob(jobId);
    return jobId;
  };
  fx.jobEditor = await job('', 'editor');
  fx.jobEditor2 = await job('', 'editor2');
  fx.jobSuper = await job('', 'superAdmin');
  fx.jobRawToken = await job('/api', 'rawToken');
  fx.jobFullAccess = await job('/api', 'fullAccess');
});

afterAll(async () => {
  await app?.close();
});

describe('reads: every caller against every read', () => {
  it.each(cellsOf('read'))('$name', runCell);
});

describe('writes: every caller against every write', () => {
  it.each(cellsOf('write'))('$name', runCell);
});
