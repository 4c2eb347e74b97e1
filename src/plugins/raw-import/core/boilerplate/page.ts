import type { BoilerplateKind } from '../types';
import { headlineAt } from '../split/title';
import { buildNumberedParagraphs } from '../split/paragraphs';
import { matchForm } from '../article/fields';
import { collapseSpaces } from '../split/normalize';
import { readByline, readPlainByline } from './byline';
import { debrisKind, isPhotoCredit, isSectionLabel } from './lines';
import { isBio, isCaptionBeforeCredit, isEmbeddedPostText } from './context';

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
  kind: BoilerplateKind | 'byline' | 'candidate';
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

/** The headline again (whatever its case or accents); the length check spares the comparison for most lines. */
function isSameHeadline(text: string, title: string, titleForm: string | null): boolean {
  return Math.abs(text.length - title.length) <= 4 && matchForm(text) === titleForm;
}

/** Debris known by its neighbours: a caption above its credit, an embedded post above its signature, a bio. */
function markByContext(lines: PageLine[], byline: string | null) {
  const lastProse = lines.reduce((last, l, i) => (l.kind === null ? i : last), -1);
  for (let i = 0; i < lines.length; i++) {
    const current = lines[i];
    if (current.kind !== null) continue;
    const next = lines[i + 1];
    if (next && next.kind === 'credit' && isPhotoCredit(next.text) && isCaptionBeforeCredit(current.text)) current.kind = 'caption';
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
    else if (isLabelShaped(text) || isKicker(text) || headlineAt(lines, i)) top.push({ text, line: i, kind: 'candidate' });
    else if (byline === null && top.some((t) => t.kind === 'candidate') && (names = readPlainByline(text)) !== null) {
      byline = names;
      top.push({ text, line: i, kind: 'byline' });
    } else if (isBannerBeforeFurniture(lines, i, text)) top.push({ text, line: i, kind: 'candidate' });
    else break;
  }
  // Nothing but candidates and no debris: the old rule, a headline only as the very first line.
  const titleAt = chooseTitle(top);
  const title = titleAt === -1 ? null : top[titleAt].text.replace(/\s+/g, ' ');
  const titleForm = title === null ? null : matchForm(title);
  const out: PageLine[] = [];
  top.forEach((t, index) => {
    if (t.kind === 'byline' || index === titleAt) return;
    if (t.kind !== 'candidate') out.push({ text: t.text, line: t.line, kind: t.kind });
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
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** "Zoo-Sensation!", "EXCLUSIVE:": a kicker above a headline, a few words with a "!" or ":". */
const isKicker = (text: string) => text.length <= 30 && wordCount(text) <= 3 && /^\p{Lu}/u.test(text) && /[!:]$/u.test(text);

// How far below a line to look for page furniture that shows the masthead goes on.
const FURNITURE_REACH = 2;

/**
 * An alert banner or a promotion in the masthead ("Red flag warning in effect until 8 p.m.
 * Thursday"): short, not closed like a sentence, with more furniture right below it.
 */
function isBannerBeforeFurniture(lines: string[], i: number, text: string): boolean {
  if (wordCount(text) > 14 || /[.!?…"”’»]$/u.test(text)) return false;
  for (let j = i + 1, seen = 0; j < lines.length && seen < FURNITURE_REACH; j++) {
    const next = collapseSpaces(lines[j].trim());
    if (next === '') continue;
    seen++;
    if (debrisKind(next) !== null || readByline(next) !== null) return true;
  }
  return false;
}

/** Short enough to be a section label: a few words, a capital, no closing punctuation. */
function isLabelShaped(text: string): boolean {
  return text.length <= 40 && wordCount(text) <= MAX_LABEL_WORDS && /^\p{Lu}/u.test(text) && !/[.!?,;:…"”’]$/u.test(text);
}

/** A masthead line above the headline that names a section: one to three words, or a known section. */
function isLabelLine(text: string): boolean {
  return isSectionLabel(text) || (isLabelShaped(text) && wordCount(text) <= 3);
}
