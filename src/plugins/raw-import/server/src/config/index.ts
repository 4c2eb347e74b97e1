export interface RawImportConfig {
  /** Largest raw text accepted, in bytes. */
  maxBytes: number;
  /** A running bulk-import job whose heartbeat is older than this is marked interrupted (its instance died). */
  jobHeartbeatTimeoutMs: number;
}

export default {
  default: { maxBytes: 1024 * 1024, jobHeartbeatTimeoutMs: 30_000 } satisfies RawImportConfig,
  validator(config: RawImportConfig) {
    if (!Number.isInteger(config.maxBytes) || config.maxBytes <= 0) {
      throw new Error('raw-import: config "maxBytes" must be a positive integer (bytes).');
    }
    if (!Number.isInteger(config.jobHeartbeatTimeoutMs) || config.jobHeartbeatTimeoutMs <= 0) {
      throw new Error('raw-import: config "jobHeartbeatTimeoutMs" must be a positive integer (milliseconds).');
    }
  },
};
