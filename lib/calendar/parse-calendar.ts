/**
 * Read an iCalendar file: text → calendar name, product and events (stages 1–3 in
 * ics-lines.ts, ics-components.ts and ics-events.ts; repeat rules by ical.js in repeat-rule.ts).
 * Never throws — anything unexpected, or a file over its work budget (budget.ts), becomes an
 * error result, so a bad file can never lose data already stored.
 *
 * Events that start before 2000 or more than a year after `now` are skipped and counted
 * (`outOfRange`); a file with nothing else is an error. Pure apart from the budget's clock.
 *
 * Runs off the page's main thread: the pages call it through parseCalendarInWorker
 * (lib/calendar/worker-client.ts), the service worker in-process (import-calendar.ts).
 */
import { Budget, BudgetExceeded } from './budget';
import { PLAUSIBLE_AHEAD_MS, PLAUSIBLE_FROM } from './limits';
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
  /** Events skipped because they start before 2000 or more than a year after `now`. */
  outOfRange: number;
}

export interface ParseOptions {
  /** The import's "now" (for the plausible range); defaults to the clock. */
  now?: number;
  /** The file's work budget; pass the same one to expandEvents. */
  budget?: Budget;
  /** Called now and then with the share of events read (0…1). */
  onProgress?: (done: number) => void;
}

export type ParseResult = { ok: true; calendar: ParsedCalendar } | { ok: false; error: IcsError };

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

function collect(c: IcsComponent, name: string, out: IcsComponent[]): void {
  for (const child of c.children) {
    if (child.name === name) out.push(child);
    else if (child.name !== 'VEVENT') collect(child, name, out);
  }
}

function dateText(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

export function parseIcs(text: string, options: ParseOptions = {}): ParseResult {
  const budget = options.budget ?? new Budget();
  const now = options.now ?? Date.now();
  const latest = now + PLAUSIBLE_AHEAD_MS;
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
    const resolveZone = createZoneResolver(vtimezones, budget);
    const events: IcsEvent[] = [];
    const problems: EventProblem[] = [...read.problems];
    const seen = new Set<string>();
    let outOfRange = 0;
    const step = Math.max(1, Math.floor(vevents.length / 50));
    for (let i = 0; i < vevents.length; i++) {
      const c = vevents[i]!;
      if (options.onProgress && i % step === 0) options.onProgress(i / vevents.length);
      budget.time();
      const r = readEvent(c, resolveZone, budget);
      if (r.ok) {
        const start = r.event.start.zone.toInstant(r.event.start.wall);
        if (!(start >= PLAUSIBLE_FROM && start <= latest)) {
          outOfRange++;
          continue;
        }
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
    if (outOfRange > 0) {
      const range = `${dateText(PLAUSIBLE_FROM)} … ${dateText(latest)}`;
      if (events.length === 0) {
        return {
          ok: false,
          error: {
            message: `All ${outOfRange.toLocaleString('en-US')} events of this file start outside ${range} (before 2000 or more than a year from now). Nothing was imported.`,
          },
        };
      }
      problems.push({
        line: 1,
        message: `${outOfRange.toLocaleString('en-US')} event${outOfRange === 1 ? '' : 's'} starting outside ${range} (before 2000 or more than a year from now) ${outOfRange === 1 ? 'was' : 'were'} skipped.`,
      });
    }
    options.onProgress?.(1);
    const ownerEmail = name && EMAIL.test(name) ? name.toLowerCase() : null;
    return {
      ok: true,
      calendar: { name, product, ownerEmail, events, problems, eventCount: read.eventCount, outOfRange },
    };
  } catch (e) {
    if (e instanceof BudgetExceeded) return { ok: false, error: { message: e.message } };
    return {
      ok: false,
      error: { message: `The file could not be read (${e instanceof Error ? e.message : String(e)}).` },
    };
  }
}
