import { splitRawText } from '../../src/plugins/raw-import/core';
import { fixture } from './fixtures';

const split = (text: string) => splitRawText(text, { figures: false });

describe('headline', () => {
  it('takes a short first line without a full stop as the title', () => {
    const result = split(fixture('headline.txt'));
    expect(result.title).toBe('City council votes to pedestrianise the market square');
    expect(result.body).toHaveLength(2);
  });

  it('takes a headline directly followed by one-line paragraphs', () => {
    const result = split('Harbour reopens after repairs\nThe harbour reopened on Monday after a year of work.\nBoats returned.');
    expect(result.title).toBe('Harbour reopens after repairs');
    expect(result.body).toHaveLength(2);
  });

  it('has no title when the text starts with a sentence', () => {
    expect(split(fixture('seed-like.txt')).title).toBeNull();
  });

  it('does not take the first line of hard-wrapped prose as a title', () => {
    const result = split(fixture('hard-wrapped.txt'));
    expect(result.title).toBeNull();
    expect(result.body[0]).toMatch(/^The ferry operator/);
  });

  it('keeps a lone short line as the body rather than the title', () => {
    const result = split('Storm warning for the coast');
    expect(result.title).toBeNull();
    expect(result.body).toEqual(['Storm warning for the coast']);
  });
});
