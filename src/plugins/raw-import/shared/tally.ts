import type { BulkSummary, JobFileResult } from './contracts';

export type ResultCounts = Pick<BulkSummary, 'imported' | 'updated' | 'duplicates' | 'conflicts' | 'failed'>;

export const emptyCounts = (): ResultCounts => ({ imported: 0, updated: 0, duplicates: 0, conflicts: 0, failed: 0 });

/** Counts one file's result: the bulk importer, the jobs and the CLI's progress all tally the same way. */
export function countResult(counts: ResultCounts, result: JobFileResult): void {
  if (result.status === 'created') counts.imported += 1;
  else if (result.status === 'updated') counts.updated += 1;
  else if (result.status === 'duplicate') counts.duplicates += 1;
  else if (result.status === 'conflict') counts.conflicts += 1;
  else counts.failed += 1;
}

/** The CLI's and the job report's closing line. */
export const summaryLine = (counts: ResultCounts) =>
  `imported=${counts.imported} updated=${counts.updated} duplicates=${counts.duplicates} conflicts=${counts.conflicts} failed=${counts.failed}`;
