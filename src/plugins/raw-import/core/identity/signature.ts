/**
 * MinHash signatures of a body's word shingles, for near-duplicate detection: the share of equal slots in
 * two signatures estimates the Jaccard similarity of the two bodies' sets of shingles.
 *
 * Template resistance comes from the shingles, so that the decision needs nothing but the two stored
 * signatures: a shingle is SHINGLE_WORDS consecutive words, numbers, currency signs and percent signs
 * included. Stories made from one template (markets reports, weather, results, generated texts) share
 * only the fixed runs of words between their slots, and a slot value that differs (a number, a team, a
 * place) breaks every shingle that spans it. A copy of a story keeps whole paragraphs, and with them every
 * shingle wherever it was not rewritten.
 */

import { canonicalText } from './canonical';
import { hashValues, seeds } from './hash';
import { wordHashes } from './words';

/**
 * Words per shingle. Longer shingles push template stories apart (the highest similarity among 1,000
 * generated texts from one grammar: 0.31 at 5 words, 0.26 at 6, 0.20 at 8) but make every small edit cost
 * more (a copy with a word in 15 changed: 99.8% found at 6 words, 86–94% at 8). Six keeps both.
 */
export const SHINGLE_WORDS = 6;
/**
 * MinHash slots per signature, 32 bits each. The estimate's standard error is sqrt(s(1 - s)/256), 0.03 at
 * the threshold; 128 slots (0.04) left too little room between templates and three-paragraph copies.
 */
export const SIGNATURE_SIZE = 256;
/**
 * Bodies with fewer words are too short to judge (null signature): a brief of a sentence or two is all
 * rewritten when one sentence is, and a short template item is mostly its frame.
 */
export const MIN_WORDS = 25;

const SHINGLE_SEED = 0x5eed0001;
// One seed per slot: slot i keeps the shingle hash x whose fmix32(x ^ SLOT_SEEDS[i]) is least.
const SLOT_SEEDS = new Int32Array(seeds(SIGNATURE_SIZE, 0x6e657773).buffer);

/** The MinHash signature of a body's paragraphs, or null when it has fewer than MIN_WORDS words. */
export function similaritySignature(body: string[]): Uint32Array | null {
  const unsigned = shingleHashes(body);
  if (!unsigned) return null;
  // Signed 32-bit arithmetic throughout: values past 2^31 would leave V8's small integers and run several
  // times slower. The least value in signed order is as good a MinHash as the least in unsigned order, and
  // the slots are read back as unsigned through the same bytes.
  const shingles = new Int32Array(unsigned.buffer, unsigned.byteOffset, unsigned.length);
  const count = shingles.length;
  const signature = new Int32Array(SIGNATURE_SIZE);
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    const seed = SLOT_SEEDS[i];
    let least = 0x7fffffff;
    for (let s = 0; s < count; s++) {
      // fmix32 (hash.ts), inlined.
      let h = shingles[s] ^ seed;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      if (h < least) least = h;
    }
    signature[i] = least;
  }
  return new Uint32Array(signature.buffer);
}

/**
 * The distinct hashes of the body's shingles, ascending (a repeated sentence adds nothing to the set, nor
 * any work), or null when the body has fewer than MIN_WORDS words. One word stream across the paragraphs:
 * where the paragraphs break is layout (see fingerprintInput).
 */
export function shingleHashes(body: string[]): Uint32Array | null {
  const words = wordHashes(body.map(canonicalText).join(' '));
  if (words.length < MIN_WORDS) return null;
  const count = words.length - SHINGLE_WORDS + 1;
  const all = new Uint32Array(count);
  for (let i = 0; i < count; i++) all[i] = hashValues(words, i, SHINGLE_WORDS, SHINGLE_SEED);
  all.sort();
  let n = 0;
  for (let i = 0; i < count; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i];
  return all.subarray(0, n);
}

/** Estimated Jaccard similarity (0..1) of two bodies from their signatures; 0 for signatures of different sizes. */
export function estimateSimilarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}
