export default ({ env }) => ({
  'raw-import': {
    enabled: true,
    resolve: './src/plugins/raw-import',
    config: {
      // Largest raw text accepted by preview and import, in bytes (413 above it).
      maxBytes: env.int('RAW_IMPORT_MAX_BYTES', 1024 * 1024),
      // Largest preview / import / re-split request (JSON escapes make a text's request longer
      // than the text itself), refused (413) before it is read.
      maxRequestBytes: env.int('RAW_IMPORT_MAX_REQUEST_BYTES', 8 * 1024 * 1024),
      // One bulk job: at most this many files, and this many bytes for the whole upload (413,
      // nothing stored or queued). 10,000 files of a few KB each is a large archive batch; bigger
      // archives go in several jobs or through the CLI, which has no such limit.
      maxFiles: env.int('RAW_IMPORT_MAX_FILES', 10_000),
      maxUploadBytes: env.int('RAW_IMPORT_MAX_UPLOAD_BYTES', 100 * 1024 * 1024),
      // What one text may make at most (413 above): paragraphs (body, page debris and teasers
      // together) and figures. The longest real articles have a few hundred paragraphs and figures;
      // the time an import holds the import lock grows with both.
      maxParagraphs: env.int('RAW_IMPORT_MAX_PARAGRAPHS', 1000),
      maxFigures: env.int('RAW_IMPORT_MAX_FIGURES', 2000),
      // Finished bulk-import jobs and their per-file reports are deleted this many days after they
      // finished (0 keeps them forever); the import log keeps every article's history regardless.
      jobRetentionDays: env.int('RAW_IMPORT_JOB_RETENTION_DAYS', 30),
      // Content-API preview and import requests per minute per API token; 0 turns the limit off.
      rateLimitPerMinute: env.int('RAW_IMPORT_RATE_LIMIT', 120),
    },
  },
  // Read API for the sites: articles (by slug: `articles(filters: { slug: { eq: "…" } })`), with
  // teasers and figures as nested fields in position order. Drafts stay invisible to the public,
  // also with `status: DRAFT` (src/index.ts); private fields are not part of the schema.
  graphql: {
    enabled: true,
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      // The Apollo Sandbox landing page only outside production.
      landingPage: env('NODE_ENV', 'development') !== 'production',
      // article → teasers → linkedArticle → teasers → linkedArticle is depth 5: 10 leaves room, no more.
      depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 10),
      // Same page sizes as REST (config/api.ts). An article's teasers and figures come all at once (up to maxLimit).
      defaultLimit: 25,
      maxLimit: 100,
      generateArtifacts: false,
    },
  },
});
