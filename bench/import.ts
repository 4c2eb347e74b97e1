/**
 * `npm run bench -- import [--count N] [--naive M] [--no-reverse]`
 *
 * Generates N synthetic raw texts (bench/generate.ts: 5–10 paragraphs, 4–8 teasers that are leads of
 * other generated texts), imports them with the import CLI into a fresh database (SQLite by default;
 * DATABASE_CLIENT=postgres for PostgreSQL), and prints articles/s, MB/s, entities/s and peak RSS;
 * then a second run over the same files (all duplicates); teaser-link accuracy in both import
 * orders; and the naive path (one Document Service create per entity) on M texts, as a ratio.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { parseArgs } from 'util';
import { createStrapi, type Core } from '@strapi/strapi';
import { runImportCli } from '../tests/helpers/cli';
import { createTestDatabase, type TestDatabase } from '../tests/helpers/strapi';
import { generateArticles, type GeneratedArticle } from './generate';

const appDir = path.resolve(__dirname, '..');

interface CliResult {
  seconds: number;
  summary: string;
  peakRssMb: number;
}

async function runCli(dir: string, env: Record<string, string>): Promise<CliResult> {
  const run = await runImportCli([dir], env);
  const peak = /peak RSS (\d+) MB/.exec(run.stderr);
  if (run.code !== 0 || !peak) throw new Error(`import CLI failed (${run.code}): ${run.stderr.slice(-2000)}`);
  return { seconds: run.seconds, summary: run.summary, peakRssMb: Number(peak[1]) };
}

function writeTexts(dir: string, articles: GeneratedArticle[], name: (i: number) => string) {
  fs.mkdirSync(dir, { recursive: true });
  let bytes = 0;
  articles.forEach((article, i) => {
    fs.writeFileSync(path.join(dir, name(i)), article.text);
    bytes += Buffer.byteLength(article.text);
  });
  return bytes;
}

const boot = () => {
  process.env.RAW_IMPORT_WORKER = 'off';
  return createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
};

/** Teasers whose target is in the set, linked to the right article: the fraction, by source name. */
async function linkAccuracy(strapi: Core.Strapi, articles: GeneratedArticle[], indexOf: (sourceName: string) => number) {
  const knex = strapi.db.connection;
  const rows: Array<{ src: string; position: number; linked: string | null }> = await knex('related_teasers as t')
    .join('related_teasers_article_lnk as l', 'l.related_teaser_id', 't.id')
    .join('articles as a', function own() {
      this.on('a.id', 'l.article_id').andOnNull('a.published_at');
    })
    .leftJoin('related_teasers_linked_article_lnk as ll', 'll.related_teaser_id', 't.id')
    .leftJoin('articles as la', function linked() {
      this.on('la.id', 'll.article_id').andOnNull('la.published_at');
    })
    .select('a.source_name as src', 't.position', 'la.source_name as linked');
  let right = 0;
  for (const row of rows) {
    const expected = articles[indexOf(row.src)].teaserOf[row.position];
    if (row.linked !== null && indexOf(row.linked) === expected) right += 1;
  }
  return { right, total: rows.length };
}

async function counts(strapi: Core.Strapi) {
  const [articles, teasers, figures] = await Promise.all(
    ['api::article.article', 'api::related-teaser.related-teaser', 'api::figure.figure'].map((uid) =>
      strapi.db.query(uid as 'api::article.article').count({})
    )
  );
  return { articles, teasers, figures };
}

/** The naive path: the single-text importer, one Document Service create per article, teaser and figure. */
async function naiveRate(articles: GeneratedArticle[]) {
  const database = await createTestDatabase();
  const strapi = await boot();
  try {
    const importer = strapi.plugin('raw-import').service('importer');
    const started = process.hrtime.bigint();
    for (const article of articles) await importer.importArticle(article.text, { sourceName: article.name });
    const rate = articles.length / (Number(process.hrtime.bigint() - started) / 1e9);
    // Strapi's own after-write work (events, webhooks) must settle before the pool closes.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return rate;
  } finally {
    await strapi.destroy();
    await database.drop();
  }
}

async function importInto(dir: string, articles: GeneratedArticle[], indexOf: (name: string) => number, label: string) {
  const database: TestDatabase = await createTestDatabase();
  try {
    const first = await runCli(dir, database.env);
    const second = await runCli(dir, database.env);
    const strapi = await boot();
    try {
      return { first, second, counts: await counts(strapi), links: await linkAccuracy(strapi, articles, indexOf), label };
    } finally {
      await strapi.destroy();
    }
  } finally {
    await database.drop();
  }
}

export default async function importBenchmark() {
  const { values } = parseArgs({
    args: process.argv.slice(3),
    options: {
      count: { type: 'string', default: '10000' },
      naive: { type: 'string', default: '150' },
      'no-reverse': { type: 'boolean', default: false },
    },
  });
  const count = Number(values.count);
  const naiveCount = Math.min(count, Number(values.naive));
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  const articles = generateArticles(count, { seed: 4242 });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-bench-'));
  try {
    // Two layouts of the same texts: file order = generation order, and its reverse, so teasers
    // are linked once mostly forward (article first) and once mostly backward (teaser first).
    const width = String(count).length;
    const forwardName = (i: number) => `a-${String(i).padStart(width, '0')}.txt`;
    const reverseName = (i: number) => `b-${String(count - 1 - i).padStart(width, '0')}.txt`;
    const bytes = writeTexts(path.join(work, 'forward'), articles, forwardName);
    const indexOf = (name: string) => {
      const n = Number(/(\d+)\.txt$/.exec(name)![1]);
      return name.startsWith('b-') ? count - 1 - n : n;
    };

    console.log(`import benchmark: ${count} texts, ${(bytes / 1e6).toFixed(1)} MB, ${client}, ${os.cpus().length} cores`);
    const forward = await importInto(path.join(work, 'forward'), articles, indexOf, 'forward order');
    const { first, second } = forward;
    const entities = forward.counts.articles + forward.counts.teasers + forward.counts.figures;
    console.log(`bulk (CLI, wall time incl. boot): ${first.summary}`);
    console.log(`  ${first.seconds.toFixed(1)} s  ${(count / first.seconds).toFixed(0)} articles/s  ${(bytes / 1e6 / first.seconds).toFixed(2)} MB/s  ${(entities / first.seconds).toFixed(0)} entities/s  peak RSS ${first.peakRssMb} MB`);
    console.log(`  rows: ${forward.counts.articles} articles, ${forward.counts.teasers} teasers, ${forward.counts.figures} figures`);
    console.log(`second run: ${second.summary}  ${second.seconds.toFixed(1)} s (${((second.seconds / first.seconds) * 100).toFixed(0)}% of the first)  peak RSS ${second.peakRssMb} MB`);
    const pct = (l: { right: number; total: number }) => `${((l.right / l.total) * 100).toFixed(2)}% (${l.right}/${l.total})`;
    console.log(`teasers linked right, forward order: ${pct(forward.links)}`);

    if (!values['no-reverse']) {
      fs.rmSync(path.join(work, 'forward'), { recursive: true, force: true });
      writeTexts(path.join(work, 'reverse'), articles, reverseName);
      const reverse = await importInto(path.join(work, 'reverse'), articles, indexOf, 'reverse order');
      console.log(`teasers linked right, reverse order: ${pct(reverse.links)}  (${(count / reverse.first.seconds).toFixed(0)} articles/s)`);
    }

    const naive = await naiveRate(articles.slice(0, naiveCount));
    const bulkRate = count / first.seconds;
    console.log(`naive Document Service path on ${naiveCount} texts: ${naive.toFixed(1)} articles/s → bulk is ${(bulkRate / naive).toFixed(1)}× faster`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
