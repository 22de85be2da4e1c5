/**
 * The popup's "today": which segments it reads and the report it shows, the same whether the
 * segments come from the page's early raw read (lib/db/read/early.ts, the first paint) or from the live
 * query that follows (components/data/today.ts).
 */
import type { EarlyRead } from '@/lib/db/read/early';
import { todayBounds, todayEarlyRange } from '@/lib/ui/today-range';
import type { Segment } from '@/lib/model';
import { buildDayReport } from '@/lib/report/week';
import { coverageOf, type Coverage } from '@/lib/report/coverage';
import { blockThresholdsOf, type Settings } from '@/lib/settings';
import type { DayReport, OpenLaneSegment, ReportClassifier } from '@/lib/report/types';
import { openSegmentsOf } from '@/lib/ui/tracking';

export type Today = DayReport & { coverage: Coverage };

/** Today's segments (those overlapping the local day of `dayStart`) and the tracker's open ones. */
export interface TodayRows {
  dayStart: number;
  segments: Segment[];
  open: OpenLaneSegment[];
}

/** Today's rows from an early read made with {@link todayEarlyRange} (null when it read another day). */
export function todayFromEarly(read: EarlyRead | null, now: number): TodayRows | null {
  if (!read) return null;
  const { dayStart, dayEnd } = todayBounds(now);
  const range = todayEarlyRange(now);
  const i = read.ranges.findIndex((r) => r.from === range.from && r.to === range.to);
  if (i < 0) return null;
  return {
    dayStart,
    segments: read.segments[i]!.filter((s) => s.end > dayStart && s.start < dayEnd),
    open: openSegmentsOf(read.tracker),
  };
}

/** Today's report and coverage, counted up to `now` (undefined when the rows are of another day). */
export function todayView(
  rows: TodayRows,
  settings: Settings,
  classifier: ReportClassifier,
  now: number,
): Today | undefined {
  const { dayStart, dayEnd } = todayBounds(now);
  if (rows.dayStart !== dayStart) return undefined;
  const coverage = coverageOf({
    segments: rows.segments,
    open: rows.open,
    from: dayStart,
    to: dayEnd,
    now,
    workingHours: settings.workingHours,
  });
  const report = buildDayReport({
    segments: rows.segments,
    classify: classifier,
    day: now,
    now,
    settings: { workingHours: settings.workingHours, targetShare: settings.targetShare },
    open: rows.open,
    thresholds: blockThresholdsOf(settings),
  });
  return { ...report, coverage };
}
