/**
 * Pure rules for writing what the tracker closed: clipping after a backward clock jump, and the
 * bounded queue of segments a failing database refused. lib/db/tracker.ts applies them inside the
 * write transaction; nothing here touches storage or a clock.
 */
import type { Lane, Segment } from '@/lib/model';
import type { TrackerState } from '@/lib/tracker/state';

type Interval = Pick<Segment, 'start' | 'end' | 'lane'>;

/**
 * `segments` minus the time of their lane already taken by `stored` (and by earlier segments of the
 * same batch), for every segment that starts before `clipUntil`. After a backward clock jump the
 * tracker records on the new clock; where that wall-clock span already holds recorded time, the
 * overlapping part is dropped (the stored time was recorded first and stays). A segment is cut into
 * the pieces that remain; each piece keeps its `day` (a piece starts within the original's local day).
 * Returns the pieces to write and how many milliseconds were dropped.
 */
export function clipAgainstStored(
  segments: readonly Segment[],
  stored: readonly Interval[],
  clipUntil: number | null | undefined,
): { segments: Segment[]; droppedMs: number } {
  if (clipUntil === null || clipUntil === undefined || segments.every((s) => s.start >= clipUntil)) {
    return { segments: [...segments], droppedMs: 0 };
  }
  const taken: Record<Lane, Interval[]> = { focus: [], call: [] };
  for (const s of stored) if (s.end > s.start) taken[s.lane].push(s);
  const out: Segment[] = [];
  let droppedMs = 0;
  for (const seg of segments) {
    if (seg.start >= clipUntil) {
      out.push(seg);
      taken[seg.lane].push(seg);
      continue;
    }
    let pieces: Array<[number, number]> = [[seg.start, seg.end]];
    for (const t of taken[seg.lane]) {
      if (t.end <= seg.start || t.start >= seg.end) continue;
      pieces = pieces.flatMap(([a, b]): Array<[number, number]> => {
        if (t.end <= a || t.start >= b) return [[a, b]];
        const left: Array<[number, number]> = t.start > a ? [[a, t.start]] : [];
        const right: Array<[number, number]> = t.end < b ? [[t.end, b]] : [];
        return [...left, ...right];
      });
    }
    const kept = pieces.reduce((sum, [a, b]) => sum + (b - a), 0);
    droppedMs += seg.end - seg.start - kept;
    for (const [a, b] of pieces) {
      const piece = { ...seg, start: a, end: b };
      out.push(piece);
      taken[seg.lane].push(piece);
    }
  }
  return { segments: out, droppedMs };
}

/** At most this many refused segments wait in memory and in the status row (a day of heavy switching). */
export const MAX_PENDING = 2_000;

/** Time lost because the database refused writes for too long. */
export interface WriteLoss {
  segments: number;
  ms: number;
}

/**
 * Keep the newest `max` segments of the queue; the oldest beyond that are dropped and counted, so the
 * loss is known and shown (badge title, popup) instead of the queue growing without bound.
 */
export function capPending(
  pending: readonly Segment[],
  max: number = MAX_PENDING,
): { kept: Segment[]; lost: WriteLoss } {
  if (pending.length <= max) return { kept: [...pending], lost: { segments: 0, ms: 0 } };
  const drop = pending.length - max;
  const dropped = pending.slice(0, drop);
  return {
    kept: pending.slice(drop),
    lost: { segments: drop, ms: dropped.reduce((sum, s) => sum + (s.end - s.start), 0) },
  };
}

/** The state with `ms` more time dropped by clipping after its last clock fault (shown to the person). */
export function withClippedTime(state: TrackerState, ms: number): TrackerState {
  if (ms <= 0 || !state.clockFault) return state;
  return { ...state, clockFault: { ...state.clockFault, droppedMs: (state.clockFault.droppedMs ?? 0) + ms } };
}
