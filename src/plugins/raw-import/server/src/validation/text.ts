import { errors, yup, validateYupSchema } from '@strapi/utils';
import { refuse, refuseTooLarge } from '../../../core';

const { PayloadTooLargeError, ValidationError } = errors;

// Line numbers the preview reported; a text within the size limit has far fewer lines than this.
const lineList = yup.array(yup.number().integer().min(1).strict(true)).max(100_000).strict(true);
const overridesSchema = yup
  .object({ keep: lineList, setAside: lineList })
  .noUnknown()
  .default(undefined)
  .strict(true);

const sourceKey = yup.string().trim().min(1, '"sourceKey" must not be empty.').max(255, '"sourceKey" must be at most 255 characters.').nullable().strict(true);

const previewSchema = yup
  .object({
    text: yup.string().defined('"text" is required: send the raw article text as a string.').strict(true),
    overrides: overridesSchema,
    sourceKey,
  })
  .noUnknown()
  .required();

const importSchema = yup
  .object({
    text: yup.string().defined('"text" is required: send the raw article text as a string.').strict(true),
    sourceName: yup.string().max(255).nullable().strict(true),
    sourceKey,
    publish: yup.boolean().strict(true),
    overrides: overridesSchema,
    onExisting: yup.string().oneOf(['update', 'skip'], '"onExisting" must be "update" or "skip".').strict(true),
  })
  .noUnknown()
  .required();

export const validatePreviewBody = validateYupSchema(previewSchema, { strict: false, abortEarly: false });
export const validateImportBody = validateYupSchema(importSchema, { strict: false, abortEarly: false });

/**
 * What JSON already decoded still has to pass: the size limit, and no sign of binary data or of
 * bytes that were not UTF-8 (the decoder leaves U+FFFD where it could not decode).
 */
export function assertAcceptableText(text: string, maxBytes: number) {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) {
    throw new PayloadTooLargeError(refuseTooLarge(bytes, maxBytes).message, {
      bytes,
      maxBytes,
    });
  }
  if (text.includes('\u0000')) {
    throw new ValidationError(refuse('binary').message, {
      code: 'binary',
    });
  }
  if (text.includes('\uFFFD')) {
    throw new ValidationError(refuse('encoding', '(It contains U+FFFD, the mark of bytes that could not be decoded.)').message, {
      code: 'encoding',
    });
  }
}
