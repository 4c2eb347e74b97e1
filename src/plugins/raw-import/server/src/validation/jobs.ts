import fs from 'fs';
import { errors, yup, validateYupSchema } from '@strapi/utils';
import { refuseTooLarge } from '../../../core/split/refusals';
import type { OnExisting, RawFile } from '../../../shared/contracts';

const { PayloadTooLargeError, ValidationError } = errors;

export interface UploadLimits {
  /** Largest text per file (a larger one is kept as that file's refusal). */
  maxBytes: number;
  /** Most files per job (more: the whole upload is refused). */
  maxFiles: number;
}

/** What Strapi's body middleware (koa-body / formidable) leaves in ctx.request.files for each upload. */
interface UploadedFile {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

type UploadedFields = Record<string, UploadedFile | UploadedFile[] | undefined>;

export interface JobUpload {
  /** Read one at a time, as the consumer asks: an upload of thousands of files is never held whole. */
  files: AsyncIterable<RawFile>;
  publish: boolean;
  /** `path`: each file's name is its story key; null: the story is known by its text. */
  sourceKey: 'path' | null;
  onExisting: OnExisting;
}

const fieldsSchema = yup
  .object({
    // multipart fields are strings: the admin page sends publish="true" or nothing.
    publish: yup.string().oneOf(['true', 'false'], '"publish" must be "true" or "false".'),
    sourceKey: yup.string().oneOf(['path'], '"sourceKey" must be "path" or left out.'),
    onExisting: yup.string().oneOf(['update', 'skip'], '"onExisting" must be "update" or "skip".'),
  })
  .required();

const validateFields = validateYupSchema(fieldsSchema, { strict: false, abortEarly: false });

const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** A file over the size limit is kept as a refusal, from its size alone: its bytes are never read. */
async function readUploadedFile(upload: UploadedFile, position: number, maxBytes: number): Promise<RawFile> {
  const file = upload.originalFilename || `file-${position + 1}.txt`;
  if (upload.size > maxBytes) {
    return { file, bytes: new Uint8Array(), error: refuseTooLarge(upload.size, maxBytes).message };
  }
  return { file, bytes: await fs.promises.readFile(upload.filepath) };
}

async function* readUploadedFiles(uploads: UploadedFile[], maxBytes: number): AsyncGenerator<RawFile> {
  for (const [position, upload] of uploads.entries()) yield await readUploadedFile(upload, position, maxBytes);
}

/**
 * Hands `use` the files of a bulk-import upload (multipart field `files`, one or many) and its
 * fields `publish` ("true"|"false"), `sourceKey` ("path") and `onExisting` ("update"|"skip"): any
 * other value is a 400 naming the field. Every temporary file formidable wrote is deleted once
 * `use` is done, whatever the outcome.
 */
export async function withJobUpload<T>(
  request: { body?: unknown; files?: UploadedFields },
  limits: UploadLimits,
  use: (upload: JobUpload) => Promise<T>
): Promise<T> {
  const uploads = request.files ?? {};
  try {
    const { publish, sourceKey, onExisting } = (await validateFields(request.body ?? {})) as {
      publish?: string;
      sourceKey?: 'path';
      onExisting?: OnExisting;
    };
    const files = asList(uploads.files);
    if (files.length === 0) {
      throw new ValidationError('No files received: send one or more text files in the multipart field "files".');
    }
    if (files.length > limits.maxFiles) {
      throw new PayloadTooLargeError(`${files.length} files in one bulk job; the limit is ${limits.maxFiles} files (RAW_IMPORT_MAX_FILES).`, {
        limit: 'RAW_IMPORT_MAX_FILES',
        max: limits.maxFiles,
        received: files.length,
      });
    }
    return await use({
      files: readUploadedFiles(files, limits.maxBytes),
      publish: publish === 'true',
      sourceKey: sourceKey ?? null,
      onExisting: onExisting ?? 'update',
    });
  } finally {
    const temporary = Object.values(uploads).flatMap((value) => asList(value));
    await Promise.all(temporary.map(({ filepath }) => fs.promises.rm(filepath, { force: true })));
  }
}
