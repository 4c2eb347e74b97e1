import type { Core } from '@strapi/strapi';
import { ARTICLE, TEASER } from '../db';
import { JOB_FILE } from './jobs';

/**
 * Indexes the importer relies on, created idempotently at boot (Strapi's schema sync knows
 * nothing of partial indexes). The unique one makes idempotency hold under concurrent imports:
 * one draft row per source hash, whatever the number of Strapi instances.
 */
export async function ensureIndexes(strapi: Core.Strapi) {
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  const articles = strapi.db.metadata.get(ARTICLE).tableName;
  const teasers = strapi.db.metadata.get(TEASER).tableName;
  const jobFiles = strapi.db.metadata.get(JOB_FILE).tableName;

  // The linker looks articles up by key prefix ranges, compared bytewise (PostgreSQL: collation "C").
  const bytewise = client === 'postgres' ? ' COLLATE "C"' : '';
  if (client === 'mysql') {
    strapi.log.warn('raw-import: on MySQL there is no unique source-hash index: run one import at a time, or concurrent imports may duplicate articles.');
  }
  const statements =
    client === 'mysql'
      ? []
      : [
          `CREATE UNIQUE INDEX IF NOT EXISTS ${articles}_draft_source_hash_uq ON ${articles} (source_hash) WHERE published_at IS NULL`,
          `CREATE INDEX IF NOT EXISTS ${articles}_lead_key_idx ON ${articles} (lead_key${bytewise})`,
          `CREATE INDEX IF NOT EXISTS ${articles}_title_key_idx ON ${articles} (title_key${bytewise})`,
          `CREATE INDEX IF NOT EXISTS ${teasers}_lead_key_idx ON ${teasers} (lead_key)`,
          // Slugs are looked up for uniqueness on every import; Strapi does not index uid fields.
          `CREATE INDEX IF NOT EXISTS ${articles}_slug_idx ON ${articles} (slug${bytewise})`,
          // A job reads its files, and its report lists them, by job and in upload order.
          `CREATE INDEX IF NOT EXISTS ${jobFiles}_job_position_idx ON ${jobFiles} (job_id, position)`,
        ];

  for (const sql of statements) {
    try {
      await knex.raw(sql);
    } catch (error) {
      strapi.log.warn(`raw-import: could not create an index (${(error as Error).message}): imports and jobs stay correct on one instance but get slower, and without the unique source-hash index concurrent imports may duplicate articles.`);
    }
  }
}
