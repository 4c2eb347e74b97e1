import { markFigures } from '../../../src/plugins/raw-import/admin/src/utils/figureMarks';

const figure = (display: string, paragraph = 0) => ({ display, paragraph });
const marked = (segments: ReturnType<typeof markFigures>) =>
  segments.map((segment) => (segment.figure === undefined ? segment.text : `[${segment.text}#${segment.figure}]`)).join('');

describe('markFigures (the preview highlights each figure where it is written)', () => {
  it('marks every figure of the paragraph and keeps the text around them', () => {
    const paragraph = 'Rescuers saved about 120 people and used 14 boats.';
    expect(marked(markFigures(paragraph, 0, [figure('about 120'), figure('14')]))).toBe(
      'Rescuers saved [about 120#0] people and used [14#1] boats.'
    );
  });

  it('only marks the figures found in that paragraph, keeping their index in the whole list', () => {
    const figures = [figure('37', 0), figure('9', 1)];
    expect(marked(markFigures('Nine, or 9, stayed.', 1, figures))).toBe('Nine, or [9#1], stayed.');
  });

  it('marks the same number written twice once per figure, in reading order', () => {
    const paragraph = '12 boats and 12 trucks';
    expect(marked(markFigures(paragraph, 0, [figure('12'), figure('12')]))).toBe('[12#0] boats and [12#1] trucks');
  });

  it('does not mark a number inside one already marked', () => {
    const paragraph = 'It cost €85 million, not 85.';
    expect(marked(markFigures(paragraph, 0, [figure('€85 million'), figure('85')]))).toBe(
      'It cost [€85 million#0], not [85#1].'
    );
  });

  it('leaves the paragraph as it is when a figure is not written in it as displayed', () => {
    expect(marked(markFigures('Nothing to see.', 0, [figure('42')]))).toBe('Nothing to see.');
  });
});
