/**
 * The split thread's side (see split-thread.ts): prepares the texts it is sent, in order, and
 * answers each one's article or the message it was refused with.
 */
import { parentPort } from 'worker_threads';
import { prepareArticle, type PrepareOptions } from './prepare';
import type { PrepareRequest, PrepareResponse } from './split-thread';

parentPort?.on('message', ({ id, items }: PrepareRequest) => {
  const results = items.map(({ text, options }: { text: string; options: PrepareOptions }) => {
    try {
      return { article: prepareArticle(text, options) };
    } catch (error) {
      return { error: (error as Error)?.message ?? String(error) };
    }
  });
  parentPort!.postMessage({ id, results } satisfies PrepareResponse);
});
