// Fixed zone (also set by vitest.config.ts): Europe/Berlin, DST changes on 30 March and 26 October 2025.
process.env.TZ = 'Europe/Berlin';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addPieces,
  coordinationPeakWords,
  creativePeakWords,
  dayPartOf,
  emptyGrid,
  shownDays,
  shownHours,
  timeOfDayGrid,
  type TimeOfDayGrid,
} from '@/lib/report/time-of-day';
import type { Segment } from '@/lib/model';
import type { WeekDay } from '@/lib/settings';
import { fakeClassify } from './fake-classifier';
import { HOUR, MIN, calendar, focus, local, manual, settings, weekOfFake } from './helpers';

const wh = settings().workingHours;
const NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const name = (d: WeekDay) => NAMES[d]!;

function grid(segments: Segment[], from: number, to: number, now = to): TimeOfDayGrid {
  return timeOfDayGrid({ segments, classify: fakeClassify, from, to, now, workingHours: wh });
}

const cell = (g: TimeOfDayGrid, d: number, h: number) => g.cells[d]![h]!;

describe('timeOfDayGrid: pieces split at local hour boundaries', () => {
  const wed = local(2025, 3, 12); // Wednesday
  const from = local(2025, 3, 10);
  const to = local(2025, 3, 17);

  it('9:40–11:10 creative lands 20 / 60 / 10 minutes in the 9, 10 and 11 o’clock cells', () => {
    const g = grid([focus(wed, 9 * 60 + 40, 11 * 60 + 10, 'a.test')], from, to);
    expect(cell(g, 3, 9).creative).toBe(20 * MIN);
    expect(cell(g, 3, 10).creative).toBe(60 * MIN);
    expect(cell(g, 3, 11).creative).toBe(10 * MIN);
    expect(cell(g, 3, 8).creative + cell(g, 3, 12).creative).toBe(0);
    expect(g.totals).toEqual({ creative: 90 * MIN, coordination: 0 });
  });

  it('a piece crossing midnight goes to two weekdays', () => {
    const g = grid([focus(wed, 23 * 60 + 30, 24 * 60 + 45, 'b.test')], from, to);
    expect(cell(g, 3, 23).coordination).toBe(30 * MIN);
    expect(cell(g, 4, 0).coordination).toBe(45 * MIN);
  });

  it('not work and unclassified time stay out; calendar and manual time count with their class', () => {
    const g = grid(
      [
        focus(wed, 9 * 60, 10 * 60, 'n.test'),
        focus(wed, 10 * 60, 11 * 60, 'zzz.test'),
        calendar(wed, 11 * 60, 12 * 60),
        manual(wed, 13 * 60, 14 * 60),
      ],
      from,
      to,
    );
    expect(g.totals).toEqual({ creative: HOUR, coordination: HOUR });
    expect(cell(g, 3, 11).coordination).toBe(HOUR);
    expect(cell(g, 3, 13).creative).toBe(HOUR);
  });

  it('overlaps are resolved (a calendar meeting over browser time counts once, as the meeting)', () => {
    const g = grid([focus(wed, 9 * 60, 11 * 60, 'a.test'), calendar(wed, 10 * 60, 11 * 60)], from, to);
    expect(cell(g, 3, 9).creative).toBe(HOUR);
    expect(cell(g, 3, 10)).toEqual({ creative: 0, coordination: HOUR });
  });

  it('nothing after now counts', () => {
    const g = grid([focus(wed, 9 * 60, 11 * 60, 'a.test')], from, to, wed + 10 * HOUR);
    expect(g.totals.creative).toBe(HOUR);
  });

  it('counts only working hours when the person asked for it', () => {
    const g = timeOfDayGrid({
      segments: [focus(wed, 7 * 60, 10 * 60, 'a.test')],
      classify: fakeClassify,
      from,
      to,
      now: to,
      workingHours: { ...wh, countOnlyInside: true },
    });
    expect(g.totals.creative).toBe(HOUR);
    expect(cell(g, 3, 9).creative).toBe(HOUR);
  });
});

describe('timeOfDayGrid across DST changes (Europe/Berlin)', () => {
  it('spring forward: 01:30–03:30 on 30 March is one real hour, 30 min at 01:00 and 30 min at 03:00; 02:00 gets nothing', () => {
    const sun = local(2025, 3, 30);
    const start = local(2025, 3, 30, 1, 30);
    const end = local(2025, 3, 30, 3, 30);
    expect(end - start).toBe(HOUR);
    const seg: Segment = { ...focus(sun, 0, 1, 'a.test'), start, end };
    const g = grid([seg], local(2025, 3, 24), local(2025, 3, 31));
    expect(cell(g, 0, 1).creative).toBe(30 * MIN);
    expect(cell(g, 0, 2).creative).toBe(0);
    expect(cell(g, 0, 3).creative).toBe(30 * MIN);
    expect(g.totals.creative).toBe(HOUR);
  });

  it('fall back: 00:30–03:30 on 26 October is four real hours; the repeated 02:00 hour gets both of its hours', () => {
    const sun = local(2025, 10, 26);
    const start = local(2025, 10, 26, 0, 30);
    const end = local(2025, 10, 26, 3, 30);
    expect(end - start).toBe(4 * HOUR);
    const seg: Segment = { ...focus(sun, 0, 1, 'b.test'), start, end };
    const g = grid([seg], local(2025, 10, 20), local(2025, 10, 27));
    expect(cell(g, 0, 0).coordination).toBe(30 * MIN);
    expect(cell(g, 0, 1).coordination).toBe(HOUR);
    expect(cell(g, 0, 2).coordination).toBe(2 * HOUR);
    expect(cell(g, 0, 3).coordination).toBe(30 * MIN);
    expect(g.totals.coordination).toBe(4 * HOUR);
  });
});

describe('property: the cells sum to the classified totals of the week report', () => {
  const weekStart = local(2025, 10, 20); // the week of the autumn change
  const hosts = ['a.test', 'b.test', 'c.test', 'd.test', 'n.test', 'zzz.test'];
  it('for random segments over a week (with a DST change), cells = report totals', () => {
    const arb = fc.array(
      fc.record({
        s: fc.integer({ min: 0, max: 7 * 24 * 60 - 1 }),
        len: fc.integer({ min: 1, max: 400 }),
        host: fc.constantFrom(...hosts),
        cal: fc.boolean(),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (xs) => {
        const segments = xs.map((x) =>
          x.cal ? calendar(weekStart, x.s, x.s + x.len) : focus(weekStart, x.s, x.s + x.len, x.host),
        );
        const to = local(2025, 10, 27);
        const g = grid(segments, weekStart, to);
        const report = weekOfFake(segments, weekStart, to);
        let creative = 0;
        let coordination = 0;
        for (const day of g.cells)
          for (const c of day) {
            creative += c.creative;
            coordination += c.coordination;
          }
        expect(creative).toBe(report.totals.creative);
        expect(coordination).toBe(report.totals.coordination);
        expect(g.totals).toEqual({ creative, coordination });
      }),
      { numRuns: 60 },
    );
  });
});

describe('what to show and the reading', () => {
  function withSlots(slots: Array<[WeekDay, number, 'creative' | 'coordination', number]>): TimeOfDayGrid {
    const g = emptyGrid();
    for (const [d, h, cls, hours] of slots) {
      g.cells[d]![h]![cls] += hours * HOUR;
      g.totals[cls] += hours * HOUR;
    }
    return g;
  }

  it('one row per hour 6–22, plus a before-6 and a from-22 row only when a shown day has time then', () => {
    const hourly = Array.from({ length: 16 }, (_, i) => ({ from: i + 6, to: i + 7 }));
    expect(shownHours(emptyGrid(), [1, 2])).toEqual(hourly);
    const g = withSlots([
      [1, 5, 'creative', 1],
      [2, 23, 'coordination', 1],
    ]);
    expect(shownHours(g, [1, 2])).toEqual([{ from: 0, to: 6 }, ...hourly, { from: 22, to: 24 }]);
    // Time on a day not shown adds no row.
    expect(shownHours(g, [3])).toEqual(hourly);
  });

  it('working days and days with data, in week order', () => {
    const g = withSlots([[6, 10, 'creative', 1]]);
    expect(shownDays(g, [1, 2, 3, 4, 5], 1)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(shownDays(g, [1, 2, 3, 4, 5], 0)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(shownDays(withSlots([[0, 10, 'creative', 1]]), [1, 2, 3, 4, 5], 1)).toEqual([1, 2, 3, 4, 5, 0]);
  });

  it.each<[number, string]>([
    [5, 'night'],
    [6, 'morning'],
    [11, 'morning'],
    [12, 'afternoon'],
    [17, 'afternoon'],
    [18, 'evening'],
    [21, 'evening'],
    [22, 'night'],
  ])('hour %i is %s', (h, part) => expect(dayPartOf(h)).toBe(part));

  it('names two days of the same part together', () => {
    const g = withSlots([
      [2, 9, 'creative', 3],
      [4, 10, 'creative', 2.5],
      [1, 14, 'creative', 1],
      [1, 15, 'coordination', 4],
    ]);
    expect(creativePeakWords(g, name, 4)).toBe(
      'You are most creative on Tuesday and Thursday mornings over these 4 weeks.',
    );
    expect(coordinationPeakWords(g, name)).toBe('Coordination piles up on Monday afternoons.');
  });

  it('names one slot when the second is far behind, and two different parts in full', () => {
    expect(
      creativePeakWords(
        withSlots([
          [3, 15, 'creative', 4],
          [1, 9, 'creative', 1],
        ]),
        name,
        1,
      ),
    ).toBe('You are most creative on Wednesday afternoons that week.');
    expect(
      creativePeakWords(
        withSlots([
          [3, 15, 'creative', 3],
          [1, 9, 'creative', 2.5],
        ]),
        name,
        8,
      ),
    ).toBe('You are most creative on Wednesday afternoons and Monday mornings over these 8 weeks.');
  });

  it('says nothing with under 2 h of creative time or under 1 h of coordination', () => {
    expect(creativePeakWords(withSlots([[3, 15, 'creative', 1.9]]), name, 4)).toBeNull();
    expect(coordinationPeakWords(withSlots([[3, 15, 'coordination', 0.9]]), name)).toBeNull();
  });

  it('addPieces ignores not work and unclassified pieces', () => {
    const g = emptyGrid();
    const t = local(2025, 3, 12, 9);
    addPieces(g, [
      { start: t, end: t + HOUR, class: 'neutral' },
      { start: t, end: t + HOUR, class: 'unclassified' },
    ]);
    expect(g.totals).toEqual({ creative: 0, coordination: 0 });
  });
});
