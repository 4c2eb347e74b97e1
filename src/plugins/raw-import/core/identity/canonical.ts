/**
 * The canonical form of a story's body: what its identity is made of. Two bodies that differ only in how
 * they were typed, scraped or laid out (whitespace, Unicode normalization form, curly or straight quotes,
 * dashes, letter case, invisible characters, where the lines and paragraphs break) have the same
 * canonical form; any change to a word, a digit or a punctuation mark that carries meaning gives a
 * different one.
 */

// What each typographic variant folds to. Invisible characters a scraper or a CMS leaves inside words
// (soft hyphen, zero-width space and joiners, word joiner, byte-order mark) fold to nothing.
const FOLDS = new Map<number, string>();
const fold = (chars: string, to: string) => {
  for (const c of chars) FOLDS.set(c.charCodeAt(0), to);
};
fold('\u00AD\u200B\u200C\u200D\u2060\uFEFF', '');
// Apostrophes and single quotes: curly, low, reversed, prime, angle, full-width, and the grave and acute
// accents typed as apostrophes.
fold('\u2018\u2019\u201A\u201B\u2032\u2035\u2039\u203A\uFF07`\u00B4', "'");
// Double quotes, double primes, guillemets, full-width.
fold('\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB\u301D\u301E\uFF02', '"');
// Hyphens, figure/en/em dashes, horizontal bar, minus sign, small and full-width hyphen-minus.
fold('\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D', '-');
fold('\u2026', '...');

/** White space as JavaScript's \s has it (the no-break, thin and ideographic spaces, line and paragraph separators). */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/**
 * One paragraph (or any text) in canonical form: typographic variants folded, a run of white space made one
 * space, a run of dashes ("--", "—") made one "-", ends trimmed, lower-cased, NFC. One pass over the
 * characters, copying the text in slices between the characters it changes.
 */
export function canonicalText(text: string): string {
  let out = '';
  let from = 0;
  // Whether the output so far ends in a space (true at the start, so leading space is dropped), or in "-".
  let space = true;
  let dash = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const plain = c < 128 ? c !== 96 && c !== 45 && !(c === 32 ? space : c >= 9 && c <= 13) : false;
    if (plain) {
      space = c === 32;
      dash = false;
      continue;
    }
    let to = isSpace(c) ? (space ? '' : ' ') : c === 45 ? '-' : FOLDS.get(c);
    if (to === '-' && dash) to = '';
    if (to === undefined) {
      space = false;
      dash = false;
      continue;
    }
    out += text.slice(from, i) + to;
    from = i + 1;
    if (to !== '') {
      space = to === ' ';
      dash = to === '-';
    }
  }
  out = from === 0 ? text : out + text.slice(from);
  if (out.charCodeAt(out.length - 1) === 32) out = out.slice(0, -1);
  // Lower-casing before NFC: lower-casing a composed letter can leave a decomposed sequence.
  return out.toLowerCase().normalize('NFC');
}

/**
 * The text whose sha256 is the body fingerprint (the server hashes it). Paragraphs are joined by a single
 * space, not a line break: the splitter cannot always tell a paragraph break from a hard-wrapped line (a
 * text wrapped at 72 columns with single newlines comes back one paragraph per line), so where the
 * paragraphs break is layout, not identity. Digits are kept as they are: a corrected number is a new body.
 */
export function fingerprintInput(body: string[]): string {
  let out = '';
  for (const paragraph of body) {
    const canonical = canonicalText(paragraph);
    if (canonical === '') continue;
    out = out === '' ? canonical : `${out} ${canonical}`;
  }
  return out;
}
