/**
 * Calendar subscriptions in storage: one row of the `status` table (key `calendar-subscriptions`)
 * holding the list. The `status` table belongs to this browser — it is not in backups (a backup
 * file must never carry a secret calendar address) and "Delete all data" clears it. No schema
 * change is needed. Every write is one transaction; a refresh writes its meetings and its status
 * in the same transaction, so a refresh that fails leaves the meetings exactly as they were.
 */
import type { Table } from 'dexie';
import type { CalendarSubscription } from '@/lib/calendar/subscription';
import { MAX_SUBSCRIPTIONS } from '@/lib/calendar/limits';
import { MAX_OCCURRENCES } from '@/lib/calendar/limits';
import type { Segment } from '@/lib/model';
import { calendarRow, checkSegment } from '@/lib/db/calendar';
import type { StoredMeeting } from '@/lib/calendar/meeting-fingerprints';
import {
  checkMeeting,
  deleteImportMeetings,
  dropOrphanSkips,
  meetingRow,
  meetingTables,
  rederiveImport,
} from '@/lib/db/meetings';
import type { CreativeRatioDB } from '@/lib/db/schema';

export const SUBSCRIPTIONS_KEY = 'calendar-subscriptions';

interface SubscriptionsRow {
  key: typeof SUBSCRIPTIONS_KEY;
  subscriptions: CalendarSubscription[];
}

function table(db: CreativeRatioDB): Table<SubscriptionsRow, string> {
  return db.status as unknown as Table<SubscriptionsRow, string>;
}

async function read(db: CreativeRatioDB): Promise<CalendarSubscription[]> {
  const row = await table(db).get(SUBSCRIPTIONS_KEY);
  return Array.isArray(row?.subscriptions) ? row.subscriptions : [];
}

async function write(db: CreativeRatioDB, subscriptions: CalendarSubscription[]): Promise<void> {
  if (subscriptions.length === 0) await table(db).delete(SUBSCRIPTIONS_KEY);
  else await table(db).put({ key: SUBSCRIPTIONS_KEY, subscriptions });
}

/** Every subscription, oldest first. */
export async function listSubscriptions(db: CreativeRatioDB): Promise<CalendarSubscription[]> {
  return db.transaction('r', db.status, () => read(db));
}

export async function getSubscription(db: CreativeRatioDB, id: string): Promise<CalendarSubscription | null> {
  return (await listSubscriptions(db)).find((s) => s.id === id) ?? null;
}

/** Add a subscription. Throws when the address is already subscribed or there are too many. */
export async function addSubscription(db: CreativeRatioDB, sub: CalendarSubscription): Promise<void> {
  await db.transaction('rw', db.status, async () => {
    const all = await read(db);
    if (all.some((s) => s.url === sub.url)) throw new Error('You are already subscribed to this calendar.');
    if (all.some((s) => s.id === sub.id || s.importId === sub.importId))
      throw new Error('This subscription already exists.');
    if (all.length >= MAX_SUBSCRIPTIONS) throw new Error(`At most ${MAX_SUBSCRIPTIONS} calendar subscriptions.`);
    await write(db, [...all, sub]);
  });
}

/** Change a subscription's fields (not its id or address). Returns the updated record, or null when it no longer exists. */
export async function updateSubscription(
  db: CreativeRatioDB,
  id: string,
  patch: Partial<Omit<CalendarSubscription, 'id' | 'url' | 'host' | 'importId' | 'createdAt'>>,
): Promise<CalendarSubscription | null> {
  return db.transaction('rw', db.status, async () => {
    const all = await read(db);
    const i = all.findIndex((s) => s.id === id);
    if (i < 0) return null;
    const next = { ...all[i]!, ...patch };
    all[i] = next;
    await write(db, all);
    return next;
  });
}

/**
 * Remove a subscription and its meetings, in one transaction. Returns the removed record and
 * whether another subscription still uses its host (then its permission must stay).
 */
export async function removeSubscription(
  db: CreativeRatioDB,
  id: string,
): Promise<{ removed: CalendarSubscription; hostStillUsed: boolean; meetingsDeleted: number } | null> {
  return db.transaction('rw', [db.status, ...meetingTables(db)], async () => {
    const all = await read(db);
    const removed = all.find((s) => s.id === id);
    if (!removed) return null;
    const rest = all.filter((s) => s.id !== id);
    await write(db, rest);
    await deleteImportMeetings(db, removed.importId);
    const meetingsDeleted = await db.segments
      .where('importId')
      .equals(removed.importId)
      .and((s) => s.source === 'calendar')
      .delete();
    return { removed, hostStillUsed: rest.some((s) => s.host === removed.host), meetingsDeleted };
  });
}

export interface RefreshWrite {
  /** Stored meetings of the subscription starting in [replaceFrom, replaceTo) are replaced. */
  replaceFrom: number;
  replaceTo: number;
  segments: readonly Segment[];
  /**
   * The refresh's meetings (ImportPlan.meetings). When given, the stored meetings in the range are
   * replaced by these and the subscription's segments are derived from its meetings, skips left
   * out (`segments` is then ignored).
   */
  meetings?: readonly StoredMeeting[];
  /** Status fields written with the meetings. */
  patch: Partial<CalendarSubscription>;
}

/**
 * Write one refresh atomically: replace the subscription's meetings in the range, and its status.
 * Returns null (and writes nothing) when the subscription was removed meanwhile. Throws (and
 * changes nothing) when a segment is invalid or the database refuses the write.
 */
export async function applyRefresh(
  db: CreativeRatioDB,
  id: string,
  w: RefreshWrite,
): Promise<{ added: number; removed: number } | null> {
  if (w.segments.length > MAX_OCCURRENCES * 2) throw new Error('Too many meetings in one refresh.');
  if (w.meetings && w.meetings.length > MAX_OCCURRENCES) throw new Error('Too many meetings in one refresh.');
  if (w.meetings) w.meetings.forEach(checkMeeting);
  else w.segments.forEach(checkSegment);
  const inRange = (x: { start: number }) => x.start >= w.replaceFrom && x.start < w.replaceTo;
  return db.transaction('rw', [db.status, ...meetingTables(db)], async () => {
    const all = await read(db);
    const i = all.findIndex((s) => s.id === id);
    if (i < 0) return null;
    const sub = all[i]!;
    const removed = await db.segments
      .where('importId')
      .equals(sub.importId)
      .and((s) => s.source === 'calendar' && inRange(s))
      .delete();
    let added: number;
    if (w.meetings) {
      // Skips are kept by occurrence key: a refresh that brings a skipped occurrence back keeps it skipped.
      const old = await db.meetings.where('importId').equals(sub.importId).and(inRange).toArray();
      await db.meetings.bulkDelete(old.map((m) => m.id!));
      await db.meetings.bulkAdd(w.meetings.filter(inRange).map((m) => meetingRow(m, sub.importId)));
      await dropOrphanSkips(
        db,
        old.map((m) => m.occ),
      );
      added = await rederiveImport(db, sub.importId);
    } else {
      const rows = w.segments.filter(inRange).map((s) => calendarRow(s, sub.importId));
      await db.segments.bulkAdd(rows);
      added = rows.length;
    }
    all[i] = {
      ...sub,
      ...w.patch,
      id: sub.id,
      url: sub.url,
      host: sub.host,
      importId: sub.importId,
      createdAt: sub.createdAt,
    };
    await write(db, all);
    return { added, removed };
  });
}
