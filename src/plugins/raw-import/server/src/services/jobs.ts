import { randomUUID } from 'crypto';
import os from 'os';
import type { Core } from '@strapi/strapi';
import type { GetJob, JobFileResult, JobStatus, JobSummary, RawFile } from '../../../shared/contracts';
import { PLUGIN_ID } from '../permissions';
import { getService } from '../utils';

export const JOB = `plugin::${PLUGIN_ID}.job`;

const RECENT_JOBS = 20;
const POLL_INTERVAL_MS = 1000;
/** How long a stopping instance waits for its job to finish the batch in flight. */
const STOP_GRACE_MS = 15_000;

/** An uploaded file as the job keeps it in the database until the job finishes: any instance can read it. */
export interface JobInput {
  file: string;
  /** The file's bytes, base64: the bulk importer decodes them and refuses binary or bad UTF-8 itself. */
  base64: string;
  /** Refused before it was stored (too large): reported as failed. */
  error?: string;
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
  results: JobFileResult[] | null;
  inputs: JobInput[] | null;
  createdAt: Date | string;
  finishedAt: Date | string | null;
}

type Progress = Pick<JobRow, 'done' | 'imported' | 'duplicates' | 'failed'> & { results: JobFileResult[] };

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

const toInput = ({ file, bytes, error }: RawFile): JobInput => ({
  file,
  base64: error ? '' : Buffer.from(bytes).toString('base64'),
  ...(error ? { error } : {}),
});

const toRawFile = ({ file, base64, error }: JobInput): RawFile => ({ file, bytes: Buffer.from(base64, 'base64'), error });

/**
 * Bulk-import jobs, shared through the database: any instance may take a queued job, a
 * compare-and-set on its state makes sure only one does, and a heartbeat tells the others
 * whether the instance running it is still alive.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const instanceId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const jobs = () => strapi.db.query(JOB);
  const heartbeatTimeoutMs = () => strapi.config.get(`plugin::${PLUGIN_ID}.jobHeartbeatTimeoutMs`) as number;
  // Several heartbeats and sweeps fit in one timeout, so one late beat does not cost a job.
  const heartbeatEveryMs = () => Math.max(50, Math.min(5000, Math.floor(heartbeatTimeoutMs() / 3)));
  const sweepEveryMs = () => Math.max(50, Math.min(5000, Math.floor(heartbeatTimeoutMs() / 2)));

  /** Queues the uploaded files; the job is the caller's to poll. Returns the job's documentId. */
  async function createJob(files: RawFile[], options: { publish?: boolean } = {}): Promise<string> {
    const job = await jobs().create({
      data: {
        state: 'queued',
        total: files.length,
        done: 0,
        imported: 0,
        duplicates: 0,
        failed: 0,
        publish: options.publish ?? false,
        inputs: files.map(toInput),
        results: [],
      },
      select: ['documentId'],
    });
    kickWorker();
    return job.documentId;
  }

  async function getJob(jobId: string): Promise<GetJob.Response | null> {
    const row = (await jobs().findOne({ where: { documentId: jobId }, select: [...SUMMARY_FIELDS, 'results'] })) as JobRow | null;
    return row ? { ...toSummary(row), results: row.results ?? [] } : null;
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
    const { count } = await jobs().updateMany({
      where: { state: 'running', $or: [{ heartbeatAt: { $lt: cutoff } }, { heartbeatAt: { $null: true } }] },
      data: { state: 'interrupted', inputs: null, finishedAt: new Date() },
    });
    if (count > 0) strapi.log.warn(`raw-import: ${count} bulk-import job(s) interrupted (their instance stopped responding).`);
    return count;
  }

  /**
   * Feeds the job's files to the bulk importer. Progress is written once per batch: the importer
   * reports a whole batch, then asks for the next file, and that is when the counts are saved.
   */
  async function runJob(id: number, shouldStop: () => boolean): Promise<void> {
    const row = (await jobs().findOne({ where: { id }, select: ['id', 'publish', 'inputs'] })) as JobRow;
    const inputs = row.inputs ?? [];
    const progress: Progress = { done: 0, imported: 0, duplicates: 0, failed: 0, results: [] };
    let unsaved = 0;
    let lost = false;

    const save = async (extra: Record<string, unknown> = {}) => {
      unsaved = 0;
      if (!(await updateOwnJob(id, { ...progress, heartbeatAt: new Date(), ...extra }))) lost = true;
    };
    const heartbeat = setInterval(() => {
      updateOwnJob(id, { heartbeatAt: new Date() }).then(
        (ours) => (lost ||= !ours),
        (error) => strapi.log.warn(`raw-import: job heartbeat failed: ${(error as Error).message}`)
      );
    }, heartbeatEveryMs());
    heartbeat.unref();

    async function* files(): AsyncGenerator<RawFile> {
      for (const input of inputs) {
        if (unsaved > 0) await save();
        if (lost || shouldStop()) return;
        yield toRawFile(input);
      }
    }

    const onResult = (result: JobFileResult) => {
      progress.results.push(result);
      progress.done += 1;
      if (result.status === 'created') progress.imported += 1;
      else if (result.status === 'duplicate') progress.duplicates += 1;
      else progress.failed += 1;
      unsaved += 1;
    };

    let state: JobStatus;
    try {
      await getService(strapi, 'bulk').importFiles(files(), { publish: Boolean(row.publish), onResult });
      // Stopped before the last file (shutdown, or given up for dead): the rest was never imported.
      state = progress.done === inputs.length ? 'done' : 'interrupted';
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
    await save({ state, inputs: null, finishedAt: new Date() });
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
