import type { Language } from '../language';
import { parseNumeral } from './numbers';
import { SCALE, scaleValue, isAbbreviatedScale, CURRENCY_PREFIX, currencyCode, PERCENT, MEASURE, measureUnit, DURATION, TIME_OF_DAY, ORDINAL_SUFFIX } from './units';
import { findQualifier } from './qualifiers';
import {
  DAY_BEFORE_MONTH, isAfterMonth, isYear, isAgeBefore, isRankBefore, AGE_AFTER,
  NAME_PAREN_BEFORE, EVENT_BEFORE, EVENT_AFTER, STANDARD_EVENT_DISTANCES, RATIO_OR_SCORE_AFTER, isRatioOrScoreEnd, isNamedNumber,
  isDesignatedNumber, APPOSITION_BEFORE, AGE_RANGE_BEFORE, SLASH_AFTER, DOTTED_AFTER, isRateBase, precedingWords,
} from './exclusions';
import { type Reading, stickyAt, isAt, readUnitAfter } from './reading';

/** A number written in digits, with its sign, currency, scale word, unit and qualifier. */

// Scale words only one language uses ("mil" is Spanish, "mille" and "Md" French).
const LANGUAGE_SCALES: Record<string, Language> = { mil: 'es', mille: 'fr', milliers: 'fr', Md: 'fr', Mds: 'fr' };
// After "30m" a plural noun means millions ("30m people"); anything else means metres ("30m high").
const COUNTED_NOUN = /\s?(\p{Ll}+s)\b/uy;
const NOT_COUNTED = new Set('is was has as its this across always perhaps plus towards us thus'.split(' '));
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
// Groups that are themselves defined by age: "children under 12 receive…" is always an age limit.
const YOUNG_GROUPS = new Set('children kids babies infants toddlers teenagers youngsters pupils'.split(' '));
// "visitors under 18", "people over 65": who an age limit applies to, and how the phrase ends.
const AGE_GROUPS = new Set(
  (
    'people children visitors those anyone everyone adults women men voters patients residents players pupils ' +
    'students teenagers drivers workers kids youngsters pensioners customers users applicants girls boys babies ' +
    'infants passengers fans citizens'
  ).split(' '),
);
const AGE_LIMIT_END = /\s?(?:[,.;:)]|$|\s(?:and|or|who|are|were|will|can|to)\b)/uy;
const SCORE_OR_RANGE = /[-–]\d/y;
const CLOCK = /[:h]\d/y;
const GERMAN_ORDINAL = /\.\s+\p{Ll}/uy;
const COMPOUND = /-\p{L}/uy;
const STRONG = /-strong\b/y;
const NAME_END = /\s?[,)]/y;
const MINUS_WORD = /(?:^|\s)minus\s$/i;

/** Reads the numeral at [numberStart, numberEnd) and what surrounds it; null when it is not a figure. */
export function readDigitFigure(
  text: string,
  raw: string,
  numberStart: number,
  numberEnd: number,
  language: Language,
  decimalComma: boolean,
): Reading | null {
  const before = text[numberStart - 1] ?? '';
  const twoBefore = text[numberStart - 2] ?? '';
  // Codes, fractions and clock times ("C/2025", "24/7", "#1", "10:30").
  if ('/#№+\'’:'.includes(before) && before !== '') return null;
  // Versions and lists glued together: "v2.1.3", "1,2".
  if ((before === '.' || before === ',') && LETTER_OR_DIGIT.test(twoBefore)) return null;
  let negative = false;
  let start = numberStart;
  if (before === '-' || before === '−' || before === '–') {
    // The second half of "COVID-19" or "2-0".
    if (LETTER_OR_DIGIT.test(twoBefore) || before === '–') return null;
    // A minus sign, not a dash: "-12C", "−3.5%".
    negative = true;
    start--;
  }

  if (isAt(TIME_OF_DAY, text, numberEnd) || isAt(CLOCK, text, numberEnd) || isAt(AGE_AFTER, text, numberEnd)) return null;
  // "1 in 4", "160 for 3", "2-0", "2019-20", "10-15": ratios, scores, seasons and ranges.
  if (isAt(RATIO_OR_SCORE_AFTER, text, numberEnd) || isAt(SCORE_OR_RANGE, text, numberEnd)) return null;
  // The words before the number, read once for every check below.
  const wordsBeforeNumber = precedingWords(text, start);
  if (isRatioOrScoreEnd(wordsBeforeNumber) || isAt(SLASH_AFTER, text, numberEnd) || isAt(DOTTED_AFTER, text, numberEnd)) return null;

  const scaleMatch = stickyAt(SCALE, text, numberEnd);
  const fractional = scaleMatch !== null || isAt(PERCENT, text, numberEnd);
  let value = parseNumeral(raw, decimalComma, fractional);
  let unit: string | null = null;
  let end = numberEnd;

  // Currency written before the digits: "$1.8bn", "C$600m", "USD 5m".
  const prefix = CURRENCY_PREFIX.exec(text.slice(Math.max(0, start - 6), start));
  if (prefix) {
    const prefixStart = start - prefix[0].length;
    const charBeforePrefix = text[prefixStart - 1] ?? ' ';
    if (!LETTER_OR_DIGIT.test(charBeforePrefix) || /^[$€£¥₹₩₽₺]/u.test(prefix[1])) {
      unit = currencyCode(prefix[1]);
      start = prefixStart;
    }
  }
  if (!negative && MINUS_WORD.test(text.slice(Math.max(0, start - 7), start))) {
    negative = true;
    start -= 6;
  }

  // Scale: "$1.8bn", "2,5 Millionen", "7.54 million".
  if (scaleMatch && acceptScale(text, scaleMatch, unit !== null, language)) {
    value *= scaleValue(scaleMatch[1] ?? scaleMatch[2], language);
    end = numberEnd + scaleMatch[0].length;
  }

  if (end === numberEnd && LETTER.test(text[end] ?? '')) {
    // Letters glued to the digits: a unit ("47.4C", "146mm"), or an ordinal, a decade or a code ("18th", "1980s", "5G").
    if (isAt(ORDINAL_SUFFIX, text, end)) return null;
    if (!readUnitAfter(text, end, language)) return null;
  }
  // German ordinals: "der 4. Platz" (a date, "4. Juni", is caught below).
  if (end === numberEnd && language === 'de' && isAt(GERMAN_ORDINAL, text, end)) return null;

  if (!unit) {
    const after = readUnitAfter(text, end, language);
    if (after) {
      unit = after.unit;
      value *= after.factor;
      end = after.end;
    }
  }

  // Hyphenated compounds: "a 1.5-metre-long tortoise" measures and "a 1,000-strong crowd" counts;
  // "a 3-year contract", "a 12-member panel" do not count.
  if (end === numberEnd && isAt(COMPOUND, text, end)) {
    if (!isAt(STRONG, text, end)) {
      const measure = stickyAt(MEASURE, text, end + 1);
      if (!measure || measure[0].startsWith(' ')) return null;
      unit = measureUnit(measure[1]);
      end = MEASURE.lastIndex;
    }
  }

  const bare = unit === null && end === numberEnd;
  if (unit === null) {
    if (isAt(DURATION, text, end)) return null;
    if (end === numberEnd && isYear(value, raw)) return null;
  }
  const head = text.slice(Math.max(0, start - 24), start);
  if ((unit === null || (unit !== '%' && !/^[A-Z]{3}$/.test(unit))) && isRateBase(wordsBeforeNumber)) return null;
  if (bare) {
    if (value <= 31 && Number.isInteger(value) && (isAt(DAY_BEFORE_MONTH, text, end) || isAfterMonth(wordsBeforeNumber))) return null;
    if (isRankBefore(wordsBeforeNumber) || isAgeBefore(wordsBeforeNumber) || isDesignatedNumber(text, start, end)) return null;
    const near = text.slice(Math.max(0, start - 28), start);
    if (near.includes('age') && AGE_RANGE_BEFORE.test(near)) return null;
    // "Harker, 47," "a woman, 52, who" and "Harker (47)": an age after a person.
    if (value < 130 && isAt(NAME_END, text, end) && (APPOSITION_BEFORE.test(head) || NAME_PAREN_BEFORE.test(head))) return null;
    if (/^\d+$/.test(raw) && isNamedNumber(text, start)) return null;
  }
  // "the men's 100 metres" is an event, not a distance.
  // So is "the 60 metres title" or "the 400m final".
  if (unit === 'm' && STANDARD_EVENT_DISTANCES.has(value) && (EVENT_BEFORE.test(head) || isAt(EVENT_AFTER, text, end))) return null;

  const q = findQualifier(text, start);
  // "visitors under 18", "people over 65": an age limit after a group of people, not a count.
  if (q && (q.qualifier === 'under' || q.qualifier === 'over') && bare && value < 100 && isAt(AGE_LIMIT_END, text, end)) {
    const group = precedingWords(text, q.index);
    if (group.length && AGE_GROUPS.has(group[group.length - 1])) return null;
  }
  // "children under 12 receive a roll": whatever follows, a limit on a group defined by age is an age.
  if (q && q.qualifier === 'under' && bare && value <= 21 && Number.isInteger(value)) {
    const group = precedingWords(text, q.index);
    if (group.length && YOUNG_GROUPS.has(group[group.length - 1])) return null;
  }
  return {
    start,
    end,
    value: negative ? -value : value,
    unit,
    qualifier: q ? q.qualifier : 'exact',
    qualifierStart: q ? q.index : null,
  };
}

/** "£580m" is millions, "30m high" is metres; "bn" is always billions; "mil" only in Spanish. */
function acceptScale(text: string, scale: RegExpExecArray, hasCurrency: boolean, language: Language): boolean {
  const word = scale[1] ?? scale[2];
  if (LANGUAGE_SCALES[word] && LANGUAGE_SCALES[word] !== language) return false;
  if (!isAbbreviatedScale(word)) return true;
  const attached = !scale[0].startsWith(' ');
  if (!attached && word.length === 1) return false;
  if (hasCurrency) return true;
  if (/^[bBM]$/.test(word)) return false;
  if (/^[mkK]$/.test(word)) {
    const after = scale.index + scale[0].length;
    // "1.2m SEK", "30m euros": a currency after the scale makes it money.
    const unit = readUnitAfter(text, after, language);
    if (unit && unit.factor === 1 && /^[A-Z]{3}$/.test(unit.unit)) return true;
    const noun = stickyAt(COUNTED_NOUN, text, after);
    return noun !== null && !NOT_COUNTED.has(noun[1]);
  }
  return true;
}
