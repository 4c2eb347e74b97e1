/**
 * The author credit: "By HANNA VOSS and Dario Lentz, Continental Wire" → "HANNA VOSS and Dario Lentz";
 * "Von Lena Brandt, dpa" → "Lena Brandt"; "Par Élise Garnier et Hugo Marchand" → as written.
 * The names as written, without the leading word and without a trailing agency, outlet or role.
 */

const LEAD = /^(?:by|von|par|por|text|texto|texte|autor|author|written by)\s*:?\s+/iu;
// "By Jane Doe in Lagos", "Von Lena Brandt aus Berlin": the place after the names.
const PLACE_AFTER = /\s+(?:in|aus|à|en|desde|from)\s+\p{Lu}[\p{L}\p{M} .'’-]*$/u;
// "By KELLY-ANNE MARSH FOR THE DAILY CLARION": the outlet after "for".
const OUTLET_AFTER = /\s+(?:for|für|pour|para)\s+.*$/iu;
// Agencies and outlets in brackets: "Lena Brandt (dpa)".
const BRACKETED = /\s*\([^)]*\)\s*$/u;
const JOINERS = new Set(['and', 'und', 'et', 'y', 'e', '&', 'with', 'mit', 'avec', 'con']);
// Particles inside names: "Ana de la Cruz", "Jan van der Berg", "Ibn Battuta".
const PARTICLES = new Set(['de', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'du', 'da', 'dos', 'das', 'di', 'bin', 'ibn', 'al', 'el', 'ten', 'ter', 'zu', 'y']);
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
// Calendar words are not names: "By Tuesday evening, …".
const NOT_NAMES = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|the|this|that|then|now|far|law|car|air|road|rail|sea|train|ferry|plane|day|night|noon|midnight|contrast|comparison|early|late|mid|end|dawn)$/iu;
const MAX_BYLINE_CHARS = 160;
const MAX_NAME_WORDS = 12;

/** The credited names when the line is a byline; null otherwise. */
export function readByline(line: string): string | null {
  const text = line.trim();
  if (text.length > MAX_BYLINE_CHARS || !LEAD.test(text)) return null;
  // Names end at a comma, "|", a dash, a slash or a bullet: the rest is an outlet, an agency or a role.
  let names = text.replace(LEAD, '').split(/\s*(?:,|\||•|·|\s[-–—/]\s|\/\/)\s*/u)[0];
  names = names.replace(BRACKETED, '').replace(OUTLET_AFTER, '').replace(PLACE_AFTER, '').trim();
  return looksLikeNames(names) ? names : null;
}

// "Lucia Ferrante in Milan", "Jonas Pfeil aus Berlin": a credit without "By", as business papers print it.
const PLAIN_WITH_PLACE = /^(.+?)\s+(?:in|aus|à|en|desde)\s+\p{Lu}[\p{L}\p{M}'’-]+(?:\s\p{Lu}[\p{L}\p{M}'’-]+)?$/u;

/** The names of a credit line without a leading "By" that ends on its place; only looked for under a headline. */
export function readPlainByline(line: string): string | null {
  const text = line.trim();
  if (text.length > 80) return null;
  const m = PLAIN_WITH_PLACE.exec(text);
  return m && looksLikeNames(m[1]) ? m[1] : null;
}

/** Capitalised names joined by "and"/"und"/"et"/"y", each of at least two words, without digits. */
function looksLikeNames(names: string): boolean {
  if (names === '' || /[\d.!?;:"“”]$/u.test(names) || /\d/.test(names)) return false;
  const words = names.split(/\s+/);
  if (words.length > MAX_NAME_WORDS || NOT_NAMES.test(words[0])) return false;
  let inName = 0;
  for (const word of words) {
    if (JOINERS.has(word.toLowerCase())) {
      if (inName < 2) return false;
      inName = 0;
    } else if (NAME_WORD.test(word)) inName++;
    else if (PARTICLES.has(word.toLowerCase()) && inName > 0) continue;
    else return false;
  }
  return inName >= 2;
}
