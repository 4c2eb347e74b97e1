/**
 * Near-duplicate lookups: each article's LSH band keys in a plain indexed table
 * (raw_import_bands, created by database/migrations), its MinHash signature on the article.
 * Articles sharing a band key are candidates; their signatures decide.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { insertRows } from './rows';
import { ARTICLE, appendTo, chunk, tableOf } from './tables';

export const BANDS_TABLE = 'raw_import_bands';

/** "7:1f03a9c2" → 7 × 2^32 + 0x1f03a9c2, the column's integer form. */
const bandNumber = (key: string) => {
  const colon = key.indexOf(':');
  return Number(key.slice(0, colon)) * 2 ** 32 + parseInt(key.slice(colon + 1), 16);
};

export interface Candidate {
  documentId: string;
  title: string;
  slug: string;
  similarity: string;
}

export const createSimilarity = (strapi: Core.Strapi) => {
  async function insertBands(trx: Knex, articles: Array<{ documentId: string; bands: string[] }>) {
    await insertRows(trx, BANDS_TABLE, ['band', 'document_id'], articles.flatMap(({ documentId, bands }) => bands.map((band) => [bandNumber(band), documentId])));
  }

  async function deleteBands(trx: Knex, documentIds: string[]) {
    for (const part of chunk(documentIds, 500)) await trx(BANDS_TABLE).whereIn('document_id', part).delete();
  }

  /** For each band key, the stored articles that have it. */
  async function documentsSharing(trx: Knex, bands: string[]): Promise<Map<string, string[]>> {
    const byBand = new Map<string, string[]>();
    const keyOf = new Map([...new Set(bands)].map((band) => [bandNumber(band), band]));
    for (const part of chunk([...keyOf.keys()], 500)) {
      const rows = await trx(BANDS_TABLE).select('band', 'document_id').whereIn('band', part);
      for (const { band, document_id: documentId } of rows) {
        const key = keyOf.get(Number(band))!;
        appendTo(byBand, key, documentId);
      }
    }
    return byBand;
  }

  /** The candidates' drafts with their signatures (only those that have one). */
  async function candidatesByIds(trx: Knex, documentIds: string[]): Promise<Map<string, Candidate>> {
    const candidates = new Map<string, Candidate>();
    for (const part of chunk(documentIds, 500)) {
      const rows = await trx(tableOf(strapi, ARTICLE))
        .select('document_id', 'title', 'slug', 'similarity')
        .whereIn('document_id', part)
        .whereNull('published_at')
        .whereNotNull('similarity');
      for (const row of rows) candidates.set(row.document_id, { documentId: row.document_id, title: row.title, slug: row.slug, similarity: row.similarity });
    }
    return candidates;
  }

  return { insertBands, deleteBands, documentsSharing, candidatesByIds };
};
