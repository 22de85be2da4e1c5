/**
 * What the plan needs from the recorded segments, resolved once (lib/report/timeline.ts, so no
 * time is counted twice): the classified history before the planned week, the meetings seen in
 * it (for recurring ones), the meetings already known in the planned week (imported or
 * subscribed calendar events, which may lie in the future), and the pieces of a week whose plan
 * is compared with what happened. Pure.
 */
import type { Segment } from '@/lib/model';
import { resolveTimeline } from '@/lib/report/timeline';
import type { ClassifierInput, Piece } from '@/lib/report/types';
import type { HistoryPiece } from './suggest';
import type { Busy } from './types';

function clip(segments: readonly Segment[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    if (!(s.end > from && s.start < to)) continue;
    out.push(s.start >= from && s.end <= to ? s : { ...s, start: Math.max(from, s.start), end: Math.min(to, s.end) });
  }
  return out;
}

/** Classified pieces of [from, min(to, now)): what happened (nothing after `now` counts). */
export function happened(
  segments: readonly Segment[],
  classify: ClassifierInput,
  from: number,
  to: number,
  now: number,
): Piece[] {
  const until = Math.min(to, now);
  return until > from ? resolveTimeline(clip(segments, from, until), classify).pieces : [];
}

export interface PlanInputs {
  history: HistoryPiece[];
  /** Meetings in the history (calendar events and calls), for `recurringMeetings`. */
  pastMeetings: Busy[];
  /** Meetings known in the planned week (calendar events, also future ones). */
  weekMeetings: Busy[];
}

export function planInputs(
  segments: readonly Segment[],
  classify: ClassifierInput,
  o: { historyFrom: number; weekStart: number; weekEnd: number; now: number },
): PlanInputs {
  const past = happened(segments, classify, o.historyFrom, o.weekStart, o.now);
  const history = past.map((p) => ({ start: p.start, end: p.end, class: p.class, kind: p.kind }));
  const pastMeetings = past
    .filter((p) => p.kind === 'meetings' && (p.origin === 'calendar' || p.origin === 'call'))
    .map((p) => ({ start: p.start, end: p.end }));
  const week = resolveTimeline(
    clip(
      segments.filter((s) => s.source === 'calendar'),
      o.weekStart,
      o.weekEnd,
    ),
    classify,
  ).pieces;
  const weekMeetings = week.filter((p) => p.kind === 'meetings').map((p) => ({ start: p.start, end: p.end }));
  return { history, pastMeetings, weekMeetings };
}
