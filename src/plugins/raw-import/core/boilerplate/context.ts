import { countWordsUpTo } from '../text';
/** Debris known by its neighbours rather than by its own words. */

const MAX_CAPTION_WORDS = 30;
// Reporting verbs belong to the story: a caption or a post never attributes what it says.
const REPORTED =
  /\b(?:said|says|told|according to|added|sagte|sagt|erklärte|teilte|laut|a déclaré|a dit|selon|a indiqué|dijo|afirmó|según|explicó|señaló)(?![\p{L}\p{N}_])/iu;
// Generous on purpose: any full stop followed by more text counts, so that prose is never mistaken for a caption.
const SENTENCE_END = /[.!?…]["”’»)]?\s+\S/gu;

const sentences = (text: string) => 1 + (text.match(SENTENCE_END)?.length ?? 0);
const words = (text: string) => countWordsUpTo(text, 100);

/** The line above "Photo: Lars Hemming/The Post" is its caption when it is one short sentence that reports nothing. */
export function isCaptionBeforeCredit(text: string): boolean {
  return words(text) <= MAX_CAPTION_WORDS && sentences(text) === 1 && !/^["“„«]/u.test(text) && !REPORTED.test(text);
}

/** The post's own text above an embed signature ("— Name (@handle) date"): short, not a quotation of ours. */
export function isEmbeddedPostText(text: string, signature: string): boolean {
  return /^[—–-]\s/u.test(signature) && words(text) <= 40 && !/^["“„«]/u.test(text) && !REPORTED.test(text);
}

export const ROLE =
  /(?<![\p{L}\p{N}_])(?:reporters?|correspondents?|editors?|writers?|journalists?|columnists?|critic|producer|contributor|freelance|photographer|redakteur(?:in)?|korrespondent(?:in)?|reporter(?:in)?|autor(?:in)?|journalist(?:in)?|volontär(?:in)?|journaliste|correspondante?|rédact(?:eur|rice)|chroniqueu(?:r|se)|envoyée? spéciale?|periodista|corresponsal|redactor(?:a)?|columnista|editora?)(?![\p{L}\p{N}_])/iu;
const COVERS = /^(?:\p{Lu}[\p{L}'’.-]*\s){2,3}(?:covers|writes about|reports on|has covered|is based in|berichtet|schreibt über|couvre|suit|cubre|escribe sobre)(?![\p{L}\p{N}_])/u;
const IS_ROLE = /^(?:\p{Lu}[\p{L}'’.-]*\s){2,3}(?:is|was|ist|war|est|es|fue)\s/u;

/** An author's note after the article: "Jane Doe covers energy for …", "X ist Redakteurin im Lokalressort". */
export function isBio(text: string, byline: string | null): boolean {
  if (text.length > 400 || words(text) > 45 || sentences(text) > 2) return false;
  if (byline !== null) {
    const first = byline.split(/\s+(?:and|und|et|y|&)\s+|,\s*/u)[0].toLowerCase();
    if (first.length > 3 && text.toLowerCase().startsWith(first) && (ROLE.test(text) || COVERS.test(text))) return true;
  }
  return COVERS.test(text) || (IS_ROLE.test(text) && ROLE.test(text.slice(0, 120)));
}
