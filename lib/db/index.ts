/**
 * Storage access for everything except rules (lib/db/rules.ts). Each logical update is one
 * read-write transaction, so concurrent writers never lose updates.
 */
import { bucketRange, OVERLAP_LOOKBACK_MS, segmentsFromPacks } from '@/lib/db/packs';
import { CreativeRatioDB, type ReviewRow, type StatusRow } from '@/lib/db/schema';
import { deleteMeetingsBefore } from '@/lib/db/meetings';
import type { Segment, SegmentOverride } from '@/lib/model';
import { DEFAULT_SETTINGS, sanitizeSettings, settingsFromStored, type Settings } from '@/lib/settings';
import type { TrackerState } from '@/lib/tracker/state';

export { CreativeRatioDB, DB_NAME } from '@/lib/db/schema';
export type { PlanRow, ReviewRow, StatusRow, SettingsRow, TrackerRow } from '@/lib/db/schema';
export { getPlan, savePlanBlocks, savePlanIntent } from '@/lib/db/plans';

let singleton: CreativeRatioDB | null = null;

/** The extension's database (one per JS realm: service worker, popup, dashboard). */
export function getDb(): CreativeRatioDB {
  singleton ??= new CreativeRatioDB();
  return singleton;
}

// ---------- settings ----------

export async function loadSettings(db: CreativeRatioDB): Promise<Settings> {
  const row = await db.settings.get('settings');
  return settingsFromStored(row ? row.value : null);
}

/** Merge a partial update into the stored settings (validated), in one transaction. */
export async function updateSettings(db: CreativeRatioDB, patch: Partial<Settings>): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get('settings');
    const current = row ? sanitizeSettings(row.value) : DEFAULT_SETTINGS;
    const next = sanitizeSettings({ ...current, ...patch }, current);
    await db.settings.put({ key: 'settings', value: next });
    return next;
  });
}

// ---------- segments ----------

/**
 * Segments that overlap [from, to). Segments are split at local midnight when written, so a
 * lookback of one day on the start index is enough to catch anything crossing `from`
 * (even after a time-zone change).
 */
export async function segmentsOverlapping(db: CreativeRatioDB, from: number, to: number): Promise<Segment[]> {
  const rows = await segmentsStartingBetween(db, from - OVERLAP_LOOKBACK_MS, to);
  return rows.filter((s) => s.end > from && s.start < to);
}

/**
 * Segments that start in [from, to), ordered by start then id, read from the day packs
 * (lib/db/packs.ts): one row per UTC day instead of one per segment. In an explicit read-only
 * transaction: inside a live query it is observed as usual (any write to a segment in the range
 * rewrites its pack), but Dexie's live-query cache neither keeps nor deep-clones the rows.
 */
export async function segmentsStartingBetween(db: CreativeRatioDB, from: number, to: number): Promise<Segment[]> {
  if (to <= from) return [];
  const [first, last] = bucketRange(from, to);
  const packs = await db.transaction('r', db.packs, () =>
    db.packs.where('bucket').between(first, last, true, true).toArray(),
  );
  return segmentsFromPacks(packs, from, to);
}

/** Set or clear the class override of one segment. */
export async function setSegmentOverride(
  db: CreativeRatioDB,
  id: number,
  override: SegmentOverride | null,
): Promise<void> {
  await db.transaction('rw', db.segments, async () => {
    const seg = await db.segments.get(id);
    if (!seg) throw new Error(`Segment ${id} no longer exists.`);
    if (override)
      await db.segments.update(id, {
        override: { class: override.class, ...(override.kind ? { kind: override.kind } : {}) },
      });
    else await db.segments.update(id, { override: undefined });
  });
}

// ---------- tracker ----------

export async function readTrackerState(db: CreativeRatioDB): Promise<TrackerState | null> {
  return (await db.tracker.get('tracker'))?.state ?? null;
}

export async function readStatus(db: CreativeRatioDB): Promise<StatusRow | null> {
  return (await db.status.get('status')) ?? null;
}

// ---------- reviews ----------

export async function getReview(db: CreativeRatioDB, week: string): Promise<ReviewRow | null> {
  return (await db.reviews.get(week)) ?? null;
}

export async function saveReview(db: CreativeRatioDB, week: string, note: string, now: number): Promise<void> {
  if (note.length > 20_000) throw new Error('The note is too long (20,000 characters at most).');
  await db.reviews.put({ week, note, updatedAt: now });
}

// ---------- deletion ----------

/** Delete segments that ended before `cutoff` (retention). Returns how many were deleted. */
export async function deleteSegmentsBefore(db: CreativeRatioDB, cutoff: number): Promise<number> {
  return db.transaction('rw', [db.segments, db.meetings, db.meetingSkips], async () => {
    // The calendar meetings behind those segments, and their skips, go with them.
    await deleteMeetingsBefore(db, cutoff);
    const ids = (await db.segments.where('start').below(cutoff).toArray())
      .filter((s) => s.end <= cutoff)
      .map((s) => s.id!);
    await db.segments.bulkDelete(ids);
    return ids.length;
  });
}

/**
 * Ids past this mean the key generator has been pushed by an explicit key (an old restore that kept a
 * file's ids): the product itself never gets anywhere near it (2^40 ≈ 10^12 rows).
 */
export const MAX_PLAUSIBLE_ID = 2 ** 40;

/**
 * The next id the auto-increment tables would give, probed by adding and removing a placeholder row in
 * the current transaction; null when the key generator is exhausted ("Maximum key generator value").
 */
async function nextIds(db: CreativeRatioDB): Promise<{ segments: number | null; rules: number | null }> {
  const probe = async (
    add: () => Promise<number | undefined>,
    remove: (id: number) => Promise<void>,
  ): Promise<number | null> => {
    try {
      const id = await add();
      if (typeof id !== 'number') return null;
      await remove(id);
      return id;
    } catch (error) {
      if (error instanceof Error && /ConstraintError|key generator/i.test(`${error.name} ${error.message}`))
        return null;
      throw error;
    }
  };
  const segments = await probe(
    () => db.segments.add({ start: 0, end: 1, day: '1970-01-01', host: '', path: '', source: 'manual', lane: 'focus' }),
    (id) => db.segments.delete(id),
  );
  const rules = await probe(
    () =>
      db.rules.add({ order: 0, match: { type: 'host', host: 'placeholder.invalid' }, class: 'neutral', createdAt: 0 }),
    (id) => db.rules.delete(id),
  );
  return { segments, rules };
}

/**
 * Delete every recorded segment, review note, focus plan and rule, reset settings, and forget the tracker's
 * checkpoint (open segments, clock history: a poisoned `lastSeen` cannot survive). The tracker keeps
 * running: the caller tells it (`data-deleted`), and it restarts its open segments from that instant.
 *
 * Afterwards the database always accepts writes again: `clear()` empties a table but, per the
 * IndexedDB spec, never resets its key generator, so when a generator was pushed to the end of its
 * range (by an explicit huge id written before restores re-keyed rows) the database is deleted and
 * created again. Other pages and the service worker reopen it on
 * their next read or write (Dexie closes a connection another one deletes, and reopens it on use).
 */
export async function deleteAllData(db: CreativeRatioDB): Promise<void> {
  const healthy = await db.transaction(
    'rw',
    [db.segments, db.reviews, db.plans, db.rules, db.settings, db.status, db.tracker, db.meetings, db.meetingSkips],
    async () => {
      await Promise.all([
        db.segments.clear(),
        db.meetings.clear(),
        db.meetingSkips.clear(),
        db.reviews.clear(),
        db.plans.clear(),
        db.rules.clear(),
        db.settings.clear(),
        db.status.clear(),
        db.tracker.clear(),
      ]);
      const next = await nextIds(db);
      return [next.segments, next.rules].every((id) => id !== null && id <= MAX_PLAUSIBLE_ID);
    },
  );
  if (healthy) return;
  await db.delete({ disableAutoOpen: false });
  await db.open();
}
