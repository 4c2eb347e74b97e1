/**
 * Near-duplicate lookups: each article's LSH band keys in a plain indexed table
 * (raw_import_article_bands, created by database/migrations), its MinHash signature on the article.
 * Articles sharing a band key are candidates; their signatures decide.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { insertRows } from './rows';
import { ARTICLE, chunk, tableOf } from './tables';

export const BANDS_TABLE = 'raw_import_article_bands';

export interface Candidate {
  documentId: string;
  title: string;
  slug: string;
  similarity: string;
}

export const createSimilarity = (strapi: Core.Strapi) => {
  async function insertBands(trx: Knex, articles: Array<{ documentId: string; bands: string[] }>) {
    await insertRows(trx, BANDS_TABLE, ['band', 'document_id'], articles.flatMap(({ documentId, bands }) => bands.map((band) => [band, documentId])));
  }

  async function deleteBands(trx: Knex, documentIds: string[]) {
    for (const part of chunk(documentIds, 500)) await trx(BANDS_TABLE).whereIn('document_id', part).delete();
  }

  /** Stored articles sharing at least one band key with each of the given key sets, with their signatures. */
  async function findCandidates(trx: Knex, bands: string[]): Promise<Map<string, Candidate[]>> {
    const byBand = new Map<string, string[]>();
    for (const part of chunk([...new Set(bands)], 500)) {
      const rows = await trx(BANDS_TABLE).select('band', 'document_id').whereIn('band', part);
      for (const { band, document_id: documentId } of rows) byBand.set(band, [...(byBand.get(band) ?? []), documentId]);
    }
    const documentIds = [...new Set([...byBand.values()].flat())];
    const articles = new Map<string, Candidate>();
    for (const part of chunk(documentIds, 500)) {
      const rows = await trx(tableOf(strapi, ARTICLE))
        .select('document_id', 'title', 'slug', 'similarity')
        .whereIn('document_id', part)
        .whereNull('published_at')
        .whereNotNull('similarity');
      for (const row of rows) articles.set(row.document_id, { documentId: row.document_id, title: row.title, slug: row.slug, similarity: row.similarity });
    }
    const candidates = new Map<string, Candidate[]>();
    for (const [band, ids] of byBand) candidates.set(band, ids.flatMap((id) => (articles.has(id) ? [articles.get(id)!] : [])));
    return candidates;
  }

  return { insertBands, deleteBands, findCandidates };
};
