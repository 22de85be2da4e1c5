// Full backup and restore: round trip, validation of every row, atomicity, merge de-duplication.
import { decodePack } from '@/lib/db/packs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { UserRule } from '@/lib/classify/types';
import { backupCounts, createBackup, parseBackupFor, restoreBackup, schemaVersionOf } from '@/lib/db/backup';
import { CreativeRatioDB, deleteAllData } from '@/lib/db';
import { SCHEMA_VERSION } from '@/lib/db/names';
import {
  BACKUP_FORMAT,
  MAX_BACKUP_CHARS,
  MAX_BACKUP_SEGMENTS,
  backupFileName,
  checkSettingsRow,
  parseBackup,
  serializeBackup,
  type BackupTables,
  type ParsedBackup,
} from '@/lib/export/backup';
import type { Segment } from '@/lib/model';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { HOUR, local, rule, seg } from './helpers';

let db: CreativeRatioDB;

beforeEach(async () => {
  db = new CreativeRatioDB(`backup-test-${Math.random()}`);
  await db.open();
});

const T0 = local(2025, 3, 24, 9);
const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  weekStartsOn: 1,
  targetShare: 0.4,
  excludedHosts: ['bank.example'],
  retentionMonths: 12,
  // A series rule picked in the calendar preview carries the name the person gave it (and round-trips).
  meetingClasses: {
    disabledDefaults: ['default:workshop'],
    rules: [
      {
        id: 'rule:1',
        match: 'series',
        value: 'crit-7@example.com',
        class: 'creative',
        kind: 'design',
        label: 'Design crit',
      },
    ],
  },
};

function sampleSegments(): Segment[] {
  return [
    seg(T0, 60, 'docs.google.com', { path: '/document/d/*/edit' }),
    seg(T0 + HOUR, 30, 'app.slack.com', { path: '/client/*/*', override: { class: 'creative', kind: 'writing' } }),
    seg(T0 + 2 * HOUR, 45, 'meet.google.com', { path: '/*', lane: 'call' }),
    seg(T0 + 3 * HOUR, 30, '', {
      source: 'calendar',
      label: 'Campaign sync',
      override: { class: 'coordination', kind: 'meetings' },
      importId: 'ics:Work:1700000000000',
    }),
    seg(T0 + 4 * HOUR, 90, '', {
      source: 'manual',
      label: 'Workshop “Q3” ✏️',
      override: { class: 'creative' },
      importId: 'manual:abc',
    }),
  ];
}

const RULES: UserRule[] = [
  rule(1, 0, 'unknown-tool.example', 'coordination', { kind: 'project', tool: 'Board' }),
  {
    id: 2,
    order: 1,
    match: { type: 'path', host: 'docs.google.com', pathPrefix: '/spreadsheets' },
    class: 'coordination',
    kind: 'reporting',
    createdAt: 1_700_000_000_000,
    fromTime: 1_710_000_000_000,
  },
  {
    id: 3,
    order: 2,
    match: { type: 'regex', pattern: '^app\\.hubspot\\.com/email/' },
    class: 'creative',
    kind: 'writing',
    createdAt: 1_700_000_000_000,
  },
  {
    id: 4,
    order: 3,
    match: { type: 'wildcard', pattern: '*.atlassian.net' },
    class: 'coordination',
    createdAt: 1_700_000_000_000,
  },
];

/** Next week's focus plan, made in the review of the week of T0. */
const PLAN = {
  week: '2025-03-31',
  blocks: [
    { id: 'b-1', start: T0 + 7 * 24 * HOUR, end: T0 + 7 * 24 * HOUR + 90 * 60_000, kind: 'writing' as const },
    { id: 'b-2', start: T0 + 9 * 24 * HOUR, end: T0 + 9 * 24 * HOUR + 2 * HOUR, kind: 'focus' as const },
  ],
  intent: 'Protect Tuesday and Thursday mornings.',
  updatedAt: T0 + 2,
};

async function seed(): Promise<void> {
  await db.segments.bulkAdd(sampleSegments());
  await db.rules.bulkAdd(RULES);
  await db.settings.put({ key: 'settings', value: SETTINGS });
  await db.reviews.bulkAdd([
    { week: '2025-03-17', note: 'Too many meetings.\nFriday was good.', updatedAt: T0 },
    { week: '2025-03-24', note: '', updatedAt: T0 + 1 },
  ]);
  await db.plans.put(PLAN);
  await db.tracker.put({ key: 'tracker', state: { marker: 'tracker' } as never });
  await db.status.put({ key: 'status', error: 'disk full', since: T0, pending: [] });
}

async function dump(d: CreativeRatioDB) {
  return {
    segments: await d.segments.orderBy('id').toArray(),
    rules: await d.rules.orderBy('id').toArray(),
    settings: await d.settings.toArray(),
    reviews: await d.reviews.orderBy('week').toArray(),
    plans: await d.plans.orderBy('week').toArray(),
  };
}

async function backupText(d: CreativeRatioDB, now = T0 + 10 * HOUR): Promise<string> {
  const b = await createBackup(d, { now });
  return b.parts.join('');
}

function parsed(text: string): ParsedBackup {
  const r = parseBackupFor(db, text);
  if (!r.ok) throw new Error(r.error.message);
  return r.backup;
}

describe('backup → wipe → restore', () => {
  it('gives identical tables, and leaves the tracker checkpoint and status alone', async () => {
    await seed();
    const before = await dump(db);
    const text = await backupText(db);
    const doc = JSON.parse(text) as Record<string, unknown>;
    expect(doc.format).toBe(BACKUP_FORMAT);
    expect(doc.schemaVersion).toBe(schemaVersionOf(db));
    expect(doc.version).toBe(3);
    expect(doc.counts).toEqual({
      segments: 5,
      rules: 4,
      settings: 1,
      reviews: 2,
      plans: 1,
      meetings: 0,
      meetingSkips: 0,
    });
    expect(doc.checksum).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
    expect(Object.keys(doc.data as object)).toEqual([
      'segments',
      'rules',
      'settings',
      'reviews',
      'plans',
      'meetings',
      'meetingSkips',
    ]);
    expect(text).not.toContain('disk full');
    expect(text).not.toContain('"tracker"');

    const checkpoint = await db.tracker.get('tracker');
    await deleteAllData(db);
    expect(await backupCounts(db)).toEqual({
      segments: 0,
      rules: 0,
      settings: 0,
      reviews: 0,
      plans: 0,
      meetings: 0,
      meetingSkips: 0,
    });
    expect(await db.tracker.get('tracker')).toBeUndefined(); // "Delete all data" also forgets the tracker checkpoint
    await db.tracker.put(checkpoint!); // the running tracker writes it again
    const result = await restoreBackup(db, parsed(text), { mode: 'replace' });
    expect(result).toEqual({
      mode: 'replace',
      added: { segments: 5, rules: 4, settings: 1, reviews: 2, plans: 1, meetings: 0, meetingSkips: 0 },
      skipped: { segments: 0, rules: 0, settings: 0, reviews: 0, plans: 0, meetings: 0, meetingSkips: 0 },
      settings: 'restored',
    });
    // The same rows under new ids: a file never chooses the database's keys.
    const noIds = (d: Awaited<ReturnType<typeof dump>>) => ({
      ...d,
      segments: d.segments.map(({ id: _id, ...s }) => s),
      rules: d.rules.map(({ id: _id, ...r }) => r),
    });
    expect(noIds(await dump(db))).toEqual(noIds(before));
    expect((await db.settings.get('settings'))?.value.meetingClasses.rules[0]?.label).toBe('Design crit');
    expect(await db.tracker.get('tracker')).toEqual(checkpoint);
  });

  it('replace removes what was there before', async () => {
    await seed();
    const text = await backupText(db);
    await db.segments.add(seg(T0 + 20 * HOUR, 10, 'later.example'));
    await db.reviews.put({ week: '2025-03-31', note: 'new', updatedAt: 1 });
    await restoreBackup(db, parsed(text), { mode: 'replace' });
    expect(await db.segments.count()).toBe(5);
    expect(await db.reviews.get('2025-03-31')).toBeUndefined();
  });

  it('backs up and restores an empty database', async () => {
    const text = await backupText(db);
    expect(JSON.parse(text)).toMatchObject({
      counts: { segments: 0, rules: 0, settings: 0, reviews: 0, plans: 0, meetings: 0, meetingSkips: 0 },
    });
    const r = await restoreBackup(db, parsed(text), { mode: 'replace' });
    expect(r.settings).toBe('none');
  });

  it('reads segments page by page (more than one page) in id order', async () => {
    const many = Array.from({ length: 25_123 }, (_, i) => seg(T0 + i * 60_000, 1, `h${i % 50}.example`));
    await db.segments.bulkAdd(many);
    const b = await createBackup(db, { now: T0 });
    expect(b.counts.segments).toBe(25_123);
    expect(b.parts.length).toBeGreaterThan(10);
    const back = parsed(b.parts.join(''));
    expect(back.tables.segments.map((s) => s.id)).toEqual(Array.from({ length: 25_123 }, (_, i) => i + 1));
  }, 60_000); // fake-indexeddb writes 25,123 rows and their day packs: slow on a loaded machine, not a timing assertion

  it('leaves out (and reports) stored rows that could not be restored', async () => {
    await db.segments.bulkAdd([seg(T0, 10, 'ok.example'), { ...seg(T0, 10, 'bad.example'), end: T0 - 1 }]);
    const b = await createBackup(db, { now: T0 });
    expect(b.counts.segments).toBe(1);
    expect(b.skipped).toEqual([{ table: 'segments', index: 1, message: '"end" must be after "start"' }]);
    expect(parseBackupFor(db, b.parts.join('')).ok).toBe(true);
  });

  it('names the file by local date', () => {
    expect(backupFileName(local(2025, 4, 2, 23, 30))).toBe('creative-ratio-backup-2025-04-02.json');
  });
});

describe('merge', () => {
  it('skips exact duplicate segments, identical rules, kept settings and existing notes', async () => {
    await seed();
    const text = await backupText(db);
    // Change the current data: one segment gone, one new; a new rule; other settings; a note edited.
    await db.segments.delete(1);
    await db.segments.add(seg(T0 + 30 * HOUR, 15, 'new.example'));
    await db.rules.add(rule(10, 4, 'mine.example', 'neutral'));
    await db.settings.put({ key: 'settings', value: { ...SETTINGS, targetShare: 0.6 } });
    await db.reviews.put({ week: '2025-03-17', note: 'Edited since.', updatedAt: T0 + 5 });
    await db.plans.put({ ...PLAN, intent: 'Edited since.', updatedAt: T0 + 5 });

    const r = await restoreBackup(db, parsed(text), { mode: 'merge' });
    expect(r.added).toEqual({ segments: 1, rules: 0, settings: 0, reviews: 1, plans: 0, meetings: 0, meetingSkips: 0 });
    expect(r.skipped).toEqual({
      segments: 4,
      rules: 4,
      settings: 1,
      reviews: 1,
      plans: 1,
      meetings: 0,
      meetingSkips: 0,
    });
    expect((await db.plans.get('2025-03-31'))!.intent).toBe('Edited since.');
    expect(r.settings).toBe('kept');
    expect(await db.segments.count()).toBe(6);
    expect((await db.settings.get('settings'))!.value.targetShare).toBe(0.6);
    expect((await db.reviews.get('2025-03-17'))!.note).toBe('Edited since.');
    // The empty note for 2025-03-24 was filled from the backup (it was empty there too).
    expect(await db.reviews.count()).toBe(2);

    // Merging the same backup again adds nothing.
    const again = await restoreBackup(db, parsed(text), { mode: 'merge' });
    expect(again.added.segments).toBe(0);
    expect(await db.segments.count()).toBe(6);
  });

  it('appends new rules after the current ones, with new ids, and uses backup settings when none are stored', async () => {
    const tables: BackupTables = {
      segments: [],
      rules: RULES,
      settings: [{ key: 'settings', value: SETTINGS }],
      reviews: [],
      plans: [],
      meetings: [],
      meetingSkips: [],
    };
    const text = serializeBackup(tables, { now: T0, schemaVersion: 1 }).parts.join('');
    await db.rules.add(rule(7, 0, 'mine.example', 'neutral'));
    const r = await restoreBackup(db, parsed(text), { mode: 'merge' });
    expect(r.added.rules).toBe(4);
    expect(r.settings).toBe('restored');
    const rules = (await db.rules.toArray()).sort((a, b) => a.order - b.order);
    expect(rules.map((x) => x.order)).toEqual([0, 1, 2, 3, 4]);
    expect(rules[0]!.id).toBe(7);
    expect(new Set(rules.map((x) => x.id)).size).toBe(5);
  });

  it('de-duplicates segments inside the file too', async () => {
    const s = seg(T0, 30, 'docs.google.com');
    const text = serializeBackup(
      { segments: [s, { ...s }, { ...s, lane: 'call' }], rules: [], settings: [], reviews: [] },
      { now: T0, schemaVersion: 1 },
    ).parts.join('');
    const r = await restoreBackup(db, parsed(text), { mode: 'merge' });
    expect(r.added.segments).toBe(2);
    expect(r.skipped.segments).toBe(1);
  });
});

describe('atomic restore', () => {
  it('a bad row at the end: nothing restored, existing data untouched', async () => {
    await seed();
    const before = await dump(db);
    const segments = Array.from({ length: 3_000 }, (_, i) => seg(T0 + i * 60_000, 1, 'x.example'));
    const good = serializeBackup(
      { segments, rules: [], settings: [], reviews: [] },
      { now: T0, schemaVersion: 1 },
    ).parts.join('');
    // The last segment ends before it starts.
    const doc = JSON.parse(good) as { data: { segments: Segment[] } };
    doc.data.segments[2_999]!.end = doc.data.segments[2_999]!.start - 1;
    const r = parseBackupFor(db, JSON.stringify(doc));
    expect(r).toEqual({
      ok: false,
      error: { message: 'Segment #3,000 (index 2999): "end" must be after "start".', table: 'segments', index: 2999 },
    });
    expect(await dump(db)).toEqual(before);
  });

  it('a write that fails half-way: the whole transaction is rolled back, in both modes', async () => {
    await seed();
    const before = await dump(db);
    // More than one 10,000-row write page, so the failure comes after earlier pages were written.
    const segments = Array.from({ length: 12_000 }, (_, i) => seg(T0 + 100 * HOUR + i * 60_000, 1, 'x.example'));
    const text = serializeBackup(
      {
        segments,
        rules: RULES,
        settings: [{ key: 'settings', value: DEFAULT_SETTINGS }],
        reviews: [{ week: '2025-01-06', note: 'x', updatedAt: T0 }],
      },
      { now: T0, schemaVersion: 1 },
    ).parts.join('');
    const backup = parsed(text);
    // The database refuses the last table's write (as a full disk would).
    db.reviews.hook('creating', () => {
      throw new Error('QuotaExceededError (simulated)');
    });
    for (const mode of ['replace', 'merge'] as const) {
      const progress: number[] = [];
      await expect(restoreBackup(db, backup, { mode, onProgress: (p) => progress.push(p.done) })).rejects.toThrow(
        /simulated/,
      );
      expect(progress.length).toBeGreaterThan(1);
      expect(await dump(db)).toEqual(before);
    }
  }, 60_000); // fake-indexeddb writes ~24,000 rows here: slow on a loaded 2-core machine, not a timing assertion

  it('refuses a backup from a newer database schema', async () => {
    const text = serializeBackup(
      { segments: [], rules: [], settings: [], reviews: [] },
      { now: T0, schemaVersion: 99 },
    ).parts.join('');
    expect(parseBackupFor(db, text)).toEqual({
      ok: false,
      error: {
        message: expect.stringMatching(
          new RegExp(`newer database \\(schema version 99; this extension has ${SCHEMA_VERSION}\\)`),
        ),
      },
    });
    const forged = {
      ...parsed(
        serializeBackup(
          { segments: [], rules: [], settings: [], reviews: [] },
          { now: T0, schemaVersion: 1 },
        ).parts.join(''),
      ),
      schemaVersion: 99,
    };
    await expect(restoreBackup(db, forged, { mode: 'replace' })).rejects.toThrow(/newer database/);
  });

  it('restores a backup taken before the day packs (schema 1) and packs it', async () => {
    const segment = {
      id: 5,
      start: T0,
      end: T0 + 60_000,
      day: '2025-03-24',
      host: 'docs.google.com',
      path: '',
      source: 'browser' as const,
      lane: 'focus' as const,
    };
    const text = serializeBackup(
      { segments: [segment], rules: [], settings: [], reviews: [] },
      { now: T0, schemaVersion: 1 },
    ).parts.join('');
    await restoreBackup(db, parsed(text), { mode: 'replace' });
    const packs = await db.packs.toArray();
    expect(packs.flatMap((p) => decodePack(p)).map((s) => [s.start, s.host])).toEqual([[T0, 'docs.google.com']]);
  });
});

// ---------- validation of the file ----------

function validText(tables: Partial<BackupTables> = {}): string {
  return serializeBackup(
    {
      segments: tables.segments ?? sampleSegments().map((s, i) => ({ ...s, id: i + 1 })),
      rules: tables.rules ?? RULES,
      settings: tables.settings ?? [{ key: 'settings', value: SETTINGS }],
      reviews: tables.reviews ?? [{ week: '2025-03-17', note: 'n', updatedAt: T0 }],
    },
    { now: T0, schemaVersion: 1 },
  ).parts.join('');
}

type Doc = {
  data: Record<string, Array<Record<string, unknown>>>;
  counts: Record<string, number>;
  [k: string]: unknown;
};
const edit = (f: (d: Doc) => void) => () => {
  const d = JSON.parse(validText()) as Doc;
  f(d);
  return JSON.stringify(d);
};
/** Edit a row and keep the checksum right, so the row check itself is what fails. */
const editRow = (table: string, index: number, f: (row: Record<string, unknown>) => void) =>
  edit((d) => f(d.data[table]![index]!));

describe('parseBackup rejects', () => {
  const cases: Array<{ name: string; input: () => string; message: RegExp; table?: string; index?: number }> = [
    { name: 'an empty file', input: () => '', message: /empty/ },
    {
      name: 'a file cut short',
      input: () => validText().slice(0, 500),
      message: /not valid JSON \(the file may be cut short\)/,
    },
    {
      name: 'a team export',
      input: () => JSON.stringify({ format: 'creative-ratio-team', version: 1 }),
      message: /team export \(weekly totals only\), not a backup/,
    },
    {
      name: 'a rules file',
      input: () => JSON.stringify({ format: 'creative-ratio-rules', version: 1 }),
      message: /rules file, not a backup/,
    },
    {
      name: 'a newer format version',
      input: edit((d) => (d.version = 4)),
      message: /newer version of Creative Ratio \(format version 4\)/,
    },
    { name: 'an unknown top-level field', input: edit((d) => (d.extra = 1)), message: /Unexpected field "extra"/ },
    {
      name: 'an unknown table',
      input: edit((d) => (d.data.tracker = [])),
      message: /Unexpected table "tracker" in "data"/,
    },
    { name: 'a missing table', input: edit((d) => delete d.data.reviews), message: /no "reviews" table/ },
    {
      name: 'counts that do not match',
      input: edit((d) => (d.counts.segments = 4)),
      message: /says it has 4 segments rows but holds 5/,
      table: 'segments',
    },
    { name: 'a missing checksum', input: edit((d) => delete d.checksum), message: /no valid "checksum"/ },
    {
      name: 'an edited value',
      input: edit((d) => (d.data.segments![0]!.host = 'other.example')),
      message: /checksum does not match/,
    },
    {
      name: 'an edited note',
      input: edit((d) => (d.data.reviews![0]!.note = 'N')),
      message: /checksum does not match/,
    },
    {
      name: 'a NaN time (as null)',
      input: editRow('segments', 2, (r) => (r.start = null)),
      message: /Segment #3 \(index 2\): "start" must be a time \(epoch milliseconds\) between 2000-01-01 and /,
      table: 'segments',
      index: 2,
    },
    {
      name: 'a negative time',
      input: editRow('segments', 0, (r) => (r.start = -5)),
      message: /"start" must be a time \(epoch milliseconds\) between 2000-01-01/,
    },
    {
      name: 'a time as text',
      input: editRow('segments', 0, (r) => (r.end = '1742806800000')),
      message: /"end" must be a time \(epoch milliseconds\) between 2000-01-01/,
    },
    {
      name: 'end before start',
      input: editRow('segments', 4, (r) => (r.end = r.start)),
      message: /Segment #5 \(index 4\): "end" must be after "start"/,
      table: 'segments',
      index: 4,
    },
    {
      name: 'a segment longer than a week',
      input: editRow('segments', 0, (r) => (r.end = (r.start as number) + 8 * 24 * HOUR)),
      message: /longer than a week/,
    },
    {
      name: 'a bad day',
      input: editRow('segments', 0, (r) => (r.day = '24.03.2025')),
      message: /"day" must be a date/,
    },
    {
      name: 'an unknown source',
      input: editRow('segments', 0, (r) => (r.source = 'spy')),
      message: /"source" must be/,
    },
    {
      name: 'an unknown lane',
      input: editRow('segments', 0, (r) => (r.lane = 'background')),
      message: /"lane" must be/,
    },
    {
      name: 'an unknown class',
      input: editRow('segments', 1, (r) => (r.override = { class: 'fun' })),
      message: /Segment #2 \(index 1\): the override has an unknown class/,
    },
    {
      name: 'an unknown kind',
      input: editRow('segments', 1, (r) => (r.override = { class: 'creative', kind: 'gaming' })),
      message: /unknown kind/,
    },
    {
      name: 'a duplicate id',
      input: editRow('segments', 1, (r) => (r.id = 1)),
      message: /Segment #2 \(index 1\): the id 1 is used twice/,
    },
    {
      name: 'a fractional id',
      input: editRow('segments', 1, (r) => (r.id = 1.5)),
      message: /"id" must be a positive whole number/,
    },
    {
      name: 'an unknown segment field',
      input: editRow('segments', 0, (r) => (r.title = 'Secret doc')),
      message: /unexpected field "title"/,
    },
    {
      name: 'a huge host',
      input: editRow('segments', 0, (r) => (r.host = 'h'.repeat(300))),
      message: /"host" must be text of at most 253/,
    },
    {
      name: 'an invalid rule',
      input: editRow('rules', 1, (r) => (r.match = { type: 'host', host: 'https://x.example' })),
      message: /Rule #2 \(index 1\): match\.host: Enter the host only/,
      table: 'rules',
      index: 1,
    },
    {
      name: 'a rule kind of another class',
      input: editRow('rules', 0, (r) => (r.kind = 'writing')),
      message: /Rule #1 \(index 0\): kind:/,
    },
    {
      name: 'a catastrophic regex',
      input: editRow('rules', 2, (r) => (r.match = { type: 'regex', pattern: '(a+)+$' })),
      message: /Rule #3 \(index 2\): match\.pattern/,
    },
    {
      name: 'a rule without createdAt',
      input: editRow('rules', 0, (r) => delete r.createdAt),
      message: /"createdAt" must be a time/,
    },
    {
      name: 'a settings row with another key',
      input: editRow('settings', 0, (r) => (r.key = 'tracker')),
      message: /Settings row #1 \(index 0\): "key" must be "settings"/,
    },
    {
      name: 'two settings rows',
      input: edit((d) => {
        d.data.settings!.push(d.data.settings![0]!);
        d.counts.settings = 2;
      }),
      message: /2 settings rows; at most 1/,
    },
    {
      name: 'a note that is too long',
      input: editRow('reviews', 0, (r) => (r.note = 'x'.repeat(20_001))),
      message: /Review note #1 \(index 0\): "note" must be text of at most 20,000/,
    },
    {
      name: 'a review week that is not a date',
      input: editRow('reviews', 0, (r) => (r.week = 'last week')),
      message: /"week" must be a date/,
    },
    // Issue #11: every instant in a plausible range (2000-01-01 … now + 1 year).
    {
      name: 'a segment in year 275760',
      input: editRow('segments', 0, (r) => {
        r.start = 8.64e15 - 3_600_000;
        r.end = 8.64e15;
      }),
      message:
        /Segment #1 \(index 0\): "start" must be a time \(epoch milliseconds\) between 2000-01-01 and \d{4}-\d\d-\d\d/,
      table: 'segments',
      index: 0,
    },
    {
      name: 'a segment in 1999',
      input: editRow('segments', 0, (r) => {
        r.start = Date.UTC(1999, 0, 1);
        r.end = Date.UTC(1999, 0, 1, 1);
      }),
      message: /"start" must be a time \(epoch milliseconds\) between 2000-01-01/,
    },
    {
      name: 'a segment day in year 9999',
      input: editRow('segments', 0, (r) => (r.day = '9999-01-01')),
      message: /"day" must be a date between 2000-01-01/,
    },
    {
      name: 'a rule "only from" in year 275760',
      input: editRow('rules', 1, (r) => (r.fromTime = 8.64e15)),
      message: /Rule #2 \(index 1\): fromTime: "Only from" must be a date \(epoch milliseconds\), between 2000-01-01/,
    },
    {
      name: 'a rule created in year 275760',
      input: editRow('rules', 0, (r) => (r.createdAt = 8.64e15)),
      message: /"createdAt" must be a time \(epoch milliseconds\) between 2000-01-01/,
    },
    {
      name: 'a review note updated in year 275760',
      input: editRow('reviews', 0, (r) => (r.updatedAt = 8.64e15)),
      message: /Review note #1 \(index 0\): "updatedAt" must be a time/,
    },
    {
      name: 'a review week in 1970',
      input: editRow('reviews', 0, (r) => (r.week = '1970-01-05')),
      message: /"week" must be a date between 2000-01-01/,
    },
  ];

  it.each(cases)('$name', ({ input, message, table, index }) => {
    const r = parseBackup(input(), { schemaVersion: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(message);
    if (table !== undefined) expect(r.error.table).toBe(table);
    if (index !== undefined) expect(r.error.index).toBe(index);
  });

  it('sanitises settings instead of rejecting them (unknown keys dropped, bad values to defaults)', () => {
    expect(checkSettingsRow({ key: 'settings', value: { targetShare: 7, idleThresholdSec: 60, extra: 'x' } })).toEqual({
      ok: true,
      row: { key: 'settings', value: { ...DEFAULT_SETTINGS, idleThresholdSec: 60 } },
    });
    // A stray key inside the value does not change the canonical row (so the checksum still matches) and is dropped.
    const r = parseBackup(validText().replace('"value":{', '"value":{"injected":"x",'), { schemaVersion: 1 });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.backup.tables.settings[0]!.value).toEqual(SETTINGS);
    // A changed value is caught by the checksum.
    const changed = parseBackup(validText().replace('"targetShare":0.4', '"targetShare":0.9'), { schemaVersion: 1 });
    expect(changed.ok).toBe(false);
  });

  it('a file over the size limit and too many rows, before reading rows', () => {
    const huge = ' '.repeat(MAX_BACKUP_CHARS + 1);
    expect(parseBackup(huge, { schemaVersion: 1 })).toEqual({
      ok: false,
      error: { message: 'The file is too large (over 200 MB).' },
    });
    const d = JSON.parse(validText()) as Doc;
    const text = JSON.stringify(d).replace('"segments":[', `"segments":[${'0,'.repeat(MAX_BACKUP_SEGMENTS)}`);
    const r = parseBackup(text, { schemaVersion: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toBe('The backup has 2,000,005 segments rows; at most 2,000,000 can be restored.');
  });

  it.each([
    ['top level', (t: string) => `{"__proto__":{"polluted":1},${t.slice(1)}`, /Unexpected field "__proto__"/],
    [
      'a segment',
      (t: string) => t.replace('"start":', '"__proto__":{"polluted":1},"start":'),
      /Segment #1 \(index 0\): unexpected field "__proto__"/,
    ],
    [
      'an override',
      (t: string) => t.replace('"override":{', '"override":{"__proto__":{"polluted":1},'),
      /unexpected field "__proto__" in "override"/,
    ],
    [
      'a rule',
      (t: string) => t.replace('"order":0', '"__proto__":{"polluted":1},"order":0'),
      /Rule #1 \(index 0\): unexpected field "__proto__"/,
    ],
    [
      'a review',
      (t: string) => t.replace('"week":"2025-03-17"', '"__proto__":{"polluted":1},"week":"2025-03-17"'),
      /Review note #1 \(index 0\): unexpected field "__proto__"/,
    ],
  ])('"__proto__" in %s: rejected, nothing polluted', (_where, inject, message) => {
    const r = parseBackup(inject(validText()), { schemaVersion: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('"__proto__" inside the settings value: dropped by sanitizeSettings, nothing polluted', () => {
    const r = parseBackup(validText().replace('"value":{', '"value":{"__proto__":{"polluted":1,"targetShare":0.9},'), {
      schemaVersion: 1,
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      const value = r.backup.tables.settings[0]!.value;
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect(value.targetShare).toBe(0.4);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts a re-indented file (the checksum is over canonical rows, not layout)', () => {
    const pretty = JSON.stringify(JSON.parse(validText()), null, 2);
    expect(parseBackup(pretty, { schemaVersion: 1 }).ok).toBe(true);
  });
});
