/**
 * The pages' one summary cache: per-day summaries (lib/report/daily.ts) of finished weeks, one
 * entry per week, so the 12-week trend and week switching do not re-read and re-resolve every
 * segment each time. Two tiers behind one object (`WeekSummaries`, one per reader): memory, and
 * across visits the small `creative-ratio-ui-cache` database.
 *
 * An entry is valid while
 * - the week's segments are unchanged as far as `fingerprint` can tell (the pages use
 *   `fingerprintOf` the week's segment ids: an insert, a delete or a retention run changes it),
 * - no override was set on one of its segments (`invalidateAt`, called by the page that sets it),
 * - the working-hours clipping is the same (`clip`), and
 * - the week was already over when it was summarised (the current week is never cached).
 * Classification is applied when the summaries are read (buildTrend), so rule changes need no
 * invalidation; overrides keep every id, so the page that sets one says so (`invalidateAt`).
 * The stored tier is derived data only: cleared with "Delete all data", pruned with retention and
 * after a week (`CACHE_TTL_MS`: self-healing for changes a fingerprint cannot see).
 */
import Dexie, { type EntityTable } from 'dexie';
import { UI_CACHE_DB_NAME } from '@/lib/db/names';
import { summarizeDays } from '@/lib/report';
import type { DaySummary } from '@/lib/report/types';
import type { Segment } from '@/lib/model';
import type { Settings } from '@/lib/settings';
import { weekBounds, type WeekKey } from '@/lib/time/week';

/** Stored summaries older than this are recomputed. */
const CACHE_TTL_MS = 7 * 24 * 3_600_000;

/** What a week's segments looked like when summarised; any change of it invalidates the entry. */
export type WeekFingerprint = string;

/** A weak fingerprint: how many segments start in the week (misses a delete + insert). */
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

/** The in-memory tier: pure, least recently used entries dropped beyond `capacity`. */
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

// ---------- the stored tier ----------

/* (A new field needs no new version: only indexed fields are part of the schema.) */

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
  /** Count, sum and max of their ids (`fingerprintOf`): the cache is valid while it matches. */
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

async function readCachedWeeks(cache: UiCacheDB, weeks: readonly string[]): Promise<(CachedWeek | undefined)[]> {
  return cache.weeks.bulkGet([...weeks]);
}

async function writeCachedWeek(cache: UiCacheDB, row: CachedWeek): Promise<void> {
  await cache.weeks.put(row);
}

/** Forget cached weeks that overlap [from, to) (an override was set there). */
async function deleteCachedWeeksAround(cache: UiCacheDB, from: number, to: number): Promise<void> {
  await cache.weeks
    .where('start')
    .between(from - 7 * 24 * 3_600_000, to, false, false)
    .delete();
}

/** Drop cached weeks that start before `cutoff` or were saved before `savedBefore`. */
async function pruneCachedWeeks(cache: UiCacheDB, cutoff: number, savedBefore: number): Promise<void> {
  await cache.weeks.where('start').below(cutoff).delete();
  await cache.weeks.where('savedAt').below(savedBefore).delete();
}

async function clearCachedWeeks(cache: UiCacheDB): Promise<void> {
  await cache.weeks.clear();
}

// ---------- both tiers ----------

/**
 * Per-day summaries of finished weeks: memory first, then the stored tier, then `read` the week's
 * segments and summarise them (writing both tiers). One per database (lib/db/read/reader.ts).
 */
export class WeekSummaries {
  private readonly memory: SummaryCache;

  constructor(
    private readonly stored: UiCacheDB,
    capacity = 64,
  ) {
    this.memory = new SummaryCache(capacity);
  }

  /** The summaries of `weeks` (finished weeks), in order, flattened. `fingerprints[i]` is `weeks[i]`'s. */
  async of(
    weeks: readonly WeekKey[],
    fingerprints: readonly string[],
    workingHours: Settings['workingHours'],
    now: number,
    read: (from: number, to: number) => Promise<Segment[]>,
  ): Promise<DaySummary[]> {
    const clip = clipKey(workingHours);
    const wh = workingHours.countOnlyInside ? workingHours : null;
    const found = weeks.map((week, i) => this.memory.get(week, fingerprints[i]!, clip));
    const missing = weeks.filter((_, i) => !found[i]);
    const rows = missing.length
      ? await readCachedWeeks(this.stored, missing).catch(() => missing.map(() => undefined))
      : [];
    const storedByWeek = new Map(missing.map((w, i) => [w, rows[i]]));
    const results = await Promise.all(
      weeks.map(async (week, i) => {
        if (found[i]) return found[i];
        const fp = fingerprints[i]!;
        const { start, end } = weekBounds(week);
        const row = storedByWeek.get(week);
        if (row && row.fingerprint === fp && row.clip === clip && now - row.savedAt < CACHE_TTL_MS) {
          this.memory.set(week, start, end, end, fp, clip, row.summaries);
          return row.summaries;
        }
        // `n0s…`: no segment starts in the week, nothing to read.
        const segments = fp.startsWith('n0s') ? [] : await read(start, end);
        const summaries = summarizeDays(segments, { now: end, workingHours: wh });
        this.memory.set(week, start, end, end, fp, clip, summaries);
        void writeCachedWeek(this.stored, {
          week,
          start,
          clip,
          count: segments.length,
          fingerprint: fp,
          savedAt: now,
          summaries,
        }).catch(() => undefined);
        return summaries;
      }),
    );
    return results.flat();
  }

  /** Forget the week(s) around instant `t`, in both tiers (an override was set there). */
  async invalidateAt(t: number): Promise<void> {
    this.memory.invalidateAt(t);
    await deleteCachedWeeksAround(this.stored, t, t + 1).catch(() => undefined);
  }

  /** Forget the in-memory entry of the week around `t` only (something was written in it). */
  forgetInMemoryAt(t: number): void {
    this.memory.invalidateAt(t);
  }

  /** Forget everything, in both tiers. */
  async clear(): Promise<void> {
    this.memory.clear();
    await clearCachedWeeks(this.stored).catch(() => undefined);
  }

  /** Drop stored weeks that start before `cutoff` or are older than the TTL. */
  async prune(cutoff: number, now: number): Promise<void> {
    await pruneCachedWeeks(this.stored, cutoff, now - CACHE_TTL_MS).catch(() => undefined);
  }
}
