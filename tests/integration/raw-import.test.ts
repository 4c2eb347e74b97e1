import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { registerFirstAdmin } from '../helpers/auth';

const ARTICLE = 'api::article.article';
const TEASER = 'api::related-teaser.related-teaser';
const FIGURE = 'api::figure.figure';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '..', 'fixtures', name), 'utf8');
const flood = fixture('harbour-flood.txt');

let app: TestApp;
let adminJwt: string;

const admin = () => ({ Authorization: `Bearer ${adminJwt}` });
const rowCounts = async () => ({
  articles: await app.strapi.db.query(ARTICLE).count(),
  teasers: await app.strapi.db.query(TEASER).count(),
  figures: await app.strapi.db.query(FIGURE).count(),
});

/** Makes every INSERT into the table fail ("disk full") until the returned function is called. */
async function failInsertsInto(table: string) {
  const knex = app.strapi.db.connection;
  if (app.strapi.db.dialect.client === 'postgres') {
    await knex.raw(`CREATE FUNCTION fail_insert() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql`);
    await knex.raw(`CREATE TRIGGER fail_insert BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION fail_insert()`);
    return async () => {
      await knex.raw(`DROP TRIGGER fail_insert ON ${table}`);
      await knex.raw('DROP FUNCTION fail_insert()');
    };
  }
  await knex.raw(`CREATE TRIGGER fail_insert BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
  return async () => {
    await knex.raw('DROP TRIGGER fail_insert');
  };
}

beforeAll(async () => {
  app = await bootStrapi();
  adminJwt = await registerFirstAdmin(app);
});

afterAll(async () => {
  await app?.close();
});

describe('POST /raw-import/preview', () => {
  it('answers the split of a raw text and writes nothing', async () => {
    const before = await rowCounts();
    const res = await request(app.server).post('/raw-import/preview').set(admin()).send({ text: flood }).expect(200);

    expect(res.body.title).toBeNull();
    expect(res.body.body).toHaveLength(7);
    expect(res.body.teasers).toHaveLength(6);
    expect(res.body.teasers[0]).toEqual({
      text: "Farmers in the northern valleys warn that the dry spring could cut this year's grain harvest, while",
      truncated: true,
    });
    const values = res.body.figures.map((figure: { value: number }) => Number(figure.value));
    expect(values).toEqual(expect.arrayContaining([120, 37, 9, 6500, 48000, 85000000, 12000000]));
    expect(values).not.toContain(2019);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a request without a JWT', async () => {
    await request(app.server).post('/raw-import/preview').send({ text: flood }).expect(401);
  });
});

describe('POST /raw-import/import', () => {
  let documentId: string;

  it('creates a draft article with its teasers in order and its figures', async () => {
    const res = await request(app.server)
      .post('/raw-import/import')
      .set(admin())
      .send({ text: flood, sourceName: 'harbour-flood.txt' })
      .expect(201);

    expect(res.body.status).toBe('created');
    expect(res.body.article.title).toBe(
      'Floodwater swept through the harbour district of Port Elnor on Tuesday night after a storm surge breached the old sea…'
    );
    expect(res.body.article.title.length).toBeLessThanOrEqual(120);
    expect(res.body.article.slug).toMatch(/^floodwater-swept-through-the-harbour-district/);
    documentId = res.body.article.documentId;

    const article = await app.strapi.documents(ARTICLE).findOne({
      documentId,
      status: 'draft',
      populate: { teasers: { sort: 'position' }, figures: true },
    });
    expect(article.publishedAt).toBeNull();
    expect(article.sourceName).toBe('harbour-flood.txt');
    expect(article.sourceHash).toMatch(/^[0-9a-f]{64}$/);
    expect(article.body).toHaveLength(7);
    expect(article.body[0]).toEqual({
      type: 'paragraph',
      children: [{ type: 'text', text: expect.stringMatching(/^Floodwater swept/) }],
    });
    expect(article.wordCount).toBe(article.body.map((b) => b.children[0].text.split(' ').length).reduce((a, b) => a + b));
    expect(article.readingTimeMinutes).toBeGreaterThanOrEqual(1);
    expect(article.excerpt.length).toBeLessThanOrEqual(300);
    expect(article.teasers.map((t: { position: number }) => t.position)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(article.teasers[5].text).toMatch(/^The central bank holds interest rates/);
    expect(article.figures.length).toBeGreaterThanOrEqual(7);
  });

  it('answers duplicate for the same text with CRLF line endings and a BOM, writing nothing', async () => {
    const before = await rowCounts();
    const res = await request(app.server)
      .post('/raw-import/import')
      .set(admin())
      .send({ text: `\uFEFF${flood.replace(/\n/g, '\r\n')}` })
      .expect(200);
    expect(res.body).toEqual({ status: 'duplicate', article: expect.objectContaining({ documentId }) });
    expect(await rowCounts()).toEqual(before);
  });
});

describe('concurrent imports of one text', () => {
  it('create the article once and answer duplicate to the others', async () => {
    const text = flood.replace('Floodwater swept', 'A tidal surge swept');
    const importer = app.strapi.plugin('raw-import').service('importer');
    const results = await Promise.all([1, 2, 3].map(() => importer.importArticle(text, {})));
    expect(results.map((r: { status: string }) => r.status).sort()).toEqual(['created', 'duplicate', 'duplicate']);
    expect(new Set(results.map((r: { article: { documentId: string } }) => r.article.documentId)).size).toBe(1);
    const hash = (await app.strapi.documents(ARTICLE).findOne({ documentId: results[0].article.documentId, fields: ['sourceHash'] })).sourceHash;
    expect(await app.strapi.db.query(ARTICLE).count({ where: { sourceHash: hash } })).toBe(1);
  });
});

describe('bad input', () => {
  const cases: Array<[string, unknown, number, RegExp]> = [
    ['an empty text', { text: '' }, 400, /empty/i],
    ['a whitespace-only text', { text: ' \n\t\n  ' }, 400, /empty/i],
    ['a missing text field', { sourceName: 'x.txt' }, 400, /text/i],
    ['a text that is not a string', { text: 42 }, 400, /text/i],
    ['binary data (NUL bytes)', { text: 'PK\u0003\u0004\u0000\u0000binary' }, 400, /binary/i],
    ['undecodable bytes', { text: 'Caf\uFFFD au lait is served. More text follows here.' }, 400, /UTF-8/],
    ['a text with only teasers and no body', { text: 'One teaser line that trails off…\nAnother teaser that stops…' }, 400, /body/i],
    ['a text over the size limit', { text: 'word '.repeat(300_000) }, 413, /too large/i],
  ];

  it.each(cases)('refuses %s with a clear error and writes nothing', async (_name, payload, status, message) => {
    const before = await rowCounts();
    const res = await request(app.server).post('/raw-import/import').set(admin()).send(payload as object);
    expect(res.status).toBe(status);
    expect(res.body.data).toBeNull();
    expect(res.body.error).toEqual(expect.objectContaining({ status, message: expect.stringMatching(message) }));
    expect(await rowCounts()).toEqual(before);
  });

  it('rolls back the article, its teasers and its figures when the last write of the import fails', async () => {
    const before = await rowCounts();
    const restore = await failInsertsInto('raw_import_log');
    const res = await request(app.server)
      .post('/raw-import/import')
      .set(admin())
      .send({ text: flood.replace('Floodwater', 'Seawater'), publish: true });
    await restore();
    expect(res.status).toBe(500);
    expect(await rowCounts()).toEqual(before);
  });
});
