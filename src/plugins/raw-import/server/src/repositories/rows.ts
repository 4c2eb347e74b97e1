/** Multi-row writes: raw statements, because knex's builder costs more than the database on large inserts. */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { chunk, type JoinTable } from './tables';

/** Bound values per INSERT statement: well under SQLite's (32,766) and PostgreSQL's (65,535) limits. */
const VALUES_PER_INSERT = 8000;

/** Rows of a plain table as raw multi-row INSERTs (knex's own multi-row insert becomes a compound SELECT on SQLite, capped at 500 rows). */
export async function insertRows(trx: Knex, table: string, columns: string[], rows: unknown[][]) {
  const head = `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (const part of chunk(rows, Math.floor(VALUES_PER_INSERT / columns.length))) {
    await trx.raw(head + part.map(() => tuple).join(', '), part.flat() as Knex.RawBinding[]);
  }
}

/** Link rows (owner, article, order) of a relation's join table. */
export async function insertLinkRows(trx: Knex, table: JoinTable, rows: Array<[ownerId: number, articleId: number, order: number]>) {
  await insertRows(trx, table.name, [table.joinColumn.name, table.inverseJoinColumn.name, table.inverseOrderColumnName], rows);
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

/** Column names of a record's attributes, as the content type's metadata maps them. */
export function toColumns(strapi: Core.Strapi, uid: string, record: Record<string, unknown>): Record<string, unknown> {
  const { attributes } = strapi.db.metadata.get(uid);
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    row[(attributes[key] as { columnName?: string } | undefined)?.columnName ?? key] = value ?? null;
  }
  return row;
}

/** UPDATE of one row by id, with a record in attribute names (values in column form, see insertRecords). */
export async function updateRecord(strapi: Core.Strapi, trx: Knex, uid: string, id: number, record: Record<string, unknown>) {
  await trx(strapi.db.metadata.get(uid).tableName).where({ id }).update(toColumns(strapi, uid, record));
}
