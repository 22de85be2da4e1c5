/**
 * When the person is creative: classified time by local weekday × local hour of day over a span of
 * weeks (issue #15 §3). Pure.
 *
 * - The same pipeline as the week report (open segments, clipping to `now` and to working hours when
 *   the person asked for it, overlap resolution, classification), so every cell sums to the report.
 * - Pieces are split at local hour boundaries (of the process's zone), so a
 *   piece from 9:40 to 11:10 lands 20 min in 9:00, 60 in 10:00 and 10 in 11:00. DST-safe: the
 *   repeated hour of an autumn change counts in its one cell (01:00 gets up to 2 h that day), the
 *   skipped hour of a spring change gets nothing.
 * - Only creative and coordination time is placed (not work and unclassified stay out): the
 *   grid's sums equal the range's classified totals.
 */
import { getDay } from 'date-fns';
import type { ClassName, Segment } from '@/lib/model';
import type { WeekDay, WorkingHours } from '@/lib/settings';
import { memoClassifier } from '@/lib/report/classification';
import { resolveLayers, resolveWith } from '@/lib/report/timeline';
import type { ClassifierInput, OpenLaneSegment, Piece } from '@/lib/report/types';
import { prepareSegments } from '@/lib/report/week';

const MIN = 60_000;
const HOUR = 60 * MIN;

export interface HourCell {
  creative: number;
  coordination: number;
}

export interface TimeOfDayGrid {
  /** cells[weekDay][hour] (weekDay 0 = Sunday, hour 0..23, local). */
  cells: HourCell[][];
  /** Sums of every cell. */
  totals: HourCell;
  /** The range it covers: [from, min(to, now)). */
  from: number;
  to: number;
}

export interface TimeOfDayInput {
  segments: readonly Segment[];
  classify: ClassifierInput;
  /** Usually the local midnight starting the first week. */
  from: number;
  /** Usually the local midnight after the last week. */
  to: number;
  now: number;
  workingHours: WorkingHours;
  open?: readonly OpenLaneSegment[];
}

export function emptyGrid(from = 0, to = 0): TimeOfDayGrid {
  return {
    cells: Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => ({ creative: 0, coordination: 0 }))),
    totals: { creative: 0, coordination: 0 },
    from,
    to,
  };
}

/** Add classified pieces to a grid, split at local hour boundaries. Mutates `grid`. */
export function addPieces(grid: TimeOfDayGrid, pieces: readonly Pick<Piece, 'start' | 'end' | 'class'>[]): void {
  for (const p of pieces) {
    if (p.class !== 'creative' && p.class !== 'coordination') continue;
    const cls: 'creative' | 'coordination' = p.class;
    let s = p.start;
    while (s < p.end) {
      // The start of the local hour from the local minutes (not startOfHour: in the repeated hour
      // of an autumn change, local 02:00 names the first of the two instants).
      const d = new Date(s);
      const hourStart = s - (d.getMinutes() * MIN + d.getSeconds() * 1000 + d.getMilliseconds());
      const e = Math.min(p.end, hourStart + HOUR);
      grid.cells[getDay(d)]![d.getHours()]![cls] += e - s;
      grid.totals[cls] += e - s;
      s = e;
    }
  }
}

/** Classified time by weekday × hour over [from, min(to, now)). */
export function timeOfDayGrid(input: TimeOfDayInput): TimeOfDayGrid {
  const to = Math.min(input.to, input.now);
  const grid = emptyGrid(input.from, Math.max(input.from, to));
  const wh = input.workingHours;
  const segs = prepareSegments(input.segments, {
    from: input.from,
    to: input.to,
    now: input.now,
    open: input.open,
    workingHours: wh.countOnlyInside ? wh : null,
  });
  const { pieces } = resolveWith(segs, resolveLayers(segs), memoClassifier(input.classify));
  addPieces(grid, pieces);
  return grid;
}

// ---------- what to show ----------

/** Hours shown one by one: 6:00 to 22:00. Time before and after is shown in one row each. */
export const DEFAULT_HOURS = { first: 6, end: 22 } as const;

/** A row of the grid: the local hours [from, to). */
export interface HourRow {
  from: number;
  to: number;
}

/**
 * The rows to show: one per hour from 6:00 to 22:00, plus "before 6:00" and "from 22:00" rows when
 * any shown day has classified time then (so every classified minute of the shown days is in a row).
 */
export function shownHours(grid: TimeOfDayGrid, days: readonly WeekDay[]): HourRow[] {
  const any = (from: number, to: number) =>
    days.some((d) => grid.cells[d]!.slice(from, to).some((c) => c.creative + c.coordination > 0));
  const rows: HourRow[] = [];
  if (any(0, DEFAULT_HOURS.first)) rows.push({ from: 0, to: DEFAULT_HOURS.first });
  for (let h = DEFAULT_HOURS.first; h < DEFAULT_HOURS.end; h++) rows.push({ from: h, to: h + 1 });
  if (any(DEFAULT_HOURS.end, 24)) rows.push({ from: DEFAULT_HOURS.end, to: 24 });
  return rows;
}

/** The weekdays (columns) to show, in week order from `weekStartsOn`: working days and any day with classified time. */
export function shownDays(grid: TimeOfDayGrid, workingDays: readonly WeekDay[], weekStartsOn: WeekDay): WeekDay[] {
  const out: WeekDay[] = [];
  for (let i = 0; i < 7; i++) {
    const d = ((weekStartsOn + i) % 7) as WeekDay;
    const any = grid.cells[d]!.some((c) => c.creative + c.coordination > 0);
    if (workingDays.includes(d) || any) out.push(d);
  }
  return out;
}

export type DayPart = 'night' | 'morning' | 'afternoon' | 'evening';

/** Part of the day of a local hour: morning 6–12, afternoon 12–18, evening 18–22, night otherwise. */
export function dayPartOf(hour: number): DayPart {
  if (hour >= 6 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 18) return 'afternoon';
  if (hour >= 18 && hour < 22) return 'evening';
  return 'night';
}

export interface PeakSlot {
  day: WeekDay;
  part: DayPart;
  ms: number;
}

/** (weekday, part of day) slots ranked by time of class `cls`, most first (ties: week order of the day, then part). */
export function rankSlots(grid: TimeOfDayGrid, cls: Exclude<ClassName, 'neutral' | 'unclassified'>): PeakSlot[] {
  const parts: DayPart[] = ['morning', 'afternoon', 'evening', 'night'];
  const out: PeakSlot[] = [];
  for (let d = 0; d < 7; d++) {
    const byPart = new Map<DayPart, number>();
    for (let h = 0; h < 24; h++) byPart.set(dayPartOf(h), (byPart.get(dayPartOf(h)) ?? 0) + grid.cells[d]![h]![cls]);
    for (const part of parts) {
      const ms = byPart.get(part)!;
      if (ms > 0) out.push({ day: d as WeekDay, part, ms });
    }
  }
  return out.sort((a, b) => b.ms - a.ms || a.day - b.day || parts.indexOf(a.part) - parts.indexOf(b.part));
}

const PART_PLURAL: Record<DayPart, string> = {
  morning: 'mornings',
  afternoon: 'afternoons',
  evening: 'evenings',
  night: 'nights',
};

/** Creative time needed before saying when the person is most creative. */
export const MIN_CREATIVE_FOR_READING = 2 * HOUR;

/**
 * "You are most creative on Tuesday and Thursday mornings." A second slot is named when it has at
 * least 3/4 of the first one's creative time; slots with the same part of day are joined.
 * `dayName(0..6)` gives the weekday's name. Null when there is too little creative time.
 */
export function creativePeakWords(grid: TimeOfDayGrid, dayName: (d: WeekDay) => string, weeks: number): string | null {
  if (grid.totals.creative < MIN_CREATIVE_FOR_READING) return null;
  const ranked = rankSlots(grid, 'creative');
  const top = ranked[0]!;
  const picks = [top];
  const second = ranked[1];
  if (second && second.ms >= top.ms * 0.75) picks.push(second);
  const over = weeks === 1 ? 'that week' : `over these ${weeks} weeks`;
  let where: string;
  if (picks.length === 2 && picks[0]!.part === picks[1]!.part) {
    const [a, b] = [...picks].sort((x, y) => x.day - y.day);
    where =
      a!.day === b!.day
        ? `${dayName(a!.day)} ${PART_PLURAL[a!.part]}`
        : `${dayName(a!.day)} and ${dayName(b!.day)} ${PART_PLURAL[a!.part]}`;
  } else if (picks.length === 2) {
    where = `${dayName(picks[0]!.day)} ${PART_PLURAL[picks[0]!.part]} and ${dayName(picks[1]!.day)} ${PART_PLURAL[picks[1]!.part]}`;
  } else {
    where = `${dayName(top.day)} ${PART_PLURAL[top.part]}`;
  }
  return `You are most creative on ${where} ${over}.`;
}

/** "Coordination piles up on Monday afternoons." Null without at least an hour of coordination. */
export function coordinationPeakWords(grid: TimeOfDayGrid, dayName: (d: WeekDay) => string): string | null {
  if (grid.totals.coordination < HOUR) return null;
  const top = rankSlots(grid, 'coordination')[0]!;
  return `Coordination piles up on ${dayName(top.day)} ${PART_PLURAL[top.part]}.`;
}
