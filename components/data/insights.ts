/**
 * The data of the dashboard's insight cards (fragmentation over the weeks, when you are creative):
 * the weeks before the shown one are read once per (week, span) — only when the cards come near the
 * viewport — and combined with the shown week's live report and segments.
 */
import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import { getDb } from '@/lib/db';
import { segmentsStartingIn } from '@/lib/db/read/queries';
import { buildWeekReport } from '@/lib/report';
import type { ReportClassifier } from '@/lib/report';
import { fragmentationPoint, type FragmentationPoint } from '@/lib/report/fragmentation';
import { emptyGrid, timeOfDayGrid, type TimeOfDayGrid } from '@/lib/report/time-of-day';
import type { Segment } from '@/lib/model';
import { blockThresholdsOf, type Settings, type WeekDay } from '@/lib/settings';
import { measureSince, perfNow } from '@/lib/ui/perf';
import { weekBounds, weeksEndingWith, type WeekKey } from '@/lib/time/week';
import type { WeekData } from './week-data';

export interface InsightsData {
  weeks: WeekKey[];
  points: FragmentationPoint[];
  grid: TimeOfDayGrid;
}

interface PastResult {
  key: string;
  points: FragmentationPoint[];
  grid: TimeOfDayGrid;
}

function sumGrids(a: TimeOfDayGrid, b: TimeOfDayGrid): TimeOfDayGrid {
  const out = emptyGrid(Math.min(a.from, b.from), Math.max(a.to, b.to));
  for (const g of [a, b]) {
    for (let d = 0; d < 7; d++)
      for (let h = 0; h < 24; h++) {
        const c = g.cells[d]![h]!;
        out.cells[d]![h]!.creative += c.creative;
        out.cells[d]![h]!.coordination += c.coordination;
      }
    out.totals.creative += g.totals.creative;
    out.totals.coordination += g.totals.coordination;
  }
  return out;
}

function computePast(
  segments: Segment[],
  weeks: WeekKey[],
  now: number,
  settings: Settings,
  classifier: ReportClassifier,
): Omit<PastResult, 'key'> {
  const t0 = perfNow();
  const reportSettings = { workingHours: settings.workingHours, targetShare: settings.targetShare };
  const thresholds = blockThresholdsOf(settings);
  let grid = emptyGrid();
  const points = weeks.map((w) => {
    const { start, end } = weekBounds(w);
    const own = segments.filter((s) => s.start >= start && s.start < end);
    const report = buildWeekReport({
      segments: own,
      classify: classifier,
      weekStart: start,
      now,
      settings: reportSettings,
      thresholds,
    });
    const g = timeOfDayGrid({
      segments: own,
      classify: classifier,
      from: start,
      to: end,
      now,
      workingHours: settings.workingHours,
    });
    grid = sumGrids(grid, g);
    return fragmentationPoint(report);
  });
  measureSince('cr:compute-insights', t0);
  return { points, grid };
}

/**
 * Fragmentation points of the `span` weeks ending with the shown one, and their weekday × hour grid.
 * Undefined until `enabled` and the earlier weeks are read and computed.
 */
export function useInsightsData(
  enabled: boolean,
  shown: WeekData,
  span: number,
  weekStartsOn: WeekDay,
  settings: Settings,
  classifier: ReportClassifier,
  now: number,
): InsightsData | undefined {
  const weeks = useMemo(() => weeksEndingWith(shown.week, span, weekStartsOn), [shown.week, span, weekStartsOn]);
  const settingsKey = `${settings.workingHours.countOnlyInside}|${settings.workingHours.days.join(',')}|${settings.workingHours.startMinute}-${settings.workingHours.endMinute}|${settings.blockInterruptionMinutes}`;
  const key = `${weeks.join(',')}|${settingsKey}`;
  const [past, setPast] = useState<PastResult | null>(null);
  const [pastClassifier, setPastClassifier] = useState<ReportClassifier | null>(null);

  // The settings of the latest render: those that matter are part of `key`, so others changing
  // (the target share, the theme…) never read the weeks again.
  const compute = useEffectEvent((segments: Segment[], earlier: WeekKey[], classify: ReportClassifier) =>
    computePast(segments, earlier, Date.now(), settings, classify),
  );
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const earlier = weeks.slice(0, -1);
    const to = weekBounds(weeks.at(-1)!).start;
    const from = earlier.length ? weekBounds(earlier[0]!).start : to;
    void (async () => {
      const segments = earlier.length ? await segmentsStartingIn(getDb(), from, to) : [];
      // After the read, in its own task: never inside a week switch's frame.
      await new Promise((r) => setTimeout(r, 0));
      if (cancelled) return;
      const result = compute(segments, earlier, classifier);
      if (cancelled) return;
      setPast({ key, ...result });
      setPastClassifier(classifier);
    })();
    return () => {
      cancelled = true;
    };
  }, [enabled, key, weeks, classifier]);

  const shownGrid = useMemo(() => {
    if (!enabled) return null;
    const { start, end } = weekBounds(shown.week);
    return timeOfDayGrid({
      segments: shown.segments,
      classify: classifier,
      from: start,
      to: end,
      now,
      workingHours: settings.workingHours,
    });
  }, [enabled, shown.segments, shown.week, classifier, now, settings.workingHours]);

  return useMemo(() => {
    if (!past || past.key !== key || pastClassifier !== classifier || !shownGrid) return undefined;
    const grid = sumGrids(past.grid, shownGrid);
    return { weeks, points: [...past.points, fragmentationPoint(shown.report)], grid };
  }, [past, key, pastClassifier, classifier, shownGrid, weeks, shown.report]);
}
