/**
 * Weeks as the pages show them: which day a week starts on, the week containing a date,
 * moving between weeks, and labels. Local time, DST-safe (date-fns calendar arithmetic,
 * never "+ 7 × 24 h"). Pure.
 */
import { addDays, addWeeks, format, startOfWeek } from 'date-fns';
import type { WeekDay } from '@/lib/settings';
import { dateTimeFormat } from '@/lib/ui/format';

/** A week key is the local date of the week's first day, `yyyy-MM-dd` (same as ReviewRow.week). */
export type WeekKey = string;

/** Local midnight starting the week that contains `t`. */
export function weekStartOf(t: number | Date, weekStartsOn: WeekDay): Date {
  return startOfWeek(t, { weekStartsOn });
}

export function weekKeyOf(t: number | Date, weekStartsOn: WeekDay): WeekKey {
  return format(weekStartOf(t, weekStartsOn), 'yyyy-MM-dd');
}

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parse a `yyyy-MM-dd` key into its local midnight; null when malformed (pages call this a lot: no date-fns parse). */
export function parseDayKey(key: string | null | undefined): Date | null {
  const m = key ? DAY_KEY.exec(key) : null;
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const date = new Date(2000, 0, 1);
  date.setFullYear(y, mo, d);
  return date.getFullYear() === y && date.getMonth() === mo && date.getDate() === d ? date : null;
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
  for (let i = 0; i < 7; i += 1) days.push(format(addDays(start, i), 'yyyy-MM-dd'));
  const bounds = { key, start: start.getTime(), end: addDays(start, 7).getTime(), days };
  if (boundsCache.size >= 512) boundsCache.clear();
  boundsCache.set(key, bounds);
  return bounds;
}

/** Keys of `count` consecutive weeks ending with (and including) `key`, oldest first. */
export function weeksEndingWith(key: WeekKey, count: number, weekStartsOn: WeekDay): WeekKey[] {
  const out: WeekKey[] = [];
  for (let i = count - 1; i >= 0; i -= 1) out.push(shiftWeek(key, -i, weekStartsOn));
  return out;
}

const rangeLabels = new Map<string, string>();

/** "Mar 3 – 9, 2025" in the person's locale (cached: formatRange is slow and pages render it often). */
export function formatWeekRange(key: WeekKey, locale?: string): string {
  const cacheKey = `${locale ?? ''}|${key}`;
  const hit = rangeLabels.get(cacheKey);
  if (hit !== undefined) return hit;
  const { start, end } = weekBounds(key);
  const label = dateTimeFormat(locale, { month: 'short', day: 'numeric', year: 'numeric' }).formatRange(new Date(start), addDays(end, -1));
  if (rangeLabels.size >= 512) rangeLabels.clear();
  rangeLabels.set(cacheKey, label);
  return label;
}

/** "Mar 3" — a short label for charts and tables. */
export function formatShortDate(key: string, locale?: string): string {
  const d = parseDayKey(key);
  return d ? dateTimeFormat(locale, { month: 'short', day: 'numeric' }).format(d) : key;
}

/** "Mon 3" — weekday and day of month, for a week's daily bars. */
export function formatDayLabel(key: string, locale?: string): string {
  const d = parseDayKey(key);
  if (!d) return key;
  const wd = dateTimeFormat(locale, { weekday: 'short' }).format(d);
  return `${wd} ${d.getDate()}`;
}

/** "Monday, March 3" — a full day name for headings. */
export function formatLongDay(key: string, locale?: string): string {
  const d = parseDayKey(key);
  return d ? dateTimeFormat(locale, { weekday: 'long', month: 'long', day: 'numeric' }).format(d) : key;
}

/** Names of the days of the week, index = WeekDay (0 = Sunday), in the person's locale. */
export function weekdayNames(locale?: string, style: 'long' | 'short' = 'long'): string[] {
  // 2023-01-01 was a Sunday.
  const fmt = dateTimeFormat(locale, { weekday: style });
  return Array.from({ length: 7 }, (_, i) => fmt.format(new Date(2023, 0, 1 + i)));
}

export type WeekRelation = 'past' | 'current' | 'future';

export function weekRelation(key: WeekKey, now: number): WeekRelation {
  const { start, end } = weekBounds(key);
  if (now < start) return 'future';
  if (now >= end) return 'past';
  return 'current';
}
