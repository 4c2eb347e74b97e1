import { RawTextError, type RawTextErrorCode } from '../types';

/** The plain-words message an editor sees for each refused text. */
const MESSAGES: Record<RawTextErrorCode, string> = {
  empty: 'The text is empty: there is nothing to import.',
  binary: 'The text contains binary data (NUL bytes): it is not a plain-text article.',
  encoding: 'The text is not valid UTF-8 and cannot be read: save it as UTF-8 and try again.',
  'no-body': 'No article body is left after removing the headline and the teaser block.',
  'too-large': 'The text is too large to import.',
};

export function refuse(code: RawTextErrorCode, detail?: string): RawTextError {
  return new RawTextError(code, detail ? `${MESSAGES[code]} ${detail}` : MESSAGES[code]);
}

export function refuseTooLarge(size: number, maxBytes: number): RawTextError {
  return new RawTextError(
    'too-large',
    `The text is too large to import: ${size} bytes, the limit is ${maxBytes} bytes.`,
  );
}
