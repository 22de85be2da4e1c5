/**
 * Repeat rules (RRULE, RFC 5545 §3.3.10) on ical.js: ical.js's `Recur` reads the rule and its
 * `RecurIterator` generates the wall-clock times; what stays here is what the importer adds
 * around it:
 *
 * - Expansion is on wall time (floating ICAL.Time), so a weekly 09:00 meeting stays at 09:00 in
 *   its own zone across DST changes; the caller converts to instants with the event's zone.
 * - DTSTART is always the first occurrence and counts towards COUNT (ical.js skips a DTSTART
 *   that does not match the rule), and UNTIL is compared by the caller in the event's zone.
 * - A rule without COUNT is started close to the window instead of at DTSTART (whole periods
 *   are skipped, which leaves its occurrences unchanged), so an old rule costs only what falls
 *   in the window.
 * - Every generated instance is charged to the file's budget (lib/calendar/budget.ts), and a
 *   rule is refused before expansion when one of its periods holds too many candidate times.
 *   Day filters of DAILY/WEEKLY rules are applied here, not by ical.js, which searches for ever
 *   for a day that never comes (and misreads negative BYMONTHDAY there).
 * - HOURLY/MINUTELY/SECONDLY and BYWEEKNO are not supported (no meeting repeats that way).
 *
 * Pure apart from the budget's clock.
 */
import ICAL from 'ical.js';
import { BudgetExceeded, type Budget, type Spender } from './budget';
import type { RawTime } from './ics-values';
import { DAY, wallDate, wallFields, wallFromFields, wallWeekday } from './wall-time';

type Recur = InstanceType<typeof ICAL.Recur>;
type Time = InstanceType<typeof ICAL.Time>;

/** A rule as stored on an event: plain data (it crosses the worker boundary), read again by ical.js to expand. */
export interface RepeatRule {
  /** The RRULE value as written. */
  value: string;
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  interval: number;
  count?: number;
  /** As written: a DATE, a UTC DATE-TIME or a floating DATE-TIME. */
  until?: RawTime;
  /** Upper bound of candidate times in one period (days × times of day). */
  perPeriod: number;
}

export type RepeatRuleResult = { ok: true; rule: RepeatRule } | { ok: false; error: string };

const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** ical.js expects numeric BY lists in order (BYMONTH=2,1 makes it go back in time). */
function recurOf(value: string): Recur {
  const recur = ICAL.Recur.fromString(value.trim().replace(/^RRULE:/i, ''));
  const parts = recur.parts as Record<string, unknown[] | undefined>;
  for (const [name, list] of Object.entries(parts)) {
    if (name !== 'BYDAY' && Array.isArray(list)) parts[name] = [...new Set(list as number[])].sort((a, b) => a - b);
  }
  return recur;
}

function rawTime(t: Time): RawTime {
  return {
    wall: wallFromFields(
      t.year,
      t.month,
      t.day,
      t.isDate ? 0 : t.hour,
      t.isDate ? 0 : t.minute,
      t.isDate ? 0 : t.second,
    ),
    date: t.isDate,
    utc: !t.isDate && t.zone?.tzid === 'UTC',
  };
}

function len(a: readonly unknown[] | undefined): number {
  return a && a.length > 0 ? a.length : 1;
}

/** Read an RRULE value with ical.js and check what the importer supports. Never throws. */
export function readRepeatRule(value: string): RepeatRuleResult {
  // ical.js lets a later part win and reads INTERVAL=0 as 1; a rule like that is damaged.
  const names = value
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';')
    .map((p) => p.split('=')[0]!.trim().toUpperCase())
    .filter(Boolean);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) return { ok: false, error: `${twice} appears twice` };
  if (/(?:^|;)\s*INTERVAL\s*=\s*0*\s*(?:;|$)/i.test(value))
    return { ok: false, error: 'INTERVAL=0 is not a positive number' };
  let recur: Recur;
  try {
    recur = recurOf(value);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  const freq = recur.freq as string | null;
  if (!freq) return { ok: false, error: 'FREQ is missing' };
  if (freq === 'HOURLY' || freq === 'MINUTELY' || freq === 'SECONDLY')
    return { ok: false, error: `FREQ=${freq} is not supported` };
  if (freq !== 'DAILY' && freq !== 'WEEKLY' && freq !== 'MONTHLY' && freq !== 'YEARLY')
    return { ok: false, error: `FREQ=${freq} is not a frequency` };
  const p = recur.parts;
  if (p.BYWEEKNO?.length) return { ok: false, error: 'BYWEEKNO is not supported' };
  // ical.js 2.2.1 reads one digit of a BYDAY ordinal ("20MO" becomes every Monday).
  if (p.BYDAY?.some((d) => /\d\d/.test(d))) return { ok: false, error: 'BYDAY ordinals above 9 are not supported' };
  if (freq === 'WEEKLY' && p.BYSETPOS?.length && (p.BYMONTH?.length || p.BYMONTHDAY?.length || p.BYYEARDAY?.length)) {
    return { ok: false, error: 'BYSETPOS with day filters in a weekly rule is not supported' };
  }
  const interval = recur.interval;
  if (!Number.isInteger(interval) || interval < 1 || interval > 10_000)
    return { ok: false, error: `INTERVAL=${interval} is not a positive number` };
  if (recur.count !== null && recur.count !== undefined && !(recur.count >= 1))
    return { ok: false, error: `COUNT=${recur.count} is not a positive number` };
  const times = len(p.BYHOUR) * len(p.BYMINUTE) * len(p.BYSECOND);
  const daySelector = Boolean(p.BYDAY?.length || p.BYMONTHDAY?.length || p.BYYEARDAY?.length);
  const days =
    freq === 'DAILY'
      ? 1
      : freq === 'WEEKLY'
        ? Math.min(7, len(p.BYDAY))
        : freq === 'MONTHLY'
          ? daySelector
            ? 31
            : 1
          : daySelector
            ? 366
            : len(p.BYMONTH);
  const rule: RepeatRule = { value: value.trim(), freq, interval, perPeriod: days * times };
  if (recur.count) rule.count = recur.count;
  if (recur.until) rule.until = rawTime(recur.until);
  return { ok: true, rule };
}

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
  /** True when maxOccurrences stopped expansion early. */
  truncated: boolean;
  /** Set when ical.js gave up on the rule part-way (the walls before it are kept). */
  failed?: string;
}

function floating(wall: number): Time {
  const f = wallFields(wall);
  return new ICAL.Time(
    { year: f.year, month: f.month, day: f.day, hour: f.hour, minute: f.minute, second: f.second, isDate: false },
    undefined as never,
  );
}

function wallOf(t: Time): number {
  return wallFromFields(t.year, t.month, t.day, t.hour, t.minute, t.second);
}

/**
 * Write the defaults ical.js would take from DTSTART into the rule (RFC 5545: the weekday for
 * WEEKLY, the day of the month for MONTHLY, day and month for YEARLY, when the rule names no
 * day): ical.js 2.2.1 gets YEARLY on 29 February wrong without them (1 March in other years),
 * and they let expansion start somewhere other than DTSTART. Mutates `recur`.
 */
function explicitDefaults(recur: Recur, dtstartWall: number): void {
  const p = recur.parts;
  if (p.BYDAY?.length || p.BYMONTHDAY?.length || p.BYYEARDAY?.length) return;
  const f = wallFields(dtstartWall);
  if (recur.freq === 'WEEKLY') p.BYDAY = [WEEKDAY_CODES[wallWeekday(dtstartWall)]!];
  else if (recur.freq === 'MONTHLY') p.BYMONTHDAY = [f.day];
  else if (recur.freq === 'YEARLY') {
    p.BYMONTHDAY = [f.day];
    if (!p.BYMONTH?.length) p.BYMONTH = [f.month];
  }
}

/**
 * Where to start ical.js for a rule without COUNT: DTSTART moved forward by whole periods
 * (× INTERVAL) to at least one period before `startWall`. With the defaults written into the
 * rule (explicitDefaults), moving DTSTART changes nothing after the new start. Returns DTSTART
 * when nothing can be skipped.
 */
function fastForward(recur: Recur, dtstartWall: number, startWall: number): number {
  const target = wallDate(startWall);
  const startDay = wallDate(dtstartWall);
  if (target - startDay < 14 * DAY) return dtstartWall;
  const f = wallFields(dtstartWall);
  const timeOfDay = dtstartWall - startDay;
  const n = recur.interval;
  // ical.js 2.2.1 started mid-rule misses days of MONTHLY/YEARLY rules that combine BYDAY with
  // BYMONTHDAY (FREQ=MONTHLY;BYDAY=SU;BYMONTHDAY=-1,4 from 1 March loses Sunday 31 July; found by
  // tests/calendar/properties.test.ts): such rules match a few days a year and run from DTSTART.
  if (
    (recur.freq === 'MONTHLY' || recur.freq === 'YEARLY') &&
    recur.parts.BYDAY?.length &&
    recur.parts.BYMONTHDAY?.length
  )
    return dtstartWall;
  switch (recur.freq) {
    case 'DAILY': {
      const k = Math.floor((target - startDay) / (n * DAY)) - 1;
      return k > 0 ? dtstartWall + k * n * DAY : dtstartWall;
    }
    case 'WEEKLY': {
      const k = Math.floor((target - startDay) / (7 * n * DAY)) - 1;
      return k > 0 ? dtstartWall + k * 7 * n * DAY : dtstartWall;
    }
    case 'MONTHLY': {
      const t = wallFields(target);
      const k = Math.floor(((t.year - f.year) * 12 + (t.month - f.month)) / n) - 1;
      if (k <= 0) return dtstartWall;
      return wallFromFields(f.year, f.month + k * n, 1) + timeOfDay;
    }
    case 'YEARLY': {
      const t = wallFields(target);
      const k = Math.floor((t.year - f.year) / n) - 1;
      if (k <= 0) return dtstartWall;
      return wallFromFields(f.year + k * n, 1, 1) + timeOfDay;
    }
    default:
      return dtstartWall;
  }
}

/**
 * Work around two ical.js 2.2.1 defects, so its output equals RFC 5545 (and the engine it
 * replaced; tests/calendar/engine-golden.test.ts):
 * - YEARLY with BYMONTH and BYMONTHDAY (and no BYDAY/BYYEARDAY/BYSETPOS) takes later years'
 *   month lengths from the first year (BYMONTHDAY=-1 gives 30 March; 31 in April gives 1 May).
 *   Such a rule is the same as MONTHLY over those months, so it is expanded that way and
 *   filtered to every INTERVAL-th year.
 * - MONTHLY with BYMONTH can emit a day of the first month although it is not listed, and then
 *   skip the next listed month. BYMONTH only filters months there, so it is applied here.
 * Returns a filter for ical.js's output (null when none is needed). Mutates `recur`.
 */
function workAround(recur: Recur, dtstartWall: number): ((t: Time) => boolean) | null {
  const p = recur.parts;
  if (recur.freq === 'DAILY' || recur.freq === 'WEEKLY') return dayFilter(recur);
  const months = p.BYMONTH;
  if (
    recur.freq === 'YEARLY' &&
    months?.length &&
    p.BYMONTHDAY?.length &&
    !p.BYDAY?.length &&
    !p.BYYEARDAY?.length &&
    !p.BYSETPOS?.length
  ) {
    const n = recur.interval;
    const firstYear = wallFields(dtstartWall).year;
    recur.freq = 'MONTHLY';
    recur.interval = 1;
    delete p.BYMONTH;
    return (t) => months.includes(t.month) && (t.year - firstYear) % n === 0;
  }
  if (recur.freq === 'MONTHLY' && months?.length) {
    delete p.BYMONTH;
    return (t) => months.includes(t.month);
  }
  return null;
}

/**
 * DAILY/WEEKLY day filters (BYMONTH, BYMONTHDAY, BYYEARDAY; BYDAY for DAILY) taken out of the
 * rule and returned as a test: ical.js then steps through every day of the lattice and the
 * window end stops it, instead of searching for ever for a day no rule can reach (a DAILY rule
 * with INTERVAL=7 and another weekday) or misreading a negative BYMONTHDAY. Mutates `recur`.
 */
function dayFilter(recur: Recur): ((t: Time) => boolean) | null {
  const p = recur.parts;
  const months = p.BYMONTH ?? [];
  const monthDays = p.BYMONTHDAY ?? [];
  const yearDays = p.BYYEARDAY ?? [];
  const weekdays =
    recur.freq === 'DAILY'
      ? (p.BYDAY ?? []).map((d) => WEEKDAY_CODES.indexOf(d.slice(-2) as (typeof WEEKDAY_CODES)[number]))
      : [];
  if (months.length + monthDays.length + yearDays.length + weekdays.length === 0) return null;
  delete p.BYMONTH;
  delete p.BYMONTHDAY;
  delete p.BYYEARDAY;
  if (recur.freq === 'DAILY') delete p.BYDAY;
  return (t) => {
    if (months.length && !months.includes(t.month)) return false;
    if (monthDays.length) {
      const dim = new Date(wallFromFields(t.year, t.month + 1, 0)).getUTCDate();
      if (!monthDays.some((d) => (d > 0 ? t.day === d : t.day === dim + d + 1))) return false;
    }
    if (yearDays.length) {
      const day = wallFromFields(t.year, t.month, t.day);
      const doy = Math.round((day - wallFromFields(t.year, 1, 1)) / DAY) + 1;
      const diy = Math.round((wallFromFields(t.year + 1, 1, 1) - wallFromFields(t.year, 1, 1)) / DAY);
      if (!yearDays.some((d) => (d > 0 ? doy === d : doy === diy + d + 1))) return false;
    }
    if (weekdays.length && !weekdays.includes(wallWeekday(wallFromFields(t.year, t.month, t.day)))) return false;
    return true;
  };
}

/** Expand a rule read by readRepeatRule from DTSTART (a wall time). Throws BudgetExceeded only. */
export function expandRepeatRule(
  rule: RepeatRule,
  dtstartWall: number,
  window: ExpandWindow,
  budget: Budget,
  who: Spender,
): ExpandResult {
  const walls: number[] = [];
  try {
    return expandInto(walls, rule, dtstartWall, window, budget, who);
  } catch (e) {
    if (e instanceof BudgetExceeded) throw e;
    return { walls, truncated: false, failed: e instanceof Error ? e.message : String(e) };
  }
}

function expandInto(
  walls: number[],
  rule: RepeatRule,
  dtstartWall: number,
  window: ExpandWindow,
  budget: Budget,
  who: Spender,
): ExpandResult {
  budget.candidates(who, rule.perPeriod);
  if (dtstartWall >= window.endWall) return { walls, truncated: false };
  if (dtstartWall >= window.startWall) walls.push(dtstartWall);
  let emitted = 1; // DTSTART
  const count = rule.count;
  if (count !== undefined && emitted >= count) return { walls, truncated: false };

  const recur = recurOf(rule.value);
  recur.count = null as never;
  recur.until = null as never;
  explicitDefaults(recur, dtstartWall);
  const from = count === undefined ? fastForward(recur, dtstartWall, window.startWall) : dtstartWall;
  const keep = workAround(recur, dtstartWall);
  const p = recur.parts;

  // The candidate times, in order: from ical.js, or — for a rule without COUNT and without
  // BYHOUR/BYMINUTE/BYSECOND, whose dates do not depend on DTSTART's time of day — from the
  // file's memo of the same rule's dates (many events share a rule; ical.js is slow per date).
  let candidates: Iterable<number>;
  if (count === undefined && !p.BYHOUR?.length && !p.BYMINUTE?.length && !p.BYSECOND?.length) {
    const fromDay = wallDate(from);
    const endDay = wallDate(window.endWall) + DAY;
    const key = `${recur.toString()}|${fromDay}|${endDay}|${keep ? wallFields(dtstartWall).year : ''}`;
    let dates = budget.memo.get(key);
    if (!dates) {
      dates = [];
      const it = recur.iterator(floating(fromDay));
      for (;;) {
        budget.instance(who);
        const t = it.next();
        if (!t) break;
        const d = wallFromFields(t.year, t.month, t.day);
        if (d >= endDay) break;
        if (keep && !keep(t)) continue;
        dates.push(d);
      }
      budget.memo.set(key, dates);
    }
    const timeOfDay = from - wallDate(from);
    candidates = dates.map((d) => d + timeOfDay);
  } else {
    candidates = (function* () {
      const it = recur.iterator(floating(from));
      for (;;) {
        budget.instance(who);
        const t = it.next();
        if (!t) return;
        const c = wallOf(t);
        // Filtered-out times still end the search at the window's end.
        if (keep && !keep(t) && c < window.endWall) continue;
        yield c;
      }
    })();
  }

  for (const c of candidates) {
    if (c <= dtstartWall) continue;
    if (c >= window.endWall) break;
    if (window.withinUntil && !window.withinUntil(c)) break;
    emitted++;
    if (c >= window.startWall) {
      if (walls.length >= window.maxOccurrences) return { walls, truncated: true };
      walls.push(c);
    }
    if (count !== undefined && emitted >= count) break;
  }
  return { walls, truncated: false };
}

/** UNTIL as a test on wall times of a zone: a DATE is inclusive of its day, a UTC time is compared as an instant, a floating time on the wall clock. */
export function untilTest(
  until: RawTime | undefined,
  toInstant: (wall: number) => number,
): ((wall: number) => boolean) | undefined {
  if (!until) return undefined;
  if (until.date) return (w) => wallDate(w) <= until.wall;
  if (until.utc) return (w) => toInstant(w) <= until.wall;
  return (w) => w <= until.wall;
}
