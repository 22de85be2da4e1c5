import { describe, expect, it } from 'vitest';
import { compareWeeks, shownTrend } from '@/lib/report/trend';
import { emptyTotals } from '@/lib/report/week';
import type { TrendPoint } from '@/lib/report/types';

const H = 3_600_000;
function point(i: number, creativeH: number, coordinationH: number): TrendPoint {
  const totals = { ...emptyTotals(), creative: creativeH * H, coordination: coordinationH * H };
  const classifiedMs = totals.creative + totals.coordination;
  return {
    weekStart: i,
    week: `w${i}`,
    totals,
    trackedMs: classifiedMs,
    classifiedMs,
    creativeShare: classifiedMs > 0 ? totals.creative / classifiedMs : null,
  };
}

describe('the trend as shown', () => {
  it('starts at the first week with time: no eleven empty weeks for a new install', () => {
    const points = [...Array.from({ length: 11 }, (_, i) => point(i, 0, 0)), point(11, 0.05, 0.01)];
    const shown = shownTrend(points, 5 * H);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.week).toBe('w11');
    expect(shown[0]!.creativeShare).toBeNull(); // 4 minutes: too early, a gap not 83 %
  });

  it('keeps the last week when nothing was tracked at all, and every week from the first with time', () => {
    expect(shownTrend(Array.from({ length: 12 }, (_, i) => point(i, 0, 0)))).toHaveLength(1);
    const points = [point(0, 0, 0), point(1, 3, 3), point(2, 0, 0), point(3, 4, 4)];
    expect(shownTrend(points, 5 * H).map((p) => p.week)).toEqual(['w1', 'w2', 'w3']);
    expect(shownTrend(points, 5 * H).map((p) => p.creativeShare)).toEqual([0.5, null, 0.5]);
  });

  it('compares only weeks with enough classified time', () => {
    const points = [point(0, 3, 3), point(1, 0.5, 0.1), point(2, 4, 2)];
    const c = compareWeeks(points, 2, 5 * H);
    expect(c.lastWeekShare).toBeNull(); // 36 minutes last week: not compared
    expect(c.averageWeeks).toBe(1);
    expect(c.previousAverage).toBe(0.5);
    expect(compareWeeks(points, 1, 5 * H).share).toBeNull();
    expect(compareWeeks(points, 1).share).toBeCloseTo(0.5 / 0.6);
  });
});
