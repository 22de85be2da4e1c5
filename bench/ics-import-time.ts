/**
 * Wall-clock time of a whole calendar import (parse + expand + plan) of a 10,000-event file in
 * Node, as the median of three runs (the target: under 5 s).
 *
 *   npx tsx bench/ics-import-time.ts [events]
 */
import { planFromText } from '@/lib/calendar/plan-import';
import { benchCalendar } from './ics-fixture';

const events = Number(process.argv[2] ?? 10_000);
// Six weeks: the 10,000 events crowd into four months, so a wider window passes the 50,000-occurrence limit.
const { text, options } = benchCalendar(events, 6);

const times: number[] = [];
let summary = '';
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const plan = planFromText(text, options);
  times.push(performance.now() - t0);
  if (!plan.ok) throw new Error(plan.error.message);
  summary = `${plan.plan.meetingCount} meetings, ${plan.plan.segments.length} segments, ${Math.round(plan.plan.meetingMs / 60_000)} min`;
}
times.sort((a, b) => a - b);
console.log(
  `${events} events (${(text.length / 1024 / 1024).toFixed(1)} MB): ${summary}; runs ${times.map((t) => t.toFixed(0)).join(', ')} ms; median ${times[1]!.toFixed(0)} ms`,
);
