import { SingleBar, Presets } from 'cli-progress';
import type { BulkSummary } from '../shared/contracts';

export interface Progress {
  update(summary: BulkSummary): void;
  stop(): void;
}

const PLAIN_EVERY_MS = 5000;

/** A progress bar on a terminal; a plain line every few seconds otherwise (logs, CI). Both on stderr. */
export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  const rate = (done: number) => (done / Math.max((Date.now() - started) / 1000, 0.001)).toFixed(0);

  if (stream.isTTY) {
    const bar = new SingleBar(
      { stream, format: ' {bar} {percentage}% | {value}/{total} files | {rate}/s | imported {imported} updated {updated} dup {duplicates} conflicts {conflicts} failed {failed}', hideCursor: true },
      Presets.shades_classic
    );
    bar.start(total, 0, { rate: '0', imported: 0, updated: 0, duplicates: 0, conflicts: 0, failed: 0 });
    return {
      update: (s) => bar.update(s.total, { rate: rate(s.total), imported: s.imported, updated: s.updated, duplicates: s.duplicates, conflicts: s.conflicts, failed: s.failed }),
      stop: () => bar.stop(),
    };
  }

  let last = started;
  return {
    update(s) {
      if (Date.now() - last < PLAIN_EVERY_MS) return;
      last = Date.now();
      stream.write(`progress ${s.total}/${total} files, ${rate(s.total)}/s, imported=${s.imported} updated=${s.updated} duplicates=${s.duplicates} conflicts=${s.conflicts} failed=${s.failed}\n`);
    },
    stop() {},
  };
}
