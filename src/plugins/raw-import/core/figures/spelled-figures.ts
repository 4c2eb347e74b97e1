import type { Language } from '../language';
import { readSpelledNumber, isNumberWord } from './number-words';
import { countsOne } from './one-counts';
import { scaleAt, scaleValue, DURATION, DURATION_OPENING } from './units';
import { findQualifier } from './qualifiers';
import { isRankBefore, precedingWords } from './exclusions';
import { isAgeBefore, AGE_AFTER, AGE_AFTER_OPENING } from './ages';
import { CharSet, Opening, isSpaceCode } from './chars';
import { type Reading, stickyAt, isAt, readUnitAfter } from './reading';

/** A number written in words: "three skiers", "a dozen shops", "two million people", "drei Menschen". */

// "the two airlines", "les deux pays": a group already counted earlier in the story.
const DEFINITE_BEFORE = /(?:^|[^\p{L}])(?:the|these|those|all|both|die|den|der|diese|les|ces|los|las|estos|estas)\s+$/iu;
// The last letters of those words and of RATIO_BEFORE's ("in", "of", "every", "von", "sur", "cada"), either case.
const DEFINITE_ENDS = new CharSet('eslhnrESLHNRſ');
const RATIO_ENDS = new CharSet('nfyraNFYRA');
/**
 * DEFINITE_BEFORE or RATIO_BEFORE (a word, then `\s+$`, in the last 12 characters or fewer) may match the text
 * before `start`: spaces there, after one of `ends`.
 */
function mayEndWithSpaceAfter(text: string, start: number, ends: CharSet): boolean {
  const lo = Math.max(0, start - 12);
  let i = start - 1;
  if (!isSpaceCode(text.charCodeAt(i))) return false;
  while (i > lo && isSpaceCode(text.charCodeAt(i - 1))) i--;
  return i > lo && ends.has(text.charCodeAt(i - 1));
}
// "two-year", "three-match", "five-point": compounds, not counts.
const COMPOUND = /[-–]\p{L}/uy;
const RATIO_BEFORE = /(?:^|[^\p{L}])(?:one|1|eins?|un|une|uno|una)\s+(?:in|out of|of every|von|sur|de cada)\s+$/iu;
const RATIO_AFTER = /\s+(?:in|out of|of every|de cada|sur|von)\s+(\d|\p{L}+)/uy;
// "two thirds", "zwei Drittel", "deux tiers", "dos tercios": a fraction, not a count.
const FRACTION_AFTER = /\s(?:thirds?|quarters?|fifths?|tenths?|halves|Drittel|Viertel|Fünftel|Zehntel|tiers|quarts|cinquièmes|dixièmes|tercios?|cuartos?|quintos?)(?![\p{L}])/uy;
const FRACTION_OPENING = new Opening('', 'tqfhDVFZcd');
const RATIO_AFTER_OPENING = new Opening('', 'iodsv', 'spaces');
// "einige hundert", "mehrere tausend", "several thousand": a vague round number.
const VAGUE_BEFORE = /(?:^|[^\p{L}])(?:einige|mehrere|paar|some|several|few|quelques|plusieurs|varios|varias|algunos|algunas)\s$/iu;
const UPPER = /\p{Lu}/u;
const RATIO_LINKS = new Set(['in', 'sur', 'von', 'de']);
const DIGIT = /^\d/;
// "half a million": "half " is five characters.
const HALF_BEFORE = /^[hH]alf\s$/u;
const UPPER_OR_LOWER = /\p{L}/u;
// What may come before a word that opens its sentence: start, a full stop, a quote, a bracket, a dash.
const OPENING = /(?:^|[.!?:;"“”«»(\u2014\u2013-])\s*$/u;
// French "neuf" is also "new": it counts only before a plural ("neuf morts"), or a multiplier.
const PLURAL_AFTER = /\s\p{L}+[sx](?![\p{L}])/uy;

/** "nine out of ten", "4 in ten", "trois sur dix": the words before are a number and the link of a ratio. */
function isRatioBase(words: string[], language: Language): boolean {
  const n = words.length;
  const link = words[n - 1];
  const number =
    (link === 'of' && words[n - 2] === 'out') || (link === 'cada' && words[n - 2] === 'de')
      ? words[n - 3]
      : RATIO_LINKS.has(link)
        ? words[n - 2]
        : undefined;
  return number !== undefined && (/^\d+$/.test(number) || isNumberWord(number, language));
}

export interface SpelledReading {
  reading: Reading | null;
  /** Where the words of the number end: the caller's pattern resumes there. */
  end: number;
}

/** `articleStart`: where "a"/"an"/"ein"… begins right before the number, or null. */
export function readSpelledFigure(
  text: string,
  matchStart: number,
  matchEnd: number,
  language: Language,
  articleStart: number | null,
): SpelledReading {
  const number = readSpelledNumber(text, matchStart, matchEnd, language);
  if (!number) return { reading: null, end: matchEnd };
  let end = number.end;
  const none = { reading: null, end };
  // "a dozen", "an eighty-strong crowd": the figure is written from its article on; "half a million" from "half".
  const half =
    articleStart !== null && HALF_BEFORE.test(text.slice(Math.max(0, articleStart - 5), articleStart)) && !UPPER_OR_LOWER.test(text[articleStart - 6] ?? ' ');
  const start = half ? (articleStart as number) - 5 : (articleStart ?? matchStart);
  let value = half ? number.value / 2 : number.value;
  // "hundred", "million" and "dozen" stand alone only with an article ("a hundred").
  if (number.bareMultiplier && articleStart === null) return none;
  // "ein", "un", "una" are mostly articles: decide at once ("one percent" is English only, checked below).
  const one = number.one && countsOne(text, matchStart, number.end, language);
  if (number.one && !one && language !== 'en') return none;
  // "Ocean's Eleven", "the Famous Five", "Formula One": a capitalised number inside a sentence is a name.
  if (UPPER.test(text[matchStart]) && !OPENING.test(text.slice(Math.max(0, matchStart - 4), matchStart))) return none;

  const scale = scaleAt(text, end);
  if (scale && scale[2]) {
    value *= scaleValue(scale[2], language);
    end += scale[0].length;
  }
  let unit: string | null = null;
  const after = readUnitAfter(text, end, language);
  // Only whole words after a spelled number: "five percent", "ten kilometres", not "five m".
  if (after && text[end] === ' ' && after.end - end > 3) {
    unit = after.unit;
    value *= after.factor;
    end = after.end;
  }
  // "one" is mostly "one of the…", "one day", not a count; "one man was killed" and "un mort" are.
  if (number.one && !one && !(scale && scale[2]) && unit === null) return none;
  if (language === 'fr' && value === 9 && text.slice(matchStart, number.end).toLowerCase() === 'neuf') {
    if (!isAt(PLURAL_AFTER, text, end)) return none;
  }
  if (mayEndWithSpaceAfter(text, start, DEFINITE_ENDS) && DEFINITE_BEFORE.test(text.slice(Math.max(0, start - 12), start))) return none;
  // "one in five homes": a ratio, not a count.
  if (mayEndWithSpaceAfter(text, start, RATIO_ENDS) && RATIO_BEFORE.test(text.slice(Math.max(0, start - 10), start))) return none;
  const ratio = RATIO_AFTER_OPENING.at(text, end) ? stickyAt(RATIO_AFTER, text, end) : null;
  if (ratio && (DIGIT.test(ratio[1]) || isNumberWord(ratio[1].toLowerCase(), language))) return none;
  if (FRACTION_OPENING.at(text, number.end) && isAt(FRACTION_AFTER, text, number.end)) return none;
  if ((value === 100 || value === 1000) && VAGUE_BEFORE.test(text.slice(Math.max(0, start - 10), start))) return none;
  const next = text.charCodeAt(end);
  if ((next === 45 || next === 0x2013) && isAt(COMPOUND, text, end)) return none;
  if (unit === null && DURATION_OPENING.at(text, end) && isAt(DURATION, text, end)) return none;
  if (AGE_AFTER_OPENING.at(text, end) && isAt(AGE_AFTER, text, end)) return none;
  const before = precedingWords(text, start);
  if (isAgeBefore(before) || isRankBefore(before)) return none;
  // "nine out of ten", "four in ten": the base of a ratio.
  if (isRatioBase(before, language)) return none;
  const q = findQualifier(text, start);
  return { reading: { start, end, value, unit, qualifier: q ? q.qualifier : 'exact', qualifierStart: q ? q.index : null }, end };
}
