/**
 * `npm run --silent split -- <file...>`: prints one NDJSON line per input, in input order.
 * "-" reads stdin. Exit 1 when any input was refused. Imports only the pure core: Strapi is never booted.
 */
import { readFileSync } from 'node:fs';
import { decodeRawText, splitRawText, RawTextError } from '../core';

function readInput(file: string): Uint8Array {
  return file === '-' ? readFileSync(0) : readFileSync(file);
}

function splitFile(file: string): Record<string, unknown> {
  try {
    const result = splitRawText(decodeRawText(readInput(file)));
    return {
      file,
      title: result.title,
      body: result.body,
      teasers: result.teasers.map(({ text, truncated }) => ({ text, truncated })),
      figures: result.figures.map(({ value, display, qualifier, unit, label, sentence, paragraph }) => ({
        value, display, qualifier, unit, label, sentence, paragraph,
      })),
    };
  } catch (error) {
    if (error instanceof RawTextError) return { file, error: error.message };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { file, error: `File not found: ${file}` };
    if (code === 'EISDIR') return { file, error: `Not a file but a directory: ${file}` };
    if (code === 'EACCES') return { file, error: `Permission denied: ${file}` };
    return { file, error: `Could not read ${file}: ${(error as Error).message}` };
  }
}

function main(files: string[]): number {
  if (files.length === 0) {
    process.stderr.write('usage: npm run --silent split -- <file...>   ("-" reads stdin)\n');
    return 2;
  }
  let failed = false;
  const out: string[] = [];
  for (const file of files) {
    const record = splitFile(file);
    if ('error' in record) failed = true;
    out.push(JSON.stringify(record));
  }
  process.stdout.write(out.join('\n') + '\n');
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
