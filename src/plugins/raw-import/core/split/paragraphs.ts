import { collapseSpaces } from './normalize';
import { debrisKind } from '../boilerplate/lines';

/** Body lines → paragraphs: blank-line blocks, hard-wrapped lines joined, else one paragraph per line. */

// Hard-wrapped text is wrapped at a fixed width (usually 60–80 columns); longer lines are whole paragraphs.
export const MAX_WRAP_WIDTH = 120;
// A line that ends mid-sentence: no closing punctuation.
const CLOSED = /[.!?…:;"”’»)\]]$/u;
// "low-" + "lying": a word split by the wrapper at its hyphen.
const SPLIT_AT_HYPHEN = /\p{L}-$/u;
const STARTS_WITH_LETTER = /^\p{L}/u;

/** A paragraph and the 0-based index of the line it starts on. */
export interface NumberedParagraph {
  text: string;
  line: number;
}

interface NumberedLine {
  text: string;
  at: number;
}

/** Groups lines into blocks separated by blank lines; lines are trimmed. */
export function splitBlocks(lines: string[]): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      if (current.length) blocks.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length) blocks.push(current);
  return blocks;
}

function numberedBlocks(lines: string[], first: number): NumberedLine[][] {
  const blocks: NumberedLine[][] = [];
  let current: NumberedLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') {
      if (current.length) blocks.push(current);
      current = [];
    } else current.push({ text: line, at: first + i });
  }
  if (current.length) blocks.push(current);
  return blocks;
}
const firstWordLength = (line: string): number => {
  const space = line.indexOf(' ');
  return space === -1 ? line.length : space;
};

/** The column the text was wrapped at: its longest line among lines short enough to be wrapped ones. */
export function wrapWidth(lines: string[]): number {
  let width = 0;
  for (const line of lines) if (line.length <= MAX_WRAP_WIDTH && line.length > width) width = line.length;
  return width;
}

/** A greedy wrapper only breaks a line early when the next word would not fit. */
export function isFullLine(line: string, next: string, width: number): boolean {
  return line.length <= MAX_WRAP_WIDTH && line.length + 1 + firstWordLength(next) > width;
}

// A share bar ("Artikel teilen", "Facebook", "WhatsApp") stacks short lines that a wrapper never made.
const SHORT_LINE = 40;
const isShortDebris = (previous: string, line: string) =>
  previous.length <= SHORT_LINE && (debrisKind(previous) !== null || debrisKind(line) !== null);

/** Joins the lines of one block wherever the wrapper (not the author) broke the line. */
function joinWrapped(block: NumberedLine[], width: number): NumberedParagraph[] {
  const paragraphs: NumberedParagraph[] = [];
  let current = { text: block[0].text, line: block[0].at };
  for (let i = 1; i < block.length; i++) {
    const previous = block[i - 1].text;
    const line = block[i].text;
    if (line.length <= MAX_WRAP_WIDTH && isFullLine(previous, line, width) && !isShortDebris(previous, line)) {
      current.text += SPLIT_AT_HYPHEN.test(previous) && STARTS_WITH_LETTER.test(line) ? line : ' ' + line;
    } else {
      paragraphs.push(current);
      current = { text: line, line: block[i].at };
    }
  }
  paragraphs.push(current);
  return paragraphs;
}

/**
 * Text without blank lines is one paragraph per line, unless it is plainly hard-wrapped prose:
 * every line short, filled to the wrap width, and most breaking mid-sentence.
 */
function looksHardWrapped(lines: string[]): boolean {
  if (lines.length < 2) return false;
  const width = wrapWidth(lines);
  let open = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].length > MAX_WRAP_WIDTH) return false;
    if (i === lines.length - 1) break;
    if (!isFullLine(lines[i], lines[i + 1], width)) return false;
    if (!CLOSED.test(lines[i])) open++;
  }
  // One-line paragraphs end on punctuation; wrapped prose breaks mid-sentence on most lines.
  return open * 2 >= lines.length - 1 && open > 0;
}

/** Body lines → paragraphs, each with the line it starts on (`first` is the index of `lines[0]`). */
export function buildNumberedParagraphs(lines: string[], first = 0): NumberedParagraph[] {
  const blocks = numberedBlocks(lines, first);
  if (blocks.length === 0) return [];
  const texts = (block: NumberedLine[]) => block.map((l) => l.text);
  const single = (block: NumberedLine[]) => block.map((l) => ({ text: l.text, line: l.at }));
  let grouped: NumberedParagraph[];
  if (blocks.length === 1) {
    const [only] = blocks;
    grouped = looksHardWrapped(texts(only)) ? joinWrapped(only, wrapWidth(texts(only))) : single(only);
  } else {
    const width = wrapWidth(blocks.filter((b) => b.length > 1).flatMap(texts));
    grouped = blocks.flatMap((b) => (b.length === 1 ? single(b) : joinWrapped(b, width)));
  }
  const out: NumberedParagraph[] = [];
  for (const p of grouped) {
    const text = collapseSpaces(p.text);
    if (text !== '') out.push({ text, line: p.line });
  }
  return out;
}

export function buildParagraphs(lines: string[]): string[] {
  return buildNumberedParagraphs(lines).map((p) => p.text);
}
