import { Opening } from './chars';
/** Numbers that are dates or times, not figures: "15 June", "June 15", "12 to 14 March", "14.3.", "14.00". */

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
// "12 to 14 March", "3, 4 and 5 May", "du 3 au 5 mai", "del 3 al 5 de mayo", "entre el 3 y el 5 de mayo": the first
// days of a date range or list (sticky: tested right after the day).
const DAY_RANGE_BEFORE_MONTH = new RegExp(
  String.raw`(?:\.|er|th|st|nd|rd)?(?:,\s*\d{1,2}(?:\.|er|th|st|nd|rd)?){0,5}` +
    String.raw`(?:\s*[-–]\s*|\s(?:to|and|&|or|till|until|through|bis|und|oder|au|et|ou|al|a|y|o)\s+(?:(?:the|le|el|den|dem|zum)\s+)?)` +
    String.raw`\d{1,2}(?:\.|er|th|st|nd|rd)?\s+(?:de\s+)?(?:${MONTHS})(?![\p{L}])`,
  'iuy',
);
const MONTH_NAMES = new Set(MONTHS.toLowerCase().split('|'));
export const MONTH_WORD = new RegExp(String.raw`^(?:${MONTHS})$`, 'iu');
const RANGE_LINKS = new Set(['to', 'and', '&', 'or', 'till', 'until', 'through', '-', '–']);
const DAY = /^\d{1,2}(?:st|nd|rd|th)?,?$/;

export const isYear = (value: number, raw: string) => value >= 1800 && value <= 2100 && /^\d{4}$/.test(raw);

const isMonth = (word: string | undefined) =>
  word !== undefined && MONTH_NAMES.has(word.charCodeAt(word.length - 1) === 46 ? word.slice(0, -1) : word);

// What DAY_BEFORE_MONTH and DAY_RANGE_BEFORE_MONTH can start with (either case; "ſ" folds to "s"): an ordinal
// ending, a comma or a dash; after spaces a month, "de", a dash or a linking word.
const DAY_OPENING = new Opening('.eEtTsSſnNrR,-–', 'jfmasondJFMASONDſtauobeyTAUOBEY&-–', 'spaces');

/**
 * The bare whole number `value` at [.., end) is a day: "15 June", "June 15", "12 to 14 March" (either day),
 * "May 3 to 5". `words`: the words before it, lower-cased, nearest last.
 */
export function isDay(text: string, end: number, value: number, words: string[]): boolean {
  if (value > 31) return false;
  if (isMonth(words[words.length - 1])) return true;
  if (words.length === 3 && RANGE_LINKS.has(words[2]) && DAY.test(words[1]) && isMonth(words[0])) return true;
  if (!DAY_OPENING.at(text, end)) return false;
  DAY_BEFORE_MONTH.lastIndex = end;
  if (DAY_BEFORE_MONTH.test(text)) return true;
  DAY_RANGE_BEFORE_MONTH.lastIndex = end;
  return DAY_RANGE_BEFORE_MONTH.test(text);
}

// "14.3." in German: a day and a month.
const SHORT_DATE = /^\d{1,2}\.\d{1,2}$/;
/** German "bis zum 14.3.": a day and a month, with its closing full stop at `end`. */
export const isGermanShortDate = (text: string, raw: string, end: number) => text[end] === '.' && SHORT_DATE.test(raw);

// "14.00", "9.30": hours and minutes.
const TIME_WITH_STOP = /^(?:[01]?\d|2[0-4])\.[0-5]\d$/;
// In English copy "at 14.30" is a time, but "rose to 7.54" a number: only on the quarter hour, after "at", "from"….
const QUARTER_HOUR = /\.(?:00|15|30|45)$/;
const TIME_BEFORE = /(?:^|\s)(?:at|from|until|till|between|before|after)\s$/i;

/** "entre las 14.00 y las 16.00", "at 14.30": a bare time written with a full stop. */
export function isTimeWithStop(text: string, raw: string, start: number, decimalComma: boolean): boolean {
  if (!TIME_WITH_STOP.test(raw)) return false;
  // Where "2,5" is a decimal, "14.00" can only be a time.
  return decimalComma || (QUARTER_HOUR.test(raw) && TIME_BEFORE.test(text.slice(Math.max(0, start - 8), start)));
}
