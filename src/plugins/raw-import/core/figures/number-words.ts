import { escapeRegExp } from '../text';
import { lowerSlice } from './chars';
import type { Language } from '../language';
/** Numbers written in words, in English, German, French and Spanish: "twenty-five", "drei Millionen", "trois cents". */

// Words that add up ("twenty", "five", "doscientos"); multipliers are below.
const COUNTS_EN: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90,
};
const GERMAN_UNITS: [string, number][] = [
  ['ein', 1], ['zwei', 2], ['drei', 3], ['vier', 4], ['fünf', 5], ['sechs', 6], ['sieben', 7], ['acht', 8], ['neun', 9],
];
const GERMAN_TENS: [string, number][] = [
  ['zwanzig', 20], ['dreißig', 30], ['dreissig', 30], ['vierzig', 40], ['fünfzig', 50], ['sechzig', 60], ['siebzig', 70],
  ['achtzig', 80], ['neunzig', 90],
];
const COUNTS_DE: Record<string, number> = {
  eine: 1, einen: 1, einem: 1, einer: 1, ...Object.fromEntries(GERMAN_UNITS),
  zehn: 10, elf: 11, zwölf: 12, dreizehn: 13, vierzehn: 14, fünfzehn: 15, sechzehn: 16, siebzehn: 17, achtzehn: 18,
  neunzehn: 19, ...Object.fromEntries(GERMAN_TENS),
  // German writes "fünfundzwanzig", "zweihundert" and "dreitausend" as one word.
  ...Object.fromEntries(GERMAN_TENS.flatMap(([t, tv]) => GERMAN_UNITS.map(([u, uv]) => [`${u}und${t}`, tv + uv]))),
  ...Object.fromEntries(GERMAN_UNITS.flatMap(([u, uv]) => [[`${u}hundert`, uv * 100], [`${u}tausend`, uv * 1000]])),
};
const COUNTS_FR: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11,
  douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30, quarante: 40,
  cinquante: 50, soixante: 60, septante: 70, huitante: 80, octante: 80, nonante: 90,
};
const COUNTS_ES: Record<string, number> = {
  un: 1, una: 1, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10,
  once: 11, doce: 12, trece: 13, catorce: 14, quince: 15, dieciséis: 16, dieciseis: 16, diecisiete: 17,
  dieciocho: 18, diecinueve: 19, veinte: 20, veintiuno: 21, veintiún: 21, veintiuna: 21, veintidós: 22,
  veintidos: 22, veintitrés: 23, veintitres: 23, veinticuatro: 24, veinticinco: 25, veintiséis: 26, veintiseis: 26,
  veintisiete: 27, veintiocho: 28, veintinueve: 29, treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60,
  setenta: 70, ochenta: 80, noventa: 90, cien: 100, ciento: 100,
  doscientos: 200, doscientas: 200, trescientos: 300, trescientas: 300, cuatrocientos: 400, cuatrocientas: 400,
  quinientos: 500, quinientas: 500, seiscientos: 600, seiscientas: 600, setecientos: 700, setecientas: 700,
  ochocientos: 800, ochocientas: 800, novecientos: 900, novecientas: 900,
};
// Words that multiply what comes before them ("three hundred", "deux cents", "zwei Millionen", "two dozen").
const MULTIPLIERS: Record<Language, Record<string, number>> = {
  en: { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, dozen: 12 },
  de: {
    hundert: 100, Hundert: 100, tausend: 1e3, Tausend: 1e3, Million: 1e6, Millionen: 1e6, Milliarde: 1e9,
    Milliarden: 1e9, Billion: 1e12, Billionen: 1e12, Dutzend: 12, dutzend: 12,
  },
  fr: { cent: 100, cents: 100, mille: 1e3, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9, douzaine: 12 },
  es: { mil: 1e3, millón: 1e6, millones: 1e6, millardo: 1e9, millardos: 1e9, billón: 1e12, billones: 1e12, docena: 12 },
};
const COUNTS: Record<Language, Record<string, number>> = { en: COUNTS_EN, de: COUNTS_DE, fr: COUNTS_FR, es: COUNTS_ES };
/** The words for "one", which count only in a few contexts ("one man was killed", "un mort"). */
export const ONE_WORDS = new Set(['one', 'ein', 'eine', 'einen', 'einem', 'einer', 'un', 'une', 'una', 'uno']);
/** Multipliers that stand for a round number on their own only after an article ("a hundred", "a million"). */
const NEEDS_ARTICLE = new Set(
  'hundred thousand million billion trillion dozen Million Milliarde Billion Dutzend dutzend douzaine docena milliard millón millardo billón'.split(' '),
);
/** Plural multipliers alone are vague ("millions of people", "Millionen Euro"): not a number. */
const PLURAL_MULTIPLIERS = new Set(['millions', 'milliards', 'Millionen', 'Milliarden', 'Billionen', 'millones', 'millardos', 'billones', 'cents']);

/** A regex source matching exactly `words`, factored by shared prefixes so the engine does not retry each word. */
function trie(words: string[]): string {
  const groups = new Map<string, string[]>();
  let matchesEmpty = false;
  for (const w of words) {
    if (w === '') matchesEmpty = true;
    else groups.set(w[0], [...(groups.get(w[0]) ?? []), w.slice(1)]);
  }
  const branches = [...groups].map(([first, rests]) => escapeRegExp(first) + trie(rests));
  if (branches.length === 0) return '';
  const body = branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
  return matchesEmpty ? `(?:${body})?` : body;
}

// Between the words of one number: "twenty-five", "two hundred and fifty", "treinta y dos", "vingt et un".
const SEPARATOR = String.raw`(?:\s(?:and|y|et)\s|-et-|[ -])`;
const SEPARATOR_AT = new RegExp(SEPARATOR, 'y');

/**
 * A regex for the spelled numbers of one language, up to six words. Case variants of the first word are
 * spelled out instead of using the slow case-insensitive Unicode mode; the caller checks the match does not
 * start inside a word, and looks for an article before it ("a dozen").
 */
export function spelledNumberPattern(language: Language): RegExp {
  const words = [...Object.keys(COUNTS[language]), ...Object.keys(MULTIPLIERS[language])];
  const capitalised = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  const any = trie([...new Set([...words, ...capitalised])]);
  return new RegExp(String.raw`\b${any}(?:${SEPARATOR}${trie(words)}){0,5}(?![\p{L}\p{N}])`, 'gu');
}

export interface SpelledNumber {
  value: number;
  /** Where the words that make up the number end (the match may run on: "two and three" reads "two"). */
  end: number;
  /** The number is one word for "one". */
  one: boolean;
  /** The number is a multiplier standing alone ("hundred", "million"). */
  bareMultiplier: string | null;
}

const WORD_AT = /[\p{L}]+/uy;

/**
 * Reads the words of a spelled-number match from `start` to `matchEnd`: "three hundred and twenty" → 320,
 * "quatre-vingt-dix" → 90, "tres mil quinientas" → 3500, "mil millones" → 10^9. Stops at the first word
 * that does not continue the number.
 */
export function readSpelledNumber(text: string, start: number, matchEnd: number, language: Language): SpelledNumber | null {
  const counts = COUNTS[language];
  const multipliers = MULTIPLIERS[language];
  let total = 0;
  let group = 0;
  let lastBig = Infinity;
  let words = 0;
  let end = start;
  let first = '';
  let firstLower = '';
  let at = start;
  while (at < matchEnd) {
    WORD_AT.lastIndex = at;
    if (!WORD_AT.test(text)) break;
    const word = text.slice(at, WORD_AT.lastIndex);
    const lower = lowerSlice(text, at, WORD_AT.lastIndex);
    const multiplier = multipliers[word] ?? multipliers[lower];
    const count = multiplier === undefined ? (counts[lower] ?? counts[word]) : undefined;
    if (multiplier === undefined && count === undefined) break;
    if (multiplier !== undefined) {
      if (multiplier < 1000) {
        // "three hundred", "two dozen", "a hundred"; not "twenty hundred" or "hundred hundred".
        if ((group >= 10 && multiplier === 100) || (group > 0 && multiplier === 12 && group >= 13)) break;
        if (words > 0 && group === 0) break;
        group = (group || 1) * multiplier;
      } else if (multiplier < lastBig) {
        total += (group || 1) * multiplier;
        group = 0;
        lastBig = multiplier;
      } else if (lastBig === 1000 && multiplier >= 1e6 && group === 0) {
        // Spanish "tres mil millones": thousands of millions.
        total *= multiplier;
        lastBig = multiplier;
      } else break;
    } else {
      const v = count as number;
      if (group === 0) group = v;
      else if (group % 100 === 0 && v < 100) group += v; // "ciento veinte", "trois cent vingt"
      else if (group >= 20 && group < 100 && group % 10 === 0 && v < 10) group += v; // "twenty five", "vingt et un"
      else if (group === 10 && v >= 7 && v <= 9) group += v; // "dix-sept"
      else if ((group === 60 || group === 80) && v >= 10 && v < 20) group += v; // "soixante-dix", "quatre-vingt-douze"
      else if (group === 4 && v === 20) group = 80; // "quatre-vingts"
      else break;
    }
    if (words === 0) {
      first = word;
      firstLower = lower;
    }
    words++;
    end = WORD_AT.lastIndex;
    SEPARATOR_AT.lastIndex = end;
    if (!SEPARATOR_AT.test(text)) break;
    at = SEPARATOR_AT.lastIndex;
  }
  if (words === 0) return null;
  const value = total + group;
  if (words > 1) return { value, end, one: false, bareMultiplier: null };
  if (PLURAL_MULTIPLIERS.has(first)) return null;
  const bare = NEEDS_ARTICLE.has(first) || NEEDS_ARTICLE.has(firstLower);
  return { value, end, one: ONE_WORDS.has(firstLower), bareMultiplier: bare ? first : null };
}

/** A lower-case word that is a number on its own ("nine", "neuf", "nueve"). */
export const isNumberWord = (word: string, language: Language): boolean => COUNTS[language][word] !== undefined;

/** "a dozen", "an eighty-strong", "ein Dutzend": the article right before a spelled number. */
export const ARTICLE_BEFORE = /(?<![\p{L}])(?:[aA]n?|[uU]n[ae]?|[eE]ine?) $/u;
