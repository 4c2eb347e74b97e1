import { escapeRegExp } from '../text';
/** Numerals as written in English, German, French and Spanish news copy → plain numbers. */

const COMMA_THOUSANDS = /^\d{1,3}(?:,\d{3}){1,6}(?:\.\d+)?$/;
const DOT_THOUSANDS = /^\d{1,3}(?:\.\d{3}){1,6}(?:,\d+)?$/;
const SPACE_THOUSANDS = /^\d{1,3}(?: \d{3}){1,6}(?:[.,]\d+)?$/;

/**
 * The digits of a numeral. `decimalComma` for German, French and Spanish text; `fractional` when a scale
 * word or "%" follows, where "1.125bn" and "2,500 Millionen" carry decimals rather than thousands.
 */
export function parseNumeral(raw: string, decimalComma: boolean, fractional = false): number {
  if (SPACE_THOUSANDS.test(raw)) return Number(raw.replace(/ /g, '').replace(',', '.'));
  if (COMMA_THOUSANDS.test(raw)) {
    const oneGroup = raw.indexOf(',') === raw.lastIndexOf(',') && !raw.includes('.');
    // "1,000,000" is a million everywhere; a lone ",500" is a decimal only in comma-decimal copy before a scale.
    if (oneGroup && decimalComma && fractional) return Number(raw.replace(',', '.'));
    return Number(raw.replace(/,/g, ''));
  }
  if (DOT_THOUSANDS.test(raw)) {
    const oneGroup = raw.indexOf('.') === raw.lastIndexOf('.') && !raw.includes(',');
    // "14.000 Lokführer" and "12.300 millones" are thousands; in English copy "$1.125bn" and "0.125" are decimals.
    if (oneGroup && (raw.startsWith('0.') || (!decimalComma && fractional))) return Number(raw);
    return Number(raw.replace(/\./g, '').replace(',', '.'));
  }
  return Number(raw.replace(',', '.'));
}

// Spelled-out numbers: small counts and round numbers a reporter writes in words.
const UNITS_EN: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, hundred: 100, thousand: 1000, dozen: 12,
};
const UNITS_DE: Record<string, number> = {
  zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11,
  zwölf: 12, zwanzig: 20, dreißig: 30, vierzig: 40, fünfzig: 50, hundert: 100, tausend: 1000, dutzend: 12,
};
const UNITS_FR: Record<string, number> = {
  deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, dix: 10, onze: 11, douze: 12,
  quinze: 15, vingt: 20, trente: 30, quarante: 40, cinquante: 50, cent: 100, mille: 1000, douzaine: 12,
};
const UNITS_ES: Record<string, number> = {
  dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11,
  doce: 12, quince: 15, veinte: 20, treinta: 30, cuarenta: 40, cincuenta: 50, cien: 100, mil: 1000, docena: 12,
};
export const SPELLED: Record<'en' | 'de' | 'fr' | 'es', Record<string, number>> = {
  en: UNITS_EN,
  de: UNITS_DE,
  fr: UNITS_FR,
  es: UNITS_ES,
};


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

/**
 * A regex for spelled numbers of one language: "twenty-five", "three hundred". Case variants are spelled
 * out instead of using the slow case-insensitive Unicode mode; the caller checks the match does not start
 * inside a word, and looks for an article before it ("a dozen").
 */
export function spelledNumberPattern(words: Record<string, number>): RegExp {
  const lower = Object.keys(words);
  const capitalised = lower.map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return new RegExp(
    String.raw`\b(${trie([...lower, ...capitalised])})(?:[ -](${trie(lower)}))?(?![\p{L}\p{N}])`,
    'gu',
  );
}

/** "a dozen", "an eighty-strong", "ein Dutzend": the article right before a spelled number. */
export const ARTICLE_BEFORE = /(?<![\p{L}])(?:[aA]n?|[uU]n[ae]?|[eE]ine?) $/u;

/** "twenty-five" → 25, "three hundred" → 300; null for a pair that does not compose. */
export function composeSpelled(words: Record<string, number>, first: string, second?: string): number | null {
  const a = words[first.toLowerCase()] ?? words[first];
  if (a === undefined) return null;
  if (!second) return a;
  const b = words[second.toLowerCase()];
  if (b === undefined) return null;
  if (b === 100 || b === 1000) return a < 100 ? a * b : null;
  if (a >= 20 && a < 100 && a % 10 === 0 && b < 10) return a + b;
  return null;
}
