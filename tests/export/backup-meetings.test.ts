/**
 * Calendar meetings and skipped occurrences in a backup (format version 3, issue #15): the round trip
 * (Replace and Merge into an empty database give back the same segments, meetings and skips), the
 * motivating bug (a skip made before the backup still holds after a Replace restore and a re-import
 * or refresh of the same calendar), the merge rules, hostile rows, and files of versions 2 and 3
 * from fixtures. TZ=Europe/Berlin (vitest.config.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { CreativeRatioDB, deleteAllData } from '@/lib/db';
import { createBackup, parseBackupFor, restoreBackup, type RestoreMode } from '@/lib/db/backup';
import { importCalendar } from '@/lib/db/calendar';
import { meetingsBetween, skipMeeting, unskipMeeting } from '@/lib/db/meetings';
import { makeImportId } from '@/lib/calendar/import-id';
import { storedMeeting, type StoredMeeting } from '@/lib/calendar/meeting-fingerprints';
import { planFromText, type ImportPlan } from '@/lib/calendar/plan-import';
import type { ParsedBackup } from '@/lib/export/backup';
import type { Segment } from '@/lib/model';
import { WEEKLY, WORKSHOP, addFeedSubscription, calendar, options, refreshSubscription } from '../calendar/helpers';
import { rehash, seg } from './helpers';

const H = 3_600_000;
const NOW = Date.UTC(2025, 3, 20);
const FIXTURES = path.join(import.meta.dirname, '../fixtures/backup');

let db: CreativeRatioDB;
beforeEach(async () => {
  db = new CreativeRatioDB(`backup-meetings-${Math.random()}`);
  await db.open();
});

const TEXT = calendar(WEEKLY, WORKSHOP);
const tue = (d: number) => Date.UTC(2025, 2, d, 9);

function plan(importId: string, keepTitles = false): ImportPlan {
  const r = planFromText(TEXT, options({ importId, keepTitles }));
  if (!r.ok) throw new Error(r.error.message);
  return r.plan;
}

async function importWork(importedAt: number, replaceSameName = false): Promise<string> {
  const id = makeImportId('Work', importedAt);
  const p = plan(id, true);
  await importCalendar(db, { segments: p.segments, meetings: p.meetings, importId: id, replaceSameName });
  return id;
}

/** The occurrence key of the meeting starting at `start`. */
async function occAt(start: number): Promise<string> {
  return (await meetingsBetween(db, start, start + 1))[0]!.occ;
}

const calendarStarts = async () =>
  (await db.segments.where('source').equals('calendar').sortBy('start')).map((s) => s.start);

/** What the numbers are made of, without the database's ids, in a fixed order. */
async function state(d: CreativeRatioDB = db) {
  const noId = <T extends { id?: number }>({ id: _id, ...row }: T) => row;
  const order = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    a.start - b.start || a.end - b.end;
  return {
    segments: (await d.segments.toArray())
      .map(noId)
      .sort(
        (a, b) => order(a, b) || String(a.importId).localeCompare(String(b.importId)) || a.host.localeCompare(b.host),
      ),
    meetings: (await d.meetings.toArray())
      .map(noId)
      .sort((a, b) => order(a, b) || a.importId.localeCompare(b.importId) || a.occ.localeCompare(b.occ)),
    skips: await d.meetingSkips.orderBy('occ').toArray(),
  };
}

async function backupText(d: CreativeRatioDB = db): Promise<string> {
  return (await createBackup(d, { now: NOW })).parts.join('');
}

function parsed(text: string): ParsedBackup {
  const r = parseBackupFor(db, text, NOW);
  if (!r.ok) throw new Error(r.error.message);
  return r.backup;
}

/** Browser time, a calendar import with one occurrence skipped, and a manual block. */
async function seed(): Promise<{ importId: string; skipped: string }> {
  await db.segments.bulkAdd([
    seg(tue(4) - 2 * H, 90, 'docs.google.com', { path: '/document' }),
    seg(tue(11) + 30 * 60_000, 20, 'app.slack.com', { lane: 'focus' }),
    seg(tue(18) + 3 * H, 45, '', { source: 'manual', label: 'Offsite', importId: 'manual:1' }),
  ]);
  const importId = await importWork(1_741_000_000_000);
  const skipped = await occAt(tue(11));
  await skipMeeting(db, skipped, NOW - 10 * H);
  return { importId, skipped };
}

describe('backup → restore keeps calendar meetings and skips', () => {
  it('a backup holds the meetings and skips, and says how many', async () => {
    await seed();
    const b = await createBackup(db, { now: NOW });
    expect(b.skipped).toEqual([]);
    expect(b.counts).toMatchObject({ meetings: 5, meetingSkips: 1 });
    const doc = JSON.parse(b.parts.join('')) as { version: number; data: Record<string, unknown[]> };
    expect(doc.version).toBe(3);
    expect(doc.data.meetings).toHaveLength(5);
    // Fingerprints, not the UID or the organizer (titles are there: this import keeps them).
    expect(b.parts.join('')).not.toContain('acme.com');
    expect(b.parts.join('')).not.toContain('weekly-sync');
  });

  it.each<RestoreMode>(['replace', 'merge'])(
    '%s into an empty database: identical segments, meetings and skips (numbers equal)',
    async (mode) => {
      await seed();
      const before = await state();
      const text = await backupText();
      const counts = parsed(text).counts;
      await deleteAllData(db);
      const r = await restoreBackup(db, parsed(text), { mode });
      expect(await state()).toEqual(before);
      expect(r.added).toMatchObject({
        segments: counts.segments,
        meetings: counts.meetings,
        meetingSkips: counts.meetingSkips,
      });
      // The restored occurrence can be un-skipped and skipped again (the meetings are there).
      const occ = before.skips[0]!.occ;
      await unskipMeeting(db, occ);
      expect(await calendarStarts()).toContain(tue(11));
      await skipMeeting(db, occ, NOW);
      expect(await calendarStarts()).not.toContain(tue(11));
    },
  );

  it('Replace over changed data gives back the state of the backup', async () => {
    const { skipped } = await seed();
    const before = await state();
    const text = await backupText();
    await unskipMeeting(db, skipped);
    await importWork(1_742_000_000_000, true); // re-imported since
    await db.segments.add(seg(tue(25) + 5 * H, 30, 'later.example'));
    expect(await state()).not.toEqual(before);
    await restoreBackup(db, parsed(text), { mode: 'replace' });
    expect(await state()).toEqual(before);
  });

  it('the motivating bug: a skip made before the backup holds after Replace and a re-import of the same calendar', async () => {
    await seed();
    const text = await backupText();
    await deleteAllData(db);
    await restoreBackup(db, parsed(text), { mode: 'replace' });
    await importWork(1_743_000_000_000, true);
    expect(await calendarStarts()).toEqual([tue(4), Date.UTC(2025, 2, 5, 13), tue(18), tue(25)]);
    expect((await meetingsBetween(db, tue(11), tue(11) + 1))[0]!.skipped).toBe(true);
  });

  it('the motivating bug: … and after a subscription refresh', async () => {
    const sub = await addFeedSubscription(db);
    const refresh = () => refreshSubscription(db, sub, plan(sub.importId));
    await refresh();
    await skipMeeting(db, await occAt(tue(18)), NOW);
    const before = await state();
    const text = await backupText();
    // Replace keeps this browser's subscriptions (the status table is not in a backup).
    await restoreBackup(db, parsed(text), { mode: 'replace' });
    await refresh();
    expect(await state()).toEqual(before);
    expect(await calendarStarts()).toEqual([tue(4), Date.UTC(2025, 2, 5, 13), tue(11), tue(25)]);
  });
});

describe('property: backup → restore gives back the same calendar time, meetings and skips', () => {
  const meeting = fc.record({
    imp: fc.integer({ min: 0, max: 1 }),
    uid: fc.integer({ min: 0, max: 5 }),
    day: fc.integer({ min: 0, max: 9 }),
    // 07:00 … 22:00 UTC, up to 5 h: meetings overlap, and some cross local midnight (split there).
    quarter: fc.integer({ min: 28, max: 88 }),
    quarters: fc.integer({ min: 1, max: 20 }),
    creative: fc.boolean(),
    skip: fc.boolean(),
  });
  it('for Replace, and for Merge into an empty database and into itself', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(meeting, { maxLength: 12 }), async (drawn) => {
        const d = new CreativeRatioDB(`backup-meetings-p-${Math.random()}`);
        await d.open();
        const imports = [makeImportId('Work', 1_741_000_000_000), makeImportId('Team', 1_741_000_000_001)];
        const seen = new Set<string>();
        const byImport: StoredMeeting[][] = [[], []];
        const skips = new Set<string>();
        for (const m of drawn) {
          const start = Date.UTC(2025, 2, 3 + m.day) + m.quarter * 15 * 60_000;
          if (seen.has(`${m.imp} ${m.uid} ${start}`)) continue;
          seen.add(`${m.imp} ${m.uid} ${start}`);
          const stored = storedMeeting(
            { title: `Meeting ${m.uid}`, uid: `uid-${m.uid}@acme.com`, organizer: 'lead@acme.com' },
            String(start),
            {
              start,
              end: start + m.quarters * 15 * 60_000,
              importId: imports[m.imp]!,
              keepTitles: m.uid % 2 === 0,
              override: m.creative
                ? { class: 'creative', kind: 'design' }
                : { class: 'coordination', kind: 'meetings' },
            },
          );
          byImport[m.imp]!.push(stored);
          if (m.skip) skips.add(stored.occ);
        }
        for (let i = 0; i < 2; i++)
          if (byImport[i]!.length)
            await importCalendar(d, { segments: [], meetings: byImport[i]!, importId: imports[i]! });
        for (const occ of skips) await skipMeeting(d, occ, NOW);
        await d.segments.add(seg(Date.UTC(2025, 2, 4, 8), 30, 'docs.google.com'));
        const before = await state(d);
        const text = await backupText(d);

        for (const mode of ['replace', 'merge'] as const) {
          const fresh = new CreativeRatioDB(`backup-meetings-q-${Math.random()}`);
          await fresh.open();
          await restoreBackup(fresh, parsed(text), { mode });
          expect(await state(fresh)).toEqual(before);
          fresh.close();
        }
        await restoreBackup(d, parsed(text), { mode: 'merge' });
        expect(await state(d)).toEqual(before);
        d.close();
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe('merge', () => {
  it('the same backup again adds nothing', async () => {
    await seed();
    const before = await state();
    const r = await restoreBackup(db, parsed(await backupText()), { mode: 'merge' });
    expect(r.added).toMatchObject({ segments: 0, meetings: 0, meetingSkips: 0 });
    expect(r.skipped).toMatchObject({ meetings: 5, meetingSkips: 1 });
    expect(await state()).toEqual(before);
  });

  it('skips are unioned: an occurrence skipped in the file stays skipped (since the earlier moment); one skipped here stays too', async () => {
    const { skipped } = await seed();
    const text = await backupText();
    await unskipMeeting(db, skipped);
    const other = await occAt(tue(25));
    await skipMeeting(db, other, NOW);
    const r = await restoreBackup(db, parsed(text), { mode: 'merge' });
    expect(r.added.meetingSkips).toBe(1);
    expect(await calendarStarts()).toEqual([tue(4), Date.UTC(2025, 2, 5, 13), tue(18)]);
    expect((await db.meetingSkips.get(skipped))!.at).toBe(NOW - 10 * H);

    // Skipped on both sides: the earlier moment is kept.
    await db.meetingSkips.update(skipped, { at: NOW });
    await restoreBackup(db, parsed(text), { mode: 'merge' });
    expect((await db.meetingSkips.get(skipped))!.at).toBe(NOW - 10 * H);
  });

  it('the same calendar imported here under another id is not counted twice', async () => {
    await seed();
    const text = await backupText();
    await deleteAllData(db);
    const here = await importWork(1_744_000_000_000); // this browser imported the calendar itself
    const calendarMs = async () =>
      (await db.segments.where('source').equals('calendar').toArray()).reduce((ms, s) => ms + s.end - s.start, 0);
    const r = await restoreBackup(db, parsed(text), { mode: 'merge' });
    expect(r.added.meetings).toBe(0);
    // The file's skip applies to this browser's import of the occurrence.
    expect(await calendarStarts()).toEqual([tue(4), Date.UTC(2025, 2, 5, 13), tue(18), tue(25)]);
    expect(await calendarMs()).toBe(5 * H);
    expect(new Set((await db.segments.where('source').equals('calendar').toArray()).map((s) => s.importId))).toEqual(
      new Set([here]),
    );
  });

  it('a calendar this browser does not have is added with its derived time', async () => {
    await seed();
    const before = await state();
    const text = await backupText();
    await deleteAllData(db);
    await db.segments.add(seg(tue(4) - 2 * H, 90, 'docs.google.com', { path: '/document' }));
    const r = await restoreBackup(db, parsed(text), { mode: 'merge' });
    expect(r.added).toMatchObject({ meetings: 5, meetingSkips: 1 });
    expect(r.skipped.segments).toBe(1);
    expect(await state()).toEqual(before);
  });
});

type Doc = { data: Record<string, Array<Record<string, unknown>>>; counts: Record<string, number> };

describe('meeting and skip rows that a restore refuses (nothing is written)', () => {
  const FP = '0123456789abcdef';
  const cases: Array<[string, 'meetings' | 'meetingSkips', (r: Record<string, unknown>) => void, RegExp]> = [
    ['a start as text', 'meetings', (m) => (m.start = '2025-03-04'), /"start" must be a time/],
    ['a start in year 275760', 'meetings', (m) => (m.start = 8.64e15), /"start" must be a time .* between 2000-01-01/],
    ['an end in 1999', 'meetings', (m) => (m.end = Date.UTC(1999, 0, 1)), /"end" must be a time/],
    ['an end before the start', 'meetings', (m) => (m.end = (m.start as number) - 1), /"end" must be after "start"/],
    [
      'a meeting longer than a week',
      'meetings',
      (m) => (m.end = (m.start as number) + 8 * 24 * H),
      /longer than a week/,
    ],
    [
      'an occurrence key that is not a fingerprint',
      'meetings',
      (m) => (m.occ = 'weekly-sync@acme.com'),
      /"occ" must be a fingerprint/,
    ],
    [
      'an organizer in clear text',
      'meetings',
      (m) => (m.org = 'lead@acme.com'),
      /"org" must be a fingerprint \(16 hex digits\) or ""/,
    ],
    ['words that are not a list', 'meetings', (m) => (m.words = 'team sync'), /"words" must be a list/],
    [
      'a word that is not a fingerprint',
      'meetings',
      (m) => (m.words = [FP, 'sync']),
      /"words" must be a list of at most 40,000 fingerprints/,
    ],
    [
      '40,001 words',
      'meetings',
      (m) => (m.words = Array.from({ length: 40_001 }, () => FP)),
      /at most 40,000 fingerprints/,
    ],
    [
      'a title of 10,001 characters',
      'meetings',
      (m) => (m.title = 'x'.repeat(10_001)),
      /"title" must be text of at most 10,000/,
    ],
    [
      'a manual block id as import',
      'meetings',
      (m) => (m.importId = 'manual:1'),
      /"importId" must be a calendar import id/,
    ],
    ['an empty import id', 'meetings', (m) => (m.importId = ''), /"importId" must be a calendar import id/],
    [
      'an unclassified meeting',
      'meetings',
      (m) => (m.override = { class: 'unclassified' }),
      /"override" must be an object with a class/,
    ],
    ['an unknown kind', 'meetings', (m) => (m.override = { class: 'creative', kind: 'napping' }), /unknown kind/],
    ['a stray field (the UID)', 'meetings', (m) => (m.uid = 'weekly-sync@acme.com'), /unexpected field "uid"/],
    ['an id of 2.5', 'meetings', (m) => (m.id = 2.5), /"id" must be a positive whole number/],
    ['a skip of a non-fingerprint', 'meetingSkips', (s) => (s.occ = 'x'), /"occ" must be a fingerprint/],
    ['a skip marked in year 275760', 'meetingSkips', (s) => (s.at = 8.64e15), /"at" must be a time/],
    [
      'a skip ending before it starts',
      'meetingSkips',
      (s) => (s.end = (s.start as number) - 1),
      /"end" must be after "start"/,
    ],
    ['a skip with a stray field', 'meetingSkips', (s) => (s.title = 'Team sync'), /unexpected field "title"/],
  ];
  it.each(cases)('%s', async (_name, table, breakIt, message) => {
    await seed();
    const doc = JSON.parse(await backupText()) as Doc;
    const row = doc.data[table]![0]!;
    breakIt(row);
    const before = await state();
    const r = parseBackupFor(db, rehash(doc), NOW);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(
      table === 'meetings' ? /^Calendar meeting #1 \(index 0\): / : /^Skipped meeting #1 \(index 0\): /,
    );
    expect(r.error.message).toMatch(message);
    expect(r.error).toMatchObject({ table, index: 0 });
    expect(await state()).toEqual(before);
  });

  it('the same occurrence skipped twice, and more meetings than a backup may hold', async () => {
    await seed();
    const doc = JSON.parse(await backupText()) as Doc;
    doc.data.meetingSkips!.push({ ...doc.data.meetingSkips![0]! });
    doc.counts.meetingSkips = 2;
    expect(parseBackupFor(db, rehash(doc), NOW)).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(
          /^Skipped meeting #2 \(index 1\): the occurrence [0-9a-f]{16} is marked skipped twice\.$/,
        ),
      },
    });
    const text = (await backupText()).replace('"meetings":[', `"meetings":[${'0,'.repeat(1_000_000)}`);
    expect(parseBackupFor(db, text, NOW)).toMatchObject({
      ok: false,
      error: { message: 'The backup has 1,000,005 meetings rows; at most 1,000,000 can be restored.' },
    });
  });

  it('a write that fails after the meetings: everything is rolled back, in both modes', async () => {
    const { skipped } = await seed();
    const text = await backupText();
    await unskipMeeting(db, skipped); // so that a merge writes the file's skip too
    await db.segments.add(seg(tue(25) + 5 * H, 30, 'later.example'));
    const before = await state();
    // The database refuses the skips' write (as a full disk would), after segments and meetings were written.
    db.meetingSkips.hook('creating', () => {
      throw new Error('QuotaExceededError (simulated)');
    });
    for (const mode of ['replace', 'merge'] as const) {
      await expect(restoreBackup(db, parsed(text), { mode })).rejects.toThrow(/simulated/);
      expect(await state()).toEqual(before);
    }
  });
});

describe('files of earlier format versions, and of this one, from fixtures', () => {
  const read = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
  const calendarOf = (segments: readonly Segment[]) =>
    segments
      .filter((s) => s.source === 'calendar')
      .map(({ id: _id, ...s }) => s)
      .sort((a, b) => a.start - b.start);

  it('version 3: meetings and skips restored, its calendar time derived from them equals the time in the file', async () => {
    const b = parsed(read('backup-v3.json'));
    expect(b.version).toBe(3);
    expect(b.counts).toMatchObject({ segments: 7, settings: 1, plans: 1, meetings: 5, meetingSkips: 1 });
    const r = await restoreBackup(db, b, { mode: 'replace' });
    expect(r.added).toEqual(b.counts);
    expect(calendarOf(await db.segments.toArray())).toEqual(calendarOf(b.tables.segments));
    expect(await db.meetings.count()).toBe(5);
    expect((await meetingsBetween(db, tue(11), tue(11) + 1))[0]).toMatchObject({ skipped: true, title: null });
    expect((await db.plans.get('2025-03-10'))?.intent).toBe('Two writing mornings.');
  });

  it('version 2 (no meetings): Replace empties the meetings and skips, its calendar time restored as it was; Merge keeps them', async () => {
    const b = parsed(read('backup-v2.json'));
    expect(b.version).toBe(2);
    expect(b.counts).toMatchObject({ segments: 7, plans: 1, meetings: 0, meetingSkips: 0 });
    expect(b.tables.meetings).toEqual([]);

    const { importId } = await seed();
    const merged = await restoreBackup(db, b, { mode: 'merge' });
    expect(merged.added).toMatchObject({ meetings: 0, meetingSkips: 0 });
    expect(await db.meetings.count()).toBe(5);
    expect(await db.meetingSkips.count()).toBe(1);
    expect(await db.meetings.where('importId').equals(importId).count()).toBe(5);

    const replaced = await restoreBackup(db, b, { mode: 'replace' });
    expect(replaced.added).toMatchObject({ segments: 7, plans: 1, meetings: 0, meetingSkips: 0 });
    expect(await db.meetings.count()).toBe(0);
    expect(await db.meetingSkips.count()).toBe(0);
    expect(calendarOf(await db.segments.toArray())).toEqual(calendarOf(b.tables.segments));
  });

  it('a version 2 file that carries meetings is refused', () => {
    const doc = JSON.parse(read('backup-v3.json')) as Doc & { version: number; schemaVersion: number };
    doc.version = 2;
    expect(parseBackupFor(db, rehash(doc), NOW)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Unexpected table "meetings"/) },
    });
  });
});
