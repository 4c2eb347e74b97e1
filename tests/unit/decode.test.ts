import { assertDecodedText, decodeRawText, RawTextError } from '../../src/plugins/raw-import/core';

const bytes = (s: string) => new TextEncoder().encode(s);
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof RawTextError ? e.code : 'other';
  }
  return 'none';
};

describe('decodeRawText', () => {
  it('decodes UTF-8 and strips a BOM', () => {
    expect(decodeRawText(bytes('\uFEFFZürich'))).toBe('Zürich');
  });

  it('refuses text over the size limit', () => {
    expect(codeOf(() => decodeRawText(bytes('abcdef'), { maxBytes: 5 }))).toBe('too-large');
  });

  it('uses a 1 MiB limit by default', () => {
    expect(codeOf(() => decodeRawText(new Uint8Array(1048577).fill(65)))).toBe('too-large');
    expect(decodeRawText(new Uint8Array(1048576).fill(65))).toHaveLength(1048576);
  });

  it('refuses binary data with NUL bytes', () => {
    expect(codeOf(() => decodeRawText(new Uint8Array([72, 0, 105])))).toBe('binary');
  });

  it('refuses invalid UTF-8', () => {
    expect(codeOf(() => decodeRawText(new Uint8Array([0x48, 0xff, 0xfe, 0x69])))).toBe('encoding');
  });

  it('says where the bytes stop being UTF-8', () => {
    const windows1252 = new Uint8Array([...bytes('Line one\nCaf'), 0xe9, ...bytes(' au lait')]);
    expect(() => decodeRawText(windows1252)).toThrow(
      'The text is not valid UTF-8 and cannot be read: save it as UTF-8 and try again. (At byte offset 12, line 2: byte E9 is not UTF-8 there; the file may be in another encoding, such as Windows-1252.)'
    );
  });

  it('refuses a UTF-16 surrogate encoded on its own (CESU-8), naming it', () => {
    const cesu = new Uint8Array([...bytes('Smile '), 0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80, ...bytes(' please')]);
    expect(() => decodeRawText(cesu)).toThrow(/At byte offset 6, line 1: ED A0 begins a UTF-16 surrogate encoded on its own, as CESU-8 does/);
  });

  it('refuses a text cut off in the middle of a character', () => {
    expect(() => decodeRawText(bytes('Smile 😀').subarray(0, 8))).toThrow(/ends in the middle of a character/);
  });

  it('refuses UTF-16 with its byte-order mark as an encoding, and without it as binary data', () => {
    const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
    expect(() => decodeRawText(new Uint8Array([0xff, 0xfe, ...utf16le('Zürich')]))).toThrow(/not valid UTF-8.*It is UTF-16/);
    expect(codeOf(() => decodeRawText(utf16le('Zürich')))).toBe('binary');
  });

  it('refuses text that is only whitespace', () => {
    expect(codeOf(() => decodeRawText(bytes(' \n\t \r\n')))).toBe('empty');
  });

  it('names the problem in plain words', () => {
    expect(() => decodeRawText(bytes('   '))).toThrow('The text is empty: there is nothing to import.');
    expect(() => decodeRawText(bytes('abcdef'), { maxBytes: 5 })).toThrow(/too large.*6 bytes.*5 bytes/);
  });
});

describe('assertDecodedText (a text that arrived as a JSON string)', () => {
  it('accepts surrogate pairs, right-to-left and combining characters', () => {
    expect(() => assertDecodedText('Smile 😀, שלום, q\u0307\u0323')).not.toThrow();
  });

  it('refuses a lone UTF-16 surrogate, naming its line and column', () => {
    expect(() => assertDecodedText('First line\nSmile \ud83d please')).toThrow(
      'The text is not valid UTF-8 and cannot be read: save it as UTF-8 and try again. (Line 2, column 7: a lone UTF-16 surrogate, U+D83D, is half of a character such as an emoji; send the whole character.)'
    );
    expect(() => assertDecodedText('\ude00 trailing half first')).toThrow(/Line 1, column 1: a lone UTF-16 surrogate, U\+DE00/);
  });

  it('carries where the surrogate is for programs', () => {
    try {
      assertDecodedText('ab\ud83d');
    } catch (error) {
      expect(error).toBeInstanceOf(RawTextError);
      expect((error as RawTextError).details).toEqual({ line: 1, column: 3 });
    }
    expect.assertions(2);
  });

  it('refuses NUL bytes, U+FFFD and text over the limit counted in UTF-8 bytes', () => {
    expect(codeOf(() => assertDecodedText('PK\u0003\u0004\u0000'))).toBe('binary');
    expect(codeOf(() => assertDecodedText('Caf\uFFFD'))).toBe('encoding');
    expect(codeOf(() => assertDecodedText('éé', { maxBytes: 3 }))).toBe('too-large');
    expect(codeOf(() => assertDecodedText('éé', { maxBytes: 4 }))).toBe('none');
  });
});
