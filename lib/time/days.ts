/**
 * Local-day arithmetic with date-fns, DST-safe. "Local" is the time zone the code runs in
 * (the browser's); tests pin it with TZ.
 */
import { addDays, format, isExists, startOfDay } from 'date-fns';

/** `yyyy-MM-dd` of the local day that contains instant `t` (epoch ms). */
export function dayKey(t: number): string {
  return format(t, 'yyyy-MM-dd');
}

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The local midnight (the day's first instant, 01:00 where DST skips midnight) of a date written
 * `yyyy-MM-dd`; null for anything else, including dates that do not exist (2025-02-30, checked with
 * date-fns `isExists`), years before 100 and other ISO forms (`2025-3-5`, `2025-03-05T10:00`). The
 * one parser of day keys (URLs, files, forms). Not date-fns `parse`: backups check millions of keys,
 * and `parse` is about 30 times slower than this.
 */
export function parseDayKey(key: unknown): Date | null {
  const m = typeof key === 'string' ? DAY_KEY.exec(key) : null;
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  if (y < 100 || !isExists(y, mo, d)) return null;
  return new Date(y, mo, d);
}

/** True for a real calendar date written `yyyy-MM-dd` (no 2025-02-30); the same in every time zone. */
export function isDayKey(value: unknown): value is string {
  return parseDayKey(value) !== null;
}

/**
 * Start of the local day `days` days after the day of `t` (0: the day of `t`; 1: the next local
 * midnight). `startOfDay` after `addDays`, not only before: on a day that starts at 01:00 (DST at
 * midnight, e.g. São Paulo until 2019) adding days to the day start would keep the 01:00.
 */
export function localDayStart(t: Date | number, days = 0): number {
  return startOfDay(addDays(startOfDay(t), days)).getTime();
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
    const boundary = localDayStart(s, 1);
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
