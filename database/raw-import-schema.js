'use strict';

/**
 * The tables and indexes the raw-import plugin relies on beyond what Strapi's schema sync makes
 * (Strapi knows nothing of partial indexes, and the band table is not a content type).
 * Idempotent: run by the migration in database/migrations (databases that exist when it first
 * runs) and again by the plugin after every schema sync (fresh databases, whose tables Strapi
 * creates only after migrations have run).
 */

const BANDS_TABLE = 'raw_import_bands';
const JOBS_TABLE = 'raw_import_jobs';
const JOB_FILES_TABLE = 'raw_import_job_files';
const JOB_FILES_FK = 'raw_import_job_files_job_id_fk';

const hasTable = (knex, table) => knex.schema.hasTable(table);

function indexStatements(client) {
  // Prefix ranges (teaser links, slugs) compare bytes: PostgreSQL needs collation "C".
  const bytewise = client === 'postgres' ? ' COLLATE "C"' : '';
  return {
    articles: [
      // One draft per story: per source key, and per body among stories without a key.
      'CREATE UNIQUE INDEX IF NOT EXISTS articles_draft_source_key_uq ON articles (source_key) WHERE published_at IS NULL AND source_key IS NOT NULL',
      'CREATE UNIQUE INDEX IF NOT EXISTS articles_draft_body_fingerprint_uq ON articles (body_fingerprint) WHERE published_at IS NULL AND source_key IS NULL',
      'CREATE INDEX IF NOT EXISTS articles_body_fingerprint_idx ON articles (body_fingerprint)',
      'CREATE INDEX IF NOT EXISTS articles_source_hash_idx ON articles (source_hash)',
      `CREATE INDEX IF NOT EXISTS articles_lead_key_idx ON articles (lead_key${bytewise})`,
      `CREATE INDEX IF NOT EXISTS articles_title_key_idx ON articles (title_key${bytewise})`,
      `CREATE INDEX IF NOT EXISTS articles_slug_idx ON articles (slug${bytewise})`,
      // The content API's article by slug (Strapi's own `slug = ?`, in the column's collation): on
      // PostgreSQL the bytewise index above cannot answer it (a sequential scan of every row); on
      // SQLite it can (BINARY is the column's collation), so no second index there.
      ...(client === 'postgres' ? ['CREATE INDEX IF NOT EXISTS articles_slug_eq_idx ON articles (slug)'] : []),
      `CREATE INDEX IF NOT EXISTS articles_document_id_idx ON articles (document_id)`,
      // The content cache's list validator (src/middlewares/content-cache.ts) takes MAX(updated_at)
      // of the three content tables on every list request: an index lookup with these, a read of
      // every row without (12 ms at 2,000 articles on SQLite, growing with the archive).
      'CREATE INDEX IF NOT EXISTS articles_updated_at_idx ON articles (updated_at)',
    ],
    related_teasers: [
      'CREATE INDEX IF NOT EXISTS related_teasers_lead_key_idx ON related_teasers (lead_key)',
      'CREATE INDEX IF NOT EXISTS related_teasers_updated_at_idx ON related_teasers (updated_at)',
    ],
    figures: ['CREATE INDEX IF NOT EXISTS figures_updated_at_idx ON figures (updated_at)'],
    // A job reads its files, and its report lists them, by job and in upload order.
    raw_import_job_files: ['CREATE INDEX IF NOT EXISTS raw_import_job_files_job_position_idx ON raw_import_job_files (job_id, position)'],
    raw_import_log: ['CREATE INDEX IF NOT EXISTS raw_import_log_article_idx ON raw_import_log (article_document_id)', 'CREATE INDEX IF NOT EXISTS raw_import_log_source_name_idx ON raw_import_log (source_name)'],
  };
}

/** Before identity by key and fingerprint, one draft per exact text was unique: no longer (two keys may carry one text). */
const RETIRED = ['articles_draft_source_hash_uq'];

/**
 * Every job-file row belongs to a job that exists, and goes with it (`job_id` is a plain integer
 * attribute to Strapi). PostgreSQL: a real foreign key, ON DELETE CASCADE (Strapi's schema sync
 * leaves a constraint it did not create alone). SQLite cannot add a constraint to an existing table,
 * so triggers give the same guarantee: a row naming a missing job is refused, and deleting a job
 * deletes its rows. Rows already orphaned are deleted first.
 */
async function ensureJobFilesForeignKey(knex, client) {
  if (!(await hasTable(knex, JOBS_TABLE)) || !(await hasTable(knex, JOB_FILES_TABLE))) return;
  const orphans = `DELETE FROM ${JOB_FILES_TABLE} WHERE NOT EXISTS (SELECT 1 FROM ${JOBS_TABLE} j WHERE j.id = ${JOB_FILES_TABLE}.job_id)`;
  if (client === 'postgres') {
    const { rows } = await knex.raw('SELECT 1 FROM pg_constraint WHERE conname = ? AND conrelid = to_regclass(?)', [JOB_FILES_FK, JOB_FILES_TABLE]);
    if (rows.length > 0) return;
    try {
      await knex.transaction(async (trx) => {
        await trx.raw(orphans);
        await trx.raw(`ALTER TABLE ${JOB_FILES_TABLE} ADD CONSTRAINT ${JOB_FILES_FK} FOREIGN KEY (job_id) REFERENCES ${JOBS_TABLE} (id) ON DELETE CASCADE`);
      });
    } catch (error) {
      // Another instance booting at the same moment added it first.
      if (error.code !== '42710') throw error;
    }
    return;
  }
  const missingJob = `NOT EXISTS (SELECT 1 FROM ${JOBS_TABLE} WHERE id = NEW.job_id)`;
  const refuse = `SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: ${JOB_FILES_TABLE}.job_id names no ${JOBS_TABLE} row')`;
  const triggers = [
    `CREATE TRIGGER IF NOT EXISTS ${JOB_FILES_TABLE}_job_insert BEFORE INSERT ON ${JOB_FILES_TABLE} WHEN ${missingJob} BEGIN ${refuse}; END`,
    `CREATE TRIGGER IF NOT EXISTS ${JOB_FILES_TABLE}_job_update BEFORE UPDATE OF job_id ON ${JOB_FILES_TABLE} WHEN ${missingJob} BEGIN ${refuse}; END`,
    `CREATE TRIGGER IF NOT EXISTS ${JOBS_TABLE}_delete_files AFTER DELETE ON ${JOBS_TABLE} BEGIN DELETE FROM ${JOB_FILES_TABLE} WHERE job_id = OLD.id; END`,
  ];
  const names = triggers.map((sql) => sql.split(' ')[5]);
  const present = await knex('sqlite_master').where({ type: 'trigger' }).whereIn('name', names).pluck('name');
  if (present.length === names.length) return;
  await knex.transaction(async (trx) => {
    await trx.raw(orphans);
    for (const sql of triggers) await trx.raw(sql);
  });
}

async function ensureRawImportSchema(knex, log = () => {}) {
  const client = knex.client.config.client === 'pg' ? 'postgres' : String(knex.client.config.client);
  if (client !== 'postgres' && !client.startsWith('sqlite') && client !== 'better-sqlite3') {
    log(`raw-import: no partial unique indexes on ${client}: run one import at a time, or concurrent imports may duplicate articles.`);
    return;
  }
  if (!(await hasTable(knex, BANDS_TABLE))) {
    await knex.schema.createTable(BANDS_TABLE, (table) => {
      // band number × 2^32 + the band's 32-bit hash: an integer key is smaller and faster than its text.
      table.bigInteger('band').notNullable();
      table.string('document_id', 255).notNullable();
      table.index(['band'], `${BANDS_TABLE}_band_idx`);
      table.index(['document_id'], `${BANDS_TABLE}_document_idx`);
    });
  }
  for (const name of RETIRED) await knex.raw(`DROP INDEX IF EXISTS ${name}`);
  for (const [table, statements] of Object.entries(indexStatements(client))) {
    if (!(await hasTable(knex, table))) continue;
    for (const sql of statements) await knex.raw(sql);
  }
  await ensureJobFilesForeignKey(knex, client);
}

module.exports = { ensureRawImportSchema, BANDS_TABLE, JOB_FILES_FK };
