/**
 * Races: many writers of one story at once. Runs on SQLite by default and on PostgreSQL with
 * `npm run test:postgres` (where imports really run side by side on separate connections, and
 * the import lock is pg_advisory_xact_lock).
 */
import request from 'supertest';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { registerFirstAdmin } from '../helpers/auth';
import { generateArticles } from '../../bench/generate';
import type { JobFileResult } from '../../src/plugins/raw-import/shared/contracts';

const ARTICLE = 'api::article.article';
const TEASER = 'api::related-teaser.related-teaser';
const FIGURE = 'api::figure.figure';
const LOG = 'plugin::raw-import.import-log';

const page = (headline: string, body: string[], teasers: string[]) => [headline, '', ...body.flatMap((p) => [p, '']), ...teasers].join('\n');

let app: TestApp;
let jwt: string;
const admin = () => ({ Authorization: `Bearer ${jwt}` });
const bulk = () => app.strapi.plugin('raw-import').service('bulk');
const importer = () => app.strapi.plugin('raw-import').service('importer');
const bytesOf = (text: string) => new TextEncoder().encode(text);

const rowCounts = async () => ({
  articles: await app.strapi.db.query(ARTICLE).count(),
  teasers: await app.strapi.db.query(TEASER).count(),
  figures: await app.strapi.db.query(FIGURE).count(),
});

beforeAll(async () => {
  app = await bootStrapi();
  jwt = await registerFirstAdmin(app);
});

afterAll(async () => {
  await app?.close();
});

describe('20 imports of one text at once, through the admin route', () => {
  it('create the article once and answer duplicate to the other 19, with its teasers and figures once', async () => {
    const text = page(
      'Night trains return to the coast line',
      [
        'Night trains will run on the coast line again from May, the rail operator said, with 4 services a week in each direction and 120 sleeping berths on each train.',
        'The service was cut in 2019; reviving it costs £6 million a year, of which the regional government pays about half.',
      ],
      ['Harbour ferry adds a late crossing on Fridays…', 'Seaside pier reopens after its winter repairs…']
    );
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => request(app.server).post('/raw-import/import').set(admin()).send({ text, publish: true }))
    );
    expect(answers.map((res) => res.status).sort()).toEqual([...Array(19).fill(200), 201].sort());
    expect(answers.map((res) => res.body.status).sort()).toEqual(['created', ...Array(19).fill('duplicate')]);
    expect(new Set(answers.map((res) => res.body.article.documentId)).size).toBe(1);

    const documentId = answers[0].body.article.documentId;
    const rows = await app.strapi.db.query(ARTICLE).findMany({ where: { documentId } });
    expect(rows.map((row: { publishedAt: unknown }) => row.publishedAt === null).sort()).toEqual([false, true]);
    const draft = await app.strapi.documents(ARTICLE).findOne({ documentId, populate: ['teasers', 'figures'] });
    expect((draft as any).teasers.map((t: { text: string }) => t.text)).toEqual(['Harbour ferry adds a late crossing on Fridays', 'Seaside pier reopens after its winter repairs']);
    expect((draft as any).figures.map((f: { value: number }) => Number(f.value)).sort((a: number, b: number) => a - b)).toEqual([4, 120, 6000000]);
    // Every one of the 20 is in the import log, once.
    const outcomes = (await app.strapi.db.query(LOG).findMany({ where: { articleDocumentId: documentId } })).map((row: { outcome: string }) => row.outcome);
    expect(outcomes.sort()).toEqual(['created', ...Array(19).fill('duplicate')]);
  });
});

describe('two bulk imports of overlapping sets at once', () => {
  it('store each article exactly once', async () => {
    const before = await rowCounts();
    const articles = generateArticles(150, { seed: 11 });
    const first = articles.slice(0, 100);
    const second = articles.slice(50);
    const run = async (set: typeof articles) => {
      const results: JobFileResult[] = [];
      await bulk().importFiles(
        set.map((article) => ({ file: article.name, bytes: bytesOf(article.text) })),
        { publish: true, onResult: (result: JobFileResult) => void results.push(result) }
      );
      return results;
    };
    const [a, b] = await Promise.all([run(first), run(second)]);
    const created = [...a, ...b].filter((result) => result.status === 'created');
    expect(created).toHaveLength(150);
    expect(new Set(created.map((result) => result.file)).size).toBe(150);
    // The 50 texts in both sets: created by one run, a duplicate to the other.
    const overlap = new Set(articles.slice(50, 100).map((article) => article.name));
    const statusesOfOverlap = [...a, ...b].filter((result) => overlap.has(result.file)).map((result) => result.status);
    expect(statusesOfOverlap.sort()).toEqual([...Array(50).fill('created'), ...Array(50).fill('duplicate')]);
    // A draft and a published row per article, and no fingerprint twice among the drafts.
    expect((await rowCounts()).articles - before.articles).toBe(300);
    const table = app.strapi.db.metadata.get(ARTICLE).tableName;
    const twice = await app.strapi.db.connection(table)
      .select('body_fingerprint')
      .count({ n: '*' })
      .whereNull('published_at')
      .groupBy('body_fingerprint')
      .havingRaw('count(*) > 1');
    expect(twice).toEqual([]);
  }, 300_000);
});

describe('a re-scrape and a correction of one story arriving at once', () => {
  const BODY = [
    'The city will plant 2,400 trees along its ring road over the next three years, the council said on Thursday, at a cost of £1.5 million.',
    'Residents can choose the species for 300 of them in an online vote that opens next month.',
  ];
  const CORRECTED = [BODY[0].replace('2,400 trees', '2,600 trees'), BODY[1]];
  const FIRST_TEASERS = ['Library extends its opening hours into the evening…', 'Night bus route returns after a year away…'];
  const LATER_TEASERS = ['Allotment holders win their fight over rent rises…', 'Ferry timetable cut again as crews fall sick…'];
  const headline = 'Ring road to get thousands of new trees';

  it('end as one article holding both: each import computed against the other’s result, none lost', async () => {
    const created = await importer().importArticle(page(headline, BODY, FIRST_TEASERS), { sourceKey: 'trees.txt', publish: true });
    expect(created.status).toBe('created');
    const documentId = created.article.documentId;

    // The re-scrape: the same body under a new teaser block. The correction: one number changed.
    const [rescrape, correction] = await Promise.all([
      importer().importArticle(page(headline, BODY, LATER_TEASERS), { sourceKey: 'trees.txt' }),
      importer().importArticle(page(headline, CORRECTED, FIRST_TEASERS), { sourceKey: 'trees.txt' }),
    ]);
    expect([rescrape.status, correction.status]).toEqual(['updated', 'updated']);
    expect(new Set([rescrape.article.documentId, correction.article.documentId])).toEqual(new Set([documentId]));
    expect(await app.strapi.db.query(ARTICLE).count({ where: { sourceKey: 'trees.txt' } })).toBe(2);

    // Whichever came second saw the first's result: its changes are counted against it.
    const log = await app.strapi.db.query(LOG).findMany({ where: { articleDocumentId: documentId }, orderBy: { id: 'asc' } });
    expect(log.map((row: { outcome: string }) => row.outcome)).toEqual(['created', 'updated', 'updated']);
    const rescrapeFirst = log[1].fingerprint === log[0].fingerprint;
    const draft = (await app.strapi.documents(ARTICLE).findOne({ documentId, populate: ['teasers', 'figures'] })) as any;
    const bodyText = JSON.stringify(draft.body);
    if (rescrapeFirst) {
      // The correction came last: its text (corrected body, first teasers) is the draft, both changes counted.
      expect(correction.changes).toEqual(expect.objectContaining({ paragraphs: 1, teasers: 2 }));
      expect(bodyText).toContain('2,600 trees');
      expect(draft.teasers.map((t: { text: string }) => `${t.text}…`)).toEqual(FIRST_TEASERS);
    } else {
      // The re-scrape came last: the body it carries is the uncorrected one, and that is a change too.
      expect(rescrape.changes).toEqual(expect.objectContaining({ paragraphs: 1, teasers: 2 }));
      expect(bodyText).toContain('2,400 trees');
      expect(draft.teasers.map((t: { text: string }) => `${t.text}…`)).toEqual(LATER_TEASERS);
    }
    // One set of children for the draft: no interleaved writes left two teaser blocks behind.
    expect(draft.teasers).toHaveLength(2);
    expect(draft.figures.map((f: { position: number }) => f.position)).toEqual([...draft.figures.keys()]);
  });
});
