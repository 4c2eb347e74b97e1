import { decodeRawText, RawTextError } from '../../src/plugins/raw-import/core';

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

  it('refuses text that is only whitespace', () => {
    expect(codeOf(() => decodeRawText(bytes(' \n\t \r\n')))).toBe('empty');
  });

  it('names the problem in plain words', () => {
    expect(() => decodeRawText(bytes('   '))).toThrow('The text is empty: there is nothing to import.');
    expect(() => decodeRawText(bytes('abcdef'), { maxBytes: 5 })).toThrow(/too large.*6 bytes.*5 bytes/);
  });
});
