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
