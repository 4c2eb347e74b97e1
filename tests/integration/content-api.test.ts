import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken, loginWithRole, registerFirstAdmin } from '../helpers/auth';

const flood = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'harbour-flood.txt'), 'utf8');
// A draft whose lede is what one of the flood story's teasers shows (so that teaser links to a
// draft), with a teaser block of its own (teasers of a draft).
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
    const ofDraft = (uid: 'api::figure.figure' | 'api::related-teaser.related-teaser') =>
      app.strapi.db.query(uid).findMany({ where: { article: { documentId: draft.documentId } } });
    const draftFigures = await ofDraft('api::figure.figure');
    const draftTeasers = await ofDraft('api::related-teaser.related-teaser');
    expect(draftFigures.length).toBeGreaterThan(0);
    expect(draftTeasers).toHaveLength(2);

    const figures = await request(app.server).get('/api/figures?pagination[pageSize]=100&status=draft').expect(200);
    expect(figures.body.data.length).toBeGreaterThan(0);
    expect(figures.body.data.map((f: { sentence: string }) => f.sentence).join(' ')).not.toMatch(/trains/);
    await request(app.server).get(`/api/figures/${draftFigures[0].documentId}`).expect(404);

    const teasers = await request(app.server).get('/api/related-teasers?pagination[pageSize]=100&status=draft').expect(200);
    expect(teasers.body.data).toHaveLength(6);
    expect(teasers.body.data.map((t: { text: string }) => t.text).join(' ')).not.toMatch(/Ticket prices/);
    await request(app.server).get(`/api/related-teasers/${draftTeasers[0].documentId}`).expect(404);
  });

  it('never shows a draft through a published teaser that links to it', async () => {
    const linked = await app.strapi.db.query('api::related-teaser.related-teaser').findOne({
      where: { linkedArticle: { documentId: draft.documentId } },
    });
    expect(linked.text).toMatch(/^The national rail operator/);

    const populated = await request(app.server)
      .get(`/api/related-teasers/${linked.documentId}?populate=linkedArticle&status=draft`)
      .expect(200);
    expect(populated.body.data.linkedArticle).toBeNull();

    // Filters through the relation must not probe the draft's title letter by letter.
    for (const url of [
      '/api/related-teasers?filters[linkedArticle][title][$startsWith]=Rail',
      '/api/related-teasers?filters[$or][0][linkedArticle][title][$startsWith]=Rail',
      '/api/articles?filters[teasers][linkedArticle][title][$startsWith]=Rail',
    ]) {
      const res = await request(app.server).get(url).expect(200);
      expect({ url, found: res.body.data.length }).toEqual({ url, found: 0 });
    }
    // Sorting through the relation is dropped for the public rather than ordering by a draft's title.
    const sorted = await request(app.server).get('/api/related-teasers?sort=linkedArticle.title:asc&sort=position').expect(200);
    expect(sorted.body.data.map((t: { position: number }) => t.position)).toEqual([0, 1, 2, 3, 4, 5]);

    // The same filter on a published title does find it: the guard only hides drafts.
    const ofPublished = await request(app.server)
      .get('/api/related-teasers?filters[linkedArticle][title][$startsWith]=Rail')
      .set({ Authorization: `Bearer ${await createApiToken(app, 'full-access')}` })
      .expect(200);
    expect(ofPublished.body.data).toHaveLength(1);
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

describe('REST defaults for a story page and for lists', () => {
  type Teaser = { position: number; text: string; linkedArticle: { documentId: string; slug: string; title: string } | null };
  const positions = (rows: Array<{ position: number }>) => rows.map((row) => row.position);
  const ascending = (values: number[]) => [...values].sort((a, b) => a - b);

  it('answers one article with its body, teasers (and their links) and figures in position order by default', async () => {
    const res = await request(app.server).get(`/api/articles/${published.documentId}`).expect(200);
    const article = res.body.data;
    expect(article).toEqual(expect.objectContaining({ documentId: published.documentId, slug: published.slug }));
    expect(article.body.length).toBeGreaterThan(0);
    expect(article).toHaveProperty('excerpt');
    expect(article).toHaveProperty('byline');
    expect(positions(article.teasers)).toEqual([0, 1, 2, 3, 4, 5]);
    // The rail teaser links to a draft: the public sees no link.
    const rail = article.teasers.find((t: Teaser) => t.text.startsWith('The national rail operator'));
    expect(rail.linkedArticle).toBeNull();
    expect(article.teasers.every((t: Teaser) => t.linkedArticle === null)).toBe(true);
    expect(positions(article.figures).length).toBeGreaterThanOrEqual(7);
    expect(positions(article.figures)).toEqual(ascending(positions(article.figures)));
    for (const child of [...article.teasers, ...article.figures]) expect(child).not.toHaveProperty('leadKey');
    expect(article).not.toHaveProperty('teasedBy');
    expect(article).not.toHaveProperty('rawText');
  });

  it('answers the same by slug, and nothing for a draft slug', async () => {
    const bySlug = await request(app.server).get(`/api/articles?filters[slug][$eq]=${published.slug}`).expect(200);
    const one = await request(app.server).get(`/api/articles/${published.documentId}`).expect(200);
    expect(bySlug.body.data).toHaveLength(1);
    expect(bySlug.body.data[0]).toEqual(one.body.data);
    for (const url of [`/api/articles?filters[slug][$eq]=${draft.slug}`, `/api/articles?filters[slug][$eq]=${draft.slug}&status=draft`]) {
      expect((await request(app.server).get(url).expect(200)).body.data).toEqual([]);
    }
  });

  it('keeps lists light: no body and no children unless asked', async () => {
    const list = await request(app.server).get('/api/articles').expect(200);
    const [article] = list.body.data;
    expect(article).toEqual(expect.objectContaining({ title: expect.any(String), slug: published.slug, excerpt: expect.any(String) }));
    expect(article).toHaveProperty('importedAt');
    expect(article).toHaveProperty('publishedAt');
    for (const key of ['body', 'teasers', 'figures', 'rawText']) expect(article).not.toHaveProperty(key);

    const searched = await request(app.server).get('/api/articles?filters[slug][$startsWith]=harbour').expect(200);
    expect(searched.body.data.every((a: object) => !('body' in a) && !('teasers' in a))).toBe(true);

    const asked = await request(app.server).get('/api/articles?fields[0]=title&fields[1]=body&populate[teasers][fields][0]=position').expect(200);
    expect(asked.body.data[0].body.length).toBeGreaterThan(0);
    expect(asked.body.data[0]).not.toHaveProperty('excerpt');
    expect(asked.body.data[0].teasers).toHaveLength(6);
  });

  it('still honours fields and populate when a story page sends them', async () => {
    const figuresOnly = await request(app.server).get(`/api/articles/${published.documentId}?populate=figures`).expect(200);
    expect(figuresOnly.body.data).not.toHaveProperty('teasers');
    expect(figuresOnly.body.data.figures.length).toBeGreaterThanOrEqual(7);

    const titled = await request(app.server).get(`/api/articles?filters[slug][$eq]=${published.slug}&fields[0]=title&populate[teasers][sort]=position:desc`).expect(200);
    const [article] = titled.body.data;
    expect(Object.keys(article).sort()).toEqual(['documentId', 'id', 'teasers', 'title']);
    expect(positions(article.teasers)).toEqual([5, 4, 3, 2, 1, 0]);
  });

  it('does not let a populate filter through a linked article probe a draft', async () => {
    const res = await request(app.server)
      .get(`/api/articles/${published.documentId}?populate[teasers][filters][linkedArticle][title][$startsWith]=Rail`)
      .expect(200);
    expect(res.body.data.teasers).toEqual([]);
    const ofTeasers = await request(app.server)
      .get('/api/related-teasers?populate[article][populate][teasers][filters][linkedArticle][title][$startsWith]=Rail')
      .expect(200);
    expect(ofTeasers.body.data.flatMap((t: { article: { teasers: unknown[] } }) => t.article.teasers)).toEqual([]);
  });
});

describe('API tokens', () => {
  it('lets a full-access token preview and import', async () => {
    const token = await createApiToken(app, 'full-access');
    const auth = { Authorization: `Bearer ${token}` };
    const preview = await request(app.server).post('/api/raw-import/preview').set(auth).send({ text: draftText }).expect(200);
    expect(preview.body.title).toBe('Rail operator orders new trains for the coast');
    const res = await request(app.server).post('/api/raw-import/import').set(auth).send({ text: draftText }).expect(200);
    expect(res.body).toEqual({ status: 'duplicate', article: expect.objectContaining({ documentId: draft.documentId }) });
  });

  it('lets a custom token granted the import actions import', async () => {
    const token = await createApiToken(app, 'custom', ['plugin::raw-import.text.import']);
    const text = draftText.replace('next year', 'the year after');
    const res = await request(app.server)
      .post('/api/raw-import/import')
      .set({ Authorization: `Bearer ${token}` })
      .send({ text, sourceName: 'trains.txt' })
      .expect(201);
    expect(res.body.status).toBe('created');
    expect(res.body.article.slug).toBe('rail-operator-orders-new-trains-for-the-coast-2');
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

describe('more published stories', () => {
  // Two stories that the flood story's teasers tease: the museum one published at once, the
  // football one imported as a draft and published after it (imported earlier, published later).
  const footballText = [
    'Port Elnor signs a record striker',
    '',
    "Port Elnor's football club signs a 19-year-old striker from the second division in a record deal worth £2 million, the club said on Friday.",
    '',
    'The striker scored 21 goals last season.',
  ].join('\n');
  const museumText = [
    'Maritime gallery reopens in the old town',
    '',
    'A museum in the old town reopened its maritime gallery after a two-year renovation. More than 300 ship models are back on display.',
    '',
    'The renovation cost €4 million.',
  ].join('\n');
  let football: { documentId: string; slug: string };
  let museum: { documentId: string; slug: string };
  const importer = () => app.strapi.plugin('raw-import').service('importer');
  const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

  beforeAll(async () => {
    await pause();
    football = (await importer().importArticle(footballText, { sourceName: 'football.txt', publish: false })).article;
    await pause();
    museum = (await importer().importArticle(museumText, { sourceName: 'museum.txt', publish: true })).article;
    await pause();
    await app.strapi.documents('api::article.article').publish({ documentId: football.documentId });
  });

  it('sort by importedAt and by publishedAt', async () => {
    const order = async (sort: string) =>
      (await request(app.server).get(`/api/articles?sort=${sort}`).expect(200)).body.data.map((a: { documentId: string }) => a.documentId);
    expect(await order('importedAt:asc')).toEqual([published.documentId, football.documentId, museum.documentId]);
    expect(await order('importedAt:desc')).toEqual([museum.documentId, football.documentId, published.documentId]);
    expect(await order('publishedAt:asc')).toEqual([published.documentId, museum.documentId, football.documentId]);
    expect(await order('publishedAt:desc')).toEqual([football.documentId, museum.documentId, published.documentId]);
  });

  it("show in the flood story's teasers as links (documentId, slug, title), the draft still does not", async () => {
    const { data: article } = (await request(app.server).get(`/api/articles/${published.documentId}`).expect(200)).body;
    const links = article.teasers.map((t: { position: number; linkedArticle: unknown }) => [t.position, t.linkedArticle]);
    expect(links).toEqual([
      [0, null],
      [1, null],
      [2, { id: expect.any(Number), documentId: museum.documentId, slug: museum.slug, title: 'Maritime gallery reopens in the old town' }],
      [3, null],
      [4, { id: expect.any(Number), documentId: football.documentId, slug: football.slug, title: 'Port Elnor signs a record striker' }],
      [5, null],
    ]);
  });
});
