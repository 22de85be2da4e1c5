/**
 * The live reads of the pages' smaller sections, one named hook each: a component asks for what it
 * shows and gets it (undefined while loading), and it follows every write to IndexedDB — by the
 * tracker, another page or the component itself — without a reload. The queries are lib/db's; only
 * this folder wires them to React (`useLive`, live.ts).
 */
import { useLive } from './live';
import { getDb, getReview, loadSettings, segmentsOverlapping, type CreativeRatioDB } from '@/lib/db';
import { backupCounts } from '@/lib/db/backup';
import { listImports } from '@/lib/db/calendar';
import { listManualBlocks } from '@/lib/db/manual';
import { countSegmentsBefore, firstSegmentStart, hasAnySegments } from '@/lib/db/read/queries';
import { listRules } from '@/lib/db/rules';
import { listSubscriptions } from '@/lib/db/subscriptions';

/** Whether anything was ever recorded (the dashboard's empty state). */
export function useHasAnySegments(db: CreativeRatioDB = getDb()) {
  return useLive(() => hasAnySegments(db), [db]);
}

/** The reflection note of `week` (`''` when none), tagged with its week so a stale answer is never shown for another. */
export function useReviewNote(week: string | null, db: CreativeRatioDB = getDb()) {
  return useLive(async () => (week ? { week, note: (await getReview(db, week))?.note ?? '' } : undefined), [db, week]);
}

/** How many segments start before `cutoff` (0 for none), and when the first one starts: what retention would delete. */
export function useRetentionCounts(cutoff: number | null, db: CreativeRatioDB = getDb()) {
  const olderCount = useLive(() => (cutoff === null ? 0 : countSegmentsBefore(db, cutoff)), [db, cutoff]);
  const since = useLive(() => firstSegmentStart(db), [db]);
  return { olderCount, since };
}

/** What a backup would hold, per table. */
export function useBackupCounts(db: CreativeRatioDB = getDb()) {
  return useLive(() => backupCounts(db), [db]);
}

/** The manual blocks starting in [from, to). */
export function useManualBlockList(db: CreativeRatioDB, from: number, to: number) {
  return useLive(() => listManualBlocks(db, from, to), [db, from, to]);
}

/** The imported calendars and the calendar subscriptions. */
export function useCalendarSources(db: CreativeRatioDB) {
  const imports = useLive(() => listImports(db), [db]);
  const subscriptions = useLive(() => listSubscriptions(db), [db]);
  return { imports, subscriptions };
}

/** The stored settings, straight from the database (no early read: for sections below the first screen). */
export function useStoredSettings(db: CreativeRatioDB = getDb()) {
  return useLive(() => loadSettings(db), [db]);
}

/** The rules, in the order the person sees them (no early read: for sections below the first screen). */
export function useRules(db: CreativeRatioDB = getDb()) {
  return useLive(() => listRules(db), [db]);
}

/** The segments overlapping [from, to) — null while there is no range. */
export function useSegmentsOverlapping(db: CreativeRatioDB, from: number | undefined, to: number | undefined) {
  return useLive(
    () => (from !== undefined && to !== undefined ? segmentsOverlapping(db, from, to) : Promise.resolve(null)),
    [db, from, to],
  );
}
