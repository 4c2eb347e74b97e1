import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { IdentityVerdict, NearDuplicate, OnExisting } from '../../../shared/contracts';
import { decodeSignature, estimateSimilarity, isNearDuplicate, MIN_SHARED_BANDS } from '../../../core';
import { decide, matchStory, type Verdict } from '../identity/verdict';
import { createArticles, type KnownArticle } from '../repositories/articles';
import type { Candidate } from '../repositories/similarity';
import { appendTo } from '../repositories/tables';
import type { PreparedArticle } from './prepare';

export interface Resolution extends Verdict {
  known?: KnownArticle;
  possibleDuplicateOf?: NearDuplicate;
}

export interface ResolveOptions {
  onExisting: OnExisting;
  publish: boolean;
}

/**
 * Story identity for a batch of prepared texts, inside the caller's transaction: which known
 * story each belongs to and what the import does with it (created | updated | duplicate |
 * conflict), and for new stories, the stored article they nearly duplicate, if any.
 * Texts of one batch never match each other: the bulk writer puts such texts in separate rounds.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = createArticles(strapi);

  /** The most similar stored article (or earlier new text of the batch) at or over the threshold. */
  function closest(article: PreparedArticle, candidates: Candidate[], decoded: Map<string, Uint32Array | null>): NearDuplicate | undefined {
    const signature = article.signature;
    if (!signature) return undefined;
    let best: NearDuplicate | undefined;
    for (const candidate of candidates) {
      // Each stored signature is decoded once per batch, however many texts meet it.
      let other = decoded.get(candidate.documentId);
      if (other === undefined) decoded.set(candidate.documentId, (other = decodeSignature(candidate.similarity)));
      if (!other) continue;
      const similarity = estimateSimilarity(signature, other);
      if (isNearDuplicate(similarity) && (!best || similarity > best.similarity)) {
        best = { documentId: candidate.documentId, title: candidate.title, slug: candidate.slug, similarity };
      }
    }
    return best;
  }

  /** `documentIds`: the ids the batch's new articles will get, so a later text can name an earlier one. */
  async function resolveBatch(trx: Knex, articles: PreparedArticle[], options: ResolveOptions, documentIds: string[] = []): Promise<Resolution[]> {
    const known = await repository.findKnown(
      trx,
      articles.flatMap((article) => (article.sourceKey ? [article.sourceKey] : [])),
      articles.map((article) => article.bodyFingerprint)
    );
    const resolutions: Resolution[] = articles.map((article) => {
      const story = matchStory(article, known);
      return story ? { ...decide(story, article, options), known: story } : { status: 'created' };
    });

    // Near-duplicates of new stories: stored articles (and earlier new texts of the batch, an original and
    // its copy in one upload) sharing enough band keys, then their signatures decide.
    const fresh = articles.filter((_, i) => resolutions[i].status === 'created' && articles[i].signature);
    const byBand = await repository.bands.documentsSharing(trx, fresh.flatMap((article) => article.bands));
    const earlierByBand = new Map<string, string[]>();
    const batchCandidates = new Map<string, Candidate>();
    const decoded = new Map<string, Uint32Array | null>();
    const wanted = articles.map((article, i) => {
      if (resolutions[i].status !== 'created' || !article.signature) return [];
      const shared = new Map<string, number>();
      for (const band of article.bands) {
        for (const id of byBand.get(band) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
        for (const id of earlierByBand.get(band) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
      }
      const self = documentIds[i] ?? `new-${i}`;
      batchCandidates.set(self, { documentId: self, title: article.title, slug: article.baseSlug, similarity: article.similarity! });
      decoded.set(self, article.signature);
      for (const band of article.bands) appendTo(earlierByBand, band, self);
      return [...shared].filter(([, count]) => count >= MIN_SHARED_BANDS).map(([id]) => id);
    });
    const stored = await repository.bands.candidatesByIds(trx, [...new Set(wanted.flat())].filter((id) => !batchCandidates.has(id)));
    articles.forEach((article, i) => {
      const candidates = wanted[i].flatMap((id) => {
        const candidate = stored.get(id) ?? batchCandidates.get(id);
        return candidate ? [candidate] : [];
      });
      resolutions[i].possibleDuplicateOf = closest(article, candidates, decoded);
    });
    return resolutions;
  }

  /** What an import of this text would do now, for the preview: nothing is written. */
  async function previewIdentity(article: PreparedArticle, options: ResolveOptions): Promise<IdentityVerdict> {
    const [resolution] = await strapi.db.transaction(({ trx }) => resolveBatch(trx, [article], options));
    const { status, known, changes, possibleDuplicateOf } = resolution;
    return {
      status,
      ...(known ? { article: { documentId: known.documentId, title: known.title, slug: known.slug } } : {}),
      ...(changes ? { changes } : {}),
      ...(possibleDuplicateOf ? { possibleDuplicateOf } : {}),
    };
  }

  return { resolveBatch, previewIdentity };
};
