import { describe, expect, it } from 'vitest';
import { ianaZone } from '@/lib/calendar/time-zones';
import { blockProblems, dayAndMinute, firstFreeSlot, placeBlock } from '@/lib/plan/edit';
import { planInputs } from '@/lib/plan/inputs';
import type { PlanBlock } from '@/lib/plan/types';
import type { Segment } from '@/lib/model';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const MIN = 60_000;
const zone = ianaZone('Europe/Berlin')!;
const at = (d: number, h: number, mi = 0) => zone.toInstant(Date.UTC(2026, 11, d, h, mi)); // December 2026
const WEEK = '2026-12-07';
const opts = { week: WEEK, zone, workingHours: DEFAULT_SETTINGS.workingHours, now: at(4, 16) };
const blk = (id: string, d: number, h: number, len = 90, mi = 0): PlanBlock => ({
  id,
  start: at(d, h, mi),
  end: at(d, h, mi) + len * MIN,
  kind: 'writing',
});

describe('blockProblems', () => {
  it.each([
    ['a good block', [blk('a', 7, 9)], [], {}],
    ['over a meeting', [blk('a', 7, 9)], [{ start: at(7, 10), end: at(7, 11) }], { a: ['meeting'] }],
    ['two blocks overlapping', [blk('a', 7, 9), blk('b', 7, 10)], [], { a: ['block'], b: ['block'] }],
    ['after working hours', [blk('a', 7, 17)], [], { a: ['outside'] }],
    ['on Saturday', [blk('a', 12, 10)], [], { a: ['outside'] }],
    ['30 min and 3 h', [blk('a', 7, 9, 30), blk('b', 8, 9, 180)], [], { a: ['short'], b: ['long'] }],
  ])('%s', (_n, blocks, meetings, want) => {
    expect(Object.fromEntries(blockProblems(blocks, meetings, opts))).toEqual(want);
  });
  it('a block already over', () => {
    expect(blockProblems([blk('a', 7, 9)], [], { ...opts, now: at(7, 12) }).get('a')).toEqual(['past']);
  });
});

describe('firstFreeSlot', () => {
  it('finds the first 90 min on the half hour after blocks and meetings', () => {
    expect(firstFreeSlot([blk('a', 7, 9)], [{ start: at(7, 10, 45), end: at(7, 11, 15) }], opts)).toEqual({
      start: at(7, 11, 30),
      end: at(7, 13),
    });
  });
  it('null when the week is full', () => {
    const meetings = [7, 8, 9, 10, 11].map((d) => ({ start: at(d, 9), end: at(d, 18) }));
    expect(firstFreeSlot([], meetings, opts)).toBeNull();
  });
});

describe('placeBlock / dayAndMinute', () => {
  it('moves to another day and time keeping the length, and reads back', () => {
    const moved = placeBlock(blk('a', 7, 9, 75), WEEK, zone, 4, 11 * 60 + 15);
    expect(moved).toEqual({ id: 'a', start: at(11, 11, 15), end: at(11, 11, 15) + 75 * MIN, kind: 'writing' });
    expect(dayAndMinute(moved.start, WEEK, zone)).toEqual({ day: 4, minute: 11 * 60 + 15 });
    expect(placeBlock(moved, WEEK, zone, 4, 11 * 60 + 15, 120).end - moved.start).toBe(120 * MIN);
  });
  it('a week over the spring DST change keeps wall times', () => {
    const berlinSpring = '2026-03-23';
    const b = placeBlock({ id: 'x', start: 0, end: 90 * MIN, kind: 'focus' }, berlinSpring, zone, 6, 10 * 60);
    expect(b.start).toBe(zone.toInstant(Date.UTC(2026, 2, 29, 10)));
    expect(dayAndMinute(b.start, berlinSpring, zone)).toEqual({ day: 6, minute: 600 });
  });
});

describe('planInputs', () => {
  const seg = (start: number, end: number, extra: Partial<Segment>): Segment => ({
    start,
    end,
    day: '',
    host: '',
    path: '',
    source: 'browser',
    lane: 'focus',
    ...extra,
  });
  const classify = (host: string) =>
    host === 'docs.google.com'
      ? { class: 'creative' as const, kind: 'writing' as const, toolId: 'docs', tool: 'Google Docs' }
      : { class: 'unclassified' as const, kind: 'unknown' as const, toolId: host, tool: host };
  it('splits history, past meetings and the planned week’s calendar meetings; nothing after now counts as history', () => {
    const meeting = {
      source: 'calendar' as const,
      override: { class: 'coordination' as const, kind: 'meetings' as const },
    };
    const segments = [
      seg(at(1, 9), at(1, 11), { host: 'docs.google.com' }),
      seg(at(1, 14), at(1, 15), meeting),
      seg(at(4, 17), at(4, 18), { host: 'docs.google.com' }), // after now: ignored
      seg(at(9, 10), at(9, 11), meeting), // next week
    ];
    const r = planInputs(segments, classify as never, {
      historyFrom: at(1, 0),
      weekStart: at(7, 0),
      weekEnd: at(14, 0),
      now: at(4, 16),
    });
    expect(r.history.map((p) => [p.start, p.end, p.class])).toEqual([
      [at(1, 9), at(1, 11), 'creative'],
      [at(1, 14), at(1, 15), 'coordination'],
    ]);
    expect(r.pastMeetings).toEqual([{ start: at(1, 14), end: at(1, 15) }]);
    expect(r.weekMeetings).toEqual([{ start: at(9, 10), end: at(9, 11) }]);
  });
});
