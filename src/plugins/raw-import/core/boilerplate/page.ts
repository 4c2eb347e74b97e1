import type { BoilerplateKind } from '../types';
import { buildNumberedParagraphs } from '../split/paragraphs';
import { matchForm } from '../article/fields';
import { countWordsUpTo } from '../text';
import { readByline } from './byline';
import { debrisKind, isPhotoCredit, opensWithImperative } from './lines';
import { isBio, isCaptionBeforeCredit, isEmbeddedPostText } from './context';
import { readMasthead } from './masthead';
import { markBoxes } from './boxes';

/** One paragraph of the article part of a page: prose (kind null) or debris of a named kind. */
export interface PageLine {
  text: string;
  /** 0-based line index in the text. */
  line: number;
  kind: BoilerplateKind | null;
}

export interface Page {
  title: string | null;
  byline: string | null;
  lines: PageLine[];
}

// A byline may also follow the headline's dek or a picture: within the first few paragraphs.
const BYLINE_REACH = 4;

/**
 * The article part of a page (everything before the teaser block): headline, byline, prose and
 * debris. Precision first: a paragraph leaves the body only when a rule names what it is.
 */
export function readPage(lines: string[]): Page {
  const top = readMasthead(lines);
  const paragraphs = buildNumberedParagraphs(lines.slice(top.next), top.next);
  let byline = top.byline;
  const out: PageLine[] = top.lines;
  const titleForm = top.title ? matchForm(top.title) : null;

  for (let i = 0; i < paragraphs.length; i++) {
    const { text, line } = paragraphs[i];
    if (byline === null && i < BYLINE_REACH) {
      const names = readByline(text);
      if (names !== null) {
        byline = names;
        continue;
      }
    }
    let kind = debrisKind(text);
    if (kind === null && top.title !== null && isSameHeadline(text, top.title, titleForm)) kind = 'repeated-headline';
    out.push({ text, line, kind });
  }
  markByContext(out, byline);
  return { title: top.title, byline, lines: out };
}

// A caption without a credit: a long line that does not end like a sentence, in the middle of prose.
const MIN_CAPTION_WORDS = 8;
const MAX_UNCREDITED_CAPTION_WORDS = 30;
const OPEN_END = /[\p{L}\p{N}%)\]]$/u;
const BULLET = /^[-–—•*·▪►✓]\s/u;

// Words only a picture's caption uses: "pictured", "(left)", "on display", "im Bild".
const CAPTION_CUE =
  /(?<![\p{L}])(?:pictured|photographed|seen here|on display|poses|posing|\((?:left|right|centre|center|top|above|below|links|rechts|à gauche|à droite|izquierda|derecha)\)|im bild|abgebildet|en photo|sur la photo|en la imagen|en la foto)(?![\p{L}])/iu;

/** A caption without a credit: it does not end like a sentence, and it speaks of the picture. */
function isUncreditedCaption(text: string): boolean {
  if (!OPEN_END.test(text) || BULLET.test(text) || !CAPTION_CUE.test(text)) return false;
  const n = wordCount(text, MAX_UNCREDITED_CAPTION_WORDS);
  return n >= MIN_CAPTION_WORDS && n <= MAX_UNCREDITED_CAPTION_WORDS;
}

/** The headline again (whatever its case or accents); the length check spares the comparison for most lines. */
function isSameHeadline(text: string, title: string, titleForm: string | null): boolean {
  return Math.abs(text.length - title.length) <= 4 && matchForm(text) === titleForm;
}

/** Debris known by its neighbours: a caption above its credit, an embedded post above its signature, a bio. */
function markByContext(lines: PageLine[], byline: string | null) {
  markBoxes(lines);
  const lastProse = lines.reduce((last, l, i) => (l.kind === null ? i : last), -1);
  for (let i = 0; i < lines.length; i++) {
    const current = lines[i];
    if (current.kind !== null) continue;
    if (i > 0 && isUncreditedCaption(current.text)) {
      current.kind = 'caption';
      continue;
    }
    const next = lines[i + 1];
    const previous = lines[i - 1];
    // A newsletter box goes on: "Newsletter Montclarens" / "Recevez chaque matin l'essentiel…" / "S'inscrire".
    if (previous?.kind === 'subscription' && wordCount(current.text, 25) <= 25 && opensWithImperative(current.text)) current.kind = 'subscription';
    else if (next && next.kind === 'credit' && isPhotoCredit(next.text) && isCaptionBeforeCredit(current.text)) current.kind = 'caption';
    else if (next && next.kind === 'social-embed' && isEmbeddedPostText(current.text, next.text)) current.kind = 'social-embed';
    else if (i >= lastProse - 1 && i > 0 && isBio(current.text, byline)) current.kind = 'bio';
  }
}

const wordCount = (text: string, cap?: number) => countWordsUpTo(text, cap);
