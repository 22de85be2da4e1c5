/**
 * Dates and date ranges as the calendar import shows them: with the year only when it is not the
 * current one ("Mon, Mar 3, 2025 – Fri, Nov 27"). Pure; `locale` undefined = the runtime's.
 */
import { dateTimeFormat } from './format';

/** A date (weekday, month, day), with the year when it differs from `now`'s. */
export function formatDateNear(t: number, now: number, locale?: string): string {
  const sameYear = new Date(t).getFullYear() === new Date(now).getFullYear();
  return dateTimeFormat(
    locale,
    sameYear
      ? { weekday: 'short', month: 'short', day: 'numeric' }
      : { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' },
  ).format(t);
}

/** `start` to `endExclusive` (its last instant), each with its year when not the current one. */
export function formatDateRange(start: number, endExclusive: number, now: number, locale?: string): string {
  return `${formatDateNear(start, now, locale)} – ${formatDateNear(Math.max(start, endExclusive - 1), now, locale)}`;
}
