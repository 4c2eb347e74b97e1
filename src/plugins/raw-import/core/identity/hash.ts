/**
 * 32-bit hashing with fixed constants. Signatures and band keys are stored in the database, so every
 * function here must give the same output in every process and every version: change one and every
 * stored signature has to be recomputed (the version tag in encoding.ts says which format a text is in).
 */

/** FNV-1a over the UTF-16 code units text[from..to): the hash of one word. */
export function fnv1a(text: string, from = 0, to = text.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** murmur3's finalizer: a bijection on 32 bits that spreads every input bit over the whole output. */
export function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** murmur3 x86_32's block step: folds one 32-bit value into a running hash `h`. */
export function mixBlock(h: number, value: number): number {
  let k = Math.imul(value, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let m = h ^ k;
  m = (m << 13) | (m >>> 19);
  return (Math.imul(m, 5) + 0xe6546b64) | 0;
}

/** murmur3 x86_32 of `count` 32-bit values from `values[start]` on (the values as little-endian blocks). */
export function hashValues(values: ArrayLike<number>, start: number, count: number, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < count; i++) h = mixBlock(h, values[start + i]);
  return fmix32(h ^ (count * 4));
}

/** `count` fixed, well-spread 32-bit seeds (splitmix32 from a constant start). */
export function seeds(count: number, start: number): Uint32Array {
  const out = new Uint32Array(count);
  let state = start >>> 0;
  for (let i = 0; i < count; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    out[i] = fmix32(state);
  }
  return out;
}
