/**
 * The pages' early read (lib/db/read/early.ts): raw IndexedDB, read-only, never creating or upgrading
 * the database, and equal to what Dexie reads.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { CreativeRatioDB } from '@/lib/db';
import { readEarly } from '@/lib/db/read/early';
import { segmentsStartingIn } from '@/lib/db/read/queries';
import { SCHEMA_VERSION } from '@/lib/db/schema';
import type { Segment } from '@/lib/model';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const H = 3_600_000;
const DAY = 24 * H;
const T0 = new Date(2026, 10, 23).getTime();
const IDB_VERSION = SCHEMA_VERSION * 10;

function seg(start: number, host = 'docs.google.com'): Segment {
  return { start, end: start + 30 * 60_000, day: '2026-11-23', host, path: '', source: 'browser', lane: 'focus' };
}

async function databases(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name!).filter(Boolean);
}

let db: CreativeRatioDB;
beforeEach(async () => {
  db = new CreativeRatioDB(`early-${Math.random()}`);
  await db.open();
});

describe('readEarly', () => {
  it('reads settings, sorted rules, the tracker checkpoint and the asked ranges, as Dexie does', async () => {
    await db.segments.bulkAdd([
      seg(T0 - H),
      seg(T0 + H),
      seg(T0 + 3 * H, 'app.slack.com'),
      seg(T0 + DAY + H),
      seg(T0 + 8 * DAY),
    ]);
    await db.settings.put({ key: 'settings', value: { ...DEFAULT_SETTINGS, weekStartsOn: 3 } });
    await db.rules.bulkAdd([
      { order: 2, match: { type: 'host', host: 'b.example' }, class: 'creative', createdAt: 1 },
      { order: 1, match: { type: 'host', host: 'a.example' }, class: 'neutral', createdAt: 1 },
    ] as never);
    await db.tracker.put({ key: 'tracker', state: { marker: 'checkpoint' } as never });
    const seen: unknown[] = [];
    const read = await readEarly(
      (settings) => {
        seen.push(settings);
        return [
          { from: T0, to: T0 + DAY },
          { from: T0 + DAY, to: T0 + 2 * DAY },
        ];
      },
      IDB_VERSION,
      db.name,
    );
    expect(read).not.toBeNull();
    // Asked first with nothing (the default guess), then with the stored settings.
    expect(seen).toEqual([null, expect.objectContaining({ weekStartsOn: 3 })]);
    expect((read!.settings as { weekStartsOn: number }).weekStartsOn).toBe(3);
    expect(read!.rules.map((r) => (r.match as { host: string }).host)).toEqual(['a.example', 'b.example']);
    expect(read!.tracker).toEqual({ marker: 'checkpoint' });
    expect(read!.segments[0]).toEqual(await segmentsStartingIn(db, T0, T0 + DAY));
    expect(read!.segments[1]).toEqual(await segmentsStartingIn(db, T0 + DAY, T0 + 2 * DAY));
    expect(read!.segments[0]!.map((s) => s.host)).toEqual(['docs.google.com', 'app.slack.com']);
  });

  it('reads other ranges when the stored settings pick another week than the default guess', async () => {
    await db.segments.bulkAdd([seg(T0 + H), seg(T0 + 20 * DAY)]);
    await db.settings.put({ key: 'settings', value: { ...DEFAULT_SETTINGS, weekStartsOn: 3 } });
    const read = await readEarly(
      (settings) => (settings ? [{ from: T0 + 19 * DAY, to: T0 + 21 * DAY }] : [{ from: T0, to: T0 + DAY }]),
      IDB_VERSION,
      db.name,
    );
    expect(read!.ranges).toEqual([{ from: T0 + 19 * DAY, to: T0 + 21 * DAY }]);
    expect(read!.segments[0]!.map((s) => s.start)).toEqual([T0 + 20 * DAY]);
  });

  it('with nothing stored: default settings, no rules, no checkpoint, empty ranges', async () => {
    const read = await readEarly(() => [{ from: T0, to: T0 + DAY }], IDB_VERSION, db.name);
    expect(read).toEqual({
      settings: null,
      rules: [],
      tracker: null,
      ranges: [{ from: T0, to: T0 + DAY }],
      segments: [[]],
    });
  });

  it('never creates a missing database (Dexie creates it with its schema)', async () => {
    const name = `missing-${Math.random()}`;
    expect(await readEarly(() => [], IDB_VERSION, name)).toBeNull();
    expect(await databases()).not.toContain(name);
  });

  it('gives up on another schema version (an upgrade pending or done elsewhere)', async () => {
    expect(await readEarly(() => [], IDB_VERSION + 10, db.name)).toBeNull();
    // …and does not hold the database open: Dexie can still open and write.
    await db.segments.add(seg(T0));
    expect(await db.segments.count()).toBe(1);
  });

  it('gives up when the range function throws', async () => {
    await db.settings.put({ key: 'settings', value: DEFAULT_SETTINGS });
    const read = await readEarly(
      (settings) => {
        if (settings) throw new Error('bad');
        return [];
      },
      IDB_VERSION,
      db.name,
    );
    expect(read).toBeNull();
  });
});
