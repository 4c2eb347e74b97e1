import type { BoilerplateKind } from '../types';
import { headlineAt } from '../split/title';
import { matchForm } from '../article/fields';
import { collapseSpaces } from '../split/normalize';
import { countWordsUpTo } from '../text';
import { readByline, readPlainByline } from './byline';
import { debrisKind, isSectionLabel } from './lines';
import { ROLE } from './context';
import type { PageLine } from './page';

/** The top of a page: section labels, time stamps and widgets around the headline and the byline. */

// The masthead (section labels, time stamps, headline, byline) sits in the first few lines.
const MAX_TOP_LINES = 12;
const MAX_LABEL_WORDS = 4;

interface TopLine {
  text: string;
  line: number;
  kind: BoilerplateKind | 'byline' | 'candidate' | 'banner';
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
export function readMasthead(lines: string[]): Masthead {
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
