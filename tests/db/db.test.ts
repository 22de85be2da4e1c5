import { beforeEach, describe, expect, it } from 'vitest';
import {
  CreativeRatioDB,
  deleteAllData,
  deleteSegmentsBefore,
  getReview,
  loadSettings,
  saveReview,
  segmentsOverlapping,
  setSegmentOverride,
  updateSettings,
} from '@/lib/db';
import type { Segment } from '@/lib/model';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const H = 3600_000;
const T0 = Date.UTC(2026, 10, 23, 8);
let db: CreativeRatioDB;

function seg(start: number, end: number, host = 'docs.google.com'): Segment {
  return { start, end, day: '2026-11-23', host, path: '', source: 'browser', lane: 'focus' };
}

beforeEach(async () => {
  db = new CreativeRatioDB(`db-${Math.random()}`);
  await db.open();
});

describe('settings', () => {
  it('defaults when nothing is stored', async () => {
    expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  it('merges updates, validates values and survives a reopen', async () => {
    await updateSettings(db, {
      idleThresholdSec: 5,
      targetShare: 0.4,
      excludedHosts: [' Bank.example ', 'bank.example'],
    });
    const reopened = new CreativeRatioDB(db.name);
    const s = await loadSettings(reopened);
    expect(s.idleThresholdSec).toBe(15); // clamped to chrome.idle's minimum
    expect(s.targetShare).toBe(0.4);
    expect(s.excludedHosts).toEqual(['bank.example']);
  });

  it('ignores prototype-polluting input', async () => {
    const evil = JSON.parse('{"__proto__": {"polluted": true}, "targetShare": 0.3}');
    await updateSettings(db, evil);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await loadSettings(db)).targetShare).toBe(0.3);
  });
});

describe('segments', () => {
  it('finds segments overlapping a range, including one that starts before it', async () => {
    await db.segments.bulkAdd([seg(T0, T0 + H), seg(T0 + 2 * H, T0 + 3 * H), seg(T0 + 5 * H, T0 + 6 * H)]);
    const found = await segmentsOverlapping(db, T0 + 0.5 * H, T0 + 4 * H);
    expect(found.map((s) => s.start)).toEqual([T0, T0 + 2 * H]);
  });

  it('sets and clears a per-segment override', async () => {
    const id = await db.segments.add(seg(T0, T0 + H, 'app.slack.com'));
    await setSegmentOverride(db, id!, { class: 'creative', kind: 'research' });
    expect((await db.segments.get(id!))?.override).toEqual({ class: 'creative', kind: 'research' });
    await setSegmentOverride(db, id!, null);
    expect((await db.segments.get(id!))?.override).toBeUndefined();
    await expect(setSegmentOverride(db, 999, null)).rejects.toThrow(/no longer exists/);
  });

  it('retention deletes only what ended before the cut-off', async () => {
    await db.segments.bulkAdd([seg(T0, T0 + H), seg(T0 + H, T0 + 3 * H), seg(T0 + 4 * H, T0 + 5 * H)]);
    expect(await deleteSegmentsBefore(db, T0 + 2 * H)).toBe(1);
    expect(await db.segments.count()).toBe(2);
  });

  it('delete all data removes segments, rules, reviews and settings', async () => {
    await db.segments.add(seg(T0, T0 + H));
    await saveReview(db, '2026-11-23', 'note', T0);
    await updateSettings(db, { targetShare: 0.2 });
    await deleteAllData(db);
    expect(await db.segments.count()).toBe(0);
    expect(await getReview(db, '2026-11-23')).toBeNull();
    expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('reviews', () => {
  it('saves a note per week and rejects an over-long one without losing the saved note', async () => {
    await saveReview(db, '2026-11-23', 'Protect Tuesday mornings.', T0);
    await expect(saveReview(db, '2026-11-23', 'x'.repeat(20_001), T0)).rejects.toThrow(/too long/);
    expect((await getReview(db, '2026-11-23'))?.note).toBe('Protect Tuesday mornings.');
  });
});
