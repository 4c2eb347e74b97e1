import http from 'http';
import type { AddressInfo } from 'net';
import request from 'supertest';
import { bootStrapi, clearArticles, type TestApp } from '../helpers/strapi';
import { registerFirstAdmin } from '../helpers/auth';
import { generateArticles } from '../../bench/generate';
import type { BatchEvent, JobFileResult } from '../../src/plugins/raw-import/shared/contracts';

const ARTICLE = 'api::article.article';

/** A raw text as a scraper saves it: headline, body paragraphs, then the teaser block. */
const page = (headline: string, body: string[], teasers: string[]) => [headline, '', ...body.flatMap((p) => [p, '']), ...teasers].join('\n');

const QUARRY_BODY = [
  'The county planning board on Thursday approved the reopening of the Brackenfold quarry, closed since a landslide buried its access road four winters ago.',
  'The operator says the site will employ 140 people once it reaches full output, and that lorries will use a new road built away from the village school.',
  'Residents who opposed the plan collected 2,300 signatures and warned that dust from blasting would settle on gardens and the primary school playground.',
  'The board attached conditions: blasting only on weekdays between ten and four, monitoring of dust at six points, and a bond of £1.5 million for restoring the land.',
  'A spokesperson for the residents said they would study the decision before deciding whether to ask for a judicial review of the approval.',
];
const TEASERS_A = ['Ferry timetable cut again as crews fall sick…', 'Allotment holders win their fight over rent rises…'];
const TEASERS_B = ['Night bus route returns after a year away…', 'Library extends its opening hours into the evening…', 'Cricket club hosts a junior festival…'];
const quarry = (teasers: string[], body = QUARRY_BODY) => page('Quarry may reopen four years after landslide', body, teasers);

let app: TestApp;
let jwt: string;
const bulk = () => app.strapi.plugin('raw-import').service('bulk');
const file = (name: string, text: string) => ({ file: name, bytes: new TextEncoder().encode(text) });
const draftOf = (documentId: string) =>
  app.strapi.documents(ARTICLE).findOne({ documentId, status: 'draft', populate: { teasers: { sort: 'position' }, figures: { sort: 'position' } } });
const publishedOf = (documentId: string) =>
  app.strapi.documents(ARTICLE).findOne({ documentId, status: 'published', populate: { teasers: { sort: 'position' }, figures: { sort: 'position' } } });
const countArticles = (filters: object = {}) => app.strapi.documents(ARTICLE).count({ filters, status: 'draft' });
const importOne = async (name: string, text: string, options: object = {}) => {
  const results: JobFileResult[] = [];
  await bulk().importFiles([file(name, text)], { ...options, onResult: (result: JobFileResult) => void results.push(result) });
  return results[0];
};

beforeAll(async () => {
  app = await bootStrapi();
  jwt = await registerFirstAdmin(app);
});

afterAll(async () => {
  await app?.close();
});

beforeEach(() => clearArticles(app.strapi));

describe('a re-scrape of a known story', () => {
  it('updates it when only the teaser block changed: one article, the new teasers in order, nothing else rewritten', async () => {
    const first = await importOne('quarry.txt', quarry(TEASERS_A));
    expect(first.status).toBe('created');
    const second = await importOne('quarry-again.txt', quarry(TEASERS_B));

    expect(second).toEqual({
      file: 'quarry-again.txt',
      status: 'updated',
      documentId: first.documentId,
      changes: { paragraphs: 0, teasers: 3, figures: 0, fields: [] },
    });
    expect(await countArticles()).toBe(1);
    const draft = await draftOf(first.documentId!);
    expect(draft.teasers.map((t: { text: string; position: number }) => [t.position, t.text])).toEqual([
      [0, 'Night bus route returns after a year away'],
      [1, 'Library extends its opening hours into the evening'],
      [2, 'Cricket club hosts a junior festival'],
    ]);
    expect(draft.slug).toBe('quarry-may-reopen-four-years-after-landslide');
    // The replaced teasers are gone, not orphaned.
    expect(await app.strapi.db.query('api::related-teaser.related-teaser').count()).toBe(3);
  });

  it('reaches the published version too when only teasers changed', async () => {
    const first = await importOne('quarry.txt', quarry(TEASERS_A), { publish: true });
    await importOne('quarry-again.txt', quarry(TEASERS_B));
    const published = await publishedOf(first.documentId!);
    expect(published.teasers.map((t: { text: string }) => t.text)).toEqual([
      'Night bus route returns after a year away',
      'Library extends its opening hours into the evening',
      'Cricket club hosts a junior festival',
    ]);
  });

  it('is a duplicate when nothing a reader sees changed, and writes nothing', async () => {
    const first = await importOne('quarry.txt', quarry(TEASERS_A));
    const again = await importOne('elsewhere.txt', `${quarry(TEASERS_A)}\n\n`.replace(/\n/g, '\r\n'));
    expect(again).toEqual({ file: 'elsewhere.txt', status: 'duplicate', documentId: first.documentId });
    expect((await draftOf(first.documentId!)).sourceName).toBe('quarry.txt');
  });

  it('answers the same through the admin import route', async () => {
    const created = await request(app.server).post('/raw-import/import').set('Authorization', `Bearer ${jwt}`).send({ text: quarry(TEASERS_A) }).expect(201);
    const updated = await request(app.server).post('/raw-import/import').set('Authorization', `Bearer ${jwt}`).send({ text: quarry(TEASERS_B) }).expect(200);
    expect(updated.body).toEqual({
      status: 'updated',
      article: { documentId: created.body.article.documentId, title: 'Quarry may reopen four years after landslide', slug: 'quarry-may-reopen-four-years-after-landslide' },
      changes: { paragraphs: 0, teasers: 3, figures: 0, fields: [] },
    });
    expect(await countArticles()).toBe(1);
  });

  it('skips a known story with onExisting "skip": answered duplicate with what would have changed', async () => {
    const first = await importOne('quarry.txt', quarry(TEASERS_A));
    const skipped = await importOne('quarry-again.txt', quarry(TEASERS_B), { onExisting: 'skip' });
    expect(skipped).toEqual({
      file: 'quarry-again.txt',
      status: 'duplicate',
      documentId: first.documentId,
      changes: { paragraphs: 0, teasers: 3, figures: 0, fields: [] },
    });
    expect((await draftOf(first.documentId!)).teasers.map((t: { text: string }) => t.text)).toEqual([
      'Ferry timetable cut again as crews fall sick',
      'Allotment holders win their fight over rent rises',
    ]);
  });
});

describe('a correction under the same source key', () => {
  const corrected = QUARRY_BODY.map((p, i) => (i === 1 ? p.replace('140 people', '160 people') : p));

  it('updates the draft only: the published version keeps the old number until publish', async () => {
    const first = await importOne('wire/quarry.txt', quarry(TEASERS_A), { publish: true, sourceKey: 'path' });
    const update = await importOne('wire/quarry.txt', quarry(TEASERS_A, corrected), { sourceKey: 'path' });
    expect(update).toEqual(
      expect.objectContaining({ status: 'updated', documentId: first.documentId, changes: { paragraphs: 1, teasers: 0, figures: 1, fields: [] } })
    );

    const draft = await draftOf(first.documentId!);
    const published = await publishedOf(first.documentId!);
    expect(draft.body[1].children[0].text).toContain('160 people');
    expect(published.body[1].children[0].text).toContain('140 people');
    expect(draft.figures.map((f: { display: string }) => f.display)).toContain('160');
    expect(published.figures.map((f: { display: string }) => f.display)).toContain('140');
    expect(published.figures.map((f: { display: string }) => f.display)).not.toContain('160');
    expect(draft.sourceKey).toBe('wire/quarry.txt');
  });

  it('reaches the published version with publish', async () => {
    const first = await importOne('wire/quarry.txt', quarry(TEASERS_A), { publish: true, sourceKey: 'path' });
    await importOne('wire/quarry.txt', quarry(TEASERS_A, corrected), { sourceKey: 'path', publish: true });
    const published = await publishedOf(first.documentId!);
    expect(published.body[1].children[0].text).toContain('160 people');
    expect(published.figures.map((f: { display: string }) => f.display)).toContain('160');
    expect(published.figures.map((f: { display: string }) => f.display)).not.toContain('140');
  });
});

describe('an article changed in the Content Manager after its import', () => {
  it('is a conflict: nothing is overwritten, the answer names the article', async () => {
    const first = await importOne('quarry.txt', quarry(TEASERS_A));
    await app.strapi.documents(ARTICLE).update({ documentId: first.documentId!, data: { title: 'Brackenfold quarry to reopen' } });

    const again = await importOne('quarry-again.txt', quarry(TEASERS_B));
    expect(again).toEqual({
      file: 'quarry-again.txt',
      status: 'conflict',
      documentId: first.documentId,
      changes: { paragraphs: 0, teasers: 3, figures: 0, fields: ['title'] },
    });
    const draft = await draftOf(first.documentId!);
    expect(draft.title).toBe('Brackenfold quarry to reopen');
    expect(draft.teasers.map((t: { text: string }) => t.text)).toEqual(['Ferry timetable cut again as crews fall sick', 'Allotment holders win their fight over rent rises']);
  });

  it('is left alone by a re-split, which reports it as a conflict', async () => {
    const first = await importOne('quarry.txt', quarry(TEASERS_A));
    await importOne('other.txt', page('Night bus returns', ['The night bus between the station and the hospital returns on Monday after a year away, the transport board said, with buses every forty minutes.'], []));
    const resplit = app.strapi.plugin('raw-import').service('resplit');
    expect(await resplit.resplitArticles({ dryRun: true })).toEqual({ total: 2, unchanged: 2, changed: 0, conflicts: 0, failed: 0 });

    // An editor rewrites the body in the CMS: a re-split would now change it back, so it is a conflict.
    const draft = await draftOf(first.documentId!);
    await app.strapi.documents(ARTICLE).update({ documentId: first.documentId!, data: { body: draft.body.slice(0, 2) } });
    expect(await resplit.resplitArticles({ dryRun: true })).toEqual({ total: 2, unchanged: 1, changed: 0, conflicts: 1, failed: 0 });
    expect(await resplit.resplitArticles({})).toEqual({ total: 2, unchanged: 1, changed: 0, conflicts: 1, failed: 0 });
    expect((await draftOf(first.documentId!)).body).toHaveLength(2);
  });
});

describe('the same story from another outlet', () => {
  const rewritten = QUARRY_BODY.map((p, i) =>
    i === 2 ? 'Opponents, who gathered thousands of names on a petition, fear that blasting will cover homes and the village playground in dust.' : p
  );

  it('is created and flagged as a possible duplicate of the original', async () => {
    const original = await importOne('quarry.txt', quarry(TEASERS_A));
    const copy = await importOne('gazette/quarry.txt', page('Brackenfold quarry gets the go-ahead', rewritten, TEASERS_B));
    expect(copy).toEqual(expect.objectContaining({ status: 'created', possibleDuplicateOf: original.documentId }));
    expect(copy.documentId).not.toBe(original.documentId);
    expect(await countArticles()).toBe(2);
  });

  it('is flagged within one batch too', async () => {
    const results: JobFileResult[] = [];
    await bulk().importFiles([file('a.txt', quarry(TEASERS_A)), file('b.txt', page('Quarry approved', rewritten, []))], { onResult: (r: JobFileResult) => void results.push(r) });
    expect(results.map((r) => r.status)).toEqual(['created', 'created']);
    expect(results[1].possibleDuplicateOf).toBe(results[0].documentId);
  });

  it('is shown in the admin preview with the matching article', async () => {
    const original = await importOne('quarry.txt', quarry(TEASERS_A));
    const preview = await request(app.server)
      .post('/raw-import/preview')
      .set('Authorization', `Bearer ${jwt}`)
      .send({ text: page('Brackenfold quarry gets the go-ahead', rewritten, []) })
      .expect(200);
    expect(preview.body.identity).toEqual({
      status: 'created',
      possibleDuplicateOf: {
        documentId: original.documentId,
        title: 'Quarry may reopen four years after landslide',
        slug: 'quarry-may-reopen-four-years-after-landslide',
        similarity: expect.any(Number),
      },
    });
    expect(preview.body.identity.possibleDuplicateOf.similarity).toBeGreaterThan(0.5);
    expect(await countArticles()).toBe(1);
  });

  it('never flags texts made from one template with other facts', async () => {
    const results: JobFileResult[] = [];
    const texts = generateArticles(300, { seed: 11 }).map((article) => file(article.name, article.text));
    await bulk().importFiles(texts, { onResult: (r: JobFileResult) => void results.push(r) });
    expect(results.filter((r) => r.status === 'created')).toHaveLength(300);
    expect(results.filter((r) => r.possibleDuplicateOf)).toEqual([]);
  });
});

describe('the import log', () => {
  it('keeps one row per import with who, the outcome and what changed, shown to editors per article', async () => {
    const first = await request(app.server).post('/raw-import/import').set('Authorization', `Bearer ${jwt}`).send({ text: quarry(TEASERS_A), sourceName: 'quarry.txt' }).expect(201);
    await importOne('quarry-again.txt', quarry(TEASERS_B));
    await importOne('quarry-again.txt', quarry(TEASERS_B));

    const history = await request(app.server)
      .get(`/raw-import/articles/${first.body.article.documentId}/imports`)
      .set('Authorization', `Bearer ${jwt}`)
      .expect(200);
    expect(history.body.entries.map((e: { status: string; actor: { type: string }; sourceName: string }) => [e.status, e.actor.type, e.sourceName])).toEqual([
      ['duplicate', 'cli', 'quarry-again.txt'],
      ['updated', 'cli', 'quarry-again.txt'],
      ['created', 'admin', 'quarry.txt'],
    ]);
    expect(history.body.entries[1].changes).toEqual({ paragraphs: 0, teasers: 3, figures: 0, fields: [] });
    expect(history.body.entries[2].actor.name).toMatch(/@/);
    expect(history.body.entries[2].fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is refused without an admin JWT', async () => {
    await request(app.server).get('/raw-import/articles/abc/imports').expect(401);
  });
});

describe('the raw-import.batch webhook event', () => {
  it('is selectable for webhooks and sent once per committed batch, listing created, updated and published documents', async () => {
    expect(app.strapi.get('webhookStore').allowedEvents.get('RAW_IMPORT_BATCH')).toBe('raw-import.batch');
    const deliveries: Array<BatchEvent & { event: string }> = [];
    const receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        deliveries.push(JSON.parse(body));
        // No keep-alive: while a batch holds the event loop for seconds, this server's idle timer and
        // the webhook runner's pooled socket expire in the same turn, and a delivery written to a
        // socket the server then closes is lost (the runner does not retry).
        res.setHeader('Connection', 'close');
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const webhook = await app.strapi.get('webhookStore').createWebhook({ name: 'site', url, headers: {}, events: ['raw-import.batch'], isEnabled: true });
    app.strapi.get('webhookRunner').add(webhook);
    try {
      const texts = generateArticles(250, { seed: 5 }).map((article) => file(article.name, article.text));
      const results: JobFileResult[] = [];
      await bulk().importFiles(texts, { publish: true, eventSource: 'test', onResult: (r: JobFileResult) => void results.push(r) });
      // Deliveries go out from the webhook runner's queue, after the batch commits: poll (bounded: 30 s on a busy machine).
      for (let i = 0; i < 600 && deliveries.length < 3; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));

      expect(deliveries).toHaveLength(3);
      expect(deliveries.every((d) => d.event === 'raw-import.batch' && d.source === 'test')).toBe(true);
      const created = deliveries.flatMap((d) => d.created);
      expect(created.sort()).toEqual(results.map((r) => r.documentId).sort());
      expect(deliveries.flatMap((d) => d.published).sort()).toEqual(created);
      expect(deliveries.flatMap((d) => d.updated)).toEqual([]);
    } finally {
      app.strapi.get('webhookRunner').remove(webhook);
      await app.strapi.get('webhookStore').deleteWebhook(webhook.id);
      receiver.close();
    }
  });
});
