import { createHash } from 'crypto';
import slugify from 'slugify';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { normalizeRawText, splitRawText } from '../../../core';
import { countWords, deriveExcerpt, deriveTitle, leadKey, readingTimeMinutes } from '../../../core/article-fields';
import { RawTextError, type SplitResult } from '../../../core/types';
import type { ImportText, ImportedArticle } from '../../../shared/contracts';

const ARTICLE = 'api::article.article';
const TEASER = 'api::related-teaser.related-teaser';
const FIGURE = 'api::figure.figure';

export interface ImportOptions {
  sourceName?: string | null;
  publish?: boolean;
}

/** The idempotency key: sha256 of the normalized text, so line endings and a BOM do not matter. */
export const sourceHashOf = (normalizedText: string) => createHash('sha256').update(normalizedText).digest('hex');

export const toParagraphBlocks = (body: string[]) =>
  body.map((text) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, text }] }));

/** Splitter refusals become 4xx answers in Strapi's error shape. */
export function splitOrReject(text: string): SplitResult {
  try {
    return splitRawText(text);
  } catch (error) {
    if (error instanceof RawTextError) {
      throw new errors.ValidationError(error.message, { code: error.code });
    }
    throw error;
  }
}

const isUniqueViolation = (error: unknown) =>
  /unique|duplicate key|SQLITE_CONSTRAINT/i.test(String((error as Error)?.message ?? error));

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

  /** slugify the title, then the first of slug, slug-2, slug-3… that no article uses, in one query. */
  async function uniqueSlug(title: string): Promise<string> {
    const base = slugify(title, { lower: true, strict: true, trim: true }).slice(0, 80).replace(/-+$/, '') || 'article';
    const taken = new Set(
      (await strapi.db.query(ARTICLE).findMany({ where: { slug: { $startsWith: base } }, select: ['slug'] })).map(
        (row: { slug: string }) => row.slug
      )
    );
    if (!taken.has(base)) return base;
    let n = 2;
    while (taken.has(`${base}-${n}`)) n += 1;
    return `${base}-${n}`;
  }

  /**
   * Writes one Article with its teasers (in order) and figures in ONE transaction, or nothing.
   * A text already imported (same normalized text) answers `duplicate` and writes nothing.
   */
  async function importArticle(text: string, options: ImportOptions = {}): Promise<ImportText.Response> {
    const split = splitOrReject(text);
    const normalized = normalizeRawText(text);
    const sourceHash = sourceHashOf(normalized);

    const existing = await findBySourceHash(sourceHash);
    if (existing) return { status: 'duplicate', article: existing };

    try {
      return await strapi.db.transaction(async () => {
        const title = deriveTitle(split.title, split.body);
        const wordCount = countWords(split.body);
        const article = await articles().create({
          data: {
            title,
            slug: await uniqueSlug(title),
            body: toParagraphBlocks(split.body),
            excerpt: deriveExcerpt(split.body),
            wordCount,
            readingTimeMinutes: readingTimeMinutes(wordCount),
            sourceName: options.sourceName ?? null,
            sourceHash,
            rawText: normalized,
            importedAt: new Date().toISOString(),
            leadKey: leadKey(split.body[0] ?? ''),
          },
        });

        for (const [position, teaser] of split.teasers.entries()) {
          await strapi.documents(TEASER).create({
            data: { ...teaser, position, leadKey: leadKey(teaser.text), article: article.documentId },
          });
        }
        for (const [position, figure] of split.figures.entries()) {
          await strapi.documents(FIGURE).create({
            data: { ...figure, position, article: article.documentId },
          });
        }
        if (options.publish) {
          await articles().publish({ documentId: article.documentId });
        }
        return {
          status: 'created' as const,
          article: { documentId: article.documentId, title: article.title, slug: article.slug },
        };
      });
    } catch (error) {
      // Another import of the same text won the race: the unique draft index refused ours.
      if (isUniqueViolation(error)) {
        const winner = await findBySourceHash(sourceHash);
        if (winner) return { status: 'duplicate', article: winner };
      }
      throw error;
    }
  }

  return { importArticle, findBySourceHash, uniqueSlug };
};
