/** Live reads of the stored calendar meetings (lib/db/meetings.ts) for the day list and Settings. */
import { useCallback, useState } from 'react';
import { useLive } from './live';
import type { CreativeRatioDB } from '@/lib/db';
import { forgetAllWeeks } from './week-data';
import {
  clearSkippedMeetings,
  countSkippedMeetings,
  hasLegacyCalendarTime,
  meetingsBetween,
  type DayMeeting,
} from '@/lib/db/meetings';

/**
 * The meetings starting in [from, to), and whether older calendar time there has no meetings behind
 * it; undefined while loading — also right after a switch of day, until that day's meetings are read
 * (`useLive`), so "I skipped this one" always acts on a meeting of the day shown (issue #15's stale week).
 */
export function useDayMeetings(
  db: CreativeRatioDB,
  from: number,
  to: number,
): { list: DayMeeting[]; legacy: boolean } | undefined {
  return useLive(
    async () => ({ list: await meetingsBetween(db, from, to), legacy: await hasLegacyCalendarTime(db, from, to) }),
    [db, from, to],
  );
}

/** How many meetings are marked skipped; undefined while loading. */
export function useSkippedMeetingCount(db: CreativeRatioDB): number | undefined {
  return useLive(() => countSkippedMeetings(db), [db]);
}

export interface SkippedMeetingsState {
  /** How many meetings are marked skipped; undefined while loading. */
  count: number | undefined;
  busy: boolean;
  status: string | null;
  /** Count every skipped meeting again. */
  clear: () => void;
}

/** Settings → Calendar's "Meetings you skipped": the count and Clear. */
export function useSkippedMeetings(db: CreativeRatioDB): SkippedMeetingsState {
  const count = useSkippedMeetingCount(db);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const clear = useCallback(async () => {
    setBusy(true);
    try {
      const n = await clearSkippedMeetings(db);
      await forgetAllWeeks();
      setStatus(`${n} meeting${n === 1 ? '' : 's'} count${n === 1 ? 's' : ''} again.`);
    } catch (e) {
      setStatus(`Not cleared: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }, [db]);
  return { count, busy, status, clear: () => void clear() };
}
