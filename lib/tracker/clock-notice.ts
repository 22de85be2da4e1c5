/**
 * What the person is told after the clock looked wrong (badge title, popup). Pure.
 */
import type { ClockFault, TrackerState } from '@/lib/tracker/state';

/** The badge shows a clock fault for this long after it was noticed. */
export const CLOCK_BADGE_MS = 60 * 60 * 1000;
/** The popup and settings mention it for this long. */
export const CLOCK_NOTICE_MS = 24 * 60 * 60 * 1000;

/** "365 days", "2 h 5 min", "4 min", "40 s". */
export function formatJump(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s >= 2 * 86_400) return `${Math.round(s / 86_400)} days`;
  if (s >= 3_600) {
    const h = Math.floor(s / 3_600);
    const m = Math.round((s % 3_600) / 60);
    return m > 0 ? `${h} h ${m} min` : `${h} h`;
  }
  if (s >= 60) return `${Math.round(s / 60)} min`;
  return `${s} s`;
}

/** The fault to mention at `now`, or null (none, or older than `withinMs`, or the clock is behind it again). */
export function currentClockFault(
  state: TrackerState | null | undefined,
  now: number,
  withinMs: number = CLOCK_NOTICE_MS,
): ClockFault | null {
  const f = state?.clockFault;
  if (!f) return null;
  const age = now - f.noticedAt;
  return age >= 0 && age < withinMs ? f : null;
}

/** One or two plain sentences: what happened and what was not counted. */
export function describeClockFault(f: ClockFault, formatClock: (t: number) => string): string {
  const parts = [
    `The computer's clock jumped back by ${formatJump(f.jumpMs)} (noticed at ${formatClock(f.noticedAt)}); tracking continued on the corrected clock.`,
  ];
  const uncounted = f.uncountedTo - f.uncountedFrom;
  if (uncounted >= 1000) {
    parts.push(
      `${formatJump(uncounted)} from ${formatClock(f.uncountedFrom)} to ${formatClock(f.uncountedTo)} was not counted.`,
    );
  }
  if (f.overlapUntil !== null && f.overlapUntil > f.noticedAt) {
    const dropped = f.droppedMs ?? 0;
    parts.push(
      `Until the clock reaches ${formatClock(f.overlapUntil)} again, time overlapping what was already recorded is not counted${dropped >= 1000 ? ` (${formatJump(dropped)} so far)` : ''}.`,
    );
  }
  return parts.join(' ');
}
