/** Table metadata and small database helpers every repository uses. */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { ARTICLE_UID } from '../../../shared/constants';

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

/** Adds a value to the list kept under a key (grouping rows by parent without copying the list each time). */
export function appendTo<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

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

