/**
 * `npm run bench -- hostile`: what each input of the hostile-input battery (tests/fixtures/
 * hostile-inputs.ts), and the largest texts within the limits, cost on the single-text path. Each
 * text goes through the split alone (the route's checks, then prepareArticle: what preview and
 * import do before any database work) and through the importer service (importArticle, publishing
 * it), on a fresh database (SQLite by default; DATABASE_CLIENT=postgres for PostgreSQL). Printed:
 * the outcome, the split's time, the import's time, and the longest another import waited for the
 * import lock meanwhile (a transaction taking the lock over and over while the import runs).
 */
import os from 'os';
import path from 'path';
import { createStrapi, type Core } from '@strapi/strapi';
import { assertDecodedText } from '../src/plugins/raw-import/core';
import { takeImportLock } from '../src/plugins/raw-import/server/src/repositories/locks';
import { prepareArticle } from '../src/plugins/raw-import/server/src/services/prepare';
import { getService } from '../src/plugins/raw-import/server/src/utils';
import { BATTERY_MAX_BYTES, hostileInputs } from '../tests/fixtures/hostile-inputs';
import { createTestDatabase } from '../tests/helpers/strapi';

const appDir = path.resolve(__dirname, '..');

/** Texts at the limits (the plugin's maxParagraphs and maxFigures): the most an accepted import writes. */
function atTheLimits(maxParagraphs: number, maxFigures: number): Array<{ name: string; text: string }> {
  const lede = (topic: string) => `The harbour council met on Tuesday to discuss the ${topic}, the sea wall and the ferry timetable.`;
  const perParagraph = Math.ceil(maxFigures / maxParagraphs);
  return [
    {
      name: `${maxParagraphs} one-word paragraphs`,
      text: Array.from({ length: maxParagraphs }, (_, i) => ['Harbour.', 'Storm.', 'Ferry.', 'Council.'][i % 4]).join('\n'),
    },
    {
      name: `${maxParagraphs - 1} teasers`,
      text: [lede('teasers'), ...Array.from({ length: maxParagraphs - 1 }, (_, i) => `Another story about the quay, number ${i}, that trails off…`)].join('\n'),
    },
    {
      name: `${maxFigures} figures in one paragraph`,
      text: `${'About 5 people were hurt, '.repeat(maxFigures)}officials said.`,
    },
    {
      name: `${maxParagraphs} paragraphs, ${maxFigures} figures`,
      text: Array.from({ length: maxParagraphs }, (_, i) =>
        Array.from({ length: perParagraph }, (_, k) => `About ${i + k + 2} people were evacuated from the ${k % 2 ? 'north' : 'south'} quay.`).join(' ')
      ).join('\n\n'),
    },
  ];
}

/** The longest wait for the import lock while `work` runs: another transaction takes it over and over. */
async function longestLockWait<T>(strapi: Core.Strapi, work: () => Promise<T>): Promise<{ result: T; waitedMs: number }> {
  let running = true;
  let waitedMs = 0;
  const waiter = (async () => {
    while (running) {
      const asked = performance.now();
      await strapi.db.transaction(({ trx }) => takeImportLock(strapi, trx));
      waitedMs = Math.max(waitedMs, performance.now() - asked);
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  try {
    return { result: await work(), waitedMs };
  } finally {
    running = false;
    await waiter;
  }
}

/** A refusal by its code: RawTextError's own (the route's checks), or in the details of the Strapi error it became. */
const outcomeOf = (error: unknown) => {
  const { code, details } = error as { code?: string; details?: { code?: string } };
  const refusal = code ?? details?.code;
  return refusal ? `refused: ${refusal}` : `failed: ${(error as Error).message.slice(0, 60)}`;
};

const column = (value: string, width: number) => (value.length > width ? `${value.slice(0, width - 1)}…` : value.padEnd(width));
const number = (value: number | null, width: number) => (value === null ? '-' : value.toFixed(value < 10 ? 1 : 0)).padStart(width);

export default async function hostileBenchmark() {
  process.env.RAW_IMPORT_MAX_BYTES = String(BATTERY_MAX_BYTES);
  process.env.RAW_IMPORT_WORKER = 'off';
  const database = await createTestDatabase();
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  try {
    const config = (key: string) => strapi.config.get(`plugin::raw-import.${key}`) as number;
    const limits = { maxParagraphs: config('maxParagraphs'), maxFigures: config('maxFigures') };
    const importer = getService(strapi, 'importer');
    console.log(
      `hostile-input benchmark: ${strapi.db.dialect.client}, ${os.cpus().length} cores; limits: ${config('maxBytes')} bytes, ` +
        `${limits.maxParagraphs} paragraphs, ${limits.maxFigures} figures`
    );
    console.log(`${column('case', 44)} ${'bytes'.padStart(9)}  ${column('outcome', 28)} ${'split ms'.padStart(9)} ${'import ms'.padStart(10)} ${'lock wait ms'.padStart(13)}`);

    const texts = [
      ...hostileInputs().flatMap(({ name, text }) => (text === undefined ? [] : [{ name, text }])),
      ...atTheLimits(limits.maxParagraphs, limits.maxFigures),
    ];
    for (const [i, { name, text }] of texts.entries()) {
      const started = performance.now();
      let splitMs: number;
      try {
        assertDecodedText(text, { maxBytes: config('maxBytes') });
        prepareArticle(text, { limits });
        splitMs = performance.now() - started;
      } catch (error) {
        splitMs = performance.now() - started;
        console.log(`${column(name, 44)} ${String(Buffer.byteLength(text)).padStart(9)}  ${column(outcomeOf(error), 28)} ${number(splitMs, 9)} ${number(null, 10)} ${number(null, 13)}`);
        continue;
      }
      const importStarted = performance.now();
      const { result, waitedMs } = await longestLockWait(strapi, () =>
        importer.importArticle(text, { sourceName: `case-${i}.txt`, publish: true }).then(
          ({ status }) => status,
          (error: unknown) => outcomeOf(error)
        )
      );
      const importMs = performance.now() - importStarted;
      console.log(
        `${column(name, 44)} ${String(Buffer.byteLength(text)).padStart(9)}  ${column(result, 28)} ${number(splitMs, 9)} ${number(importMs, 10)} ${number(waitedMs, 13)}`
      );
    }
    // Strapi's own after-write work (entry events) must settle before the pool closes.
    await new Promise((resolve) => setTimeout(resolve, 1000));
  } finally {
    await strapi.destroy();
    await database.drop();
  }
}
