import type { BoilerplateKind } from '../types';
import { headlineAt } from '../split/title';
import { buildNumberedParagraphs } from '../split/paragraphs';
import { matchForm } from '../article/fields';
import { collapseSpaces } from '../split/normalize';
import { countWordsUpTo } from '../text';
import { readByline, readPlainByline } from './byline';
import { debrisKind, isPhotoCredit, isSectionLabel, opensWithImperative } from './lines';
import { ROLE, isBio, isCaptionBeforeCredit, isEmbeddedPostText } from './context';

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

// The masthead (section labels, time stamps, headline, byline) sits in the first few lines.
const MAX_TOP_LINES = 12;
// A byline may also follow the headline's dek or a picture: within the first few paragraphs.
const BYLINE_REACH = 4;
const MAX_LABEL_WORDS = 4;

interface TopLine {
  text: string;
  line: number;
  kind: BoilerplateKind | 'byline' | 'candidate' | 'banner';
}

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

// A box inside the article: "Most read", "Lire aussi", "Topics", "About the author", then its items.
const MAX_WIDGET_ITEMS = 6;
const MAX_ITEM_WORDS = 25;
const CLOSED_SENTENCE = /[.!?…]["”’»)]?$/u;

/**
 * The items under a box's header are links (headlines, topics) until the story's prose resumes:
 * a line closed like a sentence ends the box. "About the author" takes the bio under it.
 */
function markWidgets(lines: PageLine[]) {
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i];
    const kind = header.kind === null ? widgetKind(header.text) : null;
    if (kind === null) continue;
    header.kind = kind;
    for (let j = i + 1, taken = 0; j < lines.length && taken < MAX_WIDGET_ITEMS; j++, taken++) {
      const item = lines[j];
      if (item.kind !== null) break;
      if (kind === 'bio') {
        if (wordCount(item.text) <= 60) item.kind = 'bio';
        break;
      }
      if (CLOSED_SENTENCE.test(item.text) || wordCount(item.text) > MAX_ITEM_WORDS) break;
      if (kind === 'tags' && wordCount(item.text) > MAX_LABEL_WORDS) break;
      item.kind = kind;
    }
  }
}

const ABOUT_AUTHOR = /^(?:about the authors?|about the writer|über (?:den|die) autor(?:in)?|zur autorin|zum autor|à propos de l['’]auteur(?:e)?|l['’]auteur|sobre el autor|sobre la autora)$/iu;
const TOPICS_HEADER = /^(?:topics|related topics|more on these topics|explore more on these topics|themen|mehr zum thema|sujets|thèmes|temas|tags)$/iu;
const LINKS_HEADER =
  /^(?:most read|most popular|most viewed|trending|top stories|more stories|more on this story|related stories|related|read more|read also|also read|lesen sie auch|auch interessant|meistgelesen|das könnte sie auch interessieren|lire aussi|à lire aussi|les plus lus|à voir aussi|lee también|te puede interesar|lo más leído|más leídas|relacionado|relacionadas)$/iu;

/** The kind of an in-article box, from its header line; null when the line heads nothing we know. */
function widgetKind(text: string): BoilerplateKind | null {
  if (text.length > 60) return null;
  const bare = text.replace(/[\s:»›>]+$/u, '');
  if (ABOUT_AUTHOR.test(bare)) return 'bio';
  // "Mehr zum Thema" heads links in German pages; other topic headers head tag lists.
  if (TOPICS_HEADER.test(bare)) return /mehr zum thema/iu.test(bare) ? 'read-more' : 'tags';
  return LINKS_HEADER.test(bare) ? 'read-more' : null;
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
  markWidgets(lines);
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

interface Masthead {
  title: string | null;
  byline: string | null;
  /** Masthead lines set aside (labels, time stamps, widgets) and those kept in the body (a dek). */
  lines: PageLine[];
  /** The first line of the body. */
  next: number;
}

/**
 * The lines above the first paragraph: section labels, time stamps, widgets, the headline (not
 * necessarily first), the byline. Stops at the first line that is prose.
 */
function readMasthead(lines: string[]): Masthead {
  const top: TopLine[] = [];
  let byline: string | null = null;
  let i = 0;
  for (let seen = 0; i < lines.length && seen < MAX_TOP_LINES; i++) {
    const text = collapseSpaces(lines[i].trim());
    if (text === '') continue;
    seen++;
    let names = byline === null ? readByline(text) : null;
    if (names !== null) {
      byline = names;
      top.push({ text, line: i, kind: 'byline' });
      continue;
    }
    const kind = debrisKind(text);
    if (kind !== null) top.push({ text, line: i, kind });
    else if (byline === null && top.some((t) => t.kind === 'candidate') && (names = readPlainByline(text)) !== null) {
      byline = names;
      top.push({ text, line: i, kind: 'byline' });
    } else if (byline !== null && top[top.length - 1]?.kind === 'byline' && isRoleLine(text)) top.push({ text, line: i, kind: 'credit' });
    else if (isLabelShaped(text) || isKicker(text) || headlineAt(lines, i)) top.push({ text, line: i, kind: 'candidate' });
    else if (isBannerBeforeFurniture(lines, i, text)) top.push({ text, line: i, kind: 'banner' });
    else break;
  }
  // Nothing but candidates and no debris: the old rule, a headline only as the very first line.
  const titleAt = chooseTitle(top);
  const title = titleAt === -1 ? null : top[titleAt].text.replace(/\s+/g, ' ');
  const titleForm = title === null ? null : matchForm(title);
  const out: PageLine[] = [];
  top.forEach((t, index) => {
    if (t.kind === 'byline' || index === titleAt) return;
    if (t.kind === 'banner') out.push({ text: t.text, line: t.line, kind: titleAt === -1 || index < titleAt ? 'navigation' : null });
    else if (t.kind !== 'candidate') out.push({ text: t.text, line: t.line, kind: t.kind });
    else if (titleForm !== null && matchForm(t.text) === titleForm) out.push({ text: t.text, line: t.line, kind: 'repeated-headline' });
    else if ((titleAt === -1 || index < titleAt) && isLabelLine(t.text)) out.push({ text: t.text, line: t.line, kind: 'section' });
    // Above the headline is the page, not the story: an alert banner, a kicker, a promotion.
    else if (index < titleAt) out.push({ text: t.text, line: t.line, kind: 'navigation' });
    else out.push({ text: t.text.replace(/\s+/g, ' '), line: t.line, kind: null });
  });
  return { title, byline, lines: out, next: i };
}

/**
 * The headline among the masthead's candidates: the first of two words or more that is not a
 * section label, nor a short label followed by another candidate ("Breaking News" above the real
 * headline). A longer line after it is a dek, which stays in the body.
 */
function chooseTitle(top: TopLine[]): number {
  const candidates = top.map((t, i) => (t.kind === 'candidate' ? i : -1)).filter((i) => i !== -1);
  for (let k = 0; k < candidates.length; k++) {
    const text = top[candidates[k]].text;
    const n = wordCount(text);
    if (n < 2 || isSectionLabel(text) || !HEADLINE_OK(text)) continue;
    if (n <= MAX_LABEL_WORDS - 1 && k < candidates.length - 1) continue;
    return candidates[k];
  }
  return -1;
}

const HEADLINE_OK = (text: string) => wordCount(text) >= 2 && !/[.!?,;:]$/.test(text);
const wordCount = (text: string, cap?: number) => countWordsUpTo(text, cap);

/** "Zoo-Sensation!", "EXCLUSIVE:": a kicker above a headline, a few words with a "!" or ":". */
const isKicker = (text: string) => text.length <= 30 && wordCount(text, 3) <= 3 && /^\p{Lu}/u.test(text) && /[!:]$/u.test(text);

// How far below a line to look for page furniture that shows the masthead goes on.
const FURNITURE_REACH = 2;

/**
 * An alert banner or a promotion in the masthead ("Red flag warning in effect until 8 p.m.
 * Thursday"): short, not closed like a sentence, with more furniture right below it.
 */
const MAX_BANNER_CHARS = 80;

function isBannerBeforeFurniture(lines: string[], i: number, text: string): boolean {
  if (text.length > MAX_BANNER_CHARS || /[.!?…"”’»]$/u.test(text) || wordCount(text, 14) > 14) return false;
  // The first line of a wrapped paragraph goes on in lower case.
  if (/^\p{Ll}/u.test(lines[i + 1]?.trim() ?? '')) return false;
  for (let j = i + 1, seen = 0; j < lines.length && seen < FURNITURE_REACH; j++) {
    const next = collapseSpaces(lines[j].trim());
    if (next === '') continue;
    seen++;
    if (debrisKind(next) !== null || readByline(next) !== null) return true;
  }
  return false;
}

/** "Political reporters", "Senior Markets Correspondent": the byline's role on a line of its own. */
const isRoleLine = (text: string) => text.length <= 40 && wordCount(text, 4) <= 4 && ROLE.test(text) && !/[.!?]$/u.test(text);

/** Short enough to be a section label: a few words, a capital, no closing punctuation. */
function isLabelShaped(text: string): boolean {
  return text.length <= 40 && wordCount(text, MAX_LABEL_WORDS) <= MAX_LABEL_WORDS && /^\p{Lu}/u.test(text) && !/[.!?,;:…"”’]$/u.test(text);
}

/** A masthead line above the headline that names a section: one to three words, or a known section. */
function isLabelLine(text: string): boolean {
  return isSectionLabel(text) || (isLabelShaped(text) && wordCount(text) <= 3);
}
