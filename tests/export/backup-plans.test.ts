// Focus plans in the backup (issue #15): round trip, merge (the newer plan of a week wins), row
// validation, and backups of format version 1 (before plans were backed up) still restore.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBackup, parseBackupFor, restoreBackup } from '@/lib/db/backup';
import { CreativeRatioDB } from '@/lib/db';
import type { PlanRow } from '@/lib/db/schema';
import { serializeBackup, type BackupPlanRow, type ParsedBackup } from '@/lib/export/backup';
import { HOUR, local, rehash, seg } from './helpers';

const FIXTURE = readFileSync(path.join(import.meta.dirname, '../fixtures/backup/backup-v1.json'), 'utf8');

let db: CreativeRatioDB;
beforeEach(async () => {
  db = new CreativeRatioDB(`backup-plans-${Math.random()}`);
  await db.open();
});

const T0 = local(2025, 10, 6, 9); // Monday 6 October 2025, 09:00 (Berlin)
const DAY = 24 * HOUR;

function plan(week: string, at: number, intent: string, updatedAt: number, blocks = 2): PlanRow {
  return {
    week,
    blocks: Array.from({ length: blocks }, (_, i) => ({
      id: `${week}-${i}`,
      start: at + i * DAY,
      end: at + i * DAY + 90 * 60_000,
      kind: i % 2 ? ('design' as const) : ('writing' as const),
    })),
    intent,
    updatedAt,
  };
}

function parsed(text: string): ParsedBackup {
  const r = parseBackupFor(db, text, T0 + 30 * DAY);
  if (!r.ok) throw new Error(r.error.message);
  return r.backup;
}

function fileWith(plans: BackupPlanRow[]): string {
  return serializeBackup(
    { segments: [seg(T0, 30, 'docs.google.com')], rules: [], settings: [], reviews: [], plans },
    { now: T0 + DAY, schemaVersion: 3 },
  ).parts.join('');
}

describe('focus plans in a backup', () => {
  it('are written with their blocks and intent and come back identical after a replace', async () => {
    const plans = [
      plan('2025-10-13', T0 + 7 * DAY, 'Two writing mornings.', T0),
      plan('2025-10-20', T0 + 14 * DAY, '', T0 + 1),
    ];
    await db.plans.bulkPut(plans);
    const b = await createBackup(db, { now: T0 + DAY });
    expect(b.counts.plans).toBe(2);
    expect(b.skipped).toEqual([]);
    const text = b.parts.join('');
    expect(JSON.parse(text)).toMatchObject({ version: 3, counts: { plans: 2 } });

    await db.plans.put(plan('2025-11-03', T0 + 28 * DAY, 'Not in the backup.', T0 + 5));
    const r = await restoreBackup(db, parsed(text), { mode: 'replace' });
    expect(r.added.plans).toBe(2);
    expect(await db.plans.orderBy('week').toArray()).toEqual(plans);
  });

  it('merge: a week without a plan gets the file’s; a newer file plan replaces the stored one whole; an older or equally old one is skipped', async () => {
    const inFile = [
      plan('2025-10-13', T0 + 7 * DAY, 'From the file (newer).', T0 + 10),
      plan('2025-10-20', T0 + 14 * DAY, 'From the file (older).', T0 + 10),
      plan('2025-10-27', T0 + 21 * DAY, 'From the file (same time).', T0 + 10),
      plan('2025-11-03', T0 + 28 * DAY, 'From the file (new week).', T0 + 10, 3),
    ];
    await db.plans.bulkPut([
      plan('2025-10-13', T0 + 7 * DAY, 'Stored (older).', T0 + 5, 1),
      plan('2025-10-20', T0 + 14 * DAY, 'Stored (newer).', T0 + 20, 1),
      plan('2025-10-27', T0 + 21 * DAY, 'Stored (same time).', T0 + 10, 1),
    ]);
    const r = await restoreBackup(db, parsed(fileWith(inFile)), { mode: 'merge' });
    expect(r.added.plans).toBe(2);
    expect(r.skipped.plans).toBe(2);
    const byWeek = Object.fromEntries((await db.plans.toArray()).map((p) => [p.week, p]));
    expect(byWeek['2025-10-13']).toEqual(inFile[0]); // blocks and intent together
    expect(byWeek['2025-10-20']!.intent).toBe('Stored (newer).');
    expect(byWeek['2025-10-27']!.intent).toBe('Stored (same time).');
    expect(byWeek['2025-11-03']).toEqual(inFile[3]);
    // Merging again changes nothing.
    const again = await restoreBackup(db, parsed(fileWith(inFile)), { mode: 'merge' });
    expect(again.added.plans).toBe(0);
  });

  it('a stored plan that would not pass a restore is left out of the backup and reported', async () => {
    await db.plans.bulkPut([
      plan('2025-10-13', T0 + 7 * DAY, 'ok', T0),
      {
        ...plan('2025-10-20', T0 + 14 * DAY, 'bad', T0),
        blocks: [{ id: 'x', start: T0, end: T0 - 1, kind: 'writing' }],
      },
    ]);
    const b = await createBackup(db, { now: T0 + DAY });
    expect(b.counts.plans).toBe(1);
    expect(b.skipped).toEqual([{ table: 'plans', index: 1, message: 'a block\'s "end" must be after its "start"' }]);
  });
});

describe('plan rows that a restore refuses', () => {
  const good = () => plan('2025-10-13', T0 + 7 * DAY, 'intent', T0);
  const cases: Array<[string, (p: Record<string, unknown>) => void, RegExp]> = [
    [
      'an unknown kind',
      (p) => ((p.blocks as Array<Record<string, unknown>>)[0]!.kind = 'napping'),
      /"kind" must be one of focus, writing/,
    ],
    [
      'a block without an id',
      (p) => delete (p.blocks as Array<Record<string, unknown>>)[0]!.id,
      /each block must be an object with id, start, end and kind/,
    ],
    [
      'two blocks with one id',
      (p) => ((p.blocks as Array<Record<string, unknown>>)[1]!.id = '2025-10-13-0'),
      /two blocks have the same "id"/,
    ],
    [
      'a block ending before it starts',
      (p) => ((p.blocks as Array<Record<string, unknown>>)[0]!.end = T0),
      /"end" must be after/,
    ],
    [
      'a block longer than a day',
      (p) => ((p.blocks as Array<Record<string, unknown>>)[0]!.end = T0 + 7 * DAY + 25 * HOUR),
      /longer than a day/,
    ],
    [
      'a stray field in a block',
      (p) => ((p.blocks as Array<Record<string, unknown>>)[0]!.title = 'secret'),
      /unexpected field "title" in "blocks.0"/,
    ],
    ['41 blocks', (p) => (p.blocks = plan('2025-10-13', T0, '', T0, 41).blocks), /at most 40 blocks/],
    [
      'an intent over 2,000 characters',
      (p) => (p.intent = 'x'.repeat(2_001)),
      /"intent" must be text of at most 2,000/,
    ],
    ['a week that is not a date', (p) => (p.week = 'next week'), /"week" must be a date written yyyy-MM-dd/],
    ['an updatedAt in year 275760', (p) => (p.updatedAt = 8.64e15), /"updatedAt" must be a time/],
  ];
  it.each(cases)('%s', (_name, breakIt, message) => {
    const row = structuredClone(good()) as unknown as Record<string, unknown>;
    breakIt(row);
    const doc = JSON.parse(fileWith([good()])) as { version: number; data: Record<string, unknown[]> };
    doc.data.plans = [row];
    const r = parseBackupFor(db, rehash(doc), T0 + 30 * DAY);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(/^Focus plan #1 \(index 0\): /);
    expect(r.error.message).toMatch(message);
    expect(r.error).toMatchObject({ table: 'plans', index: 0 });
  });

  it('a second plan for the same week', () => {
    const r = parseBackupFor(db, fileWith([good(), { ...good(), intent: 'again' }]), T0 + 30 * DAY);
    expect(r).toMatchObject({
      ok: false,
      error: { message: 'Focus plan #2 (index 1): a second plan for the week 2025-10-13.' },
    });
  });

  it('a version 2 file without plans, or a version 1 file with them', () => {
    const doc = JSON.parse(fileWith([])) as {
      version: number;
      data: Record<string, unknown[]>;
      counts: Record<string, number>;
    };
    doc.version = 2;
    for (const t of ['plans', 'meetings', 'meetingSkips']) {
      delete doc.data[t];
      delete doc.counts[t];
    }
    // With its plans (none) it is a good version 2 file; without them it is refused.
    const withPlans = structuredClone(doc);
    withPlans.data.plans = [];
    withPlans.counts.plans = 0;
    expect(parseBackupFor(db, rehash(withPlans), T0 + 30 * DAY)).toMatchObject({ ok: true });
    expect(parseBackupFor(db, rehash(doc), T0 + 30 * DAY)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/no "plans"|"counts.plans"/) },
    });
    const v1 = JSON.parse(FIXTURE) as { version: number; data: Record<string, unknown[]> };
    v1.data.plans = [];
    expect(parseBackupFor(db, rehash(v1), T0 + 30 * DAY)).toMatchObject({
      ok: false,
      error: { message: 'Unexpected table "plans" in "data".' },
    });
  });
});

describe('a backup of format version 1 (no focus plans), from a fixture file', () => {
  const V1_COUNTS = { segments: 3, rules: 1, settings: 1, reviews: 1, plans: 0, meetings: 0, meetingSkips: 0 };

  it('is read as it was written, with no plans', () => {
    const b = parsed(FIXTURE);
    expect(b.version).toBe(1);
    expect(b.counts).toEqual(V1_COUNTS);
    expect(b.tables.plans).toEqual([]);
    expect(b.tables.segments.map((s) => s.source)).toEqual(['browser', 'calendar', 'manual']);
    expect(b.tables.settings[0]!.value.targetShare).toBe(0.45);
  });

  it('merge keeps the plans stored now; replace restores everything it has and empties the plans', async () => {
    const mine = plan('2025-10-13', T0 + 7 * DAY, 'Mine.', T0);
    await db.plans.put(mine);
    const merged = await restoreBackup(db, parsed(FIXTURE), { mode: 'merge' });
    expect(merged.added).toEqual(V1_COUNTS);
    expect(await db.plans.toArray()).toEqual([mine]);

    const replaced = await restoreBackup(db, parsed(FIXTURE), { mode: 'replace' });
    expect(replaced.added).toEqual(V1_COUNTS);
    expect(await db.plans.count()).toBe(0);
    expect((await db.reviews.get('2025-09-29'))?.note).toBe('Too many syncs; Thursday was good.');
    expect((await db.rules.toArray()).map((r) => r.match)).toEqual([{ type: 'host', host: 'board.example.com' }]);
  });

  it('written before a setting existed: restores with that setting at its default (the checksum still matches)', () => {
    const doc = JSON.parse(FIXTURE) as {
      version: number;
      data: Record<string, Array<{ value: Record<string, unknown> }>>;
    };
    delete doc.data.settings![0]!.value.blockInterruptionMinutes;
    delete doc.data.settings![0]!.value.nudge;
    const b = parsed(rehash(doc as never));
    expect(b.tables.settings[0]!.value).toMatchObject({
      targetShare: 0.45,
      blockInterruptionMinutes: 2,
      nudge: { enabled: false, day: 3, hour: 14 },
    });
    // A changed value is still caught.
    expect(parseBackupFor(db, rehash(doc as never).replace('"targetShare":0.45', '"targetShare":0.9')).ok).toBe(false);
  });
});
