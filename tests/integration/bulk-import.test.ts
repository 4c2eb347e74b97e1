import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { runImportCli, runResplitCli } from '../helpers/cli';
import { createTestDatabase, withStrapi, type TestDatabase } from '../helpers/strapi';
import { generateArticles } from '../../bench/generate';

const ARTICLE = 'api::article.article';
const TEASER = 'api::related-teaser.related-teaser';
const archive = path.join(__dirname, '..', 'fixtures', 'archive');

let database: TestDatabase;

const draftCount = (strapi: Core.Strapi) => strapi.db.query(ARTICLE).count({ where: { publishedAt: null } });

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

describe('npm run import', () => {
  it('--dry-run splits and validates every file and writes nothing', async () => {
    const run = await runImportCli([archive, '--dry-run', '--json'], database.env);
    expect(run.code).toBe(1);
    expect(run.summary).toBe('imported=3 updated=0 duplicates=0 conflicts=0 failed=2');
    expect(run.lines.every((line) => line.dryRun === true)).toBe(true);
    expect(await withStrapi(draftCount)).toBe(0);
  });

  it('imports one file named directly, reporting it by its file name', async () => {
    const run = await runImportCli([path.join(archive, 'lighthouse.txt'), '--json'], database.env);
    expect(run.code).toBe(0);
    expect(run.lines).toEqual([{ file: 'lighthouse.txt', status: 'created', documentId: expect.any(String) }]);
    expect(run.summary).toBe('imported=1 updated=0 duplicates=0 conflicts=0 failed=0');
  });

  it('imports a directory recursively, reports bad files with their reason and goes on', async () => {
    const run = await runImportCli([archive, '--json'], database.env);
    expect(run.code).toBe(1);
    expect(run.lines.map(({ file, status }) => `${file} ${status}`)).toEqual([
      'broken/archive.txt failed',
      'broken/empty.txt failed',
      'lighthouse.txt duplicate',
      'politics/budget.txt created',
      'politics/ferry.txt created',
    ]);
    expect(run.lines[0].error).toMatch(/binary/i);
    expect(run.lines[1].error).toMatch(/empty/i);
    expect(run.summary).toBe('imported=2 updated=0 duplicates=1 conflicts=0 failed=2');
  });

  it('imports nothing on a second run over the same files', async () => {
    const run = await runImportCli([archive], database.env);
    expect(run.summary).toBe('imported=0 updated=0 duplicates=3 conflicts=0 failed=2');
    expect(run.stderr).toMatch(/failed broken\/archive\.txt: .*binary/i);
  });

  it('stored each article once, named by its path relative to the directory, with teasers linked both ways', async () => {
    await withStrapi(async (strapi) => {
      const articles = await strapi.documents(ARTICLE).findMany({ status: 'draft', sort: 'sourceName', fields: ['sourceName', 'title'] });
      expect(articles.map((a) => a.sourceName)).toEqual(['lighthouse.txt', 'politics/budget.txt', 'politics/ferry.txt']);
      const idOf = (name: string) => articles.find((a) => a.sourceName === name)!.documentId;

      const teasers = await strapi.documents(TEASER).findMany({
        populate: { article: { fields: ['sourceName'] }, linkedArticle: { fields: ['sourceName'] } },
        sort: 'id',
        limit: 100,
      });
      const links = teasers.map((t) => `${t.article?.sourceName} → ${t.linkedArticle?.sourceName ?? '-'}`);
      expect(links).toEqual([
        // Imported before the ferry story existed: linked when it arrived.
        'lighthouse.txt → politics/ferry.txt',
        // A teaser that opens the budget story's headline.
        'lighthouse.txt → politics/budget.txt',
        'lighthouse.txt → -',
        'politics/budget.txt → politics/ferry.txt',
        'politics/budget.txt → -',
        'politics/ferry.txt → lighthouse.txt',
        'politics/ferry.txt → politics/budget.txt',
      ]);
      expect(idOf('politics/ferry.txt')).toEqual(expect.any(String));
    });
  });
});

describe('npm run import with story keys', () => {
  const story = (count: number) =>
    `Pier closes for repairs\n\nThe harbour board closed the old pier on Monday after divers found ${count} cracked piles beneath the deck, and said repairs would take most of the summer.\n\nFishing boats will use the north quay meanwhile, the board said, and the ferry keeps its own berth.\n\nRelated\nLighthouse keepers' cottage to become a museum…\n`;

  it('updates a story corrected under the same path with --source-key path, and says what changed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-keys-'));
    try {
      fs.mkdirSync(path.join(dir, 'wire'));
      fs.writeFileSync(path.join(dir, 'wire', 'pier.txt'), story(12));
      const first = await runImportCli([dir, '--source-key', 'path', '--json'], database.env);
      expect(first.summary).toBe('imported=1 updated=0 duplicates=0 conflicts=0 failed=0');

      fs.writeFileSync(path.join(dir, 'wire', 'pier.txt'), story(14));
      const second = await runImportCli([dir, '--source-key', 'path', '--json'], database.env);
      expect(second.summary).toBe('imported=0 updated=1 duplicates=0 conflicts=0 failed=0');
      expect(second.lines).toEqual([
        { file: 'wire/pier.txt', status: 'updated', documentId: first.lines[0].documentId, changes: { paragraphs: 1, teasers: 0, figures: 1, fields: ['excerpt'] } },
      ]);

      fs.writeFileSync(path.join(dir, 'wire', 'pier.txt'), story(16));
      const skipped = await runImportCli([dir, '--source-key', 'path', '--on-existing', 'skip'], database.env);
      expect(skipped.summary).toBe('imported=0 updated=0 duplicates=1 conflicts=0 failed=0');

      const resplit = await runResplitCli(['--dry-run'], database.env);
      expect(resplit.summary).toBe(`unchanged=${3 + 1} changed=0 conflicts=0 failed=0`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints the usage and exits 2 for a bad --source-key or --on-existing', async () => {
    for (const args of [['--source-key', 'name'], ['--on-existing', 'replace']]) {
      const run = await runImportCli([archive, ...args], database.env);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('usage: npm run --silent import');
    }
  });
});

describe('two imports of the same directory at once', () => {
  // Enough texts that both processes are still writing when the other starts.
  const COUNT = 600;

  it('stores every article exactly once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-concurrent-'));
    try {
      for (const article of generateArticles(COUNT, { seed: 7 })) fs.writeFileSync(path.join(dir, article.name), article.text);
      const [first, second] = await Promise.all([
        runImportCli([dir, '--json'], database.env),
        runImportCli([dir, '--json'], database.env),
      ]);
      expect({ codes: [first.code, second.code], stderr: first.stderr + second.stderr }).toEqual({ codes: [0, 0], stderr: expect.any(String) });
      const created = [...first.lines, ...second.lines].filter((line) => line.status === 'created');
      expect(created).toHaveLength(COUNT);
      expect(new Set(created.map((line) => line.file)).size).toBe(COUNT);

      await withStrapi(async (strapi) => {
        const rows = await strapi.db.connection(strapi.db.metadata.get(ARTICLE).tableName)
          .select('body_fingerprint')
          .count({ n: '*' })
          .whereNull('published_at')
          .groupBy('body_fingerprint')
          .havingRaw('count(*) > 1');
        expect(rows).toEqual([]);
        expect(await draftCount(strapi)).toBe(3 + 1 + COUNT);
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
