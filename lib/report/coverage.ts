/**
 * Coverage: how much of the working time a number rests on. The browser sees only the browser;
 * the calendar and hand-added blocks fill in meetings and offline work. Desktop apps (Slack, Zoom,
 * Teams, Figma, Outlook desktop) are invisible unless their meetings come from the calendar, so a
 * share built on 2 of 8 working hours says less than one built on 7. Pure.
 */
import type { Segment } from '@/lib/model';
import type { OpenLaneSegment } from '@/lib/report/types';
import type { WorkingHours } from '@/lib/settings';
import { prepareSegments, workingWindows } from '@/lib/report/week';

export interface Coverage {
  /** Working time in the span, up to now (the person's working days and hours). */
  workingMs: number;
  /** Working time with browser activity (any lane), overlaps counted once. */
  browserMs: number;
  /** Working time covered by calendar meetings or blocks added by hand and not already seen in the browser. */
  calendarMs: number;
  /** Working time covered by anything (browser ∪ calendar ∪ manual). */
  coveredMs: number;
  /** coveredMs / workingMs, or null without working time yet. */
  share: number | null;
}

type Interval = [number, number];

/** Total length of the union of intervals. */
function unionMs(intervals: Interval[]): number {
  if (intervals.length === 0) return 0;
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [s, e] = sorted[0]!;
  for (const [a, b] of sorted.slice(1)) {
    if (a > e) {
      total += e - s;
      s = a;
      e = b;
    } else if (b > e) e = b;
  }
  return total + (e - s);
}

export interface CoverageInput {
  segments: readonly Segment[];
  open?: readonly OpenLaneSegment[];
  /** The span, e.g. a day or a week: [from, to). Only time up to `now` counts. */
  from: number;
  to: number;
  now: number;
  workingHours: WorkingHours;
}

export function coverageOf(input: CoverageInput): Coverage {
  const limit = Math.min(input.to, input.now);
  const workingMs =
    limit > input.from
      ? workingWindows(input.from, limit, input.workingHours).reduce((a, [s, e]) => a + (e - s), 0)
      : 0;
  const inside = prepareSegments(input.segments, {
    from: input.from,
    to: input.to,
    now: input.now,
    open: input.open,
    workingHours: input.workingHours,
  });
  const browser: Interval[] = [];
  const all: Interval[] = [];
  for (const s of inside) {
    all.push([s.start, s.end]);
    if (s.source === 'browser') browser.push([s.start, s.end]);
  }
  const browserMs = unionMs(browser);
  const coveredMs = unionMs(all);
  return {
    workingMs,
    browserMs,
    calendarMs: coveredMs - browserMs,
    coveredMs,
    share: workingMs > 0 ? Math.min(1, coveredMs / workingMs) : null,
  };
}

/** The desktop-apps caveat, said plainly wherever coverage is shown. */
export const DESKTOP_APPS_NOTE =
  'Desktop apps — Slack, Zoom, Teams, Figma, Outlook — are not seen; their meetings count only when they come from your calendar.';
