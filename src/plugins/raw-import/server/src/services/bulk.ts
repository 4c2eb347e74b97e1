import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { decodeRawText, normalizeRawText } from '../../../core';
import type { BatchEvent, BulkOptions, BulkSummary, ImportActor, JobFileResult, RawFile } from '../../../shared/contracts';
import { countResult, emptyCounts } from '../../../shared/tally';
import { PLUGIN_ID } from '../permissions';
import { createArticles, type ArticleUpdate, type NewArticle } from '../repositories/articles';
import { createDocumentId } from '../repositories/document-ids';
import { createImportLog, type LogRecord } from '../repositories/import-log';
import { takeImportLock } from '../repositories/locks';
import { assignSlugs } from '../repositories/slugs';
import { ARTICLE, chunk, databaseReason, isUniqueViolation, tableOf } from '../repositories/tables';
import { createYielder } from '../event-loop';
import { getService, splitLimits } from '../utils';
import { emitBatchEvent } from '../webhooks';
import { sourceHashOf, type PreparedArticle } from './prepare';
import { createSplitThread, prepareHere } from './split-thread';

/** Articles per transaction: big enough to amortize the commit, small enough to keep memory flat. */
export const BATCH_SIZE = 100;
/** …and at most this much raw text, so a batch of large files does not hold the heap either. */
export const BATCH_BYTES = 8 * 1024 * 1024;

interface Prepared {
  /** The file's place in the input, counting from 0. */
  index: number;
  file: string;
  article: PreparedArticle;
}

/** A file's result, by its place in the input (counting from 0). */
export interface IndexedResult {
  index: number;
  result: JobFileResult;
}

export interface ImportOptions extends BulkOptions {
  /**
   * Files per batch, i.e. per transaction (default BATCH_SIZE). A server's job takes smaller ones:
   * on SQLite every other query waits for the transaction in progress.
   */
  batchSize?: number;
  /** Split on a worker thread (a server's job: its thread stays free for requests); the CLI splits on its own. */
  splitThread?: boolean;
  /**
   * Saves files' results in the transaction that wrote them (for files that wrote nothing: in one
   * of their own), before they are reported: a job's report commits with its articles or not at
   * all, so a batch is never counted twice nor reported as duplicates of itself after a crash.
   * What it throws stops the import, the transaction in progress rolled back.
   */
  saveResults?: (results: IndexedResult[]) => Promise<void>;
}

/** saveResults failed: the import stops with its reason (no retry, no per-file failure). */
class SaveFailed extends Error {
  constructor(readonly reason: unknown) {
    super(`could not save the results: ${(reason as Error)?.message ?? reason}`);
  }
}

interface WriteOptions {
  publish: boolean;
  onExisting: NonNullable<BulkOptions['onExisting']>;
  actor: ImportActor;
  dryRun: boolean;
  saveResults?: ImportOptions['saveResults'];
  splitThread: boolean;
}

interface Written {
  results: JobFileResult[];
  event: Omit<BatchEvent, 'source'>;
}

/**
 * Splits a batch into rounds so that no two texts of one round are the same story (same key,
 * body or text): a story's second text is then matched with what the first one wrote.
 */
export function roundsOf(batch: Prepared[]): Prepared[][] {
  const rounds: Prepared[][] = [];
  const roundOf = new Map<string, number>();
  for (const item of batch) {
    const { sourceKey, bodyFingerprint, sourceHash } = item.article;
    const keys = [`f:${bodyFingerprint}`, `h:${sourceHash}`, ...(sourceKey ? [`k:${sourceKey}`] : [])];
    const round = Math.max(-1, ...keys.map((key) => roundOf.get(key) ?? -1)) + 1;
    for (const key of keys) roundOf.set(key, round);
    (rounds[round] ??= []).push(item);
  }
  return rounds;
}

/**
 * The bulk path: batches of texts, each batch one transaction with a handful of multi-row
 * statements (articles, teasers, figures, their link rows, teaser links, band keys, import log),
 * instead of one Document Service round trip per entity. Known stories are updated through the
 * same persistence layer. A batch that fails is retried text by text, so a bad text fails alone
 * and writes nothing. Each committed batch is announced once (webhook `raw-import.batch`).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const maxBytes = () => strapi.config.get(`plugin::${PLUGIN_ID}.maxBytes`) as number;
  const articles = createArticles(strapi);
  const importLog = createImportLog(strapi);
  const splitThread = createSplitThread();

  /**
   * Drafts whose stored text is exactly this one (with a key: under the same key), known before
   * any splitting. With publish there is no shortcut: a draft may still have to be published.
   */
  async function findSameTexts(db: Knex, texts: Array<{ sourceHash: string; sourceKey: string | null }>, publish: boolean) {
    const found = new Map<string, { documentId: string; fingerprint: string | null }>();
    const keyOf = (sourceHash: string, sourceKey: string | null) => `${sourceHash}\u0000${sourceKey ?? ''}`;
    for (const part of publish ? [] : chunk(texts, 500)) {
      const rows = await db(tableOf(strapi, ARTICLE))
        .select('document_id', 'source_hash', 'source_key', 'body_fingerprint')
        .whereIn('source_hash', part.map((text) => text.sourceHash))
        .whereNull('published_at');
      for (const row of rows) {
        found.set(keyOf(row.source_hash, row.source_key ?? null), { documentId: row.document_id, fingerprint: row.body_fingerprint ?? null });
      }
    }
    return (text: { sourceHash: string; sourceKey: string | null }) => found.get(keyOf(text.sourceHash, text.sourceKey));
  }

  /** Calls saveResults (in the transaction in progress), marking what it throws. */
  async function save(options: WriteOptions, results: IndexedResult[]) {
    if (!options.saveResults || options.dryRun || results.length === 0) return;
    try {
      await options.saveResults(results);
    } catch (error) {
      throw new SaveFailed(error);
    }
  }

  /** Saves the results of files that wrote nothing, in a transaction of their own. */
  async function saveApart(options: WriteOptions, results: IndexedResult[]) {
    if (!options.saveResults || options.dryRun || results.length === 0) return;
    await strapi.db.transaction(() => save(options, results));
  }

  /** One transaction: identity, then the batch's new articles, its updates, its log rows and (for a job) its results. */
  async function writeBatch(trx: Knex, batch: Prepared[], options: WriteOptions): Promise<Written> {
    if (!options.dryRun) await takeImportLock(strapi, trx);
    // The event loop gets a turn between steps (the connection stays the transaction's).
    const yieldIfDue = createYielder();
    const documentIds = batch.map(() => createDocumentId());
    const resolutions = await getService(strapi, 'identity').resolveBatch(
      trx,
      batch.map(({ article }) => article),
      options,
      documentIds
    );
    const event: Written['event'] = { created: [], updated: [], published: [] };
    const fresh: NewArticle[] = [];
    const updates: ArticleUpdate[] = [];
    const results: JobFileResult[] = batch.map(({ file, article }, i) => {
      const { status, known, changes, possibleDuplicateOf } = resolutions[i];
      const documentId = known?.documentId ?? documentIds[i];
      if (status === 'created') {
        fresh.push({ documentId, slug: article.baseSlug, article });
        event.created.push(documentId);
      } else if (status === 'updated') {
        updates.push({ known: known!, article, changes: changes!, publish: options.publish });
        event.updated.push(documentId);
      }
      if (options.publish && (status === 'created' || status === 'updated')) event.published.push(documentId);
      return {
        file,
        status,
        ...(options.dryRun && status === 'created' ? {} : { documentId }),
        ...(changes && status !== 'created' ? { changes } : {}),
        ...(possibleDuplicateOf ? { possibleDuplicateOf: possibleDuplicateOf.documentId } : {}),
      };
    });
    if (options.dryRun) return { results, event };

    await yieldIfDue();
    const now = new Date();
    const slugs = await assignSlugs(strapi, trx, fresh.map(({ slug }) => slug));
    fresh.forEach((item, i) => (item.slug = slugs[i]));
    await articles.insertArticles(trx, fresh, { publish: options.publish, now });
    await yieldIfDue();
    await articles.updateArticles(trx, updates, now);
    await yieldIfDue();
    await importLog.record(
      trx,
      batch.map(({ article }, i): LogRecord => ({
        actor: options.actor,
        articleDocumentId: results[i].documentId ?? null,
        sourceKey: article.sourceKey,
        sourceName: article.sourceName,
        fingerprint: article.bodyFingerprint,
        status: resolutions[i].status,
        changes: results[i].changes ?? null,
        possibleDuplicateOf: results[i].possibleDuplicateOf ?? null,
      })),
      now
    );
    await save(options, batch.map(({ index }, i) => ({ index, result: results[i] })));
    return { results, event };
  }

  /** A failed batch is retried one text at a time: only the text at fault fails. */
  async function writeWithRetry(batch: Prepared[], options: WriteOptions, source: string, retried = false): Promise<JobFileResult[]> {
    try {
      const { results, event } = options.dryRun
        ? await writeBatch(strapi.db.connection, batch, options)
        : await strapi.db.transaction(({ trx }) => writeBatch(trx, batch, options));
      if (!options.dryRun) emitBatchEvent(strapi, { source, ...event });
      return results;
    } catch (error) {
      if (error instanceof SaveFailed) throw error;
      if (batch.length > 1) {
        strapi.log.warn(`raw-import: a batch of ${batch.length} failed (${databaseReason(error)}); retrying its texts one by one.`);
        const results: JobFileResult[] = [];
        for (const item of batch) results.push(...(await writeWithRetry([item], options, source)));
        return results;
      }
      // A concurrent import of the same story committed first: match ours with what it wrote.
      if (isUniqueViolation(error) && !retried) return writeWithRetry(batch, options, source, true);
      strapi.log.error(`raw-import: ${batch[0].file}: ${(error as Error).message}`);
      const failed: JobFileResult = { file: batch[0].file, status: 'failed', error: `Could not write the article: ${databaseReason(error)}` };
      await saveApart(options, [{ index: batch[0].index, result: failed }]);
      return [failed];
    }
  }

  /**
   * Imports raw files as they stream in, BATCH_SIZE (or batchSize) at a time, reporting each file
   * once, in input order. Memory stays flat: only the current batch is held. Texts already in the CMS exactly as
   * they are now are recognised by their hash before any splitting, so a re-run costs little more
   * than reading. The work gives the event loop a turn every few milliseconds (event-loop.ts), so
   * the server answers other requests while a job runs.
   */
  async function importFiles(files: AsyncIterable<RawFile> | Iterable<RawFile>, options: ImportOptions = {}): Promise<BulkSummary> {
    const summary: BulkSummary = { total: 0, ...emptyCounts() };
    const writeOptions: WriteOptions = {
      publish: options.publish ?? false,
      onExisting: options.onExisting ?? 'update',
      actor: options.actor ?? { type: 'cli' },
      dryRun: options.dryRun ?? false,
      saveResults: options.saveResults,
      splitThread: options.splitThread ?? false,
    };
    const yieldIfDue = createYielder();
    const batchSize = Math.max(1, options.batchSize ?? BATCH_SIZE);
    const source = options.eventSource ?? 'cli';
    const report = async (result: JobFileResult) => {
      summary.total += 1;
      countResult(summary, result);
      await options.onResult?.(result);
    };

    type Pending = { index: number } & ({ file: string; text: string; sourceHash: string; sourceKey: string | null } | { failed: JobFileResult });
    let batch: Pending[] = [];
    let batchBytes = 0;
    const seenInDryRun = new Set<string>();

    const flush = async () => {
      if (batch.length === 0) return;
      const texts = batch.filter((item): item is Extract<Pending, { text: string }> => 'text' in item);
      const sameText = await findSameTexts(strapi.db.connection, texts, writeOptions.publish);
      const outcome = new Map<Pending, JobFileResult>();
      const toWrite: Array<Prepared & { item: Pending }> = [];
      const knownTexts: LogRecord[] = [];
      for (const item of batch) if ('failed' in item) outcome.set(item, item.failed);
      // Split (on the job's worker thread, or here with turns for the event loop) unless known as is.
      const toPrepare: typeof texts = [];
      for (const item of texts) {
        const known = sameText(item);
        if (known) {
          outcome.set(item, { file: item.file, status: 'duplicate', documentId: known.documentId });
          knownTexts.push({
            actor: writeOptions.actor,
            articleDocumentId: known.documentId,
            sourceKey: item.sourceKey,
            sourceName: item.file,
            fingerprint: known.fingerprint,
            status: 'duplicate',
            changes: null,
            possibleDuplicateOf: null,
          });
          continue;
        }
        toPrepare.push(item);
      }
      const prepared = await (writeOptions.splitThread ? splitThread.prepareMany : prepareHere)(
        toPrepare.map((item) => ({ text: item.text, options: { sourceName: item.file, sourceKey: item.sourceKey, limits: splitLimits(strapi) } }))
      );
      prepared.forEach((result, i) => {
        const item = toPrepare[i];
        if ('article' in result) toWrite.push({ item, index: item.index, file: item.file, article: result.article });
        else outcome.set(item, { file: item.file, status: 'failed', error: result.error });
      });
      // Texts known as they are are logged too (every import has its row), in one statement per
      // batch, with the results of the files that write nothing (known, or refused before splitting).
      const unwritten = batch.filter((item) => outcome.has(item)).map((item) => ({ index: item.index, result: outcome.get(item)! }));
      if ((knownTexts.length > 0 || (writeOptions.saveResults && unwritten.length > 0)) && !writeOptions.dryRun) {
        await strapi.db.transaction(async ({ trx }) => {
          if (knownTexts.length > 0) await importLog.record(trx, knownTexts, new Date());
          await save(writeOptions, unwritten);
        });
      }
      for (const round of roundsOf(toWrite)) {
        await yieldIfDue();
        const written = await writeWithRetry(round, writeOptions, source);
        round.forEach((prepared, i) => {
          const result = written[i];
          // A dry run writes nothing: a story met again later in the run is reported as known.
          if (writeOptions.dryRun && result.status === 'created') {
            const { sourceKey, bodyFingerprint } = prepared.article;
            const key = sourceKey ? `k:${sourceKey}` : `f:${bodyFingerprint}`;
            if (seenInDryRun.has(key)) result.status = 'duplicate';
            seenInDryRun.add(key);
          }
          outcome.set((prepared as (typeof toWrite)[number]).item, result);
        });
      }
      for (const item of batch) await report(outcome.get(item)!);
      batch = [];
      batchBytes = 0;
    };

    let index = 0;
    try {
      for await (const { file, bytes, error } of files) {
        await yieldIfDue();
        const at = index++;
        try {
          if (error) throw new Error(error);
          const text = decodeRawText(bytes, { maxBytes: maxBytes() });
          const sourceKey = options.sourceKey === 'path' ? file : null;
          batch.push({ index: at, file, text, sourceHash: sourceHashOf(normalizeRawText(text)), sourceKey });
          batchBytes += bytes.byteLength;
        } catch (error) {
          batch.push({ index: at, failed: { file, status: 'failed', error: (error as Error).message } });
        }
        if (batch.length >= batchSize || batchBytes >= BATCH_BYTES) await flush();
      }
      await flush();
    } catch (error) {
      throw error instanceof SaveFailed ? error.reason : error;
    }
    return summary;
  }

  /** Ends the split thread (the instance is stopping). */
  const closeSplitThread = () => splitThread.close();

  return { importFiles, closeSplitThread };
};
