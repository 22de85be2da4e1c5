import { beforeEach, describe, expect, it } from 'vitest';
import { CreativeRatioDB } from '@/lib/db';
import { deleteImport, importCalendar, listImports } from '@/lib/db/calendar';
import {
  addManualBlock,
  deleteManualBlock,
  listManualBlocks,
  ManualBlockError,
  updateManualBlock,
} from '@/lib/db/manual';
import { makeImportId } from '@/lib/calendar/import-id';
import { planFromText } from '@/lib/calendar/plan-import';
import type { Segment } from '@/lib/model';
import { fixture, options } from './helpers';

let db: CreativeRatioDB;

beforeEach(async () => {
  db = new CreativeRatioDB(`test-${Math.random()}`);
  await db.open();
});

function planSegments(file: string, importId: string): Segment[] {
  const r = planFromText(fixture(file), options({ importId }));
  if (!r.ok) throw new Error(r.error.message);
  return r.plan.segments;
}

const BROWSER: Segment = {
  start: new Date(2025, 2, 4, 9).getTime(),
  end: new Date(2025, 2, 4, 10).getTime(),
  day: '2025-03-04',
  host: 'docs.google.com',
  path: '',
  source: 'browser',
  lane: 'focus',
};

async function snapshot() {
  return (await db.segments.toArray()).sort((a, b) => a.id! - b.id!);
}

describe('calendar imports', () => {
  it('stores an import and lists it with name, count, range and time', async () => {
    const id = makeImportId('Google Calendar', 1_741_000_000_000);
    const segs = planSegments('google-calendar.ics', id);
    const r = await importCalendar(db, { segments: segs, importId: id });
    expect(r).toEqual({ added: 10, removed: 0, replaced: [] });
    expect(await listImports(db)).toEqual([
      {
        importId: id,
        name: 'Google Calendar',
        count: 10,
        start: segs[0]!.start,
        end: segs[segs.length - 1]!.end,
        importedAt: 1_741_000_000_000,
      },
    ]);
    const rows = await db.segments.where('importId').equals(id).toArray();
    expect(rows.every((s) => s.source === 'calendar' && s.importId === id && typeof s.id === 'number')).toBe(true);
  });

  it('re-importing a calendar of the same name replaces it; other data stays', async () => {
    await db.segments.add({ ...BROWSER });
    const first = makeImportId('Work', 1);
    const other = makeImportId('Outlook calendar', 2);
    await importCalendar(db, { segments: planSegments('apple-calendar.ics', first), importId: first });
    await importCalendar(db, { segments: planSegments('outlook-calendar.ics', other), importId: other });
    const second = makeImportId('work ', 3);
    const r = await importCalendar(db, {
      segments: planSegments('apple-calendar.ics', second).slice(0, 4),
      importId: second,
      replaceSameName: true,
    });
    expect(r).toEqual({ added: 4, removed: 9, replaced: [first] });
    const list = await listImports(db);
    expect(list.map((i) => [i.name, i.count])).toEqual([
      ['work', 4],
      ['Outlook calendar', 9],
    ]);
    expect(await db.segments.where('source').equals('browser').count()).toBe(1);
  });

  it('replaces an explicit import id', async () => {
    const a = makeImportId('A', 1);
    const b = makeImportId('B', 2);
    await importCalendar(db, { segments: planSegments('apple-calendar.ics', a), importId: a });
    const r = await importCalendar(db, {
      segments: planSegments('apple-calendar.ics', b),
      importId: b,
      replaceImportId: a,
    });
    expect(r.removed).toBe(9);
    expect((await listImports(db)).map((i) => i.name)).toEqual(['B']);
  });

  it('a write that fails halfway changes nothing: the earlier import is still there', async () => {
    await db.segments.add({ ...BROWSER });
    const first = makeImportId('Work', 1);
    await importCalendar(db, { segments: planSegments('apple-calendar.ics', first), importId: first });
    const before = await snapshot();

    let created = 0;
    const fail = function (this: unknown) {
      if (++created === 3) throw new Error('QuotaExceededError (simulated)');
    };
    db.segments.hook('creating', fail);
    const second = makeImportId('Work', 2);
    await expect(
      importCalendar(db, {
        segments: planSegments('apple-calendar.ics', second),
        importId: second,
        replaceSameName: true,
      }),
    ).rejects.toThrow(/simulated/);
    db.segments.hook('creating').unsubscribe(fail);

    expect(await snapshot()).toEqual(before);
    expect((await listImports(db)).map((i) => i.importId)).toEqual([first]);
  });

  it.each([
    ['end before start', { end: 0 }, /end must be after its start/],
    ['not a calendar segment', { source: 'browser' as const }, /source must be 'calendar'/],
    ['bad day', { day: '4 March' }, /day must be yyyy-MM-dd/],
  ])('invalid input (%s) is refused before anything is written', async (_name, patch, message) => {
    const first = makeImportId('Work', 1);
    await importCalendar(db, { segments: planSegments('apple-calendar.ics', first), importId: first });
    const before = await snapshot();
    const second = makeImportId('Work', 2);
    const segs = planSegments('apple-calendar.ics', second);
    segs[4] = { ...segs[4]!, ...patch };
    await expect(importCalendar(db, { segments: segs, importId: second, replaceSameName: true })).rejects.toThrow(
      message,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an id already in use and a manual block id', async () => {
    const id = makeImportId('Work', 1);
    await importCalendar(db, { segments: planSegments('apple-calendar.ics', id), importId: id });
    await expect(importCalendar(db, { segments: [], importId: id })).rejects.toThrow(/already exists/);
    await expect(importCalendar(db, { segments: [], importId: 'manual:abc' })).rejects.toThrow(/import id/);
  });

  it('copies rows field by field and stamps the import id (no caller ids, no extra fields)', async () => {
    const id = makeImportId('Work', 1);
    const seg = {
      ...planSegments('apple-calendar.ics', 'whatever')[0]!,
      id: 999,
      importId: 'other',
      attendees: ['x@y'],
    } as Segment;
    await importCalendar(db, { segments: [seg], importId: id });
    const [row] = await db.segments.toArray();
    expect(row!.id).not.toBe(999);
    expect(row!.importId).toBe(id);
    expect(row).not.toHaveProperty('attendees');
  });

  it('deleteImport removes one import and nothing else', async () => {
    await db.segments.add({ ...BROWSER });
    const a = makeImportId('A', 1);
    const b = makeImportId('B', 2);
    await importCalendar(db, { segments: planSegments('apple-calendar.ics', a), importId: a });
    await importCalendar(db, { segments: planSegments('google-calendar.ics', b), importId: b });
    expect(await deleteImport(db, a)).toBe(9);
    expect((await listImports(db)).map((i) => i.name)).toEqual(['B']);
    expect(await db.segments.count()).toBe(1 + 10);
    await expect(deleteImport(db, 'manual:x')).rejects.toThrow(/manual block/);
  });

  it('lists imports made elsewhere (demo data) by their id, and never manual blocks', async () => {
    await db.segments.add({ ...BROWSER, host: '', source: 'calendar', importId: 'demo-calendar', label: 'Meeting' });
    await addManualBlock(
      db,
      { start: BROWSER.start, end: BROWSER.end, label: 'Workshop', class: 'creative', kind: 'design' },
      BROWSER.end,
    );
    expect(await listImports(db)).toEqual([
      {
        importId: 'demo-calendar',
        name: 'demo-calendar',
        count: 1,
        start: BROWSER.start,
        end: BROWSER.end,
        importedAt: null,
      },
    ]);
  });
});

describe('manual blocks', () => {
  const now = new Date(2025, 2, 7, 18).getTime();
  const at = (d: number, h: number, m = 0) => new Date(2025, 2, d, h, m).getTime();

  it('adds, lists (whole, even across midnight), updates and deletes a block', async () => {
    const key = await addManualBlock(
      db,
      { start: at(5, 22), end: at(6, 1, 30), label: '  Launch  night ', class: 'creative', kind: 'writing' },
      now,
    );
    expect(key).toMatch(/^manual:/);
    expect(await db.segments.count()).toBe(2);

    // A range that only touches the second piece still returns the whole block.
    const listed = await listManualBlocks(db, at(6, 0), at(7, 0));
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      key,
      start: at(5, 22),
      end: at(6, 1, 30),
      label: 'Launch night',
      class: 'creative',
      kind: 'writing',
    });
    expect(listed[0]!.segmentIds).toHaveLength(2);

    const same = await updateManualBlock(
      db,
      key,
      { start: at(6, 9), end: at(6, 11), label: 'Workshop', class: 'coordination', kind: 'meetings' },
      now,
    );
    expect(same).toBe(key);
    const rows = await db.segments.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      source: 'manual',
      lane: 'focus',
      host: '',
      path: '',
      day: '2025-03-06',
      label: 'Workshop',
      override: { class: 'coordination', kind: 'meetings' },
      importId: key,
    });

    expect(await deleteManualBlock(db, key)).toBe(1);
    expect(await db.segments.count()).toBe(0);
  });

  it('manual segments written without a group (older or demo data) are blocks of their own', async () => {
    const id = await db.segments.add({
      start: at(4, 9),
      end: at(4, 10),
      day: '2025-03-04',
      host: '',
      path: '',
      source: 'manual',
      lane: 'focus',
      label: 'Old',
      override: { class: 'creative' },
    });
    const [block] = await listManualBlocks(db, at(3, 0), at(10, 0));
    expect(block).toMatchObject({ key: `segment:${id}`, label: 'Old', class: 'creative', kind: 'writing' });
    const key = await updateManualBlock(
      db,
      block!.key,
      { start: at(4, 9), end: at(4, 11), label: 'Old', class: 'creative', kind: 'design' },
      now,
    );
    expect(key).toMatch(/^manual:/);
    expect(await db.segments.count()).toBe(1);
    expect(await deleteManualBlock(db, key)).toBe(1);
  });

  it('invalid blocks are refused with per-field errors and nothing is written', async () => {
    const err = await addManualBlock(
      db,
      { start: at(5, 10), end: at(5, 9), label: 'x'.repeat(81), class: 'creative', kind: 'meetings' },
      now,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ManualBlockError);
    expect((err as ManualBlockError).errors).toEqual({
      end: 'The end must be after the start.',
      label: 'Keep the label to 80 characters (it has 81).',
      kind: 'Choose a kind of this class.',
    });
    expect(await db.segments.count()).toBe(0);
  });

  it('a failed update leaves the old block untouched', async () => {
    const key = await addManualBlock(
      db,
      { start: at(5, 9), end: at(5, 10), label: 'Draft', class: 'creative', kind: 'writing' },
      now,
    );
    const before = await snapshot();
    const fail = () => {
      throw new Error('disk full (simulated)');
    };
    db.segments.hook('creating', fail);
    await expect(
      updateManualBlock(
        db,
        key,
        { start: at(5, 9), end: at(5, 12), label: 'Draft', class: 'creative', kind: 'writing' },
        now,
      ),
    ).rejects.toThrow(/simulated/);
    db.segments.hook('creating').unsubscribe(fail);
    expect(await snapshot()).toEqual(before);
    await expect(
      updateManualBlock(
        db,
        'manual:gone',
        { start: at(5, 9), end: at(5, 10), label: '', class: 'neutral', kind: 'personal' },
        now,
      ),
    ).rejects.toThrow(/no longer exists/);
  });

  it('lists only manual blocks overlapping the range, sorted', async () => {
    await db.segments.add({ ...BROWSER });
    await addManualBlock(db, { start: at(6, 14), end: at(6, 15), label: 'B', class: 'creative', kind: 'writing' }, now);
    await addManualBlock(db, { start: at(4, 8), end: at(4, 9), label: 'A', class: 'neutral', kind: 'personal' }, now);
    await addManualBlock(
      db,
      { start: at(1, 8), end: at(1, 9), label: 'Earlier', class: 'creative', kind: 'writing' },
      now,
    );
    expect((await listManualBlocks(db, at(3, 0), at(10, 0))).map((b) => b.label)).toEqual(['A', 'B']);
  });
});
