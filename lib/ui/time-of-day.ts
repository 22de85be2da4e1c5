/**
 * View model of the "When you are creative" grid (weekday × hour of day) and its table. Pure.
 */
import type { WeekDay } from '@/lib/settings';
import { coordinationPeakWords, creativePeakWords, shownDays, shownHours, type TimeOfDayGrid } from '@/lib/report/time-of-day';
import { dateTimeFormat } from './format';

export interface TimeOfDayFormat {
  locale: string;
  duration: (ms: number) => string;
  share: (v: number | null) => string;
}

export interface TodCell {
  creativeMs: number;
  coordinationMs: number;
  /** creative ÷ classified; null when empty. */
  share: number | null;
  /** 0..1: the cell's classified time relative to the busiest cell. */
  intensity: number;
  /** Text shown in the cell ("65 %"), empty when empty. */
  text: string;
  /** In the table: "2 h 10 min / 40 min" (creative / coordination). */
  tableText: string;
  /** Text alternative: "Tuesday 9:00–10:00: 2 h 10 min creative, 40 min coordination (76 % creative)". */
  label: string;
}

export interface TimeOfDayView {
  days: Array<{ day: WeekDay; name: string; short: string }>;
  hours: Array<{ hour: number; label: string }>;
  /** rows[hourIndex][dayIndex]. */
  rows: TodCell[][];
  hasData: boolean;
  /** Plain-words reading (empty when there is too little data). */
  reading: string[];
}

/** A day of a week with that weekday (2024-01-07 was a Sunday). */
function dateOfWeekDay(d: WeekDay): Date {
  return new Date(2024, 0, 7 + d, 12);
}

export function weekDayName(d: WeekDay, locale: string, width: 'long' | 'short' = 'long'): string {
  return dateTimeFormat(locale, { weekday: width }).format(dateOfWeekDay(d));
}

/** "9:00–10:00" in the locale's clock. */
export function hourLabel(hour: number, locale: string): string {
  const f = dateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
  return `${f.format(new Date(2024, 0, 8, hour))}–${f.format(new Date(2024, 0, 8, hour + 1))}`;
}

export function timeOfDayView(grid: TimeOfDayGrid, workingDays: readonly WeekDay[], weekStartsOn: WeekDay, weeks: number, fmt: TimeOfDayFormat): TimeOfDayView {
  const days = shownDays(grid, workingDays, weekStartsOn).map((day) => ({ day, name: weekDayName(day, fmt.locale), short: weekDayName(day, fmt.locale, 'short') }));
  const hours = shownHours(
    grid,
    days.map((d) => d.day),
  ).map((hour) => ({ hour, label: hourLabel(hour, fmt.locale) }));
  let max = 0;
  for (const d of days) for (const h of hours) {
    const c = grid.cells[d.day]![h.hour]!;
    max = Math.max(max, c.creative + c.coordination);
  }
  const rows = hours.map((h) =>
    days.map((d): TodCell => {
      const c = grid.cells[d.day]![h.hour]!;
      const total = c.creative + c.coordination;
      const share = total > 0 ? c.creative / total : null;
      const where = `${d.name} ${h.label}`;
      return {
        creativeMs: c.creative,
        coordinationMs: c.coordination,
        share,
        intensity: max > 0 ? total / max : 0,
        text: share === null ? '' : fmt.share(share),
        tableText: `${fmt.duration(c.creative)} / ${fmt.duration(c.coordination)}`,
        label: share === null ? `${where}: nothing classified` : `${where}: ${fmt.duration(c.creative)} creative, ${fmt.duration(c.coordination)} coordination (${fmt.share(share)} creative)`,
      };
    }),
  );
  const name = (d: WeekDay) => weekDayName(d, fmt.locale);
  const reading = [creativePeakWords(grid, name, weeks), coordinationPeakWords(grid, name)].filter((s): s is string => s !== null);
  return { days, hours, rows, hasData: grid.totals.creative + grid.totals.coordination > 0, reading };
}
