/**
 * Calendar import speed: parse and expand a 2,000-event calendar over 12 weeks (the default
 * import window), as the preview does when a file is picked.
 *
 *   npx vitest bench --run bench/ics.bench.ts
 *
 * The calendar (tests/fixtures/ics/synthetic-calendar.ts) is a dense worst case: all 2,000
 * events fall within four months, so ~9,000 occurrences land in the window.
 */
import { bench, describe } from 'vitest';
import { expandEvents } from '@/lib/calendar/expand-events';
import { parseIcs } from '@/lib/calendar/parse-calendar';
import { planImport } from '@/lib/calendar/plan-import';
import { benchCalendar } from './ics-fixture';

export const EVENTS = 2_000;

const { from, to, text, options } = benchCalendar(EVENTS, 12);

const check = parseIcs(text);
if (!check.ok) throw new Error(check.error.message);
const checkPlan = planImport(check.calendar, options);
if (!checkPlan.ok) throw new Error(checkPlan.error.message);

describe(`calendar import: ${EVENTS.toLocaleString('en-US')} events (${(text.length / 1024).toFixed(0)} KB), 12-week window`, () => {
  bench('parse + expand + plan (the preview)', () => {
    const parsed = parseIcs(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const plan = planImport(parsed.calendar, options);
    if (!plan.ok) throw new Error(plan.error.message);
  });

  bench('plan only (an option changed; file already parsed)', () => {
    const plan = planImport(check.calendar, options);
    if (!plan.ok) throw new Error(plan.error.message);
  });
});

// The preview's re-plan (the worker keeps the expansion), without and with its series and organizer lists.
const expanded = expandEvents(check.calendar.events, { from, to });
describe('re-plan from a kept expansion', () => {
  bench('meeting rules, merge, segments', () => {
    const plan = planImport(check.calendar, options, expanded);
    if (!plan.ok) throw new Error(plan.error.message);
  });
  bench('… and the recurring series and organizer summaries (the preview)', () => {
    const plan = planImport(check.calendar, { ...options, summaries: true }, expanded);
    if (!plan.ok || !plan.plan.summary) throw new Error('no summary');
  });
});

console.log(
  `bench fixture: ${check.calendar.events.length} events, ${checkPlan.plan.meetingCount} meetings → ${checkPlan.plan.segments.length} segments, ` +
    `${checkPlan.plan.skipped.reduce((n, s) => n + s.count, 0)} skipped`,
);
