/**
 * Day packs (lib/db/packs.ts) must always equal the segments table, grouped by UTC day, whatever
 * writes it: every Dexie write API, concurrent writes in one transaction, failed writes, aborted
 * transactions, clears. The invariant is checked against a rebuild from the segments themselves.
 */
import { liveQuery } from 'dexie';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CreativeRatioDB,
  deleteAllData,
  deleteSegmentsBefore,
  segmentsOverlapping,
  setSegmentOverride,
} from '@/lib/db';
import {
  applyToPack,
  bucketOf,
  bucketRange,
  decodePack,
  encodePack,
  packSegments,
  PACK_MS,
  sameSegments,
  segmentsFromPacks,
} from '@/lib/db/packs';
import { segmentsStartingIn } from '@/lib/db/read/queries';
import type { Segment } from '@/lib/model';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 23, 8);
let db: CreativeRatioDB;

function seg(start: number, end: number, host = 'docs.google.com', extra: Partial<Segment> = {}): Segment {
  return { start, end, day: '2026-11-23', host, path: '', source: 'browser', lane: 'focus', ...extra };
}

/** The packs as stored, and as they should be (rebuilt from every segment). */
async function packsVsTruth(d: CreativeRatioDB) {
  const [packs, segments] = await Promise.all([d.packs.orderBy('bucket').toArray(), d.segments.toArray()]);
  return { packs, expected: packSegments(segments) };
}

async function expectConsistent(d: CreativeRatioDB = db): Promise<void> {
  const { packs, expected } = await packsVsTruth(d);
  expect(packs).toEqual(expected);
}

beforeEach(async () => {
  db = new CreativeRatioDB(`packs-${Math.random()}`);
  await db.open();
});

describe('pure helpers', () => {
  it('buckets are UTC days; a range covers the buckets its starts can fall in', () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(PACK_MS - 1)).toBe(0);
    expect(bucketOf(PACK_MS)).toBe(1);
    expect(bucketOf(-1)).toBe(-1);
    expect(bucketRange(PACK_MS, 2 * PACK_MS)).toEqual([1, 1]);
    expect(bucketRange(PACK_MS - 1, 2 * PACK_MS + 1)).toEqual([0, 2]);
    // A local week (Berlin, with the DST change inside) touches 8 UTC days.
    const from = new Date(2026, 9, 19).getTime();
    const to = new Date(2026, 9, 26).getTime();
    const [a, b] = bucketRange(from, to);
    expect(b - a + 1).toBe(8);
  });

  it('packs group by bucket, order by start then id, and need ids', () => {
    const packs = packSegments([
      { ...seg(T0 + H, T0 + 2 * H), id: 3 },
      { ...seg(T0, T0 + H), id: 5 },
      { ...seg(T0, T0 + H), id: 4 },
      { ...seg(T0 + 24 * H, T0 + 25 * H), id: 1 },
    ]);
    expect(packs.map((p) => [p.bucket, decodePack(p).map((s) => s.id)])).toEqual([
      [bucketOf(T0), [4, 5, 3]],
      [bucketOf(T0) + 1, [1]],
    ]);
    expect(() => packSegments([seg(T0, T0 + H)])).toThrow(/id/);
  });

  it('applyToPack removes, replaces and adds; an emptied pack is null', () => {
    const a = { ...seg(T0, T0 + H), id: 1 };
    const b = { ...seg(T0 + H, T0 + 2 * H), id: 2 };
    const pack = encodePack(7, [a, b]);
    expect(decodePack(applyToPack(7, pack, new Set([1]), [])!)).toEqual([b]);
    const b2 = { ...b, start: T0 - H };
    expect(decodePack(applyToPack(7, pack, new Set(), [b2])!)).toEqual([b2, a]);
    expect(decodePack(applyToPack(7, null, new Set(), [a])!)).toEqual([a]);
    expect(applyToPack(7, encodePack(7, [a]), new Set([1]), [])).toBeNull();
  });

  it('encode/decode round-trips every field, shares strings, and drops only undefined fields', () => {
    const full: Required<Segment> = {
      id: 9,
      start: T0,
      end: T0 + H,
      day: '2026-11-23',
      host: 'calendar.google.com',
      path: '/calendar/*',
      source: 'calendar',
      lane: 'focus',
      label: 'Standup',
      override: { class: 'coordination', kind: 'meetings' },
      importId: 'imp-1',
    };
    const plain = { ...seg(T0 + 2 * H, T0 + 3 * H), id: 10 };
    const same = { ...seg(T0 + 4 * H, T0 + 5 * H), id: 11, label: undefined };
    const row = encodePack(bucketOf(T0), [same, full, plain]);
    expect(row.keys).toHaveLength(2);
    expect(row.extras).toEqual([
      [0, { label: 'Standup', override: { class: 'coordination', kind: 'meetings' }, importId: 'imp-1' }],
    ]);
    expect(decodePack(row)).toEqual([full, plain, { ...seg(T0 + 4 * H, T0 + 5 * H), id: 11 }]);
    // A day of 400 visits stays far below Chromium's 64 kB inline-value limit.
    const day = Array.from({ length: 400 }, (_, i) => ({
      ...seg(T0 + i * 60_000, T0 + i * 60_000 + 30_000, `tool${i % 40}.example.com`, { path: `/p/${i % 7}` }),
      id: i + 1,
    }));
    const big = encodePack(bucketOf(T0), day);
    const bytes = big.ids.byteLength * 3 + big.key.byteLength + JSON.stringify(big.keys).length;
    expect(bytes).toBeLessThan(30_000);
    expect(decodePack(big)).toEqual(day);
  });

  it('encodePack is self-contained (its source runs on its own, as the seeding script sends it)', () => {
    const standalone = new Function(`return (${encodePack.toString()})`)() as typeof encodePack;
    const rows = [
      { ...seg(T0, T0 + H), id: 1, label: 'x' },
      { ...seg(T0 + H, T0 + 2 * H), id: 2 },
    ];
    expect(decodePack(standalone(5, rows))).toEqual(decodePack(encodePack(5, rows)));
  });

  it('sameSegments compares every stored field', () => {
    const base: Required<Segment> = {
      id: 1,
      start: 1,
      end: 2,
      day: 'd',
      host: 'h',
      path: 'p',
      source: 'manual',
      lane: 'focus',
      label: 'l',
      override: { class: 'creative', kind: 'writing' },
      importId: 'i',
    };
    expect(sameSegments([base], [{ ...base }])).toBe(true);
    const changed: Segment[] = [
      { ...base, id: 2 },
      { ...base, start: 0 },
      { ...base, end: 3 },
      { ...base, day: 'e' },
      { ...base, host: 'g' },
      { ...base, path: 'q' },
      { ...base, source: 'browser' },
      { ...base, lane: 'call' },
      { ...base, label: 'm' },
      { ...base, override: { class: 'neutral' } },
      { ...base, override: { class: 'creative', kind: 'design' } },
      { ...base, importId: 'j' },
    ];
    // One variant per field of a full segment: a new field needs a new line here and in sameSegments.
    expect(changed).toHaveLength(Object.keys(base).length + 1);
    for (const c of changed) expect(sameSegments([base], [c])).toBe(false);
    expect(sameSegments([base], [])).toBe(false);
  });

  it('segmentsFromPacks filters by start and keeps order across packs', () => {
    const rows = [
      { ...seg(T0 + 24 * H, T0 + 25 * H), id: 1 },
      { ...seg(T0, T0 + H), id: 2 },
      { ...seg(T0 + 2 * H, T0 + 3 * H), id: 3 },
    ];
    const packs = packSegments(rows).reverse();
    expect(segmentsFromPacks(packs, T0, T0 + 30 * H).map((s) => s.id)).toEqual([2, 3, 1]);
    expect(segmentsFromPacks(packs, T0 + 1, T0 + 24 * H).map((s) => s.id)).toEqual([3]);
  });
});

describe('every write keeps the packs equal to the segments', () => {
  it('add, bulkAdd, put, bulkPut, update, modify, delete, bulkDelete, where().delete(), clear', async () => {
    const id1 = (await db.segments.add(seg(T0, T0 + H)))!;
    await expectConsistent();
    const ids = (await db.segments.bulkAdd(
      [seg(T0 + H, T0 + 2 * H), seg(T0 + 30 * H, T0 + 31 * H), seg(T0 - 30 * H, T0 - 29 * H)],
      { allKeys: true },
    )) as number[];
    await expectConsistent();
    // put with a new start moves the segment to another pack
    await db.segments.put({ ...seg(T0 + 50 * H, T0 + 51 * H), id: id1 });
    await expectConsistent();
    await db.segments.bulkPut([{ ...seg(T0 + 2 * H, T0 + 3 * H), id: ids[0] }, seg(T0 + 4 * H, T0 + 5 * H)]);
    await expectConsistent();
    await db.segments.update(ids[1]!, { override: { class: 'creative', kind: 'writing' } });
    await expectConsistent();
    expect(decodePack((await db.packs.get(bucketOf(T0 + 30 * H)))!)[0]!.override).toEqual({
      class: 'creative',
      kind: 'writing',
    });
    await db.segments
      .where('host')
      .equals('docs.google.com')
      .modify((s) => {
        s.host = 'www.figma.com';
      });
    await expectConsistent();
    await db.segments.where('start').below(T0).modify({ label: 'moved' });
    await expectConsistent();
    await db.segments.delete(ids[2]!);
    await expectConsistent();
    await db.segments.bulkDelete([ids[0]!, 9_999]);
    await expectConsistent();
    await db.segments
      .where('start')
      .above(T0 + 40 * H)
      .delete();
    await expectConsistent();
    expect(await db.packs.count()).toBeGreaterThan(0);
    await db.segments.clear();
    await expectConsistent();
    expect(await db.packs.count()).toBe(0);
  });

  it('the app’s own writes: override, retention, delete all', async () => {
    const ids = (await db.segments.bulkAdd([seg(T0 - 48 * H, T0 - 47 * H), seg(T0, T0 + H), seg(T0 + H, T0 + 2 * H)], {
      allKeys: true,
    })) as number[];
    await setSegmentOverride(db, ids[1]!, { class: 'neutral' });
    await expectConsistent();
    await setSegmentOverride(db, ids[1]!, null);
    await expectConsistent();
    expect(await deleteSegmentsBefore(db, T0)).toBe(1);
    await expectConsistent();
    await deleteAllData(db);
    await expectConsistent();
    expect(await db.packs.count()).toBe(0);
  });

  it('concurrent writes in one transaction do not lose each other', async () => {
    await db.transaction('rw', db.segments, async () => {
      await Promise.all([
        db.segments.add(seg(T0, T0 + H)),
        db.segments.add(seg(T0 + H, T0 + 2 * H)),
        db.segments.bulkAdd([seg(T0 + 2 * H, T0 + 3 * H), seg(T0 + 3 * H, T0 + 4 * H)]),
      ]);
    });
    await expectConsistent();
    expect(decodePack((await db.packs.get(bucketOf(T0)))!)).toHaveLength(4);
  });

  it('a partly failing bulkAdd packs only what was written', async () => {
    const id = (await db.segments.add(seg(T0, T0 + H)))!;
    await expect(
      db.segments.bulkAdd([seg(T0 + H, T0 + 2 * H), { ...seg(T0 + 2 * H, T0 + 3 * H), id }]),
    ).rejects.toThrow();
    await expectConsistent();
  });

  it('an aborted transaction leaves neither segments nor packs changed', async () => {
    await db.segments.add(seg(T0, T0 + H));
    await expect(
      db.transaction('rw', db.segments, async () => {
        await db.segments.add(seg(T0 + H, T0 + 2 * H));
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await db.segments.count()).toBe(1);
    await expectConsistent();
  });

  it('property: random write sequences keep packs == segments', async () => {
    const start = fc.integer({ min: T0 - 5 * 24 * H, max: T0 + 5 * 24 * H });
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), starts: fc.array(start, { minLength: 1, maxLength: 5 }) }),
      fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), to: start }),
      fc.record({ kind: fc.constant('override' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('delete' as const), picks: fc.array(fc.nat(), { maxLength: 3 }) }),
      fc.record({ kind: fc.constant('deleteBefore' as const), at: start }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const d = new CreativeRatioDB(`packs-prop-${Math.random()}`);
        await d.open();
        for (const o of ops) {
          const ids = (await d.segments.toCollection().primaryKeys()) as number[];
          const pick = (n: number) => (ids.length ? ids[n % ids.length]! : -1);
          if (o.kind === 'add') await d.segments.bulkAdd(o.starts.map((s) => seg(s, s + H)));
          else if (o.kind === 'move' && ids.length)
            await d.segments.update(pick(o.pick), { start: o.to, end: o.to + H });
          else if (o.kind === 'override' && ids.length)
            await setSegmentOverride(d, pick(o.pick), { class: 'creative' });
          else if (o.kind === 'delete') await d.segments.bulkDelete(o.picks.map(pick));
          else if (o.kind === 'deleteBefore') await d.segments.where('start').below(o.at).delete();
        }
        const { packs, expected } = await packsVsTruth(d);
        d.close();
        expect(packs).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });
});

describe('reads from packs', () => {
  it('a week is the segments starting in it, in order, including ones next to the edges', async () => {
    const from = new Date(2026, 10, 23).getTime(); // local (Berlin) midnight
    const to = from + 7 * 24 * H;
    await db.segments.bulkAdd([
      seg(from - 1, from + H),
      seg(from, from + H),
      seg(to - 1, to),
      seg(to, to + H),
      seg(from + 3 * H, from + 4 * H),
    ]);
    const rows = await segmentsStartingIn(db, from, to);
    expect(rows.map((s) => s.start)).toEqual([from, from + 3 * H, to - 1]);
    expect(rows.every((s) => typeof s.id === 'number')).toBe(true);
    // overlapping includes the one that started before `from`
    expect((await segmentsOverlapping(db, from, from + H)).map((s) => s.start)).toEqual([from - 1, from]);
  });

  it('live queries on packs see every write (tracker, override, delete)', async () => {
    const id = (await db.segments.add(seg(T0, T0 + H)))!;
    const seen: number[][] = [];
    const sub = liveQuery(() => segmentsStartingIn(db, T0 - H, T0 + 5 * H)).subscribe((rows) =>
      seen.push(rows.map((s) => (s.override ? -s.id! : s.id!))),
    );
    const waitFor = async (n: number) => {
      for (let i = 0; i < 100 && seen.length < n; i++) await new Promise((r) => setTimeout(r, 10));
    };
    await waitFor(1);
    const id2 = (await db.segments.add(seg(T0 + H, T0 + 2 * H)))!;
    await waitFor(2);
    await setSegmentOverride(db, id, { class: 'creative' });
    await waitFor(3);
    await db.segments.delete(id2);
    await waitFor(4);
    sub.unsubscribe();
    expect(seen).toEqual([[id], [id, id2], [-id, id2], [-id]]);
  });
});
