/** One shape for what the splitter produces: the CLI, the importer, the routes and the tests all use these. */

export interface Teaser {
  /** The teaser line without its trailing marker ("…", "...", "[…]", "(…)", "… Read more"). */
  text: string;
  /** False for a line inside or after the teaser block that was not cut off. */
  truncated: boolean;
}

export type Qualifier = 'exact' | 'about' | 'over' | 'under' | 'up-to' | 'at-least' | 'nearly';

export interface Figure {
  /** Plain number: "$2.3bn" → 2300000000, "58.3%" → 58.3. */
  value: number;
  /** As written in the text: "about 200", "$2.3bn". */
  display: string;
  qualifier: Qualifier;
  /** "%", "USD", "EUR", "GBP", "km", "kg", "tonnes", "C", … or null for a bare count. */
  unit: string | null;
  /** What is counted: "people killed", "drones". */
  label: string;
  /** The sentence the figure was found in. */
  sentence: string;
  /** Index into SplitResult.body. */
  paragraph: number;
}

export interface SplitResult {
  /** An explicit headline line at the top, or null (the importer then derives one). */
  title: string | null;
  body: string[];
  teasers: Teaser[];
  figures: Figure[];
  /** Teaser-block header lines ("Related", "Read more:") that belong to neither side. */
  dropped: string[];
}

export type RawTextErrorCode = 'empty' | 'binary' | 'encoding' | 'no-body' | 'too-large';

/** A raw text the splitter refuses, with a code the server maps to an HTTP status. */
export class RawTextError extends Error {
  readonly code: RawTextErrorCode;

  constructor(code: RawTextErrorCode, message: string) {
    super(message);
    this.name = 'RawTextError';
    this.code = code;
  }
}
