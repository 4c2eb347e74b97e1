import { splitRawText, findTeaserBlock } from '../../src/plugins/raw-import/core';
import { fixture } from './fixtures';

const split = (text: string) => splitRawText(text, { figures: false });
const BODY = 'The council approved the plan on Monday after a long debate that ran late into the evening, with most members in favour.';
const teasersOf = (lines: string[]) => split([BODY, ...lines].join('\n')).teasers;

describe('teaser block', () => {
  it('finds the six teasers of a sample-like text', () => {
    const { teasers, body } = split(fixture('seed-like.txt'));
    expect(body).toHaveLength(6);
    expect(teasers).toHaveLength(6);
    expect(teasers.every((t) => t.truncated)).toBe(true);
  });

  it('keeps the punctuation before the marker (",…" and ".…")', () => {
    const { teasers } = split(fixture('seed-like.txt'));
    expect(teasers[1].text).toBe('Ministers agree a new budget after a night of talks, ending weeks of deadlock,');
    expect(teasers[3].text).toBe("The city's oldest bakery, famous for its rye loaves, closes after 140 years.");
  });

  it.each([
    ['…', 'Storm closes the coast road…'],
    ['...', 'Storm closes the coast road...'],
    ['[…]', 'Storm closes the coast road […]'],
    ['[...]', 'Storm closes the coast road [...]'],
    ['(…)', 'Storm closes the coast road (…)'],
    ['… Read more', 'Storm closes the coast road… Read more'],
    ['Read more', 'Storm closes the coast road Read more'],
  ])('strips the %s marker', (_marker, line) => {
    expect(teasersOf([line])).toEqual([{ text: 'Storm closes the coast road', truncated: true }]);
  });

  it('drops a header line before the block ("Related")', () => {
    const result = split(fixture('teaser-header.txt'));
    expect(result.dropped).toEqual(['Related']);
    expect(result.teasers.map((t) => t.text)).toEqual([
      'Station cafés to stay open later under a new contract',
      'Ticket machines replaced at 200 stations after a run of faults,',
    ]);
    expect(result.body).toHaveLength(2);
  });

  it.each(['Read more:', 'More from Business', 'Also read', 'Lesen Sie auch:', 'Mehr zum Thema', 'À lire aussi', 'Lire aussi', 'Sur le même sujet', 'Leer más', 'Te puede interesar', 'Más noticias'])(
    'drops the header "%s"',
    (header) => {
      const result = split([BODY, '', header, 'Bridge to close for a month of repairs…', 'New mayor sworn in…'].join('\n'));
      expect(result.dropped).toEqual([header]);
      expect(result.teasers).toHaveLength(2);
      expect(result.body).toEqual([BODY]);
    },
  );

  it('drops a short unknown header right before the block ("Weitere Meldungen", "Top picks:")', () => {
    for (const header of ['Weitere Meldungen', 'Top picks:']) {
      const result = split([BODY, header, 'Bridge to close for repairs…', 'New mayor sworn in…'].join('\n'));
      expect(result.dropped).toEqual([header]);
      expect(result.body).toEqual([BODY]);
    }
  });

  it('keeps a last paragraph that trails off after several sentences in the body', () => {
    const last = 'The old keeper was asked what he would miss. He paused for a long time. Then he said he would miss the sound of the sea at night, and the light, and…';
    const result = split([BODY, last].join('\n'));
    expect(result.body).toEqual([BODY, last]);
    expect(result.teasers).toEqual([]);
  });

  it('keeps a line that is not cut off inside the block as a teaser', () => {
    const teasers = teasersOf(['Bridge to close for repairs…', 'School wins a national award.', 'New mayor sworn in…']);
    expect(teasers[1]).toEqual({ text: 'School wins a national award.', truncated: false });
  });

  it('keeps a line that is not cut off after the block as a teaser', () => {
    const teasers = teasersOf(['Bridge to close for repairs…', 'New mayor sworn in…', 'School wins a national award.']);
    expect(teasers).toHaveLength(3);
    expect(teasers[2].truncated).toBe(false);
  });

  it('keeps an ellipsis inside the article in the body', () => {
    const result = split(fixture('mid-article-ellipsis.txt'));
    expect(result.body).toHaveLength(4);
    expect(result.body[1]).toMatch(/and then…$/);
    expect(result.teasers).toHaveLength(2);
  });

  it('keeps a short last paragraph without punctuation in the body', () => {
    const result = split([BODY, 'More details are expected later', 'Bridge to close for repairs…', 'New mayor sworn in…'].join('\n'));
    expect(result.body).toEqual([BODY, 'More details are expected later']);
    expect(result.teasers).toHaveLength(2);
  });

  it('finds no teasers in a text that ends on a short sentence', () => {
    expect(split(fixture('no-teasers.txt')).teasers).toEqual([]);
  });

  it('reports where the block starts on the lines of the text', () => {
    const block = findTeaserBlock([BODY, '', 'Related', 'Bridge to close…']);
    expect(block).toEqual({ start: 2, teasers: [{ text: 'Bridge to close', truncated: true }], dropped: ['Related'] });
  });

  it('finds a single teaser', () => {
    expect(teasersOf(['Farmers to be paid for planting hedgerows under a new…'])).toHaveLength(1);
  });
});
