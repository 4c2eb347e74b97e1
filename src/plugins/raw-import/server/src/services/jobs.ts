import { randomUUID } from 'crypto';
import os from 'os';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { GetJob, JobFileResult, JobStatus, JobSummary, RawFile } from '../../../shared/contracts';
import { countResult } from '../../../shared/tally';
import { tableOf } from '../db';
import { PLUGIN_ID } from '../permissions';
import { getService } from '../utils';

export const JOB = `plugin::${PLUGIN_ID}.job`;
export const JOB_FILE = `plugin::${PLUGIN_ID}.job-file`;

const RECENT_JOBS = 20;
const POLL_INTERVAL_MS = 1000;
/** How long a stopping instance waits for its job to finish the batch in flight. */
const STOP_GRACE_MS = 15_000;
/** Files read from the database at a time: the bulk importer's batch, so one page feeds one batch. */
const FILE_PAGE = 100;

/**
 * An uploaded file as the job keeps it in the database, one row each (table raw_import_job_files,
 * columns in snake_case): any instance can read it, and no single cell holds a whole upload.
 */
interface JobFileRow {
  id: number;
  position: number;
  file: string;
  /** The file's bytes, base64, until the job is finished: the bulk importer decodes them and refuses binary or bad UTF-8 itself. */
  content: string | null;
  state: 'pending' | JobFileResult['status'];
  article_document_id: string | null;
  /** While pending: refused before it was stored (too large), reported as failed. Afterwards: why it failed. */
  error: string | null;
}

interface JobRow {
  id: number;
  documentId: string;
  // `status` is a reserved attribute name in Strapi 5: the column is `state`, the wire name stays `status`.
  state: JobStatus;
  total: number;
  done: number;
  imported: number;
  duplicates: number;
  failed: number;
  publish: boolean;
  createdAt: Date | string;
  finishedAt: Date | string | null;
}

type Progress = Pick<JobRow, 'done' | 'imported' | 'duplicates' | 'failed'>;

const SUMMARY_FIELDS = ['id', 'documentId', 'state', 'total', 'done', 'imported', 'duplicates', 'failed', 'publish', 'createdAt', 'finishedAt'];

const toIso = (value: Date | string | number | null) => (value === null || value === undefined ? null : new Date(value).toISOString());

const toSummary = (row: JobRow): JobSummary => ({
  jobId: row.documentId,
  status: row.state,
  total: row.total ?? 0,
  done: row.done ?? 0,
  imported: row.imported ?? 0,
  duplicates: row.duplicates ?? 0,
  failed: row.failed ?? 0,
  publish: Boolean(row.publish),
  createdAt: toIso(row.createdAt)!,
  finishedAt: toIso(row.finishedAt),
});

const toFileRow = (jobId: number, position: number, { file, bytes, error }: RawFile) => ({
  job_id: jobId,
  position,
  file,
  content: error ? null : Buffer.from(bytes).toString('base64'),
  state: 'pending',
  error: error ?? null,
});

const toRawFile = ({ file, content, error }: JobFileRow): RawFile => ({
  file,
  bytes: Buffer.from(content ?? '', 'base64'),
  ...(error ? { error } : {}),
});

const toResult = ({ file, state, article_document_id, error }: JobFileRow): JobFileResult => ({
  file,
  status: state as JobFileResult['status'],
  ...(article_document_id ? { documentId: article_document_id } : {}),
  ...(error ? { error } : {}),
});

/**
 * Bulk-import jobs, shared through the database: any instance may take a queued job, a
 * compare-and-set on its state makes sure only one does, and a heartbeat tells the others
 * whether the instance running it is still alive.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const instanceId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const jobs = () => strapi.db.query(JOB);
  const knex = () => strapi.db.connection;
  const jobFiles = (db: Knex = knex()) => db(tableOf(strapi, JOB_FILE));
  const heartbeatTimeoutMs = () => strapi.config.get(`plugin::${PLUGIN_ID}.jobHeartbeatTimeoutMs`) as number;
  // Several heartbeats and sweeps fit in one timeout, so one late beat does not cost a job.
  const heartbeatEveryMs = () => Math.max(50, Math.min(5000, Math.floor(heartbeatTimeoutMs() / 3)));
  const sweepEveryMs = () => Math.max(50, Math.min(5000, Math.floor(heartbeatTimeoutMs() / 2)));

  /**
   * Queues the uploaded files, stored one row each as they are read; the job is the caller's to
   * poll. One transaction: no instance can claim the job before all its files are in.
   * Returns the job's documentId.
   */
  async function createJob(files: AsyncIterable<RawFile> | Iterable<RawFile>, options: { publish?: boolean } = {}): Promise<string> {
    const documentId = await strapi.db.transaction(async ({ trx }) => {
      const job = await jobs().create({
        data: { state: 'queued', total: 0, done: 0, imported: 0, duplicates: 0, failed: 0, publish: options.publish ?? false },
        select: ['id', 'documentId'],
      });
      let total = 0;
      for await (const file of files) {
        await jobFiles(trx).insert(toFileRow(job.id, total, file));
        total += 1;
      }
      await jobs().update({ where: { id: job.id }, data: { total } });
      return job.documentId as string;
    });
    kickWorker();
    return documentId;
  }

  /** The job with the results of the files it has finished, in upload order. */
  async function getJob(jobId: string): Promise<GetJob.Response | null> {
    const row = (await jobs().findOne({ where: { documentId: jobId }, select: SUMMARY_FIELDS })) as JobRow | null;
    if (!row) return null;
    const finished = (await jobFiles()
      .select('file', 'state', 'article_document_id', 'error')
      .where({ job_id: row.id })
      .whereNot({ state: 'pending' })
      .orderBy('position')) as JobFileRow[];
    return { ...toSummary(row), results: finished.map(toResult) };
  }

  async function listRecentJobs(limit = RECENT_JOBS): Promise<JobSummary[]> {
    const rows = (await jobs().findMany({
      select: SUMMARY_FIELDS,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      limit,
    })) as JobRow[];
    return rows.map(toSummary);
  }

  /** Compare-and-set: one UPDATE … WHERE state = 'queued'; only the instance whose update hit the row runs it. */
  async function claimJob(id: number, owner = instanceId): Promise<boolean> {
    const { count } = await jobs().updateMany({
      where: { id, state: 'queued' },
      data: { state: 'running', owner, heartbeatAt: new Date() },
    });
    return count === 1;
  }

  async function claimNextJob(): Promise<number | null> {
    const queued = await jobs().findMany({ where: { state: 'queued' }, select: ['id'], orderBy: { id: 'asc' }, limit: 10 });
    for (const { id } of queued) {
      if (await claimJob(id)) return id;
    }
    return null;
  }

  /** Updates a job this instance runs; false when it is no longer ours (another instance gave it up for dead). */
  async function updateOwnJob(id: number, data: Record<string, unknown>): Promise<boolean> {
    const { count } = await jobs().updateMany({ where: { id, owner: instanceId, state: 'running' }, data });
    return count === 1;
  }

  /** Running jobs whose instance stopped beating are interrupted, not requeued: re-submitting the files completes them. */
  async function markInterruptedJobs(): Promise<number> {
    const cutoff = new Date(Date.now() - heartbeatTimeoutMs());
    const stale = { state: 'running', $or: [{ heartbeatAt: { $lt: cutoff } }, { heartbeatAt: { $null: true } }] };
    const candidates = (await jobs().findMany({ where: stale, select: ['id'] })) as Array<{ id: number }>;
    if (candidates.length === 0) return 0;
    const ids = candidates.map(({ id }) => id);
    // The stale condition again: a job whose heartbeat came back in the meantime is left running.
    const { count } = await jobs().updateMany({
      where: { ...stale, id: { $in: ids } },
      data: { state: 'interrupted', finishedAt: new Date() },
    });
    const interrupted = knex()(tableOf(strapi, JOB)).select('id').whereIn('id', ids).where({ state: 'interrupted' });
    await jobFiles().whereIn('job_id', interrupted).whereNotNull('content').update({ content: null });
    if (count > 0) strapi.log.warn(`raw-import: ${count} bulk-import job(s) interrupted (their instance stopped responding).`);
    return count;
  }

  /**
   * Feeds the job's files to the bulk importer, a page of rows at a time. Progress is written once
   * per batch: the importer reports a whole batch, then asks for the next file, and that is when
   * the counts and the batch's results are saved, and its texts cleared.
   */
  async function runJob(id: number, shouldStop: () => boolean): Promise<void> {
    const row = (await jobs().findOne({ where: { id }, select: ['id', 'publish', 'total'] })) as JobRow;
    const progress: Progress = { done: 0, imported: 0, duplicates: 0, failed: 0 };
    // Row ids of the files handed to the importer and not yet reported: it reports them in that order.
    const handedOver: number[] = [];
    let unsaved: Array<{ fileId: number; result: JobFileResult }> = [];
    let lost = false;

    const save = (extra: Record<string, unknown> = {}) =>
      strapi.db.transaction(async ({ trx }) => {
        const results = unsaved;
        unsaved = [];
        if (!(await updateOwnJob(id, { ...progress, heartbeatAt: new Date(), ...extra }))) {
          lost = true;
          return;
        }
        // One UPDATE per file: each carries its own document id or error.
        for (const { fileId, result } of results) {
          await jobFiles(trx)
            .where({ id: fileId })
            .update({ state: result.status, article_document_id: result.documentId ?? null, error: result.error ?? null, content: null });
        }
        // A finished job keeps no text, not even of the files it never reached (stopped, or failed).
        if (extra.state) await jobFiles(trx).where({ job_id: id }).whereNotNull('content').update({ content: null });
      });
    const heartbeat = setInterval(() => {
      updateOwnJob(id, { heartbeatAt: new Date() }).then(
        (ours) => (lost ||= !ours),
        (error) => strapi.log.warn(`raw-import: job heartbeat failed: ${(error as Error).message}`)
      );
    }, heartbeatEveryMs());
    heartbeat.unref();

    async function* files(): AsyncGenerator<RawFile> {
      let after = -1;
      for (;;) {
        // Keyset paging on position: the files of the batch in flight are still pending.
        const page = (await jobFiles()
          .select('id', 'position', 'file', 'content', 'error')
          .where({ job_id: id, state: 'pending' })
          .where('position', '>', after)
          .orderBy('position')
          .limit(FILE_PAGE)) as JobFileRow[];
        if (page.length === 0) return;
        for (const file of page) {
          if (unsaved.length > 0) await save();
          if (lost || shouldStop()) return;
          after = file.position;
          handedOver.push(file.id);
          yield toRawFile(file);
        }
      }
    }

    const onResult = (result: JobFileResult) => {
      unsaved.push({ fileId: handedOver.shift()!, result });
      progress.done += 1;
      countResult(progress, result);
    };

    let state: JobStatus;
    try {
      await getService(strapi, 'bulk').importFiles(files(), { publish: Boolean(row.publish), onResult });
      // Stopped before the last file (shutdown, or given up for dead): the rest was never imported.
      state = progress.done === row.total ? 'done' : 'interrupted';
    } catch (error) {
      strapi.log.error(`raw-import: bulk-import job ${id} failed: ${(error as Error).stack ?? error}`);
      state = 'failed';
    } finally {
      clearInterval(heartbeat);
    }
    if (lost) {
      strapi.log.warn(`raw-import: bulk-import job ${id} was marked interrupted while this instance still ran it.`);
      return;
    }
    await save({ state, finishedAt: new Date() });
  }

  /* The worker: one per instance, polling the database for queued jobs. */
  interface Worker {
    stopping: boolean;
    pollTimer?: NodeJS.Timeout;
    sweepTimer?: NodeJS.Timeout;
    /** The poll in progress (claiming and running jobs), if any. */
    polling?: Promise<void>;
    /** A job was queued during the poll in progress: poll again right after it. */
    kicked: boolean;
  }
  let worker: Worker | null = null;

  async function pollForJobs(current: Worker) {
    try {
      let id = await claimNextJob();
      while (id !== null && !current.stopping) {
        await runJob(id, () => current.stopping);
        id = current.stopping ? null : await claimNextJob();
      }
    } catch (error) {
      strapi.log.error(`raw-import: job worker: ${(error as Error).message}`);
    }
  }

  function schedulePoll(current: Worker, delayMs: number) {
    if (current.stopping) return;
    clearTimeout(current.pollTimer);
    current.pollTimer = setTimeout(() => {
      current.kicked = false;
      current.polling = pollForJobs(current).finally(() => {
        current.polling = undefined;
        schedulePoll(current, current.kicked ? 0 : POLL_INTERVAL_MS);
      });
    }, delayMs);
    current.pollTimer.unref();
  }

  function scheduleSweep(current: Worker) {
    if (current.stopping) return;
    current.sweepTimer = setTimeout(() => {
      markInterruptedJobs()
        .catch((error) => strapi.log.error(`raw-import: job sweep: ${(error as Error).message}`))
        .finally(() => scheduleSweep(current));
    }, sweepEveryMs());
    current.sweepTimer.unref();
  }

  /** A job was just queued: look now rather than at the next poll. */
  function kickWorker() {
    if (!worker || worker.stopping) return;
    if (worker.polling) worker.kicked = true;
    else schedulePoll(worker, 0);
  }

  /** Starts this instance's worker; jobs cut off by an earlier crash are marked interrupted first. */
  async function startWorker() {
    if (worker) return;
    const current: Worker = { stopping: false, kicked: false };
    worker = current;
    await markInterruptedJobs();
    schedulePoll(current, 0);
    scheduleSweep(current);
  }

  /**
   * Stops taking jobs. A job in progress stops after the batch in flight and is marked
   * interrupted; after STOP_GRACE_MS we stop waiting and leave it to the heartbeat sweep.
   */
  async function stopWorker() {
    const current = worker;
    if (!current) return;
    worker = null;
    current.stopping = true;
    clearTimeout(current.pollTimer);
    clearTimeout(current.sweepTimer);
    if (current.polling) {
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, STOP_GRACE_MS);
      });
      await Promise.race([current.polling, grace]);
      clearTimeout(timer);
    }
  }

  return {
    instanceId,
    createJob,
    getJob,
    listRecentJobs,
    claimJob,
    markInterruptedJobs,
    startWorker,
    stopWorker,
    kickWorker,
  };
};
