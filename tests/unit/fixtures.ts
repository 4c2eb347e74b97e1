import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads a made-up fixture text from tests/unit/fixtures. */
export const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
