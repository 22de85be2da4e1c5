/**
 * The data behind the dashboard and the weekly review: the shown week's full report, and the
 * 12-week trend from per-day summaries. Reads are live (useLiveQuery), so the tracker's writes,
 * a reclassification or an override redraw everything without a reload.
 *
 * Cost follows the week shown, not the history:
 * - the shown week's segments are read in full (a finished week's are kept in memory while its
 *   segment count is unchanged, and the week before the shown one is prefetched when idle);
 * - each of the 11 weeks before it costs one indexed count when its summaries are cached (in
 *   memory, and in the small `creative-ratio-ui-cache` database across visits), and one full read
 *   plus summarising only the first time or after it changed.
 * Classification is applied when summaries are read, so rule changes need no cache invalidation.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { getDb, readTrackerState, segmentsOverlapping } from '@/lib/db';
import {
  countSegmentsStartingIn,
  deleteCachedWeeksAround,
  getUiCacheDb,
  pruneCachedWeeks,
  readCachedWeeks,
  segmentsStartingIn,
  writeCachedWeek,
} from '@/lib/db/queries';
import { buildTrend, buildWeekReport, compareWeeks, summarizeDays, TREND_WEEKS } from '@/lib/report';
import type { DaySummary, ReportClassifier, TrendPoint, WeekComparison, WeekReport } from '@/lib/report';
import type { Segment } from '@/lib/model';
import type { Settings, WeekDay } from '@/lib/settings';
import { clipKey, fingerprintOfCount, SummaryCache } from '@/lib/ui/summary-cache';
import { openSegmentsOf } from '@/lib/ui/tracking';
import { shiftWeek, weekBounds, weeksEndingWith, type WeekKey } from '@/lib/ui/week';

/** Cached summaries older than this are recomputed (self-healing for changes a count cannot see). */
const CACHE_TTL_MS = 7 * 24 * 3_600_000;
const RAW_WEEKS_KEPT = 16;

/** One cache per page (JS realm). */
const weekSummaries = new SummaryCache(64);
const rawWeeks = new Map<WeekKey, { count: number; segments: Segment[] }>();

function keepRaw(week: WeekKey, count: number, segments: Segment[]): void {
  rawWeeks.delete(week);
  rawWeeks.set(week, { count, segments });
  while (rawWeeks.size > RAW_WEEKS_KEPT) rawWeeks.delete(rawWeeks.keys().next().value!);
}

// ----- invalidation (overrides keep the segment count, so they are announced explicitly) -----

let version = 0;
const listeners = new Set<() => void>();
function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Forget everything cached about the week(s) around instant `t` (call before setting an override there). */
export async function forgetWeekAt(t: number): Promise<void> {
  weekSummaries.invalidateAt(t);
  for (const [week, _] of rawWeeks) {
    const { start, end } = weekBounds(week);
    if (t >= start && t < end) rawWeeks.delete(week);
  }
  await deleteCachedWeeksAround(getUiCacheDb(), t, t + 1).catch(() => undefined);
  version += 1;
  for (const fn of listeners) fn();
}

/** Drop cached summaries older than the retention cutoff (or than the TTL). */
export async function pruneWeekCaches(cutoff: number, now: number): Promise<void> {
  await pruneCachedWeeks(getUiCacheDb(), cutoff, now - CACHE_TTL_MS).catch(() => undefined);
}

function useCacheVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}

// ----- loading -----

async function summariesOf(weeks: readonly WeekKey[], counts: readonly number[], workingHours: Settings['workingHours'], now: number): Promise<DaySummary[]> {
  const db = getDb();
  const cache = getUiCacheDb();
  const clip = clipKey(workingHours);
  const wh = workingHours.countOnlyInside ? workingHours : null;
  // Memory first; the stored cache only for the weeks memory does not have.
  const found = weeks.map((week, i) => weekSummaries.get(week, fingerprintOfCount(counts[i] ?? 0), clip));
  const missing = weeks.filter((_, i) => !found[i]);
  const stored = missing.length ? await readCachedWeeks(cache, missing).catch(() => missing.map(() => undefined)) : [];
  const storedByWeek = new Map(missing.map((w, i) => [w, stored[i]]));
  const results = await Promise.all(
    weeks.map(async (week, i) => {
      if (found[i]) return found[i];
      const count = counts[i] ?? 0;
      const fp = fingerprintOfCount(count);
      const { start, end } = weekBounds(week);
      const row = storedByWeek.get(week);
      if (row && row.count === count && row.clip === clip && now - row.savedAt < CACHE_TTL_MS) {
        weekSummaries.set(week, start, end, end, fp, clip, row.summaries);
        return row.summaries;
      }
      const segments = count > 0 ? await segmentsStartingIn(db, start, end) : [];
      const summaries = summarizeDays(segments, { now: end, workingHours: wh });
      weekSummaries.set(week, start, end, end, fp, clip, summaries);
      keepRaw(week, segments.length, segments);
      void writeCachedWeek(cache, { week, start, clip, count, savedAt: now, summaries }).catch(() => undefined);
      return summaries;
    }),
  );
  return results.flat();
}

function whenIdle(run: () => Promise<unknown>): void {
  const idle = (globalThis as { requestIdleCallback?: (fn: () => void) => void }).requestIdleCallback;
  if (idle) idle(() => void run().catch(() => undefined));
  else setTimeout(() => void run().catch(() => undefined), 200);
}

/** Summarise one more week into the caches when idle (the week the trend needs after Previous). */
function prefetchSummary(week: WeekKey, workingHours: Settings['workingHours']): void {
  whenIdle(async () => {
    const { start, end } = weekBounds(week);
    const count = await countSegmentsStartingIn(getDb(), start, end);
    await summariesOf([week], [count], workingHours, Date.now());
  });
}

/** Read a finished week's segments into memory when the page is idle (the likely next week shown). */
function prefetchWeek(week: WeekKey): void {
  whenIdle(async () => {
    const db = getDb();
    const { start, end } = weekBounds(week);
    const count = await countSegmentsStartingIn(db, start, end);
    if (rawWeeks.get(week)?.count === count) return;
    keepRaw(week, count, count > 0 ? await segmentsStartingIn(db, start, end) : []);
  });
}

export interface WeekData {
  week: WeekKey;
  /** The shown week's recorded segments (for the day timeline). */
  segments: Segment[];
  report: WeekReport;
  /** Null while the earlier weeks are still being summarised (first visit). */
  trend: TrendPoint[] | null;
  comparison: WeekComparison | null;
}

/**
 * Everything the week view needs. `now` should change slowly (the pages tick every 30 s).
 * Returns undefined while the shown week loads; `trend` may follow a moment later.
 */
export function useWeekData(
  week: WeekKey,
  weekStartsOn: WeekDay,
  settings: Settings | undefined,
  classifier: ReportClassifier | undefined,
  now: number,
): WeekData | undefined {
  const db = getDb();
  const cacheVersion = useCacheVersion();
  const { start, end } = weekBounds(week);
  const isCurrent = now >= start && now < end;

  // The shown week, in full. The tracker's open segments count up to now in the current week.
  const raw = useLiveQuery(async () => {
    if (!isCurrent && now >= end) {
      const count = await countSegmentsStartingIn(db, start, end);
      const kept = rawWeeks.get(week);
      if (kept && kept.count === count) return { week, segments: kept.segments, open: [] };
      const segments = await segmentsStartingIn(db, start, end);
      keepRaw(week, segments.length, segments);
      return { week, segments, open: [] };
    }
    const segments = await segmentsOverlapping(db, start, end);
    const tracker = isCurrent ? await readTrackerState(db) : null;
    return { week, segments, open: openSegmentsOf(tracker) };
  }, [db, week, start, end, isCurrent, cacheVersion]);

  // The weeks before it: one indexed count each (observed, so a change re-runs this), then summaries.
  const previousWeeks = useMemo(() => weeksEndingWith(week, TREND_WEEKS, weekStartsOn).slice(0, -1), [week, weekStartsOn]);
  const counts = useLiveQuery(
    async () => ({
      week,
      counts: await Promise.all(previousWeeks.map((w) => weekBounds(w)).map((b) => countSegmentsStartingIn(db, b.start, b.end))),
    }),
    [db, week, previousWeeks, cacheVersion],
  );
  const wh = settings?.workingHours;
  const whKey = wh ? clipKey(wh) : '';
  const [past, setPast] = useState<{ key: string; summaries: DaySummary[] } | null>(null);
  const pastKey = counts && wh ? `${week}|${whKey}|${counts.counts.join(',')}|${cacheVersion}` : '';
  useEffect(() => {
    if (!counts || counts.week !== week || !wh) return;
    let cancelled = false;
    void summariesOf(previousWeeks, counts.counts, wh, Date.now()).then((summaries) => {
      if (!cancelled) setPast({ key: pastKey, summaries });
    });
    return () => {
      cancelled = true;
    };
    // pastKey captures counts, clipping and invalidations.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pastKey]);

  // Once the shown week and its trend are drawn, get ready for Previous (the usual next step) while
  // idle: the week before it in full, and the week before the trend's oldest as summaries.
  const trendReady = past?.key === pastKey && pastKey !== '';
  useEffect(() => {
    if (raw?.week !== week || !trendReady || !wh) return;
    prefetchWeek(shiftWeek(week, -1, weekStartsOn));
    prefetchSummary(shiftWeek(week, -TREND_WEEKS, weekStartsOn), wh);
    // whKey stands for wh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [raw, week, weekStartsOn, trendReady, whKey]);

  const report = useMemo(() => {
    if (!raw || raw.week !== week || !settings || !classifier) return undefined;
    return buildWeekReport({
      segments: raw.segments,
      classify: classifier,
      weekStart: start,
      now,
      settings: { workingHours: settings.workingHours, targetShare: settings.targetShare },
      open: raw.open,
    });
  }, [raw, week, settings, classifier, start, now]);

  const trend = useMemo(() => {
    if (!raw || raw.week !== week || !settings || !classifier || !past || past.key !== pastKey) return null;
    const workingHours = settings.workingHours;
    const current = summarizeDays(
      raw.segments.filter((s) => s.start >= start && s.start < end),
      { now, workingHours: workingHours.countOnlyInside ? workingHours : null, open: raw.open },
    );
    return buildTrend({ summaries: [...past.summaries, ...current], classify: classifier, weekStart: start, weeks: TREND_WEEKS });
  }, [raw, week, settings, classifier, past, pastKey, start, end, now]);

  return useMemo(() => {
    if (!raw || !report) return undefined;
    return { week, segments: raw.segments, report, trend, comparison: trend ? compareWeeks(trend) : null };
  }, [raw, report, trend, week]);
}
