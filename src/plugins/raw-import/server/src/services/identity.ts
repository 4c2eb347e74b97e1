import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { IdentityVerdict, NearDuplicate, OnExisting } from '../../../shared/contracts';
import { decodeSignature, estimateSimilarity, isNearDuplicate } from '../../../core';
import { decide, matchStory, type Verdict } from '../identity/verdict';
import { createArticles, type KnownArticle } from '../repositories/articles';
import type { Candidate } from '../repositories/similarity';
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

    const fresh = articles.filter((_, i) => resolutions[i].status === 'created');
    const stored = await repository.bands.findCandidates(trx, fresh.flatMap((article) => article.bands));
    // New texts of the batch are candidates for the texts after them (an original and its copy in one upload).
    const earlier = new Map<string, Candidate[]>();
    const decoded = new Map<string, Uint32Array | null>();
    articles.forEach((article, i) => {
      if (resolutions[i].status !== 'created' || !article.similarity) return;
      const candidates = article.bands.flatMap((band) => [...(stored.get(band) ?? []), ...(earlier.get(band) ?? [])]);
      const unique = [...new Map(candidates.map((candidate) => [candidate.documentId, candidate])).values()];
      resolutions[i].possibleDuplicateOf = closest(article, unique, decoded);
      const self: Candidate = { documentId: documentIds[i] ?? `new-${i}`, title: article.title, slug: article.baseSlug, similarity: article.similarity };
      decoded.set(self.documentId, article.signature);
      for (const band of article.bands) earlier.set(band, [...(earlier.get(band) ?? []), self]);
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
