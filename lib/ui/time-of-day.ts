/**
 * View model of the "When you are creative" grid (weekday × hour of day) and its table. Pure.
 */
import type { WeekDay } from '@/lib/settings';
import {
  coordinationPeakWords,
  creativePeakWords,
  shownDays,
  shownHours,
  type HourRow,
  type TimeOfDayGrid,
} from '@/lib/report/time-of-day';
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
  /** Rows: one hour each from 6:00 to 22:00, and "before 6:00" / "from 22:00" when there is time then. */
  hours: Array<{ key: string; label: string; short: string }>;
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
export function hourLabel(hour: number, locale: string, to = hour + 1): string {
  const f = dateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
  return `${f.format(new Date(2024, 0, 8, hour))}–${f.format(new Date(2024, 0, 8, to))}`;
}

/** "9 AM" / "09" — the row label beside the grid. */
function shortHour(hour: number, locale: string): string {
  return dateTimeFormat(locale, { hour: 'numeric' }).format(new Date(2024, 0, 8, hour));
}

function rowLabels(row: HourRow, locale: string): { label: string; short: string } {
  const clock = (h: number) =>
    dateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(new Date(2024, 0, 8, h));
  if (row.from === 0 && row.to !== 1)
    return { label: `before ${clock(row.to)}`, short: `< ${shortHour(row.to, locale)}` };
  if (row.to === 24 && row.from !== 23)
    return { label: `from ${clock(row.from)}`, short: `${shortHour(row.from, locale)} +` };
  return { label: hourLabel(row.from, locale, row.to), short: shortHour(row.from, locale) };
}

export function timeOfDayView(
  grid: TimeOfDayGrid,
  workingDays: readonly WeekDay[],
  weekStartsOn: WeekDay,
  weeks: number,
  fmt: TimeOfDayFormat,
): TimeOfDayView {
  const days = shownDays(grid, workingDays, weekStartsOn).map((day) => ({
    day,
    name: weekDayName(day, fmt.locale),
    short: weekDayName(day, fmt.locale, 'short'),
  }));
  const hourRows = shownHours(
    grid,
    days.map((d) => d.day),
  );
  const hours = hourRows.map((r) => ({ key: `${r.from}-${r.to}`, ...rowLabels(r, fmt.locale) }));
  const sumOf = (day: WeekDay, r: HourRow) =>
    grid.cells[day]!.slice(r.from, r.to).reduce(
      (a, c) => ({ creative: a.creative + c.creative, coordination: a.coordination + c.coordination }),
      { creative: 0, coordination: 0 },
    );
  // Intensity relative to the busiest single-hour cell (a grouped row can exceed 1: capped).
  let max = 0;
  for (const d of days)
    for (const r of hourRows) {
      if (r.to - r.from !== 1) continue;
      const c = sumOf(d.day, r);
      max = Math.max(max, c.creative + c.coordination);
    }
  const rows = hourRows.map((r, ri) =>
    days.map((d): TodCell => {
      const h = hours[ri]!;
      const c = sumOf(d.day, r);
      const total = c.creative + c.coordination;
      const share = total > 0 ? c.creative / total : null;
      const where = `${d.name} ${h.label}`;
      return {
        creativeMs: c.creative,
        coordinationMs: c.coordination,
        share,
        intensity: max > 0 ? Math.min(1, total / max) : 0,
        text: share === null ? '' : fmt.share(share),
        tableText: `${fmt.duration(c.creative)} / ${fmt.duration(c.coordination)}`,
        label:
          share === null
            ? `${where}: nothing classified`
            : `${where}: ${fmt.duration(c.creative)} creative, ${fmt.duration(c.coordination)} coordination (${fmt.share(share)} creative)`,
      };
    }),
  );
  const name = (d: WeekDay) => weekDayName(d, fmt.locale);
  const reading = [creativePeakWords(grid, name, weeks), coordinationPeakWords(grid, name)].filter(
    (s): s is string => s !== null,
  );
  return { days, hours, rows, hasData: grid.totals.creative + grid.totals.coordination > 0, reading };
}
