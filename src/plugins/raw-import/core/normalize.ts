/** One canonical form of a raw text, so every later rule sees the same characters. */

// Windows and old-Mac line ends, plus Unicode line/paragraph separators, all become "\n".
const LINE_BREAKS = /\r\n?|\u2028|\v|\f/g;
const PARAGRAPH_SEPARATOR = /\u2029/g;
// Tabs and no-break spaces (incl. the narrow one used as French thousands separator) read as spaces.
const SPACE_LIKE = /[\t\u00A0\u202F\u2007]/g;
const TRAILING_SPACES = /[ ]+$/gm;
const BOMS = /\uFEFF/g;

export function normalizeRawText(text: string): string {
  return text
    .replace(BOMS, '')
    .replace(LINE_BREAKS, '\n')
    .replace(PARAGRAPH_SEPARATOR, '\n\n')
    .normalize('NFC')
    .replace(SPACE_LIKE, ' ')
    .replace(TRAILING_SPACES, '');
}

/** A paragraph or teaser as stored: inner whitespace collapsed, ends trimmed. */
const UNTIDY_SPACE = /\s\s|[^\S ]|^\s|\s$/;
export function collapseSpaces(text: string): string {
  return UNTIDY_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}
