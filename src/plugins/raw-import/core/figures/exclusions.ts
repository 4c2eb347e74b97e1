import { wordsBefore } from '../text';
/** Numbers that are not figures: dates, years, ages, phone numbers, names and codes, events. */

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'Januar', 'Jänner', 'Februar', 'März', 'Mai', 'Juni', 'Juli', 'Oktober', 'Dezember',
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'setiembre', 'octubre',
  'noviembre', 'diciembre',
].join('|');

// "15 June", "15. Juni", "1er janvier", "15 de junio" (sticky: tested right after the day).
export const DAY_BEFORE_MONTH = new RegExp(String.raw`(?:\.|er|th|st|nd|rd)?\s+(?:de\s+)?(?:${MONTHS})(?![\p{L}])`, 'iuy');
const MONTH_NAMES = new Set(MONTHS.toLowerCase().split('|'));
export const MONTH_WORD = new RegExp(String.raw`^(?:${MONTHS})$`, 'iu');

export const isYear = (value: number, raw: string) => /^\d{4}$/.test(raw) && value >= 1800 && value <= 2100;

// "aged 47", "at the age of 51", "im Alter von 47", "âgé de 47".
const AGE_WORDS = new Set(['aged', 'age', 'age of', 'ages of', 'alter von', 'âgé de', 'âgée de', 'âgés de', 'edad de', 'aged between']);
// "Harker (47)": an age after a name.
export const NAME_PAREN_BEFORE = /\p{Lu}[\p{L}'’\-]*\s\($/u;
export const AGE_AFTER = /(?:-year-olds?|-years-old|\s+years?\s+old|\s+year-old|-jährigen?|\s+Jahre\s+alt|\s+ans\b|\s+años\b)/iuy;

// "No. 1", "number 10", "Nr. 5", "n° 3": ranks and numbers used as names.
const RANK_WORDS = new Set(['no', 'no.', 'nr', 'nr.', 'number', 'nummer', 'n°', 'nº', 'número', 'numéro', 'núm.', 'top', 'platz', 'rang']);

/** The last three words before `end` (within 64 characters), lower-cased, nearest last; fewer at a sentence start. */
export function precedingWords(text: string, end: number): string[] {
  return wordsBefore(text, end, 3, 64)
    .reverse()
    .map((w) => text.slice(w.start, w.end).replace(LEADING_BRACKETS, '').toLowerCase());
}

const LEADING_BRACKETS = /^[("“‘«]+/;
const last = (words: string[], n: number) => words.slice(-n).join(' ');

export const isAgeBefore = (words: string[]) => AGE_WORDS.has(last(words, 1)) || AGE_WORDS.has(last(words, 2));
export const isRankBefore = (words: string[]) => RANK_WORDS.has(last(words, 1));

// "men's 100 metres": an event name, not a distance.
export const EVENT_BEFORE = /(?:\bmen['’]s|\bwomen['’]s|\bboys['’]|\bgirls['’]|\bmixed)\s+$/iu;
export const STANDARD_EVENT_DISTANCES = new Set([60, 100, 110, 200, 400, 800, 1500, 3000, 5000, 10000]);
// "the 60 metres title", "the 400m final", "100 metres hurdles": a standard distance naming the race it is.
export const EVENT_AFTER =
  /\s+(?:title|final|finals|semi-finals?|semifinals?|heats?|hurdles|freestyle|backstroke|breaststroke|butterfly|medley|relay|steeplechase|world record|gold|silver|bronze|champion|championship)\b/iuy;

// "aged 18 to 24": the upper end of an age range.
export const AGE_RANGE_BEFORE = /\bag(?:ed|es)\s+(?:between\s+)?\d+\s+(?:to|and|or|-)\s+$/i;
// "5 deaths per 100,000 people", "for every 1,000 births": the base of a rate, not a count.
const RATE_WORDS = new Set(['per', 'pro', 'pour', 'je', 'every', 'cada']);

// "7/7", "24/7", "9/11": dates and codes written with a slash.
export const SLASH_AFTER = /\/\d/y;
// "15.06.2024", "v1.2.3": a dotted date or version.
export const DOTTED_AFTER = /[.]\d/y;

// "1 in 4", "160 for 3", "2-0": ratios and scores.
export const RATIO_OR_SCORE_AFTER = /\s+(?:in|for|out of|von|sur|de)\s+\d/uy;
const RATIO_WORDS = new Set(['in', 'for', 'of', 'von', 'sur']);
const SMALL_NUMBERS = new Set('one two three four five six seven eight nine ten'.split(' '));

// Phone numbers: "01632 960 123", "+44 20 7946 0958", "(555) 123-4567", "555-123-4567".
export const PHONE = /(?:\+\d{1,3}[ \-]?(?:\(0\)\s?)?\d{1,5}(?:[ \-]\d{2,4}){1,4}|\(\d{2,5}\)[ \-]?\d{3,4}[ \-]?\d{3,4}|0\d{2,5}[ \-]\d{3,4}(?:[ \-]\d{2,4}){0,2}|\d{3}-\d{3}-\d{4})(?![\p{N}])/uy;

// "call 8712 4450", "phone 555 0199": grouped digits right after a calling word are a phone number,
// even without a leading 0 or "+" (at least 6 digits in 2 or more groups, not shaped like "140 000").
export const PHONE_CUE_BEFORE = /\b(?:call|calling|phone|ring|dial|text|tel\.?|telephone|hotline|helpline|fax|whatsapp|tél\.?|téléphone|teléfono|telefon)(?:\s+(?:us|them|him|her|on|at|the|number|no\.?)){0,3}:?\s+$/iu;
export const THOUSANDS_SHAPED = /^\d{1,3}(?: \d{3})+$/;
export const GROUPED_DIGITS = /\d{2,5}(?:[ \-]\d{2,5}){1,4}(?![\p{N}])/uy;

// Capitalised words that do not name the number after them.
export const NOT_A_NAME = new Set(
  (
    'About Around Over Under Nearly Almost Some Up More Fewer Less At Only Just Roughly Approximately Another ' +
    'Rund Etwa Fast Knapp Mehr Über Unter Bis Mindestens Environ Plus Moins Près Unos Unas Más Menos Casi Cerca'
  ).split(' '),
);

const LETTER = /[\p{L}'’\-]/u;
const UPPER = /^\p{Lu}/u;

/** The word right before `start` (one space apart) and whether it opens its sentence. */
export function previousWord(text: string, start: number): { word: string; opensSentence: boolean } | null {
  let i = start - 1;
  if (i < 1 || text[i] !== ' ') return null;
  let j = i - 1;
  const floor = Math.max(-1, i - 40);
  while (j > floor && LETTER.test(text[j])) j--;
  if (j === floor && floor >= 0) return null;
  const word = text.slice(j + 1, i);
  if (word === '') return null;
  let k = j;
  while (k >= 0 && k > j - 8 && /[\s"“”‘’«»(]/u.test(text[k])) k--;
  return { word, opensSentence: k < 0 || /[.!?:]/.test(text[k]) };
}

/** A capitalised word right before a bare number names it: "Harbour Friends 2", "Strandgade 30", "Boeing 737". */
export function isNamedNumber(text: string, start: number): boolean {
  const previous = previousWord(text, start);
  if (!previous || previous.opensSentence) return false;
  return UPPER.test(previous.word) && !NOT_A_NAME.has(previous.word) && !MONTH_WORD.test(previous.word);
}

// "gate 7", "platform 9", "chapter 11", "Route 66": a number that names something, not a quantity.
const DESIGNATORS = new Set(
  (
    'gate platform terminal room page article section chapter clause flight route bus line phase stage category ' +
    'grade episode season round pier runway junction exit bay ward floor lane track block unit lot zone district ' +
    'division group pool match game week day year number no apartment flat house building tower stand row seat ' +
    'version model series batch squad court hall wing stop jersey shirt size ph channel'
  ).split(' '),
);

// After "last year 300 people…" a counted noun follows; after "gate 7" it does not.
const NOUN_AFTER = /\s(\p{Ll}+)/uy;
const NOT_A_NOUN = new Set(
  'and or of in on at to for with by from was were is are has had have will would the a an which that who where when as after before'.split(' '),
);

export function isDesignatedNumber(text: string, start: number, end: number): boolean {
  const previous = previousWord(text, start);
  if (previous === null || !DESIGNATORS.has(previous.word.toLowerCase())) return false;
  NOUN_AFTER.lastIndex = end;
  const next = NOUN_AFTER.exec(text);
  return next === null || NOT_A_NOUN.has(next[1]);
}

// "a woman, 52, who…": a bare number set off by commas after a person is an age.
export const APPOSITION_BEFORE = /,\s$/;

/** "June 15": a day after a month name. */
export const isAfterMonth = (words: string[]) => MONTH_NAMES.has(last(words, 1).replace(/\.$/, ''));

/** "per 100,000", "for every 1,000": the base of a rate. */
export const isRateBase = (words: string[]) => RATE_WORDS.has(last(words, 1));

/** "1 in 4", "three out of 4", "160 for 3": the second number of a ratio or a score. */
export function isRatioOrScoreEnd(words: string[]): boolean {
  const link = words[words.length - 1];
  if (link === undefined || !RATIO_WORDS.has(link)) return false;
  // "out of": the number sits three words back.
  const number = link === 'of' ? (words[words.length - 2] === 'out' ? words[words.length - 3] : undefined) : words[words.length - 2];
  if (number === undefined) return false;
  return /^\d+$/.test(number) || (link !== 'for' && SMALL_NUMBERS.has(number));
}
