/**
 * An in-memory cache of per-day summaries (lib/report/daily.ts), one entry per week, so the
 * 12-week trend and week switching do not re-read and re-resolve every segment each time.
 *
 * An entry is valid while
 * - the week's segments are unchanged as far as `fingerprint` can tell (the pages use the number of
 *   segments starting in the week: an insert, a delete or a retention run changes it),
 * - no override was set on one of its segments (`invalidateAt`, called by the page that sets it),
 * - the working-hours clipping is the same (`clip`), and
 * - the week was already over when it was summarised (the current week is never cached).
 * Classification is applied when the summaries are read (buildTrend), so rule changes need no
 * invalidation. Pure: the page supplies the reads.
 */
import type { DaySummary } from '@/lib/report/types';

/** What a week's segments looked like when summarised; any change of it invalidates the entry. */
export type WeekFingerprint = string;

/** The fingerprint the pages use: how many segments start in the week (one cheap indexed count). */
export function fingerprintOfCount(count: number): WeekFingerprint {
  return `n${count}`;
}

/** A stronger fingerprint from segment ids (count, sum and max): also catches a delete + insert. */
export function fingerprintOf(ids: readonly number[]): WeekFingerprint {
  let sum = 0;
  let max = -1;
  for (const id of ids) {
    sum += id;
    if (id > max) max = id;
  }
  return `n${ids.length}s${sum}m${max}`;
}

interface Entry {
  weekStart: number;
  weekEnd: number;
  fingerprint: WeekFingerprint;
  clip: string;
  summaries: DaySummary[];
  usedAt: number;
}

export class SummaryCache {
  private entries = new Map<string, Entry>();
  private tick = 0;

  constructor(private readonly capacity = 64) {}

  /** Cached summaries of the week, or null when missing or stale. */
  get(week: string, fingerprint: WeekFingerprint, clip: string): DaySummary[] | null {
    const e = this.entries.get(week);
    if (!e || e.clip !== clip || e.fingerprint !== fingerprint) return null;
    e.usedAt = ++this.tick;
    return e.summaries;
  }

  /** Store a finished week's summaries (weeks that are not over yet are never stored). */
  set(
    week: string,
    weekStart: number,
    weekEnd: number,
    now: number,
    fingerprint: WeekFingerprint,
    clip: string,
    summaries: DaySummary[],
  ): void {
    if (weekEnd > now) return;
    this.entries.set(week, { weekStart, weekEnd, fingerprint, clip, summaries, usedAt: ++this.tick });
    if (this.entries.size > this.capacity) {
      let oldest: string | null = null;
      let oldestUse = Number.POSITIVE_INFINITY;
      for (const [k, v] of this.entries) {
        if (v.usedAt < oldestUse) {
          oldestUse = v.usedAt;
          oldest = k;
        }
      }
      if (oldest !== null) this.entries.delete(oldest);
    }
  }

  /** Forget the week containing instant `t` (after an override was set on a segment there). */
  invalidateAt(t: number): void {
    for (const [k, v] of this.entries) if (t >= v.weekStart && t < v.weekEnd) this.entries.delete(k);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A stable key for the working-hours clipping in force (null = no clipping). */
export function clipKey(workingHours: {
  countOnlyInside: boolean;
  days: readonly number[];
  startMinute: number;
  endMinute: number;
}): string {
  return workingHours.countOnlyInside
    ? `${workingHours.days.join(',')}|${workingHours.startMinute}|${workingHours.endMinute}`
    : 'all';
}
