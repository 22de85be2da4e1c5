/**
 * DST checks shared by the per-zone test files. Each file sets `process.env.TZ` on its first
 * line; Vitest 4 runs every test file in its own worker process (pool `forks`), Node resets its
 * zone cache when TZ is assigned, and the suite first asserts that the zone really is active,
 * so a runner that shares processes fails loudly instead of silently testing Berlin again.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Segment } from '@/lib/model';
import { generateDemoSegments } from '@/lib/demo/seed';
import { buildTrend, buildWeekReport, summarizeDays } from '@/lib/report';
import { localDayStart } from '@/lib/time/days';
import { nextWeek, previousWeek, weekRange } from '@/lib/time/week';
import type { WeekDay } from '@/lib/settings';
import { dayKey } from '@/lib/time/days';
import { fakeClassify } from './fake-classifier';
import { HOUR, local, settings, weekOfFake } from './helpers';

/** One browser focus segment on a.test over [start, end). */
const browserSegment = (start: number, end: number): Segment => ({
  start,
  end,
  day: dayKey(start),
  host: 'a.test',
  path: '',
  source: 'browser',
  lane: 'focus',
});

export interface DstWeek {
  name: string;
  /** Any instant inside the week, as local [y, m, d, h]. */
  inside: [number, number, number, number];
  weekStartsOn: WeekDay;
  /** Expected first day of the week (local date) and the wall-clock hour it starts at (1 where midnight does not exist). */
  firstDay: [number, number, number];
  firstHour: number;
  /** Expected length of each of the seven days, in hours. */
  dayHours: number[];
  /** A local [y, m, d, h] start for a 6-hour segment across the change night, and how it splits over two days (hours). */
  across: { from: [number, number, number, number]; split: number[] };
}

export function runDstSuite(zone: string, weeks: readonly DstWeek[]): void {
  const previousTz = process.env.TZ;
  afterAll(() => {
    process.env.TZ = previousTz;
  });

  describe(`DST in ${zone}`, () => {
    it('runs in the intended zone', () => {
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
    });

    describe.each(weeks)('$name', (w) => {
      const range = weekRange(local(...w.inside), w.weekStartsOn);
      const now = range.end + 30 * 24 * HOUR;

      it('weekRange starts at the local start of the first day', () => {
        expect(range.start).toBe(new Date(w.firstDay[0], w.firstDay[1] - 1, w.firstDay[2]).getTime());
        expect(new Date(range.start).getHours()).toBe(w.firstHour);
        expect(range.end - range.start).toBe(w.dayHours.reduce((a, b) => a + b, 0) * HOUR);
      });

      it('previousWeek / nextWeek land on the neighbouring week starts', () => {
        expect(nextWeek(range.start)).toBe(range.end);
        expect(previousWeek(nextWeek(range.start))).toBe(range.start);
        expect(weekRange(range.end + HOUR, w.weekStartsOn).start).toBe(range.end);
      });

      it('days are 23, 24 or 25 hours and a whole-week segment fills each exactly', () => {
        const segs: Segment[] = [browserSegment(range.start, range.end)];
        const r = weekOfFake(segs, range.start, now);
        expect(r.days.map((d) => (d.end - d.start) / HOUR)).toEqual(w.dayHours);
        expect(r.days.map((d) => d.trackedMs / HOUR)).toEqual(w.dayHours);
        expect(r.trackedMs).toBe(range.end - range.start);
        expect(new Set(r.days.map((d) => d.day)).size).toBe(7);
      });

      it('a 6-hour segment across the change night splits at local midnight', () => {
        const start = local(...w.across.from);
        const segs: Segment[] = [browserSegment(start, start + 6 * HOUR)];
        const r = weekOfFake(segs, range.start, now);
        const used = r.days.filter((d) => d.trackedMs > 0).map((d) => d.trackedMs / HOUR);
        expect(used).toEqual(w.across.split);
      });

      it('working hours 9–18 are 9 hours on every working day, the change day included', () => {
        const segs: Segment[] = [browserSegment(range.start, range.end)];
        const all = [0, 1, 2, 3, 4, 5, 6] as WeekDay[];
        const r = buildWeekReport({
          segments: segs,
          classify: fakeClassify,
          weekStart: range.start,
          now,
          settings: settings({ countOnlyInside: true, days: all, startMinute: 9 * 60, endMinute: 18 * 60 }),
        });
        expect(r.days.map((d) => d.trackedMs / HOUR)).toEqual([9, 9, 9, 9, 9, 9, 9]);
      });

      it('the trend from daily summaries sees the same week', () => {
        const segs: Segment[] = [browserSegment(range.start, range.end)];
        const trend = buildTrend({
          summaries: summarizeDays(segs, { now }),
          classify: fakeClassify,
          weekStart: range.start,
          weeks: 2,
        });
        expect(trend.map((p) => p.trackedMs)).toEqual([0, range.end - range.start]);
        expect(trend[1]!.week).toBe(range.week);
      });

      it('demo segments stay inside their local day', () => {
        const segs = generateDemoSegments({ weeks: 2, now: range.end, seed: 3 });
        expect(segs.length).toBeGreaterThan(100);
        for (const s of segs) {
          expect(s.day).toBe(dayKey(s.start));
          expect(s.end).toBeLessThanOrEqual(localDayStart(s.start, 1));
        }
      });
    });
  });
}
