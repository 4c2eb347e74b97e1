import path from 'path';
import type { Core } from '@strapi/strapi';

/**
 * The band table and the indexes the importers rely on, after Strapi's schema sync: the same
 * idempotent step as the migration in database/migrations (which runs before the sync, when a
 * fresh database has no tables yet). Without the unique indexes, concurrent imports could
 * duplicate a story; without the others, imports get slow.
 */
export async function ensureImportSchema(strapi: Core.Strapi) {
  // Plain JavaScript at the app root, shared with the migration (migrations are not compiled).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ensureRawImportSchema } = require(path.join(strapi.dirs.app.root, 'database', 'raw-import-schema.js'));
  await ensureRawImportSchema(strapi.db.connection, (message: string) => strapi.log.warn(message));
}
