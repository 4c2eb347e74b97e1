import type { BulkSummary, JobFileResult } from './contracts';

export type ResultCounts = Pick<BulkSummary, 'imported' | 'duplicates' | 'failed'>;

/** Counts one file's result: the bulk importer, the jobs and the CLI's progress all tally the same way. */
export function countResult(counts: ResultCounts, result: JobFileResult): void {
  if (result.status === 'created') counts.imported += 1;
  else if (result.status === 'duplicate') counts.duplicates += 1;
  else counts.failed += 1;
}
