import { splitRawText, normalizeRawText, RawTextError, type RawTextErrorCode, type SplitResult } from '../../src/plugins/raw-import/core';
import { ADVERSARIAL_INPUTS } from '../../bench/split';

/**
 * Inputs built to make regular expressions backtrack. Each must split into something definite (or
 * be refused with the right code), with every line accounted for. How long each takes is measured
 * by `npm run bench -- split` (ms per case), not asserted here: tests do not time the machine.
 */

type Expectation = { refused: RawTextErrorCode } | { check: (result: SplitResult, text: string) => void };

const oneParagraph = (result: SplitResult, text: string) => {
  expect(result.body).toEqual([text.trim()]);
  expect(result.teasers).toEqual([]);
};
const fivePeople = (result: SplitResult) => {
  expect(result.figures[0]).toMatchObject({ value: 5, display: '5', label: 'people', paragraph: 0 });
};

const EXPECTED: Record<string, Expectation> = {
  'a run of full stops': {
    check: (r, t) => {
      oneParagraph(r, t);
      fivePeople(r);
    },
  },
  'a run of exclamation marks': {
    check: (r, t) => {
      oneParagraph(r, t);
      fivePeople(r);
    },
  },
  'a run of closing quotes': {
    check: (r, t) => {
      oneParagraph(r, t);
      fivePeople(r);
    },
  },
  'a run of inner spaces before a trailing space': {
    check: (r) => {
      // Inner whitespace collapses; the trailing space goes; the second line is its own paragraph.
      expect(r.body).toEqual(['x y', 'z']);
      expect(r.bodyLines).toEqual([1, 2]);
    },
  },
  'thousands groups ending in a digit': { check: oneParagraph },
  'comma groups ending in a digit': { check: oneParagraph },
  'percentages without spaces': {
    check: (r, t) => {
      oneParagraph(r, t);
      expect(r.figures.length).toBeGreaterThan(0);
      expect(r.figures.every((f) => f.unit === '%' && f.paragraph === 0)).toBe(true);
    },
  },
  'one very long line ending in an ellipsis': {
    check: (r, t) => {
      // A lone line ending in "…" is the body, not a teaser: there would be no article left.
      oneParagraph(r, t);
      expect(r.figures).toEqual([]);
    },
  },
  'many short lines': {
    check: (r, t) => {
      const lines = t.split('\n').filter(Boolean);
      expect(r.body).toEqual([lines.join(' ')]);
    },
  },
  'many teaser-like lines': { refused: 'no-body' },
};

/**
 * Every non-blank line of the (normalized) text ends up somewhere: in the title, the byline, a
 * body paragraph, a set-aside line, a teaser (without its marker) or a dropped teaser header.
 */
function expectEveryLineAccountedFor(text: string, result: SplitResult) {
  const pieces = [result.title ?? '', ...result.body, ...result.boilerplate.map((b) => b.text), ...result.dropped].join('\n');
  const teasers = result.teasers.map((t) => t.text);
  const missing: string[] = [];
  for (const raw of normalizeRawText(text).split('\n')) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (line === '') continue;
    const found =
      pieces.includes(line) ||
      (result.byline !== null && line.includes(result.byline)) ||
      teasers.some((teaser) => teaser !== '' && line.startsWith(teaser));
    if (!found && missing.push(line.slice(0, 80)) >= 5) break;
  }
  expect(missing).toEqual([]);
}

describe('splitRawText on adversarial input', () => {
  it('has an expectation for every adversarial input the benchmark times', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(ADVERSARIAL_INPUTS).sort());
  });

  it.each(Object.entries(ADVERSARIAL_INPUTS))('%s: splits into something definite or is refused', (name, text) => {
    const expected = EXPECTED[name];
    let result: SplitResult | undefined;
    let refusal: unknown;
    try {
      result = splitRawText(text);
    } catch (error) {
      refusal = error;
    }
    if ('refused' in expected) {
      expect(refusal).toBeInstanceOf(RawTextError);
      expect((refusal as RawTextError).code).toBe(expected.refused);
      return;
    }
    if (refusal !== undefined) throw refusal;
    expectEveryLineAccountedFor(text, result!);
    expected.check(result!, text);
  });
});
