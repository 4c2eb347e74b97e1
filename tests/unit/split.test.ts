import { splitRawText, RawTextError } from '../../src/plugins/raw-import/core';

const refusal = (text: string) => {
  try {
    splitRawText(text);
  } catch (e) {
    if (e instanceof RawTextError) return { code: e.code, message: e.message };
    throw e;
  }
  return null;
};

describe('splitRawText refusals', () => {
  it('refuses empty text', () => {
    expect(refusal('')).toEqual({ code: 'empty', message: 'The text is empty: there is nothing to import.' });
  });

  it('refuses whitespace-only text', () => {
    expect(refusal(' \n\t\r\n\u00A0')?.code).toBe('empty');
  });

  it('refuses binary data', () => {
    expect(refusal('PNG\u0000\u0001data')?.code).toBe('binary');
  });

  it('refuses a text that is nothing but teasers', () => {
    const result = refusal('Storm closes the coast road…\nNew mayor sworn in…');
    expect(result?.code).toBe('no-body');
    expect(result?.message).toMatch(/body/);
  });

  it('normalizes before splitting (BOM, CRLF)', () => {
    const result = splitRawText('\uFEFFThe mayor spoke today.\r\nShe left early.\r\nStorm closes the road…\r\n');
    expect(result.body).toEqual(['The mayor spoke today.', 'She left early.']);
    expect(result.teasers).toEqual([{ text: 'Storm closes the road', truncated: true }]);
  });
});
