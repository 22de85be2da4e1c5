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
