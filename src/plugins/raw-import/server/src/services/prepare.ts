import { createHash } from 'crypto';
import slugify from 'slugify';
import { errors } from '@strapi/utils';
import { normalizeRawText, splitRawText } from '../../../core';
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
  sourceHash: string;
  rawText: string;
  title: string;
  byline: string | null;
  baseSlug: string;
  body: ParagraphBlock[];
  excerpt: string;
  /** Page debris set aside, kept with the article (private) so editors can see what left the body. */
  boilerplate: Boilerplate[];
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

/** The idempotency key: sha256 of the normalized text, so line endings and a BOM do not matter. */
export const sourceHashOf = (normalizedText: string) => createHash('sha256').update(normalizedText).digest('hex');

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
export function splitOrReject(text: string, overrides?: LineOverrides): SplitResult {
  try {
    return splitRawText(text, { overrides });
  } catch (error) {
    if (error instanceof RawTextError) {
      throw new errors.ValidationError(error.message, { code: error.code });
    }
    throw error;
  }
}

/** sourceName is a string(255) column: a deep relative path keeps its end, the file's own name. */
const SOURCE_NAME_MAX = 255;
const fitSourceName = (name: string | null) =>
  name && name.length > SOURCE_NAME_MAX ? `…${name.slice(name.length - SOURCE_NAME_MAX + 1)}` : name;

export function prepareArticle(text: string, sourceName: string | null = null, overrides?: LineOverrides): PreparedArticle {
  const split = splitOrReject(text, overrides);
  const rawText = normalizeRawText(text);
  const title = deriveTitle(split.title, split.body);
  const wordCount = countWords(split.body);
  return {
    sourceName: fitSourceName(sourceName),
    sourceHash: sourceHashOf(rawText),
    rawText,
    title,
    byline: split.byline,
    baseSlug: slugBase(title),
    body: toParagraphBlocks(split.body),
    excerpt: deriveExcerpt(split.body),
    boilerplate: split.boilerplate,
    wordCount,
    readingTimeMinutes: readingTimeMinutes(wordCount),
    leadKey: articleMatchKey(split.body[0] ?? ''),
    titleKey: articleMatchKey(title),
    teasers: split.teasers.map((teaser, position) => ({ ...teaser, position, leadKey: teaserMatchKey(teaser.text) })),
    figures: split.figures.map((figure, position) => ({ ...figure, position })),
    split,
  };
}
