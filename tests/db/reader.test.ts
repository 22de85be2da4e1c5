/**
 * The pages' one door for reads (lib/db/read/reader.ts) on fake-indexeddb: watches fire on writes,
 * every watch of a reader shares its caches, an unsubscribed watch does no more work, and the
 * tracker's writes to today show up in the current week, and every writer that changes an open
 * week (a skip and its Undo, a meeting rule re-judging stored meetings, a manual block, a restore)
 * is seen by its watch.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CreativeRatioDB, setSegmentOverride } from '@/lib/db';
import { createBackup, parseBackupFor, restoreBackup } from '@/lib/db/backup';
import { addManualBlock } from '@/lib/db/manual';
import { meetingTables, rederiveImport, rejudgeMeetings, skipMeeting, unskipMeeting } from '@/lib/db/meetings';
import { makeMeetingRule } from '@/lib/calendar/meeting-classes';
import { storedMeeting } from '@/lib/calendar/meeting-fingerprints';
import { EarlyStore } from '@/lib/db/read/early';
import { createReader, readerFor, weekData, type Reader, type WeekOptions } from '@/lib/db/read/reader';
import { UiCacheDB } from '@/lib/db/read/summary-cache';
import { createClassifier } from '@/lib/classify';
import type { Segment } from '@/lib/model';
import { TREND_WEEKS, type ReportClassifier } from '@/lib/report';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { shiftWeek, weekBounds, weekKeyOf } from '@/lib/time/week';

const H = 3_600_000;
const DAY = 24 * H;
// Monday 23 November 2026, local time.
const MONDAY = new Date(2026, 10, 23).getTime();
const WEEK = weekKeyOf(MONDAY, 1);
const LAST_WEEK = shiftWeek(WEEK, -1, 1);

const classify = createClassifier([]);
const classifier: ReportClassifier = { classify: (host, path, at) => classify.classify(host, path, at) };

function seg(start: number, minutes = 30, host = 'docs.google.com'): Segment {
  const d = new Date(start);
  const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { start, end: start + minutes * 60_000, day, host, path: '', source: 'browser', lane: 'focus' };
}

let db: CreativeRatioDB;
let cacheDb: UiCacheDB;
let reader: Reader;
const idle: Array<() => void> = [];

beforeEach(async () => {
  const name = `reader-${Math.random()}`;
  db = new CreativeRatioDB(name);
  await db.open();
  cacheDb = new UiCacheDB(`${name}-cache`);
  // Idle work runs when the test says so (flushIdle), so each test sees exactly what it asks for.
  reader = createReader(db, {
    cacheDb,
    early: new EarlyStore(name),
    whenIdle: (fn) => {
      idle.push(fn);
      return () => {
        const i = idle.indexOf(fn);
        if (i >= 0) idle.splice(i, 1);
      };
    },
  });
});

afterEach(() => {
  idle.length = 0;
  db.close();
  cacheDb.close();
});

function flushIdle(): void {
  for (const fn of idle.splice(0)) fn();
}

/** Resolves once `get()` satisfies `ok` (checked after each notification), with that value. */
function until<T>(watch: { subscribe(fn: () => void): () => void; get(): T }, ok: (v: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const check = () => {
      const v = watch.get();
      if (ok(v)) {
        queueMicrotask(() => off());
        resolve(v);
      }
    };
    const off = watch.subscribe(check);
    check();
  });
}

const opts = (now: number): WeekOptions => ({ now, weekStartsOn: 1, settings: DEFAULT_SETTINGS, classifier });

describe('the reader', () => {
  it('gives a finished week its report and re-reads it on a write in the week (and on an override)', async () => {
    const [id] = (await db.segments.bulkAdd([seg(MONDAY + 9 * H), seg(MONDAY + DAY + 10 * H)], {
      allKeys: true,
    })) as number[];
    const watch = reader.week(WEEK, opts(MONDAY + 8 * DAY));
    const calls: number[] = [];
    const off = watch.subscribe(() => calls.push(watch.get()?.segments.length ?? -1));
    const first = await until(watch, (v) => v !== undefined);
    expect(first!.week).toBe(WEEK);
    expect(first!.segments).toHaveLength(2);
    expect(first!.report.trackedMs).toBe(60 * 60_000);
    // Stable while nothing changed: the same object, not an equal one.
    expect(watch.get()).toBe(first);

    await db.segments.add(seg(MONDAY + 2 * DAY + 9 * H, 60));
    const second = await until(watch, (v) => v!.segments.length === 3);
    expect(second!.report.trackedMs).toBe(120 * 60_000);
    expect(calls.at(-1)).toBe(3);

    await setSegmentOverride(db, id!, { class: 'creative', kind: 'research' });
    const third = await until(watch, (v) => v!.segments[0]!.override?.kind === 'research');
    expect(third).not.toBe(second);
    off();
  });

  it('shares one cache: a second watch of the same week (or through readerFor) needs no read', async () => {
    await db.segments.bulkAdd([seg(MONDAY + 9 * H)]);
    const a = reader.week(WEEK, opts(MONDAY + 8 * DAY));
    const offA = a.subscribe(() => undefined);
    const viewA = await until(a, (v) => v !== undefined);
    // Another watch (another component, or the next 30-second tick) has the week at once, with the same rows.
    const b = reader.week(WEEK, opts(MONDAY + 8 * DAY + 30_000));
    expect(b.get()!.segments).toBe(viewA!.segments);
    // The finished week's report is computed once per rows, classifier and settings.
    expect(b.get()!.report).toBe(viewA!.report);
    offA();
    // One reader per database.
    expect(readerFor(db)).toBe(readerFor(db));
    expect(readerFor(db)).not.toBe(reader);
  });

  it('stops calling back (and watching) once unsubscribed', async () => {
    await db.segments.bulkAdd([seg(MONDAY + 9 * H)]);
    const watch = reader.week(WEEK, opts(MONDAY + 8 * DAY));
    let calls = 0;
    const off = watch.subscribe(() => (calls += 1));
    await until(watch, (v) => v !== undefined);
    off();
    const before = calls;
    // Enough other weeks watched that the idle one is dropped (least recently used first).
    const others = Array.from({ length: 14 }, (_, i) => reader.week(shiftWeek(WEEK, -2 - i, 1), opts(MONDAY)));
    for (const w of others) w.subscribe(() => undefined)();
    await db.segments.add(seg(MONDAY + DAY + 9 * H));
    await new Promise((r) => setTimeout(r, 100));
    expect(calls).toBe(before);
    // Watched again: read again, with the write.
    const again = reader.week(WEEK, opts(MONDAY + 8 * DAY));
    expect(again.get()).toBeUndefined();
    const off2 = again.subscribe(() => undefined);
    expect((await until(again, (v) => v !== undefined))!.segments).toHaveLength(2);
    off2();
  });

  it('shows a live write to today in the current week, re-reading today only', async () => {
    const now = MONDAY + 2 * DAY + 15 * H; // Wednesday afternoon
    await db.segments.bulkAdd([seg(MONDAY + 9 * H), seg(MONDAY + 2 * DAY + 9 * H)]);
    const watch = reader.week(WEEK, opts(now));
    const off = watch.subscribe(() => undefined);
    const first = await until(watch, (v) => v !== undefined);
    expect(first!.segments).toHaveLength(2);
    const monday = first!.segments[0]!;

    await db.segments.add(seg(MONDAY + 2 * DAY + 11 * H, 45));
    const next = await until(watch, (v) => v!.segments.length === 3);
    expect(next!.report.trackedMs).toBe((30 + 30 + 45) * 60_000);
    // The days before today were not read again: the very same row objects.
    expect(next!.segments[0]).toBe(monday);
    off();
  });

  it('prefetches the neighbours when idle, so Previous has its report at once', async () => {
    await db.segments.bulkAdd([seg(MONDAY - 7 * DAY + 9 * H), seg(MONDAY + 9 * H)]);
    const now = MONDAY + 14 * DAY;
    const watch = reader.week(WEEK, opts(now));
    const off = watch.subscribe(() => undefined);
    await until(watch, (v) => v !== undefined);
    expect(reader.week(LAST_WEEK, opts(now)).get()).toBeUndefined();
    flushIdle(); // start reading the neighbours
    await new Promise((r) => setTimeout(r, 50));
    flushIdle(); // compute their reports
    const previous = reader.week(LAST_WEEK, opts(now)).get();
    expect(previous?.segments).toHaveLength(1);
    off();
  });

  it('builds the trend from the earlier weeks, keeps it across watches, and forgets a week on request', async () => {
    await db.segments.bulkAdd([seg(MONDAY - 7 * DAY + 9 * H, 60), seg(MONDAY - 14 * DAY + 9 * H, 30)]);
    const trendOpts = { weekStartsOn: 1 as const, workingHours: DEFAULT_SETTINGS.workingHours, classifier };
    const trend = reader.trend(WEEK, trendOpts);
    const off = trend.subscribe(() => undefined);
    const points = await until(trend, (v) => v !== null);
    expect(points).toHaveLength(TREND_WEEKS);
    expect(points!.at(-2)!.trackedMs).toBe(60 * 60_000);
    expect(points!.at(-3)!.trackedMs).toBe(30 * 60_000);
    // The summaries were stored for the next visit.
    expect(await cacheDb.weeks.count()).toBe(TREND_WEEKS - 1);

    // A second watch (the next render) has it at once.
    expect(reader.trend(WEEK, trendOpts).get()).toBe(points);

    // An override keeps every id: the page says so, and the trend is summarised again.
    await reader.forgetWeekAt(MONDAY - 7 * DAY + 9 * H);
    expect(trend.get()).toBeNull();
    const again = await until(trend, (v) => v !== null);
    expect(again!.at(-2)!.trackedMs).toBe(60 * 60_000);

    // The shown week's point is its report.
    const week = reader.week(WEEK, opts(MONDAY + 8 * DAY));
    const offWeek = week.subscribe(() => undefined);
    const view = await until(week, (v) => v !== undefined);
    const data = weekData(view!, again, 0);
    expect(data.trend!.at(-1)!.week).toBe(WEEK);
    expect(data.trend!.at(-1)!.trackedMs).toBe(view!.report.trackedMs);
    expect(data.comparison).not.toBeNull();
    offWeek();
    off();
  });

  it('calls back with the value (watchWeek) until unsubscribed', async () => {
    await db.segments.bulkAdd([seg(MONDAY + 9 * H)]);
    const seen: number[] = [];
    let resolveFirst = () => undefined as void;
    const first = new Promise<void>((r) => (resolveFirst = r));
    const off = reader.watchWeek(WEEK, opts(MONDAY + 8 * DAY), (view) => {
      if (view) seen.push(view.segments.length);
      if (view) resolveFirst();
    });
    await first;
    const more = new Promise<void>((r) => {
      const stop = reader.watchWeek(WEEK, opts(MONDAY + 8 * DAY), (view) => {
        if (view?.segments.length === 2) {
          stop();
          r();
        }
      });
    });
    await db.segments.add(seg(MONDAY + DAY + 9 * H));
    await more;
    off();
    await db.segments.add(seg(MONDAY + 2 * DAY + 9 * H));
    await new Promise((r) => setTimeout(r, 100));
    expect(seen[0]).toBe(1);
    expect(seen).toContain(2);
    expect(seen).not.toContain(3);
  });

  it('takes the early read of the opening week and keeps its rows when the live read is equal', async () => {
    await db.segments.bulkAdd([seg(MONDAY + 9 * H)]);
    const now = MONDAY + 8 * DAY;
    // The raw read needs a closed connection to see the schema as Dexie left it; Dexie reopens.
    await reader.primeWeek(WEEK, now, 'en-GB');
    const watch = reader.week(WEEK, opts(now));
    const seeded = watch.get();
    expect(seeded?.segments).toHaveLength(1);
    const off = watch.subscribe(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
    expect(watch.get()!.segments).toBe(seeded!.segments);
    expect(weekBounds(WEEK).start).toBe(MONDAY);
    off();
  });

  it('sees every writer that changes the open current week: skip, Undo, a rule re-judging meetings, a manual block, a restore', async () => {
    const WED = MONDAY + 2 * DAY;
    const NOW = WED + 15 * H;
    // Docs Monday 9–10 and Tuesday 10–11; "Campaign sync" 10–11 Monday to Wednesday, from one import.
    await db.segments.bulkAdd([seg(MONDAY + 9 * H, 60), seg(MONDAY + DAY + 10 * H, 60)]);
    const importId = 'ics:Work:1';
    await db.meetings.bulkAdd(
      [0, 1, 2].map((d) =>
        storedMeeting(
          { title: 'Campaign sync', uid: 'campaign-sync@acme.example', organizer: 'lead@acme.example' },
          `t${MONDAY + d * DAY + 10 * H}`,
          {
            start: MONDAY + d * DAY + 10 * H,
            end: MONDAY + d * DAY + 11 * H,
            importId,
            keepTitles: false,
            override: { class: 'coordination', kind: 'meetings' },
          },
        ),
      ),
    );
    await db.transaction('rw', meetingTables(db), () => rederiveImport(db, importId));
    const tuesday = (await db.meetings
      .where('start')
      .equals(MONDAY + DAY + 10 * H)
      .first())!;

    // The current week is read as two ranges (the days before today, and today): Tuesday is in the first.
    const watch = reader.week(WEEK, opts(NOW));
    const off = watch.subscribe(() => undefined);
    const share = (v: ReturnType<typeof watch.get>) => Math.round(v!.report.creativeShare! * 100);
    const creative = async (want: number) => share(await until(watch, (v) => v !== undefined && share(v) === want));
    // 1 h of Docs against 3 h of meetings (Tuesday's hides the Docs hour).
    expect(await creative(25)).toBe(25);
    const backup = await createBackup(db);

    await skipMeeting(db, tuesday.occ, NOW);
    expect(await creative(50)).toBe(50);
    await unskipMeeting(db, tuesday.occ);
    expect(await creative(25)).toBe(25);

    // A title rule re-judges the stored meetings: every hour of the week is creative now.
    const rule = makeMeetingRule('rule:1', 'title', 'campaign sync', 'creative', 'research')!;
    await rejudgeMeetings(db, [rule]);
    expect(await creative(100)).toBe(100);
    await rejudgeMeetings(db, []);
    expect(await creative(25)).toBe(25);

    // A manual block of coordination, Wednesday 13–15 (before now): 1 of 6 h.
    await addManualBlock(
      db,
      { start: WED + 13 * H, end: WED + 15 * H, label: 'Budget', class: 'coordination', kind: 'meetings' },
      NOW,
    );
    expect(await creative(17)).toBe(17);

    // Restoring the backup made before (replace) brings the week back as it was.
    const parsed = parseBackupFor(db, backup.parts.join(''), NOW);
    if (!parsed.ok) throw new Error(parsed.error.message);
    await restoreBackup(db, parsed.backup, { mode: 'replace' });
    expect(await creative(25)).toBe(25);
    off();
  });
});
