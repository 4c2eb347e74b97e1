/**
 * The split of a server's bulk job runs on a worker thread of its own, so that the server's
 * thread stays free to answer requests while a job runs (the split is about half of a job's work;
 * the database writes stay on the server's thread, with Strapi's connection). One thread per
 * Strapi instance, started when first needed, unref'd, and ended when the instance's job worker
 * stops (a new one starts if texts come again).
 * Where there is no compiled worker script (the TypeScript sources run by a test runner), the
 * split runs on the calling thread, giving the event loop a turn between texts.
 */
import fs from 'fs';
import path from 'path';
import { Worker } from 'worker_threads';
import { createYielder } from '../event-loop';
import { prepareArticle, type PreparedArticle, type PrepareOptions } from './prepare';

export type PrepareOutcome = { article: PreparedArticle } | { error: string };
export interface PrepareRequest {
  id: number;
  items: Array<{ text: string; options: PrepareOptions }>;
}
export interface PrepareResponse {
  id: number;
  results: PrepareOutcome[];
}

const WORKER_SCRIPT = path.join(__dirname, 'split-worker.js');

/** The same on the calling thread, giving the event loop a turn between texts. */
export async function prepareHere(items: Array<{ text: string; options: PrepareOptions }>): Promise<PrepareOutcome[]> {
  const yieldIfDue = createYielder();
  const results: PrepareOutcome[] = [];
  for (const { text, options } of items) {
    await yieldIfDue();
    try {
      results.push({ article: prepareArticle(text, options) });
    } catch (error) {
      results.push({ error: (error as Error)?.message ?? String(error) });
    }
  }
  return results;
}

/** A batch of texts gets this long on the split thread; a text split alone, TEXT_TIMEOUT_MS. */
export const BATCH_TIMEOUT_MS = 120_000;
export const TEXT_TIMEOUT_MS = 60_000;

/** The thread did not answer in time, or stopped (a text that crashes it): the texts are tried one by one. */
class ThreadLost extends Error {}

export function createSplitThread({ batchTimeoutMs = BATCH_TIMEOUT_MS, textTimeoutMs = TEXT_TIMEOUT_MS } = {}) {
  let worker: Worker | null = null;
  let nextId = 0;
  const waiting = new Map<number, { thread: Worker; resolve: (results: PrepareOutcome[]) => void; reject: (error: Error) => void }>();
  const threaded = __filename.endsWith('.js') && fs.existsSync(WORKER_SCRIPT);

  /** What was sent to a thread that stopped will not be answered. */
  const failAllOf = (thread: Worker, error: Error) => {
    for (const [id, entry] of waiting) {
      if (entry.thread !== thread) continue;
      waiting.delete(id);
      entry.reject(error);
    }
  };

  function start(): Worker {
    if (worker) return worker;
    const started = new Worker(WORKER_SCRIPT);
    started.unref();
    started.on('message', ({ id, results }: PrepareResponse) => {
      waiting.get(id)?.resolve(results);
      waiting.delete(id);
    });
    started.on('error', (error) => failAllOf(started, new ThreadLost(`the split thread failed: ${error.message}`)));
    started.on('exit', (code) => {
      if (worker === started) worker = null;
      failAllOf(started, new ThreadLost(`the split thread stopped (exit code ${code})`));
    });
    worker = started;
    return started;
  }

  /** Ends the thread; a new one starts for the next texts. */
  async function stop() {
    const current = worker;
    worker = null;
    if (current) await current.terminate();
  }

  /** One round trip; a thread that does not answer within `timeoutMs` is ended (ThreadLost). */
  function send(items: PrepareRequest['items'], timeoutMs: number): Promise<PrepareOutcome[]> {
    const thread = start();
    const id = nextId++;
    return new Promise<PrepareOutcome[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new ThreadLost(`no answer within ${timeoutMs / 1000} s`));
        void stop();
      }, timeoutMs);
      timer.unref();
      waiting.set(id, {
        thread,
        resolve: (results) => (clearTimeout(timer), resolve(results)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      thread.postMessage({ id, items } satisfies PrepareRequest);
    });
  }

  /**
   * Each text's prepared article, or the message it was refused with, in order. When the thread
   * does not answer a batch in time, or stops (a text that loops or crashes it), the texts are sent
   * again one at a time, and the one at fault is refused alone: a poison file fails, the job goes on.
   */
  async function prepareMany(items: PrepareRequest['items']): Promise<PrepareOutcome[]> {
    if (items.length === 0) return [];
    if (!threaded) return prepareHere(items);
    try {
      return await send(items, batchTimeoutMs);
    } catch (error) {
      if (!(error instanceof ThreadLost) || items.length === 1) {
        if (error instanceof ThreadLost) return [{ error: `The split of this text did not finish (${error.message}).` }];
        throw error;
      }
    }
    const results: PrepareOutcome[] = [];
    for (const item of items) {
      try {
        results.push(...(await send([item], textTimeoutMs)));
      } catch (error) {
        if (!(error instanceof ThreadLost)) throw error;
        results.push({ error: `The split of this text did not finish (${error.message}).` });
      }
    }
    return results;
  }

  return { threaded, prepareMany, close: stop };
}

export type SplitThread = ReturnType<typeof createSplitThread>;
