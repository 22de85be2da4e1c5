/**
 * The data behind the dashboard and the weekly review, as thin hooks over the page's reader
 * (lib/db/read/reader.ts, which owns every cache and says what each read costs): the shown week's
 * report (`useWeek`), the 12-week trend (`useTrend`), both together (`useWeekData`). Everything is
 * live: the tracker's writes, a reclassification, an override, a manual block or a calendar
 * import redraw it without a reload.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { getDb } from '@/lib/db';
import { readerFor, weekData, type Reader, type Watch, type WeekData, type WeekView } from '@/lib/db/read/reader';
import type { ReportClassifier, TrendPoint } from '@/lib/report';
import type { Settings, WeekDay } from '@/lib/settings';
import type { WeekKey } from '@/lib/time/week';

export type { WeekData, WeekView };

/** The reader of the page's database (one per database: every section shares its caches). */
export function useReader(): Reader {
  return readerFor(getDb());
}

/** Start reading the week the dashboard opens on, first thing in its entry (Reader.primeWeek). */
export function primeWeek(weekParam: string | null, now: number, locale: string): Promise<unknown> {
  return readerFor(getDb()).primeWeek(weekParam, now, locale);
}

/** Forget the summaries cached for the week(s) around instant `t` (call before setting an override there). */
export function forgetWeekAt(t: number): Promise<void> {
  return readerFor(getDb()).forgetWeekAt(t);
}

/** Forget every cached summary (after meeting rules rewrote stored meetings across many weeks). */
export function forgetAllWeeks(): Promise<void> {
  return readerFor(getDb()).forgetAllWeeks();
}

/** Drop cached summaries older than the retention cutoff (or than the TTL). */
export function pruneWeekCaches(cutoff: number, now: number): Promise<void> {
  return readerFor(getDb()).pruneWeekCaches(cutoff, now);
}

const nothing = () => () => undefined;

/** The value of `watch`, live (`fallback` while there is no watch). */
function useWatch<T>(watch: Watch<T> | null, fallback: T): T {
  return useSyncExternalStore(watch ? watch.subscribe : nothing, watch ? watch.get : () => fallback);
}

/** The shown week's segments and report (undefined while it loads, or without settings and rules). */
export function useWeek(
  week: WeekKey,
  weekStartsOn: WeekDay,
  settings: Settings | undefined,
  classifier: ReportClassifier | undefined,
  now: number,
): WeekView | undefined {
  const reader = useReader();
  const watch = useMemo(
    () => (settings && classifier ? reader.week(week, { now, weekStartsOn, settings, classifier }) : null),
    [reader, week, now, weekStartsOn, settings, classifier],
  );
  return useWatch(watch, undefined);
}

/** The 12-week trend ending with `week`, once `enabled` (null while it is summarised). */
export function useTrend(
  week: WeekKey,
  weekStartsOn: WeekDay,
  settings: Settings | undefined,
  classifier: ReportClassifier | undefined,
  enabled: boolean,
): TrendPoint[] | null {
  const reader = useReader();
  const workingHours = settings?.workingHours;
  const watch = useMemo(
    () =>
      enabled && workingHours && classifier ? reader.trend(week, { weekStartsOn, workingHours, classifier }) : null,
    [reader, enabled, week, weekStartsOn, workingHours, classifier],
  );
  return useWatch(watch, null);
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
  const view = useWeek(week, weekStartsOn, settings, classifier, now);
  // The trend's earlier weeks, watched only once the week itself is there (never competing with its read).
  const trend = useTrend(week, weekStartsOn, settings, classifier, view !== undefined);
  // A week (this one or one before) with too little classified time is not compared (settings.enoughData).
  const minWeekMs = (settings?.enoughData.weekMinutes ?? 0) * 60_000;
  return useMemo(() => (view ? weekData(view, trend, minWeekMs) : undefined), [view, trend, minWeekMs]);
}
