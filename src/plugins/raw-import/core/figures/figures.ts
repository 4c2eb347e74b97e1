import type { Figure } from '../types';
import { detectLanguage, usesDecimalComma, type Language } from '../language';
import { SPELLED, spelledNumberPattern, ARTICLE_BEFORE } from './numbers';
import { PHONE, PHONE_CUE_BEFORE, GROUPED_DIGITS, THOUSANDS_SHAPED } from './exclusions';
import { labelFor } from './labels';
import { sentenceSpans, type Span } from '../text';
import { readDigitFigure } from './digit-figures';
import { readSpelledFigure } from './spelled-figures';
import type { Reading } from './reading';

/** Quantities in the body that count or measure what the story reports. */

// Digits as written: "14,000", "14.000", "14 000", "2.5", "2,5", "500".
// Groups are capped at six so a long run of "1,000,000,…" cannot make the engine backtrack for ever.
const NUMERAL =
  /(?<![\p{L}\p{N}_])(\d{1,3}(?:(?:,\d{3}){1,6}(?:\.\d+)?|(?:\.\d{3}){1,6}(?:,\d+)?|(?: \d{3}){1,6}(?:,\d+)?)(?!\d)|\d+(?:[.,]\d+)?)/gu;
const SPELLED_PATTERNS: Record<Language, RegExp> = {
  en: spelledNumberPattern(SPELLED.en),
  de: spelledNumberPattern(SPELLED.de),
  fr: spelledNumberPattern(SPELLED.fr),
  es: spelledNumberPattern(SPELLED.es),
};
const INSIDE_WORD = /[\p{L}\p{N}\-’']/u;

export function extractFigures(body: string[]): Figure[] {
  if (body.length === 0) return [];
  const language = detectLanguage(body[0].length >= 400 || body.length === 1 ? body[0] : body.slice(0, 4).join(' '));
  const figures: Figure[] = [];
  for (let index = 0; index < body.length; index++) {
    const paragraph = body[index];
    const readings = readingsIn(paragraph, language);
    if (readings.length === 0) continue;
    const spans = sentenceSpans(paragraph);
    // Readings come in reading order, so the sentence cursor only moves forward.
    let sentence = 0;
    for (const r of readings) {
      while (sentence < spans.length - 1 && r.start >= spans[sentence].end) sentence++;
      figures.push(toFigure(paragraph, index, spans[sentence], r));
    }
  }
  return figures;
}

function toFigure(paragraph: string, index: number, sentence: Span | undefined, r: Reading): Figure {
  const displayStart = r.qualifierStart ?? r.start;
  return {
    value: r.value,
    display: paragraph.slice(displayStart, r.end).trim(),
    qualifier: r.qualifier,
    unit: r.unit,
    label: labelFor(paragraph, displayStart, r.end, r.unit),
    sentence: sentence ? paragraph.slice(sentence.start, sentence.end) : paragraph,
    paragraph: index,
  };
}

/** The end of the phone number starting at `at` ("01632 960 123", "+44 20 7946 0958"), or -1. */
function phoneEnd(paragraph: string, at: number): number {
  PHONE.lastIndex = at;
  return PHONE.test(paragraph) ? PHONE.lastIndex : -1;
}

const DIGIT = /\d/;
/** "call 8712 4450": the end of grouped digits after a calling word (6+ digits), or -1. */
function groupedPhoneEnd(paragraph: string, start: number, end: number): number {
  // Cheap look first: another group of digits must follow the first one.
  const gap = paragraph[end];
  if ((gap !== ' ' && gap !== '-') || !DIGIT.test(paragraph[end + 1] ?? '')) return -1;
  GROUPED_DIGITS.lastIndex = start;
  const m = GROUPED_DIGITS.exec(paragraph);
  if (!m || m[0].replace(/\D/g, '').length < 6 || THOUSANDS_SHAPED.test(m[0])) return -1;
  if (!PHONE_CUE_BEFORE.test(paragraph.slice(Math.max(0, start - 40), start))) return -1;
  return GROUPED_DIGITS.lastIndex;
}

/** Every figure of one paragraph, in reading order. */
function readingsIn(paragraph: string, language: Language): Reading[] {
  const decimalComma = usesDecimalComma(language);
  const readings: Reading[] = [];
  let skipUntil = 0;

  NUMERAL.lastIndex = 0;
  for (let m = NUMERAL.exec(paragraph); m; m = NUMERAL.exec(paragraph)) {
    const raw = m[1];
    const numberStart = m.index;
    const numberEnd = numberStart + raw.length;
    if (numberStart < skipUntil) continue;
    // Phone numbers start with a 0, a "+" or a bracketed area code.
    const lead = paragraph[numberStart - 1];
    if (raw.length > 1 && raw[0] === '0' && raw[1] !== '.' && raw[1] !== ',') {
      skipUntil = Math.max(numberEnd, phoneEnd(paragraph, numberStart));
      continue;
    }
    if (lead === '+' || lead === '(') {
      const end = phoneEnd(paragraph, numberStart - 1);
      if (end > 0) {
        skipUntil = end;
        continue;
      }
    }
    const grouped = groupedPhoneEnd(paragraph, numberStart, numberEnd);
    if (grouped > 0) {
      skipUntil = grouped;
      continue;
    }
    const reading = readDigitFigure(paragraph, raw, numberStart, numberEnd, language, decimalComma);
    if (reading) readings.push(reading);
  }

  const digitReadings = readings.length;
  let digitCursor = 0;
  const pattern = SPELLED_PATTERNS[language];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(paragraph); m; m = pattern.exec(paragraph)) {
    const start = m.index;
    // Not inside a word or a compound ("often", "well-two").
    if (start > 0 && INSIDE_WORD.test(paragraph[start - 1])) continue;
    const end = start + m[0].length;
    // Digit readings are in order: move a cursor past those that end before this match.
    while (digitCursor < digitReadings && readings[digitCursor].end <= start) digitCursor++;
    if (digitCursor < digitReadings && readings[digitCursor].start < end) continue;
    const lo = Math.max(0, start - 6);
    const article = ARTICLE_BEFORE.exec(paragraph.slice(lo, start));
    const reading = readSpelledFigure(paragraph, m, language, article ? lo + article.index : null);
    if (reading) readings.push(reading);
  }
  return digitReadings === readings.length ? readings : readings.sort((a, b) => a.start - b.start);
}
