/**
 * Events → occurrences inside an explicit window [from, to) (instants, epoch ms).
 *
 * Recurring events expand in their own zone (ical.js, through repeat-rule.ts), then EXDATE removes dates,
 * RDATE adds dates, and a VEVENT with the same UID and a RECURRENCE-ID replaces the occurrence
 * it names (it may move it, shorten it or cancel it). A rule without an end only expands inside
 * the window. More than MAX_OCCURRENCES occurrences in the window is an error, and so is a file
 * over its work budget (lib/calendar/budget.ts): both name the event and import nothing.
 * Pure apart from the budget's clock.
 */
import { Budget, BudgetExceeded, describeSpender, type Spender } from './budget';
import type { IcsError } from './ics-components';
import type { EventProblem, IcsEvent, IcsTime } from './ics-events';
import { MAX_OCCURRENCES, MAX_WINDOW_MS } from './limits';
import { expandRepeatRule, untilTest } from './repeat-rule';
import type { Zone } from './time-zones';
import { DAY, wallDate } from './wall-time';

export interface Occurrence {
  /** The event whose properties apply: the series, or the override for a changed occurrence. */
  event: IcsEvent;
  start: number;
  end: number;
  /** The event is a whole-day (DATE) event. */
  allDay: boolean;
}

export interface ExpandWindowOptions {
  from: number;
  to: number;
  maxOccurrences?: number;
  /** The file's work budget; share the one parseIcs used so the whole file has one budget. */
  budget?: Budget;
  /** Called now and then with the share of events expanded (0…1). */
  onProgress?: (done: number) => void;
}

export type ExpandOutcome =
  { ok: true; occurrences: Occurrence[]; notes: EventProblem[] } | { ok: false; error: IcsError };

interface Length {
  /** Nominal part, added on the wall clock (days; or DTEND − DTSTART when both share a zone). */
  wallMs: number;
  /** Exact part, added to the instant. */
  exactMs: number;
}

function spender(ev: IcsEvent): Spender {
  return { kind: 'event', line: ev.line, uid: ev.uid };
}

export function instantOf(t: IcsTime): number {
  return t.zone.toInstant(t.wall);
}

function eventLength(ev: IcsEvent): Length {
  if (ev.end) {
    if (ev.start.date && ev.end.date) return { wallMs: ev.end.wall - ev.start.wall, exactMs: 0 };
    if (!ev.start.date && !ev.end.date && ev.end.zone === ev.start.zone)
      return { wallMs: ev.end.wall - ev.start.wall, exactMs: 0 };
    return { wallMs: 0, exactMs: instantOf(ev.end) - instantOf(ev.start) };
  }
  if (ev.duration) return { wallMs: ev.duration.days * DAY, exactMs: ev.duration.ms };
  return { wallMs: ev.start.date ? DAY : 0, exactMs: 0 };
}

function endOf(zone: Zone, wall: number, len: Length): number {
  return zone.toInstant(wall + len.wallMs) + len.exactMs;
}

/** Key of an occurrence for EXDATE / RECURRENCE-ID matching: the instant, and the wall date. */
interface Exclusions {
  instants: Set<number>;
  dates: Set<number>;
}

function addExclusion(x: Exclusions, t: IcsTime): void {
  if (t.date) x.dates.add(t.wall);
  else x.instants.add(instantOf(t));
}

function isExcluded(x: Exclusions, instant: number, wall: number): boolean {
  return x.instants.has(instant) || x.dates.has(wallDate(wall));
}

export function expandEvents(events: readonly IcsEvent[], window: ExpandWindowOptions): ExpandOutcome {
  try {
    return expand(events, window);
  } catch (e) {
    if (e instanceof BudgetExceeded) return { ok: false, error: { message: e.message } };
    return {
      ok: false,
      error: { message: `The calendar could not be expanded (${e instanceof Error ? e.message : String(e)}).` },
    };
  }
}

function expand(events: readonly IcsEvent[], window: ExpandWindowOptions): ExpandOutcome {
  const { from, to } = window;
  const budget = window.budget ?? new Budget();
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from)
    return { ok: false, error: { message: 'The date range to import is empty.' } };
  if (to - from > MAX_WINDOW_MS)
    return { ok: false, error: { message: 'The date range to import is too long (two years at most).' } };
  const max = window.maxOccurrences ?? MAX_OCCURRENCES;
  const notes: EventProblem[] = [];
  const out: Occurrence[] = [];
  const tooMany = (ev: IcsEvent): ExpandOutcome => ({
    ok: false,
    error: {
      message: `More than ${max.toLocaleString('en-US')} events fall in the chosen range (reached at ${describeSpender(spender(ev)).replace(/^The /, 'the ')}). Choose a shorter range.`,
    },
  });

  // Overrides by UID: the last one in the file wins for a given RECURRENCE-ID.
  const overrides = new Map<string, Map<string, IcsEvent>>();
  for (const ev of events) {
    if (!ev.recurrenceId) continue;
    const key = ev.recurrenceId.date ? `d${ev.recurrenceId.wall}` : `t${instantOf(ev.recurrenceId)}`;
    let m = overrides.get(ev.uid);
    if (!m) overrides.set(ev.uid, (m = new Map()));
    m.set(key, ev);
  }
  const masters = new Map<string, IcsEvent>();
  for (const ev of events) if (!ev.recurrenceId && !masters.has(ev.uid)) masters.set(ev.uid, ev);

  const push = (o: Occurrence): boolean => {
    if (!(o.end > from && o.start < to)) return true;
    out.push(o);
    return out.length <= max;
  };

  const step = Math.max(1, Math.floor(events.length / 50));
  for (let i = 0; i < events.length; i++) {
    const ev = events[i]!;
    if (window.onProgress && i % step === 0) window.onProgress(i / events.length);
    const who = spender(ev);
    budget.time(who);
    if (ev.recurrenceId) {
      // A changed occurrence: its own times; without an end, the series' length.
      const master = masters.get(ev.uid);
      const len = ev.end || ev.duration || !master ? eventLength(ev) : eventLength(master);
      const start = instantOf(ev.start);
      if (!push({ event: ev, start, end: endOf(ev.start.zone, ev.start.wall, len), allDay: ev.start.date }))
        return tooMany(ev);
      continue;
    }

    const zone = ev.start.zone;
    const len = eventLength(ev);
    const excluded: Exclusions = { instants: new Set(), dates: new Set() };
    for (const x of ev.exdates) addExclusion(excluded, x);
    for (const o of overrides.get(ev.uid)?.values() ?? []) addExclusion(excluded, o.recurrenceId!);

    // Wall times of every occurrence (DTSTART, RRULE, RDATE), with per-occurrence lengths for PERIOD RDATEs.
    const walls = new Map<number, Length>();
    if (ev.rrules.length === 0) walls.set(ev.start.wall, len);
    const reach = Math.max(0, len.wallMs + len.exactMs) + 2 * DAY;
    const startWall = zone.toWall(from) - reach;
    const endWall = zone.toWall(to) + DAY;
    for (const rule of ev.rrules) {
      const withinUntil = untilTest(rule.until, (w) => zone.toInstant(w));
      const r = expandRepeatRule(
        rule,
        ev.start.wall,
        { startWall, endWall, withinUntil, maxOccurrences: max + 1 },
        budget,
        who,
      );
      if (r.truncated) return tooMany(ev);
      if (r.failed)
        notes.push({
          line: ev.line,
          message: `The repeat rule of the event on line ${ev.line} could not be followed to the end (${r.failed}); its later occurrences were skipped.`,
          summary: ev.summary,
        });
      for (const w of r.walls) walls.set(w, len);
    }
    for (const rd of ev.rdates) {
      const w = rd.time.date || rd.time.zone === zone ? rd.time.wall : zone.toWall(instantOf(rd.time));
      let l = len;
      if (rd.end) l = { wallMs: 0, exactMs: instantOf(rd.end) - instantOf(rd.time) };
      else if (rd.duration) l = { wallMs: rd.duration.days * DAY, exactMs: rd.duration.ms };
      walls.set(w, l);
    }

    for (const [w, l] of walls) {
      const start = zone.toInstant(w);
      if (isExcluded(excluded, start, w)) continue;
      if (!push({ event: ev, start, end: endOf(zone, w, l), allDay: ev.start.date })) return tooMany(ev);
    }
  }
  window.onProgress?.(1);

  out.sort((a, b) => a.start - b.start || a.end - b.end || a.event.line - b.event.line);
  return { ok: true, occurrences: out, notes };
}
