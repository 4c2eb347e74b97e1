import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ARTICLE, tableOf } from './tables';

/** Any constant: the advisory lock all raw-import writers share on PostgreSQL. */
const IMPORT_LOCK_KEY = 7_402_216;

/**
 * The first statement of every import transaction: imports write one at a time, across processes.
 * - SQLite: a transaction that reads, then writes, fails at once ("database is locked") when
 *   another process committed in between; one that starts by writing waits (busy_timeout).
 * - PostgreSQL: without it, two concurrent transactions cannot see each other's new articles and
 *   teasers, so a teaser and its article arriving together would stay unlinked, and two articles
 *   could get the same slug. Holding the lock costs little: writes are batched.
 */
export async function takeImportLock(strapi: Core.Strapi, trx: Knex) {
  const client = strapi.db.dialect.client;
  if (client === 'sqlite') await trx.raw(`DELETE FROM ${tableOf(strapi, ARTICLE)} WHERE 0`);
  else if (client === 'postgres') await trx.raw('SELECT pg_advisory_xact_lock(?)', [IMPORT_LOCK_KEY]);
}

