import { countWordsUpTo } from '../text';
import { isCutOff } from './markers';
import { isTeaserHeader } from './headers';
import { MAX_WRAP_WIDTH, isFullLine } from './paragraphs';

/** An explicit headline line at the top of the text. */

const MAX_TITLE_CHARS = 150;
const MAX_TITLE_WORDS = 22;
// A headline starts like a sentence…
const HEADLINE_START = /^["'“‘«¿¡]?[\p{Lu}\p{N}]/u;
// …and does not end like one (a lede ends with a full stop).
const CLOSING = /[.,;:…\-–—]$/u;
// A sentence ending inside the line: prose, not a headline.
const INNER_SENTENCE_END = /[\p{Ll}\p{N}%"”’)][.!?]["”’]? \p{Lu}/u;
// A line that carries on a sentence starts in lower case.
const CONTINUATION = /^\p{Ll}/u;

export interface Headline {
  title: string;
  /** Index of the first line after the headline. */
  next: number;
}

export function isHeadlineShaped(line: string): boolean {
  if (line.length > MAX_TITLE_CHARS) return false;
  const words = countWordsUpTo(line, MAX_TITLE_WORDS);
  return (
    words >= 2 &&
    words <= MAX_TITLE_WORDS &&
    HEADLINE_START.test(line) &&
    !CLOSING.test(line) &&
    !INNER_SENTENCE_END.test(line) &&
    !isCutOff(line) &&
    !isTeaserHeader(line)
  );
}

/** The first line when it is a headline and body text follows it; null otherwise. */
export function findHeadline(lines: string[]): Headline | null {
  let first = 0;
  while (first < lines.length && lines[first].trim() === '') first++;
  return first === lines.length ? null : headlineAt(lines, first);
}

/** The line at `index` when it is a headline and body text follows it; null otherwise. */
export function headlineAt(lines: string[], index: number): Headline | null {
  const line = lines[index].trim();
  if (!isHeadlineShaped(line)) return null;
  const rest = shapeAfter(lines, index + 1);
  if (rest.blocks === 0) return null;
  // Directly followed by more text: make sure the line is not the first line of a wrapped paragraph.
  const following = lines[index + 1]?.trim() ?? '';
  if (following !== '') {
    if (CONTINUATION.test(following)) return null;
    // In blank-line text, a first line filled to the wrap width is wrapped prose, not a headline.
    if (rest.blocks > 1 && line.length <= MAX_WRAP_WIDTH && rest.width > 0 && isFullLine(line, following, rest.width)) return null;
  }
  return { title: line.replace(/\s+/g, ' '), next: index + 1 };
}

/**
 * What follows the candidate, in one pass without copying: how many blank-line blocks (0, 1 or
 * more), and the wrap width of the first block and of every block of more than one line.
 */
function shapeAfter(lines: string[], from: number): { blocks: number; width: number } {
  let blocks = 0;
  let width = 0;
  let size = 0;
  let longest = 0;
  const close = () => {
    if (size === 0) return;
    if (blocks === 0 || size > 1) width = Math.max(width, longest);
    blocks++;
    size = 0;
    longest = 0;
  };
  for (let i = from; i < lines.length; i++) {
    const length = trimmedLength(lines[i]);
    if (length === 0) close();
    else {
      size++;
      if (length <= MAX_WRAP_WIDTH && length > longest) longest = length;
    }
  }
  close();
  return { blocks, width };
}

/** The length of the line without its leading and trailing spaces, without copying it. */
function trimmedLength(line: string): number {
  let start = 0;
  let end = line.length;
  while (start < end && line.charCodeAt(start) <= 32) start++;
  while (end > start && line.charCodeAt(end - 1) <= 32) end--;
  return end - start;
}
