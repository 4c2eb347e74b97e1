export interface RawImportConfig {
  /** Largest raw text accepted, in bytes. */
  maxBytes: number;
  /** Largest preview, import or re-split request body, in bytes (a JSON text is longer than the text: escapes). */
  maxRequestBytes: number;
  /** Most files in one bulk-import job. */
  maxFiles: number;
  /** Largest bulk-job upload (the whole multipart request), in bytes. */
  maxUploadBytes: number;
  /** Most paragraphs (body, page debris and teasers together) one text may be cut into. */
  maxParagraphs: number;
  /** Most figures one article may have. */
  maxFigures: number;
  /** A running bulk-import job whose heartbeat is older than this is queued again (its instance died) and resumed. */
  jobHeartbeatTimeoutMs: number;
  /** A job whose attempts ended this many times in a row without saving any progress fails instead of being queued again. */
  jobMaxStalls: number;
  /** Finished jobs (done, failed) and their file rows are deleted this many days after they finished; 0 keeps them forever. */
  jobRetentionDays: number;
  /** Content-API preview and import requests per minute per API token (0 = no limit). Admin routes are never limited. */
  rateLimitPerMinute: number;
}

const positiveInteger = (config: RawImportConfig, key: keyof RawImportConfig, unit: string, allowZero = false) => {
  const value = config[key];
  if (!Number.isInteger(value) || value < 0 || (value === 0 && !allowZero)) {
    throw new Error(`raw-import: config "${key}" must be a ${allowZero ? 'non-negative' : 'positive'} integer (${unit}).`);
  }
};

export default {
  default: {
    maxBytes: 1024 * 1024,
    maxRequestBytes: 8 * 1024 * 1024,
    maxFiles: 10_000,
    maxUploadBytes: 100 * 1024 * 1024,
    maxParagraphs: 1000, maxFigures: 2000, jobHeartbeatTimeoutMs: 30_000, jobMaxStalls: 3, jobRetentionDays: 30, rateLimitPerMinute: 120 } satisfies RawImportConfig,
  validator(config: RawImportConfig) {
    positiveInteger(config, 'maxBytes', 'bytes');
    positiveInteger(config, 'maxRequestBytes', 'bytes');
    positiveInteger(config, 'maxFiles', 'files');
    positiveInteger(config, 'maxUploadBytes', 'bytes');
    positiveInteger(config, 'maxParagraphs', 'paragraphs');
    positiveInteger(config, 'maxFigures', 'figures');
    positiveInteger(config, 'jobHeartbeatTimeoutMs', 'milliseconds');
    positiveInteger(config, 'jobMaxStalls', 'attempts');
    positiveInteger(config, 'jobRetentionDays', 'days', true);
    positiveInteger(config, 'rateLimitPerMinute', 'requests per minute', true);
  },
};
