/** Character tests by code, for the hot paths: a comparison or two instead of a regex call. */

/** Exactly the characters `\s` matches in a JavaScript regex. */
export function isSpaceCode(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** A-Z or a-z. */
export const isAsciiLetterCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** 0-9 (`\d`). */
export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

const LETTER = /\p{L}/u;
/** `/\p{L}/u` on the one UTF-16 unit at `i` (false past the end), ASCII by code. */
export function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return isAsciiLetterCode(c);
  if (c !== c) return false;
  return LETTER.test(text[i]);
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
/** `/[\p{L}\p{N}]/u` on the one UTF-16 unit at `i` (false past the end), ASCII by code. */
export function isLetterOrNumberAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return isAsciiLetterCode(c) || isDigitCode(c);
  if (c !== c) return false;
  return LETTER_OR_NUMBER.test(text[i]);
}

/** A set of UTF-16 units: a table for ASCII, a short list for the rest. */
export class CharSet {
  private readonly ascii = new Uint8Array(128);
  private readonly other: number[] = [];
  constructor(chars: Iterable<string>) {
    for (const s of chars) {
      if (s === '') throw new Error('CharSet: empty string');
      const c = s.charCodeAt(0);
      if (c < 128) this.ascii[c] = 1;
      else if (!this.other.includes(c)) this.other.push(c);
    }
  }
  has(c: number): boolean {
    return c < 128 ? this.ascii[c] === 1 : this.other.includes(c);
  }
}

/** What may come before the words of a sticky pattern: one `\s`, a run of them, or one `\s` or "-" (`[\s-]`). */
export type Gap = 'space' | 'spaces' | 'space-or-hyphen';

/**
 * The characters a sticky pattern can start with, for a cheap look before running it: `first` (the first
 * characters of its words, each string's first unit), and `afterGap` after an optional gap of whitespace.
 * `at` is false only where the pattern cannot match; it is kept next to the pattern it stands for.
 */
export class Opening {
  private readonly first: CharSet;
  private readonly afterGap: CharSet | null;
  constructor(
    first: Iterable<string>,
    afterGap: Iterable<string> | null = null,
    private readonly gap: Gap = 'space',
  ) {
    this.first = new CharSet(first);
    this.afterGap = afterGap === null ? null : new CharSet(afterGap);
  }
  at(text: string, at: number): boolean {
    const c = text.charCodeAt(at);
    if (this.first.has(c)) return true;
    if (this.afterGap === null || !(isSpaceCode(c) || (c === 45 && this.gap === 'space-or-hyphen'))) return false;
    const next = text.charCodeAt(at + 1);
    return this.afterGap.has(next) || (this.gap === 'spaces' && isSpaceCode(next));
  }
}

/**
 * `text.slice(from, to).toLowerCase()`, without the call when the slice has no capital and nothing beyond ASCII
 * (most words a figure is checked against): toLowerCase is a slow call for a short string.
 */
export function lowerSlice(text: string, from: number, to: number): string {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 || (c >= 65 && c <= 90)) return text.slice(from, to).toLowerCase();
  }
  return text.slice(from, to);
}

/**
 * A set of lower-case words, asked about a range of a text (lower-cased): a range whose length and first letter
 * no word has is ruled out before anything is cut. Lower-casing keeps an ASCII first letter ASCII and keeps the
 * length (but for "İ", which becomes two units with U+0307, which no word here contains).
 */
export class WordSet {
  private readonly words: Set<string>;
  // (length, ASCII first letter) pairs of the words, lengths up to 31; a longer range is always looked up.
  private readonly keys = new Uint8Array(32 * 128);
  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    for (const w of this.words) {
      if (w.includes('\u0307')) throw new Error(`WordSet: ${w}`);
      const c = w.charCodeAt(0);
      if (w.length < 32 && c < 128) this.keys[w.length * 128 + c] = 1;
    }
  }
  has(word: string): boolean {
    return this.words.has(word);
  }
  /** False when `text[from, to)` lower-cased cannot be one of the words (true: it may be). */
  mayHave(text: string, from: number, to: number): boolean {
    if (from >= to) return this.words.has('');
    const c = text.charCodeAt(from);
    const length = to - from;
    return c >= 0x80 || length >= 32 || this.keys[length * 128 + (c >= 65 && c <= 90 ? c + 32 : c)] === 1;
  }
  /** `has(lowerSlice(text, from, to))`. */
  hasRange(text: string, from: number, to: number): boolean {
    return this.mayHave(text, from, to) && this.words.has(lowerSlice(text, from, to));
  }
}
