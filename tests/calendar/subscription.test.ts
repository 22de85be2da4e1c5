import { describe, expect, it } from 'vitest';
import {
  calendarConnectSources,
  calendarHostPatterns,
  extensionPagesCsp,
  vendorOfHost,
} from '@/lib/calendar/calendar-hosts';
import { importWindow, meetingHoursByWeek } from '@/lib/calendar/import-window';
import { MAX_WINDOW_MS } from '@/lib/calendar/limits';
import { detectOwner, eventsListing } from '@/lib/calendar/owner-detection';
import { parseIcs } from '@/lib/calendar/parse-calendar';
import { planRefresh } from '@/lib/calendar/refresh-plan';
import { looksLikeCalendar, syncErrorMessage, type SyncErrorKind } from '@/lib/calendar/subscription';
import { maskSubscriptionUrl, parseSubscriptionUrl } from '@/lib/calendar/subscription-url';
import { formatDateNear, formatDateRange } from '@/lib/ui/date-range';
import { calendar, fixture } from './helpers';

const GOOGLE =
  'https://calendar.google.com/calendar/ical/jane.doe%40acme.example/private-0123456789abcdef0123456789abcdef/basic.ics';
const OUTLOOK =
  'https://outlook.office365.com/owa/calendar/5f8c1e2a@acme.example/9b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e/calendar.ics';
// The shapes the providers hand out (keys made up).
const FASTMAIL = 'https://user.fm/calendar/v1-0123456789abcdef0123456789abcdef/Work%20Calendar.ics';
const PROTON =
  'https://calendar.proton.me/api/calendar/v1/url/AbC123xyz==/calendar.ics?CacheKey=x-Y_z%3D%3D&PassphraseKey=Pq%2Br%3D';
const ZOHO = 'https://calendar.zoho.eu/ical/zz0801123049a179a62a00a9dfb9fa7a1644b625a82411/pvt_0123456789abcdef';
const ICLOUD = 'webcal://p52-caldav.icloud.com/published/2/MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI';

describe('calendar vendor hosts: one list for the manifest, the CSP and the permission code', () => {
  it('gives https match patterns and CSP sources for the same hosts', () => {
    expect(calendarHostPatterns()).toEqual([
      'https://calendar.google.com/*',
      'https://outlook.office365.com/*',
      'https://outlook.office.com/*',
      'https://outlook.live.com/*',
      'https://*.icloud.com/*',
      'https://user.fm/*',
      'https://calendar.proton.me/*',
      'https://calendar.zoho.com/*',
      'https://calendar.zoho.eu/*',
      'https://calendar.zoho.in/*',
      'https://calendar.zoho.com.au/*',
      'https://calendar.zoho.jp/*',
    ]);
    expect(calendarConnectSources()).toEqual(calendarHostPatterns().map((p) => p.replace(/\/\*$/, '')));
  });

  it.each([
    ['calendar.google.com', 'google'],
    ['CALENDAR.GOOGLE.COM', 'google'],
    ['outlook.live.com', 'outlook'],
    ['p52-caldav.icloud.com', 'icloud'],
    ['user.fm', 'fastmail'],
    ['calendar.proton.me', 'proton'],
    ['calendar.zoho.eu', 'zoho'],
    ['calendar.zoho.com.au', 'zoho'],
    ['icloud.com', null],
    ['evil.user.fm', null],
    ['mail.proton.me', null],
    ['calendar.zoho.com.evil.example', null],
    ['nextcloud.example.com', null],
    ['evilicloud.com', null],
    ['calendar.google.com.evil.example', null],
    ['docs.google.com', null],
    ['example.com', null],
  ])('%s → %s', (host, vendor) => {
    expect(vendorOfHost(host)?.id ?? null).toBe(vendor);
  });

  it('the CSP allows only the extension itself, plus the vendors for connect-src', () => {
    const csp = extensionPagesCsp();
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k!, v]),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-src']).toEqual(["'none'"]);
    expect(directives['font-src']).toEqual(["'self'"]);
    expect(directives['img-src']).toEqual(["'self'", 'data:']);
    expect(directives['connect-src']).toEqual(["'self'", ...calendarConnectSources()]);
    // No wildcard source, no plain http, no remote scheme anywhere.
    for (const values of Object.values(directives))
      for (const v of values) expect(v).not.toMatch(/^(\*|https?:|http:\/\/|wss?:)$/);
    expect(csp).not.toContain('http://');
    expect(csp).not.toContain('unsafe-eval');
  });
});

describe('parseSubscriptionUrl', () => {
  it.each([
    [GOOGLE, GOOGLE, 'calendar.google.com'],
    [`  ${GOOGLE}\n`, GOOGLE, 'calendar.google.com'],
    [GOOGLE.replace('https://', 'webcal://'), GOOGLE, 'calendar.google.com'],
    [GOOGLE.replace('https://', 'http://'), GOOGLE, 'calendar.google.com'],
    [GOOGLE.replace('https://', ''), GOOGLE, 'calendar.google.com'],
    [OUTLOOK, OUTLOOK, 'outlook.office365.com'],
    [ICLOUD, ICLOUD.replace('webcal://', 'https://'), 'p52-caldav.icloud.com'],
    [`${GOOGLE}#fragment`, GOOGLE, 'calendar.google.com'],
    [FASTMAIL, FASTMAIL, 'user.fm'],
    [FASTMAIL.replace('https://', 'webcal://'), FASTMAIL, 'user.fm'],
    [PROTON, PROTON, 'calendar.proton.me'],
    [ZOHO, ZOHO, 'calendar.zoho.eu'],
  ])('accepts %s', (input, url, host) => {
    const r = parseSubscriptionUrl(input);
    expect(r).toMatchObject({ ok: true, url, host, origin: `https://${host}/*` });
  });

  it.each([
    ['', /Paste the calendar/],
    ['not a url at all', /not a web address|can subscribe to/],
    [
      'https://example.com/cal.ics',
      /only to calendars from Google Calendar, Outlook, Apple iCloud, Fastmail, Proton Calendar and Zoho Calendar \(example\.com.*download its \.ics file/,
    ],
    [
      'https://cloud.example.org/remote.php/dav/calendars/me/work?export',
      /example\.org is not one of them.*download its \.ics file and import it/,
    ],
    ['ftp://calendar.google.com/x.ics', /Only https/],
    ['https://user:pw@calendar.google.com/x.ics', /user name or password/],
    ['https://calendar.google.com:8443/x.ics', /port/],
    [`https://calendar.google.com/${'a'.repeat(3000)}`, /too long/],
  ])('refuses %s', (input, message) => {
    const r = parseSubscriptionUrl(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('masks the secret parts of the address', () => {
    expect(maskSubscriptionUrl(GOOGLE)).toBe('calendar.google.com/…/basic.ics');
    expect(maskSubscriptionUrl(OUTLOOK)).toBe('outlook.office365.com/…/calendar.ics');
    expect(maskSubscriptionUrl(ICLOUD.replace('webcal', 'https'))).toBe('p52-caldav.icloud.com/…');
    expect(maskSubscriptionUrl(PROTON)).toBe('calendar.proton.me/…/calendar.ics');
    expect(maskSubscriptionUrl(FASTMAIL)).toBe('user.fm/…');
    expect(maskSubscriptionUrl(ZOHO)).toBe('calendar.zoho.eu/…');
    for (const u of [GOOGLE, OUTLOOK, PROTON, FASTMAIL, ZOHO])
      expect(maskSubscriptionUrl(u)).not.toMatch(/private|0123456789|5f8c1e2a|jane|AbC123|Passphrase|zz0801/);
  });
});

describe('detectOwner', () => {
  const parse = (text: string) => {
    const r = parseIcs(text);
    if (!r.ok) throw new Error(r.error.message);
    return r.calendar;
  };

  it('takes the calendar name when it is an address (Google)', () => {
    expect(detectOwner(parse(fixture('google-calendar.ics')))).toMatchObject({
      email: 'jane.doe@acme.example',
      source: 'calendar-name',
    });
  });

  it.each(['outlook-calendar.ics', 'apple-calendar.ics'])('finds the address on most events (%s)', (name) => {
    const guess = detectOwner(parse(fixture(name)));
    expect(guess).toMatchObject({ email: 'jane.doe@acme.example', source: 'attendees' });
    expect(guess!.events).toBeGreaterThanOrEqual(guess!.ofEvents / 2);
  });

  it('proposes nobody when no address stands out', () => {
    const cal = parse(
      calendar(
        [
          'UID:1',
          'DTSTART:20250303T090000Z',
          'DTEND:20250303T100000Z',
          'ORGANIZER:mailto:a@x.example',
          'ATTENDEE:mailto:b@x.example',
        ],
        [
          'UID:2',
          'DTSTART:20250304T090000Z',
          'DTEND:20250304T100000Z',
          'ORGANIZER:mailto:c@x.example',
          'ATTENDEE:mailto:d@x.example',
        ],
      ),
    );
    expect(detectOwner(cal)).toBeNull();
    expect(detectOwner(parse(calendar(['UID:1', 'DTSTART:20250303T090000Z', 'SUMMARY:Solo'])))).toBeNull();
  });

  it('organizer of own events counts as much as attendee of invitations', () => {
    const cal = parse(
      calendar(
        ['UID:1', 'DTSTART:20250303T090000Z', 'DTEND:20250303T100000Z', 'ORGANIZER:mailto:me@x.example'],
        [
          'UID:2',
          'DTSTART:20250304T090000Z',
          'DTEND:20250304T100000Z',
          'ORGANIZER:mailto:boss@x.example',
          'ATTENDEE:mailto:ME@x.example',
        ],
        [
          'UID:3',
          'DTSTART:20250305T090000Z',
          'DTEND:20250305T100000Z',
          'ORGANIZER:mailto:me@x.example',
          'ATTENDEE:mailto:ann@x.example',
        ],
      ),
    );
    expect(detectOwner(cal)).toMatchObject({ email: 'me@x.example', events: 3, ofEvents: 3 });
    expect(eventsListing(cal, ' Me@X.example ')).toBe(3);
    expect(eventsListing(cal, 'nobody@x.example')).toBe(0);
  });
});

describe('import window: what the file holds, within retention', () => {
  // Wednesday 2 April 2025, 12:00 (TZ=Europe/Berlin).
  const NOW = new Date(2025, 3, 2, 12).getTime();
  it('by default reaches back as far as the expansion allows, to the end of next week', () => {
    const w = importWindow(NOW, 1);
    expect(w.to).toBe(new Date(2025, 3, 14).getTime());
    expect(w.to - w.from).toBeLessThanOrEqual(MAX_WINDOW_MS);
    expect(w.to - w.from).toBeGreaterThan(MAX_WINDOW_MS - 8 * 86_400_000);
    expect(new Date(w.from).getDay()).toBe(1);
  });
  it('stops at the retention limit, and at the chosen weeks', () => {
    expect(importWindow(NOW, 1, 'all', 6).from).toBe(new Date(2024, 9, 2, 12).getTime());
    expect(importWindow(NOW, 1, 12).from).toBe(new Date(2025, 0, 6).getTime());
    expect(importWindow(NOW, 1, 52, 3).from).toBe(new Date(2025, 0, 2, 12).getTime());
  });
  it('the weekly table covers the weeks of the given range, across a year change', () => {
    const range = { from: new Date(2024, 11, 18, 9).getTime(), to: new Date(2025, 0, 9, 10).getTime() };
    const seg = { start: new Date(2024, 11, 31, 23).getTime(), end: new Date(2025, 0, 1, 1).getTime() };
    const weeks = meetingHoursByWeek([seg], NOW, 1, range);
    expect(weeks.map((w) => w.key)).toEqual(['2024-12-16', '2024-12-23', '2024-12-30', '2025-01-06']);
    expect(weeks.map((w) => w.ms)).toEqual([0, 0, 2 * 3_600_000, 0]);
    expect(weeks.every((w) => w.relation === 'past')).toBe(true);
  });
  it('date ranges carry the year when it is not the current one', () => {
    expect(formatDateNear(new Date(2024, 11, 18).getTime(), NOW, 'en-US')).toBe('Wed, Dec 18, 2024');
    expect(formatDateNear(new Date(2025, 2, 3).getTime(), NOW, 'en-US')).toBe('Mon, Mar 3');
    expect(formatDateRange(new Date(2024, 11, 18).getTime(), new Date(2025, 2, 4).getTime(), NOW, 'en-US')).toBe(
      'Wed, Dec 18, 2024 – Mon, Mar 3',
    );
  });
});

describe('planRefresh', () => {
  const NOW = new Date(2025, 3, 2, 12).getTime();
  const sub = {
    importId: 'ics:Work:1',
    host: 'calendar.google.com',
    options: { keepTitles: false, meetingWords: ['sync'], countTentative: true, ownerEmail: '' },
  };
  const ctx = { now: NOW, weekStartsOn: 1 as const, retentionMonths: null };

  it('says "not a calendar" for a web page or anything else', () => {
    expect(planRefresh('<!doctype html><html>Sign in</html>', sub, ctx)).toMatchObject({
      ok: false,
      kind: 'not-calendar',
      message: expect.stringMatching(/did not return a calendar \(it returned a web page\)/),
    });
    expect(planRefresh('{"error":1}', sub, ctx)).toMatchObject({ ok: false, kind: 'not-calendar' });
    expect(looksLikeCalendar('\uFEFF\r\nBEGIN:VCALENDAR')).toBe(true);
  });

  it('says why a damaged feed cannot be read', () => {
    expect(planRefresh(fixture('truncated.ics'), sub, ctx)).toMatchObject({
      ok: false,
      kind: 'invalid',
      message: expect.stringMatching(/could not be read: .*line/),
    });
  });

  it('replaces from the day of the feed’s first event and uses the file’s owner', () => {
    const r = planRefresh(fixture('google-calendar.ics'), sub, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.refresh.plan.ownerKnown).toBe(true);
    expect(r.refresh.plan.skipped.find((g) => g.reason === 'declined')?.count).toBe(1);
    expect(new Date(r.refresh.replaceFrom).getHours()).toBe(0);
    expect(r.refresh.replaceFrom).toBeLessThanOrEqual(Math.min(...r.refresh.segments.map((s) => s.start)));
    expect(r.refresh.segments.every((s) => s.importId === 'ics:Work:1')).toBe(true);
  });

  it.each<SyncErrorKind>([
    'not-found',
    'unauthorized',
    'not-calendar',
    'offline',
    'timeout',
    'too-large',
    'server',
    'invalid',
    'blocked',
  ])('has plain words for %s', (kind) => {
    const m = syncErrorMessage(kind, {
      host: 'calendar.google.com',
      status: kind === 'not-found' ? 404 : kind === 'unauthorized' ? 401 : undefined,
    });
    expect(m.length).toBeGreaterThan(30);
    if (kind === 'not-found') expect(m).toContain('404');
    if (kind === 'unauthorized') expect(m).toContain('401');
    if (kind === 'too-large') expect(m).toContain('10 MB');
  });
});
