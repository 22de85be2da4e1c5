/**
 * The calendar vendors a subscription may reach, in ONE place: wxt.config.ts builds the manifest's
 * `optional_host_permissions` and the extension pages' Content-Security-Policy from this list, and
 * the subscription code (lib/calendar/subscription-url.ts, lib/browser/calendar-sync.ts) checks
 * and requests hosts against it. A host not listed here cannot be reached at all: the browser's
 * CSP blocks it. (wxt.config.ts imports this file directly: keep it free of `@/` imports.) Pure.
 */

export interface CalendarVendor {
  id: 'google' | 'outlook' | 'icloud' | 'fastmail' | 'proton' | 'zoho';
  name: string;
  /** Exact hosts, or `*.domain` for any sub-domain (iCloud serves published calendars from pNN-caldav.icloud.com). */
  hosts: readonly string[];
  /** Where the person finds the private address (shown in the form and in docs/calendar.md). */
  where: string;
}

export const CALENDAR_VENDORS: readonly CalendarVendor[] = [
  {
    id: 'google',
    name: 'Google Calendar',
    hosts: ['calendar.google.com'],
    where: 'Settings → your calendar → Integrate calendar → Secret address in iCal format',
  },
  {
    id: 'outlook',
    name: 'Outlook',
    hosts: ['outlook.office365.com', 'outlook.office.com', 'outlook.live.com'],
    where: 'Outlook on the web → Settings → Calendar → Shared calendars → Publish a calendar → ICS link',
  },
  {
    id: 'icloud',
    name: 'Apple iCloud',
    hosts: ['*.icloud.com'],
    where: 'iCloud Calendar → share the calendar → Public Calendar → copy the link',
  },
  {
    // Published calendars are served from user.fm (https://user.fm/calendar/v1-<key>/<name>.ics).
    id: 'fastmail',
    name: 'Fastmail',
    hosts: ['user.fm'],
    where:
      'Settings → Calendars → Edit & share on the calendar → tick the full-details public URL → copy it (user.fm/calendar/…)',
  },
  {
    // https://calendar.proton.me/api/calendar/v1/url/<id>/calendar.ics?CacheKey=…&PassphraseKey=…
    id: 'proton',
    name: 'Proton Calendar',
    hosts: ['calendar.proton.me'],
    where:
      'Settings → Calendars → your calendar → Share outside Proton → Create link → Full view → Copy link (paid plans)',
  },
  {
    // https://calendar.zoho.<data centre>/ical/<key>, one host per Zoho data centre.
    id: 'zoho',
    name: 'Zoho Calendar',
    hosts: ['calendar.zoho.com', 'calendar.zoho.eu', 'calendar.zoho.in', 'calendar.zoho.com.au', 'calendar.zoho.jp'],
    where:
      'Settings → Calendar → My Calendars → Share → Make this calendar public → View event details → copy the iCal address (or Export → Private ICS link)',
  },
];

/** Match patterns for `optional_host_permissions` (https only). */
export function calendarHostPatterns(): string[] {
  return CALENDAR_VENDORS.flatMap((v) => v.hosts.map((h) => `https://${h}/*`));
}

/** CSP source expressions for `connect-src` (https only). */
export function calendarConnectSources(): string[] {
  return CALENDAR_VENDORS.flatMap((v) => v.hosts.map((h) => `https://${h}`));
}

/** The vendor serving `host` (lower-case hostname), or null. */
export function vendorOfHost(host: string): CalendarVendor | null {
  const h = host.toLowerCase().replace(/\.$/, '');
  for (const v of CALENDAR_VENDORS) {
    for (const pattern of v.hosts) {
      if (pattern.startsWith('*.') ? h.endsWith(pattern.slice(1)) && h.length > pattern.length - 1 : h === pattern)
        return v;
    }
  }
  return null;
}

/**
 * The Content-Security-Policy of every extension page (and the service worker): only the
 * extension's own files, plus the calendar vendors for `connect-src`. No remote script, style,
 * font, image, frame, object or form target; `'self'` is the packaged extension itself.
 */
export function extensionPagesCsp(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "media-src 'none'",
    "worker-src 'self'",
    `connect-src 'self' ${calendarConnectSources().join(' ')}`,
    "object-src 'none'",
    "frame-src 'none'",
    "child-src 'none'",
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
