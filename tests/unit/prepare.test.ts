import { prepareArticle, slugBase } from '../../src/plugins/raw-import/server/src/services/prepare';

const text = [
  'Harbour wall to be rebuilt after storm',
  '',
  'The council agreed on Monday to rebuild the harbour wall at a cost of €85 million, after a storm surge breached it last winter.',
  '',
  'Work will start in the spring and take about two years, engineers said.',
  '',
  'Fishing boats return to the bay as the herring season opens with…',
  'Ferry timetable changes from next month, with fewer crossings on…',
].join('\n');

describe('prepareArticle', () => {
  it('gives the same source hash whatever the line endings and BOM', () => {
    const crlf = `\uFEFF${text.replace(/\n/g, '\r\n')}`;
    expect(prepareArticle(crlf).sourceHash).toBe(prepareArticle(text).sourceHash);
    expect(prepareArticle(text).sourceHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('derives title, slug base, blocks, teasers in order and figures', () => {
    const prepared = prepareArticle(text, { sourceName: 'harbour.txt' });
    expect(prepared.title).toBe('Harbour wall to be rebuilt after storm');
    expect(prepared.baseSlug).toBe('harbour-wall-to-be-rebuilt-after-storm');
    expect(prepared.sourceName).toBe('harbour.txt');
    expect(prepared.body).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: expect.stringMatching(/^The council agreed/) }] },
      { type: 'paragraph', children: [{ type: 'text', text: expect.stringMatching(/^Work will start/) }] },
    ]);
    expect(prepared.teasers.map(({ position, truncated }) => [position, truncated])).toEqual([
      [0, true],
      [1, true],
    ]);
    expect(prepared.figures.map(({ value, unit }) => [value, unit])).toContainEqual([85000000, 'EUR']);
  });

  it('refuses an empty text with a 400-style validation error naming the problem', () => {
    expect(() => prepareArticle('  \n ')).toThrow(expect.objectContaining({ name: 'ValidationError', message: expect.stringMatching(/empty/i) }));
  });

  it('refuses a text over a limit with a 413-style error naming the limit in its message and details', () => {
    expect(() => prepareArticle(text, { limits: { maxParagraphs: 3 } })).toThrow(
      expect.objectContaining({
        name: 'PayloadTooLargeError',
        message: 'The text has too many paragraphs to import as one article: 4, the limit is 3.',
        details: { code: 'too-many-paragraphs', paragraphs: 4, limit: 3 },
      })
    );
  });
});

describe('slugBase', () => {
  it('cuts a long slug between words, at most 80 characters', () => {
    const slug = slugBase('Jihadist fighters launched a surprise offensive on government-held territories in northern Aleppo');
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toBe('jihadist-fighters-launched-a-surprise-offensive-on-government-held-territories');
  });

  it('falls back to "article" when nothing is left of the title', () => {
    expect(slugBase('… — …')).toBe('article');
  });
});
