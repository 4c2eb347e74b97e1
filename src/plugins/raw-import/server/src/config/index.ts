export interface RawImportConfig {
  /** Largest raw text accepted, in bytes. */
  maxBytes: number;
}

export default {
  default: { maxBytes: 1024 * 1024 } satisfies RawImportConfig,
  validator(config: RawImportConfig) {
    if (!Number.isInteger(config.maxBytes) || config.maxBytes <= 0) {
      throw new Error('raw-import: config "maxBytes" must be a positive integer (bytes).');
    }
  },
};
