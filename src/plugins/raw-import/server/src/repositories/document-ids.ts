import { randomBytes } from 'crypto';

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Random bytes drawn from the system's CSPRNG a few kilobytes at a time, not per id. */
let pool = Buffer.alloc(0);
let poolOffset = 0;

/**
 * A document id in Strapi's format (24 lowercase letters and digits, starting with a letter),
 * from the system's CSPRNG: cuid2's SHA-3 costs more than the rest of a bulk write.
 */
export function createDocumentId(): string {
  if (poolOffset + 24 > pool.length) {
    pool = randomBytes(24 * 512);
    poolOffset = 0;
  }
  let id = ID_ALPHABET[pool[poolOffset] % 26];
  for (let i = 1; i < 24; i += 1) id += ID_ALPHABET[pool[poolOffset + i] % 36];
  poolOffset += 24;
  return id;
}
