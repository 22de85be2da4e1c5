/**
 * Calendar import ids: `ics:<calendar name, URI-encoded>:<imported at, epoch ms>`. The import
 * list is derived from the segments' `importId` index, so the id itself carries the name and
 * the time (no extra table). Re-importing a calendar of the same name replaces the earlier
 * import. Pure.
 */
import type { ParsedCalendar } from './parse-calendar';

export const ICS_PREFIX = 'ics:';
export const MAX_CALENDAR_NAME = 60;

export interface ImportIdParts {
  name: string;
  importedAt: number;
}

/** Trim, collapse spaces, drop control characters, cut to 60 characters; '' becomes "Calendar". */
export function cleanCalendarName(name: string): string {
  const cleaned = name
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_CALENDAR_NAME)
    .trim();
  return cleaned || 'Calendar';
}

export function makeImportId(name: string, importedAt: number): string {
  return `${ICS_PREFIX}${encodeURIComponent(cleanCalendarName(name))}:${Math.floor(importedAt)}`;
}

/** Name and time of an `ics:` import id; null for any other id. */
export function parseImportId(id: string): ImportIdParts | null {
  if (!id.startsWith(ICS_PREFIX)) return null;
  const rest = id.slice(ICS_PREFIX.length);
  const colon = rest.lastIndexOf(':');
  if (colon < 0) return null;
  const at = Number(rest.slice(colon + 1));
  if (!/^\d+$/.test(rest.slice(colon + 1)) || !Number.isFinite(at)) return null;
  try {
    return { name: decodeURIComponent(rest.slice(0, colon)), importedAt: at };
  } catch {
    return null;
  }
}

/** Calendar names are the same when equal ignoring case and spacing. */
export function sameCalendarName(a: string, b: string): boolean {
  return cleanCalendarName(a).toLocaleLowerCase() === cleanCalendarName(b).toLocaleLowerCase();
}

/**
 * The name to suggest for a file: its X-WR-CALNAME unless that is an e-mail address (Google
 * names the main calendar after the owner's address; it is not kept) or just "Calendar"
 * (Outlook), else the product
 * ("Google Calendar", "Outlook calendar", "Apple Calendar"), else the file name.
 */
export function suggestCalendarName(calendar: Pick<ParsedCalendar, 'name' | 'product'>, fileName?: string): string {
  const generic = /^(calendar|kalender|calendrier|calendario|agenda)$/i;
  if (calendar.name && !calendar.name.includes('@') && !generic.test(calendar.name.trim()))
    return cleanCalendarName(calendar.name);
  const product = (calendar.product ?? '').toLowerCase();
  if (product.includes('google')) return 'Google Calendar';
  if (product.includes('microsoft') || product.includes('outlook') || product.includes('exchange'))
    return 'Outlook calendar';
  if (product.includes('apple')) return 'Apple Calendar';
  const base = (fileName ?? '').replace(/\.(ics|ical|ifb|icalendar)$/i, '');
  if (base && !base.includes('@')) return cleanCalendarName(base.replace(/[_]+/g, ' '));
  return 'Calendar';
}
