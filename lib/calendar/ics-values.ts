/**
 * Value types of RFC 5545 §3.3 that the importer needs: DATE, DATE-TIME, DURATION, PERIOD and
 * UTC-OFFSET. Each parser returns null for a malformed value (the caller reports the line). Pure.
 */
import { HOUR, MINUTE, SECOND, daysInMonth, wallFromFields } from './wall-time';

/** A DATE or DATE-TIME as written: wall time plus whether it was a date and whether it ended in Z. */
export interface RawTime {
  /** Wall time (lib/calendar/wall-time.ts); for a DATE, its midnight. */
  wall: number;
  date: boolean;
  /** `…Z`: the wall time is UTC. */
  utc: boolean;
}

const DATE_RE = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_TIME_RE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/i;

function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function parseDate(value: string): RawTime | null {
  const m = DATE_RE.exec(value.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!validDate(y, mo, d)) return null;
  return { wall: wallFromFields(y, mo, d), date: true, utc: false };
}

export function parseDateTime(value: string): RawTime | null {
  const m = DATE_TIME_RE.exec(value.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = Number(m[4]);
  const mi = Number(m[5]);
  let s = Number(m[6]);
  if (!validDate(y, mo, d) || h > 23 || mi > 59 || s > 60) return null;
  if (s === 60) s = 59; // leap second
  return { wall: wallFromFields(y, mo, d, h, mi, s), date: false, utc: m[7] !== '' };
}

/**
 * A DATE or DATE-TIME. `valueType` is the VALUE parameter; without it, the shape decides
 * (many producers omit VALUE=DATE).
 */
export function parseTime(value: string, valueType?: string): RawTime | null {
  const v = value.trim();
  const type = valueType?.toUpperCase();
  if (type === 'DATE') return parseDate(v) ?? parseDateTime(v);
  return parseDateTime(v) ?? parseDate(v);
}

/**
 * A DURATION: weeks and days are nominal (wall-clock days, so "P1D" across a DST change is still
 * one calendar day), hours, minutes and seconds are exact.
 */
export interface Duration {
  /** Whole days (weeks × 7 + days), signed. */
  days: number;
  /** Exact milliseconds (hours, minutes, seconds), signed. */
  ms: number;
}

const DURATION_RE = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i;

export function parseDuration(value: string): Duration | null {
  const v = value.trim();
  const m = DURATION_RE.exec(v);
  if (!m || v.endsWith('T') || /^[+-]?P$/i.test(v)) return null;
  const sign = m[1] === '-' ? -1 : 1;
  const num = (i: number) => (m[i] ? Number(m[i]) : 0);
  const days = num(2) * 7 + num(3);
  const ms = num(4) * HOUR + num(5) * MINUTE + num(6) * SECOND;
  if (!Number.isFinite(days) || !Number.isFinite(ms) || days > 100_000) return null;
  return { days: sign * days || 0, ms: sign * ms || 0 };
}

/** UTC-OFFSET `+HHMM[SS]` / `-HHMM[SS]` in ms. */
export function parseUtcOffset(value: string): number | null {
  const m = /^([+-])(\d{2})(\d{2})(\d{2})?$/.exec(value.trim());
  if (!m) return null;
  const h = Number(m[2]);
  const mi = Number(m[3]);
  const s = m[4] ? Number(m[4]) : 0;
  if (h > 23 || mi > 59 || s > 59) return null;
  const ms = h * HOUR + mi * MINUTE + s * SECOND;
  return m[1] === '-' && ms !== 0 ? -ms : ms;
}

/** A PERIOD `start/end` or `start/duration`. */
export interface Period {
  start: RawTime;
  end?: RawTime;
  duration?: Duration;
}

export function parsePeriod(value: string): Period | null {
  const slash = value.indexOf('/');
  if (slash < 0) return null;
  const start = parseDateTime(value.slice(0, slash));
  if (!start) return null;
  const rest = value.slice(slash + 1);
  if (/^[+-]?P/i.test(rest)) {
    const duration = parseDuration(rest);
    return duration ? { start, duration } : null;
  }
  const end = parseDateTime(rest);
  return end ? { start, end } : null;
}
