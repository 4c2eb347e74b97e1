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

/** Kinds of page debris a scraper leaves between the paragraphs of an article. */
export type BoilerplateKind =
  | 'caption'
  | 'credit'
  | 'navigation'
  | 'section'
  | 'timestamp'
  | 'dateline'
  | 'repeated-headline'
  | 'read-more'
  | 'subscription'
  | 'social-embed'
  | 'script'
  | 'comments'
  | 'advertisement'
  | 'copyright'
  | 'bio'
  | 'tags'
  /** Set aside by an editor in the preview. */
  | 'editor';

/** A line (or wrapped paragraph) set aside from the body: kept, with its kind and where it was. */
export interface Boilerplate {
  text: string;
  kind: BoilerplateKind;
  /** 1-based line of the normalized text where it starts. */
  line: number;
}

export interface SplitResult {
  /** An explicit headline line near the top (after any page debris), or null (the importer then derives one). */
  title: string | null;
  /** The author credit's names ("By Mara Okafor, Reuters" → "Mara Okafor"), or null. */
  byline: string | null;
  body: string[];
  /** 1-based line where each body paragraph starts, parallel to `body` (what the preview's overrides name). */
  bodyLines: number[];
  /** Page debris set aside, in text order: never lost, never in the body, never a source of figures. */
  boilerplate: Boilerplate[];
  teasers: Teaser[];
  figures: Figure[];
  /** Teaser-block header lines ("Related", "Read more:") that belong to neither side. */
  dropped: string[];
}

/** An editor's corrections to the split, by the 1-based lines that `bodyLines` and `boilerplate` report. */
export interface LineOverrides {
  /** Set-aside lines to bring back into the body. */
  keep?: number[];
  /** Body paragraphs to set aside (kind "editor"). */
  setAside?: number[];
}

export type RawTextErrorCode = 'empty' | 'binary' | 'encoding' | 'no-body' | 'too-large' | 'too-many-paragraphs' | 'too-many-figures';

/** A raw text the splitter refuses, with a code the server maps to an HTTP status. */
export class RawTextError extends Error {
  readonly code: RawTextErrorCode;
  /** What a program needs to act on it: the limit and the size, where the text went wrong. */
  readonly details: Record<string, number>;

  constructor(code: RawTextErrorCode, message: string, details: Record<string, number> = {}) {
    super(message);
    this.name = 'RawTextError';
    this.code = code;
    this.details = details;
  }
}
