/**
 * Survey benchmarks for the creative share, and where a share sits against them.
 */
import type { BenchmarkBand, BenchmarkPlacement } from '@/lib/report/types';

/** "On a good day" share of creative work (42% of respondents). */
export const GOOD_DAY = 0.5;
/** The share 38% of respondents said is typical ("only about 25% creative"). */
export const TYPICAL = 0.25;

/** Who said what: 42 % of respondents called 50 % a good day; 38 % said their job is about 25 % creative. */
export const GOOD_DAY_SAID_BY = 0.42;
export const TYPICAL_SAID_BY = 0.38;

/**
 * A benchmark line in the survey's own terms, after its percentage: "a good day for 42% of surveyed
 * marketers" / "the reality for 38% of surveyed marketers" — never "typical", which overstates the source.
 * `short` ("a good day for 42%") where space is scarce (the popup, beside the source button).
 */
export function benchmarkWords(
  kind: 'good' | 'typical',
  formatShare: (share: number) => string,
  short = false,
): string {
  const who = short ? '' : ' of surveyed marketers';
  return kind === 'good'
    ? `a good day for ${formatShare(GOOD_DAY_SAID_BY)}${who}`
    : `the reality for ${formatShare(TYPICAL_SAID_BY)}${who}`;
}

/** Where the survey comes from (behind an info button, once per page). */
export const BENCHMARK_CITATION =
  'Source: the essay “AI Can’t Save Marketing Leaders from Orchestration Debt”, citing a survey of 200+ B2B marketing practitioners.';

/** The exact source sentence; show it (behind an info button) wherever the benchmarks appear. */
export const BENCHMARK_SOURCE =
  'In a survey of 200+ B2B marketing practitioners, 42% said that on a good day their job is 50% creative / 50% coordination, and 38% said it is only about 25% creative.';

/** Whole percentage points of a share (0..1) → e.g. 37. */
function pct(share: number): number {
  return Math.round(share * 100);
}

/**
 * Place a creative share (0..1) against the benchmarks and the person's target. Comparison is
 * in whole percentage points, as shown: 49.6% reads "50%" and counts as the good-day level.
 */
export function placeShare(share: number, target: number): BenchmarkPlacement {
  const p = pct(share);
  const band: BenchmarkBand =
    p >= pct(GOOD_DAY) ? 'at-or-above-good-day' : p <= pct(TYPICAL) ? 'at-or-below-typical' : 'between';
  const toTargetPts = p - pct(target);
  return {
    share,
    band,
    target,
    vsTarget: toTargetPts > 0 ? 'above' : toTargetPts < 0 ? 'below' : 'at',
    toTargetPts,
    toGoodDayPts: p - pct(GOOD_DAY),
    toTypicalPts: p - pct(TYPICAL),
  };
}
