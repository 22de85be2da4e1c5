/**
 * Local-day arithmetic with date-fns, DST-safe. "Local" is the time zone the code runs in
 * (the browser's); tests pin it with TZ.
 */
import { addDays, format, startOfDay } from 'date-fns';

/** `yyyy-MM-dd` of the local day that contains instant `t` (epoch ms). */
export function dayKey(t: number): string {
  return format(t, 'yyyy-MM-dd');
}

/** Epoch ms of the local midnight that starts the day after the one containing `t`. */
export function nextLocalMidnight(t: number): number {
  // startOfDay again: on a day that starts at 01:00 (DST at midnight, e.g. São Paulo 2018) adding a
  // day to the day start keeps the 01:00 time of day.
  return startOfDay(addDays(startOfDay(t), 1)).getTime();
}

export interface DayPiece {
  start: number;
  end: number;
  day: string;
}

/**
 * Split [start, end) at local midnights. Days may be 23 or 25 hours long around DST changes;
 * the pieces always add up to end − start exactly. Returns [] when end <= start.
 */
export function splitAtMidnights(start: number, end: number): DayPiece[] {
  const pieces: DayPiece[] = [];
  let s = start;
  while (s < end) {
    const boundary = nextLocalMidnight(s);
    const e = Math.min(end, boundary);
    pieces.push({ start: s, end: e, day: dayKey(s) });
    s = e;
  }
  return pieces;
}

/**
 * The next instant (strictly after `now`) that falls on local weekday `day` (0 = Sunday) at
 * `hour`:00 local time. DST-safe: built from local calendar fields, not by adding milliseconds.
 */
export function nextWeeklyAt(now: number, day: number, hour: number): number {
  const base = startOfDay(now);
  for (let i = 0; i <= 7; i++) {
    const d = addDays(base, i);
    if (d.getDay() !== day) continue;
    const at = new Date(d.getFullYear(), d.getMonth(), d.getDate(), hour, 0, 0, 0).getTime();
    if (at > now) return at;
  }
  const d = addDays(base, 7);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + ((day - d.getDay() + 7) % 7), hour).getTime();
}
