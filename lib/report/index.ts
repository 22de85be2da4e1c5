/**
 * The insight core (issue #4): pure functions from segments + rules + settings to the numbers
 * the popup, dashboard and weekly review show. No browser, no Dexie, no Date.now().
 *
 * - timeline.ts   resolveTimeline: overlapping lanes/sources → non-overlapping classified pieces + multitasking
 * - week.ts       buildWeekReport / buildDayReport / dayTotals, weekRange / previousWeek / nextWeek
 * - daily.ts      summarizeDay(s): per-day pre-aggregates, classified at read time
 * - trend.ts      buildTrend (12 weeks) and compareWeeks
 * - benchmarks.ts survey benchmarks and placeShare
 * - review.ts     buildWeeklyReview: the weekly review in plain words
 * - format.ts     locale-aware durations, percentages, signed points
 */
export type * from '@/lib/report/types';

export { CALENDAR_TOOL, MANUAL_TOOL, effectiveClassification, memoClassifier, withRuleTimes } from '@/lib/report/classification';
export { localDayStart } from '@/lib/report/local-day';
export type { ClassifyKey, Effective, MemoClassify } from '@/lib/report/classification';
export { ORIGIN_RANK, resolveLayers, resolveTimeline, segmentOrigin } from '@/lib/report/timeline';
export type { HiddenFocus, LayerPiece, Layers } from '@/lib/report/timeline';
export { creativeBlockList, switchInstants } from '@/lib/report/sequence';
export {
  BLOCK_MILESTONES_MIN,
  CLASS_ORDER,
  DEFAULT_THRESHOLDS,
  atLocalMinute,
  buildDayReport,
  buildWeekReport,
  creativeShareOf,
  dayBounds,
  dayTotals,
  emptyTotals,
  localeWeekStartsOn,
  nextWeek,
  openToSegments,
  prepareSegments,
  previousWeek,
  resolveWeekStartsOn,
  weekRange,
  workingWindows,
} from '@/lib/report/week';
export type { PrepareOptions, WeekRange } from '@/lib/report/week';
export { summarizeDay, summarizeDays } from '@/lib/report/daily';
export type { SummarizeOptions } from '@/lib/report/daily';
export { AVERAGE_WEEKS, TREND_WEEKS, buildTrend, compareWeeks } from '@/lib/report/trend';
export type { BuildTrendInput } from '@/lib/report/trend';
export { BENCHMARK_SOURCE, GOOD_DAY, TYPICAL, placeShare } from '@/lib/report/benchmarks';
export { buildWeeklyReview } from '@/lib/report/review';
export type { ReviewOptions } from '@/lib/report/review';
export { formatDuration, formatHours, formatPercent, formatPoints } from '@/lib/report/format';
