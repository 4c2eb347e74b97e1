import { RawTextError, type RawTextErrorCode } from '../types';

/** The plain-words message an editor sees for each refused text. */
const MESSAGES: Record<RawTextErrorCode, string> = {
  empty: 'The text is empty: there is nothing to import.',
  binary: 'The text contains binary data (NUL bytes): it is not a plain-text article.',
  encoding: 'The text is not valid UTF-8 and cannot be read: save it as UTF-8 and try again.',
  'no-body': 'No article body is left after removing the headline and the teaser block.',
  'too-large': 'The text is too large to import.',
  'too-many-paragraphs': 'The text has too many paragraphs to import as one article.',
  'too-many-figures': 'The text has too many figures to import as one article.',
};

export function refuse(code: RawTextErrorCode, detail?: string, details?: Record<string, number>): RawTextError {
  return new RawTextError(code, detail ? `${MESSAGES[code]} ${detail}` : MESSAGES[code], details);
}

export function refuseTooLarge(size: number, maxBytes: number): RawTextError {
  return new RawTextError(
    'too-large',
    `The text is too large to import: ${size} bytes, the limit is ${maxBytes} bytes.`,
    { bytes: size, maxBytes },
  );
}

/** A text within the size limit that would still make too big an article (see SplitLimits). */
export function refuseTooMany(what: 'paragraphs' | 'figures', count: number, limit: number): RawTextError {
  return new RawTextError(
    what === 'paragraphs' ? 'too-many-paragraphs' : 'too-many-figures',
    `The text has too many ${what} to import as one article: ${count}, the limit is ${limit}.`,
    { [what]: count, limit },
  );
}
