import type { Qualifier } from '../types';
import type { Language } from '../language';
import {
  CURRENCY_SUFFIX, CURRENCY_SUFFIX_OPENING, currencyWordCode, PERCENT, PERCENT_OPENING, MEASURE, MEASURE_OPENING, measureUnit,
} from './units';

/** One number read from the text, before it becomes a Figure. */
export interface Reading {
  start: number;
  end: number;
  value: number;
  unit: string | null;
  qualifier: Qualifier;
  /** Where the display starts when a qualifier comes first ("about 200"). */
  qualifierStart: number | null;
}

/** Runs a sticky regex at `at`. */
export function stickyAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Tests a sticky regex at `at`. */
export function isAt(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

const MINOR_UNITS = new Set(['cents', 'cent', 'Cent', 'céntimos', 'centimes', 'pence', 'p']);

export interface UnitReading {
  unit: string;
  end: number;
  /** Multiplier for minor currency units ("80 cents" → 0.8). */
  factor: number;
}

/**
 * The unit written after a number (or its scale word): a currency, percent or a measure.
 * One-letter units ("47C", "30m") count only when written straight after the digits.
 */
export function readUnitAfter(text: string, at: number, language: Language): UnitReading | null {
  const currency = CURRENCY_SUFFIX_OPENING.at(text, at) ? stickyAt(CURRENCY_SUFFIX, text, at) : null;
  if (currency) {
    const word = currency[1] ?? currency[2] ?? currency[4];
    const end = CURRENCY_SUFFIX.lastIndex;
    if (!MINOR_UNITS.has(word)) return { unit: currencyWordCode(word), end, factor: 1 };
    // Minor units are stored in the main unit: "80 cents" → 0.8; a lone "p" only as in "50p".
    if (word === 'p' && currency[3] !== '') return null;
    const unit = /pence|^p$/.test(word) ? 'GBP' : language === 'en' ? 'USD' : 'EUR';
    return { unit, end, factor: 0.01 };
  }
  const percent = PERCENT_OPENING.at(text, at) ? stickyAt(PERCENT, text, at) : null;
  if (percent) return { unit: percent[2] ? 'percentage points' : '%', end: PERCENT.lastIndex, factor: 1 };
  const measure = MEASURE_OPENING.at(text, at) ? stickyAt(MEASURE, text, at) : null;
  if (measure && !(measure[1].length === 1 && measure[0].startsWith(' '))) {
    return { unit: measureUnit(measure[1]), end: MEASURE.lastIndex, factor: 1 };
  }
  return null;
}
