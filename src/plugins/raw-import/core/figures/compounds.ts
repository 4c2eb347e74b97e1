import type { Language } from '../language';
import { parseNumeral } from './numbers';
import { SCALE, scaleValue, HYPHEN_SCALE, HYPHEN_CURRENCY, currencyWordCode, MEASURE, measureUnit, DURATION } from './units';
import { AGE_AFTER } from './ages';
import { stickyAt, isAt } from './reading';

/** Numbers written with more than digits: "a 40-metre wall", "a $5-million grant", "25 mil 120", "3 Millionen 200.000". */

const STRONG = /-strong\b/y;
// "a 3,000-home estate", "a 300-seat theatre": a hyphenated noun counts when the number is this big;
// below it, "a 3-year deal", "a 12-member panel", "a 5-star hotel" describe rather than count.
const COUNTED_COMPOUND_FROM = 100;

export interface CompoundReading {
  value: number;
  unit: string | null;
  end: number;
}

/**
 * The hyphenated compound after the digits at `end` ("-metre", "-million-euro", "-Tonnen-", "-home"), or null
 * when the compound describes something rather than measures or counts it ("a 3-year contract").
 */
export function readHyphenCompound(
  text: string,
  end: number,
  value: number,
  unit: string | null,
  language: Language,
): CompoundReading | null {
  if (isAt(STRONG, text, end)) return { value, unit, end };
  // "a $5-million grant", "a 1.2-billion-euro plan", "ein 5-Millionen-Euro-Projekt".
  const scale = stickyAt(HYPHEN_SCALE, text, end);
  if (scale && !(scale[1] === 'mil' && language !== 'es') && !(scale[1] === 'mille' && language !== 'fr')) {
    value *= scaleValue(scale[1], language);
    end = HYPHEN_SCALE.lastIndex;
    const currency = stickyAt(HYPHEN_CURRENCY, text, end);
    if (currency) {
      unit = currencyWordCode(currency[1]);
      end = HYPHEN_CURRENCY.lastIndex;
    }
    return { value, unit, end };
  }
  // "a 50-euro fine", "ein 20-Euro-Schein".
  const currency = unit === null ? stickyAt(HYPHEN_CURRENCY, text, end) : null;
  if (currency) return { value, unit: currencyWordCode(currency[1]), end: HYPHEN_CURRENCY.lastIndex };
  // "a 1.5-metre-long tortoise", "ein 40-Tonnen-Lkw".
  const measure = stickyAt(MEASURE, text, end + 1);
  if (measure && !measure[0].startsWith(' ')) return { value, unit: measureUnit(measure[1]), end: MEASURE.lastIndex };
  // Money stays money: "a $100-a-month fee".
  if (unit !== null) return { value, unit, end };
  if (value >= COUNTED_COMPOUND_FROM && !isAt(DURATION, text, end) && !isAt(AGE_AFTER, text, end)) return { value, unit, end };
  return null;
}

// "25 mil 120", "3 Millionen 200.000", "2 millions 300 000", "1 Milliarde 200 Millionen": the rest of the amount.
const TAIL = /\s(\d{1,3}(?:([.,  ])\d{3}(?:\2\d{3}){0,2})?)(?![\d\p{L}])/uy;

/** The smaller amount written after "<digits> <scale word>", added to it; null when none follows. */
export function readScaleTail(text: string, at: number, scale: number, decimalComma: boolean, language: Language): CompoundReading | null {
  const tail = stickyAt(TAIL, text, at);
  if (!tail) return null;
  let value = parseNumeral(tail[1].replace(/[  ]/g, ' '), decimalComma);
  let end = TAIL.lastIndex;
  const tailScale = stickyAt(SCALE, text, end);
  if (tailScale && tailScale[2]) {
    value *= scaleValue(tailScale[2], language);
    end += tailScale[0].length;
  }
  if (!Number.isInteger(value) || value <= 0 || value >= scale) return null;
  return { value, unit: null, end };
}
