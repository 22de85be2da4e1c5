/**
 * The pages' reads on top of lib/db/index.ts. Every read uses an index range (or the day packs),
 * so its cost follows the time asked for, not the history.
 */
import type { CreativeRatioDB } from '@/lib/db/schema';
import { segmentsStartingBetween } from '@/lib/db/index';
import type { Segment } from '@/lib/model';

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

/**
 * Ids of the segments that start in [from, to), for a week's fingerprint. Read from the day packs
 * like the segments themselves (a week is 8 pack rows), so it costs a full read of the week: what
 * it saves is keeping and comparing the rows, not reading them.
 */
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
