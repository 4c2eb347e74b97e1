/**
 * What a new text changes in a stored article: pure comparisons, no database. The persistence
 * layer loads the stored side (`StoredContent`), the importers prepare the new side.
 */
import type { ImportChanges } from '../../../shared/contracts';
import type { Figure, Teaser } from '../../../core/types';

/** The parts of an article an import writes and a reader sees, as stored for its draft. */
export interface StoredContent {
  title: string;
  byline: string | null;
  excerpt: string | null;
  body: string[];
  teasers: Teaser[];
  figures: Figure[];
}

/** Article fields compared one by one; the body, teasers and figures are counted instead. */
const FIELDS = ['title', 'byline', 'excerpt'] as const;

const sameTeaser = (a: Teaser, b: Teaser) => a.text === b.text && Boolean(a.truncated) === Boolean(b.truncated);

// Decimal columns come back as strings on PostgreSQL: compare numbers as numbers.
const sameFigure = (a: Figure, b: Figure) =>
  Number(a.value) === Number(b.value) &&
  a.display === b.display &&
  a.qualifier === b.qualifier &&
  (a.unit ?? null) === (b.unit ?? null) &&
  a.label === b.label &&
  a.sentence === b.sentence &&
  Number(a.paragraph) === Number(b.paragraph);

/** Positions where the two lists differ, plus every item one has beyond the other's end. */
function countDifferences<T>(before: T[], after: T[], same: (a: T, b: T) => boolean): number {
  let differences = Math.abs(before.length - after.length);
  for (let i = 0; i < Math.min(before.length, after.length); i += 1) {
    if (!same(before[i], after[i])) differences += 1;
  }
  return differences;
}

export function diffContent(stored: StoredContent, incoming: StoredContent): ImportChanges {
  return {
    paragraphs: countDifferences(stored.body, incoming.body, (a, b) => a === b),
    teasers: countDifferences(stored.teasers, incoming.teasers, sameTeaser),
    figures: countDifferences(stored.figures, incoming.figures, sameFigure),
    fields: FIELDS.filter((field) => (stored[field] ?? null) !== (incoming[field] ?? null)),
  };
}

export const NO_CHANGES: ImportChanges = { paragraphs: 0, teasers: 0, figures: 0, fields: [] };

export const hasChanges = (changes: ImportChanges) =>
  changes.paragraphs > 0 || changes.teasers > 0 || changes.figures > 0 || changes.fields.length > 0;

/** A re-scrape: the story is the same, only the block of teasers (other stories) changed. */
export const onlyTeasersChanged = (changes: ImportChanges) =>
  changes.teasers > 0 && changes.paragraphs === 0 && changes.figures === 0 && changes.fields.length === 0;
