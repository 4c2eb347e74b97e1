import { spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { runImportCli, runResplitCli } from '../helpers/cli';

/**
 * The import and re-split CLIs on a command line they do not understand, and on a reader that
 * stops early: a usage error, never a stack trace; a closed pipe, never an EPIPE crash.
 * (The split CLI's own: tests/unit/cli.test.ts.)
 */

const appDir = path.resolve(__dirname, '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-cli-hardening-'));
// Enough NDJSON lines (about 90 bytes each) to overflow a pipe's buffer once the reader is gone.
const FILES = 1000;
let app: TestApp;

beforeAll(async () => {
  app = await bootStrapi();
  for (let i = 0; i < FILES; i += 1) {
    fs.writeFileSync(
      path.join(dir, `story-${i}.txt`),
      `Harbour council meeting number ${i}\n\nThe harbour council met for the ${i}th time on Tuesday to discuss the sea wall and the quay.\n`
    );
  }
});

afterAll(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.each([
  ['import', (args: string[]) => runImportCli(args, {}), [dir]],
  ['resplit', (args: string[]) => runResplitCli(args, {}), []],
] as const)('npm run %s', (name, run, inputs) => {
  it.each([['--bogus'], ['--dry-run=maybe'], ['-x']])('prints what is wrong and the usage, and exits 2, for %s', async (option) => {
    const result = await run([option, ...inputs]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^(?:Unknown option|Option) '${option.split('=')[0]}.*\\nusage: npm run --silent ${name} -- `, 's'));
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('npm run import | head -1', () => {
  it('imports everything and ends quietly when its reader stops early', async () => {
    const child = spawn('npm', ['run', '--silent', 'import', '--', '--json', dir], { cwd: appDir, env: process.env });
    let stderr = '';
    let firstLine = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.once('data', (chunk: Buffer) => {
      firstLine = chunk.toString().split('\n')[0];
      child.stdout.destroy();
    });
    const code = await new Promise((resolve) => child.on('close', resolve));

    expect(JSON.parse(firstLine)).toEqual(expect.objectContaining({ status: 'created' }));
    expect(code).toBe(0);
    expect(stderr).toContain(`${FILES} files in `);
    expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(await app.strapi.db.query('api::article.article').count()).toBe(FILES);
  });
});
