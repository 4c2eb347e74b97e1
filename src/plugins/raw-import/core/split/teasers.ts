import { collapseSpaces } from './normalize';
import { findCutOff } from './markers';
import { isTeaserHeader, looksLikeHeader } from './headers';
import { debrisKind } from '../boilerplate/lines';
import type { Teaser } from '../types';

/** The trailing block of teasers for other stories, found on the lines of a normalized text. */
export interface TeaserBlock {
  /** Index of the block's first line (a header or the first cut-off teaser); the body ends before it. */
  start: number;
  teasers: Teaser[];
  /** Header lines of the block ("Related", "Read more:"): neither body nor teaser. */
  dropped: string[];
}

// A teaser is a one-line lead; anything longer is article text, whatever its ending.
const MIN_LENGTH_BUDGET = 150;
// No teaser is longer than this, whatever the others look like.
const MAX_TEASER_CHARS = 200;
// A lone cut-off line longer than this, holding more than one sentence, is a paragraph trailing off.
const MAX_LONE_TEASER_CHARS = 130;
const INNER_SENTENCE_END = /[\p{Ll}\p{N}%)"”’][.!?]["”’]? \p{Lu}/u;
const LENGTH_BUDGET_FACTOR = 1.35;
const UNCUT_FACTOR = 1.2;
// A teaser is a headline-like line: it starts like a sentence, not like a wrapped continuation.
const HEADLINE_START = /^["'“‘«¿¡(]?[\p{Lu}\p{N}]/u;

interface LineFacts {
  index: number;
  text: string;
  cutOff: string | null;
  header: boolean;
}

const MIN_PROSE_CHARS = 60;
const SENTENCE_END = /[.!?]["”’»)]?$/u;

/**
 * Finds where the teaser block starts: the earliest cut-off line (or header) after which every line
 * reads as a teaser. The body never resumes after the block starts.
 */
export function findTeaserBlock(lines: string[]): TeaserBlock | null {
  const facts: LineFacts[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].trim();
    if (text === '') continue;
    const cut = findCutOff(text);
    facts.push({ index: i, text, cutOff: cut ? cut.text : null, header: isTeaserHeader(text) });
  }
  const n = facts.length;
  if (n === 0) return null;

  // Suffix tallies over the teaser lines (headers excluded) from each position to the end.
  const cutCount = new Int32Array(n + 1);
  const plainCount = new Int32Array(n + 1);
  const plainBadStart = new Int32Array(n + 1);
  const plainSentences = new Int32Array(n + 1);
  const cutLengthSum = new Float64Array(n + 1);
  const maxLength = new Int32Array(n + 1);
  const maxCutLength = new Int32Array(n + 1);
  for (let k = n - 1; k >= 0; k--) {
    const f = facts[k];
    cutCount[k] = cutCount[k + 1];
    plainCount[k] = plainCount[k + 1];
    plainBadStart[k] = plainBadStart[k + 1];
    plainSentences[k] = plainSentences[k + 1];
    cutLengthSum[k] = cutLengthSum[k + 1];
    maxLength[k] = maxLength[k + 1];
    maxCutLength[k] = maxCutLength[k + 1];
    if (f.header) continue;
    if (f.cutOff !== null) {
      cutCount[k]++;
      cutLengthSum[k] += f.text.length;
      if (f.text.length > maxCutLength[k]) maxCutLength[k] = f.text.length;
    } else {
      plainCount[k]++;
      if (!HEADLINE_START.test(f.text)) plainBadStart[k]++;
      if (f.text.length >= MIN_PROSE_CHARS && SENTENCE_END.test(f.text)) plainSentences[k]++;
    }
    if (f.text.length > maxLength[k]) maxLength[k] = f.text.length;
  }

  const readsAsTeasers = (from: number, knownHeader: boolean): boolean => {
    const cuts = cutCount[from];
    const plains = plainCount[from];
    if (cuts + plains === 0) return false;
    // Most lines of a teaser block are cut off; a known header may introduce uncut ones.
    if (!knownHeader && (cuts === 0 || cuts < plains)) return false;
    if (plainBadStart[from] > 0) return false;
    // An inline "Read also" box inside the article: after it, the story goes on in full sentences.
    if (plainSentences[from] > 0 && cuts <= plains) return false;
    const typical = cuts > 0 ? cutLengthSum[from] / cuts : MIN_LENGTH_BUDGET;
    if (maxLength[from] > MAX_TEASER_CHARS) return false;
    return maxLength[from] <= Math.max(MIN_LENGTH_BUDGET, LENGTH_BUDGET_FACTOR * typical);
  };

  // A block opens on two cut-off lines in a row; an uncut line right after the first one must be
  // teaser-sized, or the first "teaser" was a quote trailing off mid-article.
  const opensBlock = (k: number): boolean => {
    let next = k + 1;
    while (next < n && facts[next].header) next++;
    if (next === n) {
      // A single cut-off line closing the text: a teaser, unless it reads as a paragraph trailing off.
      const text = facts[k].text;
      return text.length <= MAX_LONE_TEASER_CHARS || !INNER_SENTENCE_END.test(text);
    }
    if (facts[next].cutOff !== null || next > k + 1) return true;
    return facts[next].text.length <= UNCUT_FACTOR * maxCutLength[k];
  };

  for (let k = 0; k < n; k++) {
    const f = facts[k];
    let accepted = false;
    if (f.header) accepted = readsAsTeasers(k + 1, true);
    else if (f.cutOff !== null) accepted = readsAsTeasers(k, false) && opensBlock(k);
    else if (looksLikeHeader(f.text) && debrisKind(f.text) === null) {
      // An unknown label must sit right on top of a block that opens by itself (a copyright line is not one).
      accepted = k + 1 < n && facts[k + 1].cutOff !== null && readsAsTeasers(k + 1, false) && opensBlock(k + 1);
    }
    if (accepted) return collectBlock(facts.slice(k));
  }
  return null;
}

function collectBlock(blockFacts: LineFacts[]): TeaserBlock {
  const teasers: Teaser[] = [];
  const dropped: string[] = [];
  blockFacts.forEach((f, position) => {
    // A short label we do not know ("Top picks:") counts as a header only where it opens the block.
    if (f.header || (position === 0 && f.cutOff === null)) dropped.push(collapseSpaces(f.text));
    else if (f.cutOff !== null) teasers.push({ text: collapseSpaces(f.cutOff), truncated: true });
    else teasers.push({ text: collapseSpaces(f.text), truncated: false });
  });
  return { start: blockFacts[0].index, teasers, dropped };
}
