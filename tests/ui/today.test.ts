/**
 * The popup's today (lib/ui/today.ts): the first paint, drawn from the early raw read, shows the
 * very numbers the live query shows next — including a segment crossing midnight — in a fixed TZ.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { buildLiveClassifier } from '@/components/data/build-classifier';
import { CreativeRatioDB, segmentsOverlapping } from '@/lib/db';
import { readEarly } from '@/lib/db/read/early';
import { SCHEMA_VERSION } from '@/lib/db/schema';
import type { Segment } from '@/lib/model';
import { DEFAULT_SETTINGS, settingsFromStored } from '@/lib/settings';
import { todayFromEarly, todayView } from '@/lib/ui/today';
import { todayBounds, todayEarlyRange } from '@/lib/ui/today-range';
import { openSegmentsOf } from '@/lib/ui/tracking';

const M = 60_000;
const H = 60 * M;
// Tuesday 24 November 2026, 15:00 in Europe/Berlin (the tests' TZ).
const NOW = new Date(2026, 10, 24, 15).getTime();
const MIDNIGHT = new Date(2026, 10, 24).getTime();

function seg(start: number, end: number, host: string, day = '2026-11-24'): Segment {
  return { start, end, day, host, path: '', source: 'browser', lane: 'focus' };
}

let db: CreativeRatioDB;
beforeEach(async () => {
  db = new CreativeRatioDB(`today-${Math.random()}`);
  await db.open();
});

describe('today from the early read', () => {
  it('asks for a lookback before midnight and keeps exactly the segments overlapping today, as the live query does', async () => {
    expect(todayBounds(NOW)).toEqual({ dayStart: MIDNIGHT, dayEnd: new Date(2026, 10, 25).getTime() });
    expect(todayEarlyRange(NOW).from).toBeLessThanOrEqual(MIDNIGHT - 24 * H);
    await db.settings.put({ key: 'settings', value: { ...DEFAULT_SETTINGS, targetShare: 0.4 } });
    await db.segments.bulkAdd([
      seg(MIDNIGHT - 3 * H, MIDNIGHT - 2 * H, 'docs.google.com', '2026-11-23'), // yesterday only
      seg(MIDNIGHT - 20 * M, MIDNIGHT + 40 * M, 'figma.com', '2026-11-23'), // crosses midnight (as an import may write it)
      seg(MIDNIGHT + 9 * H, MIDNIGHT + 11 * H, 'docs.google.com'),
      seg(MIDNIGHT + 11 * H, MIDNIGHT + 12 * H, 'app.slack.com'),
      seg(MIDNIGHT + 30 * H, MIDNIGHT + 31 * H, 'docs.google.com', '2026-11-25'), // tomorrow
    ]);
    const read = await readEarly(() => [todayEarlyRange(NOW)], SCHEMA_VERSION * 10, db.name);
    const rows = todayFromEarly(read, NOW);
    expect(rows?.segments.map((s) => s.host)).toEqual(['figma.com', 'docs.google.com', 'app.slack.com']);

    const live = {
      dayStart: MIDNIGHT,
      segments: await segmentsOverlapping(db, MIDNIGHT, todayBounds(NOW).dayEnd),
      open: openSegmentsOf(null),
    };
    expect(rows!.segments).toEqual(live.segments);
    const settings = settingsFromStored(read!.settings);
    expect(settings.targetShare).toBe(0.4);
    const classifier = buildLiveClassifier(read!.rules).report;
    const first = todayView(rows!, settings, classifier, NOW)!;
    expect(first).toEqual(todayView(live, settings, classifier, NOW));
    // 2 h of docs + 40 min of Figma creative, 1 h of Slack coordination.
    expect(first.totals.creative).toBe(2 * H + 40 * M);
    expect(first.totals.coordination).toBe(H);
  });

  it('is nothing for a read of another day, and no report for rows of another day', async () => {
    const read = await readEarly(() => [todayEarlyRange(NOW)], SCHEMA_VERSION * 10, db.name);
    expect(read).not.toBeNull();
    expect(todayFromEarly(read, NOW + 24 * H)).toBeNull();
    expect(todayFromEarly(null, NOW)).toBeNull();
    const rows = todayFromEarly(read, NOW)!;
    expect(rows.segments).toEqual([]);
    expect(todayView(rows, DEFAULT_SETTINGS, buildLiveClassifier([]).report, NOW + 24 * H)).toBeUndefined();
  });
});
