/**
 * `npm run --silent split -- <file...>`: prints one NDJSON line per input, in input order.
 * "-" reads stdin. Exit 1 when any input was refused, 2 for a usage error (an unknown option:
 * `-- --name` reads a file whose name starts with "-"). Imports only the pure core: Strapi is never booted.
 * The npm script runs this file compiled (scripts/split.js → dist/split-cli/), not through a TypeScript loader.
 *
 * A record: {"file", "title", "byline", "body", "boilerplate": [{"text", "kind"}],
 * "teasers": [{"text", "truncated"}], "figures": [{"value", "display", "qualifier", "unit", "label",
 * "sentence", "paragraph"}]}, or {"file", "error"}.

 */
import { readFileSync } from 'node:fs';
import { decodeRawText, splitRawText, RawTextError, type SplitResult } from '../core';
import { parseCommandLine, whenStdoutCloses } from './command-line';

// stdout is written in chunks of about this many characters, not record by record nor all at once.
const FLUSH_AT = 1 << 20;
// Files split between two writes to the output buffer.
const BATCH = 40;

function readInput(file: string): Uint8Array {
  return file === '-' ? readFileSync(0) : readFileSync(file);
}

function toRecord(file: string, result: SplitResult): Record<string, unknown> {
  return {
    file,
    title: result.title,
    byline: result.byline,
    body: result.body,
    boilerplate: result.boilerplate.map(({ text, kind }) => ({ text, kind })),
    teasers: result.teasers.map(({ text, truncated }) => ({ text, truncated })),
    figures: result.figures.map(({ value, display, qualifier, unit, label, sentence, paragraph }) => ({
      value, display, qualifier, unit, label, sentence, paragraph,
    })),
  };
}

function splitFile(file: string): Record<string, unknown> {
  try {
    return toRecord(file, splitRawText(decodeRawText(readInput(file))));
  } catch (error) {
    if (error instanceof RawTextError) return { file, error: error.message };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { file, error: `File not found: ${file}` };
    if (code === 'EISDIR') return { file, error: `Not a file but a directory: ${file}` };
    if (code === 'EACCES') return { file, error: `Permission denied: ${file}` };
    return { file, error: `Could not read ${file}: ${(error as Error).message}` };
  }
}

interface Batch {
  /** NDJSON lines, each ending in "\n". */
  text: string;
  failed: boolean;
}

function splitBatch(files: string[]): Batch {
  let text = '';
  let failed = false;
  for (const file of files) {
    const record = splitFile(file);
    if ('error' in record) failed = true;
    text += JSON.stringify(record) + '\n';
  }
  return { text, failed };
}

/** Buffers stdout into large writes. */
function output() {
  let pending = '';
  return {
    write(text: string) {
      pending += text;
      if (pending.length >= FLUSH_AT) {
        process.stdout.write(pending);
        pending = '';
      }
    },
    flush() {
      if (pending) process.stdout.write(pending);
      pending = '';
    },
  };
}

function splitHere(files: string[]): number {
  const out = output();
  let failed = false;
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = splitBatch(files.slice(i, i + BATCH));
    failed ||= batch.failed;
    out.write(batch.text);
  }
  out.flush();
  return failed ? 1 : 0;
}

const USAGE = 'usage: npm run --silent split -- <file...>   ("-" reads stdin)\n';

async function main(): Promise<number> {
  const commandLine = parseCommandLine(USAGE, { allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (!commandLine || commandLine.values.help || commandLine.positionals.length === 0) {
    if (commandLine) process.stderr.write(USAGE);
    return 2;
  }
  return splitHere(commandLine.positionals);
}

whenStdoutCloses(() => process.exit(process.exitCode ?? 0));
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    process.stderr.write(`split: ${error.stack ?? error.message}\n`);
    process.exitCode = 2;
  },
);
