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
import { countResult, type ResultCounts } from '../../../shared/tally';
import { nextTurn } from '../event-loop';
import { PLUGIN_ID } from '../permissions';

export const JOB = `plugin::${PLUGIN_ID}.job`;
export const JOB_FILE = `plugin::${PLUGIN_ID}.job-file`;

/** Job-file rows written per INSERT while an upload is stored, and at most this much base64 held meanwhile. */
const INSERT_ROWS = 50;
const INSERT_BYTES = 4 * 1024 * 1024;
/** Job-file rows deleted per statement when a job is deleted. */
const DELETE_ROWS = 1000;

/**
 * Whose a job is, stored with it (`submitter`): `admin:<user id>` or `api-token:<token id>`; null
 * for a job nobody reads back (submitted by the CLI or by code).
 */
export const submitterOf = (actor: ImportActor | null | undefined): string | null =>
  actor && (actor.type === 'admin' || actor.type === 'api-token') && actor.id !== undefined && actor.id !== null
    ? `${actor.type}:${actor.id}`
    : null;

/** Which jobs a reader sees: every job (no `submitter`), or those of one submitter. */
export interface JobScope {
  submitter?: string;
}
const scopeWhere = ({ submitter }: JobScope = {}) => (submitter === undefined ? {} : { submitter });

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
  /** Files (or articles) done by earlier attempts: a resumed job goes on from there. */
  done: number;
  /** A resplit job: the row id of the last draft it went through (null: none yet). */
  cursor: number | null;
  /** How many times an instance has taken the job (this attempt included). */
  attempts: number;
}

/** Raised inside a transaction when the job is no longer the caller's: the transaction rolls back. */
export class JobLostError extends Error {
  constructor(jobId: number) {
    super(`bulk job ${jobId} is no longer this instance's (another instance took it over, or it was stopped)`);
    this.name = 'JobLostError';
  }
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
 * A file's result to save: against its pending row (`fileId`), or as a new row after the job's
 * last one (a resplit job has no rows until its articles are reported).
 */
export type FileResultToSave = { result: JobFileResult; file?: { id: number; position: number } };

/** Attribute names (not columns): what the query engine is given and gives back. */
interface JobRow {
  id: number;
  documentId: string;
  // `status` is a reserved attribute name in Strapi 5: the attribute is `state`, the wire name stays `status`.
  // `uploading`: its files are still being stored; no instance claims it, and it is not shown.
  state: JobStatus | 'uploading';
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
  owner: string | null;
  heartbeatAt: Date | string | null;
  attempts: number | null;
  stalls: number | null;
  doneAtClaim: number | null;
  cursor: number | null;
  error: string | null;
  createdAt: Date | string;
  finishedAt: Date | string | null;
}

/** Finished jobs: kept for the retention period, then deleted with their file rows. */
export const FINISHED_STATES: JobStatus[] = ['done', 'failed', 'interrupted'];

/** What happens to a job whose attempt ended without finishing it (its instance died, stopped or failed). */
export type AttemptEnd = 'requeued' | 'failed' | 'gone';

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

/** A job row's counters, 0 where the row has none yet. */
const progressOf = (row: JobRow): JobProgress => ({
  done: row.done ?? 0,
  imported: row.imported ?? 0,
  updated: row.updated ?? 0,
  duplicates: row.duplicates ?? 0,
  conflicts: row.conflicts ?? 0,
  failed: row.failed ?? 0,
});

const toSummary = (row: JobRow): JobSummary => ({
  jobId: row.documentId,
  kind: row.kind ?? 'import',
  status: row.state as JobStatus,
  total: row.total ?? 0,
  ...progressOf(row),
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
   * Queues a job with its files. The job row comes first, `uploading` (no instance claims it, no
   * list shows it) and owned by `owner`, whose heartbeat it carries; the files follow a few rows per
   * statement as they are read, each statement committed alone, so no transaction, and no lock
   * on SQLite, lasts as long as the upload; the job is queued once they are all in. An upload that
   * fails leaves nothing (the job is deleted with its rows); one cut off by a crash is deleted by
   * the sweep (deleteAbandonedUploads). `total` defaults to the number of files. Returns the job's
   * documentId.
   */
  async function createJob(
    settings: JobSettings,
    files: AsyncIterable<RawFile> | Iterable<RawFile> = [],
    { total, owner }: { total?: number; owner: string }
  ): Promise<string> {
    const job = await jobs().create({
      data: {
        state: 'uploading',
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
        submitter: submitterOf(settings.actor),
        owner,
        heartbeatAt: new Date(),
        attempts: 0,
        stalls: 0,
        doneAtClaim: 0,
      },
      select: ['id', 'documentId'],
    });
    try {
      let count = 0;
      let rows: Array<ReturnType<typeof pendingFileData>> = [];
      let bytes = 0;
      const flush = async () => {
        if (rows.length > 0) {
          await jobFiles().createMany({ data: rows });
          await jobs().updateMany({ where: { id: job.id, state: 'uploading' }, data: { heartbeatAt: new Date() } });
        }
        rows = [];
        bytes = 0;
        // Other requests get their turn between statements (better-sqlite3 answers synchronously).
        await nextTurn();
      };
      for await (const file of files) {
        const row = pendingFileData(job.id, count, file);
        rows.push(row);
        bytes += row.content?.length ?? 0;
        count += 1;
        if (rows.length >= INSERT_ROWS || bytes >= INSERT_BYTES) await flush();
      }
      await flush();
      const { count: queued } = await jobs().updateMany({
        where: { id: job.id, state: 'uploading' },
        data: { state: 'queued', owner: null, heartbeatAt: null, ...(total === undefined ? { total: count } : {}) },
      });
      if (queued !== 1) throw new Error('The upload took too long: its job was given up before all its files were stored. Send it again.');
      return job.documentId as string;
    } catch (error) {
      await deleteJobs([job.id]).catch(() => undefined);
      throw error;
    }
  }

  /** The job with the results of the files it has finished, in upload order; null when it is not in `scope`. */
  async function getJob(documentId: string, scope: JobScope = {}): Promise<GetJob.Response | null> {
    const row = (await jobs().findOne({
      where: { documentId, state: { $ne: 'uploading' }, ...scopeWhere(scope) },
      select: SUMMARY_FIELDS,
    })) as JobRow | null;
    if (!row) return null;
    const finished = (await jobFiles().findMany({
      where: { jobId: row.id, state: { $ne: 'pending' } },
      select: RESULT_FIELDS,
      orderBy: { position: 'asc' },
    })) as JobFileRow[];
    return { ...toSummary(row), results: finished.map(toResult) };
  }

  async function listRecentJobs(limit: number, scope: JobScope = {}): Promise<JobSummary[]> {
    const rows = (await jobs().findMany({
      where: { state: { $ne: 'uploading' }, ...scopeWhere(scope) },
      select: SUMMARY_FIELDS,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      limit,
    })) as JobRow[];
    return rows.map(toSummary);
  }

  /** Jobs stored before their submitter was (they have only `actor`): given theirs, a page at a time. */
  async function backfillSubmitters(): Promise<number> {
    let filled = 0;
    for (let afterId = 0; ; ) {
      const rows = (await jobs().findMany({
        where: { submitter: { $null: true }, actor: { $notNull: true }, id: { $gt: afterId } },
        select: ['id', 'actor'],
        orderBy: { id: 'asc' },
        limit: 500,
      })) as Array<{ id: number; actor: ImportActor | null }>;
      if (rows.length === 0) return filled;
      for (const { id, actor } of rows) {
        const submitter = submitterOf(actor);
        if (submitter !== null) filled += (await jobs().updateMany({ where: { id, submitter: { $null: true } }, data: { submitter } })).count;
      }
      afterId = rows[rows.length - 1].id;
    }
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
      select: ['id', 'documentId', 'kind', 'total', 'done', 'cursor', 'attempts', 'publish', 'sourceKey', 'onExisting', 'actor'],
    })) as JobRow | null;
    if (!row) return null;
    return {
      id: row.id,
      documentId: row.documentId,
      kind: row.kind ?? 'import',
      total: row.total ?? 0,
      done: row.done ?? 0,
      cursor: row.cursor ?? null,
      attempts: row.attempts ?? 0,
      publish: Boolean(row.publish),
      sourceKey: row.sourceKey ?? null,
      onExisting: row.onExisting ?? 'update',
      actor: row.actor ?? null,
    };
  }

  /**
   * Compare-and-set: one UPDATE … WHERE state = 'queued'; only the instance whose update hit the
   * row runs it. The claim counts an attempt and notes how far the job had got (see endAttempt).
   */
  async function claimJob(id: number, owner: string): Promise<boolean> {
    const row = (await jobs().findOne({ where: { id, state: 'queued' }, select: ['done', 'attempts'] })) as JobRow | null;
    if (!row) return false;
    const { count } = await jobs().updateMany({
      where: { id, state: 'queued' },
      data: { state: 'running', owner, heartbeatAt: new Date(), attempts: (row.attempts ?? 0) + 1, doneAtClaim: row.done ?? 0 },
    });
    return count === 1;
  }

  /** Updates a job `owner` runs; false when it is no longer theirs (another instance took it over). */
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
   * Saves results of a job `owner` runs, inside the transaction in progress (the one that wrote
   * them: see the bulk importer's saveResults): each file's row, and the job's counts and heartbeat.
   * Its first statement is a write (SQLite then takes its write lock at once rather than failing
   * on a lock upgrade). Throws JobLostError, rolling the transaction back, when the job is no longer
   * `owner`'s: what an instance given up for dead still writes never commits.
   * Import jobs name their files' pending rows (`file`); a resplit job's results become new rows
   * after the last one, and `cursor` is where its next attempt starts.
   */
  async function saveResults(jobId: number, owner: string, results: FileResultToSave[], { cursor }: { cursor?: number } = {}): Promise<void> {
    if (!(await updateOwnJob(jobId, owner, { heartbeatAt: new Date() }))) throw new JobLostError(jobId);
    const row = (await jobs().findOne({ where: { id: jobId }, select: ['done', 'imported', 'updated', 'duplicates', 'conflicts', 'failed'] })) as JobRow;
    const counts = progressOf(row);
    // Two statements whatever the batch's size: the files' pending rows are replaced by rows with
    // their results (same position and name); a resplit job's results become rows after the last one.
    const pending = results.flatMap(({ file }) => (file ? [file.id] : []));
    if (pending.length > 0) {
      const { count } = await jobFiles().deleteMany({ where: { id: { $in: pending }, jobId, state: 'pending' } });
      // A file reported twice would be counted twice: refuse (nothing of the batch commits).
      if (count !== pending.length) throw new Error(`bulk job ${jobId}: ${pending.length - count} of the files reported were not pending`);
    }
    const rows = results.map(({ file, result }) => {
      const position = file ? file.position : counts.done;
      counts.done += 1;
      countResult(counts, result);
      return { jobId, position, file: result.file, ...resultData(result) };
    });
    if (rows.length > 0) await jobFiles().createMany({ data: rows });
    await jobs().updateMany({ where: { id: jobId, owner }, data: { ...counts, ...(cursor === undefined ? {} : { cursor }) } });
  }

  /** Ends a job `owner` runs: its final state (and total, and why it failed), no stored text left. False when it was no longer theirs. */
  async function finishJob(jobId: number, owner: string, finish: { state: JobStatus; total?: number; error?: string }): Promise<boolean> {
    return strapi.db.transaction(async () => {
      const data: Record<string, unknown> = { state: finish.state, finishedAt: new Date(), heartbeatAt: new Date(), owner: null };
      if (finish.total !== undefined) data.total = finish.total;
      if (finish.error !== undefined) data.error = finish.error.slice(0, 2000);
      if (!(await updateOwnJob(jobId, owner, data))) return false;
      await clearContents(jobId);
      return true;
    });
  }

  /** How many of the job's files are still pending. */
  const countPending = (jobId: number): Promise<number> => jobFiles().count({ where: { jobId, state: 'pending' } });

  /**
   * An attempt at a running job ended without finishing it: its instance died (`owner` omitted:
   * the sweep, which already checked it was stale), or stopped or failed (`owner` given: only if
   * still theirs). `stopped` (a graceful shutdown) just puts it back in the queue. Otherwise the
   * attempt counts as a stall when it added nothing to the job's progress: after `maxStalls` stalls
   * in a row the job fails with `reason`, so a file that crashes the server every time cannot
   * keep the job going round forever; otherwise it is queued again, and the next attempt goes on
   * from the last saved batch.
   */
  async function endAttempt(
    jobId: number,
    { owner, where, stopped = false, reason, maxStalls }: { owner?: string; where?: Record<string, unknown>; stopped?: boolean; reason: string; maxStalls: number }
  ): Promise<AttemptEnd> {
    const condition = { id: jobId, state: 'running', ...(owner === undefined ? {} : { owner }), ...(where ?? {}) };
    const row = (await jobs().findOne({ where: condition, select: ['done', 'doneAtClaim', 'stalls', 'attempts'] })) as JobRow | null;
    if (!row) return 'gone';
    const progressed = (row.done ?? 0) > (row.doneAtClaim ?? 0);
    // A graceful stop is no stall, but progress still clears the count.
    const stalls = progressed ? 0 : stopped ? (row.stalls ?? 0) : (row.stalls ?? 0) + 1;
    if (stalls >= maxStalls) {
      const error =
        `Gave up after ${stalls} attempt(s) in a row that saved no progress (${row.attempts ?? 0} attempts in all; last: ${reason}). ` +
        'A file among those still pending may stop the server each time it is imported.';
      const { count } = await jobs().updateMany({
        where: condition,
        data: { state: 'failed', stalls, error, owner: null, finishedAt: new Date() },
      });
      if (count !== 1) return 'gone';
      await clearContents(jobId);
      return 'failed';
    }
    const { count } = await jobs().updateMany({ where: condition, data: { state: 'queued', stalls, owner: null, heartbeatAt: null } });
    return count === 1 ? 'requeued' : 'gone';
  }

  /**
   * Running jobs whose instance is gone: a heartbeat older than `heartbeatTimeoutMs` (or none),
   * or an owner `isDead` recognises (a process of this machine that no longer exists). Each one's
   * attempt ends (endAttempt): requeued, or failed after too many stalls. The stale condition is
   * part of every update, so a job whose heartbeat came back meanwhile is left running.
   */
  async function requeueStaleJobs(heartbeatTimeoutMs: number, isDead: (owner: string) => boolean, maxStalls: number) {
    const cutoff = new Date(Date.now() - heartbeatTimeoutMs);
    const stale = { $or: [{ heartbeatAt: { $lt: cutoff } }, { heartbeatAt: { $null: true } }] };
    const running = (await jobs().findMany({ where: { state: 'running' }, select: ['id', 'owner', 'heartbeatAt'] })) as JobRow[];
    const ended: Array<{ id: number; end: AttemptEnd }> = [];
    for (const job of running) {
      const beatAt = job.heartbeatAt === null ? null : new Date(job.heartbeatAt).getTime();
      const dead = job.owner !== null && isDead(job.owner);
      if (!dead && beatAt !== null && beatAt >= cutoff.getTime()) continue;
      const where = dead ? { owner: job.owner } : stale;
      const reason = dead ? `its instance ${job.owner} no longer runs` : `its instance ${job.owner ?? '(none)'} stopped beating for ${Math.round(heartbeatTimeoutMs / 1000)} s`;
      ended.push({ id: job.id, end: await endAttempt(job.id, { where, reason, maxStalls }) });
    }
    return ended.filter(({ end }) => end !== 'gone');
  }

  /** Uploads cut off (their instance died, or stopped beating while storing the files): deleted, nothing was promised for them. */
  async function deleteAbandonedUploads(heartbeatTimeoutMs: number, isDead: (owner: string) => boolean): Promise<number> {
    const cutoff = new Date(Date.now() - heartbeatTimeoutMs);
    const stale = { $or: [{ heartbeatAt: { $lt: cutoff } }, { heartbeatAt: { $null: true } }] };
    const uploading = (await jobs().findMany({ where: { state: 'uploading' }, select: ['id', 'owner'] })) as JobRow[];
    const ids: number[] = [];
    for (const job of uploading) {
      const where = job.owner !== null && isDead(job.owner) ? { owner: job.owner } : stale;
      // Only if still uploading and still as stale: marked first, so that a deletion cut short is finished by the retention.
      const { count } = await jobs().updateMany({
        where: { id: job.id, state: 'uploading', ...where },
        data: { state: 'failed', error: 'The upload was cut off before all its files were stored.', owner: null, finishedAt: new Date(0) },
      });
      if (count === 1) ids.push(job.id);
    }
    await deleteJobs(ids);
    return ids.length;
  }

  /**
   * Deletes jobs and their file rows: the rows a page at a time (no long statement holds the
   * database), then the jobs (the foreign key's ON DELETE CASCADE, or SQLite's trigger, takes
   * any row left).
   */
  async function deleteJobs(ids: number[]): Promise<void> {
    for (const jobId of ids) {
      for (;;) {
        const page = (await jobFiles().findMany({ where: { jobId }, select: ['id'], limit: DELETE_ROWS })) as Array<{ id: number }>;
        if (page.length === 0) break;
        await jobFiles().deleteMany({ where: { id: { $in: page.map(({ id }) => id) } } });
        await nextTurn();
      }
      await jobs().deleteMany({ where: { id: jobId } });
    }
  }

  /** Finished jobs (done, failed, interrupted) that finished before `cutoff`, deleted with their file rows; returns how many. */
  async function deleteFinishedBefore(cutoff: Date, limit = 100): Promise<number> {
    let deleted = 0;
    for (;;) {
      const rows = (await jobs().findMany({
        where: { state: { $in: FINISHED_STATES }, finishedAt: { $lt: cutoff } },
        select: ['id'],
        orderBy: { id: 'asc' },
        limit,
      })) as Array<{ id: number }>;
      if (rows.length === 0) return deleted;
      await deleteJobs(rows.map(({ id }) => id));
      deleted += rows.length;
    }
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

  return {
    createJob,
    getJob,
    listRecentJobs,
    backfillSubmitters,
    listQueuedJobIds,
    getJobToRun,
    claimJob,
    updateOwnJob,
    saveResults,
    finishJob,
    countPending,
    endAttempt,
    requeueStaleJobs,
    deleteAbandonedUploads,
    deleteJobs,
    deleteFinishedBefore,
    readPendingFiles,
    clearContents,
  };
}

export type JobStore = ReturnType<typeof createJobStore>;
