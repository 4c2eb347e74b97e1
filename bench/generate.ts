/**
 * Synthetic raw texts for benchmarks: made-up news articles in the scraped format (body, then a
 * teaser block). Each text's teasers are the leads of OTHER generated texts, so an import benchmark
 * can also measure teaser linking. Deterministic for a given seed.
 */

export interface GeneratedArticle {
  name: string;
  /** The raw text, as a scraper would save it. */
  text: string;
  /** First ~12 words of the article's first paragraph: what other texts' teasers show. */
  lead: string;
  /** Indices of the articles this text's teasers point to. */
  teaserOf: number[];
}

export interface GenerateOptions {
  seed?: number;
}

/** Small, fast, seedable PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['Harrowgate', 'Velmora', 'Kestwick', 'Port Elsin', 'Dunmarra', 'Oskeby', 'Tallin Cross', 'Marrowdale', 'Greyhaven', 'Lunstead'];
const BODIES = ['the regional council', 'the harbour authority', 'the national weather office', 'a local charity', 'the transport ministry', 'the hospital trust', 'the water company', 'the farmers’ union'];
const SUBJECTS = ['flood defences', 'the new tram line', 'winter fuel payments', 'the school building plan', 'river pollution', 'rural bus routes', 'the airport expansion', 'housing repairs'];
const COUNTED = ['people', 'households', 'volunteers', 'homes', 'schools', 'passengers', 'workers', 'vehicles', 'trees', 'patients'];
const VERBS = ['said', 'warned', 'confirmed', 'announced', 'estimated', 'reported'];
const QUALIFIERS = ['', '', '', 'about ', 'more than ', 'nearly ', 'at least ', 'up to ', 'around '];
const ADJECTIVES = ['sharp', 'modest', 'sudden', 'long-awaited', 'controversial', 'unexpected', 'gradual'];

function pick<T>(rnd: () => number, list: T[]): T {
  return list[Math.floor(rnd() * list.length)];
}

function amount(rnd: () => number): string {
  const kind = Math.floor(rnd() * 6);
  const n = 1 + Math.floor(rnd() * 900);
  switch (kind) {
    case 0: return `${pick(rnd, QUALIFIERS)}${(n * 37).toLocaleString('en-GB')} ${pick(rnd, COUNTED)}`;
    case 1: return `£${(n / 10).toFixed(1)}m`;
    case 2: return `${(n / 10).toFixed(1)}%`;
    case 3: return `$${n}bn`;
    case 4: return `${n} km`;
    default: return `${pick(rnd, QUALIFIERS)}${n} ${pick(rnd, COUNTED)}`;
  }
}

function sentence(rnd: () => number): string {
  const forms = [
    () => `${cap(pick(rnd, BODIES))} ${pick(rnd, VERBS)} that ${amount(rnd)} had been affected by changes to ${pick(rnd, SUBJECTS)} in ${pick(rnd, PLACES)}.`,
    () => `The ${pick(rnd, ADJECTIVES)} decision on ${pick(rnd, SUBJECTS)} will cost ${amount(rnd)}, according to ${pick(rnd, BODIES)}.`,
    () => `In ${pick(rnd, PLACES)}, ${amount(rnd)} were counted last week, up from the year before.`,
    () => `“We have never seen anything like it,” one resident of ${pick(rnd, PLACES)} said, adding that ${pick(rnd, SUBJECTS)} had been ignored for ${2000 + Math.floor(rnd() * 25) > 2010 ? 'years' : 'decades'}.`,
    () => `Officials expect a ${pick(rnd, ADJECTIVES)} rise of ${amount(rnd)} by the end of the decade.`,
  ];
  return pick(rnd, forms)();
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vo', 'dri', 'bel', 'nor', 'sia', 'gu', 'fen', 'pra', 'hol', 'zet', 'mar', 'quin', 'os', 'lu', 'tev'];
const FIRST_NAMES = ['Anna', 'Tomas', 'Ines', 'Ravi', 'Mara', 'Jonah', 'Leila', 'Piet', 'Sofia', 'Emeka', 'Hana', 'Owen'];
const ROLES = ['a spokesperson for', 'the chair of', 'a senior official at', 'the director of', 'a researcher at'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A surname built from the article's index: unique, so every generated lede (and teaser) is too. */
function uniqueSurname(index: number): string {
  let n = index;
  let name = '';
  do {
    name += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return cap(name);
}

/** The opening sentence: names a person early, as news ledes do, so no two ledes begin alike. */
function ledeSentence(rnd: () => number, index: number): string {
  return `${pick(rnd, FIRST_NAMES)} ${uniqueSurname(index)}, ${pick(rnd, ROLES)} ${pick(rnd, BODIES)}, ${pick(rnd, VERBS)} on ${pick(rnd, WEEKDAYS)} that ${amount(rnd)} had been affected by changes to ${pick(rnd, SUBJECTS)} in ${pick(rnd, PLACES)}.`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function paragraph(rnd: () => number): string {
  const count = 2 + Math.floor(rnd() * 4);
  return Array.from({ length: count }, () => sentence(rnd)).join(' ');
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

const leadOf = (text: string) => text.split(' ').slice(0, 12).join(' ').replace(/[,.;:]$/, '');
const MARKERS = ['…', '…', '…', '...', ' […]', ' (…)', '… Read more'];
const HEADERS = ['', '', '', 'Related', 'Read more:', 'More from Politics', 'Also read'];

/** `count` raw texts, each with 5–10 paragraphs and 4–8 teasers leading to other texts. */
export function generateArticles(count: number, options: GenerateOptions = {}): GeneratedArticle[] {
  const rnd = random(options.seed ?? 20261);
  const bodies = Array.from({ length: count }, (_, index) => {
    const paragraphs = Array.from({ length: 5 + Math.floor(rnd() * 6) }, () => paragraph(rnd));
    paragraphs[0] = `${ledeSentence(rnd, index)} ${paragraphs[0]}`;
    return paragraphs;
  });
  const leads = bodies.map((b) => leadOf(b[0]));
  return bodies.map((body, i) => {
    const teaserCount = Math.min(count - 1, 4 + Math.floor(rnd() * 5));
    const teaserOf: number[] = [];
    while (teaserOf.length < teaserCount) {
      const j = Math.floor(rnd() * count);
      if (j !== i && !teaserOf.includes(j)) teaserOf.push(j);
    }
    const marker = pick(rnd, MARKERS);
    const teaserLines = teaserOf.map((j) => leads[j] + marker);
    const header = pick(rnd, HEADERS);
    const layout = Math.floor(rnd() * 4);
    let bodyText: string;
    if (layout === 0) bodyText = body.join('\n');
    else if (layout === 1) bodyText = body.join('\n\n');
    else if (layout === 2) bodyText = body.map((p) => wrap(p, 72)).join('\n\n');
    else bodyText = `${cap(pick(rnd, SUBJECTS))} in ${pick(rnd, PLACES)} under review\n\n${body.join('\n\n')}`;
    const blockSeparator = layout === 0 ? '\n' : '\n\n';
    const text = `${bodyText}${blockSeparator}${header ? header + '\n' : ''}${teaserLines.join('\n')}\n`;
    return { name: `generated-${String(i).padStart(5, '0')}.txt`, text, lead: leads[i], teaserOf };
  });
}

/** Enough generated texts to reach at least `megabytes` of UTF-8 text. */
export function generateCorpusOfSize(megabytes: number, options: GenerateOptions = {}): GeneratedArticle[] {
  const target = megabytes * 1024 * 1024;
  const size = (articles: GeneratedArticle[]) => articles.reduce((sum, a) => sum + Buffer.byteLength(a.text), 0);
  const probe = generateArticles(50, options);
  let count = Math.ceil((target / size(probe)) * probe.length * 1.02);
  // Teasers point within the set, so a larger set is generated afresh rather than topped up.
  for (;;) {
    const articles = generateArticles(count, options);
    const bytes = size(articles);
    if (bytes >= target) return articles;
    count = Math.ceil(count * (target / bytes) * 1.02);
  }
}
