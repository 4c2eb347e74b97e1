/** One canonical form of a raw text, so every later rule sees the same characters. */

// Windows and old-Mac line ends, plus Unicode line/paragraph separators, all become "\n".
const LINE_BREAKS = /\r\n?|[\u2028\v\f]/g;
const PARAGRAPH_SEPARATOR = /\u2029/g;
// Tabs, no-break spaces (incl. the narrow one French uses between thousands) and other space characters.
const SPACE_LIKE = /[\t\u00A0\u202F\u2007\u2000-\u200A\u3000]/g;
const RARE = /[\u2028\u2029\v\f\u202F\u2007\u2000-\u200A\u3000]/;
// Only from the first space of a run, so a long run of inner spaces is not rescanned from each of its spaces.
const TRAILING_SPACES = /(?<! ) +$/gm;

export function normalizeRawText(text: string): string {
  // Each step is skipped when its characters are absent: most texts need only one or two.
  const rare = RARE.test(text);
  let t = text.includes('\uFEFF') ? text.replace(/\uFEFF/g, '') : text;
  if (rare || t.includes('\r')) t = t.replace(LINE_BREAKS, '\n').replace(PARAGRAPH_SEPARATOR, '\n\n');
  t = t.normalize('NFC');
  if (rare || t.includes('\t') || t.includes('\u00A0')) t = t.replace(SPACE_LIKE, ' ');
  if (t.includes(' \n') || t.endsWith(' ')) t = t.replace(TRAILING_SPACES, '');
  return t;
}

/** A paragraph or teaser as stored: inner whitespace collapsed, ends trimmed. Expects normalized text. */
export function collapseSpaces(text: string): string {
  const untidy =
    text.includes('  ') || text.includes('\n') || text.charCodeAt(0) === 32 || text.charCodeAt(text.length - 1) === 32;
  return untidy ? text.replace(/\s+/g, ' ').trim() : text;
}
