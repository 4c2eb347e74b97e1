import type { Language } from '../language';
import { parseNumeral } from './numbers';
import {
  scaleAt, scaleValue, isAbbreviatedScale, CURRENCY_PREFIX, mayEndCurrencyPrefix, currencyCode, PERCENT, PERCENT_OPENING, DURATION,
  DURATION_OPENING, TIME_OF_DAY, TIME_OF_DAY_OPENING, ORDINAL_SUFFIX, MAGNITUDE_BEFORE, isMagnitudeBefore,
} from './units';
import { findQualifier } from './qualifiers';
import {
  EVENT_BEFORE, EVENT_AFTER, STANDARD_EVENT_DISTANCES, RATIO_OR_SCORE_AFTER, RATIO_OR_SCORE_OPENING, isRatioOrScoreEnd,
  SLASH_AFTER, SLASH_OPENING, isRateBase, precedingWords, isImageCounter, isGermanOrdinal, isBareNonFigure,
} from './exclusions';
import { AGE_AFTER, AGE_AFTER_OPENING, isAgeLimit } from './ages';
import { isYear, isGermanShortDate, isTimeWithStop } from './dates';
import { readHyphenCompound, readScaleTail } from './compounds';
import { opensTally, closesTally } from './tallies';
import { type Reading, stickyAt, isAt, readUnitAfter } from './reading';
import { isDigitCode, isLetterAt, isLetterOrNumberAt, isSpaceCode } from './chars';

/** A number written in digits, with its sign, currency, scale word, unit and qualifier. */

// Scale words only one language uses ("mil" is Spanish, "mille" and "Md" French).
const LANGUAGE_SCALES: Record<string, Language> = { mil: 'es', mille: 'fr', milliers: 'fr', Md: 'fr', Mds: 'fr' };
// After "30m" a plural noun means millions ("30m people"); anything else means metres ("30m high").
const COUNTED_NOUN = /\s?(\p{Ll}+s)\b/uy;
const NOT_COUNTED = new Set('is was has as its this across always perhaps plus towards us thus'.split(' '));
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// "2-0", "10–15": a dash and a digit (SCORE_OR_RANGE = /[-–]\d/y).
const isScoreOrRangeAt = (text: string, at: number) => {
  const c = text.charCodeAt(at);
  return (c === 45 || c === 0x2013) && isDigitCode(text.charCodeAt(at + 1));
};
// "10:30", "18h30": a colon or "h" and a digit (CLOCK = /[:h]\d/y).
const isClockAt = (text: string, at: number) => {
  const c = text.charCodeAt(at);
  return (c === 58 || c === 104) && isDigitCode(text.charCodeAt(at + 1));
};
// "15.06.2024": a full stop and a digit (DOTTED_AFTER = /[.]\d/y).
const isDottedAt = (text: string, at: number) => text.charCodeAt(at) === 46 && isDigitCode(text.charCodeAt(at + 1));
// Three capital letters: an ISO currency code.
const isIsoCode = (unit: string) => {
  if (unit.length !== 3) return false;
  for (let i = 0; i < 3; i++) {
    const c = unit.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
};
const GERMAN_ORDINAL = /\.\s+\p{Ll}/uy;
const COMPOUND = /-\p{L}/uy;
const MINUS_WORD = /(?:^|\s)minus\s$/i;
/** MINUS_WORD can match only after "s " ("minus "). */
const mayFollowMinus = (text: string, start: number) =>
  isSpaceCode(text.charCodeAt(start - 1)) && (text.charCodeAt(start - 2) | 0x20) === 115;
const DIGIT = /\d/;
// "Hans Berg († 84)", "(* 1941)": a death or birth mark before the number.
const LIFE_MARKS = '†✝*';
// After "+1": another group of digits or a bracketed area code.
const MORE_DIGITS = /[ -]?[\d(]/y;

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
  if ('/#№\'’:'.includes(before) && before !== '') return null;
  // Versions and lists glued together: "v2.1.3", "1,2".
  if ((before === '.' || before === ',') && isLetterOrNumberAt(text, numberStart - 2)) return null;
  // "3 / 9": the second number of a counter; "† 84": a year or an age of death.
  if (before === ' ' ? twoBefore === '/' || LIFE_MARKS.includes(twoBefore || '_') : LIFE_MARKS.includes(before || '_')) return null;
  let negative = false;
  let start = numberStart;
  let unit: string | null = null;
  let tally = false;
  if (before === '-' || before === '−' || before === '–') {
    if (isLetterOrNumberAt(text, numberStart - 2)) {
      // "a magnitude-6.1 quake".
      if (before === '-' && MAGNITUDE_BEFORE.test(text.slice(Math.max(0, numberStart - 12), numberStart))) unit = 'magnitude';
      // "voted 6-2": both numbers count.
      else if (DIGIT.test(twoBefore) && closesTally(text, numberStart, numberEnd)) tally = true;
      // The second half of "COVID-19" or "2-0".
      else return null;
    } else {
      // A minus sign, not a dash: "-12C", "−3.5%", "(–0.3%)".
      negative = true;
      start--;
    }
  } else if (before === '+') {
    // "+1 (555) 123-4567": more digits after a plus are a phone number; "C++ 11" is a name.
    if (isLetterOrNumberAt(text, numberStart - 2) || twoBefore === '+' || isAt(MORE_DIGITS, text, numberEnd)) return null;
    // A plus sign: "(+1.4%)", "+12 seats".
    start--;
  }

  if (
    (TIME_OF_DAY_OPENING.at(text, numberEnd) && isAt(TIME_OF_DAY, text, numberEnd)) ||
    isClockAt(text, numberEnd) ||
    (AGE_AFTER_OPENING.at(text, numberEnd) && isAt(AGE_AFTER, text, numberEnd))
  ) {
    return null;
  }
  // "1 in 4", "160 for 3", "2-0", "2019-20", "10-15": ratios, scores, seasons and ranges.
  if (RATIO_OR_SCORE_OPENING.at(text, numberEnd) && isAt(RATIO_OR_SCORE_AFTER, text, numberEnd)) return null;
  if (!tally && isScoreOrRangeAt(text, numberEnd)) {
    if (!opensTally(text, numberStart, numberEnd)) return null;
    tally = true;
  }
  // The words before the number, read once for every check below.
  const wordsBeforeNumber = precedingWords(text, start);
  // "magnitude 6.1", "der Stärke 5,9", "on the Richter scale of 6".
  if (unit === null && before === ' ' && isMagnitudeBefore(wordsBeforeNumber)) unit = 'magnitude';
  if (
    isRatioOrScoreEnd(wordsBeforeNumber) ||
    (SLASH_OPENING.at(text, numberEnd) && isAt(SLASH_AFTER, text, numberEnd)) ||
    isDottedAt(text, numberEnd)
  ) {
    return null;
  }
  if (isImageCounter(wordsBeforeNumber, text, numberEnd)) return null;
  // German "bis zum 14.3.": a day and a month.
  if (language === 'de' && isGermanShortDate(text, raw, numberEnd)) return null;

  const scaleMatch = scaleAt(text, numberEnd);
  const fractional = scaleMatch !== null || (PERCENT_OPENING.at(text, numberEnd) && isAt(PERCENT, text, numberEnd));
  let value = parseNumeral(raw, decimalComma, fractional);
  let end = numberEnd;

  // Currency written before the digits: "$1.8bn", "C$600m", "USD 5m", "CHF3.5m".
  const prefix = unit === null && mayEndCurrencyPrefix(text, start) ? CURRENCY_PREFIX.exec(text.slice(Math.max(0, start - 6), start)) : null;
  if (prefix) {
    const prefixStart = start - prefix[0].length;
    const charBeforePrefix = text[prefixStart - 1] ?? ' ';
    if (!LETTER_OR_DIGIT.test(charBeforePrefix) || /^[$€£¥₹₩₽₺]/u.test(prefix[1])) {
      unit = currencyCode(prefix[1]);
      start = prefixStart;
      // A sign before the currency: "-$3.2m", "+€2bn".
      const sign = text[start - 1];
      if ((sign === '-' || sign === '−' || sign === '–' || sign === '+') && !LETTER_OR_DIGIT.test(text[start - 2] ?? '')) {
        negative = sign !== '+';
        start--;
      }
    }
  }
  if (!negative && mayFollowMinus(text, start) && MINUS_WORD.test(text.slice(Math.max(0, start - 7), start))) {
    negative = true;
    start -= 6;
  }

  // Scale: "$1.8bn", "2,5 Millionen", "7.54 million".
  if (scaleMatch && acceptScale(text, scaleMatch, unit !== null, language)) {
    const scale = scaleValue(scaleMatch[1] ?? scaleMatch[2], language);
    value *= scale;
    end = numberEnd + scaleMatch[0].length;
    // "25 mil 120", "3 Millionen 200.000": the rest of the amount follows the scale word.
    if (scaleMatch[2] && Number.isInteger(value / scale)) {
      const tail = readScaleTail(text, end, scale, decimalComma, language);
      if (tail) {
        value += tail.value;
        end = tail.end;
      }
    }
  }

  if (end === numberEnd && isLetterAt(text, end)) {
    // Letters glued to the digits: a unit ("47.4C", "146mm"), or an ordinal, a decade or a code ("18th", "1980s", "5G").
    if (isAt(ORDINAL_SUFFIX, text, end)) return null;
    if (!readUnitAfter(text, end, language)) return null;
  }
  // German ordinals: "der 4. Platz", "die 3. Runde", "im 2. Quartal" (a date, "4. Juni", is caught below).
  if (end === numberEnd && language === 'de') {
    if (isAt(GERMAN_ORDINAL, text, end) || isGermanOrdinal(text, end, wordsBeforeNumber)) return null;
  }

  if (!unit) {
    const after = readUnitAfter(text, end, language);
    if (after) {
      unit = after.unit;
      value *= after.factor;
      end = after.end;
    }
  }

  // Hyphenated compounds: "a 1.5-metre-long tortoise" measures, "a 1,000-strong crowd" and "a 3,000-home estate"
  // count; "a 3-year contract", "a 12-member panel" do not count.
  if (end === numberEnd && text.charCodeAt(end) === 45 && isAt(COMPOUND, text, end)) {
    const compound = readHyphenCompound(text, end, value, unit, language);
    if (!compound) return null;
    ({ value, unit, end } = compound);
  }

  const bare = unit === null && end === numberEnd;
  if (unit === null) {
    if (DURATION_OPENING.at(text, end) && isAt(DURATION, text, end)) return null;
    if (end === numberEnd && isYear(value, raw)) return null;
    // "entre las 14.00 y las 16.00", "at 14.30": a time written with a full stop.
    if (end === numberEnd && raw[raw.length - 3] === '.' && isTimeWithStop(text, raw, start, decimalComma)) return null;
  }
  if ((unit === null || (unit !== '%' && !isIsoCode(unit))) && isRateBase(wordsBeforeNumber)) return null;
  if (bare && !tally && isBareNonFigure(text, raw, start, end, value, wordsBeforeNumber, language)) return null;
  // "the men's 100 metres" is an event, not a distance.
  // So is "the 60 metres title" or "the 400m final".
  if (unit === 'm' && STANDARD_EVENT_DISTANCES.has(value)) {
    if (EVENT_BEFORE.test(text.slice(Math.max(0, start - 24), start)) || isAt(EVENT_AFTER, text, end)) return null;
  }

  const q = findQualifier(text, start);
  // "visitors under 18", "aged over 60", "children under 12 receive a roll": an age limit, not a count.
  if (q && bare && (q.qualifier === 'under' || q.qualifier === 'over') && isAgeLimit(text, end, value, q, precedingWords(text, q.index))) {
    return null;
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
    if (unit && unit.factor === 1 && isIsoCode(unit.unit)) return true;
    const noun = stickyAt(COUNTED_NOUN, text, after);
    return noun !== null && !NOT_COUNTED.has(noun[1]);
  }
  return true;
}
