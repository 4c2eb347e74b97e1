import { randomUUID } from 'crypto';
import os from 'os';
import type { Core } from '@strapi/strapi';
import type { GetJob, ImportActor, JobFileResult, JobStatus, JobSummary, OnExisting, RawFile } from '../../../shared/contracts';
import { countResult, emptyCounts } from '../../../shared/tally';
import { createJobStore, type FileResultToSave, type JobProgress, type JobToRun } from '../repositories/job-store';
import { ARTICLE } from '../repositories/tables';
import { PLUGIN_ID } from '../permissions';
import { getService } from '../utils';

const RECENT_JOBS = 20;
const POLL_INTERVAL_MS = 1000;
/** How long a stopping instance waits for its job to finish the batch in flight. */
const STOP_GRACE_MS = 15_000;
/** Files read from the database at a time: the bulk importer's batch, so one page feeds one batch. */
const FILE_PAGE = 100;
/** A resplit job saves its progress every this many articles. */
const RESPLIT_SAVE_EVERY = 100;

/** The resplit service as a job calls it (its own module types it fully). */
interface ResplitService {
  resplitArticles(options: {
    dryRun?: boolean;
    actor?: ImportActor;
    eventSource?: string;
    shouldStop?: () => boolean;
    onResult?: (result: JobFileResult) => void | Promise<void>;
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

/** The import log's actor of a job's writes: the job, named after who submitted it. */
const jobActor = (job: JobToRun): ImportActor => {
  const by = job.actor;
  const submitter = by ? [by.name, by.id === undefined || by.id === null ? null : `${by.type} ${by.id}`].filter(Boolean).join(', ') || by.type : null;
  return { type: 'job', id: job.documentId, name: submitter ? `job ${job.documentId} (submitted by ${submitter})` : `job ${job.documentId}` };
};

/**
 * Bulk jobs, shared through the database: any instance may take a queued job, a compare-and-set
 * on its state makes sure only one does, and a heartbeat tells the others whether the instance
 * running it is still alive. The tables are the job store's (repositories/job-store).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const instanceId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const store = createJobStore(strapi);
  const heartbeatTimeoutMs = () => strapi.config.get(`plugin::${PLUGIN_ID}.jobHeartbeatTimeoutMs`) as number;
  // Several heartbeats and sweeps fit in one timeout, so one late beat does not cost a job.
  const heartbeatEveryMs = () => Math.max(50, Math.min(5000, Math.floor(heartbeatTimeoutMs() / 3)));
  const sweepEveryMs = () => Math.max(50, Math.min(5000, Math.floor(heartbeatTimeoutMs() / 2)));

  /**
   * Queues the uploaded files, stored one row each as they are read; the job is the caller's to
   * poll. Returns the job's documentId.
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
      files
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
      total
    );
    kickWorker();
    return documentId;
  }

  const getJob = (jobId: string): Promise<GetJob.Response | null> => store.getJob(jobId);
  const listRecentJobs = (limit = RECENT_JOBS): Promise<JobSummary[]> => store.listRecentJobs(limit);
  const claimJob = (id: number, owner = instanceId) => store.claimJob(id, owner);

  async function claimNextJob(): Promise<number | null> {
    for (const id of await store.listQueuedJobIds(10)) {
      if (await claimJob(id)) return id;
    }
    return null;
  }

  /** Running jobs whose instance stopped beating are interrupted, not requeued: re-submitting the files completes them. */
  async function markInterruptedJobs(): Promise<number> {
    const count = await store.markInterruptedJobs(heartbeatTimeoutMs());
    if (count > 0) strapi.log.warn(`raw-import: ${count} bulk-import job(s) interrupted (their instance stopped responding).`);
    return count;
  }

  /**
   * Runs a claimed job: feeds an import job's files to the bulk importer a page of rows at a time,
   * or has the resplit service go through the articles. Progress and results are saved a batch
   * at a time; a job given up for dead by another instance is left as that instance marked it.
   */
  async function runJob(id: number, shouldStop: () => boolean): Promise<void> {
    const job = await store.getJobToRun(id);
    if (!job) return;
    const progress: JobProgress = { done: 0, ...emptyCounts() };
    let unsaved: FileResultToSave[] = [];
    let lost = false;

    const save = async (finish?: { state: JobStatus; total?: number }) => {
      const results = unsaved;
      unsaved = [];
      if (!(await store.saveBatch(id, instanceId, { progress: { ...progress }, results, finish }))) lost = true;
    };
    const heartbeat = setInterval(() => {
      store.updateOwnJob(id, instanceId, { heartbeatAt: new Date() }).then(
        (ours) => (lost ||= !ours),
        (error) => strapi.log.warn(`raw-import: job heartbeat failed: ${(error as Error).message}`)
      );
    }, heartbeatEveryMs());
    heartbeat.unref();

    const actor = jobActor(job);
    const eventSource = `job:${job.documentId}`;
    const tally = (entry: FileResultToSave) => {
      unsaved.push(entry);
      progress.done += 1;
      countResult(progress, entry.result);
    };

    let state: JobStatus;
    let finalTotal: number | undefined;
    try {
      if (job.kind === 'resplit') {
        const resplit = strapi.plugin(PLUGIN_ID).service('resplit') as ResplitService;
        let stopped = false;
        await resplit.resplitArticles({
          dryRun: false,
          actor,
          eventSource,
          shouldStop: () => (stopped ||= lost || shouldStop()),
          onResult: async (result) => {
            tally({ position: progress.done, result });
            if (unsaved.length >= RESPLIT_SAVE_EVERY) await save();
          },
        });
        state = stopped ? 'interrupted' : 'done';
        // The articles counted at submission may have changed since: the report adds up to what was done.
        if (state === 'done') finalTotal = progress.done;
      } else {
        // Row ids of the files handed to the importer and not yet reported: it reports them in that order.
        const handedOver: number[] = [];
        // Progress is written once per batch: the importer reports a whole batch, then asks for the
        // next file, and that is when the counts and the batch's results are saved, and its texts cleared.
        const files = async function* (): AsyncGenerator<RawFile> {
          let after = -1;
          for (;;) {
            // The files of the batch in flight are still pending: paging goes by position.
            const page = await store.readPendingFiles(id, after, FILE_PAGE);
            if (page.length === 0) return;
            for (const file of page) {
              if (unsaved.length > 0) await save();
              if (lost || shouldStop()) return;
              after = file.position;
              handedOver.push(file.id);
              yield file.raw;
            }
          }
        };
        await getService(strapi, 'bulk').importFiles(files(), {
          publish: job.publish,
          sourceKey: job.sourceKey,
          onExisting: job.onExisting,
          actor,
          eventSource,
          onResult: (result) => tally({ fileId: handedOver.shift()!, result }),
        });
        // Stopped before the last file (shutdown, or given up for dead): the rest was never imported.
        state = progress.done === job.total ? 'done' : 'interrupted';
      }
    } catch (error) {
      strapi.log.error(`raw-import: bulk job ${id} failed: ${(error as Error).stack ?? error}`);
      state = 'failed';
    } finally {
      clearInterval(heartbeat);
    }
    if (!lost) await save({ state, total: finalTotal });
    if (lost) strapi.log.warn(`raw-import: bulk job ${id} was marked interrupted while this instance still ran it.`);
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
    createResplitJob,
    getJob,
    listRecentJobs,
    claimJob,
    markInterruptedJobs,
    startWorker,
    stopWorker,
    kickWorker,
  };
};
