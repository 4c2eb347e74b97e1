import { normalizeRawText } from './normalize';
import { findTeaserBlock } from './teasers';
import { findHeadline } from './title';
import { buildParagraphs } from './paragraphs';
import { extractFigures } from '../figures/figures';
import { refuse } from './refusals';
import type { SplitResult } from '../types';

export interface SplitOptions {
  /** Extract figures from the body (default true). */
  figures?: boolean;
}

/** Raw scraped text → headline, body paragraphs, teasers for other stories, and the figures in the body. */
export function splitRawText(text: string, options: SplitOptions = {}): SplitResult {
  if (text.includes('\0')) throw refuse('binary');
  const normalized = normalizeRawText(text);
  if (normalized.trim() === '') throw refuse('empty');

  const lines = normalized.split('\n');
  const block = findTeaserBlock(lines);
  const articleLines = block ? lines.slice(0, block.start) : lines;
  const headline = findHeadline(articleLines);
  const body = buildParagraphs(headline ? articleLines.slice(headline.next) : articleLines);
  if (body.length === 0) throw refuse('no-body');

  return {
    title: headline ? headline.title : null,
    body,
    teasers: block ? block.teasers : [],
    figures: options.figures === false ? [] : extractFigures(body),
    dropped: block ? block.dropped : [],
  };
}
