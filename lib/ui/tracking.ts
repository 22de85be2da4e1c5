/**
 * What the pages say about the tracker: running, paused (until when) or failing to save. Pure.
 */
import { isSameDay } from 'date-fns';
import type { OpenLaneSegment } from '@/lib/report/types';
import { currentClockFault, describeClockFault, formatJump } from '@/lib/tracker/clock-notice';
import { PAUSE_FOREVER, type TrackerState } from '@/lib/tracker/state';

export interface StatusLike {
  error: string | null;
  since: number | null;
  pending?: readonly unknown[];
  lost?: { segments: number; ms: number; at: number } | null;
}

/** A lost write stays mentioned for a week. */
const LOST_NOTICE_MS = 7 * 24 * 60 * 60 * 1000;

export type TrackingState = 'tracking' | 'paused' | 'not-started';

export interface TrackingView {
  state: TrackingState;
  /** Paused until this instant (null when not paused or paused until resumed). */
  pausedUntil: number | null;
  pausedForever: boolean;
  /** One short line: "Tracking", "Paused until 14:30", "Paused until you resume". */
  label: string;
  /** A database problem the person must see, or null. */
  error: { message: string; since: number | null; pending: number } | null;
  /**
   * Time the tracker could not count, in words: the clock jumped back (for a day after), or the
   * database refused writes so long that the oldest waiting segments were dropped (for a week). Null: none.
   */
  notice: string | null;
}

export interface TrackingViewOptions {
  formatClock: (t: number) => string;
  formatDate: (t: number) => string;
}

function noticeOf(
  state: TrackerState | null,
  status: StatusLike | null,
  now: number,
  fmt: TrackingViewOptions,
): string | null {
  const parts: string[] = [];
  const fault = currentClockFault(state, now);
  if (fault) parts.push(describeClockFault(fault, fmt.formatClock));
  const lost = status?.lost;
  if (lost && lost.segments > 0 && now - lost.at < LOST_NOTICE_MS) {
    parts.push(
      `While storage refused writes, ${lost.segments} older stretch${lost.segments === 1 ? '' : 'es'} of time (${formatJump(lost.ms)}) could not be kept.`,
    );
  }
  return parts.length > 0 ? parts.join(' ') : null;
}

export function trackingView(
  state: TrackerState | null,
  status: StatusLike | null,
  now: number,
  fmt: TrackingViewOptions,
): TrackingView {
  const error = status?.error
    ? { message: status.error, since: status.since, pending: status.pending?.length ?? 0 }
    : null;
  const notice = noticeOf(state, status, now, fmt);
  if (!state) {
    return { state: 'not-started', pausedUntil: null, pausedForever: false, label: 'Tracker starting…', error, notice };
  }
  const until = state.pausedUntil;
  if (until !== null && until > now) {
    const forever = until >= PAUSE_FOREVER;
    const when = forever
      ? ''
      : isSameDay(until, now)
        ? fmt.formatClock(until)
        : `${fmt.formatDate(until)} ${fmt.formatClock(until)}`;
    return {
      state: 'paused',
      pausedUntil: forever ? null : until,
      pausedForever: forever,
      label: forever ? 'Paused until you resume' : `Paused until ${when}`,
      error,
      notice,
    };
  }
  return { state: 'tracking', pausedUntil: null, pausedForever: false, label: 'Tracking', error, notice };
}

/** The pause choices offered everywhere (minutes; null = until resumed). */
export const PAUSE_CHOICES: readonly { minutes: number | null; label: string }[] = [
  { minutes: 30, label: '30 min' },
  { minutes: 60, label: '1 hour' },
  { minutes: null, label: 'Until I resume' },
];

/** The tracker's open (not yet written) segments, in the form the report counts up to now. */
export function openSegmentsOf(state: TrackerState | null | undefined): OpenLaneSegment[] {
  if (!state) return [];
  const out: OpenLaneSegment[] = [];
  if (state.focus)
    out.push({ start: state.focus.start, host: state.focus.host, path: state.focus.path, lane: 'focus' });
  if (state.call) out.push({ start: state.call.start, host: state.call.host, path: state.call.path, lane: 'call' });
  return out;
}
