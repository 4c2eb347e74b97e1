import type { Core } from '@strapi/strapi';
import type { ImportActor, JobFileResult, ResplitSummary } from '../../../shared/contracts';
import { diffContent, hasChanges } from '../identity/changes';
import { createArticles, type ArticleUpdate } from '../repositories/articles';
import { createImportLog } from '../repositories/import-log';
import { takeImportLock } from '../repositories/locks';
import { createYielder } from '../event-loop';
import { splitLimits } from '../utils';
import { emitBatchEvent } from '../webhooks';
import { prepareArticle } from './prepare';

/** Drafts per transaction. */
const PAGE = 100;

export interface ResplitOptions {
  /** Compare only: write nothing. */
  dryRun?: boolean;
  /** Also make the published version of an already published article the re-split draft's copy. */
  publish?: boolean;
  actor?: ImportActor;
  eventSource?: string;
  shouldStop?: () => boolean;
  /** One per article, in id order: `updated` (changed), `duplicate` (unchanged), `conflict` or `failed`. */
  onResult?: (result: JobFileResult) => void | Promise<void>;
  /** Start after this draft row id (a resumed job: where its saved progress ends). */
  startAfterId?: number;
  /**
   * Saves a page's results, and the row id of its last draft, in the page's transaction (a job's
   * progress commits with its writes); what it throws rolls the page back and stops the run.
   */
  saveResults?: (results: JobFileResult[], lastId: number) => Promise<void>;
}

/**
 * Re-runs the current splitter over every article's stored rawText, so the archive gains from
 * splitter improvements. An article changed in the CMS since its import is a conflict and is left
 * alone; an article without rawText (written in the CMS) is skipped as unchanged. Drafts are
 * updated; published versions only with `publish`. Each page is one transaction and one
 * `raw-import.batch` event.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const articles = createArticles(strapi);
  const importLog = createImportLog(strapi);

  async function resplitPage(afterId: number, options: ResplitOptions, summary: ResplitSummary) {
    return strapi.db.transaction(async ({ trx }) => {
      if (!options.dryRun) await takeImportLock(strapi, trx);
      const drafts = await articles.draftsAfter(trx, afterId, PAGE);
      const updates: ArticleUpdate[] = [];
      const results: JobFileResult[] = [];
      // The split runs here, on the server's thread: other requests get a turn every few ms.
      const yieldIfDue = createYielder();
      for (const known of drafts) {
        await yieldIfDue();
        const file = known.sourceKey ?? known.sourceName ?? known.slug;
        summary.total += 1;
        if (!known.rawText) {
          summary.unchanged += 1;
          results.push({ file, status: 'duplicate', documentId: known.documentId });
          continue;
        }
        try {
          const article = prepareArticle(known.rawText, {
            sourceName: known.sourceName,
            sourceKey: known.sourceKey,
            overrides: known.splitOverrides ?? undefined,
            limits: splitLimits(strapi),
          });
          const changes = diffContent(known, { ...article, body: article.split.body });
          if (!hasChanges(changes)) {
            summary.unchanged += 1;
            results.push({ file, status: 'duplicate', documentId: known.documentId });
          } else if (known.changedInCms) {
            summary.conflicts += 1;
            results.push({ file, status: 'conflict', documentId: known.documentId, changes });
          } else {
            summary.changed += 1;
            results.push({ file, status: 'updated', documentId: known.documentId, changes });
            updates.push({ known, article, changes, publish: Boolean(options.publish && known.publishedRowId !== null) });
          }
        } catch (error) {
          summary.failed += 1;
          results.push({ file, status: 'failed', documentId: known.documentId, error: (error as Error).message });
        }
      }
      if (!options.dryRun && updates.length > 0) {
        const now = new Date();
        await articles.updateArticles(trx, updates, now);
        await importLog.record(
          trx,
          updates.map(({ known, article, changes }) => ({
            actor: options.actor ?? { type: 'cli' },
            articleDocumentId: known.documentId,
            sourceKey: known.sourceKey,
            sourceName: known.sourceName,
            fingerprint: article.bodyFingerprint,
            status: 'updated',
            changes,
            possibleDuplicateOf: null,
          })),
          now
        );
      }
      const lastId = drafts.length ? drafts[drafts.length - 1].draftRowId : null;
      if (!options.dryRun && lastId !== null && options.saveResults) await options.saveResults(results, lastId);
      return { results, updates, lastId };
    });
  }

  async function resplitArticles(options: ResplitOptions = {}): Promise<ResplitSummary> {
    const summary: ResplitSummary = { total: 0, unchanged: 0, changed: 0, conflicts: 0, failed: 0 };
    let afterId = options.startAfterId ?? 0;
    while (!options.shouldStop?.()) {
      const { results, updates, lastId } = await resplitPage(afterId, options, summary);
      if (!options.dryRun) {
        emitBatchEvent(strapi, {
          source: options.eventSource ?? 'resplit',
          created: [],
          updated: updates.map(({ known }) => known.documentId),
          published: updates.filter(({ publish }) => publish).map(({ known }) => known.documentId),
        });
      }
      for (const result of results) await options.onResult?.(result);
      if (lastId === null) break;
      afterId = lastId;
      // Other requests get their turn between pages.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return summary;
  }

  return { resplitArticles };
};
