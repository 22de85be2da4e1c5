/**
 * Recurrence in real zones, DST, EXDATE / RDATE / RECURRENCE-ID, windows and limits.
 * TZ is Europe/Berlin (vitest.config.ts); expansion is zone-explicit, so New York and Sydney
 * meetings are checked in their own zone with Intl, without changing TZ.
 */
import { describe, expect, it } from 'vitest';
import { expandEvents } from '@/lib/calendar/expand-events';
import { MAX_EVENTS, MAX_ICS_CHARS, MAX_OCCURRENCES } from '@/lib/calendar/limits';
import { parseIcs } from '@/lib/calendar/parse-calendar';
import { planFromText } from '@/lib/calendar/plan-import';
import { calendar, describeSegment, HOUR, options } from './helpers';

function localClock(t: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(t);
}

function occurrences(text: string, from: number, to: number) {
  const p = parseIcs(text);
  if (!p.ok) throw new Error(p.error.message);
  const r = expandEvents(p.calendar.events, { from, to });
  if (!r.ok) throw new Error(r.error.message);
  return r.occurrences;
}

describe('DST keeps the wall-clock time of the event zone', () => {
  it('a weekly 9:00 New York meeting stays at 9:00 New York time across both US changes', () => {
    const text = calendar([
      'UID:ny',
      'SUMMARY:NY standup',
      'DTSTART;TZID=America/New_York:20250203T090000',
      'DTEND;TZID=America/New_York:20250203T093000',
      'RRULE:FREQ=WEEKLY;BYDAY=MO',
    ]);
    const occ = occurrences(text, Date.UTC(2025, 1, 1), Date.UTC(2025, 11, 1));
    expect(occ).toHaveLength(43);
    for (const o of occ) {
      expect(localClock(o.start, 'America/New_York')).toBe('Mon 09:00');
      expect(o.end - o.start).toBe(0.5 * HOUR);
    }
    // In Berlin the meeting moves: 15:00 (both on winter time), 14:00 (US summer, EU winter: 10–24 March), 15:00 again.
    const berlin = occ.slice(4, 9).map((o) => localClock(o.start, 'Europe/Berlin'));
    expect(berlin).toEqual(['Mon 15:00', 'Mon 14:00', 'Mon 14:00', 'Mon 14:00', 'Mon 15:00']);
  });

  it('a weekly 9:00 Sydney meeting stays at 9:00 Sydney time across the April change', () => {
    const text = calendar([
      'UID:syd',
      'SUMMARY:APAC sync',
      'DTSTART;TZID=Australia/Sydney:20250303T090000',
      'DTEND;TZID=Australia/Sydney:20250303T100000',
      'RRULE:FREQ=WEEKLY;COUNT=8',
    ]);
    const occ = occurrences(text, Date.UTC(2025, 1, 1), Date.UTC(2025, 5, 1));
    expect(occ).toHaveLength(8);
    for (const o of occ) expect(localClock(o.start, 'Australia/Sydney')).toBe('Mon 09:00');
    expect(occ[5]!.start - occ[4]!.start).toBe(7 * 24 * HOUR + HOUR); // the week of the change is 169 h
  });

  it('a meeting at a skipped local hour moves forward (RFC 5545), one in a repeated hour takes the first', () => {
    const text = calendar(
      [
        'UID:gap',
        'SUMMARY:Sync',
        'DTSTART;TZID=America/New_York:20250309T023000',
        'DTEND;TZID=America/New_York:20250309T033000',
      ],
      [
        'UID:overlap',
        'SUMMARY:Sync',
        'DTSTART;TZID=America/New_York:20251102T013000',
        'DTEND;TZID=America/New_York:20251102T020000',
      ],
    );
    const occ = occurrences(text, Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1));
    expect(occ.map((o) => new Date(o.start).toISOString())).toEqual([
      '2025-03-09T07:30:00.000Z',
      '2025-11-02T05:30:00.000Z',
    ]);
    expect(occ[0]!.end - occ[0]!.start).toBe(0); // 02:30 → 03:30 local is 03:30 → 03:30 on that day
    expect(occ[1]!.end - occ[1]!.start).toBe(1.5 * HOUR); // 01:30 EDT → 02:00 EST
  });

  it('floating times are local: a floating daily 9:00 stays at 9:00 in Berlin across the EU change', () => {
    const text = calendar([
      'UID:f',
      'SUMMARY:Sync',
      'DTSTART:20250328T090000',
      'DTEND:20250328T091500',
      'RRULE:FREQ=DAILY;COUNT=5',
    ]);
    const occ = occurrences(text, Date.UTC(2025, 2, 1), Date.UTC(2025, 3, 30));
    expect(occ.map((o) => new Date(o.start).getHours())).toEqual([9, 9, 9, 9, 9]);
    expect(occ[2]!.start - occ[1]!.start).toBe(23 * HOUR);
  });

  it('UTC events recur in UTC (their Berlin time shifts)', () => {
    const text = calendar([
      'UID:u',
      'SUMMARY:Sync',
      'DTSTART:20250328T080000Z',
      'DTEND:20250328T081500Z',
      'RRULE:FREQ=DAILY;COUNT=3',
    ]);
    const occ = occurrences(text, Date.UTC(2025, 2, 1), Date.UTC(2025, 3, 30));
    expect(occ.map((o) => new Date(o.start).getHours())).toEqual([9, 9, 10]);
  });

  it('P1D durations are calendar days; PT24H is exact', () => {
    const text = calendar(
      ['UID:a', 'SUMMARY:Sync', 'DTSTART;TZID=Europe/Berlin:20250329T120000', 'DURATION:P1D'],
      ['UID:b', 'SUMMARY:Sync', 'DTSTART;TZID=Europe/Berlin:20250329T120000', 'DURATION:PT24H'],
    );
    const occ = occurrences(text, Date.UTC(2025, 2, 1), Date.UTC(2025, 3, 30));
    expect(occ.map((o) => (o.end - o.start) / HOUR).sort()).toEqual([23, 24]);
  });
});

describe('exceptions', () => {
  const series = [
    'UID:s',
    'SUMMARY:Standup',
    'DTSTART;TZID=Europe/Berlin:20250303T093000',
    'DTEND;TZID=Europe/Berlin:20250303T094500',
    'RRULE:FREQ=DAILY;COUNT=5',
  ];

  it.each([
    ['EXDATE in the event zone', ['EXDATE;TZID=Europe/Berlin:20250304T093000'], ['03', '05', '06', '07']],
    ['EXDATE in UTC', ['EXDATE:20250305T083000Z'], ['03', '04', '06', '07']],
    ['EXDATE as a list', ['EXDATE;TZID=Europe/Berlin:20250304T093000,20250306T093000'], ['03', '05', '07']],
    ['EXDATE as a date', ['EXDATE;VALUE=DATE:20250307'], ['03', '04', '05', '06']],
    ['RDATE adds a date', ['RDATE;TZID=Europe/Berlin:20250310T093000'], ['03', '04', '05', '06', '07', '10']],
    [
      'RDATE period with its own end',
      ['RDATE;VALUE=PERIOD:20250310T080000Z/20250310T090000Z'],
      ['03', '04', '05', '06', '07', '10'],
    ],
  ])('%s', (_name, extra, days) => {
    const occ = occurrences(calendar([...series, ...extra]), Date.UTC(2025, 2, 1), Date.UTC(2025, 3, 1));
    expect(occ.map((o) => new Date(o.start).toISOString().slice(8, 10))).toEqual(days);
  });

  it('RECURRENCE-ID moves one occurrence; the override keeps the series length when it has no end', () => {
    const occ = occurrences(
      calendar(series, [
        'UID:s',
        'SUMMARY:Standup (moved)',
        'RECURRENCE-ID;TZID=Europe/Berlin:20250305T093000',
        'DTSTART;TZID=Europe/Berlin:20250305T160000',
      ]),
      Date.UTC(2025, 2, 1),
      Date.UTC(2025, 3, 1),
    );
    expect(occ.map((o) => `${describeSegment({ ...o, label: o.event.summary })}`)).toEqual([
      'Mon 2025-03-03 09:30–09:45 Standup',
      'Tue 2025-03-04 09:30–09:45 Standup',
      'Wed 2025-03-05 16:00–16:15 Standup (moved)',
      'Thu 2025-03-06 09:30–09:45 Standup',
      'Fri 2025-03-07 09:30–09:45 Standup',
    ]);
  });

  it('an override can move an occurrence into the window from outside it', () => {
    const occ = occurrences(
      calendar(series, [
        'UID:s',
        'SUMMARY:Standup (moved)',
        'RECURRENCE-ID;TZID=Europe/Berlin:20250303T093000',
        'DTSTART;TZID=Europe/Berlin:20250310T160000',
        'DTEND;TZID=Europe/Berlin:20250310T163000',
      ]),
      new Date(2025, 2, 8).getTime(),
      new Date(2025, 2, 15).getTime(),
    );
    expect(occ.map((o) => o.event.summary)).toEqual(['Standup (moved)']);
  });
});

describe('windows and limits', () => {
  it('a rule without an end produces only the window (a 15-year-old daily meeting)', () => {
    const occ = occurrences(
      calendar([
        'UID:d',
        'SUMMARY:Daily',
        'DTSTART;TZID=Europe/Berlin:20100104T090000',
        'DTEND;TZID=Europe/Berlin:20100104T091500',
        'RRULE:FREQ=DAILY',
      ]),
      new Date(2025, 2, 3).getTime(),
      new Date(2025, 2, 10).getTime(),
    );
    expect(occ).toHaveLength(7);
  });

  it('an occurrence overlapping the window start is kept (and clipped in segments)', () => {
    const r = planFromText(
      calendar([
        'UID:x',
        'SUMMARY:Sync',
        'DTSTART;TZID=Europe/Berlin:20250302T233000',
        'DTEND;TZID=Europe/Berlin:20250303T003000',
      ]),
      options(),
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.plan.segments.map(describeSegment)).toEqual(['Mon 2025-03-03 00:00–00:30 Sync']);
  });

  it.each([
    ['empty window', { from: 10, to: 10 }, /empty/],
    ['backwards window', { from: 10, to: 5 }, /empty/],
    ['NaN window', { from: NaN, to: 5 }, /empty/],
    ['window over two years', { from: 0, to: 900 * 24 * HOUR }, /too long/],
  ])('rejects an %s', (_name, window, message) => {
    const r = expandEvents([], window);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(message);
  });

  it('too many occurrences in the window is a clear error', () => {
    const events = Array.from({ length: 70 }, (_, i) => [
      `UID:e${i}`,
      'SUMMARY:Sync',
      'DTSTART:20240101T090000Z',
      'DTEND:20240101T091500Z',
      'RRULE:FREQ=DAILY',
    ]);
    const r = planFromText(calendar(...events), options({ from: Date.UTC(2024, 0, 1), to: Date.UTC(2026, 0, 1) }));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toMatch(
        new RegExp(
          `^More than ${MAX_OCCURRENCES.toLocaleString('en-US')} events fall in the chosen range \\(reached at the event on line \\d+ \\(UID "e\\d+"\\)\\)\\. Choose a shorter range\\.$`,
        ),
      );
  });

  it('a file over the size limit is refused before parsing', () => {
    const r = parseIcs(`BEGIN:VCALENDAR\r\n${'X'.repeat(MAX_ICS_CHARS)}`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/too large .* at most 10 MB/);
  });

  it('too many events is a clear error', () => {
    const body = Array.from({ length: MAX_EVENTS + 1 }, () => 'BEGIN:VEVENT\r\nEND:VEVENT').join('\r\n');
    const r = parseIcs(`BEGIN:VCALENDAR\r\n${body}\r\nEND:VCALENDAR`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/more than 50,000 events/);
  });

  it.each([
    ['empty text', '', /empty/],
    ['not a calendar', 'Hello, this is a CSV\nname,start\n', /not an iCalendar \(\.ics\) file: line 1/],
    ['a vCard', 'BEGIN:VCARD\r\nEND:VCARD', /not an iCalendar/],
    [
      'END without BEGIN',
      'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nEND:VEVENT',
      /Line 3: END:VEVENT without a matching BEGIN/,
    ],
    [
      'VEVENT outside a calendar',
      'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VEVENT',
      /Line 3: BEGIN:VEVENT outside a calendar/,
    ],
  ])('%s → error', (_name, text, message) => {
    const r = parseIcs(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(message);
  });

  it('an unsupported repeat rule keeps the first occurrence and says so with the line number', () => {
    const r = planFromText(
      calendar([
        'UID:h',
        'SUMMARY:Sync',
        'DTSTART:20250304T090000Z',
        'DTEND:20250304T091500Z',
        'RRULE:FREQ=HOURLY;COUNT=5',
      ]),
      options(),
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.plan.segments).toHaveLength(1);
    expect(r.plan.problems).toEqual([
      {
        line: 9,
        message:
          'Line 9: repeat rule not understood (FREQ=HOURLY is not supported); only the first occurrence was read.',
      },
    ]);
  });

  it('an empty calendar says so', () => {
    const r = planFromText('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', options());
    if (!r.ok) throw new Error(r.error.message);
    expect(r.plan.segments).toEqual([]);
    expect(r.plan.problems.map((p) => p.message)).toEqual(['The calendar has no events.']);
  });
});
