export interface RawImportConfig {
  /** Largest raw text accepted, in bytes. */
  maxBytes: number;
  /** A running bulk-import job whose heartbeat is older than this is marked interrupted (its instance died). */
  jobHeartbeatTimeoutMs: number;
  /** Content-API preview and import requests per minute per API token (0 = no limit). Admin routes are never limited. */
  rateLimitPerMinute: number;
}

export default {
  default: { maxBytes: 1024 * 1024, jobHeartbeatTimeoutMs: 30_000, rateLimitPerMinute: 120 } satisfies RawImportConfig,
  validator(config: RawImportConfig) {
    if (!Number.isInteger(config.maxBytes) || config.maxBytes <= 0) {
      throw new Error('raw-import: config "maxBytes" must be a positive integer (bytes).');
    }
    if (!Number.isInteger(config.jobHeartbeatTimeoutMs) || config.jobHeartbeatTimeoutMs <= 0) {
      throw new Error('raw-import: config "jobHeartbeatTimeoutMs" must be a positive integer (milliseconds).');
    }
    if (!Number.isInteger(config.rateLimitPerMinute) || config.rateLimitPerMinute < 0) {
      throw new Error('raw-import: config "rateLimitPerMinute" must be a whole number of requests per minute (0 = no limit).');
    }
  },
};
