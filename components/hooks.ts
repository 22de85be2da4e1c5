/**
 * Data hooks shared by the pages: everything is read from IndexedDB through useLiveQuery,
 * so what the tracker (service worker) or another page writes shows up without a reload.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { getDb, loadSettings, readStatus, readTrackerState, type CreativeRatioDB } from '@/lib/db';
import { useEarlyRead } from './early-data';
import { settingsFromStored, type Settings, type WeekDay } from '@/lib/settings';
import { resolveWeekStartsOn } from '@/lib/time/week';
import { formatDuration, formatHours, formatPercent, formatPoints } from '@/lib/report/format';
import { formatClock } from '@/lib/ui/format';
import { trackingView, type TrackingView } from '@/lib/ui/tracking';

/** The person's settings (undefined while loading). */
export function useSettings(): Settings | undefined {
  const db = getDb();
  const live = useLiveQuery(() => loadSettings(db), [db]);
  const early = useEarlyRead();
  const value = live ?? (early ? settingsFromStored(early.settings) : undefined);
  return useStable(value);
}

/**
 * `value`, keeping the same object while its content (as JSON) stays the same: the live answer
 * that replaces an early read's equal value must not make every memo downstream recompute.
 * For small values only (settings, rules, the tracker checkpoint).
 */
export function useStable<T>(value: T): T {
  const key = value === undefined ? '' : JSON.stringify(value);
  // The key stands for the value.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => value, [key]);
}

/** The current time, refreshed every `intervalMs` (pages show "today" and open segments). */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') setNow(Date.now());
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(id);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [intervalMs]);
  return now;
}

/** The person's locale for numbers and dates. */
export function useLocale(): string {
  return useMemo(() => (typeof navigator !== 'undefined' && navigator.language) || 'en-US', []);
}

export interface Formatters {
  locale: string;
  /** 0.42 → "42%"; null → "–" (nothing classified). */
  share: (v: number | null) => string;
  /** Percentage points (already × 100): 4 → "+4 pts"; null → "–". */
  points: (v: number | null) => string;
  hours: (ms: number) => string;
  duration: (ms: number) => string;
  clock: (t: number) => string;
  date: (t: number) => string;
}

export function useFormatters(): Formatters {
  const locale = useLocale();
  return useMemo(() => {
    const dateFmt = new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric' });
    return {
      locale,
      share: (v) => (v === null || !Number.isFinite(v) ? '–' : formatPercent(v, locale)),
      points: (v) => (v === null || !Number.isFinite(v) ? '–' : formatPoints(v, locale)),
      hours: (ms) => formatHours(ms, locale),
      duration: (ms) => formatDuration(ms, locale),
      clock: (t) => formatClock(t, locale),
      date: (t) => dateFmt.format(new Date(t)),
    };
  }, [locale]);
}

/** Tracker state (running / paused) and any database error, live. */
export function useTracking(now: number): TrackingView | undefined {
  const db = getDb();
  const fmt = useFormatters();
  const data = useLiveQuery(async () => ({ state: await readTrackerState(db), status: await readStatus(db) }), [db]);
  return useMemo(
    () => (data ? trackingView(data.state, data.status, now, { formatClock: fmt.clock, formatDate: fmt.date }) : undefined),
    [data, now, fmt],
  );
}

/**
 * What a section that edits time needs (the calendar import, manual blocks): the database, the
 * time (ticking each minute), settings, formatters and the week start — each of the first three
 * given by the caller where it has its own (tests, the dashboard's week).
 */
export function useTimeSection(given: { db?: CreativeRatioDB; now?: number; weekStartsOn?: WeekDay }) {
  const db = given.db ?? getDb();
  const liveNow = useNow(60_000);
  const now = given.now ?? liveNow;
  const settings = useSettings();
  const fmt = useFormatters();
  const weekStartsOn = given.weekStartsOn ?? resolveWeekStartsOn(settings?.weekStartsOn ?? null, fmt.locale);
  return { db, now, settings, fmt, weekStartsOn };
}
