/**
 * Read an iCalendar file: text → calendar name, product and events (stages 1–3 in
 * ics-lines.ts, ics-components.ts and ics-events.ts). Pure; never throws — anything
 * unexpected becomes an error result, so a bad file can never lose data already stored.
 */
import { readComponents, prop, type IcsComponent, type IcsError } from './ics-components';
import { readEvent, type EventProblem, type IcsEvent } from './ics-events';
import { unescapeText } from './ics-lines';
import { createZoneResolver } from './resolve-zone';

export interface ParsedCalendar {
  /** X-WR-CALNAME, unescaped (may be the owner's e-mail address for Google exports). */
  name: string | null;
  /** PRODID, e.g. `-//Google Inc//Google Calendar 70.9054//EN`. */
  product: string | null;
  /** The owner's address when the file says it (Google names the calendar after it). */
  ownerEmail: string | null;
  events: IcsEvent[];
  /** Events that could not be read and lines that were ignored, with line numbers. */
  problems: EventProblem[];
  /** VEVENT components in the file (read or not). */
  eventCount: number;
}

export type ParseResult = { ok: true; calendar: ParsedCalendar } | { ok: false; error: IcsError };

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

function collect(c: IcsComponent, name: string, out: IcsComponent[]): void {
  for (const child of c.children) {
    if (child.name === name) out.push(child);
    else if (child.name !== 'VEVENT') collect(child, name, out);
  }
}

export function parseIcs(text: string): ParseResult {
  try {
    const read = readComponents(text);
    if (!read.ok) return read;
    const vtimezones: IcsComponent[] = [];
    const vevents: IcsComponent[] = [];
    let name: string | null = null;
    let product: string | null = null;
    for (const cal of read.calendars) {
      collect(cal, 'VTIMEZONE', vtimezones);
      collect(cal, 'VEVENT', vevents);
      name ??= prop(cal, 'X-WR-CALNAME') ? unescapeText(prop(cal, 'X-WR-CALNAME')!.value).trim() || null : null;
      product ??= prop(cal, 'PRODID')?.value.trim() || null;
    }
    const resolveZone = createZoneResolver(vtimezones);
    const events: IcsEvent[] = [];
    const problems: EventProblem[] = [...read.problems];
    const seen = new Set<string>();
    for (const c of vevents) {
      const r = readEvent(c, resolveZone);
      if (r.ok) {
        events.push(r.event);
        for (const n of r.notes) {
          // Zone notes repeat for every event of that zone: report each once.
          if (seen.has(n.message)) continue;
          seen.add(n.message);
          problems.push(n);
        }
      } else problems.push(r.problem);
    }
    if (read.eventCount === 0 && vtimezones.length === 0 && read.calendars.every((c) => c.children.length === 0)) {
      // An empty calendar is valid; say so instead of importing nothing silently.
      problems.push({ line: 1, message: 'The calendar has no events.' });
    }
    const ownerEmail = name && EMAIL.test(name) ? name.toLowerCase() : null;
    return { ok: true, calendar: { name, product, ownerEmail, events, problems, eventCount: read.eventCount } };
  } catch (e) {
    return { ok: false, error: { message: `The file could not be read (${e instanceof Error ? e.message : String(e)}).` } };
  }
}
