/**
 * Stored calendar meetings (schema version 4): derived segments, "I skipped this one", refreshes
 * and re-imports that keep skips, re-judging by fingerprints, delete paths, and the upgrade from
 * version 3. TZ=Europe/Berlin (vitest.config.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { CreativeRatioDB, deleteAllData, deleteSegmentsBefore } from '@/lib/db';
import { deleteImport, importCalendar, reapplyMeetingClasses } from '@/lib/db/calendar';
import {
  clearSkippedMeetings,
  countSkippedMeetings,
  hasLegacyCalendarTime,
  meetingsBetween,
  skipMeeting,
  unskipMeeting,
} from '@/lib/db/meetings';
import { removeSubscription } from '@/lib/db/subscriptions';
import { makeImportId } from '@/lib/calendar/import-id';
import { planFromText, type ImportPlan } from '@/lib/calendar/plan-import';
import { makeMeetingRule, type MeetingClassRule } from '@/lib/calendar/meeting-classes';
import { summarizeDay } from '@/lib/report/daily';
import type { Segment } from '@/lib/model';
import {
  WEEKLY,
  WORKSHOP,
  addFeedSubscription,
  calendar,
  fixture,
  options,
  refreshSubscription,
} from '../calendar/helpers';

let db: CreativeRatioDB;
beforeEach(async () => {
  db = new CreativeRatioDB(`meetings-${Math.random()}`);
  await db.open();
});

const H = 3_600_000;
const TEXT = calendar(WEEKLY, WORKSHOP);

function plan(text: string, importId: string, patch: Parameters<typeof options>[0] = {}): ImportPlan {
  const r = planFromText(text, options({ importId, keepTitles: false, ...patch }));
  if (!r.ok) throw new Error(r.error.message);
  return r.plan;
}

async function calendarSegments(importId?: string): Promise<Segment[]> {
  const all = await db.segments.where('source').equals('calendar').sortBy('start');
  return importId ? all.filter((s) => s.importId === importId) : all;
}

const strip = (s: Segment) => ({ start: s.start, end: s.end, day: s.day, label: s.label, override: s.override });
const tue = (d: number) => Date.UTC(2025, 2, d, 9);

describe('derived segments', () => {
  it('a plain import stores exactly the segments it stored before version 4, and one meeting row per occurrence', async () => {
    for (const file of ['google-calendar.ics', 'outlook-calendar.ics']) {
      const id = makeImportId(file, 1_741_000_000_000);
      const p = plan(fixture(file), id, { keepTitles: true });
      const r = await importCalendar(db, { segments: p.segments, meetings: p.meetings, importId: id });
      expect(r.added).toBe(p.segments.length);
      expect((await calendarSegments(id)).map(strip)).toEqual(p.segments.map(strip));
      expect(await db.meetings.where('importId').equals(id).count()).toBe(p.meetingCount);
    }
  });

  it('meeting rows hold fingerprints, not the UID, organizer or title (titles not kept)', async () => {
    const id = makeImportId('Work', 1);
    const p = plan(TEXT, id);
    await importCalendar(db, { segments: p.segments, meetings: p.meetings, importId: id });
    const raw = JSON.stringify(await db.meetings.toArray());
    for (const secret of ['weekly-sync', 'acme', 'lead@', 'Team sync', 'Quarterly', 'agency'])
      expect(raw).not.toContain(secret);
  });
});

describe('I skipped this one', () => {
  it('drops the occurrence from the segments, lets that hour’s browser time count, and Undo restores it', async () => {
    const id = makeImportId('Work', 1);
    const p = plan(TEXT, id);
    await importCalendar(db, { segments: p.segments, meetings: p.meetings, importId: id });
    // Browser time in the meeting hour of 11 March: writing in Google Docs.
    await db.segments.add({
      start: tue(11),
      end: tue(11) + H,
      day: '2025-03-11',
      host: 'docs.google.com',
      path: '/document/d/*/edit',
      source: 'browser',
      lane: 'focus',
    });
    const docsMs = async () => {
      const day = summarizeDay(await db.segments.toArray(), new Date(2025, 2, 11));
      return day.entries.filter((e) => e.host === 'docs.google.com').reduce((n, e) => n + e.ms, 0);
    };
    expect(await docsMs()).toBe(0); // the meeting overrides the browser

    const day = await meetingsBetween(db, new Date(2025, 2, 11).getTime(), new Date(2025, 2, 12).getTime());
    expect(day).toHaveLength(1);
    expect(day[0]).toMatchObject({ start: tue(11), end: tue(11) + H, title: null, skipped: false });
    await skipMeeting(db, day[0]!.occ, 1000);

    expect((await calendarSegments(id)).map((s) => s.start)).toEqual([
      tue(4),
      Date.UTC(2025, 2, 5, 13),
      tue(18),
      tue(25),
    ]);
    expect(await docsMs()).toBe(H);
    expect(await countSkippedMeetings(db)).toBe(1);
    expect((await meetingsBetween(db, tue(11) - H, tue(11) + H))[0]!.skipped).toBe(true);

    await unskipMeeting(db, day[0]!.occ);
    expect((await calendarSegments(id)).map(strip)).toEqual(p.segments.map(strip));
    expect(await docsMs()).toBe(0);
    expect(await countSkippedMeetings(db)).toBe(0);
  });

  it('a skipped meeting inside a merged block leaves the rest of the block', async () => {
    const overlap = [
      'UID:call-2@acme.com',
      'DTSTART:20250305T140000Z',
      'DTEND:20250305T160000Z',
      'SUMMARY:Client call',
      'ORGANIZER:mailto:lead@acme.com',
      'ATTENDEE:mailto:me@acme.com',
    ];
    const id = makeImportId('Work', 1);
    const p = plan(calendar(WEEKLY, WORKSHOP, overlap), id);
    await importCalendar(db, { segments: p.segments, meetings: p.meetings, importId: id });
    const wed = await meetingsBetween(db, new Date(2025, 2, 5).getTime(), new Date(2025, 2, 6).getTime());
    expect(wed).toHaveLength(2);
    expect((await calendarSegments(id)).filter((s) => s.day === '2025-03-05').map((s) => [s.start, s.end])).toEqual([
      [Date.UTC(2025, 2, 5, 13), Date.UTC(2025, 2, 5, 16)],
    ]);
    await skipMeeting(db, wed[0]!.occ, 1);
    expect((await calendarSegments(id)).filter((s) => s.day === '2025-03-05').map((s) => [s.start, s.end])).toEqual([
      [Date.UTC(2025, 2, 5, 14), Date.UTC(2025, 2, 5, 16)],
    ]);
  });

  it('survives a re-import of the same file, and a delete of the import removes meetings and skips', async () => {
    const first = makeImportId('Work', 1);
    const p1 = plan(TEXT, first);
    await importCalendar(db, { segments: p1.segments, meetings: p1.meetings, importId: first });
    await skipMeeting(db, p1.meetings.find((m) => m.start === tue(18))!.occ, 1);

    const second = makeImportId('Work', 2);
    const p2 = plan(TEXT, second);
    const r = await importCalendar(db, {
      segments: p2.segments,
      meetings: p2.meetings,
      importId: second,
      replaceSameName: true,
    });
    expect(r.replaced).toEqual([first]);
    expect(await db.meetings.where('importId').equals(first).count()).toBe(0);
    expect((await calendarSegments()).map((s) => s.start)).toEqual([
      tue(4),
      Date.UTC(2025, 2, 5, 13),
      tue(11),
      tue(25),
    ]);
    expect(await countSkippedMeetings(db)).toBe(1);

    await deleteImport(db, second);
    expect(await db.meetings.count()).toBe(0);
    expect(await db.meetingSkips.count()).toBe(0);
    expect(await calendarSegments()).toEqual([]);
  });

  it('survives a subscription refresh that brings the occurrence back; removing the subscription removes all', async () => {
    const sub = await addFeedSubscription(db);
    const refresh = (text: string) => refreshSubscription(db, sub, plan(text, sub.importId));
    await refresh(TEXT);
    const occ = (await meetingsBetween(db, tue(11), tue(11) + 1))[0]!.occ;
    await skipMeeting(db, occ, 1);
    await refresh(TEXT);
    await refresh(TEXT);
    expect((await calendarSegments(sub.importId)).map((s) => s.start)).toEqual([
      tue(4),
      Date.UTC(2025, 2, 5, 13),
      tue(18),
      tue(25),
    ]);
    expect((await meetingsBetween(db, tue(11), tue(11) + 1))[0]!.skipped).toBe(true);

    await removeSubscription(db, sub.id);
    expect(await db.meetings.count()).toBe(0);
    expect(await db.meetingSkips.count()).toBe(0);
    expect(await calendarSegments()).toEqual([]);
  });

  it('Clear counts every skipped meeting again', async () => {
    const id = makeImportId('Work', 1);
    const p = plan(TEXT, id);
    await importCalendar(db, { segments: p.segments, meetings: p.meetings, importId: id });
    for (const m of p.meetings.slice(0, 3)) await skipMeeting(db, m.occ, 1);
    expect(await countSkippedMeetings(db)).toBe(3);
    expect(await clearSkippedMeetings(db)).toBe(3);
    expect((await calendarSegments(id)).map(strip)).toEqual(p.segments.map(strip));
  });

  it('a skip that fails leaves the database as it was', async () => {
    const id = makeImportId('Work', 1);
    const p = plan(TEXT, id);
    await importCalendar(db, { segments: p.segments, meetings: p.meetings, importId: id });
    const before = await db.segments.toArray();
    await expect(skipMeeting(db, '0000000000000000', 1)).rejects.toThrow(/no longer stored/);
    expect(await db.segments.toArray()).toEqual(before);
    expect(await db.meetingSkips.count()).toBe(0);
  });
});

describe('re-judging stored meetings when rules change', () => {
  const rule = (match: 'title' | 'series' | 'organizer', value: string, kind: 'research' | 'design' = 'research') =>
    makeMeetingRule(`rule:${match}`, match, value, 'creative', kind)!;

  it.each<[string, MeetingClassRule]>([
    ['a series rule', rule('series', 'weekly-sync@acme.com')],
    ['an organizer rule', rule('organizer', 'lead@acme.com')],
    ['a domain rule', rule('organizer', '@acme.com')],
    ['a title rule (titles not kept)', rule('title', 'team sync')],
  ])('%s re-judges the stored meetings without titles', async (_name, r) => {
    const id = makeImportId('Work', 1);
    const p = plan(TEXT, id);
    await importCalendar(db, { segments: p.segments, meetings: p.meetings, importId: id });
    expect(await reapplyMeetingClasses(db, [r])).toBe(4);
    const segs = await calendarSegments(id);
    expect(segs.filter((s) => s.override?.class === 'creative').map((s) => s.start)).toEqual([
      tue(4),
      tue(11),
      tue(18),
      tue(25),
    ]);
    expect(segs.find((s) => s.start === Date.UTC(2025, 2, 5, 13))!.override).toEqual({
      class: 'coordination',
      kind: 'meetings',
    });
    // The labels stay "Meeting": nothing readable was needed.
    expect(new Set(segs.map((s) => s.label))).toEqual(new Set(['Meeting']));
    // Taking the rule away undoes it; skips stay in force while re-judging.
    await skipMeeting(db, p.meetings.find((m) => m.start === tue(18))!.occ, 1);
    expect(await reapplyMeetingClasses(db, [])).toBe(4);
    const after = await calendarSegments(id);
    expect(after.every((s) => s.override?.class === 'coordination')).toBe(true);
    expect(after.map((s) => s.start)).not.toContain(tue(18));
  });

  it('equals a fresh import under the new rules', async () => {
    const id = makeImportId('Work', 1);
    const p = plan(TEXT, id);
    await importCalendar(db, { segments: p.segments, meetings: p.meetings, importId: id });
    const rules = [rule('organizer', '@agency.io', 'design'), rule('title', 'sync')];
    await reapplyMeetingClasses(db, rules);
    const fresh = plan(TEXT, id, { meetingClasses: rules });
    expect((await calendarSegments(id)).map(strip)).toEqual(fresh.segments.map(strip));
  });
});

describe('delete paths', () => {
  async function seed() {
    const id = makeImportId('Work', 1);
    const p = plan(TEXT, id);
    await importCalendar(db, { segments: p.segments, meetings: p.meetings, importId: id });
    await skipMeeting(db, p.meetings[0]!.occ, 1);
    await skipMeeting(db, p.meetings[4]!.occ, 1);
  }

  it('Delete all data removes meetings and skips', async () => {
    await seed();
    await deleteAllData(db);
    expect(await db.meetings.count()).toBe(0);
    expect(await db.meetingSkips.count()).toBe(0);
  });

  it('retention removes the meetings and skips it deletes the segments of', async () => {
    await seed();
    const cutoff = new Date(2025, 2, 12).getTime();
    await deleteSegmentsBefore(db, cutoff);
    const left = await db.meetings.toArray();
    expect(left.map((m) => m.start).sort()).toEqual([tue(18), tue(25)]);
    expect((await db.meetingSkips.toArray()).map((s) => s.start)).toEqual([tue(25)]);
    expect(await db.segments.where('start').below(cutoff).count()).toBe(0);
  });
});

describe('schema version 4', () => {
  it('a version 3 database opens with the meetings tables empty and its calendar segments working', async () => {
    const name = `v3-${Math.random()}`;
    const seg = {
      id: 7,
      start: tue(4),
      end: tue(4) + H,
      day: '2025-03-04',
      host: '',
      path: '',
      source: 'calendar',
      lane: 'focus',
      label: 'Design review',
      override: { class: 'coordination', kind: 'meetings' },
      importId: 'ics:Old:1',
    };
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(name, 30);
      req.onupgradeneeded = () => {
        const idb = req.result;
        const segments = idb.createObjectStore('segments', { keyPath: 'id', autoIncrement: true });
        for (const i of ['start', 'day', 'source', 'importId']) segments.createIndex(i, i);
        segments.createIndex('[host+path]', ['host', 'path']);
        idb.createObjectStore('rules', { keyPath: 'id', autoIncrement: true }).createIndex('order', 'order');
        for (const t of ['settings', 'tracker', 'status']) idb.createObjectStore(t, { keyPath: 'key' });
        idb.createObjectStore('reviews', { keyPath: 'week' });
        idb.createObjectStore('packs', { keyPath: 'bucket' });
        idb.createObjectStore('plans', { keyPath: 'week' });
        segments.add(seg);
      };
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
    const old = new CreativeRatioDB(name);
    await old.open();
    expect(old.verno).toBe(4);
    expect(await old.segments.toArray()).toEqual([seg]);
    expect(await old.meetings.count()).toBe(0);
    expect(await old.meetingSkips.count()).toBe(0);
    expect(await hasLegacyCalendarTime(old, tue(4) - H, tue(4) + H)).toBe(true);
    expect(await meetingsBetween(old, tue(4) - H, tue(4) + H)).toEqual([]);
    // Rules still re-apply to it by its kept title.
    expect(
      await reapplyMeetingClasses(old, [makeMeetingRule('rule:1', 'title', 'design review', 'creative', 'design')!]),
    ).toBe(1);
    expect((await old.segments.get(7))!.override).toEqual({ class: 'creative', kind: 'design' });
    old.close();
  });
});
