/** Fields the importer derives from a split: title, excerpt, word count, reading time, lead key. */

export const TITLE_MAX = 120;
export const EXCERPT_MAX = 300;
export const WORDS_PER_MINUTE = 230;
/** Characters of normalized text that key a teaser to the article it teases. */
export const LEAD_KEY_LENGTH = 32;

/** Cut on a word boundary so that the result (with an ellipsis when cut) fits in `max` characters. */
export function cutOnWord(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const room = clean.slice(0, max - 1);
  const lastSpace = room.lastIndexOf(' ');
  const cut = lastSpace > max / 3 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:.–—-]+$/u, '')}…`;
}

/** The first sentence of the lede: ends at . ! ? followed by a space and a capital, quote or digit. */
export function firstSentence(paragraph: string): string {
  const match = /^.+?[.!?]["”’)]?(?=\s+["“‘(]?[\p{Lu}\d])/u.exec(paragraph);
  return (match ? match[0] : paragraph).trim();
}

/** An explicit headline wins; otherwise the first sentence, cut on a word at ≤ 120 characters. */
export function deriveTitle(title: string | null, body: string[]): string {
  if (title && title.trim()) return cutOnWord(title, TITLE_MAX);
  const lede = body.find((paragraph) => paragraph.trim()) ?? '';
  return cutOnWord(firstSentence(lede).replace(/[.!?]$/, ''), TITLE_MAX);
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

/** The indexed key: the first LEAD_KEY_LENGTH characters of the match form, or null if too short to be safe. */
export function leadKey(text: string): string | null {
  const form = matchForm(text);
  return form.length >= LEAD_KEY_LENGTH ? form.slice(0, LEAD_KEY_LENGTH) : null;
}
