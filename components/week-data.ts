/**
 * The data behind the dashboard and the weekly review: the shown week's full report, and the
 * 12-week trend from per-day summaries. Reads are live (useLiveQuery), so the tracker's writes,
 * a reclassification or an override redraw everything without a reload.
 *
 * Cost follows the week shown, not the history: the shown week's segments are read in full;
 * each of the 11 weeks before it is read once, summarised, and afterwards only its segment
 * keys are read to check the cached summaries are still current (lib/ui/summary-cache.ts).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { getDb, readTrackerState, segmentsOverlapping } from '@/lib/db';
import { segmentIdsStartingIn, segmentsStartingIn } from '@/lib/db/queries';
import { buildTrend, buildWeekReport, compareWeeks, summarizeDays, TREND_WEEKS } from '@/lib/report';
import type { DaySummary, ReportClassifier, TrendPoint, WeekComparison, WeekReport } from '@/lib/report';
import type { Segment } from '@/lib/model';
import type { Settings } from '@/lib/settings';
import { clipKey, fingerprintOf, SummaryCache } from '@/lib/ui/summary-cache';
import { weekBounds, weeksEndingWith, type WeekKey } from '@/lib/ui/week';
import { openSegmentsOf } from '@/lib/ui/tracking';
import type { WeekDay } from '@/lib/settings';

/** One cache per page (JS realm). */
export const summaryCache = new SummaryCache(64);

export interface WeekData {
  week: WeekKey;
  /** The shown week's recorded segments (for the day timeline). */
  segments: Segment[];
  report: WeekReport;
  trend: TrendPoint[];
  comparison: WeekComparison;
}

async function pastSummaries(weeks: readonly WeekKey[], workingHours: Settings['workingHours'], now: number): Promise<DaySummary[]> {
  const db = getDb();
  const clip = clipKey(workingHours);
  const wh = workingHours.countOnlyInside ? workingHours : null;
  const out: DaySummary[] = [];
  for (const week of weeks) {
    const { start, end } = weekBounds(week);
    if (start > now) continue;
    const ids = await segmentIdsStartingIn(db, start, end);
    const fp = fingerprintOf(ids);
    let summaries = summaryCache.get(week, fp, clip);
    if (!summaries) {
      const segs = ids.length ? await segmentsStartingIn(db, start, end) : [];
      summaries = summarizeDays(segs, { now, workingHours: wh });
      summaryCache.set(week, start, end, now, fp, clip, summaries);
    }
    out.push(...summaries);
  }
  return out;
}

/**
 * Everything the week view needs. `now` should change slowly (the pages tick every 30 s).
 * Returns undefined while loading.
 */
export function useWeekData(
  week: WeekKey,
  weekStartsOn: WeekDay,
  settings: Settings | undefined,
  classifier: ReportClassifier | undefined,
  now: number,
): WeekData | undefined {
  const db = getDb();
  const { start, end } = weekBounds(week);
  const isCurrent = now >= start && now < end;

  // The shown week, in full. The tracker's open segments count up to now in the current week.
  const raw = useLiveQuery(async () => {
    const segments = await segmentsOverlapping(db, start, end);
    const tracker = isCurrent ? await readTrackerState(db) : null;
    return { week, segments, open: openSegmentsOf(tracker) };
  }, [db, week, start, end, isCurrent]);

  // The weeks before it, for the trend and the comparisons (summaries, cached).
  const previousWeeks = useMemo(() => weeksEndingWith(week, TREND_WEEKS, weekStartsOn).slice(0, -1), [week, weekStartsOn]);
  const wh = settings?.workingHours;
  const whKey = wh ? clipKey(wh) : '';
  // Every earlier week is over by the time the shown one starts, so `start` is their "now":
  // they are all cacheable and the query does not re-run as the clock ticks.
  const pastNow = start;
  const past = useLiveQuery(
    async () => (wh ? { week, summaries: await pastSummaries(previousWeeks, wh, pastNow) } : undefined),
    [week, previousWeeks, whKey, pastNow],
  );

  return useMemo(() => {
    if (!raw || raw.week !== week || !past || past.week !== week || !settings || !classifier) return undefined;
    const workingHours = settings.workingHours;
    const report = buildWeekReport({
      segments: raw.segments,
      classify: classifier,
      weekStart: start,
      now,
      settings: { workingHours, targetShare: settings.targetShare },
      open: raw.open,
    });
    const current = summarizeDays(
      raw.segments.filter((s) => s.start >= start && s.start < end),
      { now, workingHours: workingHours.countOnlyInside ? workingHours : null, open: raw.open },
    );
    const trend = buildTrend({ summaries: [...past.summaries, ...current], classify: classifier, weekStart: start, weeks: TREND_WEEKS });
    return { week, segments: raw.segments, report, trend, comparison: compareWeeks(trend) };
  }, [raw, past, settings, classifier, week, start, end, now]);
}
