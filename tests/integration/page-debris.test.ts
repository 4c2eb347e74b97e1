import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { registerFirstAdmin } from '../helpers/auth';

/** A scraped page with debris, through the preview, the single-text import, the bulk path and the public API. */

const ARTICLE = 'api::article.article';
const FIGURE = 'api::figure.figure';

const page = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'noisy-ferry.txt'), 'utf8');
const TITLE = 'Night ferry to the Skerrin Isles returns after a year in dry dock';
const BYLINE = 'Maren Holt and Teo Vance';
const BODY = [
  'The night ferry between Port Averly and the Skerrin Isles sailed again on Friday for the first time in a year, carrying 212 passengers and 38 cars on its first crossing.',
  'The ferry, the Grey Tern, spent 11 months in dry dock while engineers replaced its engines and rebuilt the car deck, at a cost of about £4.2 million.',
  '"We have waited a long time for this," said Rona Fife, who runs a guest house on the largest island. "It was not enough to have the day boat."',
  'The operator said the service would run six nights a week until October and carry up to 300 passengers on each sailing.',
];
const SET_ASIDE = [
  { text: 'Skip to content', kind: 'navigation', line: 1 },
  { text: 'Local', kind: 'section', line: 2 },
  { text: 'Updated 07:15 GMT', kind: 'timestamp', line: 3 },
  { text: 'Share', kind: 'navigation', line: 6 },
  { text: 'Passengers queue to board the Grey Tern at Port Averly on Friday. (Photo: Ilse Kamp/Coastline News)', kind: 'caption', line: 9 },
  { text: 'Advertisement', kind: 'advertisement', line: 10 },
  { text: 'READ MORE: Island schools to share a single head teacher from September', kind: 'read-more', line: 13 },
  { text: 'Sign up for our free Coastline morning newsletter', kind: 'subscription', line: 14 },
  { text: '© 2026 Coastline News. All rights reserved.', kind: 'copyright', line: 15 },
  { text: 'Maren Holt covers transport and the islands for Coastline News.', kind: 'bio', line: 16 },
];

let app: TestApp;
let adminJwt: string;
const admin = () => ({ Authorization: `Bearer ${adminJwt}` });
const bodyText = (blocks: Array<{ children: Array<{ text: string }> }>) => blocks.map((b) => b.children[0].text);

beforeAll(async () => {
  app = await bootStrapi();
  adminJwt = await registerFirstAdmin(app);
});

afterAll(async () => {
  await app?.close();
});

describe('a scraped page with debris', () => {
  it('previews the headline after the debris, the byline, the body and every set-aside line', async () => {
    const res = await request(app.server).post('/raw-import/preview').set(admin()).send({ text: page }).expect(200);
    expect(res.body.title).toBe(TITLE);
    expect(res.body.byline).toBe(BYLINE);
    expect(res.body.body).toEqual(BODY);
    expect(res.body.bodyLines).toEqual([7, 8, 11, 12]);
    expect(res.body.boilerplate).toEqual(SET_ASIDE);
    expect(res.body.figures.map((f: { value: number }) => Number(f.value))).toEqual([212, 38, 4200000, 300]);
  });

  it('imports what the preview showed with the editor’s overrides, keeping the debris with the article', async () => {
    const overrides = { keep: [10], setAside: [11] };
    const preview = await request(app.server).post('/raw-import/preview').set(admin()).send({ text: page, overrides }).expect(200);
    expect(preview.body.body).toEqual([BODY[0], BODY[1], 'Advertisement', BODY[3]]);

    const res = await request(app.server)
      .post('/raw-import/import')
      .set(admin())
      .send({ text: page, overrides, publish: true })
      .expect(201);
    const stored = await app.strapi.documents(ARTICLE).findOne({ documentId: res.body.article.documentId, status: 'draft' });
    expect(stored.title).toBe(TITLE);
    expect(stored.byline).toBe(BYLINE);
    expect(bodyText(stored.body)).toEqual(preview.body.body);
    expect(stored.boilerplate).toEqual(preview.body.boilerplate);
    expect(stored.boilerplate.find((b: { line: number }) => b.line === 11)).toEqual({ text: BODY[2], kind: 'editor', line: 11 });
    expect(stored.rawText).toContain('Skip to content');
  });

  it('shows the byline to sites, never the set-aside lines', async () => {
    const res = await request(app.server).get('/api/articles?filters[byline][$eq]=Maren Holt and Teo Vance').expect(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0].byline).toBe(BYLINE);
    expect(res.body.data[0]).not.toHaveProperty('boilerplate');
    expect(res.body.data[0]).not.toHaveProperty('rawText');
    await request(app.server).get('/api/articles?filters[boilerplate][$contains]=Advertisement').expect(400);
  });

  it('stores the same byline, body and debris through the bulk path', async () => {
    const variant = page.replace('Harbour board approves', 'Harbour board rejects');
    const summary = await app.strapi
      .plugin('raw-import')
      .service('bulk')
      .importFiles([{ file: 'noisy-ferry-2.txt', bytes: new TextEncoder().encode(variant) }], {});
    expect(summary).toEqual({ total: 1, imported: 1, updated: 0, duplicates: 0, conflicts: 0, failed: 0 });
    const stored = await app.strapi.documents(ARTICLE).findFirst({ filters: { sourceName: 'noisy-ferry-2.txt' }, status: 'draft' });
    expect(stored.title).toBe(TITLE);
    expect(stored.byline).toBe(BYLINE);
    expect(bodyText(stored.body)).toEqual(BODY);
    expect(stored.boilerplate).toEqual(SET_ASIDE);
    const figures = await app.strapi.db.query(FIGURE).findMany({ where: { article: { documentId: stored.documentId } }, orderBy: { position: 'asc' } });
    expect(figures.map((f: { value: number }) => Number(f.value))).toEqual([212, 38, 4200000, 300]);
  });

  it('refuses overrides that are not lists of line numbers, writing nothing', async () => {
    const before = await app.strapi.db.query(ARTICLE).count();
    const res = await request(app.server)
      .post('/raw-import/import')
      .set(admin())
      .send({ text: page.replace('Friday', 'Saturday'), overrides: { keep: ['ten'] } })
      .expect(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.message).toMatch(/overrides\.keep/);
    expect(await app.strapi.db.query(ARTICLE).count()).toBe(before);
  });
});
