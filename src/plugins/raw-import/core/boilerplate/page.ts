import type { BoilerplateKind } from '../types';
import { findHeadline } from '../split/title';
import { buildNumberedParagraphs } from '../split/paragraphs';

/** One paragraph of the article part of a page: prose (kind null) or debris of a named kind. */
export interface PageLine {
  text: string;
  /** 0-based line index in the text. */
  line: number;
  kind: BoilerplateKind | null;
}

export interface Page {
  title: string | null;
  byline: string | null;
  lines: PageLine[];
}

/** The article part of a page (everything before the teaser block): headline, byline, prose and debris. */
export function readPage(lines: string[]): Page {
  const headline = findHeadline(lines);
  const start = headline ? headline.next : 0;
  const paragraphs = buildNumberedParagraphs(lines.slice(start), start);
  return {
    title: headline ? headline.title : null,
    byline: null,
    lines: paragraphs.map((p) => ({ ...p, kind: null })),
  };
}
