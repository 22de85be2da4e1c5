// Issue #11: no file can choose ids that break the database, and "Delete all data" always leaves a
// database that accepts writes — on fake-indexeddb, whose key generator follows the spec (clear()
// never resets it; an explicit key ≥ 2^53 exhausts it). tests/e2e/forged-backup.e2e.ts does the same
// in Chromium through the Settings page.
import { beforeEach, describe, expect, it } from 'vitest';
import { CreativeRatioDB, deleteAllData, MAX_PLAUSIBLE_ID } from '@/lib/db';
import { createBackup, parseBackupFor, restoreBackup } from '@/lib/db/backup';
import { addRule } from '@/lib/db/rules';
import { serializeBackup } from '@/lib/export/backup';
import type { Segment } from '@/lib/model';

const FORGED_ID = 2 ** 53 - 1;
const T0 = Date.UTC(2026, 10, 2, 9);

let db: CreativeRatioDB;
beforeEach(async () => {
  db = new CreativeRatioDB(`ids-${Math.random()}`);
  await db.open();
});

function segment(start: number, host = 'docs.google.com'): Segment {
  return {
    start,
    end: start + 60_000,
    day: '2026-11-02',
    host,
    path: '/document/d/*/edit',
    source: 'browser',
    lane: 'focus',
  };
}

/** A backup whose segment and rule carry the id 2^53−1 (with a right checksum: the forger recomputes it). */
function forgedBackup(): string {
  return serializeBackup(
    {
      segments: [{ ...segment(T0), id: FORGED_ID }],
      rules: [
        {
          id: FORGED_ID,
          order: 0,
          match: { type: 'host', host: 'forged.example' },
          class: 'creative',
          kind: 'writing',
          createdAt: T0,
        },
      ],
      settings: [],
      reviews: [],
    },
    { now: T0, schemaVersion: 2 },
  ).parts.join('');
}

describe('a backup with the row id 2^53−1', () => {
  it('restores under fresh ids, and every later write still works (segments and rules)', async () => {
    const parsed = parseBackupFor(db, forgedBackup(), T0);
    if (!parsed.ok) throw new Error(parsed.error.message);
    await restoreBackup(db, parsed.backup, { mode: 'replace' });
    const [restored] = await db.segments.toArray();
    expect(restored?.id).toBeLessThan(MAX_PLAUSIBLE_ID);
    expect(restored?.host).toBe('docs.google.com');
    expect((await db.rules.toArray())[0]?.id).toBeLessThan(MAX_PLAUSIBLE_ID);
    // The next writes: a tracked segment and a new rule.
    const id = await db.segments.add(segment(T0 + 3_600_000, 'www.figma.com'));
    expect(id).toBeLessThan(MAX_PLAUSIBLE_ID);
    await addRule(db, { match: { type: 'host', host: 'after.example' }, class: 'neutral' });
    expect(await db.rules.count()).toBe(2);
  });

  it('merge gives fresh ids too', async () => {
    const parsed = parseBackupFor(db, forgedBackup(), T0);
    if (!parsed.ok) throw new Error(parsed.error.message);
    await restoreBackup(db, parsed.backup, { mode: 'merge' });
    expect(await db.segments.add(segment(T0 + 3_600_000))).toBeLessThan(MAX_PLAUSIBLE_ID);
  });

  it('a backup made after it restores again', async () => {
    const parsed = parseBackupFor(db, forgedBackup(), T0);
    if (!parsed.ok) throw new Error(parsed.error.message);
    await restoreBackup(db, parsed.backup, { mode: 'replace' });
    const again = parseBackupFor(db, (await createBackup(db, { now: T0 })).parts.join(''), T0);
    expect(again.ok).toBe(true);
  });
});

describe('"Delete all data" leaves a database that accepts writes', () => {
  it("even when the key generators were exhausted before (an older restore kept a file's ids)", async () => {
    // What restoring the forged backup did before issue #11: explicit keys at the end of the range.
    await db.segments.put({ ...segment(T0), id: FORGED_ID });
    await db.rules.put({
      id: FORGED_ID,
      order: 0,
      match: { type: 'host', host: 'forged.example' },
      class: 'creative',
      createdAt: T0,
    });
    // Spec: the generator gives 2^53 once more (Chromium refuses at once), then every add fails.
    await db.segments.add(segment(T0 + 1)).catch(() => undefined);
    await expect(db.segments.add(segment(T0 + 1))).rejects.toThrow();
    await db.tracker.put({ key: 'tracker', state: { marker: 'kept' } as never });

    await deleteAllData(db);

    expect(await db.segments.count()).toBe(0);
    expect(await db.rules.count()).toBe(0);
    const id = await db.segments.add(segment(T0 + 2));
    expect(id).toBeLessThan(MAX_PLAUSIBLE_ID);
    await addRule(db, { match: { type: 'host', host: 'after.example' }, class: 'neutral' });
    expect(await db.rules.count()).toBe(1);
    // Delete all data forgets the tracker checkpoint too (issue #8): a recreated database holds none.
    expect(await db.tracker.get('tracker')).toBeUndefined();
    // Day packs follow the segments table again.
    expect((await db.packs.toArray()).length).toBe(1);
  });

  it('another connection to the same database reopens it and writes after the reset', async () => {
    const other = new CreativeRatioDB(db.name);
    await other.open();
    await db.segments.put({ ...segment(T0), id: FORGED_ID });
    await deleteAllData(db);
    expect(await other.segments.add(segment(T0 + 5))).toBeLessThan(MAX_PLAUSIBLE_ID);
    other.close();
  });

  it('keeps the cheap path when nothing is wrong (ids keep counting, nothing is recreated)', async () => {
    await db.segments.add(segment(T0));
    await deleteAllData(db);
    const id = await db.segments.add(segment(T0 + 1));
    expect(id).toBeGreaterThan(1);
    expect(id).toBeLessThan(10);
  });
});
