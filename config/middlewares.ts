export default ({ env }) => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // ETag, Cache-Control and 304 for GET/HEAD of articles, teasers and figures (after the query
  // parser, whose nested filters it reads; before everything the route does, which a 304 skips).
  { name: 'global::content-cache', config: { maxAge: env.int('CONTENT_CACHE_MAX_AGE', 60), version: env('CONTENT_CACHE_VERSION', '') } },
  // Above raw-import's own limit (RAW_IMPORT_MAX_BYTES), so that limit answers with its own message.
  { name: 'strapi::body', config: { jsonLimit: '16mb', textLimit: '16mb', formLimit: '16mb' } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
