import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { ImportActor, ImportText, OnExisting } from '../../../shared/contracts';
import type { LineOverrides } from '../../../core/types';
import { createArticles } from '../repositories/articles';
import { createChildren } from '../repositories/children';
import { createImportLog } from '../repositories/import-log';
import { takeImportLock } from '../repositories/locks';
import { assignSlugs } from '../repositories/slugs';
import { ARTICLE, FIGURE, TEASER, isUniqueViolation, tableOf } from '../repositories/tables';
import { createTeaserLinks } from '../repositories/teaser-links';
import { getService, splitLimits } from '../utils';
import { emitBatchEvent } from '../webhooks';
import { prepareArticle, type PreparedArticle } from './prepare';

export interface ImportOptions {
  sourceName?: string | null;
  sourceKey?: string | null;
  publish?: boolean;
  /** The editor's corrections from the preview: what is imported is what the preview showed. */
  overrides?: LineOverrides;
  onExisting?: OnExisting;
  actor?: ImportActor;
}

/**
 * The single-text import. A new story is created through the Document Service, so document
 * middlewares, lifecycles and webhooks (entry.create, entry.publish) see the article (its teasers
 * and figures are rows written with it, as the bulk path writes them); a known story is
 * updated by the same persistence layer as the bulk path (and announced as `raw-import.batch`).
 * Article, teasers, figures and the import-log row are written in ONE transaction, or nothing.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => strapi.documents(ARTICLE);
  const articles = createArticles(strapi);
  const importLog = createImportLog(strapi);
  const links = createTeaserLinks(strapi);
  const children = createChildren(strapi);

  /**
   * The article through the Document Service (created, then published if asked) before it has
   * teasers or figures: the Document Service's relation handling costs the square of their number
   * (its entity manager de-duplicates relation ids pairwise). They then join every row of the
   * document in a few multi-row statements, as the bulk path writes them.
   */
  async function createThroughDocuments(trx: Knex, prepared: PreparedArticle, publish: boolean) {
    const [slug] = await assignSlugs(strapi, trx, [prepared.baseSlug]);
    const { teasers, figures, split, baseSlug, bands, signature, ...fields } = prepared;
    const now = new Date();
    const article = await documents().create({ data: { ...fields, slug, importedAt: now.toISOString() } });
    if (publish) await documents().publish({ documentId: article.documentId });
    const rows: Array<{ id: number }> = await trx(tableOf(strapi, ARTICLE)).select('id').where({ document_id: article.documentId });
    const rowIds = rows.map((row) => row.id);
    const written = await children.insertChildren(trx, TEASER, [{ rowIds, children: teasers }], now);
    await children.insertChildren(trx, FIGURE, [{ rowIds, children: figures }], now);
    return { article, rowIds, teasers: written.map(({ id, data }) => ({ id, text: data.text, leadKey: data.leadKey })) };
  }

  async function importArticle(text: string, options: ImportOptions = {}): Promise<ImportText.Response> {
    const prepared = prepareArticle(text, { ...options, limits: splitLimits(strapi) });
    const publish = options.publish ?? false;
    const actor = options.actor ?? { type: 'admin' };

    const attempt = () =>
      strapi.db.transaction(async ({ trx }) => {
        await takeImportLock(strapi, trx);
        const [resolution] = await getService(strapi, 'identity').resolveBatch(trx, [prepared], {
          onExisting: options.onExisting ?? 'update',
          publish,
        });
        const { status, known, changes } = resolution;
        let article = known ? { documentId: known.documentId, title: known.title, slug: known.slug } : null;

        if (status === 'created') {
          const created = await createThroughDocuments(trx, prepared, publish);
          article = { documentId: created.article.documentId, title: created.article.title, slug: created.article.slug };
          await articles.stampImported(trx, article.documentId);
          await articles.bands.insertBands(trx, [{ documentId: article.documentId, bands: prepared.bands }]);
          await links.linkNewTeasers(trx, created.teasers);
          await links.linkWaitingTeasers(trx, [{ rowIds: created.rowIds, leadKey: prepared.leadKey, titleKey: prepared.titleKey }]);
        } else if (status === 'updated') {
          await articles.updateArticles(trx, [{ known: known!, article: prepared, changes: changes!, publish }], new Date());
          if (prepared.title !== known!.title) article = { ...article!, title: prepared.title };
        }
        const possibleDuplicateOf = resolution.possibleDuplicateOf?.documentId;
        await importLog.record(
          trx,
          [
            {
              actor,
              articleDocumentId: article!.documentId,
              sourceKey: prepared.sourceKey ?? known?.sourceKey ?? null,
              sourceName: prepared.sourceName,
              fingerprint: prepared.bodyFingerprint,
              status,
              changes: status === 'created' ? null : (changes ?? null),
              possibleDuplicateOf: possibleDuplicateOf ?? null,
            },
          ],
          new Date()
        );
        return {
          status,
          article: article!,
          ...(changes && status !== 'created' ? { changes } : {}),
          ...(possibleDuplicateOf ? { possibleDuplicateOf } : {}),
        } satisfies ImportText.Response;
      });

    let result: ImportText.Response;
    try {
      result = await attempt();
    } catch (error) {
      // Another import of the same story won the race: the unique draft indexes refused ours; match again.
      if (!isUniqueViolation(error)) throw error;
      result = await attempt();
    }
    if (result.status === 'updated') {
      emitBatchEvent(strapi, {
        source: actor.type,
        created: [],
        updated: [result.article.documentId],
        published: publish ? [result.article.documentId] : [],
      });
    }
    return result;
  }

  return { importArticle };
};
