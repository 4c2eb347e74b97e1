import { wordsBefore } from '../text';
/** What a figure counts: the noun after it ("200 people" → "people"), sharpened by the verb ("people killed"). */

const STOP_WORDS = new Set(
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
const IMPACT_AFTER = new Set(
  'killed dead died injured wounded missing displaced evacuated rescued arrested detained affected stranded infected hurt homeless sold culled'.split(' '),
);
const AUXILIARY = new Set('have has had were was are is been still reported believed feared thought'.split(' '));
// Common verbs end the noun phrase ("40 drones hit the city" → "drones").
const VERBS = new Set(
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
const TRAILING_PUNCTUATION = ',.;:!?)"”’';
const LEADING_PUNCTUATION = '("“‘';
const ARTICLES = new Set(['the', 'its', 'their', 'his', 'her', 'our', 'los', 'las', 'la', 'le', 'les', 'el', 'der', 'die', 'das', 'den', 'dem', 'des', 'ses', 'sus']);
const DIGITS = /^[\d.,]+$/;
const OF = new Set(['of', 'von', 'de', 'd’', "d'", 'du', 'des', 'del']);

interface Token {
  text: string;
  lower: string;
  /** Letters only (with inner apostrophes and hyphens): a word that can name a thing. */
  word: boolean;
}

// Letters, apostrophes and hyphens, starting with a letter; checked by character codes, without a regex.
function isWordText(w: string): boolean {
  if (w === '') return false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c !== 0x2019 && c !== 0x2014 && c !== 0x2013);
    if (!letter && !(i > 0 && (c === 39 || c === 45 || c === 0x2019))) return false;
  }
  return true;
}

const token = (text: string): Token => {
  const lower = text.toLowerCase();
  return { text, lower, word: isWordText(text) };
};

// Words are looked for within a short window, so a long run without spaces costs nothing extra.
const WINDOW = 96;

/** Up to `limit` words after `from`, stopping after a word that ends a clause (its punctuation removed). */
function tokensAfter(text: string, from: number, limit: number): Token[] {
  const window = text.slice(from, from + WINDOW);
  const out: Token[] = [];
  let pos = 0;
  while (pos < window.length && window.charCodeAt(pos) === 32) pos++;
  while (out.length < limit && pos < window.length) {
    let space = window.indexOf(' ', pos);
    if (space < 0) space = window.length;
    let stop = space;
    while (stop > pos && TRAILING_PUNCTUATION.includes(window[stop - 1])) stop--;
    out.push(token(window.slice(pos, stop)));
    if (stop !== space) break;
    pos = space + 1;
  }
  return out;
}

/** Up to `limit` words before `to`, stopping at a word that ends a clause. */
function tokensBefore(text: string, to: number, limit: number): Token[] {
  const out: Token[] = [];
  for (const w of wordsBefore(text, to, limit, WINDOW)) {
    if (TRAILING_PUNCTUATION.includes(text[w.end - 1]) && text[w.end - 1] !== ')') break;
    let from = w.start;
    while (from < w.end && LEADING_PUNCTUATION.includes(text[from])) from++;
    out.unshift(token(text.slice(from, w.end)));
  }
  return out;
}

function isNoun(t: Token, first: boolean): boolean {
  if (!t.word || STOP_WORDS.has(t.lower) || VERBS.has(t.lower)) return false;
  // "40 drones hit…": a past form after the noun is its verb, not part of it.
  return first || !(t.lower.endsWith('ed') && t.text === t.lower);
}

/** Up to three noun words from `tokens[from]` on; returns the index after them. */
function nounRun(tokens: Token[], from: number, out: string[]): number {
  let i = from;
  while (i < tokens.length && out.length < MAX_NOUN_WORDS && isNoun(tokens[i], out.length === 0)) out.push(tokens[i++].text);
  return i;
}

/** What happened to the counted thing, from the verb after it ("were killed") or before it ("killing 23 people"). */
function impactOf(text: string, figureStart: number, tokens: Token[], from: number): string | undefined {
  for (let i = from; i < tokens.length && i < from + 4; i++) {
    if (IMPACT_AFTER.has(tokens[i].lower)) return tokens[i].lower;
    if (!AUXILIARY.has(tokens[i].lower)) break;
  }
  for (const t of tokensBefore(text, figureStart, 3)) {
    const impact = IMPACT_BEFORE[t.lower];
    if (impact && Object.prototype.hasOwnProperty.call(IMPACT_BEFORE, t.lower)) return impact;
  }
  return undefined;
}

/**
 * What a figure counts or measures: "people killed", "drones", "households affected", "UK trade".
 * Without a noun after it, the content words before it say what moved ("revenue fell", "budget gap").
 */
export function labelFor(text: string, figureStart: number, figureEnd: number, unit: string | null): string {
  const tokens = tokensAfter(text, figureEnd, 7);
  let i = 0;
  // "2,000 species of plants" → "species"; "80% of UK trade" → "UK trade"; "40 % de los comercios" → "comercios".
  if (tokens.length && OF.has(tokens[0].lower)) {
    i = tokens.length > 1 && ARTICLES.has(tokens[1].lower) ? 2 : 1;
    // "11 of its 40 libraries" → "libraries".
    if (i < tokens.length && DIGITS.test(tokens[i].text)) i++;
  }
  const noun: string[] = [];
  let next = nounRun(tokens, i, noun);
  if (noun.length === 0 && tokens.length) {
    // "at least 23 died" → "died"; "61 were regime members" → "regime members".
    if (IMPACT_AFTER.has(tokens[0].lower)) return tokens[0].lower;
    if (AUXILIARY.has(tokens[0].lower)) next = nounRun(tokens, 1, noun);
  }
  if (noun.length > 0) {
    const impact = impactOf(text, figureStart, tokens, next);
    const phrase = noun.join(' ');
    return impact && !phrase.endsWith(impact) ? `${phrase} ${impact}` : phrase;
  }
  const before = tokensBefore(text, figureStart, 4);
  // "a budget gap of £48m" → "budget gap".
  if (before.length > 1 && OF.has(before[before.length - 1].lower)) before.pop();
  const context = before.filter((t) => t.word && !STOP_WORDS.has(t.lower)).slice(-2);
  return context.map((t) => t.text).join(' ') || unit || '';
}
