/** Phone numbers, which are never figures: "01632 960 123", "+49 30 1234567", "(555) 123-4567", "01 23 45 67 89", "call 911". */

// "+44 20 7946 0958", "+49 30 1234567", "(555) 123-4567", "01 23 45 67 89", "06.12.34.56.78", "030/1234567", "555-123-4567".
const PHONE =
  /(?:\+\d{1,3}[ \-]?(?:\(0\)\s?)?\d{1,5}(?:[ \-]\d{2,8}){1,4}|\(\d{2,5}\)[ \-]?\d{3,4}[ \-]?\d{3,4}|0\d(?:([ .\-])\d{2})(?:\1\d{2}){3}|0\d{2,5}[ \-/]\d{3,8}(?:[ \-]\d{2,4}){0,2}|\d{3}-\d{3}-\d{4})(?![\p{N}])/uy;

// "call 8712 4450", "phone 555 0199", "llame al 91 123 45 67": a calling word, then the number.
const PHONE_CUE_BEFORE =
  /(?:^|[^\p{L}])(?:call|calling|phone|ring|dial|text|tel\.?|telephone|hotline|helpline|fax|whatsapp|tél\.?|téléphone|appelez|appeler|composez|composer|teléfono|llame|llamar|llamando|marque|marcar|telefon|anrufen|wählen|notruf(?:nummer)?|rufnummer)(?:\s+(?:us|them|him|her|on|at|the|number|no\.?|le|au|la|al|el|número|numéro|unter|der|die|nummer|sie)){0,3}:?\s+$/iu;
const THOUSANDS_SHAPED = /^\d{1,3}(?: \d{3})+$/;
const GROUPED_DIGITS = /\d{2,5}(?:[ \-]\d{2,5}){1,4}(?![\p{N}])/uy;
const DIGIT = /\d/;

/** The end of the phone number starting at `at` (its first digit, "+" or bracket), or -1. */
export function phoneEnd(text: string, at: number): number {
  PHONE.lastIndex = at;
  return PHONE.test(text) ? PHONE.lastIndex : -1;
}

/**
 * "91 123 45 67", "555 123 4567": three or more groups that make no amount (groups after the first not all three
 * digits long), and no amount after a first number either ("in 2019 12 300 people").
 */
function isPhoneShaped(groups: string): boolean {
  const parts = groups.split(/[ \-]/);
  if (parts.length < 3 || parts.join('').length < 7) return false;
  let thousandsAfterFirst = parts[1].length <= 3;
  let thousandsShaped = true;
  for (let i = 2; i < parts.length; i++) if (parts[i].length !== 3) thousandsAfterFirst = false;
  for (let i = 1; i < parts.length; i++) if (parts[i].length !== 3) thousandsShaped = false;
  return !thousandsShaped && !thousandsAfterFirst;
}

/**
 * The end of digits in groups starting at [start, end) that make a phone number, or -1: shaped like no amount
 * ("91 123 45 67"), or after a calling word ("call 8712 4450"; 6+ digits, not shaped like "140 000").
 */
export function groupedPhoneEnd(text: string, start: number, end: number): number {
  // Cheap look first: another group of digits must follow the first one.
  const gap = text[end];
  if ((gap !== ' ' && gap !== '-') || !DIGIT.test(text[end + 1] ?? '')) return -1;
  GROUPED_DIGITS.lastIndex = start;
  const m = GROUPED_DIGITS.exec(text);
  if (!m || m[0].replace(/\D/g, '').length < 6 || THOUSANDS_SHAPED.test(m[0])) return -1;
  if (!isPhoneShaped(m[0]) && !PHONE_CUE_BEFORE.test(text.slice(Math.max(0, start - 40), start))) return -1;
  return GROUPED_DIGITS.lastIndex;
}

// Calling words (lower-cased) and the short words between them and a service number: "call 911", "llame al 112",
// "el servicio de emergencias 112.".
const CALLING = new Set(
  (
    'call calling phone ring dial text telephone hotline helpline tel tel. appelez appeler composez composer llame llamar ' +
    'llamando marque marcar anrufen wählen notruf notrufnummer emergency emergencias urgences'
  ).split(' '),
);
const BETWEEN = new Set('us on at the number no. or le au la al el unter sie'.split(' '));
const DIGITS = /^\d{2,4}$/;
// "call 911", "dial 999 or 112", "llame al 112.": a short service number ends its clause.
const SERVICE_NUMBER_END =
  /\s?(?:[.,;:)!?]|$|\s(?:or|and|for|to|if|now|immediately|in|on|at|from|o|y|ou|et|oder|und|pour|para|en|dès|sofort)(?![\p{L}]))/uy;

/** A bare number of up to four digits at [.., end) after a calling word is a service number ("call 911 now"). */
export function isServiceNumber(words: string[], text: string, end: number): boolean {
  let k = words.length - 1;
  // "dial 999 or 112": step back over the short words and an earlier number.
  while (k >= 0 && (BETWEEN.has(words[k]) || DIGITS.test(words[k]))) k--;
  const cue = words[k];
  if (cue === undefined || !(CALLING.has(cue) || (cue.endsWith(':') && CALLING.has(cue.slice(0, -1))))) return false;
  SERVICE_NUMBER_END.lastIndex = end;
  return SERVICE_NUMBER_END.test(text);
}
