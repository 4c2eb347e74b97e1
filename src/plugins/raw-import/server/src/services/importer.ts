import type { Core } from '@strapi/strapi';
import type { ImportText, ImportedArticle } from '../../../shared/contracts';
import { ARTICLE, FIGURE, TEASER, assignSlugs, isUniqueViolation, takeImportLock } from '../db';
import { getService } from '../utils';
import type { LineOverrides } from '../../../core/types';
import { prepareArticle } from './prepare';

export interface ImportOptions {
  sourceName?: string | null;
  publish?: boolean;
  /** The editor's corrections from the preview: what is imported is what the preview showed. */
  overrides?: LineOverrides;
}

/**
 * The single-text import, through the Document Service: document middlewares, lifecycles and
 * webhooks see every entry. Bulk imports use the batch writer instead.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const articles = () => strapi.documents(ARTICLE);

  async function findBySourceHash(sourceHash: string): Promise<ImportedArticle | null> {
    const found = await articles().findFirst({
      filters: { sourceHash },
      status: 'draft',
      fields: ['documentId', 'title', 'slug'],
    });
    return found ? { documentId: found.documentId, title: found.title, slug: found.slug } : null;
  }

  /**
   * Writes one Article with its teasers (in order) and figures in ONE transaction, or nothing.
   * A text already imported (same normalized text) answers `duplicate` and writes nothing.
   */
  async function importArticle(text: string, options: ImportOptions = {}): Promise<ImportText.Response> {
    const prepared = prepareArticle(text, options.sourceName ?? null, options.overrides);

    try {
      return await strapi.db.transaction(async ({ trx }) => {
        await takeImportLock(strapi, trx);
        const existing = await findBySourceHash(prepared.sourceHash);
        if (existing) return { status: 'duplicate' as const, article: existing };

        const [slug] = await assignSlugs(strapi, trx, [prepared.baseSlug]);
        const { teasers, figures, split, baseSlug, ...fields } = prepared;
        const article = await articles().create({
          data: { ...fields, slug, importedAt: new Date().toISOString() },
        });
        const written = [];
        for (const teaser of teasers) {
          written.push(await strapi.documents(TEASER).create({ data: { ...teaser, article: article.documentId } }));
        }
        for (const figure of figures) {
          await strapi.documents(FIGURE).create({ data: { ...figure, article: article.documentId } });
        }
        if (options.publish) {
          await articles().publish({ documentId: article.documentId });
        }

        const linker = getService(strapi, 'linker');
        const rows = await strapi.db.query(ARTICLE).findMany({ where: { documentId: article.documentId }, select: ['id'] });
        await linker.linkNewTeasers(trx, written.map(({ id, text, leadKey }) => ({ id: Number(id), text, leadKey })));
        await linker.linkWaitingTeasers(trx, [
          { rowIds: rows.map((row: { id: number }) => row.id), leadKey: fields.leadKey, titleKey: fields.titleKey },
        ]);
        return {
          status: 'created' as const,
          article: { documentId: article.documentId, title: article.title, slug: article.slug },
        };
      });
    } catch (error) {
      // Another import of the same text won the race: the unique draft index refused ours.
      if (isUniqueViolation(error)) {
        const winner = await findBySourceHash(prepared.sourceHash);
        if (winner) return { status: 'duplicate', article: winner };
      }
      throw error;
    }
  }

  return { importArticle, findBySourceHash };
};
