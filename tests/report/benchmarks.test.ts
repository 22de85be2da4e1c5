import { describe, expect, it } from 'vitest';
import { BENCHMARK_SOURCE, GOOD_DAY, TYPICAL, placeShare, type BenchmarkPlacement } from '@/lib/report';

describe('benchmarks', () => {
  it('keeps the survey figures and the exact source sentence', () => {
    expect(GOOD_DAY).toBe(0.5);
    expect(TYPICAL).toBe(0.25);
    expect(BENCHMARK_SOURCE).toBe(
      'In a survey of 200+ B2B marketing practitioners, 42% said that on a good day their job is 50% creative / 50% coordination, and 38% said it is only about 25% creative.',
    );
  });

  it.each<
    [number, number, Pick<BenchmarkPlacement, 'band' | 'vsTarget' | 'toTargetPts' | 'toGoodDayPts' | 'toTypicalPts'>]
  >([
    [
      0.62,
      0.5,
      { band: 'at-or-above-good-day', vsTarget: 'above', toTargetPts: 12, toGoodDayPts: 12, toTypicalPts: 37 },
    ],
    [0.5, 0.5, { band: 'at-or-above-good-day', vsTarget: 'at', toTargetPts: 0, toGoodDayPts: 0, toTypicalPts: 25 }],
    [0.496, 0.5, { band: 'at-or-above-good-day', vsTarget: 'at', toTargetPts: 0, toGoodDayPts: 0, toTypicalPts: 25 }],
    [0.37, 0.5, { band: 'between', vsTarget: 'below', toTargetPts: -13, toGoodDayPts: -13, toTypicalPts: 12 }],
    [0.37, 0.3, { band: 'between', vsTarget: 'above', toTargetPts: 7, toGoodDayPts: -13, toTypicalPts: 12 }],
    [
      0.25,
      0.4,
      { band: 'at-or-below-typical', vsTarget: 'below', toTargetPts: -15, toGoodDayPts: -25, toTypicalPts: 0 },
    ],
    [
      0.1,
      0.5,
      { band: 'at-or-below-typical', vsTarget: 'below', toTargetPts: -40, toGoodDayPts: -40, toTypicalPts: -15 },
    ],
    [0, 0, { band: 'at-or-below-typical', vsTarget: 'at', toTargetPts: 0, toGoodDayPts: -50, toTypicalPts: -25 }],
  ])('share %f with target %f', (share, target, expected) => {
    expect(placeShare(share, target)).toEqual({ share, target, ...expected });
  });
});
