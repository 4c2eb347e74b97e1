import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { decodeRawText, normalizeRawText } from '../../../core';
import type { BulkOptions, BulkSummary, JobFileResult, RawFile } from '../../../shared/contracts';
import { countResult } from '../../../shared/tally';
import { PLUGIN_ID } from '../permissions';
import {
  ARTICLE,
  FIGURE,
  TEASER,
  assignSlugs,
  chunk,
  databaseReason,
  isUniqueViolation,
  insertLinkRows,
  insertRecords,
  joinTableOf,
  tableOf,
  takeImportLock,
} from '../db';
import { getService } from '../utils';
import { prepareArticle, sourceHashOf, type PreparedArticle } from './prepare';

/** Articles per transaction: big enough to amortize the commit, small enough to keep memory flat. */
export const BATCH_SIZE = 100;
/** …and at most this much raw text, so a batch of large files does not hold the heap either. */
export const BATCH_BYTES = 8 * 1024 * 1024;

interface Prepared {
  file: string;
  article: PreparedArticle;
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Random bytes drawn from the system's CSPRNG a few kilobytes at a time, not per id. */
let pool = Buffer.alloc(0);
let poolOffset = 0;

/**
 * A document id in Strapi's format (24 lowercase letters and digits, starting with a letter),
 * from the system's CSPRNG: cuid2's SHA-3 costs more than the rest of a bulk write.
 */
export function createDocumentId(): string {
  if (poolOffset + 24 > pool.length) {
    pool = randomBytes(24 * 512);
    poolOffset = 0;
  }
  let id = ID_ALPHABET[pool[poolOffset] % 26];
  for (let i = 1; i < 24; i += 1) id += ID_ALPHABET[pool[poolOffset + i] % 36];
  poolOffset += 24;
  return id;
}

/**
 * The bulk path: batches of articles, each batch one transaction with a handful of multi-row
 * statements (articles, teasers, figures, their link rows, teaser links), instead of one Document
 * Service round trip per entity. A batch that fails is retried article by article, so a bad
 * article fails alone and writes nothing.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const table = (uid: string) => tableOf(strapi, uid);
  const maxBytes = () => strapi.config.get(`plugin::${PLUGIN_ID}.maxBytes`) as number;

  /** Existing drafts by source hash: the idempotency check, one query per batch. */
  async function findExisting(trx: Knex, hashes: string[]) {
    const found = new Map<string, string>();
    for (const part of chunk(hashes, 500)) {
      const rows = await trx(table(ARTICLE))
        .select('document_id', 'source_hash')
        .whereIn('source_hash', part)
        .whereNull('published_at');
      for (const row of rows) found.set(row.source_hash, row.document_id);
    }
    return found;
  }

  /** Children (teasers or figures) of the batch's articles, with their link rows to every article row. */
  async function writeChildren<T extends { position: number }>(
    trx: Knex,
    uid: typeof TEASER | typeof FIGURE,
    parents: Array<{ rowIds: number[]; children: T[] }>,
    now: Date
  ) {
    const records = parents.flatMap(({ rowIds, children }) =>
      children.map((child) => ({ data: child, documentId: createDocumentId(), rowIds }))
    );
    if (records.length === 0) return [] as Array<{ id: number; data: T }>;
    const inserted = await insertRecords(
      strapi,
      trx,
      uid,
      records.map(({ data, documentId }) => ({ ...data, documentId, createdAt: now, updatedAt: now, publishedAt: now }))
    );
    const ids = new Map(inserted.map((row) => [row.document_id, row.id]));
    const written = records.map((record) => ({ ...record, id: ids.get(record.documentId)! }));
    await insertLinkRows(
      trx,
      joinTableOf(strapi, uid, 'article'),
      written.flatMap(({ id, data, rowIds }) => rowIds.map((articleId) => [id, articleId, data.position + 1] as [number, number, number]))
    );
    return written;
  }

  /** One transaction: the batch's new articles, their teasers and figures, and teaser links. */
  async function writeBatch(batch: Prepared[], publish: boolean): Promise<JobFileResult[]> {
    return strapi.db.transaction(async ({ trx }) => {
      await takeImportLock(strapi, trx);
      const existing = await findExisting(trx, batch.map(({ article }) => article.sourceHash));
      const results: JobFileResult[] = [];
      const fresh: Array<Prepared & { documentId: string }> = [];
      const seen = new Map<string, string>();
      for (const item of batch) {
        const { sourceHash } = item.article;
        const known = existing.get(sourceHash) ?? seen.get(sourceHash);
        if (known) {
          results.push({ file: item.file, status: 'duplicate', documentId: known });
          continue;
        }
        const documentId = createDocumentId();
        seen.set(sourceHash, documentId);
        fresh.push({ ...item, documentId });
        results.push({ file: item.file, status: 'created', documentId });
      }
      if (fresh.length === 0) return results;

      const now = new Date();
      const slugs = await assignSlugs(strapi, trx, fresh.map(({ article }) => article.baseSlug));
      const rows = fresh.map(({ article, documentId }, i) => {
        const { teasers, figures, split, baseSlug, body, ...fields } = article;
        return { ...fields, body: JSON.stringify(body), boilerplate: JSON.stringify(fields.boilerplate), documentId, slug: slugs[i], importedAt: now, createdAt: now, updatedAt: now };
      });
      const inserted = await insertRecords(strapi, trx, ARTICLE, rows.map((row) => ({ ...row, publishedAt: null })));
      if (publish) {
        inserted.push(...(await insertRecords(strapi, trx, ARTICLE, rows.map((row) => ({ ...row, publishedAt: now })))));
      }
      // Every row of each new document (draft, and published with --publish), from the INSERTs' RETURNING.
      const articleRows = new Map<string, number[]>();
      for (const { id, document_id: documentId } of inserted) {
        articleRows.set(documentId, [...(articleRows.get(documentId) ?? []), id]);
      }

      const teasers = await writeChildren(
        trx,
        TEASER,
        fresh.map(({ article, documentId }) => ({ rowIds: articleRows.get(documentId)!, children: article.teasers })),
        now
      );
      await writeChildren(
        trx,
        FIGURE,
        fresh.map(({ article, documentId }) => ({ rowIds: articleRows.get(documentId)!, children: article.figures })),
        now
      );

      const linker = getService(strapi, 'linker');
      await linker.linkNewTeasers(
        trx,
        teasers.map(({ id, data }) => ({ id, text: data.text, leadKey: data.leadKey }))
      );
      await linker.linkWaitingTeasers(
        trx,
        fresh.map(({ article, documentId }) => ({
          rowIds: articleRows.get(documentId)!,
          leadKey: article.leadKey,
          titleKey: article.titleKey,
        }))
      );
      return results;
    });
  }

  /** A failed batch is retried one article at a time: only the article at fault fails. */
  async function writeWithRetry(batch: Prepared[], publish: boolean): Promise<JobFileResult[]> {
    try {
      return await writeBatch(batch, publish);
    } catch (error) {
      if (batch.length > 1) {
        const results: JobFileResult[] = [];
        for (const item of batch) results.push(...(await writeWithRetry([item], publish)));
        return results;
      }
      // A concurrent import of the same text committed first: ours is a duplicate.
      if (isUniqueViolation(error)) {
        const again = await strapi.db.transaction(({ trx }) => findExisting(trx, [batch[0].article.sourceHash]));
        const documentId = again.get(batch[0].article.sourceHash);
        if (documentId) return [{ file: batch[0].file, status: 'duplicate', documentId }];
      }
      strapi.log.error(`raw-import: ${batch[0].file}: ${(error as Error).message}`);
      return [{ file: batch[0].file, status: 'failed', error: `Could not write the article: ${databaseReason(error)}` }];
    }
  }

  /**
   * Imports raw files as they stream in, BATCH_SIZE at a time, reporting each file once, in input
   * order. Memory stays flat: only the current batch is held. Texts already in the CMS are
   * recognised by their hash before any splitting, so a re-run costs little more than reading.
   */
  async function importFiles(files: AsyncIterable<RawFile> | Iterable<RawFile>, options: BulkOptions = {}): Promise<BulkSummary> {
    const summary: BulkSummary = { total: 0, imported: 0, duplicates: 0, failed: 0 };
    const report = async (result: JobFileResult) => {
      summary.total += 1;
      countResult(summary, result);
      await options.onResult?.(result);
    };

    type Pending = { file: string; text: string; sourceHash: string } | JobFileResult;
    let batch: Pending[] = [];
    let batchBytes = 0;
    // A dry run writes nothing, so a text repeated later in the run is recognised here.
    const seenInDryRun = new Set<string>();

    const flush = async () => {
      const texts = batch.filter((item): item is Extract<Pending, { text: string }> => 'text' in item);
      const existing = await findExisting(strapi.db.connection, texts.map((item) => item.sourceHash));
      const outcome = new Map<Pending, JobFileResult>();
      const toWrite: Prepared[] = [];
      for (const item of texts) {
        const known = existing.get(item.sourceHash);
        if (known) {
          outcome.set(item, { file: item.file, status: 'duplicate', documentId: known });
        } else if (options.dryRun) {
          // A dry run still splits, so that a text the splitter refuses is reported as failed.
          try {
            prepareArticle(item.text, item.file);
            outcome.set(item, { file: item.file, status: seenInDryRun.has(item.sourceHash) ? 'duplicate' : 'created' });
            seenInDryRun.add(item.sourceHash);
          } catch (error) {
            outcome.set(item, { file: item.file, status: 'failed', error: (error as Error).message });
          }
        } else {
          try {
            toWrite.push({ file: item.file, article: prepareArticle(item.text, item.file) });
          } catch (error) {
            outcome.set(item, { file: item.file, status: 'failed', error: (error as Error).message });
          }
        }
      }
      const written = toWrite.length ? await writeWithRetry(toWrite, options.publish ?? false) : [];
      // Written results come back in toWrite's order, which is the batch's order without the rest.
      let next = 0;
      for (const item of batch) {
        if (!('text' in item)) await report(item);
        else await report(outcome.get(item) ?? written[next++]);
      }
      batch = [];
      batchBytes = 0;
    };

    for await (const { file, bytes, error } of files) {
      try {
        if (error) throw new Error(error);
        const text = decodeRawText(bytes, { maxBytes: maxBytes() });
        batch.push({ file, text, sourceHash: sourceHashOf(normalizeRawText(text)) });
        batchBytes += bytes.byteLength;
      } catch (error) {
        batch.push({ file, status: 'failed', error: (error as Error).message });
      }
      if (batch.length >= BATCH_SIZE || batchBytes >= BATCH_BYTES) await flush();
    }
    await flush();
    return summary;
  }

  return { importFiles, writeBatch };
};
