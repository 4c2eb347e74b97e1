/** Wire shapes of the plugin's routes, shared by the server, the CLI, the admin page and the tests. */
import type { LineOverrides, SplitResult } from '../core/types';

export interface ImportedArticle {
  documentId: string;
  title: string;
  slug: string;
}

export declare namespace Preview {
  interface Request {
    /** `overrides`: the editor's choices of what stays in the body (lines as the preview reported them). */
    body: { text: string; overrides?: LineOverrides };
  }
  type Response = Omit<SplitResult, 'dropped'>;
}

export declare namespace ImportText {
  interface Request {
    body: { text: string; sourceName?: string; publish?: boolean; overrides?: LineOverrides };
  }
  interface Response {
    status: 'created' | 'duplicate';
    article: ImportedArticle;
  }
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'interrupted';

export interface JobFileResult {
  /** The uploaded file's name (or path relative to the folder it was found in). */
  file: string;
  status: 'created' | 'duplicate' | 'failed';
  documentId?: string;
  error?: string;
}

export interface JobSummary {
  jobId: string;
  status: JobStatus;
  total: number;
  done: number;
  imported: number;
  duplicates: number;
  failed: number;
  publish: boolean;
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
  /** Split and validate everything, write nothing. */
  dryRun?: boolean;
  /** Called once per file, in input order within a batch, as soon as its batch is written. */
  onResult?: (result: JobFileResult) => void | Promise<void>;
}

export interface BulkSummary {
  total: number;
  imported: number;
  duplicates: number;
  failed: number;
}
