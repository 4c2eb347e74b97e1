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

  it('trims spaces at the end of every line', () => {
    expect(normalizeRawText('one  \ntwo\t\n')).toBe('one\ntwo\n');
  });
});
