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

  it('refuses a text cut into more paragraphs than maxParagraphs, counting debris and teasers, and names the limit', () => {
    const text = 'The mayor spoke today.\n\nAdvertisement\n\nShe left early.\nStorm closes the road…\n';
    expect(splitRawText(text, { maxParagraphs: 4 }).body).toEqual(['The mayor spoke today.', 'She left early.']);
    expect(() => splitRawText(text, { maxParagraphs: 3 })).toThrow(
      expect.objectContaining({
        code: 'too-many-paragraphs',
        message: 'The text has too many paragraphs to import as one article: 4, the limit is 3.',
        details: { paragraphs: 4, limit: 3 },
      })
    );
  });

  it('refuses a body with more figures than maxFigures, and names the limit', () => {
    const text = 'About 200 people were evacuated and 35 homes were flooded.';
    expect(splitRawText(text, { maxFigures: 2 }).figures).toHaveLength(2);
    expect(() => splitRawText(text, { maxFigures: 1 })).toThrow(
      expect.objectContaining({ code: 'too-many-figures', message: 'The text has too many figures to import as one article: 2, the limit is 1.' })
    );
  });

  it('normalizes before splitting (BOM, CRLF)', () => {
    const result = splitRawText('\uFEFFThe mayor spoke today.\r\nShe left early.\r\nStorm closes the road…\r\n');
    expect(result.body).toEqual(['The mayor spoke today.', 'She left early.']);
    expect(result.teasers).toEqual([{ text: 'Storm closes the road', truncated: true }]);
  });
});
