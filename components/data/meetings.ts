/** Live reads of the stored calendar meetings (lib/db/meetings.ts) for the day list and Settings. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { CreativeRatioDB } from '@/lib/db';
import { countSkippedMeetings, hasLegacyCalendarTime, meetingsBetween, type DayMeeting } from '@/lib/db/meetings';

/** The meetings starting in [from, to), and whether older calendar time there has no meetings behind it; undefined while loading. */
export function useDayMeetings(
  db: CreativeRatioDB,
  from: number,
  to: number,
): { list: DayMeeting[]; legacy: boolean } | undefined {
  return useLiveQuery(
    async () => ({ list: await meetingsBetween(db, from, to), legacy: await hasLegacyCalendarTime(db, from, to) }),
    [db, from, to],
  );
}

/** How many meetings are marked skipped; undefined while loading. */
export function useSkippedMeetingCount(db: CreativeRatioDB): number | undefined {
  return useLiveQuery(() => countSkippedMeetings(db), [db]);
}
