export default ({ env }) => ({
  'raw-import': {
    enabled: true,
    resolve: './src/plugins/raw-import',
    config: {
      // Largest raw text accepted by preview and import, in bytes (413 above it).
      maxBytes: env.int('RAW_IMPORT_MAX_BYTES', 1024 * 1024),
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
