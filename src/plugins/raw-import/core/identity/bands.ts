/**
 * LSH banding: the signature's first LSH_BANDS × LSH_ROWS slots cut into bands, each band hashed to one
 * short key. Two bodies of Jaccard similarity s share at least one key with probability
 * 1 - (1 - s^ROWS)^BANDS, so the server finds candidates with one indexed lookup and compares signatures
 * only for those.
 *
 * 64 bands of 4 rows (all 256 slots): 98% at s = 0.5 and 99.99% at 0.6, where a one-paragraph rewrite of
 * a story of five paragraphs or more lands; 81% at 0.4 and 54% at the threshold (0.33), so a rewrite of a
 * third or more of a short story may go unflagged. Two rows would find those too, but would make 16% of
 * pairs of template texts candidates (s ≈ 0.1): at archive scale every new story would be compared with a
 * sixth of the archive. With four rows that is 0.6% of pairs, about 60 candidates per story in 10,000.
 */

import { hashValues } from './hash';
import { SIGNATURE_SIZE } from './signature';

export const LSH_BANDS = 64;
export const LSH_ROWS = 4;

const BAND_SEED = 0xba4d0001;

/** The signature's band keys, `${band}:${8 hex digits}` (at most 11 characters), one per band, in band order. */
export function bandKeys(signature: Uint32Array): string[] {
  if (signature.length !== SIGNATURE_SIZE) throw new RangeError(`a signature has ${SIGNATURE_SIZE} slots, not ${signature.length}`);
  const keys: string[] = [];
  for (let band = 0; band < LSH_BANDS; band++) {
    const hash = hashValues(signature, band * LSH_ROWS, LSH_ROWS, BAND_SEED);
    keys.push(`${band}:${hash.toString(16).padStart(8, '0')}`);
  }
  return keys;
}

/** The probability that two bodies of Jaccard similarity `s` share a band key. */
export function candidateProbability(s: number): number {
  return 1 - Math.pow(1 - Math.pow(s, LSH_ROWS), LSH_BANDS);
}

/**
 * Band keys two signatures must share to be compared. Two, not one: bodies of similarity 0.6 share about
 * 8 of the 64 keys (99.9% share two or more), while texts that only share a template's phrases (s ≈ 0.1–0.25)
 * seldom share even one, and almost never two — at archive scale that keeps the signatures fetched per
 * new story to a handful instead of hundreds.
 */
export const MIN_SHARED_BANDS = 2;
