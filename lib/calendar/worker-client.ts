/**
 * Read a calendar file without freezing the page: parseCalendarInWorker runs read-calendar.ts
 * in a Web Worker, reports progress, and can be cancelled (AbortSignal → worker.terminate()).
 * A watchdog ends a worker that outlives the file's time budget. Where there is no Worker
 * constructor (Firefox's background page, Node tests) the same budgeted reader runs in-process,
 * loaded with import() on first use. Chromium's MV3 service worker allows neither a Worker nor
 * import(): a background refresh there imports `readCalendar` from read-calendar.ts statically
 * (so ical.js loads with the service worker once subscriptions exist), and the budget bounds it.
 */
import type { BudgetLimits } from './budget';
import type { PackedResult, WorkerMessage, WorkerRequest } from './calendar.worker';
import type { Occurrence } from './expand-events';
import { FILE_MAX_MS } from './limits';
import type { ReadCalendarResult } from './read-calendar';
// Vite builds the worker into its own bundle (with ical.js); the page gets only this constructor.
import CalendarWorker from './calendar.worker?worker';

export interface ParseInWorkerOptions {
  from: number;
  to: number;
  now: number;
  /** 0…1, now and then. */
  onProgress?: (done: number) => void;
  /** Aborting terminates the worker; the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /** Tests only. */
  limits?: BudgetLimits;
  /** Run in-process even where a Worker exists (tests). */
  inProcess?: boolean;
}

/** Grace on top of the file's time budget before the watchdog ends a worker. */
const WATCHDOG_GRACE_MS = 10_000;

function abortError(): DOMException {
  return new DOMException('The calendar import was cancelled.', 'AbortError');
}

/** Load the reader in this context, lazily (so ical.js is not in start-up code). */
export async function readCalendarInProcess(text: string, options: Omit<ParseInWorkerOptions, 'signal' | 'inProcess'>): Promise<ReadCalendarResult> {
  const { readCalendar } = await import('./read-calendar');
  return readCalendar(text, options);
}

/** The worker's packed result (calendar.worker.ts) → the reader's result. */
function unpack(p: PackedResult): ReadCalendarResult {
  const events = p.calendar.events;
  const occurrences: Occurrence[] = new Array<Occurrence>(p.starts.length);
  for (let i = 0; i < p.starts.length; i++) {
    occurrences[i] = { event: events[p.events[i]!]!, start: p.starts[i]!, end: p.ends[i]!, allDay: p.allDay[i] === 1 };
  }
  return { ok: true, calendar: p.calendar, expanded: { ok: true, occurrences, notes: p.notes } };
}

export function parseCalendarInWorker(text: string, options: ParseInWorkerOptions): Promise<ReadCalendarResult> {
  const { signal, onProgress, inProcess, ...rest } = options;
  if (signal?.aborted) return Promise.reject(abortError());
  if (inProcess || typeof Worker === 'undefined') {
    return readCalendarInProcess(text, { ...rest, onProgress }).then((r) => {
      if (signal?.aborted) throw abortError();
      return r;
    });
  }
  return new Promise<ReadCalendarResult>((resolve, reject) => {
    const worker: Worker = new CalendarWorker();
    const finish = () => {
      worker.terminate();
      clearTimeout(watchdog);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(abortError());
    };
    const watchdog = setTimeout(() => {
      finish();
      resolve({ ok: false, error: { message: `Reading the file took longer than ${(FILE_MAX_MS + WATCHDOG_GRACE_MS) / 1000} s and was stopped. Nothing was imported.` } });
    }, (rest.limits?.ms ?? FILE_MAX_MS) + WATCHDOG_GRACE_MS);
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      if (e.data.kind === 'progress') onProgress?.(e.data.done);
      else {
        finish();
        resolve(e.data.kind === 'packed' ? unpack(e.data.packed) : e.data.result);
      }
    };
    worker.onerror = (e) => {
      finish();
      resolve({ ok: false, error: { message: `The calendar reader stopped unexpectedly (${e.message || 'worker error'}). Nothing was imported.` } });
    };
    const request: WorkerRequest = { text, options: rest };
    worker.postMessage(request);
  });
}
