/**
 * Which stored ranges show a week, and which week a page opens on — shared by the reader and
 * its boot script (entrypoints/dashboard-boot.ts), which starts reading before the page's modules
 * have loaded. Pure: explicit `now`, settings and locale.
 */
import { localDayStart } from '@/lib/time/days';
import { resolveWeekStartsOn } from '@/lib/time/week';
import { settingsFromStored } from '@/lib/settings';
import { normalizeWeekKey, weekBounds, type WeekKey } from '@/lib/time/week';

export interface TimeRange {
  from: number;
  to: number;
}

/**
 * The ranges a week is read in: the whole week when finished; the days before today and today when
 * current (the tracker appends to today, so only today is read again). Keys are `from-to`.
 */
export function weekRangeKeys(week: WeekKey, now: number): string[] {
  const { start, end } = weekBounds(week);
  const isCurrent = now >= start && now < end;
  const today = isCurrent ? localDayStart(now) : end;
  return (today > start ? [rangeKey(start, today)] : []).concat(isCurrent ? [rangeKey(today, end)] : []);
}

export function rangeKey(from: number, to: number): string {
  return `${from}-${to}`;
}

export function rangeOfKey(key: string): TimeRange {
  const [from, to] = key.split('-').map(Number) as [number, number];
  return { from, to };
}

/** The ranges of the week a dashboard opens on, from the stored settings (raw row value or null). */
export function openingWeekRanges(stored: unknown, weekParam: string | null, now: number, locale: string): TimeRange[] {
  const settings = settingsFromStored(stored);
  const week = normalizeWeekKey(weekParam, resolveWeekStartsOn(settings.weekStartsOn, locale), now);
  return weekRangeKeys(week, now).map(rangeOfKey);
}
