/** Database helpers shared by the importers and the linker: table metadata, locks, batching. */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { ARTICLE_UID } from '../../shared/constants';

export const ARTICLE = ARTICLE_UID;
export const TEASER = 'api::related-teaser.related-teaser';
export const FIGURE = 'api::figure.figure';

/** How Strapi describes a relation's link table (metadata of a manyToOne with inversedBy). */
export interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  inverseOrderColumnName: string;
}

export const joinTableOf = (strapi: Core.Strapi, uid: string, attribute: string) =>
  (strapi.db.metadata.get(uid).attributes[attribute] as unknown as { joinTable: JoinTable }).joinTable;

export const tableOf = (strapi: Core.Strapi, uid: string) => strapi.db.metadata.get(uid).tableName;

export const chunk = <T>(items: T[], size: number): T[][] => {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
};

export const isUniqueViolation = (error: unknown) =>
  /unique|duplicate key|SQLITE_CONSTRAINT/i.test(String((error as Error)?.message ?? error));

/** The database's reason, without the SQL statement (and the article text) that knex puts before it. */
export const databaseReason = (error: unknown) => {
  const message = String((error as Error)?.message ?? error);
  const cut = message.lastIndexOf(' - ');
  return (cut === -1 ? message : message.slice(cut + 3)).slice(0, 300);
};

/** A column compared byte by byte, so prefix ranges are exact (PostgreSQL: collation "C"; SQLite's default is binary). */
export const bytewise = (strapi: Core.Strapi, column: string) => {
  const quoted = column.split('.').map((part) => `"${part}"`).join('.');
  return strapi.db.dialect.client === 'postgres' ? `${quoted} COLLATE "C"` : quoted;
};

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

/** Unique slugs for a batch: base, base-2, base-3… against the database and each other. */
export async function assignSlugs(strapi: Core.Strapi, trx: Knex, bases: string[]): Promise<string[]> {
  const articles = tableOf(strapi, ARTICLE);
  const slug = bytewise(strapi, 'slug');
  const taken = new Set<string>();
  for (const part of chunk([...new Set(bases)], 500)) {
    const rows = await trx(articles).select('slug').whereRaw(`${slug} IN (${part.map(() => '?').join(', ')})`, part);
    for (const row of rows) taken.add(row.slug);
  }
  // Only a base already in use needs its numbered variants looked up (an index range, not LIKE).
  const crowded = new Set(bases.filter((base, i) => taken.has(base) || bases.indexOf(base) !== i));
  for (const base of crowded) {
    const rows = await trx(articles)
      .select('slug')
      .whereRaw(`${slug} >= ? AND ${slug} < ?`, [`${base}-`, `${base}-\u{10FFFF}`]);
    for (const row of rows) taken.add(row.slug);
  }
  return bases.map((base) => {
    let candidate = base;
    for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}-${n}`;
    taken.add(candidate);
    return candidate;
  });
}

/** Bound values per INSERT statement: well under SQLite's (32,766) and PostgreSQL's (65,535) limits. */
const VALUES_PER_INSERT = 8000;

/** Link rows (owner, article, order) of a relation's join table, as raw multi-row INSERTs (see insertRecords). */
export async function insertLinkRows(trx: Knex, table: JoinTable, rows: Array<[ownerId: number, articleId: number, order: number]>) {
  const columns = [table.joinColumn.name, table.inverseJoinColumn.name, table.inverseOrderColumnName];
  const head = `INSERT INTO "${table.name}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES `;
  for (const part of chunk(rows, Math.floor(VALUES_PER_INSERT / 3))) {
    await trx.raw(head + part.map(() => '(?, ?, ?)').join(', '), part.flat());
  }
}

/**
 * Multi-row INSERT of plain records (attribute names → the content type's columns), written as
 * one raw statement per chunk: knex's query builder spends more time compiling a large insert
 * than the database spends running it. Values must already be in column form (JSON as text).
 */
export async function insertRecords(
  strapi: Core.Strapi,
  trx: Knex,
  uid: string,
  records: Array<Record<string, unknown>>
): Promise<Array<{ id: number; document_id: string }>> {
  if (records.length === 0) return [];
  const { tableName, attributes } = strapi.db.metadata.get(uid);
  const keys = Object.keys(records[0]);
  const columns = keys.map((key) => (attributes[key] as { columnName?: string } | undefined)?.columnName ?? key);
  const head = `INSERT INTO "${tableName}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES `;
  const tuple = `(${keys.map(() => '?').join(', ')})`;
  const written: Array<{ id: number; document_id: string }> = [];
  for (const part of chunk(records, Math.max(1, Math.floor(VALUES_PER_INSERT / keys.length)))) {
    const bindings: unknown[] = [];
    for (const record of part) for (const key of keys) bindings.push(record[key] ?? null);
    // RETURNING (PostgreSQL, SQLite ≥ 3.35) saves reading the new ids back.
    const result = await trx.raw(`${head}${part.map(() => tuple).join(', ')} RETURNING "id", "document_id"`, bindings as Knex.RawBinding[]);
    written.push(...(Array.isArray(result) ? result : result.rows));
  }
  return written;
}
