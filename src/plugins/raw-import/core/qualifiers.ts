import type { Qualifier } from './types';

/** Words before a figure that say how exact it is: "about 200", "more than 300", "bis zu 2,5 Millionen". */
const PHRASES: Record<Exclude<Qualifier, 'exact'>, string[]> = {
  about: [
    'about', 'around', 'roughly', 'approximately', 'approx.', 'some', 'an estimated', 'estimated', 'circa', 'c.',
    'an average of', 'on average',
    'rund', 'etwa', 'ungefähr', 'zirka', 'circa', 'schätzungsweise', 'gut', 'geschätzt',
    'environ', 'quelque', 'quelques', 'autour de', 'aux alentours de', 'approximativement', 'quelque',
    'unos', 'unas', 'alrededor de', 'aproximadamente', 'en torno a', 'cerca de', 'casi unos',
  ],
  over: [
    'over', 'more than', 'above', 'in excess of', 'upwards of', 'exceeding', 'well over', 'just over', 'nearly over',
    'mehr als', 'über', 'knapp über', 'plus de', 'au-delà de', 'más de', 'por encima de',
  ],
  under: [
    'under', 'fewer than', 'less than', 'below', 'just under', 'weniger als', 'unter', 'moins de', 'menos de',
    'por debajo de',
  ],
  'up-to': ['up to', 'as many as', 'as much as', 'bis zu', 'jusqu’à', "jusqu'à", 'hasta', 'hasta unos'],
  'at-least': ['at least', 'no fewer than', 'no less than', 'mindestens', 'wenigstens', 'au moins', 'al menos', 'por lo menos'],
  nearly: ['nearly', 'almost', 'close to', 'just short of', 'fast', 'beinahe', 'knapp', 'nahezu', 'près de', 'presque', 'casi'],
};

// "just under" reads as nearly, not as under.
const OVERRIDES: Record<string, Qualifier> = { 'just under': 'nearly', 'nearly over': 'nearly' };

const LOOKUP = new Map<string, Qualifier>();
for (const [qualifier, phrases] of Object.entries(PHRASES) as [Qualifier, string[]][]) {
  for (const p of phrases) LOOKUP.set(p, OVERRIDES[p] ?? qualifier);
}
const alternatives = [...LOOKUP.keys()]
  .sort((a, b) => b.length - a.length)
  .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
  .join('|');
// Anchored at the end of the text before the figure.
const BEFORE_FIGURE = new RegExp(String.raw`(?<![\p{L}])(${alternatives})\s*$`, 'iu');
export const QUALIFIER_WINDOW = 32;

export interface FoundQualifier {
  qualifier: Qualifier;
  /** Where the qualifier starts, relative to the text searched. */
  index: number;
}

/** The qualifier right before a figure, if any. `before` is the text up to the figure. */
export function findQualifier(before: string): FoundQualifier | null {
  const match = BEFORE_FIGURE.exec(before);
  if (!match) return null;
  const phrase = match[1].toLowerCase().replace(/\s+/g, ' ');
  return { qualifier: LOOKUP.get(phrase) ?? 'about', index: match.index };
}
