import { normalizeRawText } from './normalize';
import { findTeaserBlock } from './teasers';
import { refuse, refuseTooMany } from './refusals';
import { readPage, type PageLine } from '../boilerplate/page';
import { extractFigures } from '../figures/figures';
import type { Boilerplate, LineOverrides, SplitResult } from '../types';

const WORD = /[\p{L}\p{N}]/u;

/** What one article may hold at most: the cost of writing it grows with both. None when absent. */
export interface SplitLimits {
  /** Paragraphs of the text: body, page debris and teasers together. */
  maxParagraphs?: number;
  /** Figures found in the body. */
  maxFigures?: number;
}

export interface SplitOptions extends SplitLimits {
  /** Extract figures from the body (default true). */
  figures?: boolean;
  /** An editor's corrections from the preview: set-aside lines to keep, body lines to set aside. */
  overrides?: LineOverrides;
}

/**
 * Raw scraped text → headline, byline, body paragraphs, page debris set aside, teasers for other
 * stories, and the figures in the body.
 */
export function splitRawText(text: string, options: SplitOptions = {}): SplitResult {
  const { maxParagraphs = Infinity, maxFigures = Infinity } = options;
  if (text.includes('\0')) throw refuse('binary');
  const normalized = normalizeRawText(text);
  if (normalized.trim() === '') throw refuse('empty');

  const lines = normalized.split('\n');
  const block = findTeaserBlock(lines);
  const page = readPage(block ? lines.slice(0, block.start) : lines);
  const paragraphs = page.lines.length + (block ? block.teasers.length : 0);
  if (paragraphs > maxParagraphs) throw refuseTooMany('paragraphs', paragraphs, maxParagraphs);
  const { body, bodyLines, boilerplate } = applyOverrides(page.lines, options.overrides);
  // Paragraphs without a word ("…", "...", "[…]") are no body either.
  if (!body.some((paragraph) => WORD.test(paragraph))) throw refuse('no-body');
  const figures = options.figures === false ? [] : extractFigures(body);
  if (figures.length > maxFigures) throw refuseTooMany('figures', figures.length, maxFigures);

  return {
    title: page.title,
    byline: page.byline,
    body,
    bodyLines,
    boilerplate,
    teasers: block ? block.teasers : [],
    figures,
    dropped: block ? block.dropped : [],
  };
}

/** Sorts the page's lines into body and boilerplate, after the editor's corrections. */
function applyOverrides(lines: PageLine[], overrides: LineOverrides = {}) {
  const keep = new Set(overrides.keep ?? []);
  const setAside = new Set(overrides.setAside ?? []);
  const body: string[] = [];
  const bodyLines: number[] = [];
  const boilerplate: Boilerplate[] = [];
  for (const { text, line, kind } of lines) {
    const number = line + 1;
    if (kind === null ? setAside.has(number) : !keep.has(number)) {
      boilerplate.push({ text, kind: kind ?? 'editor', line: number });
    } else {
      body.push(text);
      bodyLines.push(number);
    }
  }
  return { body, bodyLines, boilerplate };
}
