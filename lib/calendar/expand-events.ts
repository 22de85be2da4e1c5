/**
 * Events → occurrences inside an explicit window [from, to) (instants, epoch ms).
 *
 * Recurring events expand in their own zone (rrule-expand.ts), then EXDATE removes dates,
 * RDATE adds dates, and a VEVENT with the same UID and a RECURRENCE-ID replaces the occurrence
 * it names (it may move it, shorten it or cancel it). A rule without an end only expands inside
 * the window. More than MAX_OCCURRENCES occurrences in the window is an error. Pure.
 */
import type { IcsError } from './ics-components';
import type { EventProblem, IcsEvent, IcsTime } from './ics-events';
import { MAX_OCCURRENCES, MAX_WINDOW_MS } from './limits';
import { expandRRule } from './rrule-expand';
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
}

export type ExpandOutcome = { ok: true; occurrences: Occurrence[]; notes: EventProblem[] } | { ok: false; error: IcsError };

interface Length {
  /** Nominal part, added on the wall clock (days; or DTEND − DTSTART when both share a zone). */
  wallMs: number;
  /** Exact part, added to the instant. */
  exactMs: number;
}

function instantOf(t: IcsTime): number {
  return t.zone.toInstant(t.wall);
}

function eventLength(ev: IcsEvent): Length {
  if (ev.end) {
    if (ev.start.date && ev.end.date) return { wallMs: ev.end.wall - ev.start.wall, exactMs: 0 };
    if (!ev.start.date && !ev.end.date && ev.end.zone === ev.start.zone) return { wallMs: ev.end.wall - ev.start.wall, exactMs: 0 };
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
  const { from, to } = window;
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) return { ok: false, error: { message: 'The date range to import is empty.' } };
  if (to - from > MAX_WINDOW_MS) return { ok: false, error: { message: 'The date range to import is too long (two years at most).' } };
  const max = window.maxOccurrences ?? MAX_OCCURRENCES;
  const notes: EventProblem[] = [];
  const out: Occurrence[] = [];
  const tooMany = (): ExpandOutcome => ({
    ok: false,
    error: { message: `More than ${max.toLocaleString('en-US')} events fall in the chosen range. Choose a shorter range.` },
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

  for (const ev of events) {
    if (ev.recurrenceId) {
      // A changed occurrence: its own times; without an end, the series' length.
      const master = masters.get(ev.uid);
      const len = ev.end || ev.duration || !master ? eventLength(ev) : eventLength(master);
      const start = instantOf(ev.start);
      if (!push({ event: ev, start, end: endOf(ev.start.zone, ev.start.wall, len), allDay: ev.start.date })) return tooMany();
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
      const until = rule.until;
      const withinUntil = until
        ? until.date
          ? (w: number) => wallDate(w) <= until.wall
          : until.utc
            ? (w: number) => zone.toInstant(w) <= until.wall
            : (w: number) => w <= until.wall
        : undefined;
      const r = expandRRule(rule, ev.start.wall, { startWall, endWall, withinUntil, maxOccurrences: max + 1 });
      if (r.truncated) {
        if (r.walls.length > max) return tooMany();
        notes.push({ line: ev.line, message: `The repeat rule of the event on line ${ev.line} was cut short (too many repetitions).`, summary: ev.summary });
      }
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
      if (!push({ event: ev, start, end: endOf(zone, w, l), allDay: ev.start.date })) return tooMany();
    }
  }

  out.sort((a, b) => a.start - b.start || a.end - b.end || a.event.line - b.event.line);
  return { ok: true, occurrences: out, notes };
}
