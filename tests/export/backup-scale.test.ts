// Backup and restore at scale: 150,000 segments (about a year of heavy use) in fake-indexeddb.
// Opt-in (about 20 s): CR_SCALE=1 npx vitest run tests/export/backup-scale.test.ts
// Measured (fake-indexeddb, Node, medians of three): file 23.2 MB; parse + validate + checksum 1.0 s;
// restore (replace, one transaction) 4.7 s; backup 1.6 s; merge of the same file (all duplicates) 2.1 s.
// 20,000 meetings, 1,000 skipped (10.2 MB, 14,393 derived segments): backup 0.6 s; parse 0.4 s;
// restore (replace, calendar time derived again) 1.5 s; merge of the same file 0.3 s.
// Real IndexedDB in Chromium is faster than fake-indexeddb for the writes.
import { describe, expect, it } from 'vitest';
import { createBackup, parseBackupFor, restoreBackup, schemaVersionOf } from '@/lib/db/backup';
import { CreativeRatioDB } from '@/lib/db';
import { importCalendar } from '@/lib/db/calendar';
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
    const file = serializeBackup(
      { segments, rules: [], settings: [], reviews: [] },
      { now: T0, schemaVersion: schemaVersionOf(db) },
    );
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

const MEETINGS = 20_000;
const IMPORTS = 4;
const SKIPS = 1_000;

describe.skipIf(!process.env.CR_SCALE)(
  `${MEETINGS.toLocaleString('en-US')} calendar meetings, ${SKIPS} skipped`,
  () => {
    it('round-trips, with the calendar time derived again in the restore', async () => {
      const db = new CreativeRatioDB(`scale-meetings-${Math.random()}`);
      await db.open();
      const T0 = local(2024, 1, 1, 9);
      const hex = (n: number) => n.toString(16).padStart(16, '0');
      const meetings = Array.from({ length: MEETINGS }, (_, i) => {
        // Four calendars, each eight meetings a day of 15–75 min, some overlapping.
        const imp = i % IMPORTS;
        const k = Math.floor(i / IMPORTS);
        const start = T0 + Math.floor(k / 8) * 86_400_000 + (k % 8) * 55 * 60_000 + imp * 7 * 60_000;
        return {
          importId: `ics:Calendar%20${imp}:1700000000000`,
          start,
          end: start + (15 + (k % 5) * 15) * 60_000,
          occ: hex(i + 1),
          series: hex(1_000_000 + (k % 40)),
          org: hex(2_000_000 + (k % 12)),
          orgDomain: hex(3_000_000 + (k % 3)),
          words: [hex(4_000_000 + (k % 40)), hex(5_000_000 + (k % 40)), hex(6_000_000)],
          override:
            k % 7 === 0
              ? { class: 'creative' as const, kind: 'design' as const }
              : { class: 'coordination' as const, kind: 'meetings' as const },
        };
      });
      await db.meetingSkips.bulkAdd(
        meetings
          .slice(0, SKIPS * 7)
          .filter((_, i) => i % 7 === 0)
          .map((m) => ({ occ: m.occ, start: m.start, end: m.end, at: m.end })),
      );
      for (let imp = 0; imp < IMPORTS; imp++) {
        const importId = `ics:Calendar%20${imp}:1700000000000`;
        await importCalendar(db, { segments: [], meetings: meetings.filter((m) => m.importId === importId), importId });
      }
      const time = async <T>(label: string, f: () => Promise<T> | T): Promise<T> => {
        const t = performance.now();
        const r = await f();
        console.log(`${label}: ${Math.round(performance.now() - t)} ms`);
        return r;
      };
      const backup = await time('backup', () => createBackup(db, { now: T0 + 400 * 86_400_000 }));
      const text = backup.parts.join('');
      console.log(`file: ${(text.length / 1e6).toFixed(1)} MB, ${backup.counts.segments} calendar segments`);
      const parsed = await time('parse + validate + checksum', () => parseBackupFor(db, text, T0 + 400 * 86_400_000));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      const fresh = new CreativeRatioDB(`scale-meetings-${Math.random()}`);
      await fresh.open();
      const replaced = await time('restore (replace, derived again)', () =>
        restoreBackup(fresh, parsed.backup, { mode: 'replace' }),
      );
      expect(replaced.added).toEqual(backup.counts);
      const merged = await time('merge (all duplicates)', () => restoreBackup(fresh, parsed.backup, { mode: 'merge' }));
      expect(merged.skipped).toMatchObject({ meetings: MEETINGS, meetingSkips: SKIPS });
      expect(await fresh.segments.count()).toBe(backup.counts.segments);
    }, 600_000);
  },
);
