import { splitRawText, RawTextError } from '../../src/plugins/raw-import/core';

/** Inputs built to make regular expressions backtrack: each must split in (roughly) linear time. */

const N = 100_000;
const ADVERSARIAL: Record<string, string> = {
  'a run of full stops': '5 people. ' + '.'.repeat(N),
  'a run of exclamation marks': '5 people ' + '!'.repeat(N) + 'x',
  'a run of closing quotes': '5 people.' + '”'.repeat(N) + ' X',
  'a run of inner spaces before a trailing space': 'x' + ' '.repeat(N) + 'y \nz',
  'thousands groups ending in a digit': '1' + ' 000'.repeat(N / 4) + '1',
  'comma groups ending in a digit': '1' + ',000'.repeat(N / 4) + '1',
  'percentages without spaces': '5%'.repeat(N / 2),
  'one very long line ending in an ellipsis': 'Word '.repeat(N / 5) + '…',
  'many short lines': 'a\n'.repeat(N / 2),
  'many teaser-like lines': 'Teaser…\n'.repeat(N / 8),
};

describe('splitRawText on adversarial input', () => {
  it.each(Object.entries(ADVERSARIAL))('splits %s quickly', (_name, text) => {
    const started = Date.now();
    try {
      splitRawText(text);
    } catch (error) {
      if (!(error instanceof RawTextError)) throw error;
    }
    // Linear work takes milliseconds; a quadratic regex would take minutes.
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
