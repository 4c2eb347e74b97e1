/**
 * `npm run --silent resplit -- [--dry-run] [--publish] [--json]`
 * Re-runs the current splitter over the stored rawText of every article. Articles changed in the
 * CMS since their import are reported as conflicts and left alone. Ends with
 * `unchanged=N changed=N conflicts=N failed=N`; exit 1 when any article failed.
 */
import os from 'os';
import type { JobFileResult, ResplitSummary } from '../shared/contracts';
import { bootForCli, runCommand } from './boot';
import { parseCommandLine } from './command-line';

const USAGE = 'usage: npm run --silent resplit -- [--dry-run] [--publish] [--json]\n';

async function main(): Promise<number> {
  const commandLine = parseCommandLine(USAGE, {
    allowPositionals: false,
    options: {
      'dry-run': { type: 'boolean', default: false },
      publish: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (!commandLine) return 2;
  const { values } = commandLine;
  if (values.help) {
    process.stderr.write(USAGE);
    return 2;
  }
  const strapi = await bootForCli();
  try {
    const onResult = (result: JobFileResult) => {
      if (values.json) process.stdout.write(`${JSON.stringify(values['dry-run'] ? { ...result, dryRun: true } : result)}\n`);
      else if (result.status === 'failed') process.stderr.write(`failed ${result.file}: ${result.error}\n`);
    };
    const summary: ResplitSummary = await strapi.plugin('raw-import').service('resplit').resplitArticles({
      dryRun: values['dry-run'],
      publish: values.publish,
      actor: { type: 'cli', name: os.userInfo().username },
      eventSource: 'resplit',
      onResult,
    });
    process.stdout.write(`unchanged=${summary.unchanged} changed=${summary.changed} conflicts=${summary.conflicts} failed=${summary.failed}\n`);
    return summary.failed > 0 ? 1 : 0;
  } finally {
    await strapi.destroy();
  }
}

runCommand('resplit', main);
