/**
 * The Web Worker that reads calendar files off the page's main thread (worker-client.ts starts
 * it). One request per worker: the page posts the text and the window, the worker posts
 * progress and then the result. Cancelling terminates the worker.
 *
 * The result is packed so the page spends little time receiving it: occurrences travel as typed
 * arrays (transferred, not copied) that point into the event list, and events drop what only
 * expansion needed (repeat rules, EXDATE/RDATE lists).
 */
import type { IcsEvent } from './ics-events';
import { readCalendar, type ReadCalendarOptions, type ReadCalendarResult } from './read-calendar';

export type WorkerRequest = { text: string; options: Omit<ReadCalendarOptions, 'onProgress' | 'clock'> };

export interface PackedResult {
  calendar: Extract<ReadCalendarResult, { ok: true }>['calendar'];
  notes: Extract<ReadCalendarResult, { ok: true }>['expanded']['notes'];
  starts: Float64Array;
  ends: Float64Array;
  /** Index into calendar.events. */
  events: Int32Array;
  allDay: Uint8Array;
}

export type WorkerMessage =
  | { kind: 'progress'; done: number }
  | { kind: 'result'; result: Extract<ReadCalendarResult, { ok: false }> }
  | { kind: 'packed'; packed: PackedResult };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage: (m: WorkerMessage, transfer?: Transferable[]) => void;
};

function pack(result: Extract<ReadCalendarResult, { ok: true }>): PackedResult {
  const index = new Map<IcsEvent, number>();
  const events = result.calendar.events.map((ev, i) => {
    index.set(ev, i);
    return { ...ev, rrules: [], rdates: [], exdates: [] };
  });
  const occ = result.expanded.occurrences;
  const packed: PackedResult = {
    calendar: { ...result.calendar, events },
    notes: result.expanded.notes,
    starts: new Float64Array(occ.length),
    ends: new Float64Array(occ.length),
    events: new Int32Array(occ.length),
    allDay: new Uint8Array(occ.length),
  };
  occ.forEach((o, i) => {
    packed.starts[i] = o.start;
    packed.ends[i] = o.end;
    packed.events[i] = index.get(o.event) ?? -1;
    packed.allDay[i] = o.allDay ? 1 : 0;
  });
  return packed;
}

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
  if (!result.ok) {
    scope.postMessage({ kind: 'result', result });
    return;
  }
  const packed = pack(result);
  scope.postMessage({ kind: 'packed', packed }, [packed.starts.buffer, packed.ends.buffer, packed.events.buffer, packed.allDay.buffer]);
};
