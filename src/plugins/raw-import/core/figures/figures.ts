import type { Figure } from '../types';
import { detectLanguage, usesDecimalComma, type Language } from '../language';
import { spelledNumberPattern, ARTICLE_BEFORE, ONE_WORDS } from './number-words';
import { countsOne } from './one-counts';
import { phoneEnd, groupedPhoneEnd } from './phones';
import { GLUED_CURRENCY } from './units';
import { labelFor } from './labels';
import { SentenceReader, type Span } from '../text';
import { readDigitFigure } from './digit-figures';
import { readSpelledFigure } from './spelled-figures';
import type { Reading } from './reading';
import { isAsciiLetterCode, isDigitCode, lowerSlice } from './chars';

/** Quantities in the body that count or measure what the story reports. */

// Digits as written: "14,000", "14.000", "14 000", "2.5", "2,5", "500".
// Groups are capped at six so a long run of "1,000,000,…" cannot make the engine backtrack for ever.
// Letters glued before the digits are checked by the caller: "$A450m" and "CHF3.5m" are money, "H5N1" a code.
const NUMERAL =
  /(?<![\p{N}_])(\d{1,3}(?:(?:,\d{3}){1,6}(?:\.\d+)?|(?:\.\d{3}){1,6}(?:,\d+)?|(?: \d{3}){1,6}(?:,\d+)?)(?!\d)|\d+(?:[.,]\d+)?)/gu;
const SPELLED_PATTERNS: Record<Language, RegExp> = {
  en: spelledNumberPattern('en'),
  de: spelledNumberPattern('de'),
  fr: spelledNumberPattern('fr'),
  es: spelledNumberPattern('es'),
};
const INSIDE_WORD = /[\p{L}\p{N}\-’']/u;
/** INSIDE_WORD on the character at `i`, by code for ASCII. */
function isInsideWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return isAsciiLetterCode(c) || isDigitCode(c) || c === 45 || c === 39;
  return c === 0x2019 || INSIDE_WORD.test(text[i]);
}
const LETTER = /\p{L}/u;
const ARTICLE_ENDS = 'aAnNeE';
const ELIDED_DE = /(?:^|[^\p{L}])d['’]$/iu;
/** A letter, looked up by character code first: most characters before a number are spaces and symbols. */
function isLetter(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 0x41) return false;
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return LETTER.test(c);
}

const sentences = new SentenceReader();

export function extractFigures(body: string[]): Figure[] {
  if (body.length === 0) return [];
  const language = detectLanguage(body[0].length >= 400 || body.length === 1 ? body[0] : body.slice(0, 4).join(' '));
  const figures: Figure[] = [];
  for (let index = 0; index < body.length; index++) {
    const paragraph = body[index];
    const readings = readingsIn(paragraph, language);
    if (readings.length === 0) continue;
    // Readings come in reading order, so the sentence cursor only moves forward; sentences after the last figure
    // are never read.
    sentences.reset(paragraph);
    let sentence = sentences.next();
    let following = sentence === null ? null : sentences.next();
    for (const r of readings) {
      while (following !== null && r.start >= (sentence as Span).end) {
        sentence = following;
        following = sentences.next();
      }
      figures.push(toFigure(paragraph, index, sentence ?? undefined, r));
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
    sentence: sentenceAround(paragraph, sentence ?? { start: 0, end: paragraph.length }, displayStart, r.end),
    paragraph: index,
  };
}

// A sentence longer than this is run-on text (a table or a list without full stops): each of its
// figures keeps the words around it, not the whole of it (a megabyte each, for thousands of figures).
const SENTENCE_MAX = 600;

/** The sentence, or the words of it within SENTENCE_MAX / 2 characters of the figure, marked "…" where cut. */
function sentenceAround(paragraph: string, sentence: Span, start: number, end: number): string {
  if (sentence.end - sentence.start <= SENTENCE_MAX) return paragraph.slice(sentence.start, sentence.end);
  let from = Math.max(sentence.start, start - SENTENCE_MAX / 2);
  let to = Math.min(sentence.end, end + SENTENCE_MAX / 2);
  const space = paragraph.indexOf(' ', from);
  if (from > sentence.start && space !== -1 && space < start) from = space + 1;
  const lastSpace = paragraph.lastIndexOf(' ', to);
  if (to < sentence.end && lastSpace >= end) to = lastSpace;
  return `${from > sentence.start ? '…' : ''}${paragraph.slice(from, to)}${to < sentence.end ? '…' : ''}`;
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
    if (lead !== undefined && isLetter(lead) && !GLUED_CURRENCY.test(paragraph.slice(Math.max(0, numberStart - 4), numberStart))) continue;
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
    if (reading) {
      readings.push(reading);
      // "3 Millionen 200.000 Euro": digits inside a reading belong to it.
      skipUntil = reading.end;
    }
  }

  const digitReadings = readings.length;
  let digitCursor = 0;
  const pattern = SPELLED_PATTERNS[language];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(paragraph); m; m = pattern.exec(paragraph)) {
    const start = m.index;
    // Not inside a word or a compound ("often", "well-two", "l'un"); French "d'un mort" is a count.
    if (start > 0 && isInsideWordAt(paragraph, start - 1)) {
      if (!(language === 'fr' && ELIDED_DE.test(paragraph.slice(Math.max(0, start - 3), start)))) continue;
    }
    const end = start + m[0].length;
    // Digit readings are in order: move a cursor past those that end before this match.
    while (digitCursor < digitReadings && readings[digitCursor].end <= start) digitCursor++;
    if (digitCursor < digitReadings && readings[digitCursor].start < end) continue;
    // "un", "une", "ein", "una" alone are mostly articles: only a casualty or a person struck makes them a count.
    if (end - start <= 5 && language !== 'en' && ONE_WORDS.has(lowerSlice(paragraph, start, end))) {
      if (!countsOne(paragraph, start, end, language)) continue;
    }
    const lo = Math.max(0, start - 6);
    // Articles end in "a", "n" or "e" ("a", "an", "un", "une", "una", "ein", "eine"): look only after those.
    const article = paragraph[start - 1] === ' ' && ARTICLE_ENDS.includes(paragraph[start - 2] ?? '_') ? ARTICLE_BEFORE.exec(paragraph.slice(lo, start)) : null;
    const spelled = readSpelledFigure(paragraph, start, end, language, article ? lo + article.index : null);
    if (spelled.reading) readings.push(spelled.reading);
    // Resume after the words read: "two and three" reads "two", then "three"; "cinq pour cent" is done.
    pattern.lastIndex = spelled.reading ? Math.max(spelled.end, spelled.reading.end) : spelled.end;
  }
  return digitReadings === readings.length ? readings : readings.sort((a, b) => a.start - b.start);
}
