/**
 * `npm run bench -- identity [--count N]`
 *
 * Story identity end to end, on a fresh database (SQLite; DATABASE_CLIENT=postgres for PostgreSQL),
 * through the import CLI as a user runs it, and prints each figure:
 *  1. N generated texts imported with --publish (no keys);
 *  2. the same bodies under other file names with other teaser blocks → updated, no new documents,
 *     the new teasers in order;
 *  3. N/10 of them with one number corrected, the first import's paths, --source-key path, no --publish
 *     → updated; drafts carry the correction, published versions do not;
 *  4. N/10 near-copies (one paragraph replaced, other names, no key) → created, flagged possibleDuplicateOf;
 *  5. N different generated texts → how many flagged;
 *  6. an article retitled through the Document Service (what the Content Manager does), re-imported with
 *     another teaser block → conflict, the title kept;
 *  7. `npm run resplit -- --dry-run` → changed=0;
 *  8. a 250-file job with a webhook for raw-import.batch → deliveries and documentIds delivered.
 */
import { spawn } from 'child_process';
import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import { parseArgs } from 'util';
import { createStrapi, type Core } from '@strapi/strapi';
import { splitRawText } from '../src/plugins/raw-import/core';
import { runImportCli } from '../tests/helpers/cli';
import { createTestDatabase } from '../tests/helpers/strapi';
import { generateArticles } from './generate';

const appDir = path.resolve(__dirname, '..');
const ARTICLE = 'api::article.article';

/** A text rebuilt from its split: headline, body, then the given teaser lines. */
function withTeasers(text: string, teasers: string[], body?: string[]) {
  const split = splitRawText(text, { figures: false });
  const paragraphs = body ?? split.body;
  return `${split.title ? `${split.title}\n\n` : ''}${paragraphs.join('\n\n')}\n\nMore stories\n${teasers.map((t) => `${t}…`).join('\n')}\n`;
}

function writeAll(dir: string, files: Array<{ name: string; text: string }>) {
  fs.mkdirSync(dir, { recursive: true });
  for (const { name, text } of files) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

function runResplit(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'resplit', '--', ...args], { cwd: appDir, env: { ...process.env, ...env } });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', () => resolve(stdout.trim().split('\n').pop() ?? ''));
  });
}

const boot = (worker: boolean) => {
  process.env.RAW_IMPORT_WORKER = worker ? 'on' : 'off';
  process.env.STRAPI_LOG_LEVEL ??= 'error';
  return createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
};

async function withStrapi<T>(use: (strapi: Core.Strapi) => Promise<T>, worker = false): Promise<T> {
  const strapi = await boot(worker);
  try {
    return await use(strapi);
  } finally {
    await strapi.destroy();
  }
}

export default async function storyIdentityBenchmark() {
  const { values } = parseArgs({ args: process.argv.slice(3), options: { count: { type: 'string', default: '1000' } } });
  const count = Number(values.count);
  const tenth = Math.max(1, Math.floor(count / 10));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-identity-'));
  const database = await createTestDatabase();
  const env = database.env;
  const line = (label: string, value: string) => console.log(`${label.padEnd(58)} ${value}`);
  try {
    const originals = generateArticles(count, { seed: 9001 });
    const others = generateArticles(count, { seed: 9002 });
    const name = (prefix: string, i: number) => `${prefix}-${String(i).padStart(5, '0')}.txt`;
    console.log(`story identity: ${count} texts, ${process.env.DATABASE_CLIENT ?? 'sqlite'}`);

    writeAll(path.join(work, 'a'), originals.map((a, i) => ({ name: name('a', i), text: a.text })));
    const first = await runImportCli([path.join(work, 'a'), '--publish', '--json'], env);
    line('1. first import (--publish)', `${first.summary}  ${first.seconds.toFixed(1)} s`);

    // Other teaser blocks: the leads of other stories, in another order.
    const rescraped = originals.map((a, i) => ({
      name: name('b', i),
      text: withTeasers(a.text, [others[i].lead, others[(i + 7) % count].lead, others[(i + 13) % count].lead]),
    }));
    writeAll(path.join(work, 'b'), rescraped);
    const second = await runImportCli([path.join(work, 'b'), '--json'], env);
    const teasersInOrder = await withStrapi(async (strapi) => {
      let right = 0;
      for (let i = 0; i < count; i += 1) {
        const doc = await strapi.documents(ARTICLE).findFirst({ filters: { sourceName: name('b', i) }, status: 'draft', populate: { teasers: { sort: 'position' } } });
        const want = [others[i].lead, others[(i + 7) % count].lead, others[(i + 13) % count].lead];
        if (doc && JSON.stringify(doc.teasers.map((t: { text: string }) => t.text)) === JSON.stringify(want)) right += 1;
      }
      return { right, documents: await strapi.documents(ARTICLE).count({ status: 'draft' }) };
    });
    line('2. re-scrape, other names and teasers', `${second.summary}  ${second.seconds.toFixed(1)} s`);
    line('   documents / new teasers in order', `${teasersInOrder.documents} / ${teasersInOrder.right} of ${count}`);

    const corrected = originals.slice(0, tenth).map((a, i) => {
      const body = splitRawText(a.text, { figures: false }).body;
      const at = body.findIndex((p) => /\d{2,}/.test(p));
      const fixed = body.map((p, j) => (j === at ? p.replace(/\d{2,}/, (n) => String(Number(n) + 1)) : p));
      return { name: name('a', i), text: withTeasers(a.text, [others[i].lead], fixed), paragraph: at, corrected: fixed[at] };
    });
    writeAll(path.join(work, 'c'), corrected);
    const third = await runImportCli([path.join(work, 'c'), '--source-key', 'path', '--json'], env);
    const correction = await withStrapi(async (strapi) => {
      let drafts = 0;
      let publishedOld = 0;
      for (const c of corrected) {
        const draft = await strapi.documents(ARTICLE).findFirst({ filters: { sourceKey: c.name }, status: 'draft' });
        const published = draft && (await strapi.documents(ARTICLE).findOne({ documentId: draft.documentId, status: 'published' }));
        if (draft?.body?.[c.paragraph]?.children?.[0]?.text === c.corrected) drafts += 1;
        if (published && published.body?.[c.paragraph]?.children?.[0]?.text !== c.corrected) publishedOld += 1;
      }
      return { drafts, publishedOld };
    });
    line('3. one number corrected, --source-key path', `${third.summary}  ${third.seconds.toFixed(1)} s`);
    line('   drafts corrected / published versions unchanged', `${correction.drafts} / ${correction.publishedOld} of ${tenth}`);

    const copies = originals.slice(tenth, 2 * tenth).map((a, i) => {
      const body = splitRawText(a.text, { figures: false }).body;
      const other = splitRawText(others[i].text, { figures: false }).body;
      const at = Math.floor(body.length / 2);
      return { name: name('copy', i), text: withTeasers(a.text, [], body.map((p, j) => (j === at ? other[Math.min(j, other.length - 1)] : p))), original: i + tenth };
    });
    writeAll(path.join(work, 'd'), copies);
    const fourth = await runImportCli([path.join(work, 'd'), '--json'], env);
    const originalIds = new Map(first.lines.map((l) => [String(l.file), String(l.documentId)]));
    const flaggedRight = fourth.lines.filter((l, i) => l.status === 'created' && l.possibleDuplicateOf === originalIds.get(name('a', copies[i].original))).length;
    line('4. near-copies (one paragraph replaced, no key)', `${fourth.summary}  flagged as their original: ${flaggedRight} of ${tenth}`);

    const fresh = generateArticles(count, { seed: 9003 });
    writeAll(path.join(work, 'e'), fresh.map((a, i) => ({ name: name('fresh', i), text: a.text })));
    const fifth = await runImportCli([path.join(work, 'e'), '--json'], env);
    const falsePositives = fifth.lines.filter((l) => l.possibleDuplicateOf).length;
    line('5. different generated texts', `${fifth.summary}  flagged: ${falsePositives} (${((falsePositives / count) * 100).toFixed(2)} %)`);

    const target = await withStrapi(async (strapi) => {
      const doc = await strapi.documents(ARTICLE).findFirst({ filters: { sourceName: name('b', count - 1) }, status: 'draft' });
      await strapi.documents(ARTICLE).update({ documentId: doc.documentId, data: { title: 'Retitled by an editor' } as never });
      return doc.documentId as string;
    });
    writeAll(path.join(work, 'f'), [{ name: 'retitled.txt', text: withTeasers(originals[count - 1].text, [others[0].lead]) }]);
    const sixth = await runImportCli([path.join(work, 'f'), '--json'], env);
    const kept = await withStrapi(async (strapi) => (await strapi.documents(ARTICLE).findOne({ documentId: target, status: 'draft' })).title);
    line('6. retitled in the CMS, re-imported', `${sixth.lines[0]?.status} (names ${sixth.lines[0]?.documentId === target ? 'the article' : 'another article'}), title "${kept}"`);

    line('7. npm run resplit -- --dry-run', await runResplit(['--dry-run'], env));

    // 8. A job of 250 files, with a webhook for raw-import.batch on a local receiver.
    const deliveries: Array<{ created: string[] }> = [];
    const receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        deliveries.push(JSON.parse(body));
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const jobTexts = generateArticles(250, { seed: 9004 });
    const jobResult = await withStrapi(async (strapi) => {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;
      const webhook = await strapi.get('webhookStore').createWebhook({ name: 'bench', url, headers: {}, events: ['raw-import.batch'], isEnabled: true });
      strapi.get('webhookRunner').add(webhook);
      const jobs = strapi.plugin('raw-import').service('jobs');
      const jobId = await jobs.createJob(jobTexts.map((a, i) => ({ file: name('job', i), bytes: Buffer.from(a.text) })), {});
      let job = await jobs.getJob(jobId);
      while (job.status === 'queued' || job.status === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 200));
        job = await jobs.getJob(jobId);
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return job;
    }, true);
    receiver.close();
    const created = new Set<string>(jobResult.results.filter((r: { status: string }) => r.status === 'created').map((r: { documentId: string }) => r.documentId));
    const delivered = new Set(deliveries.flatMap((d) => d.created));
    const all = [...created].every((id) => delivered.has(id));
    line('8. 250-file job with a raw-import.batch webhook', `${jobResult.status}, ${created.size} created, ${deliveries.length} deliveries, all delivered: ${all}`);
  } finally {
    await database.drop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
