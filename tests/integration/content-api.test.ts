import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken, loginWithRole, registerFirstAdmin } from '../helpers/auth';

const flood = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'harbour-flood.txt'), 'utf8');
const draftText = [
  'Council approves plan for new tram line',
  '',
  'The city council approved a plan on Monday for a tram line linking the station to the university, at a cost of £310 million.',
  '',
  'Construction of the 9 km line is due to start next spring and should take about three years, officials said.',
].join('\n');

let app: TestApp;
let adminJwt: string;
let published: { documentId: string; slug: string };
let draft: { documentId: string; slug: string };

const importText = async (text: string, publish: boolean) => {
  const res = await request(app.server)
    .post('/raw-import/import')
    .set({ Authorization: `Bearer ${adminJwt}` })
    .send({ text, publish })
    .expect(201);
  return res.body.article;
};

beforeAll(async () => {
  app = await bootStrapi();
  adminJwt = await registerFirstAdmin(app);
  published = await importText(flood, true);
  draft = await importText(draftText, false);
});

afterAll(async () => {
  await app?.close();
});

describe('public content API', () => {
  it('lists the published article with its teasers in order and its figures', async () => {
    const res = await request(app.server)
      .get('/api/articles?populate[teasers][sort]=position&populate[figures]=true')
      .expect(200);
    expect(res.body.data).toHaveLength(1);
    const [article] = res.body.data;
    expect(article.documentId).toBe(published.documentId);
    expect(article.publishedAt).not.toBeNull();
    expect(article.teasers.map((t: { position: number }) => t.position)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(article.teasers[0].text).toMatch(/^Farmers in the northern valleys/);
    expect(article.figures.map((f: { value: number }) => Number(f.value))).toEqual(
      expect.arrayContaining([120, 6500, 85000000])
    );
  });

  it('keeps teasers in block order with the plain populate list', async () => {
    const res = await request(app.server).get('/api/articles?populate[0]=teasers&populate[1]=figures').expect(200);
    const [article] = res.body.data;
    expect(article.teasers.map((t: { position: number }) => t.position)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(article.figures.length).toBeGreaterThanOrEqual(7);
  });

  it('never shows rawText or sourceHash', async () => {
    const list = await request(app.server).get('/api/articles').expect(200);
    const one = await request(app.server).get(`/api/articles/${published.documentId}`).expect(200);
    for (const article of [list.body.data[0], one.body.data]) {
      expect(article).toEqual(expect.objectContaining({ title: expect.any(String), slug: published.slug }));
      expect(article).not.toHaveProperty('rawText');
      expect(article).not.toHaveProperty('sourceHash');
      expect(article).not.toHaveProperty('leadKey');
    }
  });

  it('hides drafts, also when asked for ?status=draft', async () => {
    for (const url of ['/api/articles', '/api/articles?status=draft', '/api/articles?filters[documentId][$eq]=' + draft.documentId]) {
      const res = await request(app.server).get(url).expect(200);
      expect(res.body.data.map((a: { documentId: string }) => a.documentId)).not.toContain(draft.documentId);
    }
    await request(app.server).get(`/api/articles/${draft.documentId}`).expect(404);
    await request(app.server).get(`/api/articles/${draft.documentId}?status=draft`).expect(404);
  });

  it("lists only a published article's teasers and figures on their own endpoints", async () => {
    const draftTeasers = await app.strapi.db.query('api::figure.figure').findMany({
      where: { article: { documentId: draft.documentId } },
    });
    expect(draftTeasers.length).toBeGreaterThan(0);

    const figures = await request(app.server).get('/api/figures?pagination[pageSize]=100&status=draft').expect(200);
    const sentences = figures.body.data.map((f: { sentence: string }) => f.sentence).join(' ');
    expect(figures.body.data.length).toBeGreaterThan(0);
    expect(sentences).not.toMatch(/tram/);

    const hidden = draftTeasers[0];
    await request(app.server).get(`/api/figures/${hidden.documentId}`).expect(404);

    const teasers = await request(app.server).get('/api/related-teasers?pagination[pageSize]=100').expect(200);
    expect(teasers.body.data).toHaveLength(6);
  });

  it("does not let the public reach a draft's teasers through teasedBy", async () => {
    const res = await request(app.server).get('/api/articles?populate[0]=teasedBy').expect(400);
    expect(res.body.error).toEqual(expect.objectContaining({ name: 'ValidationError', message: 'Invalid key teasedBy' }));
  });

  it('refuses the import routes to the public role', async () => {
    await request(app.server).post('/api/raw-import/preview').send({ text: flood }).expect(403);
    await request(app.server).post('/api/raw-import/import').send({ text: flood }).expect(403);
  });
});

describe('API tokens', () => {
  it('lets a full-access token preview and import', async () => {
    const token = await createApiToken(app, 'full-access');
    const auth = { Authorization: `Bearer ${token}` };
    const preview = await request(app.server).post('/api/raw-import/preview').set(auth).send({ text: draftText }).expect(200);
    expect(preview.body.title).toBe('Council approves plan for new tram line');
    const res = await request(app.server).post('/api/raw-import/import').set(auth).send({ text: draftText }).expect(200);
    expect(res.body).toEqual({ status: 'duplicate', article: expect.objectContaining({ documentId: draft.documentId }) });
  });

  it('lets a custom token granted the import actions import', async () => {
    const token = await createApiToken(app, 'custom', ['plugin::raw-import.text.import']);
    const text = `${draftText}\n\nThe first trams are expected to run in 2029.`;
    const res = await request(app.server)
      .post('/api/raw-import/import')
      .set({ Authorization: `Bearer ${token}` })
      .send({ text, sourceName: 'tram.txt' })
      .expect(201);
    expect(res.body.status).toBe('created');
    expect(res.body.article.slug).toBe('council-approves-plan-for-new-tram-line-2');
  });

  it('refuses a read-only token', async () => {
    const token = await createApiToken(app, 'read-only');
    const auth = { Authorization: `Bearer ${token}` };
    await request(app.server).post('/api/raw-import/preview').set(auth).send({ text: flood }).expect(403);
    await request(app.server).post('/api/raw-import/import').set(auth).send({ text: flood }).expect(403);
  });

  it('shows drafts to a full-access token but not to a read-only one', async () => {
    const full = await createApiToken(app, 'full-access');
    const readOnly = await createApiToken(app, 'read-only');
    const ids = async (token: string) =>
      (
        await request(app.server).get('/api/articles?status=draft').set({ Authorization: `Bearer ${token}` }).expect(200)
      ).body.data.map((a: { documentId: string }) => a.documentId);
    expect(await ids(full)).toContain(draft.documentId);
    expect(await ids(readOnly)).not.toContain(draft.documentId);
  });
});

describe('admin roles', () => {
  it('refuses the import to an Author', async () => {
    const jwt = await loginWithRole(app, 'strapi-author', 'author@newsdesk.test');
    const res = await request(app.server)
      .post('/raw-import/import')
      .set({ Authorization: `Bearer ${jwt}` })
      .send({ text: flood })
      .expect(403);
    expect(res.body.error).toEqual(expect.objectContaining({ status: 403, name: 'PolicyError' }));
  });

  it('lets an Editor preview and import', async () => {
    const jwt = await loginWithRole(app, 'strapi-editor', 'editor@newsdesk.test');
    await request(app.server).post('/raw-import/preview').set({ Authorization: `Bearer ${jwt}` }).send({ text: flood }).expect(200);
  });
});
