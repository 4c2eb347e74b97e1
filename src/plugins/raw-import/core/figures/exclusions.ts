import { wordSpansBefore } from '../text';
import type { Language } from '../language';
import { MONTH_WORD, isDay } from './dates';
import { isAgeOfPerson } from './ages';
import { isServiceNumber } from './phones';
import { Opening, isAsciiLetterCode, isSpaceCode, lowerSlice } from './chars';
/**
 * Numbers that are not figures: ranks, names and codes, designations, events, ratios, German ordinals.
 * Ages, dates and phone numbers have files of their own.
 */

// "No. 1", "number 10", "Nr. 5", "n° 3": ranks and numbers used as names.
const RANK_WORDS = new Set(['no', 'no.', 'nr', 'nr.', 'number', 'nummer', 'n°', 'nº', 'número', 'numéro', 'núm.', 'top', 'platz', 'rang']);

// Scratch spans for precedingWords (nearest first).
const wordStarts: number[] = [];
const wordEnds: number[] = [];
/** `("“‘«`: brackets and quotes left out at the start of a word. */
const isLeadingBracket = (c: number) => c === 40 || c === 34 || c === 0x201c || c === 0x2018 || c === 0xab;

/** The last three words before `end` (within 64 characters), lower-cased, nearest last; fewer at a sentence start. */
export function precedingWords(text: string, end: number): string[] {
  const n = wordSpansBefore(text, end, 3, 64, wordStarts, wordEnds);
  const words: string[] = [];
  for (let k = n - 1; k >= 0; k--) {
    let from = wordStarts[k];
    const to = wordEnds[k];
    while (from < to && isLeadingBracket(text.charCodeAt(from))) from++;
    words.push(lowerSlice(text, from, to));
  }
  return words;
}

// The last one or two words, joined: "age of" (no slice or join on the common path).
const last = (words: string[], n: 1 | 2) =>
  n === 1 ? (words[words.length - 1] ?? '') : words.length < 2 ? (words[0] ?? '') : `${words[words.length - 2]} ${words[words.length - 1]}`;

export const isRankBefore = (words: string[]) => RANK_WORDS.has(last(words, 1));

// "men's 100 metres": an event name, not a distance.
export const EVENT_BEFORE = /(?:\bmen['’]s|\bwomen['’]s|\bboys['’]|\bgirls['’]|\bmixed)\s+$/iu;
export const STANDARD_EVENT_DISTANCES = new Set([60, 100, 110, 200, 400, 800, 1500, 3000, 5000, 10000]);
// "the 60 metres title", "the 400m final", "100 metres hurdles": a standard distance naming the race it is.
export const EVENT_AFTER =
  /(?:-(?:Lauf|Finale|Sprint|Hürden|Freistil|Brust|Rücken|Lagen|Staffel)|\s+(?:title|final|finals|semi-finals?|semifinals?|heats?|hurdles|freestyle|backstroke|breaststroke|butterfly|medley|relay|steeplechase|sprint|dash|world record|gold|silver|bronze|champion|championship))\b/iuy;

// "5 deaths per 100,000 people", "for every 1,000 births": the base of a rate, not a count.
const RATE_WORDS = new Set(['per', 'pro', 'pour', 'je', 'every', 'cada']);

// "7/7", "24/7", "9/11": dates and codes written with a slash.
export const SLASH_AFTER = /\s?\/\s?\d/y;
export const SLASH_OPENING = new Opening('/', '/');
// "15.06.2024", "v1.2.3": a dotted date or version.
export const DOTTED_AFTER = /[.]\d/y;

// "1 in 4", "160 for 3", "2-0": ratios and scores.
export const RATIO_OR_SCORE_AFTER = /\s+(?:in|for|out of|von|sur|de)\s+\d/uy;
export const RATIO_OR_SCORE_OPENING = new Opening('', 'ifovsd', 'spaces');
const RATIO_WORDS = new Set(['in', 'for', 'of', 'von', 'sur']);
const SMALL_NUMBERS = new Set('one two three four five six seven eight nine ten'.split(' '));
const COUNTER_WORDS = new Set('photo image picture slide bild foto imagen'.split(' '));

// Capitalised words that do not name the number after them.
export const NOT_A_NAME = new Set(
  (
    'About Around Over Under Nearly Almost Some Up More Fewer Less At Only Just Roughly Approximately Another ' +
    'Rund Etwa Fast Knapp Mehr Über Unter Bis Mindestens Environ Plus Moins Près Unos Unas Más Menos Casi Cerca'
  ).split(' '),
);

const LETTER = /[\p{L}'’\-]/u;
/** `LETTER` on the character at `i` (in the text), ASCII by code. */
function isNameChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return isAsciiLetterCode(c) || c === 39 || c === 45;
  return c === 0x2019 || LETTER.test(text[i]);
}
/** `[\s"“”‘’«»(]`: what may stand between a sentence's end and its first word. */
const isOpeningGap = (c: number) =>
  isSpaceCode(c) || c === 34 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0xab || c === 0xbb || c === 40;
/** `[.!?:]`. */
const isStop = (c: number) => c === 46 || c === 33 || c === 63 || c === 58;

// The last answer of previousWord: both isDesignatedNumber and isNamedNumber ask about the same number.
let previousText = '';
let previousStart = -1;
let previousAnswer: { word: string; opensSentence: boolean } | null = null;

/** The word right before `start` (one space apart) and whether it opens its sentence. */
export function previousWord(text: string, start: number): { word: string; opensSentence: boolean } | null {
  if (start === previousStart && text === previousText) return previousAnswer;
  previousAnswer = readPreviousWord(text, start);
  previousText = text;
  previousStart = start;
  return previousAnswer;
}

function readPreviousWord(text: string, start: number): { word: string; opensSentence: boolean } | null {
  let i = start - 1;
  if (i < 1 || text.charCodeAt(i) !== 32) return null;
  let j = i - 1;
  const floor = Math.max(-1, i - 40);
  while (j > floor && isNameChar(text, j)) j--;
  if (j === floor && floor >= 0) return null;
  const word = text.slice(j + 1, i);
  if (word === '') return null;
  let k = j;
  while (k >= 0 && k > j - 8 && isOpeningGap(text.charCodeAt(k))) k--;
  return { word, opensSentence: k < 0 || isStop(text.charCodeAt(k)) };
}

// Days and times of the week are not names: "on Monday 300 people", "am Sonntag 200 Menschen".
const WEEKDAYS = new Set(
  (
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday Montag Dienstag Mittwoch Donnerstag Freitag Samstag ' +
    'Sonnabend Sonntag Wochenende Jahr Monat Woche Tag Abend Morgen Nacht Vormittag Nachmittag'
  ).split(' '),
);
const HAS_UPPER = /\p{Lu}/u;
/** HAS_UPPER, by code for ASCII words. */
function hasUpper(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x80) return HAS_UPPER.test(word);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}
// In German every noun is capitalised: a capitalised word after the number is what it counts ("Jahr 300 Menschen").
const NOUN_AFTER_GERMAN = /\s\p{Lu}/uy;

/**
 * A capitalised word right before a bare number names it: "Harbour Friends 2", "Strandgade 30", "Boeing 737",
 * "iPhone 16".
 */
export function isNamedNumber(text: string, start: number, end: number, language: string): boolean {
  const previous = previousWord(text, start);
  if (!previous || previous.opensSentence) return false;
  const word = previous.word;
  if (!hasUpper(word) || NOT_A_NAME.has(word) || MONTH_WORD.test(word) || WEEKDAYS.has(word)) return false;
  if (language === 'de') {
    NOUN_AFTER_GERMAN.lastIndex = end;
    if (NOUN_AFTER_GERMAN.test(text)) return false;
  }
  return true;
}

// "Photo 3 of 9", "Bild 3 von 9", "Foto 3 de 9", "3 / 9": the number of an image counter.
const COUNTER_AFTER = /\s?(?:\/|\s(?:of|von|sur|de))\s?\d/y;
export function isImageCounter(words: string[], text: string, end: number): boolean {
  if (words.length === 0 || !COUNTER_WORDS.has(words[words.length - 1])) return false;
  COUNTER_AFTER.lastIndex = end;
  return COUNTER_AFTER.test(text);
}

// "gate 7", "platform 9", "chapter 11", "Route 66": a number that names something, not a quantity.
const DESIGNATORS = new Set(
  (
    'gate platform terminal room page article section chapter clause flight route bus line phase stage category ' +
    'grade episode season round pier runway junction exit bay ward floor lane track block unit lot zone district ' +
    'division group pool match game week day year number no apartment flat house building tower stand row seat ' +
    'version model series batch squad court hall wing stop jersey shirt size ph channel minute min ' +
    'minuto puerta andén vuelo línea ruta página artículo capítulo sala planta jornada etapa grupo fase zona ' +
    'porte quai vol ligne page article chapitre salle journée étape groupe'
  ).split(' '),
);

// After "last year 300 people…" a counted noun follows; after "gate 7" it does not.
const NOUN_AFTER = /\s(\p{Ll}+)/uy;
const NOT_A_NOUN = new Set(
  (
    'and or of in on at to for with by from was were is are has had have will would the a an which that who where when as after before ' +
    'y o de del en con para por el la los las un una que se al et ou le les du des au aux avec pour sur dans une ' +
    'und oder mit der die das im am von zu für auf'
  ).split(' '),
);

const isDesignator = (word: string) => DESIGNATORS.has(word) || (word.endsWith('s') && DESIGNATORS.has(word.slice(0, -1)));
const LIST_LINKS = new Set(['and', 'or', 'to', '&', 'y', 'o', 'et', 'ou', 'und', 'oder', 'bis']);

/** "gate 7", "junctions 10 and 11", "en el minuto 58 con…": a number that names something. */
export function isDesignatedNumber(text: string, start: number, end: number, words: string[]): boolean {
  const n = words.length;
  // "junctions 10 and 11": the last number of a list of designated numbers.
  const listEnd = n === 3 && LIST_LINKS.has(words[2]) && /^\d+$/.test(words[1]) && isDesignator(words[0]);
  if (!listEnd) {
    const previous = previousWord(text, start);
    // The word ends one space before the number.
    if (previous === null || !isDesignator(lowerSlice(text, start - 1 - previous.word.length, start - 1))) return false;
  }
  NOUN_AFTER.lastIndex = end;
  const next = NOUN_AFTER.exec(text);
  return next === null || NOT_A_NOUN.has(next[1]);
}

// "10 Downing Street", "au 12 rue de Rivoli": a house number.
const ADDRESS_AFTER =
  /\s(?:(?:\p{Lu}[\p{L}'’\-]*\s){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Place|Square|Boulevard|Way|Close|Terrace|Crescent|Row|Gardens)|(?:rue|avenue|boulevard|bd|place|quai|allée|chemin|impasse|calle|avenida|paseo|plaza))(?![\p{L}])/uy;

/** ADDRESS_AFTER can match only a space before a capital (or any non-ASCII letter), or "rue", "avenue", "calle"…. */
function mayOpenAddress(text: string, at: number): boolean {
  if (!isSpaceCode(text.charCodeAt(at))) return false;
  const c = text.charCodeAt(at + 1);
  return c >= 0x80 || (c >= 65 && c <= 90) || c === 114 || c === 97 || c === 98 || c === 112 || c === 113 || c === 99 || c === 105;
}

/** "per 100,000", "for every 1,000": the base of a rate. */
export const isRateBase = (words: string[]) => RATE_WORDS.has(last(words, 1));

/** "1 in 4", "three out of 4", "160 for 3": the second number of a ratio or a score. */
export function isRatioOrScoreEnd(words: string[]): boolean {
  const link = words[words.length - 1];
  if (link === undefined || !RATIO_WORDS.has(link)) return false;
  // "out of": the number sits three words back; "Photo 3 of 9", an image counter, two back.
  if (link === 'of' && words[words.length - 2] !== 'out') {
    return words.length === 3 && /^\d+$/.test(words[1]) && COUNTER_WORDS.has(words[0]);
  }
  const number = link === 'of' ? words[words.length - 3] : words[words.length - 2];
  if (number === undefined) return false;
  return /^\d+$/.test(number) || (link !== 'for' && SMALL_NUMBERS.has(number));
}

// ---- German ordinals: "die 3. Runde", "am 25. Spieltag", "im 2. Quartal", "der 1. FC Köln" ----
// The capitalised word after "12. " opens a new sentence when it is one of these ("… stieg auf 12. Die Polizei …").
const GERMAN_SENTENCE_OPENERS = new Set(
  (
    'Der Die Das Den Dem Des Ein Eine Einen Einem Einer Er Sie Es Wir Ich Ihr Man Dies Diese Dieser Dieses Damit ' +
    'Dabei Danach Dann Doch Aber Und Oder Auch Noch Nun So Zudem Außerdem Allerdings Bereits Bisher Im Am Um In ' +
    'Auf Bei Beim Mit Nach Von Vom Vor Seit Für Aus Zum Zur Als Wie Wenn Weil Da Dort Hier Heute Gestern Jetzt ' +
    'Laut Trotz Während Nicht Nur Mehr Insgesamt Rund Etwa Zuletzt Zuvor Inzwischen Mittlerweile Jedoch Deshalb ' +
    'Daher Denn Ob Was Wer Wo Warum Welche Alle Viele Einige Manche Mehrere Beide Jeder Jede Unter Über Gegen ' +
    'Durch Ohne Schon Immer Dazu Davon Darauf Zunächst Später Anschließend Ebenfalls Gleichzeitig Trotzdem Somit'
  ).split(' '),
);
// Words before a German ordinal: articles and the prepositions merged with one.
const GERMAN_ORDINAL_BEFORE = new Set(
  (
    'der die das den dem des im am zum zur beim vom ins ans ab seit bis ihr ihre ihrem ihren ihrer sein seine ' +
    'seinem seinen seiner unser unsere unserem jeder jedem jeden jedes dieses diesem dieser diesen'
  ).split(' '),
);
const CAPITALISED_AFTER_STOP = /\.\s+(\p{Lu}[\p{L}\-]*)/uy;

/** "der 3. Runde", "2. Bundesliga": a number with a full stop before a capitalised noun is an ordinal in German. */
export function isGermanOrdinal(text: string, end: number, words: string[]): boolean {
  CAPITALISED_AFTER_STOP.lastIndex = end;
  const next = CAPITALISED_AFTER_STOP.exec(text);
  if (!next) return false;
  return GERMAN_ORDINAL_BEFORE.has(last(words, 1)) || !GERMAN_SENTENCE_OPENERS.has(next[1]);
}


const ALL_DIGITS = /^\d+$/;

/**
 * The bare number (no unit, no scale) `raw` at [start, end) is not a figure: a day, a rank, a designation, a house
 * number, an age, a name or a service number. `words`: the words before it, lower-cased, nearest last.
 */
export function isBareNonFigure(
  text: string,
  raw: string,
  start: number,
  end: number,
  value: number,
  words: string[],
  language: Language,
): boolean {
  if (Number.isInteger(value) && isDay(text, end, value, words)) return true;
  if (isRankBefore(words) || isDesignatedNumber(text, start, end, words)) return true;
  if (mayOpenAddress(text, end)) {
    ADDRESS_AFTER.lastIndex = end;
    if (ADDRESS_AFTER.test(text)) return true;
  }
  if (isAgeOfPerson(text, start, end, value, words, language)) return true;
  if (ALL_DIGITS.test(raw) && isNamedNumber(text, start, end, language)) return true;
  return raw.length <= 4 && isServiceNumber(words, text, end);
}
