import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtBrowser } from 'wxt/browser';
import {
  ALARM_NUDGE,
  ALARM_REMINDER,
  applyRetention,
  runNudge,
  scheduleNudge,
  scheduleReminder,
} from '@/lib/browser/housekeeping';
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

describe('mid-week nudge', () => {
  const WED_15 = new Date(2026, 10, 25, 15).getTime();
  const block = (h: number, hours: number, cls: 'creative' | 'coordination'): Segment => {
    const start = new Date(2026, 10, 23, h).getTime();
    return {
      start,
      end: start + hours * 3_600_000,
      day: '2026-11-23',
      host: '',
      path: '',
      source: 'calendar',
      lane: 'focus',
      label: 'x',
      override:
        cls === 'creative' ? { class: 'creative', kind: 'research' } : { class: 'coordination', kind: 'meetings' },
    };
  };

  it('is scheduled only when on, for the chosen weekday and hour', async () => {
    await scheduleNudge({ browser, db, now: () => NOW });
    expect(await fakeBrowser.alarms.get(ALARM_NUDGE)).toBeUndefined();
    await updateSettings(db, { nudge: { enabled: true, day: 3, hour: 14 } });
    await scheduleNudge({ browser, db, now: () => NOW });
    expect((await fakeBrowser.alarms.get(ALARM_NUDGE))?.scheduledTime).toBe(new Date(2026, 10, 25, 14).getTime());
  });

  it('reads the week so far, notifies when behind the target, and only once a week', async () => {
    const create = vi.fn(async () => 'id');
    (fakeBrowser.notifications as unknown as { create: typeof create }).create = create;
    await updateSettings(db, { nudge: { enabled: true, day: 3, hour: 14 }, weekStartsOn: 1 });
    await db.segments.bulkAdd([block(9, 1, 'creative'), block(10, 5, 'coordination')]);
    const first = await runNudge({ browser, db, now: () => WED_15 });
    expect(first).toMatchObject({ send: true, title: 'This week so far: 17 % creative' });
    expect(create).toHaveBeenCalledTimes(1);
    const second = await runNudge({ browser, db, now: () => WED_15 + 60_000 });
    expect(second).toEqual({ send: false, reason: 'already-sent' });
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('stays silent when the week is on track', async () => {
    await fakeBrowser.storage.local.clear();
    await updateSettings(db, { nudge: { enabled: true, day: 3, hour: 14 }, weekStartsOn: 1 });
    await db.segments.bulkAdd([block(9, 3, 'creative'), block(12, 3, 'coordination')]);
    expect(await runNudge({ browser, db, now: () => WED_15 })).toEqual({ send: false, reason: 'on-track' });
  });
});
