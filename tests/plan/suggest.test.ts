import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ianaZone, type Zone } from '@/lib/calendar/time-zones';
import { DEFAULT_SETTINGS, type WeekDay, type WorkingHours } from '@/lib/settings';
import {
  recurringMeetings,
  suggestFocusBlocks,
  wantedBlocks,
  workingWindowsOfWeek,
  type HistoryPiece,
} from '@/lib/plan/suggest';
import type { Busy } from '@/lib/plan/types';

const MIN = 60_000;
const H = 60 * MIN;
const berlin = ianaZone('Europe/Berlin')!;
const newYork = ianaZone('America/New_York')!;
const WH = DEFAULT_SETTINGS.workingHours; // Mon–Fri 09:00–18:00

/** Instant of a wall time in a zone. */
function at(zone: Zone, y: number, m: number, d: number, h: number, mi = 0): number {
  return zone.toInstant(Date.UTC(y, m - 1, d, h, mi));
}
function wallHour(zone: Zone, t: number): number {
  const w = new Date(zone.toWall(t));
  return w.getUTCHours() + w.getUTCMinutes() / 60;
}
function creative(start: number, end: number, kind: HistoryPiece['kind'] = 'writing'): HistoryPiece {
  return { start, end, class: 'creative', kind };
}

// The planned week: Monday 7 December 2026 (Berlin), planned on Friday 4 December.
const WEEK = '2026-12-07';
const NOW = at(berlin, 2026, 12, 4, 16);

/** The suggestion for WEEK in Berlin, default working hours, a 50 % target, seen at `now`. */
const suggestBerlin = (history: HistoryPiece[], meetings: Busy[], now = NOW) =>
  suggestFocusBlocks({ now, zone: berlin, week: WEEK, workingHours: WH, targetShare: 0.5, history, meetings });

describe('suggestFocusBlocks', () => {
  it('puts blocks in the hours the person was creative in past weeks, with their kind', () => {
    // Three past weeks: design every Tuesday and Thursday 14:00–16:30.
    const history: HistoryPiece[] = [];
    for (const monday of [16, 23, 30]) {
      const base = monday <= 30 ? [2026, 11, monday] : [2026, 12, monday - 30];
      for (const offset of [1, 3])
        history.push(
          creative(
            at(berlin, base[0]!, base[1]!, base[2]! + offset, 14),
            at(berlin, base[0]!, base[1]!, base[2]! + offset, 16, 30),
            'design',
          ),
        );
    }
    const s = suggestBerlin(history, []);
    expect(s.fromHistory).toBe(true);
    const tueThu = s.blocks.filter(
      (b) => [2, 4].includes(new Date(berlin.toWall(b.start)).getUTCDay()) && wallHour(berlin, b.start) >= 12,
    );
    expect(tueThu.length).toBeGreaterThanOrEqual(2);
    for (const b of tueThu.slice(0, 2)) {
      expect(wallHour(berlin, b.start)).toBeGreaterThanOrEqual(14);
      expect(wallHour(berlin, b.end)).toBeLessThanOrEqual(16.5);
      expect(b.kind).toBe('design');
    }
  });

  it('moves a block around a meeting in the creative hours', () => {
    const history = [30, 1, 2].map((d, i) =>
      creative(at(berlin, 2026, i === 0 ? 11 : 12, d, 9), at(berlin, 2026, i === 0 ? 11 : 12, d, 12)),
    );
    const meeting: Busy = { start: at(berlin, 2026, 12, 7, 9, 30), end: at(berlin, 2026, 12, 7, 10, 30) };
    const s = suggestBerlin(history, [meeting]);
    const monday = s.blocks.filter(
      (b) => b.start >= at(berlin, 2026, 12, 7, 0) && b.start < at(berlin, 2026, 12, 8, 0),
    );
    expect(monday.length).toBeGreaterThan(0);
    expect(monday.every((b) => b.end <= meeting.start || b.start >= meeting.end)).toBe(true);
    expect(monday.some((b) => b.start === meeting.end)).toBe(true); // 10:30–12:00, right after it
  });

  it.each([
    // [target share, free hours per week, blocks]
    [0.5, 45, 8],
    [0.5, 30, 5],
    [0.3, 45, 5],
    [0.8, 45, 10],
    [0, 45, 0],
    [0.5, 1, 1],
  ])('target %f with %f free hours asks for %i blocks', (share, freeHours, n) => {
    expect(wantedBlocks(freeHours * H, share, 5)).toBe(n);
  });

  it('without history, suggests mornings of the working days, 90 min each', () => {
    const s = suggestBerlin([], []);
    expect(s.fromHistory).toBe(false);
    expect(s.blocks).toHaveLength(s.wanted);
    expect(s.blocks.every((b) => b.end - b.start === 90 * MIN)).toBe(true);
    expect(s.blocks.every((b) => b.kind === 'focus')).toBe(true);
    expect(wallHour(berlin, s.blocks[0]!.start)).toBe(9);
  });

  it('suggests nothing in the past when planning the current week', () => {
    const now = at(berlin, 2026, 12, 9, 13);
    const s = suggestBerlin([], [], now);
    expect(s.blocks.length).toBeGreaterThan(0);
    expect(s.blocks.every((b) => b.start >= now)).toBe(true);
  });

  it('a week full of meetings gets no block', () => {
    const meetings = workingWindowsOfWeek(WEEK, berlin, WH).map((w) => ({ start: w.start, end: w.end }));
    const s = suggestBerlin([], meetings);
    expect(s.blocks).toEqual([]);
  });
});

describe('DST-safe (explicit zones)', () => {
  // Berlin springs forward on Sunday 29 March 2026 at 02:00; New York falls back on Sunday 1 November 2026.
  const cases: Array<{
    name: string;
    zone: Zone;
    week: string;
    wh: WorkingHours;
    day: [number, number, number];
    dayHours: number;
  }> = [
    {
      name: 'Berlin spring forward, working hours 00:00–06:00 on Sunday',
      zone: berlin,
      week: '2026-03-23',
      wh: { countOnlyInside: false, days: [0], startMinute: 0, endMinute: 6 * 60 },
      day: [2026, 3, 29],
      dayHours: 5,
    },
    {
      name: 'New York fall back, working hours 00:00–04:00 on Sunday',
      zone: newYork,
      week: '2026-10-26',
      wh: { countOnlyInside: false, days: [0], startMinute: 0, endMinute: 4 * 60 },
      day: [2026, 11, 1],
      dayHours: 5,
    },
  ];
  it.each(cases)(
    '$name: blocks are real 60–120 min inside the real working window',
    ({ zone, week, wh, day, dayHours }) => {
      const windows = workingWindowsOfWeek(week, zone, wh);
      expect(windows).toHaveLength(1);
      const w = windows[0]!;
      expect(w.start).toBe(at(zone, day[0], day[1], day[2], 0));
      expect((w.end - w.start) / H).toBe(dayHours);
      const s = suggestFocusBlocks({ now: 0, zone, week, workingHours: wh, targetShare: 1, history: [], meetings: [] });
      expect(s.blocks.length).toBeGreaterThan(0);
      for (const b of s.blocks) {
        expect(b.end - b.start).toBeGreaterThanOrEqual(60 * MIN);
        expect(b.end - b.start).toBeLessThanOrEqual(120 * MIN);
        expect(b.start).toBeGreaterThanOrEqual(w.start);
        expect(b.end).toBeLessThanOrEqual(w.end);
      }
    },
  );
});

describe('recurringMeetings', () => {
  it('projects a meeting seen at the same time in two past weeks, not a one-off', () => {
    const past: Busy[] = [
      // Weekly Tuesday 10:00–11:00 (a browser call starting 10:02 counts as 10:00)
      { start: at(berlin, 2026, 11, 24, 10, 2), end: at(berlin, 2026, 11, 24, 11, 1) },
      { start: at(berlin, 2026, 12, 1, 10), end: at(berlin, 2026, 12, 1, 11) },
      // One-off Wednesday
      { start: at(berlin, 2026, 12, 2, 15), end: at(berlin, 2026, 12, 2, 16) },
    ];
    expect(recurringMeetings(past, berlin, WEEK)).toEqual([
      { start: at(berlin, 2026, 12, 8, 10), end: at(berlin, 2026, 12, 8, 11) },
    ]);
  });
  it('keeps the wall time across a DST change (Berlin, October → November)', () => {
    const past: Busy[] = [
      { start: at(berlin, 2026, 10, 20, 9), end: at(berlin, 2026, 10, 20, 10) },
      { start: at(berlin, 2026, 10, 27, 9), end: at(berlin, 2026, 10, 27, 10) },
    ];
    expect(recurringMeetings(past, berlin, '2026-11-02')).toEqual([
      { start: at(berlin, 2026, 11, 3, 9), end: at(berlin, 2026, 11, 3, 10) },
    ]);
  });
});

describe('properties', () => {
  const zones = [
    'Europe/Berlin',
    'America/New_York',
    'Australia/Sydney',
    'America/Sao_Paulo',
    'Asia/Kolkata',
    'UTC',
  ].map((z) => ianaZone(z)!);
  // Weeks that contain DST changes in some of the zones, and ordinary ones.
  const weeks = ['2026-03-23', '2026-03-30', '2026-10-26', '2026-04-06', '2026-12-07', '2026-10-05'];
  const arb = fc.record({
    zone: fc.constantFrom(...zones),
    week: fc.constantFrom(...weeks),
    days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
    startMinute: fc.integer({ min: 0, max: 20 }).map((x) => x * 30),
    span: fc.integer({ min: 2, max: 28 }).map((x) => x * 30),
    target: fc.double({ min: 0, max: 1, noNaN: true }),
    meetings: fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: 6 }),
        minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
        len: fc.integer({ min: 15, max: 240 }),
      }),
      { maxLength: 12 },
    ),
    history: fc.array(
      fc.record({
        day: fc.integer({ min: 1, max: 35 }),
        minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
        len: fc.integer({ min: 5, max: 300 }),
        creative: fc.boolean(),
      }),
      { maxLength: 30 },
    ),
  });
  it('no overlap with meetings or each other, inside working hours, 60–120 min, never more than asked for', () => {
    fc.assert(
      fc.property(arb, (a) => {
        const wh: WorkingHours = {
          countOnlyInside: false,
          days: a.days as WeekDay[],
          startMinute: a.startMinute,
          endMinute: Math.min(24 * 60, a.startMinute + a.span),
        };
        const first = Date.UTC(Number(a.week.slice(0, 4)), Number(a.week.slice(5, 7)) - 1, Number(a.week.slice(8, 10)));
        const meetings = a.meetings.map((m) => {
          const start = a.zone.toInstant(first + m.day * 86_400_000 + m.minute * MIN);
          return { start, end: start + m.len * MIN };
        });
        const history = a.history.map((p) => {
          const start = a.zone.toInstant(first - p.day * 86_400_000 + p.minute * MIN);
          return {
            start,
            end: start + p.len * MIN,
            class: p.creative ? ('creative' as const) : ('coordination' as const),
            kind: p.creative ? ('writing' as const) : ('meetings' as const),
          };
        });
        const s = suggestFocusBlocks({
          now: 0,
          zone: a.zone,
          week: a.week,
          workingHours: wh,
          targetShare: a.target,
          history,
          meetings,
        });
        const windows = workingWindowsOfWeek(a.week, a.zone, wh);
        expect(s.blocks.length).toBeLessThanOrEqual(s.wanted);
        for (const [i, b] of s.blocks.entries()) {
          expect(b.end - b.start).toBeGreaterThanOrEqual(60 * MIN);
          expect(b.end - b.start).toBeLessThanOrEqual(120 * MIN);
          expect(windows.some((w) => b.start >= w.start && b.end <= w.end)).toBe(true);
          for (const m of meetings) expect(b.end <= m.start || b.start >= m.end).toBe(true);
          const next = s.blocks[i + 1];
          if (next) expect(next.start).toBeGreaterThanOrEqual(b.end);
        }
        expect(new Set(s.blocks.map((b) => b.id)).size).toBe(s.blocks.length);
      }),
      { numRuns: 300 },
    );
  });
});
