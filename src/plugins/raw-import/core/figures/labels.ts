import { WordSet, lowerSlice } from './chars';
/** What a figure counts: the noun after it ("200 people" → "people"), sharpened by the verb ("people killed"). */

const STOP_WORDS = new WordSet(
  (
    'a an the and or but nor of in on at to from for with by as than then that which who whom whose what when where while ' +
    'is are was were be been being have has had having will would can could may might must shall should do does did ' +
    'it its this these those there their they them he she his her we our you your i me my not no so if also only just ' +
    'after before since until during into onto over under about around more less most least per each every a year ' +
    'last next this week month day said says say told according against between among across through up down out off ' +
    'der die das den dem des ein eine einer einem einen und oder aber von vom zu zum zur mit bei im in am an auf aus für ' +
    'ist sind war waren wird werden wurde wurden hat haben hatte nach pro je als wie bis seit um über unter sich nicht ' +
    'le la les un une des du de d et ou mais en au aux à par pour sur dans avec est sont était été a ont qui que ' +
    'el los las unos unas del al y o pero en con por para sobre es son fue fueron ha han que se'
  ).split(' '),
);
// Verbs before a count of people that say what happened to them ("killing 23 people" → "people killed").
const IMPACT_BEFORE: Record<string, string> = {
  killing: 'killed', killed: 'killed', kill: 'killed', kills: 'killed',
  injuring: 'injured', injured: 'injured', wounding: 'wounded', wounded: 'wounded',
  displaced: 'displaced', displacing: 'displaced', displace: 'displaced',
  evacuated: 'evacuated', evacuating: 'evacuated', rescued: 'rescued', rescuing: 'rescued',
  arrested: 'arrested', arresting: 'arrested', detained: 'detained', employs: 'employed', employing: 'employed',
  employed: 'employed', hired: 'hired', hire: 'hired', cut: 'cut', cutting: 'cut', affected: 'affected',
  affecting: 'affected', infected: 'infected', infecting: 'infected', stranded: 'stranded', sold: 'sold',
};
// Words after a count that say what happened ("12 people were still missing").
const IMPACT_AFTER = new WordSet(
  'killed dead died injured wounded missing displaced evacuated rescued arrested detained affected stranded infected hurt homeless sold culled'.split(' '),
);
const AUXILIARY = new WordSet('have has had were was are is been still reported believed feared thought'.split(' '));
// Common verbs end the noun phrase ("40 drones hit the city" → "drones").
const VERBS = new WordSet(
  (
    'hit hits took take takes made make makes went go goes came come comes fell fall falls rose rise rises won win wins ' +
    'lost lose loses left leave leaves got get gets gave give gives ran run runs saw see sees sold paid pay pays put set ' +
    'held hold holds kept keep keeps told found find finds brought bring began begin became become becomes spent spend ' +
    'stood sent flew grew grow grows drew broke chose wrote fled fought led met remain remained remains face faces need ' +
    'needs live lived lives work worked works died die dies say says said could should would will can may might must ' +
    'include included includes including'
  ).split(' '),
);
const MAX_NOUN_WORDS = 3;
const ARTICLES = new WordSet(['the', 'its', 'their', 'his', 'her', 'our', 'los', 'las', 'la', 'le', 'les', 'el', 'der', 'die', 'das', 'den', 'dem', 'des', 'ses', 'sus']);
const OF = new WordSet(['of', 'von', 'de', 'd’', "d'", 'du', 'des', 'del']);
const IMPACT_BEFORE_WORDS = new Map(Object.entries(IMPACT_BEFORE));
const IMPACT_VERBS = new WordSet(Object.keys(IMPACT_BEFORE));

/** `,.;:!?)"”’`: punctuation that ends a clause (a closing bracket only after the figure). */
const isTrailingPunctuation = (c: number) =>
  c === 44 || c === 46 || c === 59 || c === 58 || c === 33 || c === 63 || c === 41 || c === 34 || c === 0x201d || c === 0x2019;
/** `("“‘`: punctuation opening a word before the figure. */
const isLeadingPunctuation = (c: number) => c === 40 || c === 34 || c === 0x201c || c === 0x2018;

// Letters, apostrophes and hyphens, starting with a letter; checked by character codes, without a regex.
function isWordRange(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c !== 0x2019 && c !== 0x2014 && c !== 0x2013);
    if (!letter && !(i > from && (c === 39 || c === 45 || c === 0x2019))) return false;
  }
  return true;
}

/** Digits, full stops and commas only ("40", "1,000"). */
function isDigitsRange(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 46 || c === 44)) return false;
  }
  return true;
}

// Words are looked for within a short window, so a long run without spaces costs nothing extra.
const WINDOW = 96;

// The words after the figure, as spans of the text (labelFor runs one figure at a time, so they are shared),
// read only as far as they are asked for; their text and lower case are cut only when asked for.
const afterStart: number[] = [];
const afterEnd: number[] = [];
const afterText: (string | undefined)[] = [];
const afterLower: (string | undefined)[] = [];
let afterRead = 0;
let afterLimit = 0;
let afterPos = 0;
let afterStop = 0;
let afterDone = true;
// The words before the figure, nearest first.
const beforeStart: number[] = [];
const beforeEnd: number[] = [];

/** Starts reading up to `limit` words after `from`, stopping after a word that ends a clause (its punctuation removed). */
function startAfter(text: string, from: number, limit: number): void {
  afterStop = Math.min(text.length, from + WINDOW);
  afterPos = from;
  while (afterPos < afterStop && text.charCodeAt(afterPos) === 32) afterPos++;
  afterRead = 0;
  afterLimit = limit;
  afterDone = false;
}

/** There is a word `i` after the figure (read up to it). */
function hasAfter(text: string, i: number): boolean {
  while (afterRead <= i && !afterDone) {
    if (afterRead >= afterLimit || afterPos >= afterStop) {
      afterDone = true;
      break;
    }
    const pos = afterPos;
    let space = pos;
    while (space < afterStop && text.charCodeAt(space) !== 32) space++;
    let stop = space;
    while (stop > pos && isTrailingPunctuation(text.charCodeAt(stop - 1))) stop--;
    afterStart[afterRead] = pos;
    afterEnd[afterRead] = stop;
    afterText[afterRead] = undefined;
    afterLower[afterRead] = undefined;
    afterRead++;
    if (stop !== space) afterDone = true;
    else afterPos = space + 1;
  }
  return i < afterRead;
}

function textAfter(text: string, i: number): string {
  let t = afterText[i];
  if (t === undefined) afterText[i] = t = text.slice(afterStart[i], afterEnd[i]);
  return t;
}

function lowerAfter(text: string, i: number): string {
  let t = afterLower[i];
  if (t === undefined) afterLower[i] = t = lowerSlice(text, afterStart[i], afterEnd[i]);
  return t;
}

/**
 * Up to `limit` words before `to` (within the window; a word cut by its edge is left out), stopping at a word that
 * ends a clause: spans in `beforeStart`/`beforeEnd`, nearest first, leading punctuation left out. Returns how many.
 */
function scanBefore(text: string, end: number, limit: number): number {
  const lo = Math.max(0, end - WINDOW);
  let to = end;
  while (to > lo && text.charCodeAt(to - 1) === 32) to--;
  let n = 0;
  while (n < limit && to > lo) {
    let space = to - 1;
    while (space >= lo && text.charCodeAt(space) !== 32) space--;
    if (space < lo && lo > 0) break;
    const last = text.charCodeAt(to - 1);
    if (isTrailingPunctuation(last) && last !== 41) break;
    let from = space + 1 > lo ? space + 1 : lo;
    while (from < to && isLeadingPunctuation(text.charCodeAt(from))) from++;
    beforeStart[n] = from;
    beforeEnd[n] = to;
    n++;
    if (space < lo) break;
    to = space;
  }
  return n;
}

/** Word `i` after the figure, lower-cased, is in `set`. */
const inAfter = (set: WordSet, text: string, i: number) => set.mayHave(text, afterStart[i], afterEnd[i]) && set.has(lowerAfter(text, i));

function isNoun(text: string, i: number, first: boolean): boolean {
  if (!isWordRange(text, afterStart[i], afterEnd[i])) return false;
  if (inAfter(STOP_WORDS, text, i) || inAfter(VERBS, text, i)) return false;
  if (first) return true;
  // "40 drones hit…": a past form after the noun is its verb, not part of it.
  const lower = lowerAfter(text, i);
  return !(lower.endsWith('ed') && textAfter(text, i) === lower);
}

// The noun words read by the last nounRun, joined, and how many.
let nounPhrase = '';
let nounWords = 0;

/** Up to three noun words from word `from` on; returns the index after them. */
function nounRun(text: string, from: number): number {
  let i = from;
  while (nounWords < MAX_NOUN_WORDS && hasAfter(text, i) && isNoun(text, i, nounWords === 0)) {
    const word = textAfter(text, i++);
    nounPhrase = nounWords === 0 ? word : `${nounPhrase} ${word}`;
    nounWords++;
  }
  return i;
}

/** What happened to the counted thing, from the verb after it ("were killed") or before it ("killing 23 people"). */
function impactOf(text: string, figureStart: number, from: number): string | undefined {
  for (let i = from; i < from + 4 && hasAfter(text, i); i++) {
    if (inAfter(IMPACT_AFTER, text, i)) return lowerAfter(text, i);
    if (!inAfter(AUXILIARY, text, i)) break;
  }
  // Farthest word first.
  for (let k = scanBefore(text, figureStart, 3) - 1; k >= 0; k--) {
    if (!IMPACT_VERBS.mayHave(text, beforeStart[k], beforeEnd[k])) continue;
    const impact = IMPACT_BEFORE_WORDS.get(lowerSlice(text, beforeStart[k], beforeEnd[k]));
    if (impact) return impact;
  }
  return undefined;
}

/**
 * What a figure counts or measures: "people killed", "drones", "households affected", "UK trade".
 * Without a noun after it, the content words before it say what moved ("revenue fell", "budget gap").
 */
export function labelFor(text: string, figureStart: number, figureEnd: number, unit: string | null): string {
  startAfter(text, figureEnd, 7);
  let i = 0;
  // "2,000 species of plants" → "species"; "80% of UK trade" → "UK trade"; "40 % de los comercios" → "comercios".
  if (hasAfter(text, 0) && inAfter(OF, text, 0)) {
    i = hasAfter(text, 1) && inAfter(ARTICLES, text, 1) ? 2 : 1;
    // "11 of its 40 libraries" → "libraries".
    if (hasAfter(text, i) && isDigitsRange(text, afterStart[i], afterEnd[i])) i++;
  }
  nounPhrase = '';
  nounWords = 0;
  let next = nounRun(text, i);
  if (nounWords === 0 && hasAfter(text, 0)) {
    // "at least 23 died" → "died"; "61 were regime members" → "regime members".
    if (inAfter(IMPACT_AFTER, text, 0)) return lowerAfter(text, 0);
    if (inAfter(AUXILIARY, text, 0)) next = nounRun(text, 1);
  }
  if (nounWords > 0) {
    const phrase = nounPhrase;
    const impact = impactOf(text, figureStart, next);
    return impact && !phrase.endsWith(impact) ? `${phrase} ${impact}` : phrase;
  }
  // The content words before the figure: "a budget gap of £48m" → "budget gap" ("of" is left out).
  const before = scanBefore(text, figureStart, 4);
  let k = before > 1 && OF.hasRange(text, beforeStart[0], beforeEnd[0]) ? 1 : 0;
  let near = '';
  let far = '';
  for (; k < before; k++) {
    const from = beforeStart[k];
    const to = beforeEnd[k];
    if (!isWordRange(text, from, to)) continue;
    if (STOP_WORDS.hasRange(text, from, to)) continue;
    const word = text.slice(from, to);
    if (near === '') near = word;
    else {
      far = word;
      break;
    }
  }
  if (far !== '') return `${far} ${near}`;
  return near || unit || '';
}
