/**
 * The data behind the dashboard and the weekly review: the shown week's full report, and the
 * 12-week trend from per-day summaries. Everything is live: the tracker's writes, a
 * reclassification, an override, a manual block or a calendar import redraw it without a reload.
 *
 * Cost follows the week shown, not the history, and a draw never waits for the trend:
 * - The shown week's segments are read from its day packs (lib/db/packs.ts), first by the page's
 *   early read (lib/db/early.ts, started by its boot script), then as a live query kept in memory
 *   (./live-ranges.ts): a write in the range (or to a row of it) re-reads it, nothing else
 *   does. In the current week, the days before today and today are separate ranges, so the tracker
 *   appending to today re-reads today only.
 * - The report of a finished week is computed once per (segments, classifier, settings) and kept;
 *   when the page is idle, the weeks before and after the shown one are read and computed ahead,
 *   so Previous / Next only render.
 * - The trend starts after the week is drawn. Each earlier week costs one read of its packs (its
 *   segment ids, the fingerprint) when its per-day summaries (`summarizeDays`) are cached — in
 *   memory, and across visits in the small `creative-ratio-ui-cache` database — and one full read
 *   plus summarising only the first time or after it changed. Classification is applied when the
 *   trend is built, so rule changes need no invalidation. The shown week's point is its report.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { getDb, readTrackerState } from '@/lib/db';
import { sameSegments } from '@/lib/db/packs';
import {
  deleteCachedWeeksAround,
  getUiCacheDb,
  pruneCachedWeeks,
  readCachedWeeks,
  segmentIdsStartingIn,
  segmentsStartingIn,
  writeCachedWeek,
} from '@/lib/db/queries';
import { buildTrend, buildWeekReport, compareWeeks, summarizeDays, TREND_WEEKS } from '@/lib/report';
import { localDayStart } from '@/lib/time/days';
import type { DaySummary, ReportClassifier, TrendPoint, WeekComparison, WeekReport } from '@/lib/report';
import type { Segment } from '@/lib/model';
import { blockThresholdsOf, type Settings, type WeekDay } from '@/lib/settings';
import { measureSince, perfNow } from '@/lib/ui/perf';
import { clipKey, fingerprintOf, SummaryCache } from '@/lib/ui/summary-cache';
import { openSegmentsOf } from '@/lib/ui/tracking';
import { shiftWeek, weekBounds, weeksEndingWith, type WeekKey } from '@/lib/time/week';
import { openingWeekRanges, rangeKey, rangeOfKey, weekRangeKeys } from '@/lib/ui/week-ranges';
import { LiveRanges, useLiveRanges, type RangeSource } from './live-ranges';
import { startEarlyRead, useEarlyRead } from './early-data';
import { useStable } from '../hooks';

/** Cached summaries older than this are recomputed (self-healing for changes a fingerprint cannot see). */
const CACHE_TTL_MS = 7 * 24 * 3_600_000;

// ----- per page (JS realm) -----

/** Segments starting in [from, to), by `from-to`: the shown week (or its two parts) and prefetched weeks. */
const rowStore = new LiveRanges<Segment[]>(12, sameSegments);
/** Fingerprints (count, sum and max of the ids) of the trend's earlier weeks, by week. */
const fingerprintStore = new LiveRanges<string>(40);
const weekSummaries = new SummaryCache(64);

function rowsSource(from: number, to: number): RangeSource<Segment[]> {
  const db = getDb();
  return {
    query: async () => {
      const t0 = perfNow();
      const rows = await segmentsStartingIn(db, from, to);
      measureSince('cr:read-rows', t0);
      return rows;
    },
  };
}

function fingerprintSource(week: WeekKey): RangeSource<string> {
  const db = getDb();
  const { start, end } = weekBounds(week);
  return {
    // Keys only: observed for inserts and deletes in the week (an override, which keeps every id,
    // is announced by the page that sets it: forgetWeekAt).
    query: async () => fingerprintOf(await segmentIdsStartingIn(db, start, end)),
    // Something was written in that week: summarise it again even if the ids look the same.
    onChange: () => weekSummaries.invalidateAt(start),
  };
}

// ----- invalidation (overrides keep every id, so the page announces them) -----

let version = 0;
const listeners = new Set<() => void>();
function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
function useCacheVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}

/** Forget the summaries cached for the week(s) around instant `t` (call before setting an override there). */
export async function forgetWeekAt(t: number): Promise<void> {
  weekSummaries.invalidateAt(t);
  await deleteCachedWeeksAround(getUiCacheDb(), t, t + 1).catch(() => undefined);
  version += 1;
  for (const fn of listeners) fn();
}

/** Forget every cached summary (after meeting rules rewrote stored meetings across many weeks). */
export async function forgetAllWeeks(): Promise<void> {
  weekSummaries.clear();
  await deleteCachedWeeksAround(getUiCacheDb(), -Infinity, Infinity).catch(() => undefined);
  version += 1;
  for (const fn of listeners) fn();
}

/** Drop cached summaries older than the retention cutoff (or than the TTL). */
export async function pruneWeekCaches(cutoff: number, now: number): Promise<void> {
  await pruneCachedWeeks(getUiCacheDb(), cutoff, now - CACHE_TTL_MS).catch(() => undefined);
}

// ----- the week's report -----

interface ReportInputs {
  classifier: ReportClassifier;
  settings: Pick<Settings, 'workingHours' | 'targetShare' | 'blockInterruptionMinutes'>;
}

/** Reports of finished weeks, by their segments array (the store keeps one array per read). */
const finishedReports = new WeakMap<
  Segment[],
  { classifier: ReportClassifier; settingsKey: string; report: WeekReport }
>();

function settingsKeyOf(s: ReportInputs['settings']): string {
  return `${clipKey(s.workingHours)}|${s.workingHours.days.join(',')}|${s.targetShare}|${s.blockInterruptionMinutes}`;
}

function computeReport(
  segments: Segment[],
  weekStart: number,
  now: number,
  open: ReturnType<typeof openSegmentsOf>,
  inputs: ReportInputs,
): WeekReport {
  const t0 = perfNow();
  const report = buildWeekReport({
    segments,
    classify: inputs.classifier,
    weekStart,
    now,
    settings: { workingHours: inputs.settings.workingHours, targetShare: inputs.settings.targetShare },
    open,
    thresholds: blockThresholdsOf(inputs.settings),
  });
  measureSince('cr:compute-week', t0);
  return report;
}

/** The report of a finished week, computed once per segments array, classifier and settings. */
function finishedReport(segments: Segment[], weekStart: number, now: number, inputs: ReportInputs): WeekReport {
  const settingsKey = settingsKeyOf(inputs.settings);
  const hit = finishedReports.get(segments);
  if (hit && hit.classifier === inputs.classifier && hit.settingsKey === settingsKey) return hit.report;
  const report = computeReport(segments, weekStart, now, [], inputs);
  finishedReports.set(segments, { classifier: inputs.classifier, settingsKey, report });
  return report;
}

function whenIdle(run: () => void): () => void {
  const g = globalThis as {
    requestIdleCallback?: (fn: () => void, o?: { timeout: number }) => number;
    cancelIdleCallback?: (id: number) => void;
  };
  if (g.requestIdleCallback && g.cancelIdleCallback) {
    const id = g.requestIdleCallback(run, { timeout: 2_000 });
    return () => g.cancelIdleCallback!(id);
  }
  const id = setTimeout(run, 200);
  return () => clearTimeout(id);
}

/** Read a finished week and compute its report ahead (the likely next week shown). */
function prefetchWeek(week: WeekKey, now: number, inputs: ReportInputs): void {
  const { start, end } = weekBounds(week);
  if (end > now) return;
  const key = rangeKey(start, end);
  rowStore.ensure(key, rowsSource(start, end));
  void rowStore.whenReady(key).then((rows) => {
    // Another idle moment for the computation (a full week is tens of milliseconds).
    whenIdle(() => {
      const t0 = perfNow();
      finishedReport(rows, start, now, inputs);
      measureSince('cr:prefetch-compute', t0);
    });
  });
}

// ----- the trend's earlier weeks -----

async function summariesOf(
  weeks: readonly WeekKey[],
  fingerprints: readonly string[],
  workingHours: Settings['workingHours'],
  now: number,
): Promise<DaySummary[]> {
  const db = getDb();
  const cache = getUiCacheDb();
  const clip = clipKey(workingHours);
  const wh = workingHours.countOnlyInside ? workingHours : null;
  // Memory first; the stored cache only for the weeks memory does not have.
  const found = weeks.map((week, i) => weekSummaries.get(week, fingerprints[i]!, clip));
  const missing = weeks.filter((_, i) => !found[i]);
  const stored = missing.length ? await readCachedWeeks(cache, missing).catch(() => missing.map(() => undefined)) : [];
  const storedByWeek = new Map(missing.map((w, i) => [w, stored[i]]));
  const results = await Promise.all(
    weeks.map(async (week, i) => {
      if (found[i]) return found[i];
      const fp = fingerprints[i]!;
      const { start, end } = weekBounds(week);
      const row = storedByWeek.get(week);
      if (row && row.fingerprint === fp && row.clip === clip && now - row.savedAt < CACHE_TTL_MS) {
        weekSummaries.set(week, start, end, end, fp, clip, row.summaries);
        return row.summaries;
      }
      const segments = fp.startsWith('n0s') ? [] : await segmentsStartingIn(db, start, end);
      const summaries = summarizeDays(segments, { now: end, workingHours: wh });
      weekSummaries.set(week, start, end, end, fp, clip, summaries);
      void writeCachedWeek(cache, {
        week,
        start,
        clip,
        count: segments.length,
        fingerprint: fp,
        savedAt: now,
        summaries,
      }).catch(() => undefined);
      return summaries;
    }),
  );
  return results.flat();
}

/** The trend point of the shown week, straight from its report (so the headline and the trend agree). */
function pointOf(report: WeekReport): TrendPoint {
  return {
    weekStart: report.weekStart,
    week: report.week,
    totals: { ...report.totals },
    trackedMs: report.trackedMs,
    classifiedMs: report.classifiedMs,
    creativeShare: report.creativeShare,
  };
}

// ----- the hook -----

function sourceOfKey(key: string): RangeSource<Segment[]> {
  const { from, to } = rangeOfKey(key);
  return rowsSource(from, to);
}

/**
 * Start reading the shown week the moment the page's script runs (call it first thing from the
 * entry, with the `week` parameter of the address): one raw IndexedDB read (lib/db/early.ts) gets
 * the settings, the rules, the tracker checkpoint and the week's day packs — the week start comes
 * from the stored settings, within the same transaction — without waiting for Dexie to open or for
 * the first render. The week's live queries start at the same time and take over when they
 * answer; an equal answer keeps the early rows, so nothing is computed twice.
 */
export function primeWeek(weekParam: string | null, now: number, locale: string): Promise<unknown> {
  return startEarlyRead(
    (stored) => openingWeekRanges(stored, weekParam, now, locale),
    (read) => {
      read.ranges.forEach((r, i) => {
        const key = rangeKey(r.from, r.to);
        rowStore.ensure(key, sourceOfKey(key));
        rowStore.seed(key, read.segments[i]!);
      });
    },
  );
}

export interface WeekData {
  week: WeekKey;
  /** The shown week's recorded segments (for the day timeline). */
  segments: Segment[];
  report: WeekReport;
  /** Null while the earlier weeks are still being summarised. */
  trend: TrendPoint[] | null;
  comparison: WeekComparison | null;
}

/**
 * Everything the week view needs. `now` should change slowly (the pages tick every 30 s).
 * Returns undefined while the shown week loads; `trend` follows once the week is drawn.
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
  const today = isCurrent ? localDayStart(now) : end;

  // The shown week: one range when finished; the days before today and today when current.
  const keys = useMemo(() => weekRangeKeys(week, today), [week, today]);
  const parts = useLiveRanges(rowStore, keys, sourceOfKey);
  const liveTracker = useLiveQuery(
    async () => (isCurrent ? ((await readTrackerState(db)) ?? null) : null),
    [db, isCurrent],
  );
  const early = useEarlyRead();
  const tracker = useStable(liveTracker !== undefined ? liveTracker : isCurrent && early ? early.tracker : undefined);
  const loaded = parts.every((p) => p !== undefined) && (!isCurrent || tracker !== undefined);
  const segments = useMemo(
    () => (loaded ? (parts.length === 1 ? parts[0]! : parts.flatMap((p) => p!)) : undefined),
    [loaded, parts],
  );

  const inputs = useMemo<ReportInputs | null>(
    () =>
      settings && classifier
        ? {
            classifier,
            settings: {
              workingHours: settings.workingHours,
              targetShare: settings.targetShare,
              blockInterruptionMinutes: settings.blockInterruptionMinutes,
            },
          }
        : null,
    [settings, classifier],
  );
  const report = useMemo(() => {
    if (!segments || !inputs) return undefined;
    if (!isCurrent && now >= end) return finishedReport(segments, start, now, inputs);
    return computeReport(segments, start, now, openSegmentsOf(tracker ?? null), inputs);
  }, [segments, inputs, isCurrent, now, end, start, tracker]);

  // Once the week is drawn: get the neighbours ready while idle (Previous is the usual next step).
  const hasReport = report !== undefined;
  useEffect(() => {
    if (!hasReport || !inputs) return;
    return whenIdle(() => {
      prefetchWeek(shiftWeek(week, -1, weekStartsOn), now, inputs);
      prefetchWeek(shiftWeek(week, 1, weekStartsOn), now, inputs);
    });
    // `now` only matters for "is that week over", which a 30-second tick does not change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hasReport, week, weekStartsOn, inputs]);

  // The trend's earlier weeks, watched only once the week itself is there (never competing with its read).
  const previousWeeks = useMemo(
    () => weeksEndingWith(week, TREND_WEEKS, weekStartsOn).slice(0, -1),
    [week, weekStartsOn],
  );
  const fingerprints = useLiveRanges(fingerprintStore, report ? previousWeeks : [], (w) => fingerprintSource(w));
  const wh = settings?.workingHours;
  const whKey = wh ? clipKey(wh) : '';
  const fpReady =
    report !== undefined && fingerprints.length === previousWeeks.length && fingerprints.every((f) => f !== undefined);
  const pastKey = fpReady && wh ? `${week}|${whKey}|${fingerprints.join(',')}|${cacheVersion}` : '';
  const [past, setPast] = useState<{ key: string; summaries: DaySummary[] } | null>(null);
  useEffect(() => {
    if (!pastKey || !wh) return;
    let cancelled = false;
    const t0 = perfNow();
    void summariesOf(previousWeeks, fingerprints as string[], wh, Date.now()).then((summaries) => {
      measureSince('cr:summaries', t0);
      if (!cancelled) setPast({ key: pastKey, summaries });
    });
    return () => {
      cancelled = true;
    };
    // pastKey stands for the weeks, their fingerprints, the clipping and invalidations.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pastKey]);

  // After the trend: summarise the week the trend needs after Previous, when idle.
  const trendReady = past !== null && past.key === pastKey && pastKey !== '';
  useEffect(() => {
    if (!trendReady || !wh) return;
    return whenIdle(() => {
      const w = shiftWeek(week, -TREND_WEEKS, weekStartsOn);
      fingerprintStore.ensure(w, fingerprintSource(w));
      void fingerprintStore.whenReady(w).then((fp) => summariesOf([w], [fp], wh, Date.now()));
    });
    // whKey stands for wh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [trendReady, week, weekStartsOn, whKey]);

  const trend = useMemo(() => {
    if (!report || !inputs || !trendReady) return null;
    const t0 = perfNow();
    const points = buildTrend({
      summaries: past.summaries,
      classify: inputs.classifier,
      weekStart: start,
      weeks: TREND_WEEKS,
    });
    points[points.length - 1] = pointOf(report);
    measureSince('cr:compute-trend', t0);
    return points;
  }, [report, inputs, trendReady, past, start]);

  return useMemo(() => {
    if (!segments || !report) return undefined;
    // A week (this one or one before) with too little classified time is not compared (settings.enoughData).
    const minWeekMs = (settings?.enoughData.weekMinutes ?? 0) * 60_000;
    return { week, segments, report, trend, comparison: trend ? compareWeeks(trend, undefined, minWeekMs) : null };
  }, [segments, report, trend, week, settings?.enoughData.weekMinutes]);
}
