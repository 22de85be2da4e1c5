/**
 * One calendar being previewed, held where it was read: the calendar worker (calendar.worker.ts)
 * or, where there is no Worker, in-process (worker-client.ts loads this module lazily). It keeps
 * the parsed calendar and its expansion, and answers what the Settings page asks as the person
 * changes the options: the import plan (meeting rules, merge, segments), the owner's events, and
 * what a subscription's first import writes. The page only ever receives these answers — plain,
 * structured-clone-friendly data — never the calendar, so no reading, expanding or judging runs
 * on its main thread. This module loads ical.js. Never throws.
 */
import { Budget, type BudgetLimits } from './budget';
import { expandEvents, type ExpandOutcome } from './expand-events';
import type { IcsError } from './ics-components';
import { detectOwner, eventsListing, type OwnerGuess } from './owner-detection';
import type { ParsedCalendar } from './parse-calendar';
import type { MeetingClassRule } from './meeting-classes';
import { planImport, type ImportPlan } from './plan-import';
import { readCalendar, type ReadCalendarOptions } from './read-calendar';
import { planRefresh, type RefreshContext, type RefreshPlanResult } from './refresh-plan';
import type { CalendarSubscription } from './subscription';

/** What the page learns about the calendar once it is read (to propose a name and an owner). */
export interface CalendarInfo {
  /** X-WR-CALNAME, if any. */
  name: string | null;
  /** PRODID, if any. */
  product: string | null;
  /** Events in the file (for the page's wording only). */
  events: number;
  /** The proposed owner (lib/calendar/owner-detection.ts), or null. */
  ownerGuess: OwnerGuess | null;
}

/** Opening reads and expands the first window: the reader's own options (read-calendar.ts). */
export type SessionOpenOptions = ReadCalendarOptions;

export type OpenResult = { ok: true; info: CalendarInfo } | { ok: false; error: IcsError };

/** The options a preview is planned with. */
export interface PreviewRequest {
  from: number;
  to: number;
  keepTitles: boolean;
  meetingWords: string[];
  /** The address in the "Whose calendar is it?" field, '' when none (or not an address). */
  ownerEmail: string;
  countTentative: boolean;
  /** Meeting classification rules in force (lib/calendar/meeting-classes.ts). */
  meetingClasses?: readonly MeetingClassRule[];
}

export type PreviewResult = { ok: true; plan: ImportPlan; listedIn: number } | { ok: false; message: string };

export class CalendarSession {
  private text = '';
  private calendar: ParsedCalendar | null = null;
  private expansion: { from: number; to: number; outcome: ExpandOutcome } | null = null;
  private limits: BudgetLimits | undefined;
  private clock: (() => number) | undefined;

  /** Read and expand the text for a first window. A second call replaces the calendar. */
  open(text: string, options: SessionOpenOptions): OpenResult {
    this.calendar = null;
    this.expansion = null;
    this.limits = options.limits;
    this.clock = options.clock;
    const r = readCalendar(text, options);
    if (!r.ok) return r;
    this.text = text;
    this.calendar = r.calendar;
    this.expansion = { from: options.from, to: options.to, outcome: r.expanded };
    return {
      ok: true,
      info: {
        name: r.calendar.name,
        product: r.calendar.product,
        events: r.calendar.events.length,
        ownerGuess: detectOwner(r.calendar),
      },
    };
  }

  /** The plan for these options; another window is expanded again (under a fresh budget), the same one is not. */
  plan(req: PreviewRequest): PreviewResult {
    const calendar = this.calendar;
    if (!calendar) return { ok: false, message: 'No calendar has been read.' };
    if (!this.expansion || this.expansion.from !== req.from || this.expansion.to !== req.to) {
      this.expansion = {
        from: req.from,
        to: req.to,
        outcome: expandEvents(calendar.events, {
          from: req.from,
          to: req.to,
          budget: new Budget(this.limits, this.clock),
        }),
      };
    }
    const owner = req.ownerEmail.trim().toLowerCase();
    const r = planImport(
      // The field decides: the file's own suggestion is only its initial value.
      { ...calendar, ownerEmail: null },
      {
        from: req.from,
        to: req.to,
        keepTitles: req.keepTitles,
        meetingWords: req.meetingWords,
        ownerEmails: owner ? [owner] : [],
        countTentative: req.countTentative,
        importId: 'preview',
        meetingClasses: req.meetingClasses,
        summaries: true,
      },
      this.expansion.outcome,
    );
    if (!r.ok) return { ok: false, message: r.error.message };
    return { ok: true, plan: r.plan, listedIn: owner ? eventsListing(calendar, owner) : 0 };
  }

  /** What subscribing imports now: the same refresh the background makes every hour. */
  refresh(sub: Pick<CalendarSubscription, 'importId' | 'options' | 'host'>, ctx: RefreshContext): RefreshPlanResult {
    if (!this.calendar) return { ok: false, kind: 'invalid', message: 'No calendar has been read.' };
    return planRefresh(this.text, sub, ctx);
  }
}

/** Messages between the page (worker-client.ts) and the worker (calendar.worker.ts). */
export type SessionRequest =
  /** `text`: the calendar's text, or the chosen file itself (read where the session runs, not on the page). */
  | { id: number; kind: 'open'; text: string | Blob; options: Omit<SessionOpenOptions, 'onProgress' | 'clock'> }
  | { id: number; kind: 'plan'; request: PreviewRequest }
  | {
      id: number;
      kind: 'refresh';
      sub: Pick<CalendarSubscription, 'importId' | 'options' | 'host'>;
      ctx: RefreshContext;
    };

export type SessionResponse =
  | { id: number; kind: 'progress'; done: number }
  | { id: number; kind: 'open'; result: OpenResult }
  | { id: number; kind: 'plan'; result: PreviewResult }
  | { id: number; kind: 'refresh'; result: RefreshPlanResult };

function blobText(blob: Blob): Promise<string> {
  if (typeof blob.text === 'function') return blob.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsText(blob);
  });
}

/** Answer one request (the worker's and the in-process session's common dispatcher). Never rejects. */
export async function answer(
  session: CalendarSession,
  req: SessionRequest,
  progress?: (done: number) => void,
): Promise<SessionResponse> {
  try {
    switch (req.kind) {
      case 'open': {
        let text: string;
        try {
          text = typeof req.text === 'string' ? req.text : await blobText(req.text);
        } catch (e) {
          return {
            id: req.id,
            kind: 'open',
            result: {
              ok: false,
              error: { message: `The file could not be read: ${e instanceof Error ? e.message : String(e)}` },
            },
          };
        }
        return { id: req.id, kind: 'open', result: session.open(text, { ...req.options, onProgress: progress }) };
      }
      case 'plan':
        return { id: req.id, kind: 'plan', result: session.plan(req.request) };
      case 'refresh':
        return { id: req.id, kind: 'refresh', result: session.refresh(req.sub, req.ctx) };
    }
  } catch (e) {
    const message = `The calendar could not be processed (${e instanceof Error ? e.message : String(e)}).`;
    if (req.kind === 'open') return { id: req.id, kind: 'open', result: { ok: false, error: { message } } };
    if (req.kind === 'plan') return { id: req.id, kind: 'plan', result: { ok: false, message } };
    return { id: req.id, kind: 'refresh', result: { ok: false, kind: 'invalid', message } };
  }
}
