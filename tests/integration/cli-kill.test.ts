/**
 * The import CLI killed (SIGKILL) three times during a 2,000-text import, then run again to the
 * end: every text is stored exactly once and no article is incomplete (its teasers and figures
 * are all there or the article is not), because each batch is one transaction.
 */
import { spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { runImportCli } from '../helpers/cli';
import { createTestDatabase, withStrapi, type TestDatabase } from '../helpers/strapi';
import { generateArticles } from '../../bench/generate';
import { splitRawText } from '../../src/plugins/raw-import/core';

const ARTICLE = 'api::article.article';
const COUNT = 2000;
const KILLS = 3;
const appDir = path.resolve(__dirname, '..', '..');

let database: TestDatabase;
let dir: string;
const articles = generateArticles(COUNT, { seed: 11 });

beforeAll(async () => {
  database = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-kill-'));
  for (const article of articles) fs.writeFileSync(path.join(dir, article.name), article.text);
});

afterAll(async () => {
  await database?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * Starts the CLI itself (node, not npm: the signal must reach the importing process) and kills it
 * with SIGKILL once it has reported `after` more results; resolves with how many it reported.
 */
function importKilledAfter(after: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=384', path.join(appDir, 'scripts', 'import.js'), dir, '--json'], {
      cwd: appDir,
      env: { ...process.env, ...database.env, STRAPI_LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let reported = 0;
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      reported += chunk.toString().split('\n').filter((line) => line.startsWith('{')).length;
      if (!killed && reported >= after) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => (signal === 'SIGKILL' ? resolve(reported) : reject(new Error(`the import ended by itself (${reported} results) before it was killed`))));
  });
}

it(`stores each of ${COUNT} texts exactly once, complete, after ${KILLS} SIGKILLs and a re-run`, async () => {
  // Each run starts over from the first file: what earlier runs committed comes back as duplicates.
  const reportedAtKill: number[] = [];
  for (let kill = 0; kill < KILLS; kill += 1) reportedAtKill.push(await importKilledAfter(300 * (kill + 1)));

  const stored = await withStrapi((strapi) => strapi.db.query(ARTICLE).count({ where: { publishedAt: null } }));
  // Killed mid-run each time: something was committed, not everything.
  expect(stored).toBeGreaterThan(0);
  expect(stored).toBeLessThan(COUNT);

  const rerun = await runImportCli([dir], database.env);
  expect(rerun.code).toBe(0);
  expect(rerun.summary).toBe(`imported=${COUNT - stored} updated=0 duplicates=${stored} conflicts=0 failed=0`);

  await withStrapi(async (strapi) => {
    const rows = (await strapi.db.query(ARTICLE).findMany({
      where: { publishedAt: null },
      select: ['sourceName', 'sourceHash'],
      populate: { teasers: { select: ['id'] }, figures: { select: ['id'] } },
    })) as Array<{ sourceName: string; sourceHash: string; teasers: unknown[]; figures: unknown[] }>;
    expect(rows).toHaveLength(COUNT);
    expect(new Set(rows.map((row) => row.sourceHash)).size).toBe(COUNT);
    const byName = new Map(rows.map((row) => [row.sourceName, row]));
    expect([...byName.keys()].sort()).toEqual(articles.map((article) => article.name).sort());
    // Complete: every article holds exactly the teasers and figures its text splits into.
    const incomplete = articles.filter((article) => {
      const split = splitRawText(article.text);
      const row = byName.get(article.name)!;
      return row.teasers.length !== split.teasers.length || row.teasers.length !== article.teaserOf.length || row.figures.length !== split.figures.length;
    });
    expect(incomplete.map((article) => article.name)).toEqual([]);
  });
  console.log(`cli-kill: killed after ${reportedAtKill.join(', ')} reported results; ${stored} stored before the re-run, which imported ${COUNT - stored}`);
});
