/**
 * The insight core (issue #4): pure functions from segments + rules + settings to the numbers
 * the popup, dashboard and weekly review show. No browser, no Dexie, no Date.now(); local days
 * are those of the process's time zone (DST-safe: 23/25-hour days, days starting at 01:00).
 *
 * - timeline.ts   resolveTimeline: overlapping lanes/sources → non-overlapping classified pieces + multitasking
 * - week.ts       buildWeekReport / buildDayReport / dayTotals (weeks themselves: lib/time/week.ts)
 * - daily.ts      summarizeDay(s): per-day pre-aggregates, classified at read time
 * - trend.ts      buildTrend (12 weeks) and compareWeeks
 * - benchmarks.ts survey benchmarks and placeShare
 * - review.ts     buildWeeklyReview: the weekly review in plain words
 * - format.ts     locale-aware durations, percentages, signed points
 *
 * Decisions (defaults in DEFAULT_THRESHOLDS, all overridable per call):
 * - Precedence manual > call > calendar > browser focus; within a layer the later-started segment
 *   wins (overlapping calendar events are merged, never summed). Nothing after `now` counts.
 * - Multitasking = foreground focus under a call, or under a calendar event whose kind is
 *   `meetings`, on another tool (not the call's host, not any tool of kind `meetings`).
 * - Flick = a run on one tool shorter than 5 s: not a visit, not a switch, does not break a block.
 * - Switch = a visit to another tool than the previous visit; a gap > 5 min with nothing tracked
 *   starts a new session (the first visit after it is not a switch). Rate per tracked hour,
 *   null under 15 min of tracked time.
 * - Creative block = consecutive creative pieces; survives gaps ≤ 2 min and non-creative
 *   interruptions adding up to < 5 s; its length counts creative time only; it belongs to the
 *   day it starts on. Milestones 25 / 50 / 90 min.
 * - Shares in byKind/byTool are of all tracked time; creative share = creative ÷ (creative +
 *   coordination), null without either. Best day needs ≥ 1 h classified.
 * - Working-hours clipping uses wall-clock times of each local day (9:00 is 9:00 on DST days).
 */
export type * from '@/lib/report/types';

export {
  CALENDAR_TOOL,
  MANUAL_TOOL,
  effectiveClassification,
  memoClassifier,
  withRuleTimes,
} from '@/lib/report/classification';
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
  openToSegments,
  prepareSegments,
  workingWindows,
} from '@/lib/report/week';
export type { PrepareOptions } from '@/lib/report/week';
export { summarizeDay, summarizeDays } from '@/lib/report/daily';
export type { SummarizeOptions } from '@/lib/report/daily';
export { AVERAGE_WEEKS, TREND_WEEKS, buildTrend, compareWeeks, shownTrend } from '@/lib/report/trend';
export type { BuildTrendInput } from '@/lib/report/trend';
export {
  BENCHMARK_CITATION,
  BENCHMARK_SOURCE,
  GOOD_DAY,
  TYPICAL,
  benchmarkWords,
  placeShare,
} from '@/lib/report/benchmarks';
export { buildWeeklyReview } from '@/lib/report/review';
export type { ReviewOptions } from '@/lib/report/review';
export { formatDuration, formatHours, formatPercent, formatPoints } from '@/lib/report/format';
