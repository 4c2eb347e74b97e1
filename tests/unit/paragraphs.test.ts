import { splitRawText } from '../../src/plugins/raw-import/core';
import { fixture } from './fixtures';

const bodyOf = (text: string) => splitRawText(text, { figures: false }).body;

describe('paragraphs', () => {
  it('reads one paragraph per line when there are no blank lines', () => {
    const body = bodyOf(fixture('seed-like.txt'));
    expect(body).toHaveLength(6);
    expect(body[5]).toBe('Talks planned for the 3rd of next month are now in doubt.');
  });

  it('reads blank-line-separated blocks as paragraphs', () => {
    expect(bodyOf(fixture('blank-lines.txt'))).toHaveLength(3);
  });

  it('joins the hard-wrapped lines of one paragraph with a space', () => {
    const body = bodyOf(fixture('hard-wrapped.txt'));
    expect(body).toHaveLength(3);
    expect(body[0]).toBe(
      'The ferry operator on the northern isles said on Tuesday it would add a second vessel to its busiest route next summer, after passenger numbers rose by 18% in a year and queues at the harbour stretched for hours.',
    );
  });

  it('keeps one-line paragraphs apart inside a block of long lines', () => {
    const long = 'This sentence is long enough to be a paragraph of its own in a one-paragraph-per-line article, clearly.';
    expect(bodyOf(`${long}\n${long.replace('This', 'That')}\n\nMore news soon…`)).toHaveLength(2);
  });

  it('collapses tabs and runs of spaces inside a paragraph', () => {
    expect(bodyOf('\tThe  mayor\tspoke   today.\nShe left.')).toEqual(['The mayor spoke today.', 'She left.']);
  });

  it('rejoins a word the wrapper split at its hyphen', () => {
    const text = [
      'Residents of the low-lying districts along the estuary were told to',
      'move to higher ground as the tide rose, and emergency crews worked pre-',
      'emptively to clear the drains before the storm arrived.',
      '',
      'The storm passed overnight.',
    ].join('\n');
    expect(bodyOf(text)[0]).toContain('pre-emptively');
  });
});
