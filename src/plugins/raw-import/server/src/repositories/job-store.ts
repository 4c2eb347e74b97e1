/**
 * Every read and write of the job tables. Both are reached through Strapi's query engine only
 * (attribute names; it maps the columns, fills documentId and timestamps, (de)serializes JSON and
 * joins the transaction in progress), never through knex.
 */
import type { Core } from '@strapi/strapi';
import type {
  GetJob,
  ImportActor,
  JobFileResult,
  JobKind,
  JobStatus,
  JobSummary,
  OnExisting,
  RawFile,
} from '../../../shared/contracts';
import type { ResultCounts } from '../../../shared/tally';
import { PLUGIN_ID } from '../permissions';

export const JOB = `plugin::${PLUGIN_ID}.job`;
export const JOB_FILE = `plugin::${PLUGIN_ID}.job-file`;

/** Job-file rows written per INSERT while an upload is stored, and at most this much base64 held meanwhile. */
const INSERT_ROWS = 50;
const INSERT_BYTES = 4 * 1024 * 1024;

/** What a job is asked to do, as stored when it is queued. */
export interface JobSettings {
  kind: JobKind;
  publish: boolean;
  sourceKey: 'path' | null;
  onExisting: OnExisting;
  /** Who submitted the job. */
  actor: ImportActor | null;
}

/** A job as the worker needs it to run it. */
export interface JobToRun extends JobSettings {
  id: number;
  documentId: string;
  total: number;
}

/** The counts a running job saves with each batch. */
export type JobProgress = ResultCounts & { done: number };

/** A pending file of a job, as read a page at a time. */
export interface PendingFile {
  /** The job-file row's id: its result is saved against it. */
  id: number;
  position: number;
  raw: RawFile;
}

/**
 * A file's result to save: against its pending row (`fileId`), or as a new row at `position`
 * (a resplit job has no rows until its articles are reported).
 */
export type FileResultToSave = { result: JobFileResult } & ({ fileId: number } | { position: number });

/** Attribute names (not columns): what the query engine is given and gives back. */
interface JobRow {
  id: number;
  documentId: string;
  // `status` is a reserved attribute name in Strapi 5: the attribute is `state`, the wire name stays `status`.
  state: JobStatus;
  kind: JobKind | null;
  total: number | null;
  done: number | null;
  imported: number | null;
  updated: number | null;
  duplicates: number | null;
  conflicts: number | null;
  failed: number | null;
  publish: boolean | null;
  sourceKey: 'path' | null;
  onExisting: OnExisting | null;
  actor: ImportActor | null;
  createdAt: Date | string;
  finishedAt: Date | string | null;
}

/**
 * An uploaded file as the job keeps it, one row each: any instance can read it, and no single
 * cell holds a whole upload.
 */
interface JobFileRow {
  id: number;
  position: number;
  file: string;
  /** The file's bytes, base64, until the job is finished: the bulk importer decodes them and refuses binary or bad UTF-8 itself. */
  content: string | null;
  state: 'pending' | JobFileResult['status'];
  articleDocumentId: string | null;
  changes: JobFileResult['changes'] | null;
  possibleDuplicateOf: string | null;
  /** While pending: refused before it was stored (too large), reported as failed. Afterwards: why it failed. */
  error: string | null;
}

const SUMMARY_FIELDS = [
  'id',
  'documentId',
  'state',
  'kind',
  'total',
  'done',
  'imported',
  'updated',
  'duplicates',
  'conflicts',
  'failed',
  'publish',
  'sourceKey',
  'onExisting',
  'createdAt',
  'finishedAt',
];
const RESULT_FIELDS = ['file', 'state', 'articleDocumentId', 'changes', 'possibleDuplicateOf', 'error'];

const toIso = (value: Date | string | number | null) => (value === null || value === undefined ? null : new Date(value).toISOString());

const toSummary = (row: JobRow): JobSummary => ({
  jobId: row.documentId,
  kind: row.kind ?? 'import',
  status: row.state,
  total: row.total ?? 0,
  done: row.done ?? 0,
  imported: row.imported ?? 0,
  updated: row.updated ?? 0,
  duplicates: row.duplicates ?? 0,
  conflicts: row.conflicts ?? 0,
  failed: row.failed ?? 0,
  publish: Boolean(row.publish),
  sourceKey: row.sourceKey ?? null,
  onExisting: row.onExisting ?? 'update',
  createdAt: toIso(row.createdAt)!,
  finishedAt: toIso(row.finishedAt),
});

const toResult = ({ file, state, articleDocumentId, changes, possibleDuplicateOf, error }: JobFileRow): JobFileResult => ({
  file,
  status: state as JobFileResult['status'],
  ...(articleDocumentId ? { documentId: articleDocumentId } : {}),
  ...(changes ? { changes } : {}),
  ...(possibleDuplicateOf ? { possibleDuplicateOf } : {}),
  ...(error ? { error } : {}),
});

/** A file's result as job-file attributes; its text is dropped with it. */
const resultData = (result: JobFileResult) => ({
  state: result.status,
  articleDocumentId: result.documentId ?? null,
  changes: result.changes ?? null,
  possibleDuplicateOf: result.possibleDuplicateOf ?? null,
  error: result.error ?? null,
  content: null,
});

const pendingFileData = (jobId: number, position: number, { file, bytes, error }: RawFile) => ({
  jobId,
  position,
  file,
  content: error ? null : Buffer.from(bytes).toString('base64'),
  state: 'pending',
  error: error ?? null,
});

export function createJobStore(strapi: Core.Strapi) {
  const jobs = () => strapi.db.query(JOB);
  const jobFiles = () => strapi.db.query(JOB_FILE);

  /**
   * Queues a job with its files, stored a few rows at a time as they are read. One transaction:
   * no instance can claim the job before all its files are in. `total` defaults to the number of
   * files. Returns the job's documentId.
   */
  async function createJob(
    settings: JobSettings,
    files: AsyncIterable<RawFile> | Iterable<RawFile> = [],
    total?: number
  ): Promise<string> {
    return strapi.db.transaction(async () => {
      const job = await jobs().create({
        data: {
          state: 'queued',
          kind: settings.kind,
          total: total ?? 0,
          done: 0,
          imported: 0,
          updated: 0,
          duplicates: 0,
          conflicts: 0,
          failed: 0,
          publish: settings.publish,
          sourceKey: settings.sourceKey,
          onExisting: settings.onExisting,
          actor: settings.actor,
        },
        select: ['id', 'documentId'],
      });
      let count = 0;
      let rows: Array<ReturnType<typeof pendingFileData>> = [];
      let bytes = 0;
      const flush = async () => {
        if (rows.length > 0) await jobFiles().createMany({ data: rows });
        rows = [];
        bytes = 0;
      };
      for await (const file of files) {
        const row = pendingFileData(job.id, count, file);
        rows.push(row);
        bytes += row.content?.length ?? 0;
        count += 1;
        if (rows.length >= INSERT_ROWS || bytes >= INSERT_BYTES) await flush();
      }
      await flush();
      if (total === undefined && count > 0) await jobs().update({ where: { id: job.id }, data: { total: count } });
      return job.documentId as string;
    });
  }

  /** The job with the results of the files it has finished, in upload order. */
  async function getJob(documentId: string): Promise<GetJob.Response | null> {
    const row = (await jobs().findOne({ where: { documentId }, select: SUMMARY_FIELDS })) as JobRow | null;
    if (!row) return null;
    const finished = (await jobFiles().findMany({
      where: { jobId: row.id, state: { $ne: 'pending' } },
      select: RESULT_FIELDS,
      orderBy: { position: 'asc' },
    })) as JobFileRow[];
    return { ...toSummary(row), results: finished.map(toResult) };
  }

  async function listRecentJobs(limit: number): Promise<JobSummary[]> {
    const rows = (await jobs().findMany({
      select: SUMMARY_FIELDS,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      limit,
    })) as JobRow[];
    return rows.map(toSummary);
  }

  /** Row ids of the oldest queued jobs. */
  async function listQueuedJobIds(limit: number): Promise<number[]> {
    const rows = (await jobs().findMany({ where: { state: 'queued' }, select: ['id'], orderBy: { id: 'asc' }, limit })) as Array<{ id: number }>;
    return rows.map(({ id }) => id);
  }

  /** What the worker needs to run a job it claimed. */
  async function getJobToRun(id: number): Promise<JobToRun | null> {
    const row = (await jobs().findOne({
      where: { id },
      select: ['id', 'documentId', 'kind', 'total', 'publish', 'sourceKey', 'onExisting', 'actor'],
    })) as JobRow | null;
    if (!row) return null;
    return {
      id: row.id,
      documentId: row.documentId,
      kind: row.kind ?? 'import',
      total: row.total ?? 0,
      publish: Boolean(row.publish),
      sourceKey: row.sourceKey ?? null,
      onExisting: row.onExisting ?? 'update',
      actor: row.actor ?? null,
    };
  }

  /** Compare-and-set: one UPDATE … WHERE state = 'queued'; only the instance whose update hit the row runs it. */
  async function claimJob(id: number, owner: string): Promise<boolean> {
    const { count } = await jobs().updateMany({
      where: { id, state: 'queued' },
      data: { state: 'running', owner, heartbeatAt: new Date() },
    });
    return count === 1;
  }

  /** Updates a job `owner` runs; false when it is no longer theirs (another instance gave it up for dead). */
  async function updateOwnJob(id: number, owner: string, data: Record<string, unknown>): Promise<boolean> {
    const { count } = await jobs().updateMany({ where: { id, owner, state: 'running' }, data });
    return count === 1;
  }

  /** Drops the stored texts of the jobs' files (a finished job keeps none, not even of files it never reached). */
  async function clearContents(jobIds: number | number[]): Promise<void> {
    const ids = Array.isArray(jobIds) ? jobIds : [jobIds];
    if (ids.length === 0) return;
    await jobFiles().updateMany({ where: { jobId: { $in: ids }, content: { $notNull: true } }, data: { content: null } });
  }

  /**
   * Running jobs whose heartbeat is older than `heartbeatTimeoutMs` (or missing) are interrupted,
   * not requeued: re-submitting the files completes them. Returns how many were.
   */
  async function markInterruptedJobs(heartbeatTimeoutMs: number): Promise<number> {
    const cutoff = new Date(Date.now() - heartbeatTimeoutMs);
    const stale = { state: 'running', $or: [{ heartbeatAt: { $lt: cutoff } }, { heartbeatAt: { $null: true } }] };
    const candidates = (await jobs().findMany({ where: stale, select: ['id'] })) as Array<{ id: number }>;
    if (candidates.length === 0) return 0;
    const ids = candidates.map(({ id }) => id);
    // The stale condition again: a job whose heartbeat came back in the meantime is left running.
    const { count } = await jobs().updateMany({
      where: { ...stale, id: { $in: ids } },
      data: { state: 'interrupted', finishedAt: new Date() },
    });
    const interrupted = (await jobs().findMany({ where: { id: { $in: ids }, state: 'interrupted' }, select: ['id'] })) as Array<{ id: number }>;
    await clearContents(interrupted.map(({ id }) => id));
    return count;
  }

  /** Up to `limit` pending files of the job after `afterPosition`, in upload order (keyset paging on position). */
  async function readPendingFiles(jobId: number, afterPosition: number, limit: number): Promise<PendingFile[]> {
    const rows = (await jobFiles().findMany({
      where: { jobId, state: 'pending', position: { $gt: afterPosition } },
      select: ['id', 'position', 'file', 'content', 'error'],
      orderBy: { position: 'asc' },
      limit,
    })) as JobFileRow[];
    return rows.map(({ id, position, file, content, error }) => ({
      id,
      position,
      raw: { file, bytes: Buffer.from(content ?? '', 'base64'), ...(error ? { error } : {}) },
    }));
  }

  /**
   * Saves a batch, in one transaction: the job's counts (and `finish`: its final state, and no
   * stored text left), and each file's result. Nothing is written, and false returned, when the
   * job is no longer `owner`'s.
   */
  async function saveBatch(
    jobId: number,
    owner: string,
    { progress, results, finish }: { progress: JobProgress; results: FileResultToSave[]; finish?: { state: JobStatus; total?: number } }
  ): Promise<boolean> {
    return strapi.db.transaction(async () => {
      const data: Record<string, unknown> = { ...progress, heartbeatAt: new Date() };
      if (finish) Object.assign(data, { state: finish.state, finishedAt: new Date() }, finish.total === undefined ? {} : { total: finish.total });
      if (!(await updateOwnJob(jobId, owner, data))) return false;
      const inserts = [];
      // One UPDATE per file: each carries its own document id, changes or error.
      for (const entry of results) {
        if ('fileId' in entry) await jobFiles().updateMany({ where: { id: entry.fileId }, data: resultData(entry.result) });
        else inserts.push({ jobId, position: entry.position, file: entry.result.file, ...resultData(entry.result) });
      }
      if (inserts.length > 0) await jobFiles().createMany({ data: inserts });
      if (finish) await clearContents(jobId);
      return true;
    });
  }

  return {
    createJob,
    getJob,
    listRecentJobs,
    listQueuedJobIds,
    getJobToRun,
    claimJob,
    updateOwnJob,
    markInterruptedJobs,
    readPendingFiles,
    saveBatch,
    clearContents,
  };
}

export type JobStore = ReturnType<typeof createJobStore>;
