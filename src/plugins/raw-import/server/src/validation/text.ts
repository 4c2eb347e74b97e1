import { errors, yup, validateYupSchema } from '@strapi/utils';
import { RawTextError, assertDecodedText, hasLoneSurrogate, type RawTextErrorCode } from '../../../core';

const { PayloadTooLargeError, ValidationError } = errors;

// Line numbers the preview reported; a text within the size limit has far fewer lines than this.
const lineList = yup.array(yup.number().integer().min(1).strict(true)).max(100_000).strict(true);
const overridesSchema = yup
  .object({ keep: lineList, setAside: lineList })
  .noUnknown()
  .default(undefined)
  .strict(true);

/** A name or key is stored as sent, or refused: half a surrogate pair would be stored as U+FFFD. */
const wellFormed = (field: string) =>
  [
    'well-formed',
    `"${field}" holds a lone UTF-16 surrogate (half of a character such as an emoji); send the whole character.`,
    (value: string | null | undefined) => value === null || value === undefined || !hasLoneSurrogate(value),
  ] as const;

const sourceKey = yup
  .string()
  .trim()
  .min(1, '"sourceKey" must not be empty.')
  .max(255, '"sourceKey" must be at most 255 characters.')
  .test(...wellFormed('sourceKey'))
  .nullable()
  .strict(true);

const NOT_AN_OBJECT = 'The request body must be a JSON object: {"text": "…raw text…"}.';

const previewSchema = yup
  .object({
    text: yup.string().defined('"text" is required: send the raw article text as a string.').strict(true),
    overrides: overridesSchema,
    sourceKey,
  })
  .noUnknown()
  .typeError(NOT_AN_OBJECT)
  .required();

const importSchema = yup
  .object({
    text: yup.string().defined('"text" is required: send the raw article text as a string.').strict(true),
    sourceName: yup.string().max(255).test(...wellFormed('sourceName')).nullable().strict(true),
    sourceKey,
    publish: yup.boolean().strict(true),
    overrides: overridesSchema,
    onExisting: yup.string().oneOf(['update', 'skip'], '"onExisting" must be "update" or "skip".').strict(true),
  })
  .noUnknown()
  .typeError(NOT_AN_OBJECT)
  .required();

export const validatePreviewBody = validateYupSchema(previewSchema, { strict: false, abortEarly: false });
export const validateImportBody = validateYupSchema(importSchema, { strict: false, abortEarly: false });

const OVER_A_LIMIT = new Set<RawTextErrorCode>(['too-large', 'too-many-paragraphs', 'too-many-figures']);

/** A refused text as Strapi's error: 413 over a limit, 400 otherwise; the code and what a program needs in its details. */
export function toHttpError(error: RawTextError) {
  const details = { code: error.code, ...error.details };
  return OVER_A_LIMIT.has(error.code) ? new PayloadTooLargeError(error.message, details) : new ValidationError(error.message, details);
}

/** What JSON already decoded still has to pass: the size limit, and no sign of binary data or of text that was not UTF-8. */
export function assertAcceptableText(text: string, maxBytes: number) {
  try {
    assertDecodedText(text, { maxBytes });
  } catch (error) {
    throw error instanceof RawTextError ? toHttpError(error) : error;
  }
}
