/** The import log: one row per import that reached the database, written in the import's own transaction. */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { ImportLogEntry } from '../../../shared/contracts';
import { PLUGIN_ID } from '../../../shared/constants';
import { createDocumentId } from './document-ids';
import { insertRecords } from './rows';

export const IMPORT_LOG = `plugin::${PLUGIN_ID}.import-log`;

/** A row to write: an entry without the id and time the database gives it. */
export type LogRecord = Omit<ImportLogEntry, 'id' | 'at'>;

const HISTORY_LIMIT = 100;

const toIso = (value: Date | string | number) => new Date(value).toISOString();

export const createImportLog = (strapi: Core.Strapi) => {
  async function record(trx: Knex, entries: LogRecord[], now: Date) {
    await insertRecords(
      strapi,
      trx,
      IMPORT_LOG,
      entries.map((entry) => ({
        documentId: createDocumentId(),
        articleDocumentId: entry.articleDocumentId,
        outcome: entry.status,
        actorType: entry.actor.type,
        actorId: entry.actor.id === undefined || entry.actor.id === null ? null : String(entry.actor.id),
        actorName: entry.actor.name ?? null,
        sourceKey: entry.sourceKey,
        sourceName: entry.sourceName,
        fingerprint: entry.fingerprint,
        changes: entry.changes ? JSON.stringify(entry.changes) : null,
        possibleDuplicateOf: entry.possibleDuplicateOf,
        createdAt: now,
        updatedAt: now,
        publishedAt: now,
      }))
    );
  }

  /** An article's imports, the most recent first. */
  async function historyOf(documentId: string, limit = HISTORY_LIMIT): Promise<ImportLogEntry[]> {
    const rows = await strapi.db.query(IMPORT_LOG).findMany({
      where: { articleDocumentId: documentId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      limit,
    });
    return rows.map((row: Record<string, any>) => ({
      id: row.id,
      at: toIso(row.createdAt),
      actor: { type: row.actorType, id: row.actorId ?? null, name: row.actorName ?? null },
      articleDocumentId: row.articleDocumentId ?? null,
      sourceKey: row.sourceKey ?? null,
      sourceName: row.sourceName ?? null,
      fingerprint: row.fingerprint ?? null,
      status: row.outcome,
      changes: typeof row.changes === 'string' ? JSON.parse(row.changes) : (row.changes ?? null),
      possibleDuplicateOf: row.possibleDuplicateOf ?? null,
    }));
  }

  return { record, historyOf };
};
