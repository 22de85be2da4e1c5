/**
 * Calendar subscriptions: a private `.ics` address the extension re-reads on a schedule. This
 * module is the pure part — the record, what one refresh imports, the schedule and the error
 * wording. Fetching is in lib/browser/calendar-sync.ts, storage in lib/db/subscriptions.ts, and what
 * one refresh imports in refresh-plan.ts (it reads the calendar, so it loads ical.js; this module
 * does not, so pages can use it at start).
 *
 * A refresh is the same import as a file import, made idempotent: the feed is parsed and planned
 * (events keyed by UID + RECURRENCE-ID, so a changed occurrence replaces the one it names), and
 * the subscription's meetings in the range the feed covers are replaced by the new plan in one
 * transaction. So a changed event moves, a removed one disappears, a refresh of an unchanged feed
 * changes nothing, and nothing is ever counted twice. Meetings before the feed's first event are
 * kept (feeds such as Outlook's publish only a recent range). A refresh that fails changes nothing.
 */

/** Refresh every hour; the browser's alarms run it (and at browser start). */
export const REFRESH_MINUTES = 60;
/** A download is abandoned after this long. */
export const FETCH_TIMEOUT_MS = 30_000;
export { MAX_SUBSCRIPTIONS } from './limits';

export interface SubscriptionOptions {
  keepTitles: boolean;
  meetingWords: string[];
  countTentative: boolean;
  /** The owner address the person confirmed ('' = none): declined invitations are skipped. */
  ownerEmail: string;
}

export type SyncErrorKind =
  | 'not-found'
  | 'unauthorized'
  | 'not-calendar'
  | 'offline'
  | 'timeout'
  | 'too-large'
  | 'server'
  | 'invalid'
  | 'blocked';

export interface SyncError {
  kind: SyncErrorKind;
  message: string;
  at: number;
}

export interface CalendarSubscription {
  id: string;
  /** The private address (https). Stored only here, on this computer; shown masked. */
  url: string;
  host: string;
  /** The calendar's display name (also in its import id). */
  name: string;
  /** The import id its meetings carry (`ics:<name>:<created>`, lib/calendar/import-id.ts). */
  importId: string;
  createdAt: number;
  options: SubscriptionOptions;
  /** Validators of the last download (conditional requests). */
  etag: string | null;
  lastModified: string | null;
  /** End of the window the last import covered; a later window needs a full download. */
  windowTo: number | null;
  /** Last attempt, and the last one that succeeded (imported, or the server said "not modified"). */
  lastAttempt: number | null;
  lastSuccess: number | null;
  /** The error of the last attempt; null when it succeeded. */
  error: SyncError | null;
  /** What the last successful import held. */
  lastResult: { meetings: number; from: number; to: number } | null;
}

/** A subscription that has never been refreshed: what the person chose, and no download yet. */
export function newSubscription(
  fields: Pick<CalendarSubscription, 'id' | 'url' | 'host' | 'name' | 'importId' | 'createdAt' | 'options'>,
): CalendarSubscription {
  return {
    ...fields,
    etag: null,
    lastModified: null,
    windowTo: null,
    lastAttempt: null,
    lastSuccess: null,
    error: null,
    lastResult: null,
  };
}

/** Plain words for each failure (Settings shows them under the subscription). */
export function syncErrorMessage(
  kind: SyncErrorKind,
  detail: { host: string; status?: number; text?: string },
): string {
  switch (kind) {
    case 'not-found':
      return `The calendar address no longer exists (${detail.status ?? 404}). It may have been unpublished or its secret address reset: copy the new address and subscribe again.`;
    case 'unauthorized':
      return `${detail.host} refused to share the calendar (${detail.status ?? 401}). The address may have been reset or made private: copy the current one and subscribe again.`;
    case 'not-calendar':
      return `The address did not return a calendar${detail.text ? ` (${detail.text})` : ''}. Copy the address that ends in .ics (the “secret” or “ICS” link), not the calendar’s web page.`;
    case 'offline':
      return `${detail.host} could not be reached (offline, or the server is down). The next refresh tries again.`;
    case 'timeout':
      return `${detail.host} did not answer within ${FETCH_TIMEOUT_MS / 1000} seconds. The next refresh tries again.`;
    case 'too-large':
      return 'The calendar is larger than 10 MB. Subscribe to a single calendar, or download a shorter range and import the file.';
    case 'server':
      return `${detail.host} had a problem (${detail.status ?? 500}). The next refresh tries again.`;
    case 'invalid':
      return `The calendar could not be read: ${detail.text ?? 'it is damaged'}`;
    case 'blocked':
      return `Creative Ratio is not allowed to reach ${detail.host}. Remove the subscription and subscribe again to grant access.`;
  }
}

/** When the next scheduled refresh runs after `lastAttempt` (null: at the next alarm). */
export function nextRefreshAt(lastAttempt: number | null, alarmAt: number | null): number | null {
  if (alarmAt !== null) return alarmAt;
  return lastAttempt === null ? null : lastAttempt + REFRESH_MINUTES * 60_000;
}

/** Does the text look like an iCalendar file at all (before parsing)? */
export function looksLikeCalendar(text: string): boolean {
  return /^\s*BEGIN:VCALENDAR/i.test(text.replace(/^\uFEFF/, ''));
}
