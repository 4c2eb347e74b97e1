import { refuse, refuseTooLarge } from './refusals';

export const DEFAULT_MAX_BYTES = 1024 * 1024;

export interface DecodeOptions {
  /** Refuse anything larger (default 1 MiB). */
  maxBytes?: number;
}

// fatal: invalid UTF-8 is refused rather than silently turned into U+FFFD.
const utf8 = () => new TextDecoder('utf-8', { fatal: true });

/** Uploaded bytes → text, refusing what is not an importable plain-text article. */
export function decodeRawText(bytes: Uint8Array, options: DecodeOptions = {}): string {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes) throw refuseTooLarge(bytes.byteLength, maxBytes);
  if (startsWithUtf16Mark(bytes)) throw refuse('encoding', '(It is UTF-16: it starts with a UTF-16 byte-order mark.)');
  // A NUL byte never occurs in text: the upload is an image, a PDF, a UTF-16 file without its mark…
  if (bytes.indexOf(0) !== -1) throw refuse('binary');
  let text: string;
  try {
    // Refused too: UTF-16 surrogates encoded one by one (CESU-8, "ED A0 80"), which UTF-8 does not allow.
    text = utf8().decode(bytes);
  } catch {
    throw refuseUndecodable(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw refuse('empty');
  return text;
}

const startsWithUtf16Mark = (bytes: Uint8Array) =>
  bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));

/**
 * Where the bytes stop being UTF-8, for the editor. The decoder says whether, not where; a prefix
 * decoded as a stream fails exactly when it holds the bad byte (a prefix cut inside a character
 * is not an error), so the first failing prefix is found by bisection. Only runs on refused bytes.
 */
function refuseUndecodable(bytes: Uint8Array) {
  const fails = (length: number) => {
    try {
      utf8().decode(bytes.subarray(0, length), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  if (!fails(bytes.length)) return refuse('encoding', '(It ends in the middle of a character.)', { offset: bytes.length });
  let low = 1;
  let high = bytes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (fails(middle)) high = middle;
    else low = middle + 1;
  }
  const offset = sequenceStart(bytes, low - 1);
  const line = countLines(bytes, offset);
  const where = `At byte offset ${offset}, line ${line}`;
  const surrogate = bytes[offset] === 0xed && bytes[offset + 1] >= 0xa0 && bytes[offset + 1] <= 0xbf;
  const detail = surrogate
    ? `(${where}: ED ${hex(bytes[offset + 1])} begins a UTF-16 surrogate encoded on its own, as CESU-8 does; UTF-8 does not allow it.)`
    : `(${where}: byte ${hex(bytes[offset])} is not UTF-8 there; the file may be in another encoding, such as Windows-1252.)`;
  return refuse('encoding', detail, { offset, line });
}

/** The decoder stops at the first byte that does not fit: the sequence it was reading, if unfinished, began earlier. */
function sequenceStart(bytes: Uint8Array, at: number): number {
  for (let k = at - 1; k >= Math.max(0, at - 3); k--) {
    const lead = bytes[k];
    if (lead >= 0x80 && lead <= 0xbf) continue;
    const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    return k + length > at ? k : at;
  }
  return at;
}

const hex = (byte: number) => byte.toString(16).toUpperCase().padStart(2, '0');

function countLines(bytes: Uint8Array, end: number): number {
  let lines = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) lines += 1;
  return lines;
}

// With the u flag a surrogate pair is one code point, so this matches only a surrogate standing alone.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Whether a string holds half a UTF-16 surrogate pair (it would be stored as U+FFFD, not as sent). */
export const hasLoneSurrogate = (text: string): boolean => LONE_SURROGATE.test(text);

/**
 * A text that arrived already decoded (a JSON string) → refused as decodeRawText refuses bytes:
 * over the size limit (counted in UTF-8), binary, or not from UTF-8 — U+FFFD, the mark a client's
 * decoder leaves where it could not decode, or a lone UTF-16 surrogate (half of an emoji, cut by
 * the sender), which UTF-8 cannot encode: the database would store U+FFFD in its place, and the
 * stored raw text would not be what was sent. Emptiness is the splitter's to refuse.
 */
export function assertDecodedText(text: string, options: DecodeOptions = {}): void {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const bytes = new TextEncoder().encode(text).byteLength;
  if (bytes > maxBytes) throw refuseTooLarge(bytes, maxBytes);
  if (text.includes('\u0000')) throw refuse('binary');
  if (text.includes('\uFFFD')) throw refuse('encoding', '(It contains U+FFFD, the mark of bytes that could not be decoded.)');
  const lone = LONE_SURROGATE.exec(text);
  if (lone) {
    const before = text.slice(0, lone.index);
    const line = before.split('\n').length;
    const column = lone.index - before.lastIndexOf('\n');
    const code = lone[0].charCodeAt(0).toString(16).toUpperCase();
    throw refuse(
      'encoding',
      `(Line ${line}, column ${column}: a lone UTF-16 surrogate, U+${code}, is half of a character such as an emoji; send the whole character.)`,
      { line, column }
    );
  }
}
