/** What the CLIs share about their command line and their output. No Strapi here: the split CLI uses it too. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * The command line as `parseArgs` reads it (`config.args` defaults to the process's arguments),
 * or null when it is wrong — an unknown option, a missing value, a stray argument — after
 * printing what is wrong and the usage on stderr: the caller exits 2.
 */
export function parseCommandLine<T extends ParseArgsConfig>(usage: string, config: T): ReturnType<typeof parseArgs<T>> | null {
  try {
    return parseArgs(config);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}`);
    return null;
  }
}

/**
 * A reader that stops early (`| head`) is not a failure of ours: what is written to stdout from
 * then on is dropped, quietly, and `onClosed` runs once (the split CLI ends there; an import
 * carries on to its end, its work being in the database, not on stdout).
 */
export function whenStdoutCloses(onClosed?: () => void): void {
  let closed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    if (closed) return;
    closed = true;
    onClosed?.();
  });
}
