/**
 * No file can freeze the page: the hostile shapes of issue #10, each read through the same
 * entry point the worker and the service worker use (readCalendar), each ending in bounded time
 * with a clear error that names the event (UID and line) or the zone, and importing nothing.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET } from '@/lib/calendar/budget';
import { readCalendar } from '@/lib/calendar/read-calendar';
import { openCalendarSession } from '@/lib/calendar/worker-client';
import { calendar, WINDOW } from './helpers';

const NOW = new Date(2025, 3, 1).getTime();
const read = (text: string, extra: Partial<Parameters<typeof readCalendar>[1]> = {}) =>
  readCalendar(text, { ...WINDOW, now: NOW, ...extra });

function timed<T>(f: () => T): { result: T; ms: number } {
  const t0 = performance.now();
  const result = f();
  return { result, ms: performance.now() - t0 };
}

/** A loose guard: the budget's own limit plus slack for a loaded test machine. */
const BOUND_MS = DEFAULT_BUDGET.ms + 5_000;

describe('hostile files end quickly with a clear error', () => {
  it('200 events with COUNT=1000000000 from year 0001 (26 kB): skipped as implausible, and the file has nothing else', () => {
    const events = Array.from({ length: 200 }, (_, i) => [
      `UID:ancient-${i}`,
      'SUMMARY:Sync',
      'DTSTART:00010101T090000Z',
      'DURATION:PT1H',
      'RRULE:FREQ=DAILY;COUNT=1000000000',
    ]);
    const text = calendar(...events);
    expect(text.length).toBeGreaterThan(20_000);
    const { result, ms } = timed(() => read(text));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toMatch(
        /^All 200 events of this file start outside 2000-01-01 … 2026-04-0\d \(before 2000 or more than a year from now\)\. Nothing was imported\.$/,
      );
  });

  it('the same 200 rules from 2000: the file-wide instance budget stops them, naming the event', () => {
    const events = Array.from({ length: 200 }, (_, i) => [
      `UID:count-${i}`,
      'SUMMARY:Sync',
      'DTSTART:20000101T090000Z',
      'DURATION:PT1H',
      'RRULE:FREQ=DAILY;COUNT=1000000000',
    ]);
    const { result, ms } = timed(() => read(calendar(...events)));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toMatch(
        /^The event on line \d+ \(UID "count-\d+"\) repeats too often: the file would need more than [\d,]+ repetitions to read\. Nothing was imported\.$/,
      );
  });

  it('one event on every weekday × 1,440 times a day (BYHOUR × BYMINUTE): refused before expanding', () => {
    const hours = Array.from({ length: 24 }, (_, h) => h).join(',');
    const minutes = Array.from({ length: 60 }, (_, m) => m).join(',');
    const text = calendar([
      'UID:dense',
      'SUMMARY:Ping',
      'DTSTART:20250303T000000Z',
      'DURATION:PT1M',
      `RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=${hours};BYMINUTE=${minutes}`,
    ]);
    const { result, ms } = timed(() => read(text));
    expect(ms).toBeLessThan(2_000);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toBe(
        'The event on line 4 (UID "dense") repeats too densely: 10,080 times in one period of its rule (at most 2,000). Nothing was imported.',
      );
  });

  it('a VTIMEZONE with 300 observances: refused, naming the zone', () => {
    const observances = Array.from({ length: 300 }, (_, i) => [
      i % 2 ? 'BEGIN:DAYLIGHT' : 'BEGIN:STANDARD',
      `DTSTART:${1700 + i}0101T020000`,
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
      i % 2 ? 'END:DAYLIGHT' : 'END:STANDARD',
    ]).flat();
    const text = calendar([
      'UID:tz',
      'SUMMARY:Sync',
      'DTSTART;TZID=Hostile Zone:20250305T100000',
      'DURATION:PT1H',
    ]).replace(
      'PRODID:-//Test//Test//EN',
      ['PRODID:-//Test//Test//EN', 'BEGIN:VTIMEZONE', 'TZID:Hostile Zone', ...observances, 'END:VTIMEZONE'].join(
        '\r\n',
      ),
    );
    const { result, ms } = timed(() => read(text));
    expect(ms).toBeLessThan(5_000);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toBe(
        'The time zone "Hostile Zone" (line 4) has too many rule changes: the file\'s time zones hold more than 100 (STANDARD/DAYLIGHT). Nothing was imported.',
      );
  });

  it('one EXDATE line with 300,000 values: refused without overflowing the stack', () => {
    const values = Array.from(
      { length: 300_000 },
      (_, i) => `2025${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}T090000Z`,
    ).join(',');
    const text = calendar([
      'UID:exdates',
      'SUMMARY:Sync',
      'DTSTART:20250303T090000Z',
      'DURATION:PT1H',
      'RRULE:FREQ=DAILY',
      `EXDATE:${values}`,
    ]);
    const { result, ms } = timed(() => read(text));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toBe(
        'The event on line 4 (UID "exdates") lists too many dates: the file holds more than 50,000 excluded or extra dates (EXDATE/RDATE). Nothing was imported.',
      );
  });

  it('a file that takes longer than the time budget stops, naming where it was', () => {
    let t = 0;
    const events = Array.from({ length: 50 }, (_, i) => [
      `UID:slow-${i}`,
      'SUMMARY:Sync',
      'DTSTART:20250303T090000Z',
      'DURATION:PT1H',
    ]);
    const result = read(calendar(...events), { clock: () => (t += 1_000) });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toMatch(/^Reading the file took longer than 20 s\. Nothing was imported\.$/);
  });
});

describe('the plausible range (2000 … now + 1 year)', () => {
  it('events outside are skipped and counted; the rest is imported', () => {
    const text = calendar(
      ['UID:old', 'SUMMARY:Sync', 'DTSTART:19990101T090000Z', 'DURATION:PT1H', 'RRULE:FREQ=DAILY'],
      ['UID:far', 'SUMMARY:Sync', 'DTSTART:20990101T090000Z', 'DURATION:PT1H'],
      ['UID:ok', 'SUMMARY:Sync', 'DTSTART:20250304T090000Z', 'DURATION:PT1H'],
    );
    const r = read(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.calendar.outOfRange).toBe(2);
    expect(r.calendar.events.map((e) => e.uid)).toEqual(['ok']);
    expect(r.expanded.occurrences).toHaveLength(1);
    expect(r.calendar.problems.map((p) => p.message).join('\n')).toMatch(
      /^2 events starting outside 2000-01-01 … 2026-04-0\d \(before 2000 or more than a year from now\) were skipped\.$/m,
    );
  });
});

describe('openCalendarSession', () => {
  const text = calendar(['UID:a', 'SUMMARY:Sync', 'DTSTART:20250304T090000Z', 'DURATION:PT1H']);

  it('without a Worker (service worker, Node) runs the same reader in-process and reports progress up to 1', async () => {
    const seen: number[] = [];
    const r = await openCalendarSession(text, { ...WINDOW, now: NOW, onProgress: (d) => seen.push(d) });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.session.where).toBe('in-process');
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((d, i) => d >= 0 && d <= 1 && (i === 0 || d >= seen[i - 1]!))).toBe(true);
  });

  it('an aborted signal rejects with an AbortError', async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(openCalendarSession(text, { ...WINDOW, now: NOW, signal: ctrl.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
