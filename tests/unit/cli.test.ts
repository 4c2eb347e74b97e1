import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The split CLI: NDJSON on stdout, one object per input in order, exit 1 when any input is refused. */

const root = resolve(__dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const cli = join(root, 'src/plugins/raw-import/cli/split.ts');
const run = (args: string[], input?: string) => spawnSync(tsx, [cli, ...args], { cwd: root, input, encoding: 'utf8' });

describe('split CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'split-cli-'));
  const good = join(dir, 'good.txt');
  const empty = join(dir, 'empty.txt');
  writeFileSync(good, 'Rescuers reached 12 climbers on Sunday.\nThe pass reopened.\nStorm closes the coast road…\n');
  writeFileSync(empty, ' \n');

  it('prints one NDJSON object per input, in input order, reading "-" from stdin', () => {
    const result = run([good, '-', empty], 'The mayor spoke today.\nBridge to close…\n');
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file)).toEqual([good, '-', empty]);
    expect(lines[0]).toEqual({
      file: good,
      title: null,
      body: ['Rescuers reached 12 climbers on Sunday.', 'The pass reopened.'],
      teasers: [{ text: 'Storm closes the coast road', truncated: true }],
      figures: [
        {
          value: 12,
          display: '12',
          qualifier: 'exact',
          unit: null,
          label: 'climbers',
          sentence: 'Rescuers reached 12 climbers on Sunday.',
          paragraph: 0,
        },
      ],
    });
    expect(lines[1].body).toEqual(['The mayor spoke today.']);
    expect(lines[2]).toEqual({ file: empty, error: 'The text is empty: there is nothing to import.' });
    expect(result.status).toBe(1);
  });

  it('exits 0 when every input splits', () => {
    const result = run([good]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('reports a missing file as an error record', () => {
    const missing = join(dir, 'missing.txt');
    const result = run([missing]);
    expect(JSON.parse(result.stdout)).toEqual({ file: missing, error: `File not found: ${missing}` });
    expect(result.status).toBe(1);
  });
});
