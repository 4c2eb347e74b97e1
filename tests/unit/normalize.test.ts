import { normalizeRawText } from '../../src/plugins/raw-import/core';

describe('normalizeRawText', () => {
  it('strips a byte-order mark', () => {
    expect(normalizeRawText('\uFEFFHello')).toBe('Hello');
  });

  it('turns Windows and old-Mac line ends into LF', () => {
    expect(normalizeRawText('a\r\nb\rc\n')).toBe('a\nb\nc\n');
  });

  it('composes accents to NFC', () => {
    expect(normalizeRawText('Se\u0301ville')).toBe('Séville');
  });

  it('turns tabs and no-break spaces into spaces', () => {
    expect(normalizeRawText('\tone\u00A0two\u202Fthree')).toBe(' one two three');
  });

  it('turns other Unicode spaces (em space, ideographic space) into spaces', () => {
    expect(normalizeRawText('a\u2003b\u3000c')).toBe('a b c');
  });

  it('turns Unicode line and paragraph separators into line breaks', () => {
    expect(normalizeRawText('a\u2028b\u2029c')).toBe('a\nb\n\nc');
  });

  it('trims spaces at the end of every line', () => {
    expect(normalizeRawText('one  \ntwo\t\n')).toBe('one\ntwo\n');
  });
});
