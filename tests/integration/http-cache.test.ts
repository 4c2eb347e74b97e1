import { spawn } from 'child_process';
import path from 'path';
import request from 'supertest';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken, registerFirstAdmin } from '../helpers/auth';
import contentCache, { contentValidator, resolveTarget, validatorQuery, type CacheTarget } from '../../src/middlewares/content-cache';
import type { JobFileResult } from '../../src/plugins/raw-import/shared/contracts';

const ARTICLE = 'api::article.article';
const FIGURE = 'api::figure.figure';
const appDir = path.resolve(__dirname, '..', '..');

/** A raw text as a scraper saves it: headline, body paragraphs, then the teaser block. */
const page = (headline: string, body: string[], teasers: string[]) => [headline, '', ...body.flatMap((p) => [p, '']), ...teasers].join('\n');

const TRAM_BODY = [
  'The regional transport board on Monday approved £240 million for a tram line linking the city centre with the airport, ending a decade of arguments over the route.',
  'The line will have 12 stops and run every eight minutes at peak times, carrying an expected 9,000 passengers a day once it opens in 2029.',
  'Shopkeepers on Station Road, where construction will close one lane for 18 months, asked the board for help with lost trade during the works.',
];
const BAKERY_BODY = [
  'A family bakery chain from the coast opened its first shop in the old town on Saturday, with a queue of about 200 people waiting before the doors opened.',
  'The owners said they had hired 15 local staff and would bake on site every morning from five o’clock.',
];
const POOL_BODY = [
  'The municipal swimming pool in Westfield will close from July until the end of September while its roof and changing rooms are repaired at a cost of £3.2 million.',
  'Swimming clubs will train at the university pool during the closure, the council said, and school lessons will move to a leisure centre 6 miles away.',
];
const TO_BAKERY = 'A family bakery chain from the coast opened its first shop in…';
const tram = (teasers: string[], body = TRAM_BODY) => page('Tram line to the airport wins its funding', body, teasers);
const TRAM_TEASERS = [TO_BAKERY, 'Council votes to extend the cycle lanes along the river…'];
const bakery = page('Bakery chain opens its first store in the old town', BAKERY_BODY, [
  'Museum reopens its east wing after a two-year restoration…',
  'Harbour festival returns with a bigger programme…',
]);
const pool = page('Swimming pool closes for repairs over the summer', POOL_BODY, [
  'Library extends its opening hours into the evening…',
  'Night bus route returns after a year away…',
]);

let app: TestApp;
const bulk = () => app.strapi.plugin('raw-import').service('bulk');
const importer = () => app.strapi.plugin('raw-import').service('importer');
const bytesOf = (text: string) => new TextEncoder().encode(text);
/** Bulk import keyed by file name (so a later text of tram.txt is the same story). */
const importFiles = async (files: Array<[string, string]>, options: object = {}) => {
  const results: JobFileResult[] = [];
  await bulk().importFiles(
    files.map(([file, text]) => ({ file, bytes: bytesOf(text) })),
    { sourceKey: 'path', ...options, onResult: (result: JobFileResult) => void results.push(result) }
  );
  return results;
};

let ids: { tram: string; bakery: string; pool: string; tramSlug: string; figure: string };
const urls = () => ({
  detail: `/api/articles/${ids.tram}`,
  populated: `/api/articles/${ids.tram}?populate[teasers][populate][linkedArticle][fields][0]=title&populate[figures]=true`,
  bySlug: `/api/articles?filters[slug][$eq]=${ids.tramSlug}&populate[teasers][populate][0]=linkedArticle`,
  list: '/api/articles?populate[0]=teasers',
  teasers: '/api/related-teasers?pagination[pageSize]=100',
  figure: `/api/figures/${ids.figure}?populate=article`,
});
type UrlName = keyof ReturnType<typeof urls>;

const get = (url: string, headers: Record<string, string> = {}) => request(app.server).get(url).set(headers);
const etagsOf = async (names: UrlName[] = Object.keys(urls()) as UrlName[]) => {
  const tags: Partial<Record<UrlName, string>> = {};
  for (const name of names) {
    const res = await get(urls()[name]);
    expect({ name, status: res.status }).toEqual({ name, status: 200 });
    tags[name] = res.headers.etag;
  }
  return tags as Record<UrlName, string>;
};
/** After a write: each named ETag is new, and the old one gets a full 200 (not a 304). */
const expectChanged = async (before: Record<UrlName, string>, names: UrlName[]) => {
  const after = await etagsOf(names);
  for (const name of names) {
    expect({ name, changed: after[name] !== before[name] }).toEqual({ name, changed: true });
    const res = await get(urls()[name], { 'If-None-Match': before[name] }).expect(200);
    expect(res.headers.etag).toBe(after[name]);
  }
  return after;
};

const firstFigureOf = async (documentId: string) => {
  const article = await app.strapi.documents(ARTICLE).findOne({ documentId, status: 'published', populate: { figures: { sort: 'position' } } });
  return (article as unknown as { figures: Array<{ documentId: string }> }).figures[0].documentId;
};

let jwt: string | undefined;
/** The Super Admin's JWT (registered on first use). */
const adminJwt = async () => (jwt ??= await registerFirstAdmin(app));

/** Polls a job through its admin route until it has finished (bounded). */
async function waitForJob(jobId: string): Promise<{ status: string; results: JobFileResult[] }> {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    const res = await request(app.server).get(`/raw-import/jobs/${jobId}`).set({ Authorization: `Bearer ${await adminJwt()}` }).expect(200);
    if (res.body.status !== 'queued' && res.body.status !== 'running') return res.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${jobId} did not finish`);
}

/** Counts Document Service reads: a 304 must not run the controller's query at all. */
let reads = 0;

beforeAll(async () => {
  app = await bootStrapi();
  app.strapi.documents.use(async (context, next) => {
    if (['findMany', 'findOne', 'findFirst', 'count'].includes(context.action)) reads += 1;
    return next();
  });
  const results = await importFiles([['bakery.txt', bakery], ['tram.txt', tram(TRAM_TEASERS)], ['pool.txt', pool]], { publish: true });
  expect(results.map((r) => r.status)).toEqual(['created', 'created', 'created']);
  const [bakeryId, tramId, poolId] = results.map((r) => r.documentId!);
  const tramRow = await app.strapi.documents(ARTICLE).findOne({ documentId: tramId, status: 'published' });
  ids = { tram: tramId, bakery: bakeryId, pool: poolId, tramSlug: tramRow!.slug, figure: await firstFigureOf(tramId) };
});

afterAll(async () => {
  await app?.close();
});

describe('ETag and Cache-Control on public GETs', () => {
  it('sets a strong ETag and public Cache-Control on details, slug filter, lists, teasers and figures', async () => {
    const seen = new Set<string>();
    for (const [name, url] of Object.entries(urls())) {
      const res = await get(url).expect(200);
      expect({ name, etag: res.headers.etag }).toEqual({ name, etag: expect.stringMatching(/^"[A-Za-z0-9_-]{20,}"$/) });
      expect(res.headers['cache-control']).toBe('public, max-age=60');
      expect(res.headers.vary).toMatch(/Authorization/i);
      seen.add(res.headers.etag);
      // Same data, same URL: the same tag.
      expect((await get(url).expect(200)).headers.etag).toBe(res.headers.etag);
    }
    expect(seen.size).toBe(Object.keys(urls()).length);
    // The slug request found the story, with the linked article's title.
    const bySlug = await get(urls().bySlug).expect(200);
    expect(bySlug.body.data).toHaveLength(1);
    expect(bySlug.body.data[0].teasers.map((t: any) => t.linkedArticle?.title ?? null)).toContain('Bakery chain opens its first store in the old town');
  });

  it('answers If-None-Match with a 304 and no body, without running the controller', async () => {
    for (const url of Object.values(urls())) {
      const { etag } = (await get(url).expect(200)).headers;
      reads = 0;
      const res = await get(url, { 'If-None-Match': `"something-else", ${etag}` }).expect(304);
      expect(reads).toBe(0);
      expect(res.headers.etag).toBe(etag);
      expect(res.headers['cache-control']).toBe('public, max-age=60');
      expect(res.text ?? '').toBe('');
      // HEAD shares the tag.
      await request(app.server).head(url).set({ 'If-None-Match': etag }).expect(304);
    }
    // A tag that does not match gets the whole answer (an article's from what was kept, see below; a list's rebuilt).
    const detail = await get(urls().detail, { 'If-None-Match': '"stale"' }).expect(200);
    expect(detail.body.data.documentId).toBe(ids.tram);
    reads = 0;
    await get(urls().list, { 'If-None-Match': '"stale"' }).expect(200);
    expect(reads).toBeGreaterThan(0);
  });

  it('leaves other routes alone', async () => {
    const res = await request(app.server).post('/api/raw-import/preview').send({ text: pool });
    expect(res.headers.etag).toBeUndefined();
    const admin = await get('/admin/init');
    expect(admin.headers['cache-control'] ?? '').not.toMatch(/max-age=60/);
  });
});

describe('callers', () => {
  it('gives tokens their own tags and private caching; custom tokens are not cached', async () => {
    const anonymous = (await get(urls().list).expect(200)).headers.etag;
    const full = { Authorization: `Bearer ${await createApiToken(app, 'full-access')}` };
    const readOnly = { Authorization: `Bearer ${await createApiToken(app, 'read-only')}` };
    const custom = { Authorization: `Bearer ${await createApiToken(app, 'custom', ['api::article.article.find'])}` };

    const fullRes = await get(urls().list, full).expect(200);
    expect(fullRes.headers['cache-control']).toBe('private, no-cache');
    expect(fullRes.headers.etag).toMatch(/^"/);
    expect(fullRes.headers.etag).not.toBe(anonymous);
    await get(urls().list, { ...full, 'If-None-Match': fullRes.headers.etag }).expect(304);
    // A draft-reading tag is no good to the public, and the other way round.
    await get(urls().list, { 'If-None-Match': fullRes.headers.etag }).expect(200);
    await get(urls().list, { ...full, 'If-None-Match': anonymous }).expect(200);

    const readOnlyRes = await get(urls().list, readOnly).expect(200);
    expect(readOnlyRes.headers['cache-control']).toBe('private, no-cache');
    expect(readOnlyRes.headers.etag).not.toBe(fullRes.headers.etag);

    const customRes = await get(urls().list, custom).expect(200);
    expect(customRes.headers.etag).toBeUndefined();
    expect(customRes.headers['cache-control']).toBe('private, no-store');
    // An unknown token is refused by the route as before, whatever If-None-Match says.
    await get(urls().list, { Authorization: 'Bearer not-a-token', 'If-None-Match': anonymous }).expect(401);
  });
});

describe('from a browser on another origin', () => {
  it('allows If-None-Match in a request and lets a script read the ETag', async () => {
    const origin = 'https://www.example-news.org';
    const preflight = await request(app.server)
      .options(urls().bySlug)
      .set({ Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' })
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(origin);
    expect(preflight.headers['access-control-allow-headers'].split(',').map((h: string) => h.trim().toLowerCase())).toContain('if-none-match');
    const res = await get(urls().bySlug, { Origin: origin }).expect(200);
    expect(res.headers['access-control-expose-headers'].split(',').map((h: string) => h.trim().toLowerCase())).toEqual(['etag', 'retry-after']);
    await get(urls().bySlug, { Origin: origin, 'If-None-Match': res.headers.etag }).expect(304);
  });
});

describe('the list validator', () => {
  it('finds MAX(updated_at) of each content table in an index, not by reading every row', async () => {
    const knex = app.strapi.db.connection;
    const tables = ['articles', 'related_teasers', 'figures'];
    const { sql } = validatorQuery(app.strapi, { kind: 'tables' });
    if (app.strapi.db.dialect.client === 'postgres') {
      const { rows } = await knex.raw('SELECT tablename, indexdef FROM pg_indexes WHERE tablename = ANY(?)', [tables]);
      for (const table of tables) {
        expect({ table, indexed: rows.some((r: any) => r.tablename === table && /\(updated_at\)/.test(r.indexdef)) }).toEqual({ table, indexed: true });
      }
    } else {
      const plan = ((await knex.raw(`EXPLAIN QUERY PLAN ${sql}`)) as Array<{ detail: string }>).map((row) => row.detail);
      for (const table of tables) {
        expect({ table, search: plan.filter((line) => line.startsWith(`SEARCH ${table} USING COVERING INDEX`)) }).toEqual({
          table,
          search: [`SEARCH ${table} USING COVERING INDEX ${table}_updated_at_idx`],
        });
      }
    }
  });
});

describe('article answers kept by tag', () => {
  const KEPT: UrlName[] = ['detail', 'populated', 'bySlug'];
  const NOT_KEPT: UrlName[] = ['list', 'teasers', 'figure'];

  it('answers an article detail whose tag it has sent before with the same bytes, without running the route', async () => {
    for (const name of KEPT) {
      const first = await get(urls()[name]).expect(200);
      reads = 0;
      const again = await get(urls()[name]).expect(200);
      expect({ name, reads }).toEqual({ name, reads: 0 });
      expect(again.text).toBe(first.text);
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(again.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(again.headers['cache-control']).toBe('public, max-age=60');
      const head = await request(app.server).head(urls()[name]).expect(200);
      expect(head.headers['content-length']).toBe(String(Buffer.byteLength(first.text)));
      expect(reads).toBe(0);
    }
    // Lists and the plain findOne of a teaser or a figure are rebuilt each time.
    for (const name of NOT_KEPT) {
      await get(urls()[name]).expect(200);
      reads = 0;
      await get(urls()[name]).expect(200);
      expect({ name, rebuilt: reads > 0 }).toEqual({ name, rebuilt: true });
    }
  });

  it('never serves a kept answer after a write it did not see (raw SQL, as another instance or the bulk writer writes)', async () => {
    const kept = await get(urls().detail).expect(200);
    const knex = app.strapi.db.connection;
    const row = await knex('figures').where({ document_id: ids.figure }).first('id', 'label');
    await knex('figures').where({ id: row.id }).update({ label: 'written elsewhere', updated_at: new Date(Date.now() + 1000) });
    reads = 0;
    const after = await get(urls().detail).expect(200);
    expect(reads).toBeGreaterThan(0);
    expect(after.headers.etag).not.toBe(kept.headers.etag);
    expect(after.body.data.figures.map((f: any) => f.label)).toContain('written elsewhere');
    await knex('figures').where({ id: row.id }).update({ label: row.label, updated_at: new Date(Date.now() + 2000) });
  });

  it('keeps nothing with CONTENT_CACHE_MEMORY_MB=0 (the middleware with memoryMb 0 and 1, on this database)', async () => {
    const run = async (memoryMb: number) => {
      const handler = contentCache({ memoryMb }, { strapi: app.strapi });
      let built = 0;
      const once = async () => {
        const headers: Record<string, string> = {};
        const ctx: any = {
          method: 'GET',
          path: `/api/articles/${ids.tram}`,
          originalUrl: `/api/articles/${ids.tram}`,
          query: {},
          request: { header: {} },
          get: () => '',
          set: (name: string, value: string) => (headers[name.toLowerCase()] = value),
          vary: () => undefined,
          status: 404,
          body: undefined,
        };
        await handler(ctx, async () => {
          built += 1;
          ctx.status = 200;
          ctx.body = { data: { documentId: ids.tram, title: 'Tram line to the airport wins its funding' }, meta: {} };
        });
        return { etag: headers.etag, body: Buffer.isBuffer(ctx.body) ? JSON.parse(ctx.body.toString()) : ctx.body };
      };
      const first = await once();
      const second = await once();
      expect(second).toEqual(first);
      expect(first.etag).toMatch(/^"/);
      return built;
    };
    expect(await run(0)).toBe(2);
    expect(await run(1)).toBe(1);
  });

  it('keeps the public answer and a draft reader’s apart', async () => {
    const full = { Authorization: `Bearer ${await createApiToken(app, 'full-access')}` };
    await app.strapi.documents(ARTICLE).update({ documentId: ids.tram, data: { title: 'Tram line (draft headline)' } as any });
    try {
      for (let pass = 0; pass < 2; pass += 1) {
        reads = 0;
        // The same URL, asking for the draft: the public still gets the published article.
        const publicAnswer = await get(`${urls().detail}?status=draft`).expect(200);
        const draftAnswer = await get(`${urls().detail}?status=draft`, full).expect(200);
        // Second pass: both come from what was kept, each its own.
        expect({ pass, reads: pass === 1 ? reads : 'built' }).toEqual({ pass, reads: pass === 1 ? 0 : 'built' });
        expect(publicAnswer.body.data.title).toBe('Tram line to the airport wins its funding');
        expect(draftAnswer.body.data.title).toBe('Tram line (draft headline)');
        expect(draftAnswer.headers.etag).not.toBe(publicAnswer.headers.etag);
      }
    } finally {
      await app.strapi.documents(ARTICLE).discardDraft({ documentId: ids.tram });
    }
  });
});

describe('every write path changes the ETag', () => {
  it('a new import of the same story with another teaser block (bulk writer, raw SQL)', async () => {
    const before = await etagsOf();
    const [result] = await importFiles([['tram.txt', tram([TO_BAKERY, 'Farmers market moves to the castle square on Sundays…'])]]);
    expect(result).toEqual(expect.objectContaining({ status: 'updated', documentId: ids.tram }));
    await expectChanged(before, ['detail', 'populated', 'bySlug', 'list', 'teasers']);
    const res = await get(urls().populated).expect(200);
    expect(res.body.data.teasers.map((t: any) => t.text)).toContain('Farmers market moves to the castle square on Sundays');
  });

  it('a figure changed through the Document Service (what the Content Manager does)', async () => {
    const before = await etagsOf();
    await app.strapi.documents(FIGURE).update({ documentId: ids.figure, data: { label: 'tram funding' } as any });
    await expectChanged(before, ['detail', 'populated', 'bySlug', 'figure']);
    expect((await get(urls().figure).expect(200)).body.data.label).toBe('tram funding');
  });

  it('a figure edited in the Content Manager (its admin route, as an editor saves it)', async () => {
    const before = await etagsOf();
    const res = await request(app.server)
      .put(`/content-manager/collection-types/${FIGURE}/${ids.figure}`)
      .set({ Authorization: `Bearer ${await adminJwt()}` })
      .send({ label: 'tram funding approved' })
      .expect(200);
    expect(res.body.data.label).toBe('tram funding approved');
    await expectChanged(before, ['detail', 'populated', 'bySlug', 'figure']);
    const detail = await get(urls().detail).expect(200);
    expect(detail.body.data.figures.map((f: any) => f.label)).toContain('tram funding approved');
  });

  it('a job (upload through the admin route, run by the job worker)', async () => {
    const before = await etagsOf();
    const submitted = await request(app.server)
      .post('/raw-import/jobs')
      .set({ Authorization: `Bearer ${await adminJwt()}` })
      .field('sourceKey', 'path')
      .field('publish', 'true')
      .attach('files', Buffer.from(tram([TO_BAKERY, 'Harbour ferry adds a late crossing on Fridays…'])), 'tram.txt')
      .expect(202);
    const job = await waitForJob(submitted.body.jobId);
    expect(job.results.map((r: JobFileResult) => [r.status, r.documentId])).toEqual([['updated', ids.tram]]);
    await expectChanged(before, ['detail', 'populated', 'bySlug', 'list', 'teasers']);
    const res = await get(urls().detail).expect(200);
    expect(res.body.data.teasers.map((t: any) => t.text)).toContain('Harbour ferry adds a late crossing on Fridays');
    // Published with the text's own figures again: the Content Manager's label is gone, and with it that figure.
    await get(`/api/figures/${ids.figure}`, { 'If-None-Match': before.figure }).expect(404);
    ids.figure = await firstFigureOf(ids.tram);
  });

  it('a re-split that rewrites a stored body (raw SQL rows, no lifecycle)', async () => {
    // Make the stored draft look like an older splitter's output, without a write the cache would see.
    const table = app.strapi.db.metadata.get(ARTICLE).tableName;
    await app.strapi.db.connection(table).where({ document_id: ids.tram }).whereNull('published_at').update({ title: 'Tram line wins funding' });
    const before = await etagsOf();
    const summary = await app.strapi.plugin('raw-import').service('resplit').resplitArticles({});
    expect(summary).toEqual(expect.objectContaining({ changed: 1, conflicts: 0, failed: 0 }));
    await expectChanged(before, ['detail', 'populated', 'bySlug', 'list']);
  });

  it('a single-text import update of the story (draft), then a correction published with publish: true', async () => {
    let before = await etagsOf();
    const updated = TRAM_BODY.map((p, i) => (i === 2 ? p.replace('18 months', '20 months') : p));
    const draft = await importer().importArticle(tram(TRAM_TEASERS, updated), { sourceKey: 'tram.txt' });
    expect(draft.status).toBe('updated');
    // The validator reads every row of the document, the draft included: the public tag moves too.
    await expectChanged(before, ['detail', 'populated', 'bySlug']);

    before = await etagsOf();
    const corrected = updated.map((p, i) => (i === 1 ? p.replace('every eight minutes', 'every seven minutes') : p));
    const published = await importer().importArticle(tram(TRAM_TEASERS, corrected), { sourceKey: 'tram.txt', publish: true });
    expect(published.status).toBe('updated');
    // The published version took the draft's new figures: the old figure is gone, its tag with it.
    await get(`/api/figures/${ids.figure}`, { 'If-None-Match': before.figure }).expect(404);
    ids.figure = await firstFigureOf(ids.tram);
    await expectChanged(before, ['detail', 'populated', 'bySlug', 'list']);
    expect(JSON.stringify((await get(urls().detail).expect(200)).body.data.body)).toMatch(/every seven minutes/);
  });

  it("a linked article's title changed", async () => {
    const before = await etagsOf();
    const title = 'Bakery chain opens its first store in the old quarter';
    await app.strapi.documents(ARTICLE).update({ documentId: ids.bakery, data: { title } as any });
    await app.strapi.documents(ARTICLE).publish({ documentId: ids.bakery });
    await expectChanged(before, ['detail', 'populated', 'bySlug', 'list']);
    const res = await get(urls().bySlug).expect(200);
    expect(res.body.data[0].teasers.map((t: any) => t.linkedArticle?.title ?? null)).toContain(title);
  });

  it("an unrelated article's change leaves detail tags alone (lists move)", async () => {
    const before = await etagsOf();
    await app.strapi.documents(ARTICLE).update({ documentId: ids.pool, data: { title: 'Swimming pool shuts for summer repairs' } as any });
    await app.strapi.documents(ARTICLE).publish({ documentId: ids.pool });
    const after = await etagsOf();
    for (const name of ['detail', 'populated', 'bySlug', 'figure'] as const) expect({ name, tag: after[name] }).toEqual({ name, tag: before[name] });
    await get(urls().detail, { 'If-None-Match': before.detail }).expect(304);
    expect(after.list).not.toBe(before.list);
  });

  it('a new story that one of its teasers was waiting for (a link row written by raw SQL, no teaser row touched)', async () => {
    const before = await etagsOf();
    const cycleLanes = page('Cycle lanes to follow the river out of town', [
      'Council votes to extend the cycle lanes along the river as far as the ring road, adding 3 miles of paths separated from traffic by a kerb.',
      'Work starts in March and should take about 10 months, the council said, with the towpath closed in sections while it is widened.',
    ], ['Allotment holders win their fight over rent rises…', 'Ferry timetable cut again as crews fall sick…']);
    const [result] = await importFiles([['cycle-lanes.txt', cycleLanes]], { publish: true });
    expect(result.status).toBe('created');
    await expectChanged(before, ['detail', 'populated', 'bySlug', 'list', 'teasers']);
    const res = await get(urls().bySlug).expect(200);
    expect(res.body.data[0].teasers.map((t: any) => t.linkedArticle?.title ?? null)).toContain('Cycle lanes to follow the river out of town');
  });

  it('unpublishing the story changes its tag: the public then gets a 404, not a 304', async () => {
    const before = await etagsOf(['detail']);
    await app.strapi.documents(ARTICLE).unpublish({ documentId: ids.tram });
    await get(urls().detail, { 'If-None-Match': before.detail }).expect(404);
    await app.strapi.documents(ARTICLE).publish({ documentId: ids.tram });
    ids.figure = await firstFigureOf(ids.tram);
  });
});

describe('one database, several instances', () => {
  it('the validator is a pure function of the database state', async () => {
    const targets: CacheTarget[] = [
      { kind: 'article', documentId: ids.tram },
      { kind: 'article-slug', slug: ids.tramSlug },
      { kind: 'figure', documentId: ids.figure },
      { kind: 'tables' },
    ];
    for (const target of targets) {
      const first = await contentValidator(app.strapi, target);
      expect(await contentValidator(app.strapi, target)).toBe(first);
      expect(first.split('|').length).toBeGreaterThan(4);
    }
    expect(resolveTarget(app.strapi, `/api/articles/${ids.tram}`, {})).toEqual({ kind: 'article', documentId: ids.tram });
    // Population beyond what the detail validator covers falls back to the table-level one.
    expect(resolveTarget(app.strapi, `/api/articles/${ids.tram}`, { populate: { teasers: { populate: { linkedArticle: { populate: ['figures'] } } } } })).toEqual({ kind: 'tables' });
  });

  it('a second Strapi process on the same database (another time zone) gives the same ETags and honours the first one’s', async () => {
    const tags = await etagsOf();
    const full = { Authorization: `Bearer ${await createApiToken(app, 'full-access')}` };
    const fullTag = (await get(urls().list, full).expect(200)).headers.etag;
    const checks = [
      ...Object.values(urls()).map((url, i) => ({ url, headers: {}, expect: Object.values(tags)[i] })),
      { url: urls().list, headers: full, expect: fullTag },
    ];
    const other = await otherInstance(checks.flatMap(({ url, headers, expect: tag }) => [
      { url, headers },
      { url, headers: { ...headers, 'If-None-Match': tag } },
    ]));
    checks.forEach((check, i) => {
      expect({ url: check.url, status: other[2 * i].status, etag: other[2 * i].etag }).toEqual({ url: check.url, status: 200, etag: check.expect });
      expect({ url: check.url, status: other[2 * i + 1].status }).toEqual({ url: check.url, status: 304 });
    });
  });
});

/**
 * Boots another Strapi, in a child process (its own memory, its own connection pool, another
 * time zone) on the test's database, and runs the requests there.
 */
function otherInstance(requests: Array<{ url: string; headers: Record<string, string> }>): Promise<Array<{ status: number; etag?: string }>> {
  const script = `
    const path = require('path');
    const request = require('supertest');
    const { createStrapi } = require('@strapi/strapi');
    (async () => {
      const appDir = process.cwd();
      const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
      await strapi.server.mount();
      const out = [];
      for (const { url, headers } of JSON.parse(process.env.REQUESTS)) {
        const res = await request(strapi.server.httpServer).get(url).set(headers);
        out.push({ status: res.status, etag: res.headers.etag });
      }
      await strapi.destroy();
      process.stdout.write('RESULT ' + JSON.stringify(out) + '\\n');
      process.exit(0);
    })().catch((error) => { console.error(error); process.exit(1); });
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], {
      cwd: appDir,
      env: { ...process.env, TZ: 'Pacific/Auckland', RAW_IMPORT_WORKER: 'off', REQUESTS: JSON.stringify(requests) },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
      if (code !== 0 || !line) return reject(new Error(`second instance failed (${code}): ${stderr.slice(-3000)}`));
      resolve(JSON.parse(line.slice('RESULT '.length)));
    });
  });
}
