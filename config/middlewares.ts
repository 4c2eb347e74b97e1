export default ({ env }) => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  // Sites call the content API from browsers: the origins allowed (CORS_ORIGIN, comma-separated;
  // every origin by default, as Strapi's own default), If-None-Match allowed in a request (a
  // site's script revalidating what it keeps), ETag and Retry-After readable in an answer.
  {
    name: 'strapi::cors',
    config: {
      origin: env.array('CORS_ORIGIN', ['*']),
      headers: ['Content-Type', 'Authorization', 'Origin', 'Accept', 'If-None-Match'],
      expose: ['ETag', 'Retry-After'],
    },
  },
  'strapi::poweredBy',
  'strapi::query',
  // ETag, Cache-Control and 304 for GET/HEAD of articles, teasers and figures (after the query
  // parser, whose nested filters it reads; before everything the route does, which a 304 skips).
  { name: 'global::content-cache', config: { maxAge: env.int('CONTENT_CACHE_MAX_AGE', 60), version: env('CONTENT_CACHE_VERSION', ''), memoryMb: env.float('CONTENT_CACHE_MEMORY_MB', 64) } },
  // raw-import's request sizes (RAW_IMPORT_MAX_REQUEST_BYTES, RAW_IMPORT_MAX_UPLOAD_BYTES), from
  // Content-Length, before the body is read.
  'plugin::raw-import.request-limits',
  // Above raw-import's own limits, so that they answer with their own messages. formidable's
  // maxFileSize is the whole multipart request's file bytes (200 MB unless an upload limit asks more).
  {
    name: 'strapi::body',
    config: {
      jsonLimit: '16mb',
      textLimit: '16mb',
      formLimit: '16mb',
      formidable: { maxFileSize: Math.max(200 * 1024 * 1024, env.int('RAW_IMPORT_MAX_UPLOAD_BYTES', 100 * 1024 * 1024)) },
    },
  },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
