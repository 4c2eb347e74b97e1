/** When two signatures say "the same story". */

/**
 * The least estimated similarity of a near-duplicate. Measured in bench/identity.ts: template stories
 * reach at most 0.26 against each other (1,000 and 2,500 texts of one generator; hand-written markets,
 * weather and results families at most 0.21), while a copy with one paragraph of four rewritten keeps
 * 0.34 or more in 99 cases of 100, and one of three paragraphs a median 0.5.
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.33;

export function isNearDuplicate(similarity: number): boolean {
  return similarity >= NEAR_DUPLICATE_THRESHOLD;
}
