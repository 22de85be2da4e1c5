/** Live reads of the stored calendar meetings (lib/db/meetings.ts) for the day list and Settings. */
import { useCallback, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
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
 * it; undefined while loading — also while another day's answer is the last one held.
 *
 * Why the range check: `useLiveQuery` keeps returning the previous query's result after its
 * dependencies change, until the new query answers. Right after a click on another day the list
 * then still showed the day before's meetings, and "I skipped this one" pressed in that moment
 * skipped a meeting of the wrong day (or the button vanished under the key press) — issue #15's
 * "the open dashboard keeps the old share", which a reload did not fix either.
 */
export function useDayMeetings(
  db: CreativeRatioDB,
  from: number,
  to: number,
): { list: DayMeeting[]; legacy: boolean } | undefined {
  const held = useLiveQuery(
    async () => ({
      db,
      from,
      to,
      list: await meetingsBetween(db, from, to),
      legacy: await hasLegacyCalendarTime(db, from, to),
    }),
    [db, from, to],
  );
  return useMemo(
    () =>
      held && held.db === db && held.from === from && held.to === to
        ? { list: held.list, legacy: held.legacy }
        : undefined,
    [held, db, from, to],
  );
}

/** How many meetings are marked skipped; undefined while loading. */
export function useSkippedMeetingCount(db: CreativeRatioDB): number | undefined {
  return useLiveQuery(() => countSkippedMeetings(db), [db]);
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
