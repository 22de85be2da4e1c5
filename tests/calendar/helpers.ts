import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format } from 'date-fns';
import { DEFAULT_MEETING_WORDS } from '@/lib/calendar/meeting-rules';
import type { ImportOptions, ImportPlan } from '@/lib/calendar/plan-import';
import { makeImportId } from '@/lib/calendar/import-id';
import { newSubscription, type CalendarSubscription } from '@/lib/calendar/subscription';
import type { CreativeRatioDB } from '@/lib/db';
import { addSubscription, applyRefresh } from '@/lib/db/subscriptions';
import type { Segment } from '@/lib/model';

export const HOUR = 3_600_000;
export const MIN = 60_000;

export function fixture(name: string): string {
  // Relative to the repository root (vitest's working directory); import.meta.url is not a file URL under happy-dom.
  return readFileSync(resolve(process.cwd(), 'tests/fixtures/ics', name), 'utf8');
}

/** The fixtures' window: Monday 3 March to Monday 7 April 2025, local (TZ=Europe/Berlin). */
export const WINDOW = { from: new Date(2025, 2, 3).getTime(), to: new Date(2025, 3, 7).getTime() };

export function options(patch: Partial<ImportOptions> = {}): ImportOptions {
  return {
    ...WINDOW,
    keepTitles: true,
    meetingWords: DEFAULT_MEETING_WORDS,
    ownerEmails: [],
    countTentative: false,
    importId: 'ics:Test:1741000000000',
    ...patch,
  };
}

/** `Mon 2025-03-03 09:30–09:45 Label` in local time. */
export function describeSegment(s: Pick<Segment, 'start' | 'end' | 'label'>): string {
  return `${format(s.start, 'EEE yyyy-MM-dd HH:mm')}–${format(s.end, 'HH:mm')} ${s.label ?? ''}`.trim();
}

/** A minimal calendar around VEVENT bodies. */
export function calendar(...events: string[][]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//Test//EN',
    ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']),
    'END:VCALENDAR',
  ].join('\r\n');
}

/** Store a subscription "Feed" (calendar.example.com, titles not kept) and return it. */
export async function addFeedSubscription(db: CreativeRatioDB): Promise<CalendarSubscription> {
  const sub = newSubscription({
    id: 'sub-1',
    url: 'https://calendar.example.com/feed.ics',
    host: 'calendar.example.com',
    name: 'Feed',
    importId: makeImportId('Feed', 5),
    createdAt: 5,
    options: { keepTitles: false, meetingWords: [], countTentative: true, ownerEmail: '' },
  });
  await addSubscription(db, sub);
  return sub;
}

/** Write a refresh of `sub` with the meetings of `p` over the fixtures' window. */
export async function refreshSubscription(
  db: CreativeRatioDB,
  sub: CalendarSubscription,
  p: ImportPlan,
): Promise<void> {
  await applyRefresh(db, sub.id, {
    replaceFrom: WINDOW.from,
    replaceTo: WINDOW.to,
    segments: p.segments,
    meetings: p.meetings,
    patch: {},
  });
}

/** Tuesdays 10:00–11:00 Berlin (09:00Z) in March 2025, four of them; a one-off workshop on Wed 5 March. */
export const WEEKLY = [
  'UID:weekly-sync@acme.com',
  'DTSTART:20250304T090000Z',
  'DTEND:20250304T100000Z',
  'RRULE:FREQ=WEEKLY;COUNT=4',
  'SUMMARY:Team sync',
  'ORGANIZER:mailto:lead@acme.com',
  'ATTENDEE:mailto:me@acme.com',
];
export const WORKSHOP = [
  'UID:ws-1@agency.io',
  'DTSTART:20250305T130000Z',
  'DTEND:20250305T150000Z',
  'SUMMARY:Quarterly planning',
  'ORGANIZER:mailto:kim@agency.io',
  'ATTENDEE:mailto:me@acme.com',
];
