import { refuse, refuseTooLarge } from './refusals';

export const DEFAULT_MAX_BYTES = 1024 * 1024;

export interface DecodeOptions {
  /** Refuse anything larger (default 1 MiB). */
  maxBytes?: number;
}

/** Uploaded bytes → text, refusing what is not an importable plain-text article. */
export function decodeRawText(bytes: Uint8Array, options: DecodeOptions = {}): string {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes) throw refuseTooLarge(bytes.byteLength, maxBytes);
  // A NUL byte never occurs in text: the upload is an image, a PDF, a UTF-16 file…
  if (bytes.indexOf(0) !== -1) throw refuse('binary');
  let text: string;
  try {
    // fatal: invalid UTF-8 is refused rather than silently turned into U+FFFD.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw refuse('encoding');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw refuse('empty');
  return text;
}
