/**
 * RRULE values (RFC 5545 §3.3.10) → a checked rule object. Pure; returns an error message
 * instead of throwing. Frequencies below a day (HOURLY, MINUTELY, SECONDLY) and BYWEEKNO are
 * reported as unsupported: no meeting is scheduled that way, and expanding them would only
 * risk runaway output.
 */
import { parseTime, type RawTime } from './ics-values';

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

/** A BYDAY entry: weekday 0 = Sunday … 6 = Saturday; `n` = ordinal (2MO → 2, -1FR → −1, MO → 0). */
export interface WeekdayNum {
  day: number;
  n: number;
}

export interface RRule {
  freq: Frequency;
  interval: number;
  count?: number;
  /** As written: a DATE, a UTC DATE-TIME or a floating DATE-TIME. */
  until?: RawTime;
  byDay: WeekdayNum[];
  byMonthDay: number[];
  byMonth: number[];
  byYearDay: number[];
  bySetPos: number[];
  byHour: number[];
  byMinute: number[];
  bySecond: number[];
  /** Week start, 0 = Sunday … 6 = Saturday (default Monday). */
  wkst: number;
}

export type RRuleResult = { ok: true; rule: RRule } | { ok: false; error: string };

export const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

function intList(v: string, min: number, max: number, allowNegative: boolean): number[] | null {
  const out: number[] = [];
  for (const part of v.split(',')) {
    if (!/^[+-]?\d{1,4}$/.test(part.trim())) return null;
    const n = Number(part);
    const abs = Math.abs(n);
    if ((n < 0 && !allowNegative) || abs < min || abs > max) return null;
    out.push(n);
  }
  return out;
}

export function parseRRule(value: string): RRuleResult {
  const parts = value.trim().replace(/^RRULE:/i, '').split(';').filter((p) => p.trim() !== '');
  const seen = new Set<string>();
  let freq: string | undefined;
  const rule: RRule = {
    freq: 'DAILY',
    interval: 1,
    byDay: [],
    byMonthDay: [],
    byMonth: [],
    byYearDay: [],
    bySetPos: [],
    byHour: [],
    byMinute: [],
    bySecond: [],
    wkst: 1,
  };
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq < 0) return { ok: false, error: `"${part}" is not NAME=VALUE` };
    const name = part.slice(0, eq).trim().toUpperCase();
    const v = part.slice(eq + 1).trim().toUpperCase();
    if (seen.has(name)) return { ok: false, error: `${name} appears twice` };
    seen.add(name);
    switch (name) {
      case 'FREQ':
        freq = v;
        break;
      case 'INTERVAL': {
        const n = Number(v);
        if (!/^\d+$/.test(v) || n < 1 || n > 10_000) return { ok: false, error: `INTERVAL=${v} is not a positive number` };
        rule.interval = n;
        break;
      }
      case 'COUNT': {
        const n = Number(v);
        if (!/^\d+$/.test(v) || n < 1) return { ok: false, error: `COUNT=${v} is not a positive number` };
        rule.count = n;
        break;
      }
      case 'UNTIL': {
        const t = parseTime(v);
        if (!t) return { ok: false, error: `UNTIL=${v} is not a date` };
        rule.until = t;
        break;
      }
      case 'BYDAY': {
        for (const d of v.split(',')) {
          const m = /^([+-]?\d{1,2})?(SU|MO|TU|WE|TH|FR|SA)$/.exec(d.trim());
          if (!m) return { ok: false, error: `BYDAY=${v} is not a list of weekdays` };
          const n = m[1] ? Number(m[1]) : 0;
          if (Math.abs(n) > 53) return { ok: false, error: `BYDAY=${v} has an ordinal out of range` };
          rule.byDay.push({ day: WEEKDAYS.indexOf(m[2] as (typeof WEEKDAYS)[number]), n });
        }
        break;
      }
      case 'BYMONTHDAY': {
        const l = intList(v, 1, 31, true);
        if (!l) return { ok: false, error: `BYMONTHDAY=${v} is out of range` };
        rule.byMonthDay = l;
        break;
      }
      case 'BYMONTH': {
        const l = intList(v, 1, 12, false);
        if (!l) return { ok: false, error: `BYMONTH=${v} is out of range` };
        rule.byMonth = l;
        break;
      }
      case 'BYYEARDAY': {
        const l = intList(v, 1, 366, true);
        if (!l) return { ok: false, error: `BYYEARDAY=${v} is out of range` };
        rule.byYearDay = l;
        break;
      }
      case 'BYSETPOS': {
        const l = intList(v, 1, 366, true);
        if (!l) return { ok: false, error: `BYSETPOS=${v} is out of range` };
        rule.bySetPos = l;
        break;
      }
      case 'BYHOUR': {
        const l = intList(v, 0, 23, false);
        if (!l) return { ok: false, error: `BYHOUR=${v} is out of range` };
        rule.byHour = l;
        break;
      }
      case 'BYMINUTE': {
        const l = intList(v, 0, 59, false);
        if (!l) return { ok: false, error: `BYMINUTE=${v} is out of range` };
        rule.byMinute = l;
        break;
      }
      case 'BYSECOND': {
        const l = intList(v, 0, 60, false);
        if (!l) return { ok: false, error: `BYSECOND=${v} is out of range` };
        rule.bySecond = l.map((s) => Math.min(s, 59));
        break;
      }
      case 'WKST': {
        const i = WEEKDAYS.indexOf(v as (typeof WEEKDAYS)[number]);
        if (i < 0) return { ok: false, error: `WKST=${v} is not a weekday` };
        rule.wkst = i;
        break;
      }
      case 'BYWEEKNO':
        return { ok: false, error: 'BYWEEKNO is not supported' };
      default:
        // Unknown parts (X-…, RSCALE, SKIP): ignored, as RFC 5545 asks for unknown extensions.
        break;
    }
  }
  if (!freq) return { ok: false, error: 'FREQ is missing' };
  if (freq === 'HOURLY' || freq === 'MINUTELY' || freq === 'SECONDLY') return { ok: false, error: `FREQ=${freq} is not supported` };
  if (freq !== 'DAILY' && freq !== 'WEEKLY' && freq !== 'MONTHLY' && freq !== 'YEARLY') return { ok: false, error: `FREQ=${freq} is not a frequency` };
  rule.freq = freq;
  // COUNT with UNTIL is forbidden by the RFC but written by some tools: whichever ends first wins.
  return { ok: true, rule };
}
