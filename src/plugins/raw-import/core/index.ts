/** The pure splitting core: text in, plain data out. No Strapi, no I/O. */
export { assertDecodedText, decodeRawText, hasLoneSurrogate, DEFAULT_MAX_BYTES } from './split/decode';
export type { DecodeOptions } from './split/decode';
export { normalizeRawText } from './split/normalize';
export { splitRawText } from './split/split';
export type { SplitLimits, SplitOptions } from './split/split';
export { findTeaserBlock } from './split/teasers';
export type { TeaserBlock } from './split/teasers';
export { extractFigures } from './figures/figures';
export { RawTextError } from './types';
export { refuse, refuseTooLarge } from './split/refusals';
export type { SplitResult, Teaser, Figure, Qualifier, RawTextErrorCode, Boilerplate, BoilerplateKind, LineOverrides } from './types';
export * from './identity';
