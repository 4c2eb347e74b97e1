import type { Figure, Qualifier } from './types';
import { detectLanguage, usesDecimalComma, type Language } from './language';
import { parseNumeral, SPELLED, spelledNumberPattern, composeSpelled } from './numbers';
import {
  SCALE, scaleValue, isAbbreviatedScale, CURRENCY_PREFIX, currencyCode, CURRENCY_SUFFIX, currencyWordCode,
  PERCENT, MEASURE, measureUnit, DURATION, TIME_OF_DAY, ORDINAL_SUFFIX,
} from './units';
import { findQualifier, QUALIFIER_WINDOW } from './qualifiers';
import {
  DAY_BEFORE_MONTH, MONTH_BEFORE_DAY, isYear, AGE_BEFORE, AGE_AFTER, NAME_COMMA_BEFORE, NAME_PAREN_BEFORE,
  RANK_BEFORE, EVENT_BEFORE, STANDARD_EVENT_DISTANCES, RATIO_OR_SCORE_AFTER, RATIO_OR_SCORE_BEFORE, PHONE,
  isNamedNumber,
} from './exclusions';
import { labelFor } from './labels';
import { sentenceSpans, sentenceAt } from './sentences';

/** Quantities in the body that count or measure what the story reports. */

// Digits as written: "14,000", "14.000", "14 000", "2.5", "2,5", "500".
const NUMERAL =
  /(?<![\p{L}\p{N}_])(\d{1,3}(?:(?:,\d{3})+(?:\.\d+)?|(?:\.\d{3})+(?:,\d+)?|(?: \d{3})+(?:,\d+)?)(?!\d)|\d+(?:[.,]\d+)?)/gu;
const SPELLED_PATTERNS: Record<Language, RegExp> = {
  en: spelledNumberPattern(SPELLED.en),
  de: spelledNumberPattern(SPELLED.de),
  fr: spelledNumberPattern(SPELLED.fr),
  es: spelledNumberPattern(SPELLED.es),
};
// Scale words only a given language uses ("mil" is Spanish, "mille" and "Md" French).
const LANGUAGE_SCALES: Record<string, Language> = { mil: 'es', mille: 'fr', milliers: 'fr', Md: 'fr', Mds: 'fr' };
// After "30m" a plural noun means millions ("30m people"); a measuring word means metres ("30m high").
const COUNTED_NOUN = /^\s?(\p{Ll}+s)\b/u;
const NOT_COUNTED = new Set('is was has as its this across always perhaps plus towards us thus'.split(' '));
const MINOR_UNITS = new Set(['cents', 'cent', 'Cent', 'céntimos', 'centimes', 'pence', 'p']);
const INSIDE_WORD = /[\p{L}\p{N}\-’']/u;
const DEFINITE_BEFORE = /(?:^|[^\p{L}])(?:the|these|those|all|both|die|den|der|diese|les|ces|los|las|estos|estas)\s+$/iu;
const PEOPLE_COUNT_QUALIFIERS = new Set<Qualifier>(['under', 'over']);

interface Found {
  start: number;
  end: number;
  figure: Figure;
}

export function extractFigures(body: string[]): Figure[] {
  const language = detectLanguage(body.slice(0, 6).join(' '));
  const figures: Figure[] = [];
  body.forEach((paragraph, index) => {
    for (const found of figuresInParagraph(paragraph, index, language)) figures.push(found.figure);
  });
  return figures;
}

function phoneSpans(paragraph: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  PHONE.lastIndex = 0;
  for (let m = PHONE.exec(paragraph); m; m = PHONE.exec(paragraph)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

const sticky = (re: RegExp, text: string, at: number): RegExpExecArray | null => {
  re.lastIndex = at;
  return re.exec(text);
};

function figuresInParagraph(paragraph: string, index: number, language: Language): Found[] {
  const decimalComma = usesDecimalComma(language);
  const phones = phoneSpans(paragraph);
  let spans: ReturnType<typeof sentenceSpans> | null = null;
  const found: Found[] = [];

  const finish = (start: number, end: number, value: number, unit: string | null, qualifierStart: number | null, qualifier: Qualifier) => {
    spans ??= sentenceSpans(paragraph);
    const displayStart = qualifierStart ?? start;
    const display = paragraph.slice(displayStart, end).trim();
    found.push({
      start,
      end,
      figure: {
        value,
        display,
        qualifier,
        unit,
        label: labelFor(paragraph, displayStart, end, unit),
        sentence: sentenceAt(paragraph, spans, start),
        paragraph: index,
      },
    });
  };

  NUMERAL.lastIndex = 0;
  for (let m = NUMERAL.exec(paragraph); m; m = NUMERAL.exec(paragraph)) {
    const raw = m[1];
    const numberStart = m.index;
    const numberEnd = numberStart + raw.length;
    if (phones.some(([a, b]) => numberStart < b && numberEnd > a)) continue;
    const result = readDigitFigure(paragraph, raw, numberStart, numberEnd, language, decimalComma);
    if (result) finish(result.start, result.end, result.value, result.unit, result.qualifierStart, result.qualifier);
  }

  const pattern = SPELLED_PATTERNS[language];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(paragraph); m; m = pattern.exec(paragraph)) {
    const start = m.index;
    // Not inside a word or a compound ("often", "well-two"): retry just after a false start.
    if (start > 0 && INSIDE_WORD.test(paragraph[start - 1])) {
      pattern.lastIndex = start + 1;
      continue;
    }
    if (found.some((f) => start < f.end && start + m![0].length > f.start)) continue;
    const result = readSpelledFigure(paragraph, m, language);
    if (result) finish(result.start, result.end, result.value, result.unit, result.qualifierStart, result.qualifier);
  }

  return found.sort((a, b) => a.start - b.start);
}

interface Reading {
  start: number;
  end: number;
  value: number;
  unit: string | null;
  qualifier: Qualifier;
  qualifierStart: number | null;
}

/** Reads one numeral and what surrounds it; null when it is not a figure. */
function readDigitFigure(
  text: string,
  raw: string,
  numberStart: number,
  numberEnd: number,
  language: Language,
  decimalComma: boolean,
): Reading | null {
  const before = text[numberStart - 1] ?? '';
  const twoBefore = text[numberStart - 2] ?? '';
  // Codes and fractions ("C/2025", "24/7"), and the second half of "COVID-19" or "2-0".
  if (/[\/#№+'’:]/.test(before)) return null;
  if (/[.,]/.test(before) && /[\p{L}\p{N}]/u.test(twoBefore)) return null;
  let negative = false;
  let start = numberStart;
  if (/[-−–]/.test(before)) {
    if (/[\p{L}\p{N}]/u.test(twoBefore)) return null;
    // A minus sign, not a dash: "-12C", "−3.5%".
    if (before === '–') return null;
    negative = true;
    start--;
  }

  const fractional = sticky(SCALE, text, numberEnd) !== null || sticky(PERCENT, text, numberEnd) !== null;
  let value = parseNumeral(raw, decimalComma, fractional);
  let unit: string | null = null;
  let end = numberEnd;

  // Currency written before the digits: "$1.8bn", "C$600m", "USD 5m".
  const prefix = CURRENCY_PREFIX.exec(text.slice(Math.max(0, start - 6), start));
  if (prefix) {
    const prefixStart = start - prefix[0].length;
    const charBeforePrefix = text[prefixStart - 1] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(charBeforePrefix) || /^[$€£¥₹₩₽₺]/u.test(prefix[1])) {
      unit = currencyCode(prefix[1]);
      start = prefixStart;
    }
  }
  if (!negative && /(?:^|\s)minus\s$/i.test(text.slice(Math.max(0, start - 7), start))) {
    negative = true;
    start -= 6;
  }

  const after = text.slice(numberEnd, numberEnd + 24);
  if (TIME_OF_DAY.test(after)) return null;
  if (/^[:h]\d/.test(after)) return null;
  if (AGE_AFTER.test(after)) return null;
  if (RATIO_OR_SCORE_AFTER.test(after) || RATIO_OR_SCORE_BEFORE.test(text.slice(Math.max(0, start - 8), start))) return null;
  // "2-0", "2019-20", "10-15": scores, seasons and ranges.
  if (/^[-–]\d/.test(after)) return null;

  // Scale: "$1.8bn", "2,5 Millionen", "7.54 million".
  const scale = sticky(SCALE, text, end);
  if (scale) {
    const word = scale[1] ?? scale[2];
    let accept = true;
    if (LANGUAGE_SCALES[word] && LANGUAGE_SCALES[word] !== language) accept = false;
    if (isAbbreviatedScale(word)) {
      const attached = !scale[0].startsWith(' ');
      if (!attached && word.length === 1) accept = false;
      else if (!unit && /^[bBM]$/.test(word)) accept = false;
      else if (!unit && /^[mkK]$/.test(word)) {
        const noun = COUNTED_NOUN.exec(text.slice(SCALE.lastIndex, SCALE.lastIndex + 24));
        accept = !!noun && !NOT_COUNTED.has(noun[1]);
      }
    }
    if (accept) {
      value *= scaleValue(word, language);
      end = SCALE.lastIndex;
    }
  }

  const letterAfter = /^\p{L}/u.test(text.slice(end, end + 1));
  if (end === numberEnd && letterAfter) {
    // Letters glued to the digits: a unit ("47.4C", "146mm"), or an ordinal, a decade or a code ("18th", "1980s", "5G").
    if (ORDINAL_SUFFIX.test(text.slice(end, end + 4))) return null;
    const measure = sticky(MEASURE, text, end);
    const currency = sticky(CURRENCY_SUFFIX, text, end);
    const percent = sticky(PERCENT, text, end);
    if (!measure && !currency && !percent) return null;
  }
  // German ordinals: "der 4. Platz" (a date, "4. Juni", is caught below).
  if (end === numberEnd && language === 'de' && /^\.\s+\p{Ll}/u.test(text.slice(end, end + 4))) return null;

  // Unit after the number (or after its scale): currency, percent, measure.
  if (!unit) {
    const currency = sticky(CURRENCY_SUFFIX, text, end);
    const percent = currency ? null : sticky(PERCENT, text, end);
    const measure = currency || percent ? null : sticky(MEASURE, text, end);
    if (currency) {
      const word = currency[1] ?? currency[2] ?? currency[4];
      const attached = currency[3] === '';
      if (MINOR_UNITS.has(word)) {
        // Minor units are stored in the main unit: "80 cents" → 0.8.
        if (word !== 'p' || attached) {
          value /= 100;
          unit = /pence|^p$/.test(word) ? 'GBP' : language === 'en' ? 'USD' : 'EUR';
          end = CURRENCY_SUFFIX.lastIndex;
        }
      } else {
        unit = currencyWordCode(word);
        end = CURRENCY_SUFFIX.lastIndex;
      }
    } else if (percent) {
      unit = percent[2] ? 'percentage points' : '%';
      end = PERCENT.lastIndex;
    } else if (measure && !(measure[1].length === 1 && measure[0].startsWith(' '))) {
      // One-letter units count only when written straight after the digits ("47C", "30m").
      unit = measureUnit(measure[1]);
      end = MEASURE.lastIndex;
    }
  }

  // Hyphenated compounds: "a 1.5-metre-long tortoise" measures; "a 3-year contract", "a five-point scale" do not count.
  if (end === numberEnd && /^-\p{L}/u.test(text.slice(end, end + 2))) {
    const measure = sticky(MEASURE, text, end + 1);
    if (!measure || measure[0].startsWith(' ')) return null;
    unit = measureUnit(measure[1]);
    end = MEASURE.lastIndex;
  }

  const bare = unit === null && end === numberEnd;
  const tail = text.slice(end, end + 24);
  const head = text.slice(Math.max(0, start - 40), start);
  if (bare || unit === null) {
    if (DURATION.test(tail)) return null;
    if (isYear(value, raw) && end === numberEnd) return null;
  }
  if (bare) {
    if (value <= 31 && Number.isInteger(value) && (DAY_BEFORE_MONTH.test(tail) || MONTH_BEFORE_DAY.test(head))) return null;
    if (RANK_BEFORE.test(head) || AGE_BEFORE.test(head)) return null;
    if (/^\s?[,)]/.test(tail) && (NAME_COMMA_BEFORE.test(head) || NAME_PAREN_BEFORE.test(head)) && value < 130) return null;
    if (/^\d+$/.test(raw) && isNamedNumber(text, start)) return null;
  }
  if (unit === 'm' && STANDARD_EVENT_DISTANCES.has(value) && EVENT_BEFORE.test(head) && /men|women|boys|girls|mixed/i.test(head)) {
    return null;
  }

  const qualifierWindow = text.slice(Math.max(0, start - QUALIFIER_WINDOW), start);
  const q = findQualifier(qualifierWindow);
  const qualifierStart = q ? start - qualifierWindow.length + q.index : null;
  // "visitors under 18", "over 65s": an age limit, not a count.
  if (q && PEOPLE_COUNT_QUALIFIERS.has(q.qualifier) && bare && value < 100 && /^\s?(?:[,.;:)]|$|\s(?:and|or|who|are|were|will|can|to)\b)/.test(tail)) {
    return null;
  }
  return { start, end, value: negative ? -value : value, unit, qualifier: q ? q.qualifier : 'exact', qualifierStart };
}

/** Reads a spelled-out number ("three", "a dozen", "two million"); null when it is not a figure. */
function readSpelledFigure(text: string, m: RegExpExecArray, language: Language): Reading | null {
  const words = SPELLED[language];
  const start = m.index;
  let value = composeSpelled(words, m[1], m[2]);
  let end = start + m[0].length;
  if (value === null) {
    value = composeSpelled(words, m[1]);
    end = start + m[0].indexOf(m[1]) + m[1].length;
  }
  if (value === null) return null;
  const hasArticle = m[0].length > m[1].length && !m[0].startsWith(m[1]);
  // "hundred" and "thousand" stand alone only with an article ("a hundred").
  if ((value === 100 || value === 1000) && !m[2] && !hasArticle) return null;
  if (value === 12 && /dozen|dutzend|douzaine|docena/i.test(m[1]) && !hasArticle) return null;

  let unit: string | null = null;
  const scale = sticky(SCALE, text, end);
  if (scale && scale[2]) {
    value *= scaleValue(scale[2], language);
    end = SCALE.lastIndex;
  } else if (value === 1) {
    // "one" is mostly "one of the…", not a count.
    return null;
  }
  const percent = sticky(PERCENT, text, end);
  if (percent && !percent[1]) {
    unit = percent[2] ? 'percentage points' : '%';
    end = PERCENT.lastIndex;
  } else {
    const currency = sticky(CURRENCY_SUFFIX, text, end);
    if (currency && currency[2]) {
      unit = currencyWordCode(currency[2]);
      end = CURRENCY_SUFFIX.lastIndex;
    } else {
      const measure = sticky(MEASURE, text, end);
      if (measure && measure[0].startsWith(' ') && measure[1].length > 2) {
        unit = measureUnit(measure[1]);
        end = MEASURE.lastIndex;
      }
    }
  }
  const tail = text.slice(end, end + 24);
  const head = text.slice(Math.max(0, start - 40), start);
  // "the two airlines", "les deux pays": a group already counted earlier in the story.
  if (DEFINITE_BEFORE.test(head)) return null;
  // "two-year", "three-match", "five-point": compounds, not counts.
  if (/^[-–]\p{L}/u.test(tail)) return null;
  if (unit === null && DURATION.test(tail)) return null;
  if (AGE_AFTER.test(tail) || AGE_BEFORE.test(head) || RANK_BEFORE.test(head)) return null;
  const qualifierWindow = text.slice(Math.max(0, start - QUALIFIER_WINDOW), start);
  const q = findQualifier(qualifierWindow);
  const qualifierStart = q ? start - qualifierWindow.length + q.index : null;
  return { start, end, value, unit, qualifier: q ? q.qualifier : 'exact', qualifierStart };
}
