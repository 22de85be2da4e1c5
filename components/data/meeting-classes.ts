/**
 * The write behind Settings → Calendar's meeting rules and the dashboard's "count this series as
 * creative": save the settings, re-apply them to the stored meetings, re-read the subscriptions.
 */
import { effectiveMeetingRules, type MeetingClassSettings } from '@/lib/calendar/meeting-classes';
import { refreshNow } from '@/lib/browser/calendar-page';
import type { CreativeRatioDB } from '@/lib/db';
import { reapplyMeetingClasses } from '@/lib/db/calendar';
import { forgetAllWeeks } from './week-data';

/**
 * Save new meeting classification settings and re-apply them to history: stored meetings with
 * kept titles at once, subscriptions by a full refresh (series and organizer rules need the feed).
 * Returns a sentence for the status line.
 */
export async function applyMeetingClasses(
  db: CreativeRatioDB,
  next: MeetingClassSettings,
  save: (s: MeetingClassSettings) => Promise<boolean>,
): Promise<string> {
  if (!(await save(next))) return 'Not saved.';
  const changed = await reapplyMeetingClasses(db, effectiveMeetingRules(next));
  const refreshed = await refreshNow(undefined, true).catch(() => []);
  await forgetAllWeeks();
  const n = refreshed.filter((r) => r.result === 'imported').length;
  return `Saved. ${changed} stored meeting${changed === 1 ? '' : 's'} changed${n > 0 ? `; ${n} subscribed calendar${n === 1 ? '' : 's'} re-read` : ''}.`;
}
