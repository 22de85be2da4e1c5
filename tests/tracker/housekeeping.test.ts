import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtBrowser } from 'wxt/browser';
import {
  ALARM_NUDGE,
  ALARM_REMINDER,
  applyRetention,
  NUDGE_SENT_KEY,
  runNudge,
  scheduleNudge,
  scheduleReminder,
  sendReminder,
} from '@/lib/browser/housekeeping';
import { canNotify, onNotificationClicked } from '@/lib/browser/notifications';
import { CreativeRatioDB, updateSettings } from '@/lib/db';
import type { Segment } from '@/lib/model';

// Tuesday 24 November 2026, 10:00 in Europe/Berlin (vitest.config.ts pins TZ).
const NOW = new Date(2026, 10, 24, 10).getTime();
const DAY = 86_400_000;
let db: CreativeRatioDB;
let browser = fakeBrowser as unknown as WxtBrowser;

function seg(start: number): Segment {
  return { start, end: start + 60_000, day: '', host: 'docs.google.com', path: '', source: 'browser', lane: 'focus' };
}

/**
 * The browser with the notifications permission held or not: as in Chrome, the notifications API
 * exists only while it is held. Everything else is wxt's fake browser.
 */
function allowNotifications(held: boolean) {
  const create = vi.fn(async () => 'id');
  const permissions = {
    contains: vi.fn(async (p: { permissions?: string[] }): Promise<boolean> =>
      held ? (p.permissions ?? []).every((x) => x === 'notifications') : false,
    ),
    onAdded: { addListener: vi.fn() },
  };
  const notifications = held ? { create, clear: vi.fn(), onClicked: { addListener: vi.fn() } } : undefined;
  browser = new Proxy(fakeBrowser, {
    get: (target, key) =>
      key === 'notifications' ? notifications : key === 'permissions' ? permissions : Reflect.get(target, key),
  }) as unknown as WxtBrowser;
  return { create, permissions, notifications };
}

beforeEach(async () => {
  db = new CreativeRatioDB(`hk-${Math.random()}`);
  await db.open();
  allowNotifications(true);
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
    await fakeBrowser.storage.local.clear();
    const { create } = allowNotifications(true);
    await updateSettings(db, { nudge: { enabled: true, day: 3, hour: 14 }, weekStartsOn: 1 });
    await db.segments.bulkAdd([block(9, 1, 'creative'), block(10, 5, 'coordination')]);
    const first = await runNudge({ browser, db, now: () => WED_15 });
    expect(first).toMatchObject({ send: true, title: 'This week so far: 17 % creative' });
    expect(create).toHaveBeenCalledTimes(1);
    const second = await runNudge({ browser, db, now: () => WED_15 + 60_000 });
    expect(second).toEqual({ send: false, reason: 'already-sent' });
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('without the notifications permission: shows nothing, never throws, and does not count the week as nudged', async () => {
    await fakeBrowser.storage.local.clear();
    allowNotifications(false);
    await updateSettings(db, { nudge: { enabled: true, day: 3, hour: 14 }, weekStartsOn: 1 });
    await db.segments.bulkAdd([block(9, 1, 'creative'), block(10, 5, 'coordination')]);
    expect(await runNudge({ browser, db, now: () => WED_15 })).toEqual({ send: false, reason: 'no-permission' });
    expect((await fakeBrowser.storage.local.get(NUDGE_SENT_KEY))[NUDGE_SENT_KEY]).toBeUndefined();
    // Granted later the same day: the nudge can still speak once.
    const { create } = allowNotifications(true);
    expect(await runNudge({ browser, db, now: () => WED_15 + 60_000 })).toMatchObject({ send: true });
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('stays silent when the week is on track', async () => {
    await fakeBrowser.storage.local.clear();
    await updateSettings(db, { nudge: { enabled: true, day: 3, hour: 14 }, weekStartsOn: 1 });
    await db.segments.bulkAdd([block(9, 3, 'creative'), block(12, 3, 'coordination')]);
    expect(await runNudge({ browser, db, now: () => WED_15 })).toEqual({ send: false, reason: 'on-track' });
  });
});

describe('notifications only with the permission', () => {
  it('the reminder is shown when allowed and skipped (no throw) when not', async () => {
    const { create } = allowNotifications(true);
    expect(await sendReminder(browser)).toBe(true);
    expect(create).toHaveBeenCalledWith(
      'weekly-review',
      expect.objectContaining({ title: 'Your week in Creative Ratio' }),
    );
    allowNotifications(false);
    expect(await sendReminder(browser)).toBe(false);
  });

  it('canNotify is false when the API is missing, the permission is not held, or the check throws', async () => {
    allowNotifications(false);
    expect(await canNotify(browser)).toBe(false);
    const { permissions } = allowNotifications(true);
    expect(await canNotify(browser)).toBe(true);
    permissions.contains.mockRejectedValueOnce(new Error('boom'));
    expect(await canNotify(browser)).toBe(false);
  });

  it('listens to notification clicks once the permission is granted', () => {
    const onAddedListen = vi.fn();
    const fake: { permissions: unknown; notifications?: { onClicked: { addListener: ReturnType<typeof vi.fn> } } } = {
      permissions: { onAdded: { addListener: onAddedListen } },
    };
    const listener = vi.fn();
    onNotificationClicked(fake as unknown as WxtBrowser, listener);
    expect(onAddedListen).toHaveBeenCalledTimes(1);
    const onAdded = onAddedListen.mock.calls[0]![0] as (p: { permissions?: string[] }) => void;
    fake.notifications = { onClicked: { addListener: vi.fn() } }; // granted: the API appears
    onAdded({ permissions: ['tabs'] });
    expect(fake.notifications.onClicked.addListener).not.toHaveBeenCalled();
    onAdded({ permissions: ['notifications'] });
    onAdded({ permissions: ['notifications'] });
    expect(fake.notifications.onClicked.addListener).toHaveBeenCalledTimes(1);
    expect(fake.notifications.onClicked.addListener).toHaveBeenCalledWith(listener);
  });
});
