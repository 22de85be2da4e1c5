/**
 * Expand a recurrence rule into wall-clock start times (RFC 5545 §3.3.10 and §3.8.5.3).
 * Expansion happens on wall time, so a weekly 09:00 meeting stays at 09:00 in its own zone
 * across DST changes; the caller converts to instants.
 *
 * Each period (day, week, month or year, stepped by INTERVAL) yields the days that pass every
 * BYxxx filter (BYMONTH, BYYEARDAY, BYMONTHDAY, BYDAY with ordinals counted within the month
 * or year), times from BYHOUR/BYMINUTE/BYSECOND (default: DTSTART's), then BYSETPOS. DTSTART is
 * always the first occurrence and counts towards COUNT. Without COUNT, periods before the window
 * are skipped arithmetically, so an old rule without an end costs only what falls in the window.
 * Pure.
 */
import type { RRule, WeekdayNum } from './rrule-parse';
import {
  DAY,
  HOUR,
  MINUTE,
  SECOND,
  addWallMonths,
  daysInMonth,
  isLeapYear,
  wallDate,
  wallFields,
  wallFromFields,
  wallWeekday,
} from './wall-time';

export interface ExpandWindow {
  /** Occurrences starting before this wall time are not returned (they still count for COUNT). */
  startWall: number;
  /** Expansion stops at the first occurrence at or after this wall time. */
  endWall: number;
  /** False when a wall time is past UNTIL (expansion stops). Omit when the rule has no UNTIL. */
  withinUntil?: (wall: number) => boolean;
  /** Stop (truncated) after returning this many occurrences. */
  maxOccurrences: number;
}

export interface ExpandResult {
  walls: number[];
  /** True when maxOccurrences or the iteration cap stopped expansion early. */
  truncated: boolean;
}

/** Safety net against pathological rules; real rules end far sooner (window end). */
const MAX_PERIODS = 250_000;

interface DayContext {
  year: number;
  month: number;
  dom: number;
  dim: number;
  doy: number;
  diy: number;
  weekday: number;
}

function dayContext(day: number): DayContext {
  const f = wallFields(day);
  const diy = isLeapYear(f.year) ? 366 : 365;
  const doy = Math.round((day - wallFromFields(f.year, 1, 1)) / DAY) + 1;
  return { year: f.year, month: f.month, dom: f.day, dim: daysInMonth(f.year, f.month), doy, diy, weekday: wallWeekday(day) };
}

export function expandRRule(rule: RRule, dtstartWall: number, window: ExpandWindow): ExpandResult {
  const walls: number[] = [];
  const start = wallFields(dtstartWall);
  const startDay = wallDate(dtstartWall);

  // Defaults from DTSTART (RFC 5545 §3.3.10, "Information, not contained in the rule…").
  const noDaySelector = rule.byDay.length === 0 && rule.byMonthDay.length === 0 && rule.byYearDay.length === 0;
  let byDay: WeekdayNum[] = rule.byDay;
  let byMonthDay = rule.byMonthDay;
  let byMonth = rule.byMonth;
  if (noDaySelector) {
    if (rule.freq === 'WEEKLY') byDay = [{ day: wallWeekday(dtstartWall), n: 0 }];
    else if (rule.freq === 'MONTHLY') byMonthDay = [start.day];
    else if (rule.freq === 'YEARLY') {
      byMonthDay = [start.day];
      if (byMonth.length === 0) byMonth = [start.month];
    }
  }
  const ordinalsInYear = rule.freq === 'YEARLY' && byMonth.length === 0;
  const ordinalsApply = rule.freq === 'MONTHLY' || rule.freq === 'YEARLY';

  const hours = rule.byHour.length ? [...rule.byHour] : [start.hour];
  const minutes = rule.byMinute.length ? [...rule.byMinute] : [start.minute];
  const seconds = rule.bySecond.length ? [...rule.bySecond] : [start.second];
  const times: number[] = [];
  for (const h of hours) for (const m of minutes) for (const s of seconds) times.push(h * HOUR + m * MINUTE + s * SECOND);
  const timeSet = [...new Set(times)].sort((a, b) => a - b);

  const matches = (day: number): boolean => {
    const c = dayContext(day);
    if (byMonth.length && !byMonth.includes(c.month)) return false;
    if (rule.byYearDay.length && !rule.byYearDay.some((n) => (n > 0 ? c.doy === n : c.doy === c.diy + n + 1))) return false;
    if (byMonthDay.length && !byMonthDay.some((n) => (n > 0 ? c.dom === n : c.dom === c.dim + n + 1))) return false;
    if (byDay.length) {
      const ok = byDay.some((wd) => {
        if (wd.day !== c.weekday) return false;
        if (wd.n === 0 || !ordinalsApply) return true;
        const pos = ordinalsInYear ? c.doy : c.dom;
        const len = ordinalsInYear ? c.diy : c.dim;
        return wd.n > 0 ? Math.ceil(pos / 7) === wd.n : Math.floor((len - pos) / 7) + 1 === -wd.n;
      });
      if (!ok) return false;
    }
    return true;
  };

  // Period p → [first day, last day] (wall midnights, inclusive).
  const weekStart0 = startDay - ((wallWeekday(startDay) - rule.wkst + 7) % 7) * DAY;
  const monthStart0 = wallFromFields(start.year, start.month, 1);
  const periodRange = (p: number): [number, number] => {
    const k = p * rule.interval;
    switch (rule.freq) {
      case 'DAILY': {
        const d = startDay + k * DAY;
        return [d, d];
      }
      case 'WEEKLY': {
        const d = weekStart0 + k * 7 * DAY;
        return [d, d + 6 * DAY];
      }
      case 'MONTHLY': {
        const d = addWallMonths(monthStart0, k);
        return [d, addWallMonths(d, 1) - DAY];
      }
      case 'YEARLY': {
        const y = start.year + k;
        return [wallFromFields(y, 1, 1), wallFromFields(y, 12, 31)];
      }
    }
  };

  // A year with BYMONTH only needs those months' days.
  const months = [...new Set(byMonth)].sort((a, b) => a - b);
  const dayRanges = (first: number, last: number): Array<[number, number]> => {
    if (rule.freq !== 'YEARLY' || months.length === 0) return [[first, last]];
    const y = wallFields(first).year;
    return months.map((m) => [wallFromFields(y, m, 1), wallFromFields(y, m, daysInMonth(y, m))]);
  };

  // Skip whole periods before the window when COUNT does not need them.
  let p = 0;
  if (rule.count === undefined && window.startWall > dtstartWall) {
    const target = wallDate(window.startWall);
    const f = wallFields(target);
    let diff = 0;
    if (rule.freq === 'DAILY') diff = Math.floor((target - startDay) / DAY);
    else if (rule.freq === 'WEEKLY') diff = Math.floor((target - weekStart0) / (7 * DAY));
    else if (rule.freq === 'MONTHLY') diff = (f.year - start.year) * 12 + (f.month - start.month);
    else diff = f.year - start.year;
    p = Math.max(0, Math.floor(diff / rule.interval) - 1);
  }

  let emitted = 1; // DTSTART
  if (dtstartWall >= window.endWall) return { walls, truncated: false };
  if (dtstartWall >= window.startWall) walls.push(dtstartWall);
  if (rule.count !== undefined && emitted >= rule.count) return { walls, truncated: false };

  for (let iter = 0; iter < MAX_PERIODS; iter++, p++) {
    const [first, last] = periodRange(p);
    if (first >= window.endWall) return { walls, truncated: false };
    let candidates: number[] = [];
    for (const [a, b] of dayRanges(first, last)) {
      for (let day = a; day <= b; day += DAY) {
        if (!matches(day)) continue;
        for (const t of timeSet) candidates.push(day + t);
      }
    }
    if (rule.bySetPos.length && candidates.length) {
      const n = candidates.length;
      const picked = new Set<number>();
      for (const pos of rule.bySetPos) {
        const i = pos > 0 ? pos - 1 : n + pos;
        if (i >= 0 && i < n) picked.add(candidates[i]!);
      }
      candidates = [...picked].sort((a, b) => a - b);
    }
    for (const c of candidates) {
      if (c <= dtstartWall) continue;
      if (c >= window.endWall) return { walls, truncated: false };
      if (window.withinUntil && !window.withinUntil(c)) return { walls, truncated: false };
      emitted++;
      if (c >= window.startWall) {
        if (walls.length >= window.maxOccurrences) return { walls, truncated: true };
        walls.push(c);
      }
      if (rule.count !== undefined && emitted >= rule.count) return { walls, truncated: false };
    }
  }
  return { walls, truncated: true };
}
