/**
 * Scheduled chores of the background: the weekly review reminder and data retention.
 * Browser and database edges only; the date arithmetic is in lib/time/days.ts.
 */
import type { WxtBrowser } from 'wxt/browser';
import { subMonths } from 'date-fns';
import { deleteSegmentsBefore, loadSettings } from '@/lib/db';
import type { CreativeRatioDB } from '@/lib/db/schema';
import { nextWeeklyAt } from '@/lib/time/days';

export const ALARM_REMINDER = 'review-reminder';
export const ALARM_RETENTION = 'retention';
const NOTIFICATION_ID = 'weekly-review';

export interface HousekeepingDeps {
  browser: WxtBrowser;
  db: CreativeRatioDB;
  now: () => number;
}

/** (Re)create the reminder alarm from the current settings. */
export async function scheduleReminder({ browser, db, now }: HousekeepingDeps): Promise<void> {
  const settings = await loadSettings(db);
  if (!settings.reminder.enabled) {
    await browser.alarms.clear(ALARM_REMINDER);
    return;
  }
  const when = nextWeeklyAt(now(), settings.reminder.day, settings.reminder.hour);
  const existing = await browser.alarms.get(ALARM_REMINDER);
  if (existing?.scheduledTime !== when) await browser.alarms.create(ALARM_REMINDER, { when });
}

/** Delete data older than the retention setting. Returns the number of segments deleted. */
export async function applyRetention({ db, now }: HousekeepingDeps): Promise<number> {
  const settings = await loadSettings(db);
  if (settings.retentionMonths === null) return 0;
  return deleteSegmentsBefore(db, subMonths(now(), settings.retentionMonths).getTime());
}

export function startHousekeeping(deps: HousekeepingDeps): { refresh(): Promise<void> } {
  const { browser } = deps;
  const reviewUrl = browser.runtime.getURL('/review.html');

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM_REMINDER) {
      void (async () => {
        await browser.notifications.create(NOTIFICATION_ID, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png' as '/popup.html'),
          title: 'Your week in Creative Ratio',
          message: 'How much of this week was creative? Your weekly review is ready.',
          priority: 0,
        });
        await scheduleReminder(deps); // next week, at the same local hour (DST-safe)
      })().catch((err: unknown) => console.error('[creative-ratio] reminder failed', err));
    } else if (alarm.name === ALARM_RETENTION) {
      applyRetention(deps).catch((err: unknown) => console.error('[creative-ratio] retention failed', err));
    }
  });

  browser.notifications.onClicked.addListener((id) => {
    if (id !== NOTIFICATION_ID) return;
    void browser.tabs.create({ url: reviewUrl });
    void browser.notifications.clear(id);
  });

  const refresh = async () => {
    await scheduleReminder(deps);
    // Create once: re-creating on every worker start would keep postponing it.
    if (!(await browser.alarms.get(ALARM_RETENTION))) {
      await browser.alarms.create(ALARM_RETENTION, { delayInMinutes: 1, periodInMinutes: 24 * 60 });
    }
  };
  refresh().catch((err: unknown) => console.error('[creative-ratio] housekeeping failed', err));
  return { refresh };
}
