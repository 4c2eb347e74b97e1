import fs from 'fs';
import path from 'path';
import { refuseTooLarge } from '../core';
import type { RawFile } from '../shared/contracts';

export interface FoundFile {
  /** Where to read it. */
  path: string;
  /** How to report it: relative to the directory it was found in, or its name when given directly. */
  name: string;
}

/** Every .txt file under the given files and directories, recursively, in a stable (sorted) order. */
export async function* findTextFiles(inputs: string[]): AsyncGenerator<FoundFile> {
  for (const input of inputs) {
    const stat = await fs.promises.stat(input).catch(() => null);
    if (!stat) {
      yield { path: input, name: input };
    } else if (stat.isDirectory()) {
      yield* walk(input, input);
    } else {
      yield { path: input, name: path.basename(input) };
    }
  }
}

async function* walk(root: string, dir: string): AsyncGenerator<FoundFile> {
  const entries = (await fs.promises.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(root, full);
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.txt')) {
      yield { path: full, name: path.relative(root, full).split(path.sep).join('/') };
    }
  }
}

/**
 * Reads files ahead of the importer, `concurrency` at a time, in order. A file over `maxBytes`
 * is refused from its size alone, without reading it.
 */
export async function* readRawFiles(found: AsyncIterable<FoundFile>, concurrency: number, maxBytes: number): AsyncGenerator<RawFile> {
  const read = async ({ path: where, name }: FoundFile): Promise<RawFile> => {
    try {
      const { size } = await fs.promises.stat(where);
      if (size > maxBytes) {
        return { file: name, bytes: new Uint8Array(), error: refuseTooLarge(size, maxBytes).message };
      }
      return { file: name, bytes: await fs.promises.readFile(where) };
    } catch (error) {
      return { file: name, bytes: new Uint8Array(), error: `Could not read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
    }
  };
  const ahead: Array<Promise<RawFile>> = [];
  for await (const entry of found) {
    ahead.push(read(entry));
    if (ahead.length >= concurrency) yield await ahead.shift()!;
  }
  while (ahead.length) yield await ahead.shift()!;
}
