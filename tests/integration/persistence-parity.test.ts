import fs from 'fs';
import path from 'path';
import { bootStrapi, clearArticles, type TestApp } from '../helpers/strapi';

/**
 * The single-text path (Document Service for new stories) and the bulk path (multi-row SQL)
 * must store the same thing: the same fixtures and the same sequence of imports (new stories,
 * published or not, a re-scrape with other teasers, a correction) go through each path on an
 * empty database, and every stored row is compared — fields, relations, order, link rows,
 * draft and published rows.
 */

const fixtures = path.join(__dirname, '..', 'fixtures');
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');

interface Step {
  file: string;
  text: string;
  publish?: boolean;
  sourceKey?: string;
}

const budget = read('archive/politics/budget.txt');
const ferry = read('archive/politics/ferry.txt');
const steps: Step[] = [
  { file: 'politics/budget.txt', text: budget, publish: true },
  { file: 'politics/ferry.txt', text: ferry },
  { file: 'lighthouse.txt', text: read('archive/lighthouse.txt'), publish: true },
  { file: 'harbour-flood.txt', text: read('harbour-flood.txt'), sourceKey: 'harbour-flood.txt' },
  { file: 'noisy-ferry.txt', text: read('noisy-ferry.txt') },
  // The budget story scraped again with another teaser block: an update of its teasers.
  { file: 'politics/budget-again.txt', text: `${budget.trimEnd().split('\n').slice(0, -2).join('\n')}\nA new teaser about the harbour tolls…\n` },
  // The flood story corrected under its key, published this time.
  { file: 'harbour-flood.txt', text: read('harbour-flood.txt').replace(/\d+/, (n) => String(Number(n) + 1)), sourceKey: 'harbour-flood.txt', publish: true },
];

let app: TestApp;
const ARTICLE_SKIP = new Set(['id', 'document_id', 'created_at', 'updated_at', 'published_at', 'imported_at', 'created_by_id', 'updated_by_id', 'locale']);
const CHILD_SKIP = new Set(['id', 'document_id', 'created_at', 'updated_at', 'published_at', 'created_by_id', 'updated_by_id', 'locale']);
const clean = (row: Record<string, unknown>, skip: Set<string>) =>
  Object.fromEntries(
    Object.entries(row)
      .filter(([key]) => !skip.has(key))
      .map(([key, value]) => [key, typeof value === 'string' && /^[[{]/.test(value) ? JSON.parse(value) : value])
  );

/** Every row the imports wrote, keyed by what is stable across paths (source name, draft or published). */
async function snapshot() {
  const knex = app.strapi.db.connection;
  const articles = await knex('articles').select('*').orderBy('id');
  const name = new Map(articles.map((a) => [a.id, `${a.source_name}#${a.published_at ? 'published' : 'draft'}`]));
  const docName = new Map(articles.map((a) => [a.document_id, a.source_name]));
  const children = async (table: string, link: string, column: string, order: string) =>
    (await knex(table).join(link, `${link}.${column}`, `${table}.id`).select(`${table}.*`, `${link}.article_id`, `${link}.${order} as ord`).orderBy(['article_id', 'ord']))
      .map((row) => ({ article: name.get(row.article_id), ord: row.ord, ...clean(row, new Set([...CHILD_SKIP, 'article_id'])) }))
      .sort((a, b) => `${a.article}`.localeCompare(`${b.article}`) || a.ord - b.ord);
  const teaserText = new Map((await knex('related_teasers').select('id', 'text')).map((t) => [t.id, t.text]));
  const teaserLinks = (await knex('related_teasers_linked_article_lnk').select('*'))
    .map((row) => `${teaserText.get(row.related_teaser_id)} → ${name.get(row.article_id)}`)
    .sort();
  const log = (await knex('raw_import_log').select('outcome', 'source_key', 'source_name', 'fingerprint', 'changes', 'article_document_id', 'possible_duplicate_of').orderBy('id')).map(
    (row) => ({ ...clean(row, new Set(['article_document_id', 'possible_duplicate_of'])), article: docName.get(row.article_document_id), possibleDuplicateOf: docName.get(row.possible_duplicate_of) ?? null })
  );
  return {
    articles: articles.map((a) => ({ name: name.get(a.id), ...clean(a, ARTICLE_SKIP) })).sort((a, b) => `${a.name}`.localeCompare(`${b.name}`)),
    teasers: await children('related_teasers', 'related_teasers_article_lnk', 'related_teaser_id', 'related_teaser_ord'),
    figures: await children('figures', 'figures_article_lnk', 'figure_id', 'figure_ord'),
    teaserLinks,
    log,
    bands: Number((await knex('raw_import_bands').count({ n: '*' }))[0].n),
  };
}


beforeAll(async () => {
  app = await bootStrapi();
});

afterAll(async () => {
  await app?.close();
});

it('stores exactly the same rows through the single-text path and the bulk path', async () => {
  const importer = app.strapi.plugin('raw-import').service('importer');
  const single = [];
  for (const step of steps) {
    single.push((await importer.importArticle(step.text, { sourceName: step.file, sourceKey: step.sourceKey, publish: step.publish, actor: { type: 'cli' } })).status);
  }
  const throughDocuments = await snapshot();

  await clearArticles(app.strapi);
  const bulk = [];
  for (const step of steps) {
    await app.strapi.plugin('raw-import').service('bulk').importFiles([{ file: step.file, bytes: Buffer.from(step.text) }], {
      publish: step.publish,
      sourceKey: step.sourceKey ? 'path' : null,
      onResult: (result: { status: string }) => void bulk.push(result.status),
    });
  }
  const throughBulk = await snapshot();
  expect([throughBulk.teasers.length, throughBulk.figures.length, throughBulk.teaserLinks.length, throughBulk.bands]).toEqual([25, 41, 7, 320]);
  expect(throughBulk.log.map((entry) => [entry.outcome, entry.changes])).toEqual([
    ['created', null],
    ['created', null],
    ['created', null],
    ['created', null],
    ['created', null],
    ['updated', { paragraphs: 0, teasers: 2, figures: 0, fields: [] }],
    ['updated', { paragraphs: 1, teasers: 0, figures: 1, fields: ['excerpt'] }],
  ]);

  expect(single).toEqual(['created', 'created', 'created', 'created', 'created', 'updated', 'updated']);
  expect(bulk).toEqual(single);
  expect(throughBulk.articles).toEqual(throughDocuments.articles);
  expect(throughBulk.teasers).toEqual(throughDocuments.teasers);
  expect(throughBulk.figures).toEqual(throughDocuments.figures);
  expect(throughBulk.teaserLinks).toEqual(throughDocuments.teaserLinks);
  expect(throughBulk.log).toEqual(throughDocuments.log);
  expect(throughBulk.bands).toBe(throughDocuments.bands);
  // Seven imports, four published rows (budget, lighthouse, harbour flood after its correction… and nothing else).
  expect(throughBulk.articles.map((a) => a.name)).toEqual([
    'harbour-flood.txt#draft',
    'harbour-flood.txt#published',
    'lighthouse.txt#draft',
    'lighthouse.txt#published',
    'noisy-ferry.txt#draft',
    'politics/budget-again.txt#draft',
    'politics/budget.txt#published',
    'politics/ferry.txt#draft',
  ]);
});
