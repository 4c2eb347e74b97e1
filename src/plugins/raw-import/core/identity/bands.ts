/**
 * LSH banding: the signature's first LSH_BANDS × LSH_ROWS slots cut into bands, each band hashed to one
 * short key. Two bodies of Jaccard similarity s share at least one key with probability
 * 1 - (1 - s^ROWS)^BANDS, so the server finds candidates with one indexed lookup and compares signatures
 * only for those.
 *
 * 32 bands of 2 rows: 95% at s = 0.3, 97% at the threshold (0.33), 99.6% at 0.4, where a one-paragraph
 * rewrite of a three-paragraph story lands (three rows would find only 69% at the threshold). The price is
 * more candidates among texts that share template phrases (27% of pairs at s = 0.1); unrelated stories
 * share almost no 6-word shingles, so they seldom meet (0.3% at s = 0.01).
 */

import { hashValues } from './hash';
import { SIGNATURE_SIZE } from './signature';

export const LSH_BANDS = 32;
export const LSH_ROWS = 2;

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
