/** The marks a scraper leaves where it cut a teaser off: "…", "...", "[…]", "(…)", "… Read more". */

// Link texts that stand alone as a cut-off marker ("…the deal Read more").
const LINK_WORDS = String.raw`(?:read more|continue reading|keep reading|weiterlesen|mehr lesen|lire la suite|lire plus|en savoir plus|leer más|seguir leyendo|sigue leyendo|ver más)`;
// After an ellipsis a bare "more" is also a link ("… more").
const LINK_AFTER_ELLIPSIS = String.raw`(?:${LINK_WORDS}|more|mehr|plus|más)`;
const ELLIPSIS = String.raw`(?:…|\.{3,}|\. \. \.)`;
const BRACKETED = String.raw`(?:\[\s*${ELLIPSIS}\s*\]|\(\s*${ELLIPSIS}\s*\))`;
// Arrows and chevrons some sites append to the link text.
const ARROW = String.raw`(?:\s*[»›→>]+)?`;

const CUT_OFF = new RegExp(
  String.raw`\s*(?:${BRACKETED}(?:\s*${LINK_AFTER_ELLIPSIS}${ARROW})?|${ELLIPSIS}(?:\s*${LINK_AFTER_ELLIPSIS}${ARROW})?|(?<=\S)\s+${LINK_WORDS}${ARROW})$`,
  'iu',
);

export interface CutOff {
  /** The line without its marker; punctuation before the marker is kept ("deal,…" → "deal,"). */
  text: string;
  marker: string;
}

/** The teaser text and its marker when a line ends cut off, or null when it ends normally. */
// Every marker fits in the last few characters: only those are searched.
const TAIL_CHARS = 48;

// Cheap look at the last character before running the full pattern.
const LINK_ENDING = /(?:more|mehr|lesen|suite|plus|más|leyendo|reading)$/i;
const ARROW_OR_BRACKET = '…])»›→>';

export function findCutOff(line: string): CutOff | null {
  const last = line[line.length - 1];
  if (last === '.') {
    if (!line.endsWith('...') && !line.endsWith('. . .')) return null;
  } else if (!ARROW_OR_BRACKET.includes(last) && !LINK_ENDING.test(line.slice(-8))) return null;
  const offset = Math.max(0, line.length - TAIL_CHARS);
  const match = CUT_OFF.exec(offset ? line.slice(offset) : line);
  if (!match) return null;
  const text = line.slice(0, offset + match.index).trimEnd();
  if (text === '') return null;
  return { text, marker: match[0].trim() };
}

/** True when the line ends in a trailing-off ellipsis or a cut-off marker. */
export function isCutOff(line: string): boolean {
  return findCutOff(line) !== null;
}
