/**
 * Every released schema version has a fixture: a database written with that version's exact
 * layout (raw IndexedDB, as an old install would have it). Opening it with today's schema must
 * upgrade it without losing or altering a row. Add a fixture for each new version.
 */
import { describe, expect, it } from 'vitest';
import { CreativeRatioDB } from '@/lib/db/schema';
import { loadSettings, segmentsOverlapping } from '@/lib/db';
import { packSegments } from '@/lib/db/packs';
import { segmentsStartingIn } from '@/lib/db/read/queries';
import type { Segment } from '@/lib/model';
import v1 from './fixtures/v1.json';

interface Fixture {
  version: number;
  stores: Record<string, { keyPath: string; autoIncrement?: boolean; indexes: string[] }>;
  rows: Record<string, unknown[]>;
}

/** Write a fixture with raw IndexedDB. Dexie stores version n as IndexedDB version n × 10. */
function writeFixture(name: string, fixture: Fixture): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, fixture.version * 10);
    req.onupgradeneeded = () => {
      const idb = req.result;
      for (const [store, def] of Object.entries(fixture.stores)) {
        const os = idb.createObjectStore(store, { keyPath: def.keyPath, autoIncrement: def.autoIncrement ?? false });
        for (const index of def.indexes) {
          const compound = index.startsWith('[');
          const keyPath = compound ? index.slice(1, -1).split('+') : index;
          os.createIndex(index, keyPath);
        }
      }
      for (const [store, rows] of Object.entries(fixture.rows))
        for (const row of rows) req.transaction!.objectStore(store).add(row);
    };
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error);
  });
}

describe('schema migrations', () => {
  it.each([[1, v1 as Fixture]])(
    'a version %i database opens with the current schema and keeps every row',
    async (_v, fixture) => {
      const name = `fixture-v${fixture.version}-${Math.random()}`;
      await writeFixture(name, fixture);
      const db = new CreativeRatioDB(name);
      await db.open();
      expect(db.verno).toBeGreaterThanOrEqual(fixture.version);
      for (const [store, rows] of Object.entries(fixture.rows)) {
        expect(await db.table(store).toArray()).toEqual(rows);
      }
      // Version 2 built the day packs from the existing segments.
      const segments = fixture.rows.segments as Segment[];
      expect(segments.length).toBeGreaterThan(0);
      expect(await db.packs.orderBy('bucket').toArray()).toEqual(packSegments(segments));
      expect(
        (await segmentsStartingIn(db, 0, Number.MAX_SAFE_INTEGER)).map((s) => s.id).sort((a, b) => a! - b!),
      ).toEqual(segments.map((s) => s.id).sort((a, b) => a! - b!));
      // Indexes the dashboard relies on work on migrated data.
      const day = await db.segments.where('day').equals('2026-11-24').count();
      expect(day).toBe(3);
      const hostPath = await db.segments.where('[host+path]').equals(['docs.google.com', '/document/d/*/edit']).count();
      expect(hostPath).toBe(1);
      expect((await segmentsOverlapping(db, 1795512000000, 1795513000000)).map((s) => s.id)).toEqual([1, 2]);
      // Old settings rows are completed with defaults, never rejected.
      const settings = await loadSettings(db);
      expect(settings.idleThresholdSec).toBe(120);
      expect(settings.workingHours.days).toEqual([1, 2, 3, 4, 5]);
      db.close();
    },
  );

  it('version 1 → 2 packs a larger history (many days, unordered ids, equal starts)', async () => {
    const base = v1 as Fixture;
    const segments: Segment[] = [];
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 600; i++) {
      const start = Date.UTC(2026, 9, 1) + Math.floor(rand() * 40) * 86_400_000 + Math.floor(rand() * 20) * 600_000;
      segments.push({
        id: 1000 - i,
        start,
        end: start + 300_000,
        day: '2026-10-01',
        host: 'docs.google.com',
        path: '',
        source: 'browser',
        lane: 'focus',
      });
    }
    const name = `fixture-v1-large-${Math.random()}`;
    await writeFixture(name, { ...base, rows: { segments } });
    const db = new CreativeRatioDB(name);
    await db.open();
    const packs = await db.packs.orderBy('bucket').toArray();
    expect(packs.length).toBeGreaterThan(30);
    expect(packs).toEqual(packSegments(segments));
    db.close();
  });
});
