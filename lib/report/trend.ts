/**
 * The 12-week trend, from per-day summaries (daily.ts): cost grows with the weeks shown and
 * the distinct keys in them, never with the whole history.
 */
import { format } from 'date-fns';
import { effectiveClassification, memoClassifier } from '@/lib/report/classification';
import type { ClassifierInput, DaySummary, TrendPoint, WeekComparison } from '@/lib/report/types';
import { localDayStart } from '@/lib/time/days';
import { creativeShareOf, emptyTotals } from '@/lib/report/week';

export const TREND_WEEKS = 12;
/** Weeks before the current one that `compareWeeks` averages over. */
export const AVERAGE_WEEKS = 4;

export interface BuildTrendInput {
  /** Summaries of (at least) the weeks shown; others are ignored. Any order. */
  summaries: readonly DaySummary[];
  classify: ClassifierInput;
  /** First day of the last (most recent) week shown, e.g. `weekRange(now, weekStartsOn).start`. */
  weekStart: Date | number;
  /** How many weeks, default 12. */
  weeks?: number;
}

/** One point per week, oldest first; the last point is the week starting at `weekStart`. */
export function buildTrend(input: BuildTrendInput): TrendPoint[] {
  const n = input.weeks ?? TREND_WEEKS;
  const bounds = Array.from({ length: n + 1 }, (_, i) => localDayStart(input.weekStart, 7 * (i - n + 1)));
  const points: TrendPoint[] = bounds.slice(0, n).map((weekStart) => ({
    weekStart,
    week: format(weekStart, 'yyyy-MM-dd'),
    totals: emptyTotals(),
    trackedMs: 0,
    classifiedMs: 0,
    creativeShare: null,
  }));
  const memo = memoClassifier(input.classify);
  for (const s of input.summaries) {
    if (s.start < bounds[0]! || s.start >= bounds[n]!) continue;
    let w = 0;
    while (w + 1 < n && bounds[w + 1]! <= s.start) w++;
    const point = points[w]!;
    for (const e of s.entries) {
      const c = effectiveClassification(
        { host: e.host, path: e.path, origin: e.origin, override: e.override, label: e.label, at: e.firstStart },
        memo,
      );
      point.totals[c.class] += e.ms;
    }
  }
  for (const p of points) {
    const t = p.totals;
    p.trackedMs = t.creative + t.coordination + t.neutral + t.unclassified;
    p.classifiedMs = t.creative + t.coordination;
    p.creativeShare = creativeShareOf(t);
  }
  return points;
}

/**
 * Compare the week at `index` (default: the last) with the week before and with the mean
 * share of the (up to) 4 weeks before it that have data (at least `minClassifiedMs` classified). Changes are percentage points,
 * unrounded ((share − other) × 100); null when a side has no data.
 */
export function compareWeeks(
  points: readonly TrendPoint[],
  index: number = points.length - 1,
  minClassifiedMs = 0,
): WeekComparison {
  // A week with less classified time than `minClassifiedMs` has no share to compare (too early).
  const shareOf = (p: TrendPoint | undefined) => (p && p.classifiedMs >= minClassifiedMs ? p.creativeShare : null);
  const share = shareOf(points[index]);
  const lastWeekShare = index >= 1 ? shareOf(points[index - 1]) : null;
  const previous = points
    .slice(Math.max(0, index - AVERAGE_WEEKS), Math.max(0, index))
    .map(shareOf)
    .filter((s): s is number => s !== null);
  const previousAverage = previous.length > 0 ? previous.reduce((a, b) => a + b, 0) / previous.length : null;
  return {
    share,
    lastWeekShare,
    vsLastWeekPts: share !== null && lastWeekShare !== null ? (share - lastWeekShare) * 100 : null,
    previousAverage,
    averageWeeks: previous.length,
    vsAveragePts: share !== null && previousAverage !== null ? (share - previousAverage) * 100 : null,
  };
}

/**
 * The trend as shown: from the first week with any tracked time (a new install does not get a
 * chart of eleven empty weeks; the last week is always kept), and no share for a week with less
 * classified time than `minClassifiedMs` (too early to compare: a gap, not a spike).
 */
export function shownTrend(points: readonly TrendPoint[], minClassifiedMs = 0): TrendPoint[] {
  let first = points.findIndex((p) => p.trackedMs > 0);
  if (first < 0) first = Math.max(0, points.length - 1);
  return points
    .slice(first)
    .map((p) => (p.creativeShare !== null && p.classifiedMs < minClassifiedMs ? { ...p, creativeShare: null } : p));
}
