/**
 * Realistic exports from Google Calendar, Outlook and Apple Calendar (tests/fixtures/ics/),
 * imported over 3 March – 7 April 2025 under TZ=Europe/Berlin. The expected meetings are in
 * Berlin local time; the comments give the event's own zone where it differs.
 */
import { describe, expect, it } from 'vitest';
import { parseIcs } from '@/lib/calendar/parse-calendar';
import { planFromText, type ImportPlan } from '@/lib/calendar/plan-import';
import { suggestCalendarName } from '@/lib/calendar/import-id';
import { describeSegment, fixture, HOUR, MIN, options } from './helpers';

function plan(file: string, patch: Parameters<typeof options>[0] = {}): ImportPlan {
  const r = planFromText(fixture(file), options(patch));
  if (!r.ok) throw new Error(r.error.message);
  return r.plan;
}

function skipped(p: ImportPlan): Record<string, number> {
  return Object.fromEntries(p.skipped.map((s) => [s.reason, s.count]));
}

const CASES = [
  {
    file: 'google-calendar.ics',
    name: 'Google Calendar',
    segments: [
      'Mon 2025-03-03 09:30–09:45 Weekly marketing standup',
      'Wed 2025-03-05 14:00–15:30 Campaign review + Agency call', // overlapping: merged, not summed
      'Tue 2025-03-11 10:00–10:15 Weekly marketing standup (moved to Tuesday)', // RECURRENCE-ID moved Monday 10 March
      // Monday 17 March: EXDATE
      'Thu 2025-03-20 16:00–17:00 Q2 plan, budget ; review', // escaped text
      'Mon 2025-03-24 08:45–09:00 Sprint check-in',
      'Mon 2025-03-24 09:30–09:45 Weekly marketing standup',
      'Tue 2025-03-25 08:45–09:00 Sprint check-in',
      // Wednesday 26 March: the occurrence was cancelled by an override
      'Thu 2025-03-27 08:45–09:00 Sprint check-in',
      'Fri 2025-03-28 08:45–09:00 Sprint check-in',
      'Mon 2025-03-31 09:30–09:45 Weekly marketing standup', // after the EU DST change, UNTIL inclusive
    ],
    meetingCount: 11,
    meetingMs: 4.5 * HOUR,
    skipped: {
      cancelled: 2,
      declined: 1,
      'all-day': 1,
      free: 1,
      'too-long': 1,
      focus: 1,
      lunch: 1,
      'not-a-meeting': 1,
    },
  },
  {
    file: 'outlook-calendar.ics',
    name: 'Outlook calendar',
    segments: [
      'Tue 2025-03-04 11:00–11:30 Sam / Jane', // organizer + one attendee = two people
      'Thu 2025-03-06 16:00–17:00 Weekly pipeline call', // "Customized Time Zone" VTIMEZONE, 10:00 EST
      'Tue 2025-03-11 15:00–16:00 Marketing sync', // BYDAY=2TU, W. Europe Standard Time
      'Thu 2025-03-13 15:00–16:00 East coast partner call + Weekly pipeline call', // Eastern Standard Time, 10:00 EDT
      'Thu 2025-03-20 15:00–16:00 Weekly pipeline call',
      'Thu 2025-03-27 15:00–16:00 Weekly pipeline call',
      'Fri 2025-03-28 16:00–17:00 Monthly report review', // BYDAY=-1FR, 08:00 Pacific
      'Mon 2025-03-31 17:00–17:30 Last working day wrap-up', // BYSETPOS=-1, 16:00 London
      'Thu 2025-04-03 16:00–17:00 Weekly pipeline call', // UNTIL 15:00Z inclusive
    ],
    meetingCount: 10,
    meetingMs: 8 * HOUR,
    skipped: { 'all-day': 1, 'out-of-office': 1, free: 1, tentative: 1, lunch: 1 },
  },
  {
    file: 'apple-calendar.ics',
    name: 'Work',
    segments: [
      'Mon 2025-03-03 15:00–16:00 Weekly sync with NY team', // 09:00 New York (EST)
      'Thu 2025-03-06 14:00–14:45 Design critique', // DURATION:PT45M
      'Mon 2025-03-10 14:00–15:00 Weekly sync with NY team', // 09:00 New York (EDT), Berlin still on CET
      'Wed 2025-03-12 13:00–17:00 Yearly planning workshop', // FREQ=YEARLY;BYMONTH=3;BYDAY=2WE, solo with a meeting word
      'Mon 2025-03-17 14:00–15:00 Weekly sync with NY team',
      'Thu 2025-03-20 15:00–16:00 Quarterly business review', // RDATE
      'Mon 2025-03-24 14:00–15:00 Weekly sync with NY team',
      'Thu 2025-03-27 16:00–17:00 Partner webinar', // declined, but the owner is not known: kept
      'Mon 2025-03-31 15:00–16:00 Weekly sync with NY team', // both zones on summer time
    ],
    meetingCount: 9,
    meetingMs: 11.75 * HOUR,
    skipped: { 'all-day': 1, focus: 1, 'not-a-meeting': 1 },
  },
] as const;

describe.each(CASES)('$file', (c) => {
  const p = plan(c.file);

  it('imports exactly the expected meetings, in local time', () => {
    expect(p.segments.map(describeSegment)).toEqual(c.segments);
  });

  it('counts meetings and merged time', () => {
    expect(p.meetingCount).toBe(c.meetingCount);
    expect(p.meetingMs).toBe(c.meetingMs);
    expect(p.segments.reduce((s, x) => s + x.end - x.start, 0)).toBe(c.meetingMs);
  });

  it('says what was skipped and why', () => {
    expect(skipped(p)).toEqual(c.skipped);
  });

  it('reads the file without problems', () => {
    expect(p.problems).toEqual([]);
  });

  it('suggests a calendar name that is not an e-mail address', () => {
    const parsed = parseIcs(fixture(c.file));
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(suggestCalendarName(parsed.calendar, c.file)).toBe(c.name);
  });

  it('stores only what a segment may hold: no attendees, descriptions, locations or links', () => {
    for (const s of p.segments) {
      expect(Object.keys(s).sort()).toEqual([
        'day',
        'end',
        'host',
        'importId',
        'label',
        'lane',
        'override',
        'path',
        'source',
        'start',
      ]);
      expect(s).toMatchObject({
        source: 'calendar',
        lane: 'focus',
        host: '',
        path: '',
        override: { class: 'coordination', kind: 'meetings' },
      });
    }
    const json = JSON.stringify(p.segments);
    expect(json).not.toMatch(/@|mailto|https?:|meet\.google|teams\.microsoft|Agenda|Room/);
  });
});

describe('options', () => {
  it('titles are not kept by default: every label is "Meeting"', () => {
    const p = plan('google-calendar.ics', { keepTitles: false });
    expect(new Set(p.segments.map((s) => s.label))).toEqual(new Set(['Meeting']));
  });

  it('Google names the calendar after the owner, so declined invitations are recognised', () => {
    const p = plan('google-calendar.ics');
    expect(p.ownerKnown).toBe(true);
    expect(p.skipped.find((s) => s.reason === 'declined')?.examples).toEqual(['Budget sync']);
  });

  it("the owner's address makes declines in an Apple export recognisable", () => {
    const p = plan('apple-calendar.ics', { ownerEmails: ['Jane.Doe@acme.example'] });
    expect(skipped(p).declined).toBe(1);
    expect(p.segments.map(describeSegment)).not.toContain('Thu 2025-03-27 16:00–17:00 Partner webinar');
  });

  it('tentative meetings count when the person asks', () => {
    const p = plan('outlook-calendar.ics', { countTentative: true });
    expect(p.segments.map(describeSegment)).toContain('Wed 2025-03-12 11:00–12:00 Vendor demo');
    expect(skipped(p).tentative).toBeUndefined();
  });

  it('meeting words are the only reason a solo event counts', () => {
    const p = plan('google-calendar.ics', { meetingWords: [] });
    expect(p.segments.map(describeSegment).filter((s) => s.includes('Sprint'))).toEqual([]);
    expect(skipped(p)['not-a-meeting']).toBe(5);
  });

  it('the window is explicit: a narrower window clips and drops', () => {
    const p = plan('google-calendar.ics', {
      from: new Date(2025, 2, 5, 14, 30).getTime(),
      to: new Date(2025, 2, 12).getTime(),
    });
    expect(p.segments.map(describeSegment)).toEqual([
      'Wed 2025-03-05 14:30–15:30 Campaign review + Agency call',
      'Tue 2025-03-11 10:00–10:15 Weekly marketing standup (moved to Tuesday)',
    ]);
    expect(p.meetingMs).toBe(75 * MIN);
  });
});

describe('damaged files', () => {
  it.each([
    ['truncated.ics', /ends before END:VEVENT \(BEGIN on line 10\).*cut off/, 10],
    ['mismatched-end.ics', /Line 14: END:VTODO does not match BEGIN:VEVENT on line 10/, 14],
  ])('%s is an error with a line number', (file, message, line) => {
    const r = parseIcs(fixture(file));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(message);
      expect(r.error.line).toBe(line);
    }
  });

  it('a damaged line or event is reported with its line number; the rest is imported', () => {
    const r = planFromText(fixture('messy-lines.ics'), options());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.segments.map(describeSegment)).toEqual(['Tue 2025-03-04 10:00–11:00 Kickoff call']);
    expect(r.plan.problems.map((p) => [p.line, p.message])).toEqual([
      [10, 'Line 10: expected ":" after THIS ("this line lost its folding space"). The line was ignored.'],
      [14, 'Line 14: "2025-03-05 09:00" is not a valid start time.'],
      [18, 'The event starting on line 18 has no start time (DTSTART).'],
    ]);
  });
});
