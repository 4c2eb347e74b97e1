import type { LineOverrides } from '../../../core/types';

/**
 * The editor's corrections to a split, as the server reads them: a line the splitter set aside
 * stays in the body only while it is in `keep`; a prose paragraph leaves the body only while it is
 * in `setAside`. So undoing a correction takes the line out of the list it was put in, rather than
 * adding it to the other one (which the server would ignore).
 */

const without = (lines: number[] | undefined, line: number) => (lines ?? []).filter((other) => other !== line);
const withLine = (lines: number[] | undefined, line: number) =>
  [...without(lines, line), line].sort((a, b) => a - b);

/** Only the non-empty lists: `{}` when there is nothing to correct. */
function tidy({ keep, setAside }: LineOverrides): LineOverrides {
  return { ...(keep?.length ? { keep } : {}), ...(setAside?.length ? { setAside } : {}) };
}

/** Brings the set-aside paragraph starting at `line` back into the body. */
export function keepInBody(overrides: LineOverrides, line: number): LineOverrides {
  return overrides.setAside?.includes(line)
    ? tidy({ ...overrides, setAside: without(overrides.setAside, line) })
    : tidy({ ...overrides, keep: withLine(overrides.keep, line) });
}

/** Takes the body paragraph starting at `line` out of the body. */
export function setAside(overrides: LineOverrides, line: number): LineOverrides {
  return overrides.keep?.includes(line)
    ? tidy({ ...overrides, keep: without(overrides.keep, line) })
    : tidy({ ...overrides, setAside: withLine(overrides.setAside, line) });
}

export const hasOverrides = (overrides: LineOverrides) =>
  (overrides.keep?.length ?? 0) + (overrides.setAside?.length ?? 0) > 0;
