import { beforeEach, describe, expect, it } from 'vitest';
import { CreativeRatioDB, setSegmentOverride } from '@/lib/db';
import { segmentIdsStartingIn, segmentsStartingIn } from '@/lib/db/read/queries';
import type { Segment } from '@/lib/model';
import { LiveRanges } from '@/lib/db/read/live-ranges';
import { sameSegments } from '@/lib/db/packs';

const H = 3_600_000;
const DAY = 24 * H;
const T0 = new Date(2026, 10, 23).getTime();
let db: CreativeRatioDB;

function seg(start: number, minutes = 30, host = 'docs.google.com'): Segment {
  return { start, end: start + minutes * 60_000, day: '2026-11-23', host, path: '', source: 'browser', lane: 'focus' };
}

/** Resolves once `store` has emitted `count` more values for `key`. */
function changes<T>(store: LiveRanges<T>, key: string, count = 1): Promise<void> {
  return new Promise((resolve) => {
    let n = 0;
    const off = store.listen(key, () => {
      if (++n >= count) {
        off();
        resolve();
      }
    });
  });
}

beforeEach(async () => {
  db = new CreativeRatioDB(`live-${Math.random()}`);
  await db.open();
});

describe('live ranges', () => {
  it('reads a range once and keeps it fresh when a segment is added in it', async () => {
    await db.segments.bulkAdd([seg(T0 + 9 * H), seg(T0 + 10 * H)]);
    const store = new LiveRanges<Segment[]>(4);
    let reads = 0;
    store.ensure('today', {
      query: () => {
        reads += 1;
        return segmentsStartingIn(db, T0, T0 + DAY);
      },
    });
    expect(await store.whenReady('today')).toHaveLength(2);

    const next = changes(store, 'today');
    await db.segments.add(seg(T0 + 11 * H));
    await next;
    expect(store.peek('today')).toHaveLength(3);
    expect(reads).toBe(2);
  });

  it('re-reads when a row it read is overridden (an update that changes no index)', async () => {
    const [id] = (await db.segments.bulkAdd([seg(T0 + 9 * H, 60, 'app.slack.com')], { allKeys: true })) as number[];
    const store = new LiveRanges<Segment[]>(4);
    store.ensure('week', { query: () => segmentsStartingIn(db, T0, T0 + 7 * DAY) });
    await store.whenReady('week');
    const next = changes(store, 'week');
    await setSegmentOverride(db, id!, { class: 'creative', kind: 'research' });
    await next;
    expect(store.peek('week')![0]!.override).toEqual({ class: 'creative', kind: 'research' });
  });

  it('does not re-read for writes outside its range (the tracker appending to today leaves earlier days alone)', async () => {
    await db.segments.bulkAdd([seg(T0 - DAY + 9 * H), seg(T0 + 9 * H)]);
    const store = new LiveRanges<Segment[]>(4);
    let earlierReads = 0;
    store.ensure('earlier', {
      query: () => {
        earlierReads += 1;
        return segmentsStartingIn(db, T0 - DAY, T0);
      },
    });
    store.ensure('today', { query: () => segmentsStartingIn(db, T0, T0 + DAY) });
    await Promise.all([store.whenReady('earlier'), store.whenReady('today')]);
    const next = changes(store, 'today');
    await db.segments.add(seg(T0 + 12 * H));
    await next;
    expect(store.peek('today')).toHaveLength(2);
    expect(earlierReads).toBe(1);
  });

  it('tells a key-only watch about inserts and deletes (onChange), and drops idle entries beyond its capacity', async () => {
    const [a] = (await db.segments.bulkAdd([seg(T0 + 9 * H)], { allKeys: true })) as number[];
    const store = new LiveRanges<number[]>(1);
    let changed = 0;
    store.ensure('ids', { query: () => segmentIdsStartingIn(db, T0, T0 + DAY), onChange: () => (changed += 1) });
    expect(await store.whenReady('ids')).toEqual([a]);
    const next = changes(store, 'ids');
    await db.segments.delete(a!);
    await next;
    expect(store.peek('ids')).toEqual([]);
    expect(changed).toBe(1);

    store.ensure('other', { query: () => segmentIdsStartingIn(db, T0 + DAY, T0 + 2 * DAY) });
    expect(store.size).toBe(1);
    expect(store.has('ids')).toBe(false);
  });
});

describe('seeded values (the page’s early read)', () => {
  it('a seeded value is shown at once, and an equal live answer keeps it (same array, no change event)', async () => {
    await db.segments.bulkAdd([seg(T0 + 9 * H), seg(T0 + 10 * H)]);
    const early = await segmentsStartingIn(db, T0, T0 + DAY);
    const store = new LiveRanges<Segment[]>(4, sameSegments);
    let events = 0;
    store.ensure('today', { query: () => segmentsStartingIn(db, T0, T0 + DAY) });
    store.listen('today', () => (events += 1));
    store.seed('today', early);
    expect(store.peek('today')).toBe(early);
    // Let the live query answer, then check nothing replaced the seeded rows.
    await new Promise((r) => setTimeout(r, 50));
    expect(store.peek('today')).toBe(early);
    expect(events).toBe(1);
    // A later write still comes through.
    const next = changes(store, 'today');
    await db.segments.add(seg(T0 + 11 * H));
    await next;
    expect(store.peek('today')).toHaveLength(3);
  });

  it('a different live answer replaces a stale seed; a seed after the live answer is ignored', async () => {
    await db.segments.bulkAdd([seg(T0 + 9 * H)]);
    const store = new LiveRanges<Segment[]>(4, sameSegments);
    store.ensure('today', { query: () => segmentsStartingIn(db, T0, T0 + DAY) });
    store.seed('today', []);
    expect(store.peek('today')).toEqual([]);
    await new Promise((r) => setTimeout(r, 50));
    expect(store.peek('today')).toHaveLength(1);
    store.seed('today', []);
    expect(store.peek('today')).toHaveLength(1);
  });
});
