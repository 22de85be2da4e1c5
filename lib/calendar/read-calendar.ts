/**
 * The calendar reader: file text → parsed calendar and its occurrences in a window, under one
 * work budget for the whole file (budget.ts). This is the module that loads ical.js; it runs
 * in the Web Worker the pages start (calendar.worker.ts, through worker-client.ts) and, where
 * there is no Worker (the extension's service worker), in-process — there the budget is what
 * bounds it. Load it lazily (`await import('@/lib/calendar/read-calendar')`) so ical.js stays
 * out of start-up bundles. Never throws.
 */
import { Budget, type BudgetLimits } from './budget';
import { expandEvents, type ExpandOutcome } from './expand-events';
import type { IcsError } from './ics-components';
import { parseIcs, type ParsedCalendar } from './parse-calendar';

export interface ReadCalendarOptions {
  /** The window to expand (epoch ms, [from, to)). */
  from: number;
  to: number;
  /** The import's "now" (plausible range: 2000 … now + 1 year). */
  now: number;
  /** 0…1: reading is the first half, expanding the second. */
  onProgress?: (done: number) => void;
  /** Tests only: smaller limits, a fake clock. */
  limits?: BudgetLimits;
  clock?: () => number;
}

export type ReadCalendarResult =
  { ok: true; calendar: ParsedCalendar; expanded: ExpandOutcome & { ok: true } } | { ok: false; error: IcsError };

export function readCalendar(text: string, options: ReadCalendarOptions): ReadCalendarResult {
  const budget = new Budget(options.limits, options.clock);
  const report = options.onProgress;
  const parsed = parseIcs(text, { now: options.now, budget, onProgress: report && ((d) => report(d / 2)) });
  if (!parsed.ok) return parsed;
  const expanded = expandEvents(parsed.calendar.events, {
    from: options.from,
    to: options.to,
    budget,
    onProgress: report && ((d) => report(0.5 + d / 2)),
  });
  if (!expanded.ok) return expanded;
  return { ok: true, calendar: parsed.calendar, expanded };
}
