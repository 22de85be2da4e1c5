/**
 * The calendar import benchmarks' input (bench/ics.bench.ts, bench/ics-import-time.ts): the synthetic
 * calendar (tests/fixtures/ics/synthetic-calendar.ts) and the import options, over a window of whole
 * weeks ending a week after a fixed `now`.
 */
import { DEFAULT_MEETING_WORDS } from '@/lib/calendar/meeting-rules';
import type { ImportOptions } from '@/lib/calendar/plan-import';
import { syntheticCalendar } from '../tests/fixtures/ics/synthetic-calendar';

const WEEK_MS = 7 * 86_400_000;

/** `events` synthetic events from the window's start; the window is `weeks` weeks, the last after `now`. */
export function benchCalendar(events: number, weeks: number) {
  const now = new Date(2025, 5, 12, 15, 30).getTime();
  const from = now - (weeks - 1) * WEEK_MS;
  const to = now + WEEK_MS;
  const text = syntheticCalendar(events, from);
  const options: ImportOptions = {
    from,
    to,
    keepTitles: false,
    meetingWords: DEFAULT_MEETING_WORDS,
    ownerEmails: [],
    countTentative: false,
    importId: 'ics:Bench:1',
  };
  return { from, to, text, options };
}
