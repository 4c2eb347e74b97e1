export default ({ env }) => ({
  'raw-import': {
    enabled: true,
    resolve: './src/plugins/raw-import',
    config: {
      // Largest raw text accepted by preview and import, in bytes (413 above it).
      maxBytes: env.int('RAW_IMPORT_MAX_BYTES', 1024 * 1024),
    },
  },
});
