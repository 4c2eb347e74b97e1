/** The pure splitting core: text in, plain data out. No Strapi, no I/O. */
export { decodeRawText, DEFAULT_MAX_BYTES } from './decode';
export type { DecodeOptions } from './decode';
export { normalizeRawText } from './normalize';
export { splitRawText } from './split';
export type { SplitOptions } from './split';
export { findTeaserBlock } from './teasers';
export type { TeaserBlock } from './teasers';
export { extractFigures } from './figures';
export { RawTextError } from './types';
export { refuse, refuseTooLarge } from './refusals';
export type { SplitResult, Teaser, Figure, Qualifier, RawTextErrorCode } from './types';
