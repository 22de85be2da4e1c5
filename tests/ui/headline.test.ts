import { describe, expect, it } from 'vitest';
import { formatPercent, formatPoints } from '@/lib/report/format';
import type { WeekComparison } from '@/lib/report/types';
import { headlineView } from '@/lib/ui/headline';

const fmt = {
  share: (v: number | null) => (v === null ? '–' : formatPercent(v, 'en-US')),
  points: (v: number | null) => (v === null ? '–' : formatPoints(v, 'en-US')),
};

function cmp(share: number | null, last: number | null, avg: number | null, weeks = 4): WeekComparison {
  return {
    share,
    lastWeekShare: last,
    vsLastWeekPts: share !== null && last !== null ? (share - last) * 100 : null,
    previousAverage: avg,
    averageWeeks: avg === null ? 0 : weeks,
    vsAveragePts: share !== null && avg !== null ? (share - avg) * 100 : null,
  };
}

describe('headline', () => {
  it('places a share between the benchmarks and below the target', () => {
    const v = headlineView(cmp(0.38, 0.34, 0.41), 0.5, fmt, true);
    expect(v.shareText).toBe('38%');
    expect(v.benchmarkSentence).toBe(
      'Between 25% (the reality for 38% of surveyed marketers) and 50% (a good day for 42% of surveyed marketers).',
    );
    expect(v.targetSentence).toBe('12 points below your 50% target.');
    expect(v.deltas.map((d) => [d.value, d.direction])).toEqual([
      ['+4 pts', 'up'],
      ['-3 pts', 'down'],
    ]);
  });

  it('says when a week is at or above a good day, and on target', () => {
    const v = headlineView(cmp(0.62, null, null), 0.62, fmt, false);
    expect(v.benchmarkSentence).toMatch(/^Above 50% — a good day for 42% of surveyed marketers/);
    expect(v.targetSentence).toBe('On your 62% target.');
    expect(v.deltas.every((d) => d.direction === 'none' && d.value === '–')).toBe(true);
  });

  it('says when a week is at or below the typical share', () => {
    expect(headlineView(cmp(0.2, 0.2, 0.2), 0.5, fmt, false).benchmarkSentence).toMatch(
      /^Below 25% — the reality for 38% of surveyed marketers/,
    );
    expect(headlineView(cmp(0.25, 0.25, 0.25), 0.5, fmt, false).deltas[0]!.direction).toBe('flat');
  });

  it('labels a shorter average honestly', () => {
    const v = headlineView(cmp(0.4, 0.3, 0.35, 2), 0.5, fmt, true);
    expect(v.deltas[1]!.label).toBe('vs 2-week average');
  });

  it('explains an empty week without numbers', () => {
    const v = headlineView(cmp(null, 0.3, 0.3), 0.5, fmt, true);
    expect(v.shareText).toBe('–');
    expect(v.benchmarkSentence).toBe('No creative or coordination time yet this week.');
  });
});

describe('headline before there is enough data', () => {
  const early = {
    enough: false,
    gathered: '4 min',
    needed: '5 h',
    missing: '4 h 56 min',
    sentence: '4 min classified so far — too early to compare: a week needs 5 h (4 h 56 min to go).',
  };

  it('gives no verdict: no share, no place against the benchmarks or target, no changes', () => {
    const v = headlineView(cmp(0.77, 0.4, 0.45), 0.5, fmt, true, early);
    expect(v.share).toBeNull();
    expect(v.early).toBe(early);
    expect(v.benchmarkSentence).toBe(early.sentence);
    expect(v.targetSentence).toBe('Your target is 50%.');
    expect(v.targetSentence).not.toMatch(/points/);
    expect(v.deltas.map((d) => [d.value, d.direction])).toEqual([
      ['–', 'none'],
      ['–', 'none'],
    ]);
    expect(v.deltas[0]!.description).toMatch(/too early to compare/);
  });

  it('with enough data, the verdict as before', () => {
    const v = headlineView(cmp(0.38, 0.34, 0.41), 0.5, fmt, true, { ...early, enough: true });
    expect(v.early).toBeNull();
    expect(v.shareText).toBe('38%');
  });

  it('one earlier week is not called an average of "1 weeks"', () => {
    const v = headlineView(cmp(0.38, 0.34, 0.34, 1), 0.5, fmt, true);
    expect(v.deltas[1]!.label).toBe('vs 1 earlier week');
    expect(v.deltas[1]!.description).not.toMatch(/1 weeks/);
  });
});
