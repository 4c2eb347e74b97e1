/** Sentence boundaries inside a paragraph, so each figure can carry the sentence it came from. */

// A sentence ends at . ! ? or … (plus closing quotes) followed by a space and a capital, digit or quote.
// One punctuation mark at a time, closing quotes taken atomically ((?=(…))\1): a run of "!!!!" or """"
// never makes the engine retry the same characters.
const BOUNDARY = /[.!?…](?=(["”’»)]*))\1\s+(?=["“‘«(¿¡]?[\p{Lu}\p{N}])/gu;
// Abbreviations whose full stop does not end a sentence.
const ABBREVIATION = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|St|Mt|No|Nr|Gen|Lt|Col|Sgt|Capt|Gov|Sen|Rep|Rev|Jr|Sr|Inc|Ltd|Co|Corp|vs|etc|approx|ca|bzw|z\.B|u\.a|Mio|Mrd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|(?:[A-Z]\.)*[A-Z])\.$/u;

export interface Span {
  start: number;
  end: number;
}

export function sentenceSpans(paragraph: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(paragraph); m; m = BOUNDARY.exec(paragraph)) {
    const stop = m.index + 1 + m[1].length;
    if (ABBREVIATION.test(paragraph.slice(Math.max(start, stop - 8), stop))) continue;
    spans.push({ start, end: stop });
    start = m.index + m[0].length;
  }
  if (start < paragraph.length) spans.push({ start, end: paragraph.length });
  return spans;
}

/** Escapes a literal for use inside a regular expression. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Up to `limit` space-separated words that end before `end`, nearest first, looked for within `reach`
 * characters; a word cut by the window's edge is left out. Expects whitespace-collapsed text.
 */
export function wordsBefore(text: string, end: number, limit: number, reach: number): Span[] {
  const lo = Math.max(0, end - reach);
  let to = end;
  while (to > lo && text.charCodeAt(to - 1) === 32) to--;
  const words: Span[] = [];
  while (words.length < limit && to > lo) {
    // Scan back by hand: lastIndexOf would run past the window to the start of the text.
    let space = to - 1;
    while (space >= lo && text.charCodeAt(space) !== 32) space--;
    if (space < lo && lo > 0) break;
    const start = Math.max(space + 1, lo);
    words.push({ start, end: to });
    if (space < lo) break;
    to = space;
  }
  return words;
}

/** Words (runs of non-space characters) in the text, counted up to `cap`: no array is built. */
export function countWordsUpTo(text: string, cap = Infinity): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
    if (!space && !inWord && ++n > cap) return n;
    inWord = !space;
  }
  return n;
}

/**
 * `wordsBefore` without allocating: writes the words' starts and ends into `starts` and `ends` (nearest first)
 * and returns how many there are.
 */
export function wordSpansBefore(text: string, end: number, limit: number, reach: number, starts: number[], ends: number[]): number {
  const lo = Math.max(0, end - reach);
  let to = end;
  while (to > lo && text.charCodeAt(to - 1) === 32) to--;
  let n = 0;
  while (n < limit && to > lo) {
    let space = to - 1;
    while (space >= lo && text.charCodeAt(space) !== 32) space--;
    if (space < lo && lo > 0) break;
    starts[n] = space + 1 > lo ? space + 1 : lo;
    ends[n] = to;
    n++;
    if (space < lo) break;
    to = space;
  }
  return n;
}

// ABBREVIATION can match only where fewer than seven ASCII letters stand right before the full stop: its words
// are at most six letters long, and a longer run of letters leaves it no place to start.
function mayEndAbbreviation(paragraph: string, stop: number): boolean {
  if (paragraph.charCodeAt(stop - 1) !== 46) return false;
  for (let i = stop - 2; i >= stop - 8; i--) {
    const c = paragraph.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return true;
  }
  return false;
}

/**
 * The sentences of a paragraph one at a time, exactly as sentenceSpans finds them, for a caller that may not need
 * the last ones. One reader serves one paragraph at a time (`reset`).
 */
export class SentenceReader {
  private readonly boundary = new RegExp(BOUNDARY.source, BOUNDARY.flags);
  private paragraph = '';
  private start = 0;
  private done = true;

  reset(paragraph: string): void {
    this.paragraph = paragraph;
    this.start = 0;
    this.done = false;
    this.boundary.lastIndex = 0;
  }

  /** The next sentence, or null after the last. */
  next(): Span | null {
    if (this.done) return null;
    const paragraph = this.paragraph;
    for (let m = this.boundary.exec(paragraph); m; m = this.boundary.exec(paragraph)) {
      const stop = m.index + 1 + m[1].length;
      if (mayEndAbbreviation(paragraph, stop) && ABBREVIATION.test(paragraph.slice(Math.max(this.start, stop - 8), stop))) continue;
      const span = { start: this.start, end: stop };
      this.start = m.index + m[0].length;
      return span;
    }
    this.done = true;
    return this.start < paragraph.length ? { start: this.start, end: paragraph.length } : null;
  }
}
