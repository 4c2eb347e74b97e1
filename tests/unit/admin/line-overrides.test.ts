import { hasOverrides, keepInBody, setAside } from '../../../src/plugins/raw-import/admin/src/utils/lineOverrides';

describe('line overrides (the preview corrections the server re-splits with)', () => {
  it('keeps a line the splitter set aside, and sets a prose paragraph aside', () => {
    expect(keepInBody({}, 7)).toEqual({ keep: [7] });
    expect(setAside({}, 3)).toEqual({ setAside: [3] });
    expect(setAside(keepInBody({}, 7), 3)).toEqual({ keep: [7], setAside: [3] });
  });

  it('keeps the line lists sorted and free of repeats', () => {
    expect(keepInBody(keepInBody(keepInBody({}, 9), 2), 9)).toEqual({ keep: [2, 9] });
    expect(setAside(setAside({}, 12), 4)).toEqual({ setAside: [4, 12] });
  });

  it('undoes a correction by taking the line out of its list, not by adding it to the other one', () => {
    // A paragraph the editor set aside comes back as boilerplate ("editor"); keeping it undoes the set-aside.
    expect(keepInBody({ setAside: [3, 5] }, 3)).toEqual({ setAside: [5] });
    // A kept debris line is in the body; setting it aside again undoes the keep.
    expect(setAside({ keep: [7], setAside: [3] }, 7)).toEqual({ setAside: [3] });
    expect(keepInBody({ setAside: [3] }, 3)).toEqual({});
  });

  it('does not change the overrides it is given', () => {
    const overrides = { keep: [7], setAside: [3] };
    keepInBody(overrides, 3);
    setAside(overrides, 7);
    expect(overrides).toEqual({ keep: [7], setAside: [3] });
  });

  it('tells whether there is anything to send', () => {
    expect(hasOverrides({})).toBe(false);
    expect(hasOverrides({ keep: [], setAside: [] })).toBe(false);
    expect(hasOverrides({ setAside: [1] })).toBe(true);
  });
});
