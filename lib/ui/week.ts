/**
 * Labels for weeks and days as the pages show them, in the person's locale (cached where pages
 * render them often). The week arithmetic itself is lib/time/week.ts. Pure.
 */
import { addDays } from 'date-fns';
import { parseDayKey } from '@/lib/time/days';
import { weekBounds, type WeekKey } from '@/lib/time/week';
import { dateTimeFormat } from '@/lib/ui/format';

const rangeLabels = new Map<string, string>();

/** "Mar 3 – 9, 2025" in the person's locale (cached: formatRange is slow and pages render it often). */
export function formatWeekRange(key: WeekKey, locale?: string): string {
  const cacheKey = `${locale ?? ''}|${key}`;
  const hit = rangeLabels.get(cacheKey);
  if (hit !== undefined) return hit;
  const { start, end } = weekBounds(key);
  const label = dateTimeFormat(locale, { month: 'short', day: 'numeric', year: 'numeric' }).formatRange(
    new Date(start),
    addDays(end, -1),
  );
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
