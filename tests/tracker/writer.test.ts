/**
 * The tracker's writer (lib/db/tracker.ts) against fake-indexeddb: a step's checkpoint and segments
 * in one transaction, the capped queue while the database refuses writes, and what a new worker takes back.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CreativeRatioDB } from '@/lib/db/schema';
import { createTrackerWriter, describeDbError } from '@/lib/db/tracker';
import type { Segment } from '@/lib/model';
import { initialState } from '@/lib/tracker/state';
import { T0, SEC } from './helpers';

const seg = (i: number): Segment => ({
  start: T0 + i * 10 * SEC,
  end: T0 + (i + 1) * 10 * SEC,
  day: '2026-11-24',
  host: `h${i}.example`,
  path: '',
  source: 'browser',
  lane: 'focus',
});
const quota = () => Object.assign(new Error('Quota'), { name: 'QuotaExceededError' });

let db: CreativeRatioDB;
beforeEach(async () => {
  db = new CreativeRatioDB(`writer-${Math.random()}`);
  await db.open();
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

describe('tracker writer', () => {
  it('writes the checkpoint and the closed segments together', async () => {
    const w = createTrackerWriter(db);
    const state = { ...initialState(T0), lastSeen: T0 + 20 * SEC };
    const out = await w.write(state, [seg(0), seg(1)], T0 + 20 * SEC);
    expect(out).toEqual({ state, error: null });
    expect((await db.tracker.get('tracker'))?.state).toEqual(state);
    expect((await db.segments.toArray()).map((s) => s.host)).toEqual(['h0.example', 'h1.example']);
  });

  it('a refused step writes neither the checkpoint nor the segments (one transaction) and keeps them for the retry', async () => {
    const w = createTrackerWriter(db);
    await w.write(initialState(T0), [], T0);
    vi.spyOn(db.segments, 'bulkAdd').mockRejectedValueOnce(quota());
    const failed = await w.write({ ...initialState(T0), lastSeen: T0 + 10 * SEC }, [seg(0)], T0 + 10 * SEC);
    expect(failed.error).toMatch(/storage quota/);
    expect((await db.tracker.get('tracker'))?.state.lastSeen).toBe(T0); // the checkpoint was rolled back with the segments
    expect(await db.segments.count()).toBe(0);
    expect(await db.status.get('status')).toMatchObject({ since: T0 + 10 * SEC, pending: [seg(0)], lost: null });
    const retried = await w.write({ ...initialState(T0), lastSeen: T0 + 20 * SEC }, [seg(1)], T0 + 20 * SEC);
    expect(retried.error).toBeNull();
    expect((await db.segments.toArray()).map((s) => s.host)).toEqual(['h0.example', 'h1.example']);
    expect((await db.status.get('status'))?.error).toBeNull();
  });

  it('caps the queue: the oldest are dropped and counted once, the error says so', async () => {
    const w = createTrackerWriter(db, 2);
    vi.spyOn(db.segments, 'bulkAdd').mockRejectedValue(quota());
    let last: string | null = null;
    for (let i = 0; i < 5; i++) last = (await w.write(initialState(T0), [seg(i)], T0 + i)).error;
    expect(last).toMatch(/storage quota.* 1 older unsaved segments were dropped\./);
    const status = await db.status.get('status');
    expect(status?.pending.map((s) => s.host)).toEqual(['h3.example', 'h4.example']);
    expect(status?.lost).toMatchObject({ segments: 3, ms: 30 * SEC });
    expect(status?.since).toBe(T0); // the first refusal
  });

  it('a new worker takes back the refused segments and the checkpoint; forget() drops them', async () => {
    const first = createTrackerWriter(db);
    const state = { ...initialState(T0), lastSeen: T0 + 5 * SEC };
    await first.write(state, [], T0);
    vi.spyOn(db.segments, 'bulkAdd').mockRejectedValueOnce(quota());
    await first.write(state, [seg(0)], T0 + 10 * SEC);

    const second = createTrackerWriter(db);
    expect(await second.restore()).toEqual(state);
    await second.write(state, [seg(1)], T0 + 20 * SEC);
    expect((await db.segments.toArray()).map((s) => s.host)).toEqual(['h0.example', 'h1.example']);

    const third = createTrackerWriter(db);
    vi.spyOn(db.segments, 'bulkAdd').mockRejectedValueOnce(quota());
    await third.write(state, [seg(2)], T0 + 30 * SEC);
    third.forget();
    await third.write(state, [seg(3)], T0 + 40 * SEC);
    expect((await db.segments.toArray()).map((s) => s.host)).toEqual(['h0.example', 'h1.example', 'h3.example']);
  });

  it('restore() on an empty database and on an unreadable one: no checkpoint', async () => {
    expect(await createTrackerWriter(db).restore()).toBeNull();
    vi.spyOn(db.tracker, 'get').mockRejectedValueOnce(new Error('broken'));
    expect(await createTrackerWriter(db).restore()).toBeNull();
  });

  it.each<[string, unknown, RegExp]>([
    ['quota', quota(), /storage quota/],
    [
      'quota wrapped by Dexie',
      Object.assign(new Error('Abort'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } }),
      /storage quota/,
    ],
    [
      'anything else',
      Object.assign(new Error('boom'), { name: 'UnknownError' }),
      /^Could not save tracked time \(UnknownError: boom\)\. Tracking continues and will retry\.$/,
    ],
    ['not an Error', 'weird', /\(error: weird\)/],
  ])('describeDbError: %s', (_name, err, expected) => {
    expect(describeDbError(err)).toMatch(expected);
  });
});
