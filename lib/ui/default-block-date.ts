/**
 * Which day a new manual block starts on, for the week the page shows: today when the week
 * holds today, else the week's first working day (else its first day). Pure.
 */
import type { WeekDay } from '@/lib/settings';
import { parseDayKey } from '@/lib/time/days';
import { weekBounds, type WeekKey } from '@/lib/time/week';

/** A `yyyy-MM-dd` day key inside `week`. `today` is today's day key; `workingDays` as in the settings (0 = Sunday). */
export function defaultBlockDate(week: WeekKey, today: string, workingDays: readonly WeekDay[]): string {
  const { days } = weekBounds(week);
  if (days.includes(today)) return today;
  const working = new Set<number>(workingDays);
  return days.find((d) => working.has(parseDayKey(d)!.getDay())) ?? days[0]!;
}
