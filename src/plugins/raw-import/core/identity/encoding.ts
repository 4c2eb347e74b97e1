/**
 * A signature as text for a database column: a format tag, then the slots as little-endian bytes in
 * base64 (1,372 characters in all for 256 slots). Written by hand: the core uses no Node built-ins (no Buffer).
 */

import { SIGNATURE_SIZE } from './signature';

/**
 * Names the format and every parameter that shapes a signature (words, shingle size, hashes, slots). A
 * stored text with another tag was made differently and decodes to null, so it is recomputed, never
 * compared with a signature it does not match.
 */
export const SIGNATURE_FORMAT = 'mh1:';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

const BYTES = SIGNATURE_SIZE * 4;
const ENCODED_LENGTH = SIGNATURE_FORMAT.length + Math.ceil(BYTES / 3) * 4;

export function encodeSignature(signature: Uint32Array): string {
  if (signature.length !== SIGNATURE_SIZE) throw new RangeError(`a signature has ${SIGNATURE_SIZE} slots, not ${signature.length}`);
  const bytes = new Uint8Array(BYTES);
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    const v = signature[i];
    bytes[i * 4] = v & 0xff;
    bytes[i * 4 + 1] = (v >>> 8) & 0xff;
    bytes[i * 4 + 2] = (v >>> 16) & 0xff;
    bytes[i * 4 + 3] = v >>> 24;
  }
  let out = SIGNATURE_FORMAT;
  for (let i = 0; i < BYTES; i += 3) {
    const rest = BYTES - i;
    const n = (bytes[i] << 16) | ((rest > 1 ? bytes[i + 1] : 0) << 8) | (rest > 2 ? bytes[i + 2] : 0);
    out += ALPHABET[n >>> 18] + ALPHABET[(n >>> 12) & 63];
    out += rest > 1 ? ALPHABET[(n >>> 6) & 63] : '=';
    out += rest > 2 ? ALPHABET[n & 63] : '=';
  }
  return out;
}

/** The signature in `text`, or null for anything that is not exactly what encodeSignature writes. */
export function decodeSignature(text: string): Uint32Array | null {
  if (typeof text !== 'string' || text.length !== ENCODED_LENGTH || !text.startsWith(SIGNATURE_FORMAT)) return null;
  const bytes = new Uint8Array(Math.ceil(BYTES / 3) * 3);
  let b = 0;
  for (let i = SIGNATURE_FORMAT.length; i < text.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const c = text.charCodeAt(i + j);
      // Padding exactly where encodeSignature puts it: in the last group, for the bytes past the end.
      const padding = i + 4 === text.length && b + j > BYTES;
      const v = c < 128 ? VALUE[c] : -1;
      if (padding ? c !== 61 : v < 0) return null;
      n = (n << 6) | (padding ? 0 : v);
    }
    bytes[b++] = n >>> 16;
    bytes[b++] = (n >>> 8) & 0xff;
    bytes[b++] = n & 0xff;
  }
  // The unused bits of the last group are zero in what encodeSignature writes; anything else is not ours.
  for (let i = BYTES; i < bytes.length; i++) if (bytes[i] !== 0) return null;
  const signature = new Uint32Array(SIGNATURE_SIZE);
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    signature[i] = (bytes[i * 4] | (bytes[i * 4 + 1] << 8) | (bytes[i * 4 + 2] << 16) | (bytes[i * 4 + 3] << 24)) >>> 0;
  }
  return signature;
}
