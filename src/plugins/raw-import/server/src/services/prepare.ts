import { createHash } from 'crypto';
import slugify from 'slugify';
import { bandKeys, encodeSignature, fingerprintInput, normalizeRawText, similaritySignature, splitRawText, type SplitLimits, type SplitOptions } from '../../../core';
import { toHttpError } from '../validation/text';
import {
  articleMatchKey,
  countWords,
  deriveExcerpt,
  deriveTitle,
  readingTimeMinutes,
  teaserMatchKey,
} from '../../../core/article/fields';
import { RawTextError, type Boilerplate, type Figure, type LineOverrides, type SplitResult, type Teaser } from '../../../core/types';

/** Everything the importers write for one raw text, derived once, before any database work. */
export interface PreparedArticle {
  sourceName: string | null;
  /** The story's key when the caller gave one (URL, wire id, file path): its identity. */
  sourceKey: string | null;
  sourceHash: string;
  /** sha256 of the normalized body paragraphs: the identity when there is no source key. */
  bodyFingerprint: string;
  /** MinHash signature of the body's word shingles (encoded), null for a body too short to compare. */
  similarity: string | null;
  /** LSH band keys of that signature: articles sharing one are near-duplicate candidates. */
  bands: string[];
  /** The signature itself, for comparing without decoding (not stored as such). */
  signature: Uint32Array | null;
  rawText: string;
  title: string;
  byline: string | null;
  baseSlug: string;
  body: ParagraphBlock[];
  excerpt: string;
  /** Page debris set aside, kept with the article (private) so editors can see what left the body. */
  boilerplate: Boilerplate[];
  /** The editor's corrections the split was made with, kept so that a re-split makes the same choices. */
  splitOverrides: LineOverrides | null;
  wordCount: number;
  readingTimeMinutes: number;
  leadKey: string | null;
  titleKey: string | null;
  teasers: Array<Teaser & { position: number; leadKey: string | null }>;
  figures: Array<Figure & { position: number }>;
  /** The split itself, for callers that show it. */
  split: SplitResult;
}

export interface ParagraphBlock {
  type: 'paragraph';
  children: Array<{ type: 'text'; text: string }>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The text's own hash: sha256 of the normalized text, so line endings and a BOM do not matter. */
export const sourceHashOf = (normalizedText: string) => sha256(normalizedText);

/** The story's hash: its body paragraphs only, without title, teasers, debris or whitespace differences. */
export const bodyFingerprintOf = (body: string[]) => sha256(fingerprintInput(body));

export const toParagraphBlocks = (body: string[]): ParagraphBlock[] =>
  body.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] }));

const SLUG_MAX = 80;

/** The slug of a title, at most 80 characters, cut between words. */
export function slugBase(title: string): string {
  const slug = slugify(title, { lower: true, strict: true, trim: true });
  if (slug.length <= SLUG_MAX) return slug || 'article';
  const cut = slug.lastIndexOf('-', SLUG_MAX);
  return (cut > 0 ? slug.slice(0, cut) : slug.slice(0, SLUG_MAX)) || 'article';
}

/** Splitter refusals become 4xx answers in Strapi's error shape. */
export function splitOrReject(text: string, options: SplitOptions): SplitResult {
  try {
    return splitRawText(text, options);
  } catch (error) {
    throw error instanceof RawTextError ? toHttpError(error) : error;
  }
}

/** sourceName is a string(255) column: a deep relative path keeps its end, the file's own name. */
const SOURCE_NAME_MAX = 255;
const fitSourceName = (name: string | null) =>
  name && name.length > SOURCE_NAME_MAX ? `…${name.slice(name.length - SOURCE_NAME_MAX + 1)}` : name;

export interface PrepareOptions {
  sourceName?: string | null;
  sourceKey?: string | null;
  overrides?: LineOverrides;
  /** Over them, the text is refused (413): the server passes the plugin's (see splitLimits). */
  limits?: SplitLimits;
}

export function prepareArticle(text: string, { sourceName = null, sourceKey = null, overrides, limits }: PrepareOptions = {}): PreparedArticle {
  const split = splitOrReject(text, { ...limits, overrides });
  const signature = similaritySignature(split.body);
  const rawText = normalizeRawText(text);
  const title = deriveTitle(split.title, split.body);
  const wordCount = countWords(split.body);
  return {
    sourceName: fitSourceName(sourceName),
    sourceKey: sourceKey || null,
    sourceHash: sourceHashOf(rawText),
    bodyFingerprint: bodyFingerprintOf(split.body),
    similarity: signature ? encodeSignature(signature) : null,
    bands: signature ? bandKeys(signature) : [],
    signature,
    rawText,
    title,
    byline: split.byline,
    baseSlug: slugBase(title),
    body: toParagraphBlocks(split.body),
    excerpt: deriveExcerpt(split.body),
    boilerplate: split.boilerplate,
    splitOverrides: overrides && ((overrides.keep?.length ?? 0) > 0 || (overrides.setAside?.length ?? 0) > 0) ? overrides : null,
    wordCount,
    readingTimeMinutes: readingTimeMinutes(wordCount),
    leadKey: articleMatchKey(split.body[0] ?? ''),
    titleKey: articleMatchKey(title),
    teasers: split.teasers.map((teaser, position) => ({ ...teaser, position, leadKey: teaserMatchKey(teaser.text) })),
    figures: split.figures.map((figure, position) => ({ ...figure, position })),
    split,
  };
}
