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
  return addDays(startOfDay(t), 1).getTime();
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
