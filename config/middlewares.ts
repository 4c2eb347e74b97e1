export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // Above raw-import's own limit (RAW_IMPORT_MAX_BYTES), so that limit answers with its own message.
  { name: 'strapi::body', config: { jsonLimit: '16mb', textLimit: '16mb', formLimit: '16mb' } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
