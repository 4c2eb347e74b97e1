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
const PAST_FORM = /^\p{Ll}+ed$/u;
const WORD = /^[\p{L}][\p{L}'’\-]*$/u;
const MAX_NOUN_WORDS = 3;

function wordsAfter(text: string, from: number, limit: number): string[] {
  const out: string[] = [];
  const rest = text.slice(from, from + 120);
  for (const raw of rest.split(/\s+/)) {
    if (raw === '') continue;
    const clean = raw.replace(/[,.;:!?)"”’]+$/u, '');
    out.push(clean);
    if (clean !== raw || out.length >= limit) break;
  }
  return out;
}

function wordsBefore(text: string, to: number, limit: number): string[] {
  const chunk = text.slice(Math.max(0, to - 80), to);
  const parts = chunk.split(/\s+/).filter((w) => w !== '');
  const out: string[] = [];
  for (let i = parts.length - 1; i >= 0 && out.length < limit; i--) {
    const w = parts[i];
    if (/[,.;:!?]$/.test(w)) break;
    out.unshift(w.replace(/^[("“‘]+/u, ''));
  }
  return out;
}

/** The noun phrase right after a figure, skipping "of" ("2,000 species of plants" → "species of plants"). */
function nounAfter(text: string, from: number): { noun: string[]; rest: string[] } {
  let words = wordsAfter(text, from, 8);
  if (words[0] && /^(of|von|de|d’|d'|du|des)$/i.test(words[0])) words = words.slice(1);
  const noun: string[] = [];
  let i = 0;
  for (; i < words.length && noun.length < MAX_NOUN_WORDS; i++) {
    const w = words[i];
    const lower = w.toLowerCase();
    if (!WORD.test(w) || STOP_WORDS.has(lower) || VERBS.has(lower) || (PAST_FORM.test(w) && noun.length > 0)) break;
    noun.push(w);
  }
  return { noun, rest: words.slice(i) };
}

export function labelFor(text: string, figureStart: number, figureEnd: number, unitLabel: string | null): string {
  const { noun, rest } = nounAfter(text, figureEnd);
  if (noun.length > 0) {
    const before = wordsBefore(text, figureStart, 4).map((w) => w.toLowerCase());
    const impactBefore = before.map((w) => IMPACT_BEFORE[w]).find(Boolean);
    let impactAfter: string | undefined;
    for (const w of rest.slice(0, 4)) {
      const lw = w.toLowerCase();
      if (IMPACT_AFTER.has(lw)) {
        impactAfter = lw;
        break;
      }
      if (!AUXILIARY.has(lw)) break;
    }
    const impact = impactAfter ?? impactBefore;
    const phrase = noun.join(' ');
    return impact && !phrase.endsWith(impact) ? `${phrase} ${impact}` : phrase;
  }
  // No noun after it ("rose 7.4%", "add £1.6bn"): the words before say what moved.
  const before = wordsBefore(text, figureStart, 3).filter((w) => WORD.test(w));
  while (before.length && STOP_WORDS.has(before[0].toLowerCase())) before.shift();
  const context = before.join(' ');
  if (unitLabel && context) return `${unitLabel} (${context})`;
  return context || unitLabel || '';
}
