/**
 * The dashboard's headline in words: this week's creative share, how it moved, and where it
 * sits against the two survey benchmarks and the person's target. Pure.
 */
import { GOOD_DAY, TYPICAL, benchmarkWords, placeShare } from '@/lib/report/benchmarks';
import type { WeekComparison } from '@/lib/report/types';
import type { EarlyView } from '@/lib/ui/enough-data';

export interface HeadlineFormat {
  share: (v: number | null) => string;
  points: (v: number | null) => string;
}

export type Direction = 'up' | 'down' | 'flat' | 'none';

export interface DeltaView {
  key: 'last-week' | 'average';
  label: string;
  /** "+4 pts", or "–" without data. */
  value: string;
  direction: Direction;
  /** Full sentence for screen readers and the tooltip. */
  description: string;
}

export interface HeadlineView {
  share: number | null;
  shareText: string;
  /** e.g. "Between 25% (the reality for 38% of surveyed marketers) and 50% (a good day for 42% of surveyed marketers)." */
  benchmarkSentence: string;
  /** e.g. "4 pts below your 50% target." */
  targetSentence: string;
  deltas: DeltaView[];
  /** Too little classified time for a verdict: what was gathered instead of a share (null = enough). */
  early: EarlyView | null;
}

function direction(pts: number | null): Direction {
  if (pts === null) return 'none';
  const r = Math.round(pts);
  return r > 0 ? 'up' : r < 0 ? 'down' : 'flat';
}

/**
 * `early`: the week's enough-data view (lib/ui/enough-data.ts); when it is not enough, there is no
 * verdict — no share against the benchmarks or the target, no changes — only what was gathered.
 */
export function headlineView(
  comparison: WeekComparison,
  target: number,
  fmt: HeadlineFormat,
  isCurrentWeek: boolean,
  early?: EarlyView | null,
): HeadlineView {
  const tooEarly = early && !early.enough ? early : null;
  const share = tooEarly ? null : comparison.share;
  const good = fmt.share(GOOD_DAY);
  const typical = fmt.share(TYPICAL);
  let benchmarkSentence: string;
  let targetSentence: string;
  if (tooEarly) {
    benchmarkSentence = tooEarly.sentence;
    targetSentence = `Your target is ${fmt.share(target)}.`;
  } else if (share === null) {
    benchmarkSentence = isCurrentWeek
      ? 'No creative or coordination time yet this week.'
      : 'No creative or coordination time was recorded this week.';
    targetSentence = `Your target is ${fmt.share(target)}.`;
  } else {
    const p = placeShare(share, target);
    benchmarkSentence =
      p.band === 'at-or-above-good-day'
        ? p.toGoodDayPts === 0
          ? `Right at ${good} — ${benchmarkWords('good', fmt.share)}.`
          : `Above ${good} — ${benchmarkWords('good', fmt.share)}.`
        : p.band === 'at-or-below-typical'
          ? p.toTypicalPts === 0
            ? `Right at ${typical} — ${benchmarkWords('typical', fmt.share)}.`
            : `Below ${typical} — ${benchmarkWords('typical', fmt.share)}.`
          : `Between ${typical} (${benchmarkWords('typical', fmt.share)}) and ${good} (${benchmarkWords('good', fmt.share)}).`;
    const gap = Math.abs(p.toTargetPts);
    targetSentence =
      p.vsTarget === 'at'
        ? `On your ${fmt.share(target)} target.`
        : `${gap} ${gap === 1 ? 'point' : 'points'} ${p.vsTarget} your ${fmt.share(target)} target.`;
  }
  const lastDir = tooEarly ? 'none' : direction(comparison.vsLastWeekPts);
  const avgDir = tooEarly ? 'none' : direction(comparison.vsAveragePts);
  const avgLabel =
    comparison.averageWeeks === 1
      ? 'vs 1 earlier week'
      : comparison.averageWeeks > 0 && comparison.averageWeeks < 4
        ? `vs ${comparison.averageWeeks}-week average`
        : 'vs 4-week average';
  const moved = (dir: Direction, pts: number | null) =>
    dir === 'none'
      ? tooEarly
        ? 'too early to compare'
        : 'no comparison (no data)'
      : dir === 'flat'
        ? 'unchanged'
        : `${fmt.points(pts)} (${dir === 'up' ? 'more' : 'less'} creative)`;
  return {
    share,
    shareText: fmt.share(share),
    benchmarkSentence,
    targetSentence,
    deltas: [
      {
        key: 'last-week',
        label: 'vs last week',
        value: tooEarly ? '–' : fmt.points(comparison.vsLastWeekPts),
        direction: lastDir,
        description: `Compared with last week${comparison.lastWeekShare !== null ? ` (${fmt.share(comparison.lastWeekShare)})` : ''}: ${moved(lastDir, comparison.vsLastWeekPts)}.`,
      },
      {
        key: 'average',
        label: avgLabel,
        value: tooEarly ? '–' : fmt.points(comparison.vsAveragePts),
        direction: avgDir,
        description: `Compared with ${comparison.averageWeeks === 1 ? 'the one earlier week with data' : `the average of the ${comparison.averageWeeks || 4} weeks before`}${comparison.previousAverage !== null ? ` (${fmt.share(comparison.previousAverage)})` : ''}: ${moved(avgDir, comparison.vsAveragePts)}.`,
      },
    ],
    early: tooEarly,
  };
}

export interface BasisView {
  /** Whole percent of tracked time a rule or the catalog classified (floored: never overstated). */
  firmPct: number;
  /** "Based on 88 % of your tracked time" / "Based on all of your tracked time". */
  text: string;
  /** "7 % is guessed from the address and 5 % is not classified yet.", or '' when everything is firm. */
  detail: string;
}

/**
 * How firm this week's number is (issue #14): the share of tracked time a rule or the catalog
 * classified, against the time only guessed from the address or not classified yet. Null without
 * tracked time. `share` formats a 0..1 fraction as a percentage.
 */
export function basisView(
  t: { trackedMs: number; guessedMs: number; unclassifiedMs: number },
  share: (v: number) => string,
): BasisView | null {
  if (!(t.trackedMs > 0)) return null;
  const guessed = Math.max(0, t.guessedMs) / t.trackedMs;
  const open = Math.max(0, t.unclassifiedMs) / t.trackedMs;
  const firm = Math.max(0, 1 - guessed - open);
  const firmPct = Math.floor(firm * 100 + 1e-9);
  const part = (v: number): string => (v > 0 && v < 0.005 ? `under ${share(0.01)}` : share(v));
  const pieces: string[] = [];
  if (guessed > 0) pieces.push(`${part(guessed)} is guessed from the address`);
  if (open > 0) pieces.push(`${part(open)} is not classified yet`);
  const detail = pieces.length === 0 ? '' : `${pieces.join(' and ')}.`.replace(/^./, (c) => c.toUpperCase());
  return {
    firmPct,
    text:
      firmPct >= 100 && pieces.length === 0
        ? 'Based on all of your tracked time'
        : `Based on ${share(firmPct / 100)} of your tracked time`,
    detail,
  };
}
