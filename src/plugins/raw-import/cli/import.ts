/**
 * `npm run --silent import -- <files|dirs...> [--publish] [--dry-run] [--json] [--source-key path] [--on-existing update|skip] [--concurrency N]`
 * Imports every .txt found (directories recursively), streaming, in batched transactions.
 * Ends with `imported=N updated=N duplicates=N conflicts=N failed=N`; exit 1 when any file failed.
 */
import os from 'os';
import type { BulkSummary, JobFileResult } from '../shared/contracts';
import { countResult, emptyCounts, summaryLine } from '../shared/tally';
import { bootForCli, runCommand } from './boot';
import { parseCommandLine } from './command-line';
import { findTextFiles, readRawFiles } from './files';
import { createProgress } from './progress';

const USAGE =
  'usage: npm run --silent import -- <files|dirs...> [--publish] [--dry-run] [--json] [--source-key path] [--on-existing update|skip] [--concurrency N]\n';

async function countFiles(inputs: string[]) {
  let total = 0;
  for await (const _ of findTextFiles(inputs)) total += 1;
  return total;
}

async function main(): Promise<number> {
  const commandLine = parseCommandLine(USAGE, {
    allowPositionals: true,
    options: {
      publish: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      concurrency: { type: 'string', default: '8' },
      'source-key': { type: 'string' },
      'on-existing': { type: 'string', default: 'update' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (!commandLine) return 2;
  const { values, positionals } = commandLine;
  const concurrency = Number(values.concurrency);
  const sourceKey = values['source-key'];
  const onExisting = values['on-existing'];
  if (
    values.help ||
    positionals.length === 0 ||
    !Number.isInteger(concurrency) ||
    concurrency < 1 ||
    (sourceKey !== undefined && sourceKey !== 'path') ||
    (onExisting !== 'update' && onExisting !== 'skip')
  ) {
    process.stderr.write(USAGE);
    return 2;
  }

  const started = Date.now();
  const total = await countFiles(positionals);
  const strapi = await bootForCli();
  try {
    const maxBytes = strapi.config.get('plugin::raw-import.maxBytes') as number;
    const progress = createProgress(total);
    const running: BulkSummary = { total: 0, ...emptyCounts() };
    const onResult = (result: JobFileResult) => {
      running.total += 1;
      countResult(running, result);
      if (values.json) process.stdout.write(`${JSON.stringify(values['dry-run'] ? { ...result, dryRun: true } : result)}\n`);
      else if (result.status === 'failed') process.stderr.write(`failed ${result.file}: ${result.error}\n`);
      progress.update(running);
    };

    const summary = await strapi
      .plugin('raw-import')
      .service('bulk')
      .importFiles(readRawFiles(findTextFiles(positionals), concurrency, maxBytes), {
        publish: values.publish,
        dryRun: values['dry-run'],
        sourceKey: sourceKey === 'path' ? 'path' : null,
        onExisting,
        actor: { type: 'cli', name: os.userInfo().username },
        eventSource: 'cli',
        onResult,
      });
    progress.stop();
    const seconds = (Date.now() - started) / 1000;
    const peakMb = process.resourceUsage().maxRSS / 1024;
    process.stderr.write(
      `${summary.total} files in ${seconds.toFixed(1)} s (${(summary.total / seconds).toFixed(0)} files/s), peak RSS ${peakMb.toFixed(0)} MB\n`
    );
    process.stdout.write(`${summaryLine(summary)}\n`);
    return summary.failed > 0 ? 1 : 0;
  } finally {
    await strapi.destroy();
  }
}

runCommand('import', main);
