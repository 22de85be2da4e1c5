/**
 * Extra reads (and the few writes) the extension pages need, on top of lib/db/index.ts.
 * Every read uses an index range, so its cost follows the time asked for, not the history.
 */
import type { CreativeRatioDB } from '@/lib/db/schema';
import { segmentsOverlapping } from '@/lib/db/index';
import type { Segment } from '@/lib/model';

/** True when at least one segment was ever recorded (the empty state of a new install). */
export async function hasAnySegments(db: CreativeRatioDB): Promise<boolean> {
  return (await db.segments.limit(1).count()) > 0;
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

/** Segments overlapping [from, to), ordered by start (a day's timeline). */
export async function segmentsInRange(db: CreativeRatioDB, from: number, to: number): Promise<Segment[]> {
  const rows = await segmentsOverlapping(db, from, to);
  return rows.sort((a, b) => a.start - b.start || (a.id ?? 0) - (b.id ?? 0));
}

/** Ids of the segments that start in [from, to): a cheap fingerprint read (keys only, no values). */
export async function segmentIdsStartingIn(db: CreativeRatioDB, from: number, to: number): Promise<number[]> {
  return (await db.segments.where('start').between(from, to, true, false).primaryKeys()) as number[];
}

/** Segments that start in [from, to) (segments are split at local midnight, so a week's are exactly these). */
export async function segmentsStartingIn(db: CreativeRatioDB, from: number, to: number): Promise<Segment[]> {
  return db.segments.where('start').between(from, to, true, false).toArray();
}

