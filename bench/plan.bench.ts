/**
 * The focus plan's cost on the review page: reading 7 weeks of segments into plan inputs (one
 * timeline resolution), and the suggestion itself, with dense demo weeks (~3,000 segments a week).
 *
 *   npx vitest bench --run bench/plan.bench.ts
 */
import { bench, describe } from 'vitest';
import { createClassifier } from '@/lib/classify';
import { ianaZone } from '@/lib/calendar/time-zones';
import { generateDemoSegments } from '@/lib/demo/seed';
import { planInputs } from '@/lib/plan/inputs';
import { recurringMeetings, suggestFocusBlocks } from '@/lib/plan/suggest';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const zone = ianaZone('Europe/Berlin')!;
const now = zone.toInstant(Date.UTC(2026, 11, 4, 16));
const weekStart = zone.toInstant(Date.UTC(2026, 11, 7));
const weekEnd = zone.toInstant(Date.UTC(2026, 11, 14));
const historyFrom = zone.toInstant(Date.UTC(2026, 10, 2));
const segments = generateDemoSegments({ weeks: 6, now, seed: 7, pace: 'dense', story: false });
const classifier = createClassifier([]);
const inputs = planInputs(segments, classifier, { historyFrom, weekStart, weekEnd, now });
const meetings = [...inputs.weekMeetings, ...recurringMeetings(inputs.pastMeetings, zone, '2026-12-07')];

/** The suggestion for next week from the history, given the week's meetings. */
const suggest = (weekMeetings: typeof meetings) =>
  suggestFocusBlocks({
    now,
    zone,
    week: '2026-12-07',
    workingHours: DEFAULT_SETTINGS.workingHours,
    targetShare: 0.5,
    history: inputs.history,
    meetings: weekMeetings,
  });

describe(`focus plan (${segments.length} segments, ${inputs.history.length} history pieces)`, () => {
  bench('planInputs: 6 weeks + next week resolved', () => {
    planInputs(segments, createClassifier([]), { historyFrom, weekStart, weekEnd, now });
  });
  bench('recurringMeetings + suggestFocusBlocks', () => {
    suggest([...inputs.weekMeetings, ...recurringMeetings(inputs.pastMeetings, zone, '2026-12-07')]);
  });
  bench('suggestFocusBlocks alone', () => {
    suggest(meetings);
  });
});
