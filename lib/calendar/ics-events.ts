/**
 * Stage 3 of reading an iCalendar file: VEVENT components → plain event records, with times
 * resolved to zones. Only what the meeting rules need is read; descriptions, locations, URLs
 * and attendee names are never copied out of the file (attendee addresses are read only to
 * count people and to find the owner's own reply, and are dropped right after). Pure.
 */
import type { Budget, Spender } from './budget';
import { prop, props, type IcsComponent } from './ics-components';
import { param, splitTextList, unescapeText, type ContentLine } from './ics-lines';
import { parseDuration, parsePeriod, parseTime, type Duration, type RawTime } from './ics-values';
import type { ZoneResolver } from './resolve-zone';
import { readRepeatRule, type RepeatRule } from './repeat-rule';
import { FLOATING_ZONE, UTC_ZONE, type Zone } from './time-zones';

/** A DATE or DATE-TIME with its zone (DATE and floating values use the computer's zone). */
export interface IcsTime {
  wall: number;
  date: boolean;
  zone: Zone;
}

export type PartStat = 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED' | 'TENTATIVE' | 'DELEGATED' | 'OTHER';

/** One person on the event, reduced to what the rules need (never stored). */
export interface Participant {
  /** Lower-cased address without `mailto:`, or the lower-cased name when there is no address. */
  id: string;
  partstat: PartStat;
  /** ROOM or RESOURCE participants are not people. */
  isResource: boolean;
}

export interface RDateValue {
  time: IcsTime;
  /** A PERIOD RDATE carries its own end. */
  end?: IcsTime;
  duration?: Duration;
}

export interface IcsEvent {
  /** Line of BEGIN:VEVENT. */
  line: number;
  uid: string;
  summary: string;
  start: IcsTime;
  end?: IcsTime;
  duration?: Duration;
  /** Repeat rules, read by ical.js (lib/calendar/repeat-rule.ts). */
  rrules: RepeatRule[];
  rdates: RDateValue[];
  exdates: IcsTime[];
  recurrenceId?: IcsTime;
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED' | 'NONE';
  /** TRANSP:TRANSPARENT — shown as free. */
  transparent: boolean;
  /** X-MICROSOFT-CDO-BUSYSTATUS (or INTENDEDSTATUS): FREE, TENTATIVE, BUSY, OOF, WORKINGELSEWHERE. */
  busyStatus?: string;
  organizer?: Participant;
  attendees: Participant[];
  /** The event carries an online-meeting link (Meet, Teams, Zoom…); the link itself is not kept. */
  hasConferenceLink: boolean;
  categories: string[];
  /** X-MICROSOFT-CDO-ALLDAYEVENT:TRUE (Outlook's all-day flag on DATE-TIME events). */
  allDayFlag: boolean;
}

export interface EventProblem {
  line: number;
  message: string;
  /** The event's title, for the preview (never stored). */
  summary?: string;
}

export type EventResult = { ok: true; event: IcsEvent; notes: EventProblem[] } | { ok: false; problem: EventProblem };

const CONFERENCE_PROPS = [
  'X-GOOGLE-CONFERENCE',
  'X-GOOGLE-HANGOUT',
  'X-MICROSOFT-SKYPETEAMSMEETINGURL',
  'X-MICROSOFT-ONLINEMEETINGCONFLINK',
  'X-MICROSOFT-ONLINEMEETINGEXTERNALLINK',
  'X-ZOOM-MEETING',
  'CONFERENCE',
];

export function readTime(
  line: ContentLine,
  resolveZone: ZoneResolver,
  notes: EventProblem[],
  value = line.value,
): IcsTime | null {
  const raw = parseTime(value, param(line, 'VALUE'));
  if (!raw) return null;
  return withZone(raw, param(line, 'TZID'), resolveZone, notes, line.line);
}

export function withZone(
  raw: RawTime,
  tzid: string | undefined,
  resolveZone: ZoneResolver,
  notes: EventProblem[],
  lineNo: number,
): IcsTime {
  if (raw.date) return { wall: raw.wall, date: true, zone: FLOATING_ZONE };
  if (raw.utc) return { wall: raw.wall, date: false, zone: UTC_ZONE };
  if (tzid) {
    const r = resolveZone(tzid);
    if (r.note) notes.push({ line: lineNo, message: r.note });
    return { wall: raw.wall, date: false, zone: r.zone };
  }
  return { wall: raw.wall, date: false, zone: FLOATING_ZONE };
}

function readTimeList(line: ContentLine, resolveZone: ZoneResolver, notes: EventProblem[]): IcsTime[] | null {
  const out: IcsTime[] = [];
  for (const v of line.value.split(',')) {
    if (v.trim() === '') continue;
    const t = readTime(line, resolveZone, notes, v);
    if (!t) return null;
    out.push(t);
  }
  return out;
}

/** Comma-separated values on a line, counted without splitting it. */
function countValues(value: string): number {
  let n = 1;
  for (let i = value.indexOf(','); i >= 0; i = value.indexOf(',', i + 1)) n++;
  return n;
}

function address(value: string): string {
  return value
    .trim()
    .replace(/^mailto:/i, '')
    .trim()
    .toLowerCase();
}

function participant(line: ContentLine): Participant | null {
  const addr = address(line.value);
  const id = addr || (param(line, 'CN') ?? '').trim().toLowerCase();
  if (!id) return null;
  const ps = (param(line, 'PARTSTAT') ?? 'NEEDS-ACTION').toUpperCase();
  const partstat: PartStat =
    ps === 'NEEDS-ACTION' || ps === 'ACCEPTED' || ps === 'DECLINED' || ps === 'TENTATIVE' || ps === 'DELEGATED'
      ? ps
      : 'OTHER';
  const cutype = (param(line, 'CUTYPE') ?? 'INDIVIDUAL').toUpperCase();
  return { id, partstat, isResource: cutype === 'ROOM' || cutype === 'RESOURCE' };
}

/**
 * Read one VEVENT. A missing or unreadable DTSTART makes the event unusable (reported, skipped).
 * EXDATE/RDATE values are charged to the file's budget (throws BudgetExceeded).
 */
export function readEvent(c: IcsComponent, resolveZone: ZoneResolver, budget: Budget): EventResult {
  const notes: EventProblem[] = [];
  const who: Spender = { kind: 'event', line: c.line, uid: prop(c, 'UID')?.value.trim() || `line-${c.line}` };
  const summaryLine = prop(c, 'SUMMARY');
  const summary = summaryLine ? unescapeText(summaryLine.value).replace(/\s+/g, ' ').trim() : '';
  const fail = (line: number, message: string): EventResult => ({ ok: false, problem: { line, message, summary } });

  // A line that cannot be read is usually a description that lost its folding; the event is
  // kept (its times are read from their own lines) and the line is reported.
  for (const p of c.problems) notes.push({ line: p.line, message: `${p.message} The line was ignored.`, summary });
  const dtstart = prop(c, 'DTSTART');
  if (!dtstart) return fail(c.line, `The event starting on line ${c.line} has no start time (DTSTART).`);
  const start = readTime(dtstart, resolveZone, notes);
  if (!start) return fail(dtstart.line, `Line ${dtstart.line}: "${dtstart.value}" is not a valid start time.`);

  let end: IcsTime | undefined;
  let duration: Duration | undefined;
  const dtend = prop(c, 'DTEND');
  const dur = prop(c, 'DURATION');
  if (dtend) {
    const e = readTime(dtend, resolveZone, notes);
    if (!e) return fail(dtend.line, `Line ${dtend.line}: "${dtend.value}" is not a valid end time.`);
    end = e;
  } else if (dur) {
    const d = parseDuration(dur.value);
    if (!d) return fail(dur.line, `Line ${dur.line}: "${dur.value}" is not a valid duration.`);
    duration = d;
  }

  const rrules: RepeatRule[] = [];
  for (const r of props(c, 'RRULE')) {
    const parsed = readRepeatRule(r.value);
    if (parsed.ok) rrules.push(parsed.rule);
    else
      notes.push({
        line: r.line,
        message: `Line ${r.line}: repeat rule not understood (${parsed.error}); only the first occurrence was read.`,
      });
  }

  const rdates: RDateValue[] = [];
  for (const r of props(c, 'RDATE')) {
    budget.listed(who, countValues(r.value));
    const isPeriod = (param(r, 'VALUE') ?? '').toUpperCase() === 'PERIOD' || r.value.includes('/');
    for (const v of r.value.split(',')) {
      if (v.trim() === '') continue;
      if (isPeriod) {
        const p = parsePeriod(v);
        if (!p) {
          notes.push({ line: r.line, message: `Line ${r.line}: extra date "${v}" not understood; ignored.` });
          continue;
        }
        const tzid = param(r, 'TZID');
        const rd: RDateValue = { time: withZone(p.start, tzid, resolveZone, notes, r.line) };
        if (p.end) rd.end = withZone(p.end, tzid, resolveZone, notes, r.line);
        if (p.duration) rd.duration = p.duration;
        rdates.push(rd);
      } else {
        const t = readTime(r, resolveZone, notes, v);
        if (t) rdates.push({ time: t });
        else notes.push({ line: r.line, message: `Line ${r.line}: extra date "${v}" not understood; ignored.` });
      }
    }
  }

  const exdates: IcsTime[] = [];
  for (const x of props(c, 'EXDATE')) {
    budget.listed(who, countValues(x.value));
    const list = readTimeList(x, resolveZone, notes);
    // A loop, not push(...list): a line may hold hundreds of thousands of dates.
    if (list) for (const t of list) exdates.push(t);
    else notes.push({ line: x.line, message: `Line ${x.line}: excluded date "${x.value}" not understood; ignored.` });
  }

  let recurrenceId: IcsTime | undefined;
  const rid = prop(c, 'RECURRENCE-ID');
  if (rid) {
    const t = readTime(rid, resolveZone, notes);
    if (!t) return fail(rid.line, `Line ${rid.line}: "${rid.value}" is not a valid RECURRENCE-ID.`);
    recurrenceId = t;
  }

  const statusRaw = (prop(c, 'STATUS')?.value ?? '').trim().toUpperCase();
  const status =
    statusRaw === 'CONFIRMED' || statusRaw === 'TENTATIVE' || statusRaw === 'CANCELLED' ? statusRaw : 'NONE';
  const transparent = (prop(c, 'TRANSP')?.value ?? '').trim().toUpperCase() === 'TRANSPARENT';
  const busy = (prop(c, 'X-MICROSOFT-CDO-BUSYSTATUS') ?? prop(c, 'X-MICROSOFT-CDO-INTENDEDSTATUS'))?.value
    .trim()
    .toUpperCase();

  const orgLine = prop(c, 'ORGANIZER');
  const organizer = orgLine ? (participant(orgLine) ?? undefined) : undefined;
  const attendees: Participant[] = [];
  for (const a of props(c, 'ATTENDEE')) {
    const p = participant(a);
    if (p) attendees.push(p);
  }

  const categories: string[] = [];
  for (const cat of props(c, 'CATEGORIES'))
    categories.push(
      ...splitTextList(cat.value)
        .map((s) => s.trim())
        .filter(Boolean),
    );

  const event: IcsEvent = {
    line: c.line,
    uid: who.uid,
    summary,
    start,
    rrules,
    rdates,
    exdates,
    status,
    transparent,
    attendees,
    hasConferenceLink: CONFERENCE_PROPS.some((n) => prop(c, n) !== undefined),
    categories,
    allDayFlag: (prop(c, 'X-MICROSOFT-CDO-ALLDAYEVENT')?.value ?? '').trim().toUpperCase() === 'TRUE',
  };
  if (end) event.end = end;
  if (duration) event.duration = duration;
  if (recurrenceId) event.recurrenceId = recurrenceId;
  if (busy) event.busyStatus = busy;
  if (organizer) event.organizer = organizer;
  return { ok: true, event, notes };
}
