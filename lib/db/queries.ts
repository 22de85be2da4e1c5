/**
 * Extra reads (and the few writes) the extension pages need, on top of lib/db/index.ts.
 * Every read uses an index range, so its cost follows the time asked for, not the history.
 *
 * Also the pages' summary cache: a small separate database (`creative-ratio-ui-cache`) holding
 * per-day summaries of finished weeks, so the 12-week trend does not re-read ~30,000 segments on
 * every visit. It is derived data only: cleared with "Delete all data", pruned with retention.
 * (A new field needs no new version: only indexed fields are part of the schema.)
 */
import Dexie, { type EntityTable } from 'dexie';
import type { CreativeRatioDB } from '@/lib/db/schema';
import { UI_CACHE_DB_NAME } from '@/lib/db/names';
import { segmentsStartingBetween } from '@/lib/db/index';
import type { Segment } from '@/lib/model';
import type { DaySummary } from '@/lib/report/types';

/**
 * True when at least one segment was ever recorded (the empty state of a new install). Reads one
 * row: Dexie's `limit(1).count()` counts the whole table (an IndexedDB count walks every row — over
 * a second with a year of history, and it held up the week's own reads), and as a live query it
 * re-ran on every write.
 */
export async function hasAnySegments(db: CreativeRatioDB): Promise<boolean> {
  return (await db.segments.limit(1).toArray()).length > 0;
}

/** Epoch ms of the first recorded segment, or null. */
export async function firstSegmentStart(db: CreativeRatioDB): Promise<number | null> {
  const first = await db.segments.orderBy('start').first();
  return first ? first.start : null;
}

/** How many segments ended before `cutoff` (what a retention change would delete). */
export async function countSegmentsBefore(db: CreativeRatioDB, cutoff: number): Promise<number> {
  let n = 0;
  await db.segments
    .where('start')
    .below(cutoff)
    .each((s) => {
      if (s.end <= cutoff) n += 1;
    });
  return n;
}

/** Ids of the segments that start in [from, to): a cheap fingerprint read (keys only, no values). */
export async function segmentIdsStartingIn(db: CreativeRatioDB, from: number, to: number): Promise<number[]> {
  return (await segmentsStartingBetween(db, from, to)).map((s) => s.id!);
}

/**
 * Segments that start in [from, to) (segments are split at local midnight, so a week's are exactly
 * these), from the day packs: 8 row reads for a week, whatever the history (lib/db/packs.ts).
 */
export async function segmentsStartingIn(db: CreativeRatioDB, from: number, to: number): Promise<Segment[]> {
  return segmentsStartingBetween(db, from, to);
}

// ---------- the pages' summary cache ----------

/** Per-day summaries of one finished week, as cached. */
export interface CachedWeek {
  /** Week key (yyyy-MM-dd of its first day). */
  week: string;
  /** Local midnight of the first day. */
  start: number;
  /** Working-hours clipping the summaries were made with. */
  clip: string;
  /** Segments starting in the week when summarised. */
  count: number;
  /** Count, sum and max of their ids (`fingerprintOf` in lib/ui/summary-cache.ts): the cache is valid while it matches. */
  fingerprint?: string;
  savedAt: number;
  summaries: DaySummary[];
}

export class UiCacheDB extends Dexie {
  weeks!: EntityTable<CachedWeek, 'week'>;
  constructor(name: string = UI_CACHE_DB_NAME) {
    super(name);
    this.version(1).stores({ weeks: 'week, start, savedAt' });
  }
}

let cacheSingleton: UiCacheDB | null = null;
export function getUiCacheDb(): UiCacheDB {
  cacheSingleton ??= new UiCacheDB();
  return cacheSingleton;
}

export async function readCachedWeeks(cache: UiCacheDB, weeks: readonly string[]): Promise<(CachedWeek | undefined)[]> {
  return cache.weeks.bulkGet([...weeks]);
}

export async function writeCachedWeek(cache: UiCacheDB, row: CachedWeek): Promise<void> {
  await cache.weeks.put(row);
}

/** Forget cached weeks that overlap [from, to) (an override was set there). */
export async function deleteCachedWeeksAround(cache: UiCacheDB, from: number, to: number): Promise<void> {
  await cache.weeks
    .where('start')
    .between(from - 7 * 24 * 3_600_000, to, false, false)
    .delete();
}

/** Drop cached weeks that start before `cutoff` or were saved before `savedBefore`. */
export async function pruneCachedWeeks(cache: UiCacheDB, cutoff: number, savedBefore: number): Promise<void> {
  await cache.weeks.where('start').below(cutoff).delete();
  await cache.weeks.where('savedAt').below(savedBefore).delete();
}

export async function clearCachedWeeks(cache: UiCacheDB): Promise<void> {
  await cache.weeks.clear();
}
