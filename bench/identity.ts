/**
 * `npx tsx bench/identity.ts`: story identity (core/identity), speed and detection quality.
 *
 * 1. Speed: fingerprint inputs, signatures, band keys and comparisons per second, on generated bodies cut
 *    to about 2 KB. npm MinHash/SimHash packages are measured beside ours, on the same 6-word shingles and
 *    with as many hashes, when they are installed (`npm install --no-save minhash bloom-filters
 *    simhash-js`); they are not dependencies, and a missing one is skipped. BENCH_SPEED=0 skips 1 and 2.
 * 2. Estimator accuracy: each MinHash's estimates against the exact Jaccard similarity of the shingle sets.
 * 3. Near-copies: each generated body with ONE paragraph rewritten (paraphrased: sentences reversed,
 *    clauses swapped, words replaced, figures kept; or replaced by a paragraph of similar length from
 *    another story), checked against its original through the band keys and the threshold, as the
 *    importer does; also cut to 4 and 3 paragraphs, and with small edits spread over the whole copy.
 * 4. False positives: BENCH_TEXTS (1,000) generated texts (one template grammar: a hard test) against each
 *    other, and three families of template stories (markets, weather, football results), every pair.
 * 5. Fingerprints: layout and typography variants, and a corrected digit.
 *
 * The libraries, measured once (2026-12, this 2-core machine under load, 2.08 KB bodies, 256 hashes), in
 * the same run as ours at 1,654 signatures/s, estimate rms 0.0220 (ideal 0.0223):
 *   minhash@0.0.9          38 signatures/s, rms 0.0214. Re-hashes the string once per permutation;
 *                          (a·x + b) mod p in doubles loses low bits past 2^53.
 *   bloom-filters@3.0.4   350 signatures/s, rms 0.0226. Draws its hash functions with Math.random: two
 *                          processes give different signatures for the same set, unusable when stored.
 *   simhash-js@1.0.0      335 signatures/s, rms 0.2977 (1 − Hamming/32 against Jaccard). One 32-bit
 *                          hash of 4-character chunks: cannot tell a copy from a template.
 */
import { splitRawText } from '../src/plugins/raw-import/core';
import {
  bandKeys,
  candidateProbability,
  encodeSignature,
  decodeSignature,
  estimateSimilarity,
  fingerprintInput,
  isNearDuplicate,
  similaritySignature,
  LSH_BANDS,
  LSH_ROWS,
  MIN_WORDS,
  NEAR_DUPLICATE_THRESHOLD,
  SHINGLE_WORDS,
  SIGNATURE_SIZE,
} from '../src/plugins/raw-import/core/identity';
import { canonicalText } from '../src/plugins/raw-import/core/identity/canonical';
import { shingleHashes } from '../src/plugins/raw-import/core/identity/signature';
import { WORD_PATTERN } from '../src/plugins/raw-import/core/identity/words';
import { generateArticles, random } from './generate';

const TEXTS = Number(process.env.BENCH_TEXTS ?? 1000);

const pick = <T>(rnd: () => number, list: T[]): T => list[Math.floor(rnd() * list.length)];
const int = (rnd: () => number, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const pct = (x: number, digits = 2) => `${(100 * x).toFixed(digits)}%`;
const bodiesOf = (count: number, seed: number) => generateArticles(count, { seed }).map((a) => splitRawText(a.text, { figures: false }).body);

// ---------------------------------------------------------------------------------------------------
// Rewriting one paragraph
// ---------------------------------------------------------------------------------------------------

const SYNONYMS: Record<string, string> = {
  said: 'stated', warned: 'cautioned', confirmed: 'verified', announced: 'declared', estimated: 'calculated',
  reported: 'noted', affected: 'hit', changes: 'reforms', decision: 'ruling', cost: 'total', counted: 'recorded',
  week: 'month', officials: 'authorities', expect: 'forecast', rise: 'increase', end: 'close', resident: 'local',
  ignored: 'neglected', council: 'assembly', authority: 'board', office: 'service', company: 'firm',
  ministry: 'department', trust: 'foundation', charity: 'group', union: 'association', new: 'planned',
  people: 'residents', workers: 'staff', homes: 'houses', before: 'earlier', never: 'not once', seen: 'witnessed',
  anything: 'something', adding: 'noting', years: 'a long time', decades: 'generations', had: 'has',
};

/** Another outlet's version of a paragraph: sentences in reverse order, clauses swapped, words replaced; facts kept. */
function paraphrase(paragraph: string): string {
  const sentences = paragraph.split(/(?<=[.!?”])\s+(?=[“\p{Lu}\d])/u).reverse();
  return sentences
    .map((sentence) => {
      const words = sentence.replace(/[.!?]$/, '').split(' ').map((w) => {
        const bare = w.replace(/[^\p{L}]/gu, '');
        const swap = SYNONYMS[bare.toLowerCase()];
        return swap ? w.replace(bare, bare === bare.toLowerCase() ? swap : cap(swap)) : w;
      });
      const text = words.join(' ');
      const comma = text.indexOf(', ');
      const swapped = comma > 0 ? `${cap(text.slice(comma + 2))}, ${text.charAt(0).toLowerCase()}${text.slice(1, comma)}` : text;
      return `${swapped}.`;
    })
    .join(' ');
}

/** Small edits spread over the whole copy (another outlet's house style): every `every`-th word changed. */
function houseStyle(body: string[], every = 30): string[] {
  let n = 0;
  return body.map((p) =>
    p
      .split(' ')
      .map((w) => (++n % every === 0 ? (SYNONYMS[w] ?? `${w}s`) : w))
      .join(' '),
  );
}

/** The paragraph of `pool` closest in length to `paragraph`. */
function similarLength(paragraph: string, pool: string[]): string {
  let best = pool[0];
  for (const p of pool) if (Math.abs(p.length - paragraph.length) < Math.abs(best.length - paragraph.length)) best = p;
  return best;
}

// ---------------------------------------------------------------------------------------------------
// Template stories: one frame, different slot values
// ---------------------------------------------------------------------------------------------------

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const SECTORS = ['mining', 'banking', 'housebuilding', 'energy', 'retail', 'pharmaceutical', 'telecoms'];
const COMPANIES = ['Harrow Metals', 'Velmora Bank', 'Kestwick Homes', 'Dunmarra Energy', 'Oskeby Retail', 'Greyhaven Pharma', 'Lunstead Telecom', 'Marrow Foods', 'Elsin Airways', 'Tallin Insurance'];
const REASONS = ['a profit upgrade', 'a broker downgrade', 'half-year results', 'a takeover approach', 'a trading update', 'news of job cuts', 'a dividend cut'];

function marketsReport(rnd: () => number): string[] {
  const dir = () => pick(rnd, ['rose', 'fell']);
  const p = () => (rnd() * 2).toFixed(1);
  return [
    `London's FTSE 100 ${dir()} ${int(rnd, 2, 90)} points, or ${p()}%, to close at ${int(rnd, 7200, 8400).toLocaleString('en-GB')} on ${pick(rnd, WEEKDAYS)}, as ${pick(rnd, SECTORS)} shares ${pick(rnd, ['led the gains', 'weighed on the index', 'drew buyers', 'came under pressure'])}. The more domestically focused FTSE 250 ${dir()} ${p()}% to ${int(rnd, 18000, 21000).toLocaleString('en-GB')}.`,
    `${pick(rnd, COMPANIES)} was the biggest riser, up ${p()}% after ${pick(rnd, REASONS)}. At the other end of the index, ${pick(rnd, COMPANIES)} fell ${p()}% following ${pick(rnd, REASONS)}.`,
    `On the currency markets, the pound was ${pick(rnd, ['up', 'down'])} ${p()}% against the dollar at $${(1.2 + rnd() * 0.1).toFixed(4)} and ${pick(rnd, ['up', 'down'])} ${p()}% against the euro at €${(1.14 + rnd() * 0.06).toFixed(4)}. Brent crude ${dir()} ${p()}% to $${(70 + rnd() * 20).toFixed(2)} a barrel, while gold traded at $${int(rnd, 1900, 2500).toLocaleString('en-GB')} an ounce.`,
    `In New York, the Dow Jones Industrial Average was ${pick(rnd, ['up', 'down'])} ${p()}% at ${int(rnd, 37000, 41000).toLocaleString('en-GB')} in early trading, and the Nasdaq Composite ${pick(rnd, ['added', 'shed'])} ${p()}%.`,
  ];
}

const REGIONS = ['Scotland', 'Wales', 'Northern Ireland', 'the Midlands', 'the South West', 'East Anglia', 'the North East'];
const CITIES = ['Harrowgate', 'Velmora', 'Kestwick', 'Port Elsin', 'Dunmarra', 'Oskeby', 'Greyhaven', 'Lunstead'];
const DIRECTIONS = ['north', 'south', 'east', 'west', 'north-west', 'south-west'];

function weatherForecast(rnd: () => number): string[] {
  return [
    `${pick(rnd, WEEKDAYS)} will start ${pick(rnd, ['cloudy', 'bright', 'grey', 'misty', 'frosty'])} in ${pick(rnd, REGIONS)}, with ${pick(rnd, ['patchy rain', 'heavy showers', 'drizzle', 'sunny spells', 'sleet'])} ${pick(rnd, ['spreading', 'clearing'])} ${pick(rnd, ['eastwards', 'northwards', 'southwards'])} through the morning. Top temperatures will reach ${int(rnd, 4, 24)}C in ${pick(rnd, CITIES)} and ${int(rnd, 4, 24)}C in ${pick(rnd, CITIES)}, though it will feel ${pick(rnd, ['cooler', 'milder', 'colder'])} in the ${pick(rnd, ['wind', 'breeze', 'rain'])}.`,
    `Winds will be ${pick(rnd, ['light', 'moderate', 'fresh', 'strong'])} from the ${pick(rnd, DIRECTIONS)}, gusting up to ${int(rnd, 20, 70)} mph on ${pick(rnd, DIRECTIONS)}-facing coasts. Overnight, temperatures will fall to ${int(rnd, -4, 10)}C under ${pick(rnd, ['clear', 'cloudy', 'starry', 'overcast'])} skies${pick(rnd, [', with a risk of frost in rural areas', ', with fog patches forming in valleys', ''])}.`,
    `The outlook for ${pick(rnd, WEEKDAYS)} is ${pick(rnd, ['more settled', 'unsettled', 'dry and bright', 'wet and windy'])}, with highs of ${int(rnd, 4, 24)}C. Sunrise is at ${int(rnd, 5, 8)}:${String(int(rnd, 0, 59)).padStart(2, '0')} and sunset at ${int(rnd, 16, 21)}:${String(int(rnd, 0, 59)).padStart(2, '0')}.`,
  ];
}

const TEAMS = ['Harrow Athletic', 'Velmora United', 'Kestwick Rovers', 'Port Elsin', 'Dunmarra City', 'Oskeby Town', 'Tallin Cross', 'Marrowdale', 'Greyhaven Wanderers', 'Lunstead Albion', 'Fenwick', 'Norbury Park'];
const PLAYERS = ['Okafor', 'Lindqvist', 'Marsh', 'Baptiste', 'Kowalski', 'Reyes', 'Adeyemi', 'Hughes', 'Tanaka', 'Moreau'];

function footballResults(rnd: () => number): string[] {
  const teams = TEAMS.slice().sort(() => rnd() - 0.5);
  const score = () => `${int(rnd, 0, 4)}-${int(rnd, 0, 4)}`;
  const fixtures = [0, 2, 4, 6, 8, 10].map((i) => `${teams[i]} ${score()} ${teams[i + 1]}`);
  return [
    `${teams[0]} ${pick(rnd, ['beat', 'drew with', 'lost to'])} ${teams[1]} ${score()} at home on ${pick(rnd, ['Saturday', 'Sunday'])}, with ${pick(rnd, PLAYERS)} scoring ${pick(rnd, ['twice', 'the opener', 'a late winner', 'from the penalty spot'])} in front of ${int(rnd, 2000, 38000).toLocaleString('en-GB')} supporters.`,
    `${teams[2]} moved up to ${pick(rnd, ['second', 'third', 'fourth', 'fifth'])} place in the table after a ${score()} ${pick(rnd, ['win', 'draw'])} against ${teams[3]}, while ${teams[4]} remain bottom after losing ${score()} to ${teams[5]}.`,
    `Results: ${fixtures.join('; ')}.`,
    `${pick(rnd, PLAYERS)} of ${teams[6]} leads the scoring charts with ${int(rnd, 5, 25)} goals, ${int(rnd, 1, 4)} ahead of ${pick(rnd, PLAYERS)} of ${teams[7]}.`,
  ];
}

// ---------------------------------------------------------------------------------------------------
// Measures
// ---------------------------------------------------------------------------------------------------

/** Shares a band key and is over the threshold: what the importer flags. */
function flagged(a: Uint32Array | null, b: Uint32Array | null): boolean {
  if (!a || !b) return false;
  const keys = new Set(bandKeys(a));
  return bandKeys(b).some((k) => keys.has(k)) && isNearDuplicate(estimateSimilarity(a, b));
}

function exactJaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) (both++, i++, j++);
    else if (a[i] < b[j]) i++;
    else j++;
  }
  return both / (a.length + b.length - both);
}

const quantile = (values: number[], q: number) => {
  const s = values.slice().sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

/** Ops per second of `fn` over `items`, after a warm-up pass. */
function rate<T>(items: T[], fn: (item: T) => unknown, rounds = 3): number {
  for (const item of items.slice(0, 200)) fn(item);
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const item of items) fn(item);
  return (rounds * items.length) / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** Bodies cut to about 2 KB: leading paragraphs until 2,000 bytes. */
function twoKilobytes(bodies: string[][]): string[][] {
  return bodies.map((body) => {
    const out: string[] = [];
    let bytes = 0;
    for (const p of body) {
      if (bytes >= 2000) break;
      out.push(p);
      bytes += Buffer.byteLength(p) + 1;
    }
    return out;
  });
}

/** The 5-word shingles as strings, for libraries that hash strings themselves. */
function shingleStrings(body: string[]): string[] {
  const words = body.map(canonicalText).join(' ').match(WORD_PATTERN) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
  return [...out];
}

interface Library {
  name: string;
  signature: (body: string[]) => unknown;
  similarity: (a: unknown, b: unknown) => number;
}

/** The npm packages that are installed, wrapped to take the same input as ours. */
async function libraries(): Promise<Library[]> {
  const found: Library[] = [];
  const load = async (name: string): Promise<any> => {
    try {
      return await import(name);
    } catch {
      console.log(`  ${name}: not installed, skipped`);
      return null;
    }
  };
  const minhash = await load('minhash');
  if (minhash) {
    const { Minhash } = minhash.default ?? minhash;
    found.push({
      name: `minhash@0.0.9 (${SIGNATURE_SIZE} perms)`,
      signature: (body) => {
        const m = new Minhash({ numPerm: SIGNATURE_SIZE, seed: 1 });
        for (const s of shingleStrings(body)) m.update(s);
        return m;
      },
      similarity: (a: any, b: any) => a.jaccard(b),
    });
  }
  const bloom = await load('bloom-filters');
  if (bloom) {
    const factory = new (bloom.default ?? bloom).MinHashFactory(SIGNATURE_SIZE, 2 ** 32 - 1);
    found.push({
      name: `bloom-filters@3.0.4 MinHash (${SIGNATURE_SIZE})`,
      signature: (body) => {
        const m = factory.create();
        m.bulkLoad(Array.from(shingleHashes(body) ?? []));
        return m;
      },
      similarity: (a: any, b: any) => a.compareWith(b),
    });
  }
  const simhash = await load('simhash-js');
  if (simhash) {
    const { SimHash, Comparator } = simhash.default ?? simhash;
    const hasher = new SimHash();
    found.push({
      name: 'simhash-js@1.0.0 (32-bit)',
      signature: (body) => hasher.hash(body.map(canonicalText).join(' ')),
      // Share of equal bits: 1 - Hamming distance / 32 (its Comparator parses the hashes as hex strings).
      similarity: (a: any, b: any) => 1 - Comparator.hammingDistance((a >>> 0).toString(16), (b >>> 0).toString(16)) / 32,
    });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------

/** Sections 1 and 2: our speed and the libraries', and how close each estimate comes to the exact similarity. */
async function speedAndAccuracy(bodies: string[][], others: string[]): Promise<void> {
  const small = twoKilobytes(bodies);
  const avg = small.reduce((n, b) => n + Buffer.byteLength(b.join('\n')), 0) / small.length;
  console.log(`\n1. speed on ${small.length} bodies of ${(avg / 1024).toFixed(2)} KB on average`);
  const sigs = small.map((b) => similaritySignature(b)!);
  const encoded = sigs.map(encodeSignature);
  const pairs = sigs.map((s, i) => [s, sigs[(i * 7 + 1) % sigs.length]] as const);
  console.log(`  ours: fingerprintInput ${rate(small, fingerprintInput).toFixed(0)}/s, similaritySignature ${rate(small, similaritySignature).toFixed(0)}/s,`);
  console.log(
    `        bandKeys ${rate(sigs, bandKeys).toFixed(0)}/s, encode ${rate(sigs, encodeSignature).toFixed(0)}/s, decode ${rate(encoded, decodeSignature).toFixed(0)}/s, ` +
      `estimateSimilarity ${rate(pairs, ([a, b]) => estimateSimilarity(a, b), 20).toFixed(0)}/s`,
  );
  const libs = await libraries();
  for (const lib of libs) console.log(`  ${lib.name}: ${rate(small, lib.signature, 1).toFixed(0)} signatures/s`);

  const n = Math.min(300, bodies.length);
  console.log(`\n2. estimate − exact Jaccard of the same shingle sets (${n} near-copies, ${n} unrelated pairs)`);
  const rnd = random(11);
  const estimatePairs: Array<[string[], string[]]> = [];
  for (let i = 0; i < n; i++) {
    const b = bodies[i];
    const c = b.slice();
    const at = Math.floor(rnd() * b.length);
    c[at] = similarLength(b[at], others);
    estimatePairs.push([b, c], [b, bodies[(i + 1) % bodies.length]]);
  }
  const exact = estimatePairs.map(([a, b]) => exactJaccard(shingleHashes(a)!, shingleHashes(b)!));
  const ideal = Math.sqrt(exact.reduce((s, j) => s + (j * (1 - j)) / SIGNATURE_SIZE, 0) / exact.length);
  console.log(`  (an ideal ${SIGNATURE_SIZE}-hash MinHash: bias 0, rms ${ideal.toFixed(4)} on these pairs)`);
  const accuracy = (name: string, sig: (b: string[]) => unknown, sim: (a: unknown, b: unknown) => number) => {
    const errors = estimatePairs.map(([a, b], i) => sim(sig(a), sig(b)) - exact[i]);
    const mean = errors.reduce((s, e) => s + e, 0) / errors.length;
    const rms = Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / errors.length);
    console.log(`  ${name.padEnd(36)} bias ${mean.toFixed(4)}, rms ${rms.toFixed(4)}, worst ${Math.max(...errors.map(Math.abs)).toFixed(3)}`);
  };
  accuracy('ours', similaritySignature, (a, b) => estimateSimilarity(a as Uint32Array, b as Uint32Array));
  for (const lib of libs) accuracy(lib.name, lib.signature, lib.similarity);
}

export default async function bench(): Promise<void> {
  console.log(
    `identity: ${SHINGLE_WORDS}-word shingles, ${SIGNATURE_SIZE} hashes, ${LSH_BANDS} bands × ${LSH_ROWS} rows, ` +
      `threshold ${NEAR_DUPLICATE_THRESHOLD}, at least ${MIN_WORDS} words`,
  );
  console.log(
    `  candidate probability at s = 0.2/0.3/0.4/0.5/0.6: ${[0.2, 0.3, 0.4, 0.5, 0.6].map((s) => candidateProbability(s).toFixed(3)).join(' / ')}`,
  );
  const bodies = bodiesOf(TEXTS, 20261);
  const others = bodiesOf(TEXTS, 4242).flat();
  if (process.env.BENCH_SPEED !== '0') await speedAndAccuracy(bodies, others);
  const rnd = random(7);

  // ---- 3. near-copies ----
  console.log(`\n3. near-copies: one paragraph rewritten, flagged against the original (${TEXTS} stories each)`);
  const wordCount = (text: string) => text.split(' ').length;
  const recall = (label: string, paragraphs: number, rewrite: (p: string) => string, after = (b: string[]) => b) => {
    // Flagged and judged, for copies whose rewritten paragraph held under 40% of the words, and the rest.
    const hits = [0, 0];
    const judged = [0, 0];
    const sims: number[] = [];
    for (let i = 0; i < bodies.length; i++) {
      const b = bodies[i].slice(0, paragraphs);
      const c = b.slice();
      const at = Math.floor(rnd() * b.length);
      c[at] = rewrite(b[at]);
      const [x, y] = [similaritySignature(b), similaritySignature(after(c))];
      if (!x || !y) continue;
      const big = wordCount(b[at]) >= 0.4 * wordCount(b.join(' ')) ? 1 : 0;
      judged[big]++;
      sims.push(estimateSimilarity(x, y));
      if (flagged(x, y)) hits[big]++;
    }
    const all = (hits[0] + hits[1]) / (judged[0] + judged[1]);
    const split = paragraphs <= 4 ? ` (under 40% of the words rewritten: ${pct(hits[0] / judged[0], 1)}; 40% or more: ${pct(hits[1] / judged[1], 1)} of ${judged[1]})` : '';
    console.log(
      `  ${label.padEnd(50)} flagged ${pct(all)} of ${judged[0] + judged[1]}${split}; similarity p1 ${quantile(sims, 0.01).toFixed(3)}, median ${quantile(sims, 0.5).toFixed(3)}`,
    );
  };
  for (const [label, n] of [['whole body (5–10 paragraphs)', 99], ['first 4 paragraphs', 4], ['first 3 paragraphs', 3]] as const) {
    recall(`${label}, paraphrased`, n, paraphrase);
    recall(`${label}, replaced`, n, (p) => similarLength(p, others));
  }
  recall('whole body, replaced, and a word in 30 changed', 99, (p) => similarLength(p, others), houseStyle);
  recall('whole body, no rewrite, a word in 15 changed', 99, (p) => p, (b) => houseStyle(b, 15));

  // ---- 4. false positives ----
  console.log(`\n4. false positives among ${TEXTS} different generated texts`);
  const all = bodies.map((b) => similaritySignature(b)!);
  const keys = all.map((s) => bandKeys(s));
  const index = new Map<string, number[]>();
  let pairCount = 0;
  let candidatePairs = 0;
  let flaggedPairs = 0;
  let textsFlagged = 0;
  let maxSim = 0;
  for (let i = 0; i < all.length; i++) {
    const candidates = new Set<number>();
    for (const k of keys[i]) for (const j of index.get(k) ?? []) candidates.add(j);
    candidatePairs += candidates.size;
    let any = false;
    for (let j = 0; j < i; j++) {
      const s = estimateSimilarity(all[i], all[j]);
      if (s > maxSim) maxSim = s;
      if (candidates.has(j) && isNearDuplicate(s)) (flaggedPairs++, (any = true));
    }
    if (any) textsFlagged++;
    pairCount += i;
    for (const k of keys[i]) index.set(k, [...(index.get(k) ?? []), i]);
  }
  console.log(
    `  pairs flagged ${pct(flaggedPairs / pairCount, 3)} of ${pairCount}; texts flagged against an earlier text ${pct(textsFlagged / all.length)}; ` +
      `highest similarity ${maxSim.toFixed(3)}; pairs sharing a band key (the lookup's cost) ${pct(candidatePairs / pairCount)}`,
  );

  console.log('  template families (40 stories each, every pair compared):');
  for (const [name, make] of [['markets report', marketsReport], ['weather forecast', weatherForecast], ['football results', footballResults]] as const) {
    const r = random(name.length * 1013);
    const family = Array.from({ length: 40 }, () => similaritySignature(make(r))!);
    let hits = 0;
    let n = 0;
    let max = 0;
    let shared = 0;
    for (let i = 0; i < family.length; i++)
      for (let j = 0; j < i; j++) {
        n++;
        const s = estimateSimilarity(family[i], family[j]);
        max = Math.max(max, s);
        if (flagged(family[i], family[j])) hits++;
        const ki = new Set(bandKeys(family[i]));
        if (bandKeys(family[j]).some((k) => ki.has(k))) shared++;
      }
    console.log(`    ${name.padEnd(18)} flagged ${hits} of ${n} pairs; highest similarity ${max.toFixed(3)}; pairs sharing a band key ${pct(shared / n)}`);
  }

  // ---- 5. fingerprints ----
  console.log('\n5. fingerprints');
  let same = 0;
  let changed = 0;
  const corrected: number[] = [];
  for (const body of bodies) {
    const variant = body.map((p, i) =>
      (i % 2 ? p.replace(/[“”]/g, '"').replace(/’/g, "'") : p.replace(/ /g, i % 3 ? '  ' : '\u00A0'))
        .normalize('NFD')
        .concat(i === 0 ? '  ' : ''),
    );
    // A different paragraph layout: the first paragraph's sentences one per line.
    const relaid = [...variant[0].split(/(?<=\.) (?=[A-Z])/), ...variant.slice(1)];
    if (fingerprintInput(relaid) === fingerprintInput(body)) same++;
    const digit = body.findIndex((p) => /\d/.test(p));
    const fixed = body.slice();
    fixed[digit] = fixed[digit].replace(/\d/, (d) => String((Number(d) + 1) % 10));
    if (fingerprintInput(fixed) !== fingerprintInput(body)) changed++;
    corrected.push(estimateSimilarity(similaritySignature(body)!, similaritySignature(fixed)!));
  }
  console.log(`  whitespace, no-break spaces, quotes, NFD and paragraph breaks changed: same fingerprint for ${same} of ${bodies.length}`);
  console.log(
    `  one digit corrected: different fingerprint for ${changed} of ${bodies.length}; similarity to the original min ${quantile(corrected, 0).toFixed(3)}, median ${quantile(corrected, 0.5).toFixed(3)}`,
  );
}

if (require.main === module) void bench();
