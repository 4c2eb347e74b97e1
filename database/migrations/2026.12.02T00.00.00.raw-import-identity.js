'use strict';

/**
 * Story identity (source key, body fingerprint, near-duplicate bands): the indexes the importers
 * rely on, and the band table. Strapi runs migrations before its schema sync, so on a fresh
 * database the content tables do not exist yet: the plugin runs the same idempotent step again
 * after the sync (server/src/bootstrap.ts).
 */
const { ensureRawImportSchema } = require('../raw-import-schema');

module.exports = {
  async up(knex) {
    await ensureRawImportSchema(knex);
  },
};
