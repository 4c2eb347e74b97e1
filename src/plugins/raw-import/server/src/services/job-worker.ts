import { randomUUID } from 'crypto';
import fs from 'fs';
import os from 'os';
import type { Core } from '@strapi/strapi';
import type { GetJob, ImportActor, JobFileResult, JobSummary, OnExisting, RawFile } from '../../../shared/contracts';
import { createJobStore, type JobScope, JobLostError, type JobToRun } from '../repositories/job-store';
import { ARTICLE } from '../repositories/tables';
import { PLUGIN_ID } from '../permissions';
import { getService } from '../utils';

const RECENT_JOBS = 20;
const POLL_INTERVAL_MS = 1000;
/** How long a stopping instance waits for its job to finish the batch in flight. */
const STOP_GRACE_MS = 15_000;
/**
 * Files per batch (one transaction each) of an import job: smaller than the CLI's, so that no
 * transaction of a job keeps other requests waiting long (on SQLite every query waits for it).
 */
export const JOB_BATCH_SIZE = 10;
/** Files read from the database at a time. */
const FILE_PAGE = 100;
/** How often an instance deletes the finished jobs older than the retention (and once when it starts). */
const CLEANUP_EVERY_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The resplit service as a job calls it (its own module types it fully). */
interface ResplitService {
  resplitArticles(options: {
    dryRun?: boolean;
    actor?: ImportActor;
    eventSource?: string;
    shouldStop?: () => boolean;
    startAfterId?: number;
    saveResults?: (results: JobFileResult[], lastId: number) => Promise<void>;
  }): Promise<unknown>;
}

export interface CreateJobOptions {
  publish?: boolean;
  /** `path`: each file's name is its story key. */
  sourceKey?: 'path' | null;
  onExisting?: OnExisting;
  /** Who submitted the job (recorded, and named in the import log's job actor). */
  actor?: ImportActor | null;
}

/** This process's PID namespace (Linux): two processes can only look each other up by pid within one. */
function pidNamespace(): string {
  try {
    return fs.readlinkSync('/proc/self/ns/pid').replace(/\D/g, '');
  } catch {
    return '';
  }
}

/** The import log's actor of a job's writes: the job, named after who submitted it. */
const jobActor = (job: JobToRun): ImportActor => {
  const by = job.actor;
  const submitter = by ? [by.name, by.id === undefined || by.id === null ? null : `${by.type} ${by.id}`].filter(Boolean).join(', ') || by.type : null;
  return { type: 'job', id: job.documentId, name: submitter ? `job ${job.documentId} (submitted by ${submitter})` : `job ${job.documentId}` };
};

/**
 * Bulk jobs, shared through the database: any instance may take a queued job, a compare-and-set
 * on its state makes sure only one does, and a heartbeat tells the others whether the instance
 * running it is still alive. A job whose instance died (no heartbeat for jobHeartbeatTimeoutMs, or
 * an instance of this machine whose process is gone, which is how a restarted server finds its own
 * job at once) is queued again and goes on from its last saved batch: each batch's file results
 * and the job's counts are saved in the transaction that writes its articles, so a batch is
 * counted once whatever happens. The tables are the job store's (repositories/job-store).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const namespace = pidNamespace();
  // host:pid:random:pid-namespace — what isDeadOwner reads back.
  const instanceId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}:${namespace}`;
  const store = createJobStore(strapi);
  const config = <T>(key: string) => strapi.config.get(`plugin::${PLUGIN_ID}.${key}`) as T;
  const heartbeatTimeoutMs = () => config<number>('jobHeartbeatTimeoutMs');
  const maxStalls = () => config<number>('jobMaxStalls');
  // Several heartbeats and sweeps fit in one timeout, so one late beat does not cost a job.
  const heartbeatEveryMs = () => Math.max(50, Math.min(5000, Math.floor(heartbeatTimeoutMs() / 3)));
  const sweepEveryMs = () => Math.max(50, Math.min(5000, Math.floor(heartbeatTimeoutMs() / 2)));

  /**
   * Whether `owner` names an instance of this machine (same host name, same PID namespace) whose
   * process no longer exists. Anything else (another machine, this very process, an owner in
   * another format) is left to the heartbeat timeout.
   */
  function isDeadOwner(owner: string): boolean {
    const [host, pidText, , ns, ...rest] = owner.split(':');
    if (rest.length > 0 || !ns || ns !== namespace || host !== os.hostname()) return false;
    const pid = Number(pidText);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
    try {
      process.kill(pid, 0);
      return false;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ESRCH';
    }
  }

  /**
   * Queues the uploaded files, stored one row each as they are read; the job is the caller's to
   * poll. Returns the job's documentId once every file is stored.
   */
  async function createJob(files: AsyncIterable<RawFile> | Iterable<RawFile>, options: CreateJobOptions = {}): Promise<string> {
    const documentId = await store.createJob(
      {
        kind: 'import',
        publish: options.publish ?? false,
        sourceKey: options.sourceKey ?? null,
        onExisting: options.onExisting ?? 'update',
        actor: options.actor ?? null,
      },
      files,
      { owner: instanceId }
    );
    kickWorker();
    return documentId;
  }

  /** Queues a job that splits every article's stored raw text again; its total is the number of drafts now. */
  async function createResplitJob(actor?: ImportActor | null): Promise<string> {
    const total = await strapi.db.query(ARTICLE).count({ where: { publishedAt: null } });
    const documentId = await store.createJob(
      { kind: 'resplit', publish: false, sourceKey: null, onExisting: 'update', actor: actor ?? null },
      [],
      { total, owner: instanceId }
    );
    kickWorker();
    return documentId;
  }

  /** A job, or null when there is none with that id in `scope` (whose jobs the caller may read; default: all). */
  const getJob = (jobId: string, scope?: JobScope): Promise<GetJob.Response | null> => store.getJob(jobId, scope);
  /** The most recent jobs in `scope` (default: all). */
  const listRecentJobs = (scope?: JobScope, limit = RECENT_JOBS): Promise<JobSummary[]> => store.listRecentJobs(limit, scope);
  const claimJob = (id: number, owner = instanceId) => store.claimJob(id, owner);

  async function claimNextJob(): Promise<number | null> {
    for (const id of await store.listQueuedJobIds(10)) {
      if (await claimJob(id)) return id;
    }
    return null;
  }

  /**
   * Running jobs whose instance is gone are queued again (or failed, after jobMaxStalls attempts
   * in a row without progress); uploads cut off by a crash are deleted. Returns how many jobs were requeued or failed.
   */
  async function sweepJobs(): Promise<number> {
    const ended = await store.requeueStaleJobs(heartbeatTimeoutMs(), isDeadOwner, maxStalls());
    const requeued = ended.filter(({ end }) => end === 'requeued').length;
    const failed = ended.length - requeued;
    if (requeued > 0) strapi.log.warn(`raw-import: ${requeued} bulk job(s) queued again: their instance stopped; they go on from their last saved batch.`);
    if (failed > 0) strapi.log.error(`raw-import: ${failed} bulk job(s) failed: their instance stopped every time without saving progress.`);
    const uploads = await store.deleteAbandonedUploads(heartbeatTimeoutMs(), isDeadOwner);
    if (uploads > 0) strapi.log.warn(`raw-import: ${uploads} upload(s) cut off before all their files were stored were deleted.`);
    if (requeued > 0) kickWorker();
    return ended.length;
  }

  /** Deletes the finished jobs (and their file rows) older than jobRetentionDays (0: kept forever). Returns how many. */
  async function deleteExpiredJobs(now = new Date()): Promise<number> {
    const days = config<number>('jobRetentionDays');
    if (!(days > 0)) return 0;
    const deleted = await store.deleteFinishedBefore(new Date(now.getTime() - days * DAY_MS));
    if (deleted > 0) strapi.log.info(`raw-import: deleted ${deleted} bulk job(s) finished more than ${days} day(s) ago.`);
    return deleted;
  }

  /**
   * Runs a claimed job (from where earlier attempts left it): feeds an import job's pending files
   * to the bulk importer a page of rows at a time, or has the resplit service go on after the last
   * draft done. Results and counts are saved by the importer's saveResults hook in each batch's
   * own transaction. The attempt then ends: done; queued again (stopping, or it failed and may
   * succeed next time); failed after too many attempts without progress; or nothing, when another
   * instance took the job over meanwhile.
   */
  async function runJob(id: number, shouldStop: () => boolean): Promise<void> {
    const job = await store.getJobToRun(id);
    if (!job) return;
    let lost = false;
    let stopped = false;
    const stop = () => (stopped ||= lost || shouldStop());
    const heartbeat = setInterval(() => {
      store.updateOwnJob(id, instanceId, { heartbeatAt: new Date() }).then(
        (ours) => (lost ||= !ours),
        (error) => strapi.log.warn(`raw-import: job heartbeat failed: ${(error as Error).message}`)
      );
    }, heartbeatEveryMs());
    heartbeat.unref();
    if (job.attempts > 1) strapi.log.info(`raw-import: bulk job ${job.documentId} resumed (attempt ${job.attempts}, ${job.done} of ${job.total} done).`);

    const actor = jobActor(job);
    const eventSource = `job:${job.documentId}`;
    let failure: Error | null = null;
    try {
      if (job.kind === 'resplit') {
        const resplit = strapi.plugin(PLUGIN_ID).service('resplit') as ResplitService;
        await resplit.resplitArticles({
          dryRun: false,
          actor,
          eventSource,
          startAfterId: job.cursor ?? 0,
          shouldStop: stop,
          saveResults: (results, lastId) => store.saveResults(id, instanceId, results.map((result) => ({ result })), { cursor: lastId }),
        });
      } else {
        // The rows of the files handed to the importer, by their place in its input.
        const handedOver = new Map<number, { id: number; position: number }>();
        let handed = 0;
        let reported = 0;
        const files = async function* (): AsyncGenerator<RawFile> {
          let after = -1;
          for (;;) {
            // The files of the batch in flight are still pending: paging goes by position.
            const page = await store.readPendingFiles(id, after, FILE_PAGE);
            if (page.length === 0) return;
            for (const file of page) {
              // Asked for after the batch before is written: a stop takes effect between batches.
              if (stop()) return;
              after = file.position;
              handedOver.set(handed++, { id: file.id, position: file.position });
              yield file.raw;
            }
          }
        };
        await getService(strapi, 'bulk').importFiles(files(), {
          batchSize: JOB_BATCH_SIZE,
          splitThread: true,
          publish: job.publish,
          sourceKey: job.sourceKey,
          onExisting: job.onExisting,
          actor,
          eventSource,
          saveResults: (results) =>
            store.saveResults(
              id,
              instanceId,
              results.map(({ index, result }) => ({ file: handedOver.get(index)!, result }))
            ),
          onResult: () => {
            handedOver.delete(reported++);
          },
        });
        if (!stopped && !lost && (await store.countPending(id)) > 0) throw new Error('files were left pending');
      }
    } catch (error) {
      if (error instanceof JobLostError) lost = true;
      else if (!shouldStop()) failure = error as Error;
      // Stopping: the error is the shutdown's (the database closing); the job is left to resume.
      else stopped = true;
    } finally {
      clearInterval(heartbeat);
    }

    if (lost) {
      strapi.log.warn(`raw-import: bulk job ${job.documentId} was taken over by another instance while this one still ran it; this one stopped.`);
    } else if (failure) {
      strapi.log.error(`raw-import: bulk job ${job.documentId} failed: ${failure.stack ?? failure}`);
      const end = await store.endAttempt(id, { owner: instanceId, reason: failure.message, maxStalls: maxStalls() });
      if (end === 'failed') strapi.log.error(`raw-import: bulk job ${job.documentId} given up after ${maxStalls()} attempts without progress.`);
    } else if (stopped) {
      // A graceful stop: the job waits in the queue for the next instance (or this one, restarted).
      await store.endAttempt(id, { owner: instanceId, stopped: true, reason: 'the instance stopped', maxStalls: maxStalls() });
    } else {
      // A resplit job's total is what it went through: the drafts counted at submission may have changed since.
      const total = job.kind === 'resplit' ? (await store.getJobToRun(id))?.done : undefined;
      if (!(await store.finishJob(id, instanceId, { state: 'done', total }))) {
        strapi.log.warn(`raw-import: bulk job ${job.documentId} was taken over by another instance as it finished.`);
      }
    }
  }

  /* The worker: one per instance, polling the database for queued jobs. */
  interface Worker {
    stopping: boolean;
    pollTimer?: NodeJS.Timeout;
    sweepTimer?: NodeJS.Timeout;
    cleanupTimer?: NodeJS.Timeout;
    /** The poll in progress (claiming and running jobs), if any. */
    polling?: Promise<void>;
    /** The sweep or cleanup in progress, if any. */
    housekeeping?: Promise<unknown>;
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

  /** Runs `task` as the worker's housekeeping (one at a time; a stopping worker waits for it), then `next`. */
  function housekeep(current: Worker, label: string, task: () => Promise<unknown>, next: () => void) {
    if (current.stopping) return;
    current.housekeeping = (current.housekeeping ?? Promise.resolve())
      .then(() => (current.stopping ? undefined : task()))
      .catch((error) => strapi.log.error(`raw-import: ${label}: ${(error as Error).message}`))
      .finally(next);
  }

  function scheduleSweep(current: Worker) {
    if (current.stopping) return;
    current.sweepTimer = setTimeout(() => housekeep(current, 'job sweep', sweepJobs, () => scheduleSweep(current)), sweepEveryMs());
    current.sweepTimer.unref();
  }

  function scheduleCleanup(current: Worker) {
    if (current.stopping) return;
    current.cleanupTimer = setTimeout(() => housekeep(current, 'job cleanup', deleteExpiredJobs, () => scheduleCleanup(current)), CLEANUP_EVERY_MS);
    current.cleanupTimer.unref();
  }

  /** A job was just queued: look now rather than at the next poll. */
  function kickWorker() {
    if (!worker || worker.stopping) return;
    if (worker.polling) worker.kicked = true;
    else schedulePoll(worker, 0);
  }

  /**
   * Starts this instance's worker. Jobs cut off by an earlier crash of this server (their process
   * is gone) are queued again first, and old finished jobs deleted; then the worker polls.
   */
  async function startWorker() {
    if (worker) return;
    const current: Worker = { stopping: false, kicked: false };
    worker = current;
    await sweepJobs();
    await deleteExpiredJobs().catch((error) => strapi.log.error(`raw-import: job cleanup: ${(error as Error).message}`));
    schedulePoll(current, 0);
    scheduleSweep(current);
    scheduleCleanup(current);
  }

  /**
   * Stops taking jobs. A job in progress stops after the batch in flight and goes back to the
   * queue, for the next instance to resume; after STOP_GRACE_MS we stop waiting, and the job is
   * found (dead process, or no heartbeat) and resumed all the same.
   */
  async function stopWorker() {
    const current = worker;
    if (!current) return;
    worker = null;
    current.stopping = true;
    clearTimeout(current.pollTimer);
    clearTimeout(current.sweepTimer);
    clearTimeout(current.cleanupTimer);
    const pending = [current.polling, current.housekeeping].filter(Boolean);
    if (pending.length > 0) {
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, STOP_GRACE_MS);
      });
      await Promise.race([Promise.allSettled(pending), grace]);
      clearTimeout(timer);
    }
    await getService(strapi, 'bulk').closeSplitThread();
  }

  return {
    instanceId,
    createJob,
    createResplitJob,
    getJob,
    listRecentJobs,
    backfillSubmitters: () => store.backfillSubmitters(),
    claimJob,
    sweepJobs,
    deleteExpiredJobs,
    isDeadOwner,
    startWorker,
    stopWorker,
    kickWorker,
  };
};
