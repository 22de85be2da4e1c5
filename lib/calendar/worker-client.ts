/**
 * The Settings page's handle on a calendar it previews: openCalendarSession starts a Web Worker
 * (calendar.worker.ts) that reads and expands the text, with progress and Cancel (AbortSignal →
 * worker.terminate()), and then answers plan requests as the person changes an option — so
 * parsing, expansion and the meeting rules never run on the page's main thread, and the page
 * never loads ical.js (this module imports the session only as types). A watchdog ends a worker
 * that outlives the file's time budget. Where there is no Worker constructor (Node tests, a
 * background page) the same session runs in-process, loaded with import() on first use.
 */
import type { BudgetLimits } from './budget';
import type { CalendarInfo, PreviewRequest, PreviewResult, SessionRequest, SessionResponse } from './calendar-session';
import type { IcsError } from './ics-components';
import { FILE_MAX_MS } from './limits';
import type { RefreshContext, RefreshPlanResult } from './refresh-plan';
import type { CalendarSubscription } from './subscription';
// Vite builds the worker into its own bundle (with ical.js); the page gets only this constructor.
import CalendarWorker from './calendar.worker?worker';

export type { CalendarInfo, PreviewRequest, PreviewResult } from './calendar-session';

export interface OpenSessionOptions {
  from: number;
  to: number;
  now: number;
  /** 0…1, now and then, while the file is read. */
  onProgress?: (done: number) => void;
  /** Aborting while the file is read terminates the worker; the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /** Tests only. */
  limits?: BudgetLimits;
  /** Run in-process even where a Worker exists (tests). */
  inProcess?: boolean;
}

/** A calendar read in a worker. Answers arrive in the order asked; close() when done with it. */
export interface CalendarSessionHandle {
  info: CalendarInfo;
  /** Where it runs (for tests and measurements). */
  where: 'worker' | 'in-process';
  plan(request: PreviewRequest): Promise<PreviewResult>;
  /** What subscribing to this calendar imports now (lib/calendar/refresh-plan.ts). */
  refresh(
    sub: Pick<CalendarSubscription, 'importId' | 'options' | 'host'>,
    ctx: RefreshContext,
  ): Promise<RefreshPlanResult>;
  /** Ends the worker; pending answers reject with an AbortError. */
  close(): void;
}

export type OpenSessionResult = { ok: true; session: CalendarSessionHandle } | { ok: false; error: IcsError };

/** Grace on top of the file's time budget before the watchdog ends a worker. */
const WATCHDOG_GRACE_MS = 10_000;

function abortError(): DOMException {
  return new DOMException('The calendar import was cancelled.', 'AbortError');
}

/** The answer to `req` when the worker could not give one. */
function failed(req: SessionRequest, message: string): SessionResponse {
  if (req.kind === 'open') return { id: req.id, kind: 'open', result: { ok: false, error: { message } } };
  if (req.kind === 'plan') return { id: req.id, kind: 'plan', result: { ok: false, message } };
  return { id: req.id, kind: 'refresh', result: { ok: false, kind: 'invalid', message } };
}

interface Transport {
  send(req: SessionRequest, onProgress?: (done: number) => void): Promise<SessionResponse>;
  close(): void;
}

function workerTransport(budgetMs: number): Transport {
  const worker: Worker = new CalendarWorker();
  const pending = new Map<
    number,
    {
      req: SessionRequest;
      resolve: (r: SessionResponse) => void;
      reject: (e: unknown) => void;
      onProgress?: (done: number) => void;
      watchdog: ReturnType<typeof setTimeout>;
    }
  >();
  let dead = false;
  const end = (why: (req: SessionRequest) => SessionResponse | null) => {
    dead = true;
    worker.terminate();
    for (const p of pending.values()) {
      clearTimeout(p.watchdog);
      const r = why(p.req);
      if (r) p.resolve(r);
      else p.reject(abortError());
    }
    pending.clear();
  };
  worker.onmessage = (e: MessageEvent<SessionResponse>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    if (e.data.kind === 'progress') {
      p.onProgress?.(e.data.done);
      return;
    }
    clearTimeout(p.watchdog);
    pending.delete(e.data.id);
    p.resolve(e.data);
  };
  worker.onerror = (e) => {
    e.preventDefault?.();
    end((req) =>
      failed(req, `The calendar reader stopped unexpectedly (${e.message || 'worker error'}). Nothing was imported.`),
    );
  };
  return {
    send(req, onProgress) {
      if (dead) return Promise.reject(abortError());
      return new Promise<SessionResponse>((resolve, reject) => {
        const watchdog = setTimeout(
          () =>
            end((r) =>
              failed(
                r,
                `Reading the calendar took longer than ${(budgetMs + WATCHDOG_GRACE_MS) / 1000} s and was stopped. Nothing was imported.`,
              ),
            ),
          budgetMs + WATCHDOG_GRACE_MS,
        );
        pending.set(req.id, { req, resolve, reject, onProgress, watchdog });
        worker.postMessage(req);
      });
    },
    close() {
      if (!dead) end(() => null);
    },
  };
}

function inProcessTransport(): Transport {
  // Loaded on first use, so ical.js is not in start-up code.
  const session = import('./calendar-session').then((m) => ({ m, s: new m.CalendarSession() }));
  let closed = false;
  return {
    async send(req, onProgress) {
      if (closed) throw abortError();
      const { m, s } = await session;
      if (closed) throw abortError();
      const r = await m.answer(s, req, onProgress);
      if (closed) throw abortError();
      return r;
    },
    close() {
      closed = true;
    },
  };
}

/**
 * Read a calendar in a worker. `text` may be the chosen File itself: the worker reads it, so the
 * page never decodes or copies the file's text on its main thread.
 */
export async function openCalendarSession(
  text: string | Blob,
  options: OpenSessionOptions,
): Promise<OpenSessionResult> {
  const { signal, onProgress, inProcess, ...rest } = options;
  if (signal?.aborted) throw abortError();
  const where = inProcess || typeof Worker === 'undefined' ? 'in-process' : 'worker';
  const transport = where === 'worker' ? workerTransport(rest.limits?.ms ?? FILE_MAX_MS) : inProcessTransport();
  let next = 0;
  const onAbort = () => transport.close();
  signal?.addEventListener('abort', onAbort);
  try {
    const opened = await transport.send({ id: next++, kind: 'open', text, options: rest }, onProgress);
    if (signal?.aborted) throw abortError();
    if (opened.kind !== 'open') throw new Error('unexpected answer');
    if (!opened.result.ok) {
      transport.close();
      return opened.result;
    }
    const session: CalendarSessionHandle = {
      info: opened.result.info,
      where,
      async plan(request) {
        const r = await transport.send({ id: next++, kind: 'plan', request });
        if (r.kind !== 'plan') throw new Error('unexpected answer');
        return r.result;
      },
      async refresh(sub, ctx) {
        const r = await transport.send({ id: next++, kind: 'refresh', sub, ctx });
        if (r.kind !== 'refresh') throw new Error('unexpected answer');
        return r.result;
      },
      close: () => transport.close(),
    };
    return { ok: true, session };
  } catch (e) {
    transport.close();
    throw signal?.aborted ? abortError() : e;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
