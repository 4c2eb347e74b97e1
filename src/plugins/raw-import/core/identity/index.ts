/**
 * Story identity: an exact fingerprint of the body (for "is this the same text?") and MinHash signatures
 * with LSH band keys (for "is this nearly the same story as one already stored?"). Pure functions, fixed
 * seeds: what they return is stored and compared across processes and versions.
 */
export { fingerprintInput } from './canonical';
export { similaritySignature, estimateSimilarity, SHINGLE_WORDS, SIGNATURE_SIZE, MIN_WORDS } from './signature';
export { bandKeys, candidateProbability, LSH_BANDS, LSH_ROWS, MIN_SHARED_BANDS } from './bands';
export { encodeSignature, decodeSignature, SIGNATURE_FORMAT } from './encoding';
export { isNearDuplicate, NEAR_DUPLICATE_THRESHOLD } from './threshold';
