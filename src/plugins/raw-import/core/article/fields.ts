import { sentenceSpans } from '../text';

/** Fields the importer derives from a split: title, excerpt, word count, reading time, lead key. */

export const TITLE_MAX = 120;
export const EXCERPT_MAX = 300;
export const WORDS_PER_MINUTE = 230;
/** Longest stored match form of a lede, a title or a teaser (fits a 255-character column). */
export const MATCH_KEY_LENGTH = 250;
/** A teaser key shorter than this is too vague to link on. */
export const MIN_TEASER_KEY_LENGTH = 16;

/** Cut on a word boundary so that the result (with an ellipsis when cut) fits in `max` characters. */
export function cutOnWord(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const room = clean.slice(0, max - 1);
  const lastSpace = room.lastIndexOf(' ');
  const cut = lastSpace > max / 3 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:.–—-]+$/u, '')}…`;
}

// "WASHINGTON (AP) — ", "LAGOS, Nigeria — ", "Kressbach (nordpress) – ": the dateline that opens a lede.
const LEADING_DATELINE =
  /^(?:\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}(?:,\s*[\p{L}\p{M} .'’-]{2,40})?(?:\s*\([^()]{1,30}\))?|\p{Lu}[\p{L}\p{M}.'’ -]{1,40}\s*\([^()]{1,30}\))\s*[—–-]{1,2}\s+(?=\S)/u;

/** The lede without a dateline in front: the story's own first words. */
export function withoutDateline(paragraph: string): string {
  const m = LEADING_DATELINE.exec(paragraph);
  return m ? paragraph.slice(m[0].length) : paragraph;
}

/** The first sentence of the lede; abbreviations ("Dr.", "U.S.", "Jan.") do not end it. */
export function firstSentence(paragraph: string): string {
  const [first] = sentenceSpans(paragraph);
  return (first ? paragraph.slice(first.start, first.end) : paragraph).trim();
}

/** An explicit headline wins; otherwise the lede's first sentence (after its dateline), cut on a word at ≤ 120 characters. */
export function deriveTitle(title: string | null, body: string[]): string {
  if (title && title.trim()) return cutOnWord(title, TITLE_MAX);
  const lede = body.find((paragraph) => paragraph.trim()) ?? '';
  return cutOnWord(firstSentence(withoutDateline(lede)).replace(/[.!?]$/, ''), TITLE_MAX);
}

export function deriveExcerpt(body: string[]): string {
  return cutOnWord(body.find((paragraph) => paragraph.trim()) ?? '', EXCERPT_MAX);
}

export function countWords(paragraphs: string[]): number {
  let words = 0;
  for (const paragraph of paragraphs) {
    const matches = paragraph.match(/\S+/g);
    words += matches ? matches.length : 0;
  }
  return words;
}

export function readingTimeMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}

/** Case-, accent- and whitespace-insensitive form of a text, for matching teasers to leads. */
export function matchForm(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What an article stores to be found by teasers: its lede's (or title's) match form, capped. */
export function articleMatchKey(text: string): string | null {
  const form = matchForm(text).slice(0, MATCH_KEY_LENGTH);
  return form || null;
}

/**
 * What a teaser stores to find its article: its match form up to the last word boundary, since a
 * teaser may stop mid-word ("Despite air…"). Null when too short to link on safely.
 */
export function teaserMatchKey(text: string): string | null {
  const form = matchForm(text).slice(0, MATCH_KEY_LENGTH + 1);
  const cut = form.lastIndexOf(' ');
  const key = cut > 0 ? form.slice(0, cut) : '';
  return key.length >= MIN_TEASER_KEY_LENGTH ? key : null;
}

/** Every key a teaser of this article could have: the article key cut at each word boundary. */
export function wordBoundaryPrefixes(articleKey: string): string[] {
  const prefixes: string[] = [];
  for (let i = articleKey.indexOf(' '); i !== -1; i = articleKey.indexOf(' ', i + 1)) {
    if (i >= MIN_TEASER_KEY_LENGTH) prefixes.push(articleKey.slice(0, i));
  }
  return prefixes;
}

/** Does the teaser (its full match form) open the article (its stored key)? */
export function opensWith(articleKey: string, teaserForm: string): boolean {
  const n = Math.min(teaserForm.length, articleKey.length);
  return n >= MIN_TEASER_KEY_LENGTH && articleKey.slice(0, n) === teaserForm.slice(0, n);
}
