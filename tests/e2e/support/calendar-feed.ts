/**
 * A Google Calendar secret-address feed played by the fake tool server, for the subscription tests
 * (tests/e2e/calendar-subscription.e2e.ts in Chromium, tests/e2e/firefox/calendar-permission.e2e.ts):
 * an iCalendar body the test can change, served with an ETag so a refresh of an unchanged feed is a
 * conditional request answered 304, and a log of every request for the feed.
 */
import type { ServeOverride } from './fake-tools.ts';

export const FEED_HOST = 'calendar.google.com';
const MIN = 60_000;

export interface FeedEvent {
  uid: string;
  start: number;
  minutes: number;
}

/** A UTC time as iCalendar writes it: `20250102T090000Z`. */
function icsUtc(t: number): string {
  return new Date(t)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** A calendar as Google exports it: one "Client call" per event, `owner` organising with one client. */
export function calendarFeed(owner: string, events: FeedEvent[]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    `X-WR-CALNAME:${owner}`,
    ...events.flatMap((e) => [
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTART:${icsUtc(e.start)}`,
      `DTEND:${icsUtc(e.start + e.minutes * MIN)}`,
      'SUMMARY:Client call',
      `ORGANIZER:mailto:${owner}`,
      `ATTENDEE;PARTSTAT=ACCEPTED:mailto:${owner}`,
      'ATTENDEE;PARTSTAT=ACCEPTED:mailto:client@example.org',
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

export interface FeedRequest {
  url: string;
  ifNoneMatch: string | undefined;
  status: number;
}

export interface ServedFeed {
  /** What the feed answers now; `version` is its ETag (`"v1"`), so bump it with every new body. */
  served: { version: number; body: string };
  /** Every request for a calendar address on the feed's host, in order. */
  requests: FeedRequest[];
  /** The fake server's override: the feed at `feedPath`, 404 for any other calendar address on its host. */
  serve: ServeOverride;
}

/** A feed at `https://calendar.google.com{feedPath}` serving `body` (version 1) until the test changes it. */
export function servedFeed(feedPath: string, body: string): ServedFeed {
  const served = { version: 1, body };
  const requests: FeedRequest[] = [];
  const serve: ServeOverride = ({ host, url, headers }): ReturnType<ServeOverride> => {
    if (host !== FEED_HOST || !url.startsWith('/calendar/ical/')) return null;
    const ifNoneMatch = headers['if-none-match'];
    if (url !== feedPath) {
      requests.push({ url, ifNoneMatch, status: 404 });
      return { status: 404, headers: {}, body: 'Not found' };
    }
    const etag = `"v${served.version}"`;
    const status = ifNoneMatch === etag ? 304 : 200;
    requests.push({ url, ifNoneMatch, status });
    return status === 304
      ? { status, headers: { etag } }
      : { status, headers: { 'content-type': 'text/calendar; charset=utf-8', etag }, body: served.body };
  };
  return { served, requests, serve };
}
