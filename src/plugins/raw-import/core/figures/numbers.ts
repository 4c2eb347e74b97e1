/** Numerals as written in English, German, French and Spanish news copy → plain numbers. */

const COMMA_THOUSANDS = /^\d{1,3}(?:,\d{3}){1,6}(?:\.\d+)?$/;
const DOT_THOUSANDS = /^\d{1,3}(?:\.\d{3}){1,6}(?:,\d+)?$/;
const SPACE_THOUSANDS = /^\d{1,3}(?: \d{3}){1,6}(?:[.,]\d+)?$/;

/**
 * The digits of a numeral. `decimalComma` for German, French and Spanish text; `fractional` when a scale
 * word or "%" follows, where "1.125bn" and "2,500 Millionen" carry decimals rather than thousands.
 */
export function parseNumeral(raw: string, decimalComma: boolean, fractional = false): number {
  // Digits alone, or with full stops only (the patterns below all need a comma or a space, but one).
  let comma = false;
  let space = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 44) comma = true;
    else if (c === 32) space = true;
  }
  if (!comma && !space) {
    if (raw.includes('.') && DOT_THOUSANDS.test(raw)) return dotThousands(raw, decimalComma, fractional);
    return Number(raw);
  }
  if (SPACE_THOUSANDS.test(raw)) return Number(raw.replace(/ /g, '').replace(',', '.'));
  if (COMMA_THOUSANDS.test(raw)) {
    const oneGroup = raw.indexOf(',') === raw.lastIndexOf(',') && !raw.includes('.');
    // "1,000,000" is a million everywhere; a lone ",500" is a decimal only in comma-decimal copy before a scale.
    if (oneGroup && decimalComma && fractional) return Number(raw.replace(',', '.'));
    return Number(raw.replace(/,/g, ''));
  }
  if (DOT_THOUSANDS.test(raw)) return dotThousands(raw, decimalComma, fractional);
  return Number(raw.replace(',', '.'));
}

/** A numeral shaped "14.000" or "1.234.567,5". */
function dotThousands(raw: string, decimalComma: boolean, fractional: boolean): number {
  const oneGroup = raw.indexOf('.') === raw.lastIndexOf('.') && !raw.includes(',');
  // "14.000 Lokführer" and "12.300 millones" are thousands; in English copy "$1.125bn" and "0.125" are decimals.
  if (oneGroup && (raw.startsWith('0.') || (!decimalComma && fractional))) return Number(raw);
  return Number(raw.replace(/\./g, '').replace(',', '.'));
}
