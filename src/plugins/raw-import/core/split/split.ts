import { normalizeRawText } from './normalize';
import { findTeaserBlock } from './teasers';
import { refuse } from './refusals';
import { readPage, type PageLine } from '../boilerplate/page';
import { extractFigures } from '../figures/figures';
import type { Boilerplate, LineOverrides, SplitResult } from '../types';

export interface SplitOptions {
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
  if (text.includes('\0')) throw refuse('binary');
  const normalized = normalizeRawText(text);
  if (normalized.trim() === '') throw refuse('empty');

  const lines = normalized.split('\n');
  const block = findTeaserBlock(lines);
  const page = readPage(block ? lines.slice(0, block.start) : lines);
  const { body, bodyLines, boilerplate } = applyOverrides(page.lines, options.overrides);
  if (body.length === 0) throw refuse('no-body');

  return {
    title: page.title,
    byline: page.byline,
    body,
    bodyLines,
    boilerplate,
    teasers: block ? block.teasers : [],
    figures: options.figures === false ? [] : extractFigures(body),
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
