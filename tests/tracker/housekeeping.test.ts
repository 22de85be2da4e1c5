import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtBrowser } from 'wxt/browser';
import { ALARM_REMINDER, applyRetention, scheduleReminder } from '@/lib/browser/housekeeping';
import { CreativeRatioDB, updateSettings } from '@/lib/db';
import type { Segment } from '@/lib/model';

// Tuesday 24 November 2026, 10:00 in Europe/Berlin (vitest.config.ts pins TZ).
const NOW = new Date(2026, 10, 24, 10).getTime();
const DAY = 86_400_000;
let db: CreativeRatioDB;
const browser = fakeBrowser as unknown as WxtBrowser;

function seg(start: number): Segment {
  return { start, end: start + 60_000, day: '', host: 'docs.google.com', path: '', source: 'browser', lane: 'focus' };
}

beforeEach(async () => {
  db = new CreativeRatioDB(`hk-${Math.random()}`);
  await db.open();
});

describe('weekly reminder', () => {
  it('is scheduled for the chosen local weekday and hour, and cleared when switched off', async () => {
    await updateSettings(db, { reminder: { enabled: true, day: 5, hour: 16 } });
    await scheduleReminder({ browser, db, now: () => NOW });
    const alarm = await fakeBrowser.alarms.get(ALARM_REMINDER);
    expect(alarm?.scheduledTime).toBe(new Date(2026, 10, 27, 16).getTime()); // Friday 16:00
    await updateSettings(db, { reminder: { enabled: false, day: 5, hour: 16 } });
    await scheduleReminder({ browser, db, now: () => NOW });
    expect(await fakeBrowser.alarms.get(ALARM_REMINDER)).toBeUndefined();
  });
});

describe('retention', () => {
  it('keeps everything by default and deletes only data older than the chosen months', async () => {
    await db.segments.bulkAdd([seg(NOW - 400 * DAY), seg(NOW - 100 * DAY), seg(NOW - DAY)]);
    expect(await applyRetention({ browser, db, now: () => NOW })).toBe(0);
    await updateSettings(db, { retentionMonths: 6 });
    expect(await applyRetention({ browser, db, now: () => NOW })).toBe(1);
    expect(await db.segments.count()).toBe(2);
  });
});
