/** Numbers that are not figures: dates, years, ages, phone numbers, names and codes, events. */

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'Januar', 'Jänner', 'Februar', 'März', 'Mai', 'Juni', 'Juli', 'Oktober', 'Dezember',
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'setiembre', 'octubre',
  'noviembre', 'diciembre',
].join('|');

// "15 June", "15. Juni", "1er janvier", "15 de junio".
export const DAY_BEFORE_MONTH = new RegExp(String.raw`^(?:\.|er|th|st|nd|rd)?\s+(?:de\s+)?(?:${MONTHS})(?![\p{L}])`, 'iu');
// "June 15", "on 15" after a month name.
export const MONTH_BEFORE_DAY = new RegExp(String.raw`(?<![\p{L}])(?:${MONTHS})\.?\s+$`, 'iu');
export const MONTH_WORD = new RegExp(String.raw`^(?:${MONTHS})$`, 'iu');

export const isYear = (value: number, raw: string) => /^\d{4}$/.test(raw) && value >= 1800 && value <= 2100;

// "aged 47", "at the age of 51", "im Alter von 47", "âgé de 47".
export const AGE_BEFORE = /(?:\baged?|\bages of|\bage of|\bAlter von|\bâgée?s? de|\bedad de)\s+$/iu;
// "Harker, 47," and "Harker (47)": an age after a name.
export const NAME_COMMA_BEFORE = /\p{Lu}[\p{L}'’\-]*,\s$/u;
export const NAME_PAREN_BEFORE = /\p{Lu}[\p{L}'’\-]*\s\($/u;
export const AGE_AFTER = /^(?:-year-olds?|-years-old|\s+years?\s+old|\s+year-old|-jährigen?|\s+Jahre\s+alt|\s+ans\b|\s+años\b)/iu;

// "No. 1", "number 10", "Nr. 5", "n° 3", "#1": ranks and numbers used as names.
export const RANK_BEFORE = /(?:\bNo\.?|\bNr\.?|\bnumber|\bNummer|\bn[°º]|\bnúmero|\bnuméro|#|№)\s*$/iu;

// "men's 100 metres": an event name, not a distance.
export const EVENT_BEFORE = /(?:\bmen['’]s|\bwomen['’]s|\bboys['’]|\bgirls['’]|\bmixed|\bthe)\s+$/iu;
export const STANDARD_EVENT_DISTANCES = new Set([60, 100, 110, 200, 400, 800, 1500, 3000, 5000, 10000]);

// "1 in 4", "160 for 3", "2-0": ratios and scores.
export const RATIO_OR_SCORE_AFTER = /^\s+(?:in|for|von|sur|de)\s+\d/u;
export const RATIO_OR_SCORE_BEFORE = /\d\s+(?:in|for|von|sur)\s+$/u;

// Phone numbers: "01632 960 123", "+44 20 7946 0958", "(555) 123-4567", "555-123-4567".
export const PHONE = /(?<![\p{N}])(?:\+\d{1,3}[ \-]?(?:\(0\)\s?)?\d{1,5}(?:[ \-]\d{2,4}){1,4}|\(\d{2,5}\)[ \-]?\d{3,4}[ \-]?\d{3,4}|0\d{2,5}[ \-]\d{3,4}(?:[ \-]\d{2,4}){0,2}|\d{3}-\d{3}-\d{4})(?![\p{N}])/gu;

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
  while (j >= 0 && LETTER.test(text[j])) j--;
  const word = text.slice(j + 1, i);
  if (word === '') return null;
  let k = j;
  while (k >= 0 && /[\s"“”‘’«»(]/u.test(text[k])) k--;
  return { word, opensSentence: k < 0 || /[.!?:]/.test(text[k]) };
}

/** A capitalised word right before a bare number names it: "Harbour Friends 2", "Strandgade 30", "Boeing 737". */
export function isNamedNumber(text: string, start: number): boolean {
  const previous = previousWord(text, start);
  if (!previous || previous.opensSentence) return false;
  return UPPER.test(previous.word) && !NOT_A_NAME.has(previous.word) && !MONTH_WORD.test(previous.word);
}
