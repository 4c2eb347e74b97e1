import { WordSet, isLetterAt, lowerSlice } from './chars';
import type { Qualifier } from '../types';

/** Words before a figure that say how exact it is: "about 200", "more than 300", "bis zu 2,5 Millionen". */
const PHRASES: Record<Exclude<Qualifier, 'exact'>, string[]> = {
  about: [
    'about', 'around', 'roughly', 'approximately', 'approx.', 'some', 'an estimated', 'estimated', 'circa', 'c.',
    'an average of', 'on average',
    'rund', 'etwa', 'ungefähr', 'zirka', 'circa', 'schätzungsweise', 'gut', 'geschätzt',
    'environ', 'quelque', 'quelques', 'autour de', 'aux alentours de', 'approximativement', 'quelque',
    'unos', 'unas', 'alrededor de', 'alrededor del', 'aproximadamente', 'en torno a', 'en torno al', 'cerca de', 'cerca del',
    'casi unos',
  ],
  over: [
    'over', 'more than', 'above', 'in excess of', 'upwards of', 'exceeding', 'well over', 'just over', 'nearly over',
    'mehr als', 'über', 'knapp über', 'plus de', 'au-delà de', 'más de', 'más del', 'por encima de', 'por encima del',
  ],
  under: [
    'under', 'fewer than', 'less than', 'below', 'just under', 'weniger als', 'unter', 'moins de', 'menos de',
    'por debajo de', 'por debajo del', 'menos del',
  ],
  'up-to': ['up to', 'as many as', 'as much as', 'bis zu', 'jusqu’à', "jusqu'à", 'hasta', 'hasta unos'],
  'at-least': ['at least', 'no fewer than', 'no less than', 'mindestens', 'wenigstens', 'au moins', 'al menos', 'por lo menos'],
  nearly: ['nearly', 'almost', 'close to', 'just short of', 'fast', 'beinahe', 'knapp', 'nahezu', 'près de', 'presque', 'casi', 'casi el'],
};

// "just under" reads as nearly, not as under.
const OVERRIDES: Record<string, Qualifier> = { 'just under': 'nearly', 'nearly over': 'nearly' };

const LOOKUP = new Map<string, Qualifier>();
for (const [qualifier, phrases] of Object.entries(PHRASES) as [Qualifier, string[]][]) {
  for (const p of phrases) LOOKUP.set(p, OVERRIDES[p] ?? qualifier);
}
const MAX_PHRASE_WORDS = Math.max(...[...LOOKUP.keys()].map((p) => p.split(' ').length));
// The last word of every phrase: a figure whose previous word is none of these has no qualifier.
const LAST_WORDS = new WordSet([...LOOKUP.keys()].map((p) => p.split(' ').pop()!));

export interface FoundQualifier {
  qualifier: Qualifier;
  /** Where the qualifier starts in the text. */
  index: number;
}

// Cheap looks before a lookup: lower-casing keeps a length (except for "İ", which no phrase contains), so a
// candidate of another length cannot be one of them.
const PHRASE_LENGTHS = new Set([...LOOKUP.keys()].map((p) => p.length));
// For each last word, the lengths of the phrases ending in it.
const LENGTHS_BY_LAST_WORD = new Map<string, Set<number>>();
for (const p of LOOKUP.keys()) {
  const last = p.slice(p.lastIndexOf(' ') + 1);
  const lengths = LENGTHS_BY_LAST_WORD.get(last) ?? new Set<number>();
  lengths.add(p.length);
  LENGTHS_BY_LAST_WORD.set(last, lengths);
}
// Scratch: where the last few words start, nearest first.
const starts: number[] = [];

/** The qualifier right before the figure starting at `figureStart`, if any. */
export function findQualifier(text: string, figureStart: number): FoundQualifier | null {
  // Phrases are short: a window of the last few dozen characters is enough.
  const lo = Math.max(0, figureStart - 40);
  let end = figureStart;
  while (end > lo && text.charCodeAt(end - 1) === 32) end--;
  if (end === figureStart || end === lo) return null;
  let afterSpace = end - 1;
  while (afterSpace >= lo && text.charCodeAt(afterSpace) !== 32) afterSpace--;
  afterSpace++;
  let wordStart = afterSpace;
  while (wordStart < end && !isLetterAt(text, wordStart)) wordStart++;
  if (!LAST_WORDS.mayHave(text, wordStart, end)) return null;
  const lastWord = lowerSlice(text, wordStart, end);
  if (!LAST_WORDS.has(lastWord)) return null;
  // Start positions of the last few words, nearest first; the word cut by the window's edge counts from the edge.
  let count = 0;
  for (let to = end; count < MAX_PHRASE_WORDS && to > lo; ) {
    let space = to - 1;
    while (space >= lo && text.charCodeAt(space) !== 32) space--;
    starts[count++] = space + 1 > lo ? space + 1 : lo;
    if (space < lo) break;
    to = space;
  }
  // A longer candidate ends in the same last word (unless that word had something before its first letter): only
  // the lengths of phrases ending in it can match.
  const lengths = wordStart === afterSpace ? (LENGTHS_BY_LAST_WORD.get(lastWord) as Set<number>) : PHRASE_LENGTHS;
  // Longest phrase first: "more than" before "than", "just under" before "under".
  for (let k = count - 1; k > 0; k--) {
    let from = starts[k];
    while (from < end && !isLetterAt(text, from)) from++;
    if (!lengths.has(end - from)) continue;
    const qualifier = LOOKUP.get(lowerSlice(text, from, end));
    if (qualifier) return { qualifier, index: from };
  }
  // The last word alone (the nearest word starts where the last word was looked for).
  const qualifier = LOOKUP.get(lastWord);
  return qualifier ? { qualifier, index: wordStart } : null;
}
