// Backup and restore at scale: 150,000 segments (about a year of heavy use) in fake-indexeddb.
// Opt-in (about 20 s): CR_SCALE=1 npx vitest run tests/export/backup-scale.test.ts
// Measured (fake-indexeddb, Node 20): file 23.2 MB; parse + validate + checksum 1.1 s;
// restore (replace, one transaction) 7.6 s; backup 2.0 s; merge of the same file (all duplicates) 3.7 s.
// Real IndexedDB in Chromium is faster than fake-indexeddb for the writes.
import { describe, expect, it } from 'vitest';
import { createBackup, parseBackupFor, restoreBackup } from '@/lib/db/backup';
import { CreativeRatioDB } from '@/lib/db';
import { serializeBackup } from '@/lib/export/backup';
import { local, seg } from './helpers';

const N = 150_000;

describe.skipIf(!process.env.CR_SCALE)('150,000 segments', () => {
  it('round-trips within seconds', async () => {
    const db = new CreativeRatioDB('scale');
    await db.open();
    const T0 = local(2024, 1, 1, 9);
    const tools = [
      ['docs.google.com', '/document/d/*/edit'],
      ['app.slack.com', '/client/*/*'],
      ['www.figma.com', '/design/*/*'],
      ['app.asana.com', '/*/*/list'],
      ['mail.google.com', '/mail/u/*'],
    ] as const;
    const segments = Array.from({ length: N }, (_, i) =>
      seg(T0 + i * 3 * 60_000, 2, tools[i % 5]![0], { path: tools[i % 5]![1], id: i + 1 }),
    );
    const file = serializeBackup({ segments, rules: [], settings: [], reviews: [] }, { now: T0, schemaVersion: 1 });
    const text = file.parts.join('');
    const time = async <T>(label: string, f: () => Promise<T> | T): Promise<T> => {
      const t = performance.now();
      const r = await f();
      console.log(`${label}: ${Math.round(performance.now() - t)} ms`);
      return r;
    };
    console.log(`file: ${(text.length / 1e6).toFixed(1)} MB`);
    const parsed = await time('parse + validate + checksum', () => parseBackupFor(db, text));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    await time('restore (replace)', () => restoreBackup(db, parsed.backup, { mode: 'replace' }));
    const again = await time('backup', () => createBackup(db, { now: T0 }));
    expect(again.checksum).toBe(file.checksum);
    expect(again.parts.join('')).toBe(text);
    const merged = await time('merge (all duplicates)', () => restoreBackup(db, parsed.backup, { mode: 'merge' }));
    expect(merged.skipped.segments).toBe(N);
    expect(await db.segments.count()).toBe(N);
  }, 300_000);
});
