import type { Figure } from '../../../core/types';

/** A run of paragraph text; `figure` is the index (into SplitResult.figures) of the figure it shows, if any. */
export interface ParagraphSegment {
  text: string;
  figure?: number;
}

interface Span {
  start: number;
  end: number;
  figure: number;
}

const overlaps = (spans: Span[], start: number, end: number) =>
  spans.some((span) => start < span.end && span.start < end);

/** The first place `display` occurs at or after `from` without overlapping a span already marked. */
function findFree(paragraph: string, display: string, from: number, spans: Span[]): number {
  for (let at = paragraph.indexOf(display, from); at >= 0; at = paragraph.indexOf(display, at + 1)) {
    if (!overlaps(spans, at, at + display.length)) return at;
  }
  return -1;
}

/**
 * Cuts one body paragraph into plain and marked runs, so each figure found in it can be highlighted
 * where it is written. Figures come in reading order, so each is looked for after the previous one
 * first ("12 boats and 12 trucks" marks both twelves), then anywhere still unmarked.
 */
export function markFigures(paragraph: string, paragraphIndex: number, figures: Pick<Figure, 'display' | 'paragraph'>[]): ParagraphSegment[] {
  const spans: Span[] = [];
  let cursor = 0;

  figures.forEach((figure, index) => {
    if (figure.paragraph !== paragraphIndex || !figure.display) return;
    let at = findFree(paragraph, figure.display, cursor, spans);
    if (at < 0) at = findFree(paragraph, figure.display, 0, spans);
    if (at < 0) return; // the splitter normalised the text differently: list it in the table only
    spans.push({ start: at, end: at + figure.display.length, figure: index });
    cursor = at + figure.display.length;
  });

  spans.sort((a, b) => a.start - b.start);
  const segments: ParagraphSegment[] = [];
  let position = 0;
  for (const span of spans) {
    if (span.start > position) segments.push({ text: paragraph.slice(position, span.start) });
    segments.push({ text: paragraph.slice(span.start, span.end), figure: span.figure });
    position = span.end;
  }
  if (position < paragraph.length) segments.push({ text: paragraph.slice(position) });
  return segments;
}
