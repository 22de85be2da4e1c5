/**
 * The person's settings and the tracker's state, live: read from IndexedDB through useLive (live.ts),
 * so what the tracker (service worker) or another page writes shows up without a reload. Until the
 * live query answers, a page's early read (./early-data.ts) stands in.
 */
import { useLive } from './live';
import { useMemo } from 'react';
import { getDb, loadSettings, readStatus, readTrackerState, type CreativeRatioDB } from '@/lib/db';
import { useClassifier } from './classifier';
import { useEarlyRead } from './early-data';
import { useFormatters, useNow, useStable } from '../hooks';
import { settingsFromStored, type Settings, type WeekDay } from '@/lib/settings';
import { resolveWeekStartsOn } from '@/lib/time/week';
import { trackingView, type TrackingView } from '@/lib/ui/tracking';

/** The person's settings (undefined while loading). */
export function useSettings(): Settings | undefined {
  const db = getDb();
  const live = useLive(() => loadSettings(db), [db]);
  const early = useEarlyRead();
  const value = live ?? (early ? settingsFromStored(early.settings) : undefined);
  return useStable(value);
}

/** Tracker state (running / paused) and any database error, live. */
export function useTracking(now: number): TrackingView | undefined {
  const db = getDb();
  const fmt = useFormatters();
  const data = useLive(async () => ({ state: await readTrackerState(db), status: await readStatus(db) }), [db]);
  return useMemo(
    () =>
      data ? trackingView(data.state, data.status, now, { formatClock: fmt.clock, formatDate: fmt.date }) : undefined,
    [data, now, fmt],
  );
}

/**
 * What the week pages (dashboard, weekly review) start from: the database, the time (ticking every
 * 30 s), settings, formatters, the tracker's state, the live classifier and the week start (null
 * while the settings load).
 */
export function useWeekPage() {
  const db = getDb();
  const now = useNow(30_000);
  const settings = useSettings();
  const fmt = useFormatters();
  const tracking = useTracking(now);
  const live = useClassifier();
  const weekStartsOn = settings ? resolveWeekStartsOn(settings.weekStartsOn, fmt.locale) : null;
  return { db, now, settings, fmt, tracking, live, weekStartsOn };
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
