/**
 * The Web Worker that reads calendar files off the page's main thread (worker-client.ts starts
 * it). One request per worker: the page posts the text and the window, the worker posts
 * progress and then the result. Cancelling terminates the worker.
 */
import { readCalendar, type ReadCalendarOptions, type ReadCalendarResult } from './read-calendar';

export type WorkerRequest = { text: string; options: Omit<ReadCalendarOptions, 'onProgress' | 'clock'> };
export type WorkerMessage = { kind: 'progress'; done: number } | { kind: 'result'; result: ReadCalendarResult };

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null; postMessage: (m: WorkerMessage) => void };

scope.onmessage = (e) => {
  const { text, options } = e.data;
  let last = -1;
  const result = readCalendar(text, {
    ...options,
    onProgress: (done) => {
      // At most 100 messages per file.
      const pct = Math.floor(done * 100);
      if (pct === last) return;
      last = pct;
      scope.postMessage({ kind: 'progress', done });
    },
  });
  scope.postMessage({ kind: 'result', result });
};
