/**
 * Insight-core benchmarks on a year of synthetic data (~150,000 segments, ~3,000 a week).
 * Budget in Chromium: draw a week < 300 ms, switch weeks < 100 ms, cost growing with the
 * week shown, not with history. Run: npx vitest bench --run bench/report.bench.ts
 */
import { bench, describe } from 'vitest';
import { createClassifier } from '@/lib/classify';
import type { Segment } from '@/lib/model';
import { generateYear } from '@/lib/demo/seed';
import {
  buildTrend,
  buildWeekReport,
  buildWeeklyReview,
  compareWeeks,
  summarizeDays,
  type DaySummary,
} from '@/lib/report';
import { previousWeek, weekRange } from '@/lib/time/week';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const now = new Date(2025, 5, 12, 15, 30).getTime();
const year = generateYear({ now, seed: 1 });
const classifier = createClassifier([]);
const thisWeek = weekRange(now, 1).start;
const lastWeek = previousWeek(thisWeek);

/** What `segmentsOverlapping(db, from, to)` returns (a day of lookback, then filtered). */
function weekSegments(start: number): Segment[] {
  const end = start + 7 * 24 * 3600_000 + 3600_000;
  return year.filter((s) => s.end > start && s.start < end);
}
const lastWeekSegments = weekSegments(lastWeek);
const twelveWeeksFrom = previousWeek(previousWeek(previousWeek(thisWeek))) - 8 * 7 * 24 * 3600_000;
const twelveWeekSegments = year.filter((s) => s.end > twelveWeeksFrom);
const summaries: DaySummary[] = summarizeDays(year, { now });

console.log(
  `year: ${year.length} segments; last week: ${lastWeekSegments.length}; 12 weeks: ${twelveWeekSegments.length}; summaries: ${summaries.length} days`,
);

const settings = DEFAULT_SETTINGS;
/** Enough samples for a stable median on a busy machine. */
const opts = { time: 3000, warmupIterations: 5 };

describe('week', () => {
  bench(
    'buildWeekReport, one full week (~3,000 segments)',
    () => {
      buildWeekReport({ segments: lastWeekSegments, classify: classifier, weekStart: lastWeek, now, settings });
    },
    opts,
  );

  bench(
    'buildWeekReport + weekly review, fresh classifier',
    () => {
      const r = buildWeekReport({
        segments: lastWeekSegments,
        classify: createClassifier([]),
        weekStart: lastWeek,
        now,
        settings,
      });
      buildWeeklyReview(r, { locale: 'en-US' });
    },
    opts,
  );

  bench(
    'buildWeekReport with working-hours clipping',
    () => {
      buildWeekReport({
        segments: lastWeekSegments,
        classify: classifier,
        weekStart: lastWeek,
        now,
        settings: { ...settings, workingHours: { ...settings.workingHours, countOnlyInside: true } },
      });
    },
    opts,
  );
});

describe('trend', () => {
  bench(
    'buildTrend, 12 weeks from cached daily summaries',
    () => {
      compareWeeks(buildTrend({ summaries, classify: classifier, weekStart: thisWeek }));
    },
    opts,
  );

  bench(
    'summarizeDays over 12 weeks of raw segments + buildTrend (cold cache)',
    () => {
      buildTrend({ summaries: summarizeDays(twelveWeekSegments, { now }), classify: classifier, weekStart: thisWeek });
    },
    opts,
  );
});
