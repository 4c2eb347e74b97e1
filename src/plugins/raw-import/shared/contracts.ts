/** Wire shapes of the plugin's routes, shared by the server, the CLI, the admin page and the tests. */
import type { LineOverrides, SplitResult } from '../core/types';

export interface ImportedArticle {
  documentId: string;
  title: string;
  slug: string;
}

/** What an import did with one text: every entry point (admin, content API, jobs, CLI) answers with these. */
export type ImportStatus = 'created' | 'updated' | 'duplicate' | 'conflict';
/** A file of a bulk import: an import status, or `failed` (nothing written). */
export type FileStatus = ImportStatus | 'failed';
/** A known story: `update` it when something changed (default), or `skip` it (answered `duplicate`). */
export type OnExisting = 'update' | 'skip';

/**
 * What an update changed (or, for a conflict or a skip, would have changed): how many body
 * paragraphs, teasers and figures differ, position by position, and which article fields.
 */
export interface ImportChanges {
  paragraphs: number;
  teasers: number;
  figures: number;
  fields: string[];
}

/** The stored article a new text is nearly the same story as (same body, one paragraph rewritten, another outlet). */
export interface NearDuplicate extends ImportedArticle {
  /** Estimated Jaccard similarity of the two bodies' word shingles, 0–1. */
  similarity: number;
}

/** How a text would be, or was, matched with the stories already in the CMS. */
export interface IdentityVerdict {
  status: ImportStatus;
  /** The known article (updated, duplicate, conflict). */
  article?: ImportedArticle;
  changes?: ImportChanges;
  /** Only for a new story: the existing article it nearly duplicates. */
  possibleDuplicateOf?: NearDuplicate;
}

export declare namespace Preview {
  interface Request {
    /** `overrides`: the editor's choices of what stays in the body (lines as the preview reported them). */
    body: { text: string; overrides?: LineOverrides; sourceKey?: string };
  }
  /** The split, and what an import would do with it now (nothing is written). */
  type Response = Omit<SplitResult, 'dropped'> & { identity: IdentityVerdict };
}

export declare namespace ImportText {
  interface Request {
    body: {
      text: string;
      sourceName?: string;
      /** A stable key of the story (URL, wire id, file path): the story's identity when given. */
      sourceKey?: string;
      publish?: boolean;
      overrides?: LineOverrides;
      onExisting?: OnExisting;
    };
  }
  interface Response {
    status: ImportStatus;
    article: ImportedArticle;
    changes?: ImportChanges;
    /** documentId of the existing article this new one nearly duplicates. */
    possibleDuplicateOf?: string;
  }
}

/** Who ran an import, as the import log records it. */
export interface ImportActor {
  type: 'admin' | 'api-token' | 'cli' | 'job';
  /** Admin user id or API token id, when there is one. */
  id?: string | number | null;
  /** Admin user's name and e-mail, the API token's name, or the job id. */
  name?: string | null;
}

/** One row of the import log: every import attempt that reached the database, whatever its outcome. */
export interface ImportLogEntry {
  id: number;
  at: string;
  actor: ImportActor;
  articleDocumentId: string | null;
  sourceKey: string | null;
  sourceName: string | null;
  fingerprint: string | null;
  status: ImportStatus;
  changes: ImportChanges | null;
  possibleDuplicateOf: string | null;
}

export declare namespace GetImportHistory {
  interface Request {
    params: { documentId: string };
  }
  interface Response {
    entries: ImportLogEntry[];
  }
}

/** The payload of the `raw-import.batch` webhook event: one per committed batch of the bulk path and jobs. */
export interface BatchEvent {
  /** `cli`, `job:<jobId>`, `resplit` or `api`. */
  source: string;
  created: string[];
  updated: string[];
  published: string[];
}

export interface ResplitSummary {
  total: number;
  unchanged: number;
  changed: number;
  conflicts: number;
  failed: number;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'interrupted';

export interface JobFileResult {
  /** The uploaded file's name (or path relative to the folder it was found in). */
  file: string;
  status: FileStatus;
  documentId?: string;
  changes?: ImportChanges;
  possibleDuplicateOf?: string;
  error?: string;
}

/** `import`: uploaded files; `resplit`: the stored rawText of every article, split again. */
export type JobKind = 'import' | 'resplit';

export interface JobSummary {
  jobId: string;
  kind: JobKind;
  status: JobStatus;
  total: number;
  done: number;
  imported: number;
  updated: number;
  duplicates: number;
  conflicts: number;
  failed: number;
  publish: boolean;
  /** `path`: each file's name (its path in the upload) is its story key. */
  sourceKey: 'path' | null;
  onExisting: OnExisting;
  createdAt: string;
  finishedAt: string | null;
}

export declare namespace CreateJob {
  /** multipart/form-data: field `files` (one or many .txt files), optional field `publish` ("true"). */
  interface Response {
    jobId: string;
  }
}

export declare namespace GetJob {
  interface Response extends JobSummary {
    results: JobFileResult[];
  }
}

export declare namespace ListJobs {
  interface Response {
    jobs: JobSummary[];
  }
}

/** One raw file handed to the bulk importer: a name for reports, and its bytes (decoded by the importer). */
export interface RawFile {
  file: string;
  bytes: Uint8Array;
  /** Set when the file could not be read (or was refused before reading): it is reported as failed. */
  error?: string;
}

export interface BulkOptions {
  publish?: boolean;
  /** `path`: each file's name (relative path) is its story key. */
  sourceKey?: 'path' | null;
  onExisting?: OnExisting;
  /** Recorded in the import log. */
  actor?: ImportActor;
  /** Named in the `raw-import.batch` webhook event (`cli`, `job:<id>`, …). */
  eventSource?: string;
  /** Split and validate everything, write nothing. */
  dryRun?: boolean;
  /** Called once per file, in input order within a batch, as soon as its batch is written. */
  onResult?: (result: JobFileResult) => void | Promise<void>;
}

export interface BulkSummary {
  total: number;
  imported: number;
  updated: number;
  duplicates: number;
  conflicts: number;
  failed: number;
}
