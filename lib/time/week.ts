/**
 * Weeks: which day a week starts on, the week containing an instant, its key and bounds, moving
 * between weeks. Local time, DST-safe (date-fns calendar arithmetic, never "+ 7 × 24 h"); a week is
 * 7 local days (167–169 h around DST). Pure. The one week API of the report, the pages and the
 * exports; labels for weeks are in lib/ui/week.ts.
 */
import { addWeeks, format, startOfWeek } from 'date-fns';
import type { WeekDay } from '@/lib/settings';
import { localDayStart, parseDayKey } from '@/lib/time/days';

/** A week key is the local date of the week's first day, `yyyy-MM-dd` (same as ReviewRow.week). */
export type WeekKey = string;

/** Local midnight starting the week that contains `t`. */
export function weekStartOf(t: number | Date, weekStartsOn: WeekDay): Date {
  return startOfWeek(t, { weekStartsOn });
}

export function weekKeyOf(t: number | Date, weekStartsOn: WeekDay): WeekKey {
  return format(weekStartOf(t, weekStartsOn), 'yyyy-MM-dd');
}

export interface WeekBounds {
  key: WeekKey;
  /** Local midnight of the first day, epoch ms. */
  start: number;
  /** Local midnight after the last day, epoch ms (7 calendar days later; 167–169 h around DST). */
  end: number;
  /** The seven day keys, in order. */
  days: string[];
}

const boundsCache = new Map<WeekKey, WeekBounds>();

/** The week's instants and day keys (cached: pages ask for the same few weeks on every render; do not mutate). */
export function weekBounds(key: WeekKey): WeekBounds {
  const hit = boundsCache.get(key);
  if (hit) return hit;
  const start = parseDayKey(key);
  if (!start) throw new Error(`Not a week key: ${key}`);
  const days: string[] = [];
  for (let i = 0; i < 7; i += 1) days.push(format(localDayStart(start, i), 'yyyy-MM-dd'));
  const bounds = { key, start: start.getTime(), end: localDayStart(start, 7), days };
  if (boundsCache.size >= 512) boundsCache.clear();
  boundsCache.set(key, bounds);
  return bounds;
}

export interface WeekRange {
  /** Local midnight of the first day. */
  start: number;
  /** Local midnight after the seventh day. */
  end: number;
  /** yyyy-MM-dd of the first day. */
  week: string;
}

/** The local week containing `t`. */
export function weekRange(t: Date | number, weekStartsOn: WeekDay): WeekRange {
  const { key, start, end } = weekBounds(weekKeyOf(t, weekStartsOn));
  return { start, end, week: key };
}

/** Local midnight starting the week before the one starting at (the day of) `weekStart`. */
export function previousWeek(weekStart: Date | number): number {
  return localDayStart(weekStart, -7);
}

/** Local midnight starting the week after the one starting at (the day of) `weekStart`. */
export function nextWeek(weekStart: Date | number): number {
  return localDayStart(weekStart, 7);
}

/**
 * The week key to show for a requested key (from the URL or a date input): snapped to the
 * week start in force, so a stale link made with another week start still lands on a real week.
 * Falls back to the week containing `now`.
 */
export function normalizeWeekKey(key: string | null | undefined, weekStartsOn: WeekDay, now: number): WeekKey {
  const d = parseDayKey(key);
  return weekKeyOf(d ?? now, weekStartsOn);
}

export function shiftWeek(key: WeekKey, weeks: number, weekStartsOn: WeekDay): WeekKey {
  const d = parseDayKey(key) ?? new Date();
  return weekKeyOf(addWeeks(d, weeks), weekStartsOn);
}

/** Keys of `count` consecutive weeks ending with (and including) `key`, oldest first. */
export function weeksEndingWith(key: WeekKey, count: number, weekStartsOn: WeekDay): WeekKey[] {
  const out: WeekKey[] = [];
  for (let i = count - 1; i >= 0; i -= 1) out.push(shiftWeek(key, -i, weekStartsOn));
  return out;
}

export type WeekRelation = 'past' | 'current' | 'future';

export function weekRelation(key: WeekKey, now: number): WeekRelation {
  const { start, end } = weekBounds(key);
  if (now < start) return 'future';
  if (now >= end) return 'past';
  return 'current';
}

interface WeekInfoLocale {
  weekInfo?: { firstDay?: number };
  getWeekInfo?: () => { firstDay?: number };
}

/** First day of the week customary in `locale` (Intl.Locale week info; Monday when unknown). */
export function localeWeekStartsOn(locale: string): WeekDay {
  try {
    const loc = new Intl.Locale(locale) as Intl.Locale & WeekInfoLocale;
    const info = typeof loc.getWeekInfo === 'function' ? loc.getWeekInfo() : loc.weekInfo;
    const first = info?.firstDay;
    if (typeof first === 'number' && first >= 1 && first <= 7) return (first % 7) as WeekDay;
  } catch {
    // invalid locale tag: fall through
  }
  return 1;
}

/** The setting, or the locale's first day when the setting is null. */
export function resolveWeekStartsOn(setting: WeekDay | null, locale: string): WeekDay {
  return setting ?? localeWeekStartsOn(locale);
}
