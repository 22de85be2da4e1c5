/**
 * The plausible range for any instant that arrives from a file (a backup, a rules file, a manual
 * block, a calendar): from 1 January 2000 to one year after now. Creative Ratio could never have
 * recorded anything outside it; a file that says otherwise is refused with a clear message instead of
 * producing year-275760 weeks that break charts, week maths and date formatting.
 */

/** 2000-01-01T00:00:00Z. */
export const EARLIEST_INSTANT = Date.UTC(2000, 0, 1);
/** How far past now an instant may lie (a rule "only from" or a planned block next year). */
export const FUTURE_SLACK_MS = 366 * 24 * 60 * 60 * 1000;

export interface InstantRange {
  min: number;
  max: number;
}

export function plausibleRange(now: number): InstantRange {
  return { min: EARLIEST_INSTANT, max: now + FUTURE_SLACK_MS };
}

export function isPlausibleInstant(value: unknown, range: InstantRange): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= range.min && value <= range.max;
}

/** "between 2000-01-01 and 2027-12-05" — the end of a message such as `"start" must be a date between …`. */
export function rangeText(range: InstantRange): string {
  const day = (t: number): string => new Date(t).toISOString().slice(0, 10);
  return `between ${day(range.min)} and ${day(range.max)}`;
}
