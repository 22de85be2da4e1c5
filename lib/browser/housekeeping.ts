/**
 * Scheduled chores of the background: the weekly review reminder, the mid-week nudge and data retention.
 * Browser and database edges only; the date arithmetic is in lib/time/days.ts.
 */
import type { WxtBrowser } from 'wxt/browser';
import { subMonths } from 'date-fns';
import { deleteSegmentsBefore, loadSettings, segmentsOverlapping } from '@/lib/db';
import type { CreativeRatioDB } from '@/lib/db/schema';
import { nextWeeklyAt } from '@/lib/time/days';
import { createClassifier } from '@/lib/classify/classifier';
import { listRules } from '@/lib/db/rules';
import { withRuleTimes } from '@/lib/report/classification';
import { nudgeDecision, type NudgeDecision } from '@/lib/report/nudge';
import { buildWeekReport } from '@/lib/report/week';
import { resolveWeekStartsOn, weekRange } from '@/lib/time/week';
import { canNotify, notifyIfAllowed, onNotificationClicked } from './notifications';

export const ALARM_REMINDER = 'review-reminder';
export const ALARM_RETENTION = 'retention';
export const ALARM_NUDGE = 'midweek-nudge';
const NOTIFICATION_ID = 'weekly-review';
const NUDGE_NOTIFICATION_ID = 'midweek-nudge';
/** browser.storage.local key: the start of the week the last nudge was sent in. */
export const NUDGE_SENT_KEY = 'nudgeSentWeek';

export interface HousekeepingDeps {
  browser: WxtBrowser;
  db: CreativeRatioDB;
  now: () => number;
  /** For the week start when the setting follows the locale. */
  locale?: string;
}

/**
 * (Re)create the weekly `alarm` from the current settings' `key` (reminder or nudge): cleared when it
 * is off; left alone when it already rings at the next day and hour.
 */
async function scheduleWeekly(
  { browser, db, now }: HousekeepingDeps,
  alarm: string,
  key: 'reminder' | 'nudge',
): Promise<void> {
  const weekly = (await loadSettings(db))[key];
  if (!weekly.enabled) {
    await browser.alarms.clear(alarm);
    return;
  }
  const when = nextWeeklyAt(now(), weekly.day, weekly.hour);
  const existing = await browser.alarms.get(alarm);
  if (existing?.scheduledTime !== when) await browser.alarms.create(alarm, { when });
}

/** (Re)create the reminder alarm from the current settings. */
export function scheduleReminder(deps: HousekeepingDeps): Promise<void> {
  return scheduleWeekly(deps, ALARM_REMINDER, 'reminder');
}

/** (Re)create the mid-week nudge alarm from the current settings. */
export function scheduleNudge(deps: HousekeepingDeps): Promise<void> {
  return scheduleWeekly(deps, ALARM_NUDGE, 'nudge');
}

/** What a run of the nudge did: the decision, or that it would have spoken but may not notify. */
export type NudgeOutcome = NudgeDecision | { send: false; reason: 'no-permission' };

/**
 * Read the week so far and decide (lib/report/nudge.ts); send the notification when it says so.
 * Without the notifications permission nothing is shown and the week is not marked as nudged.
 */
export async function runNudge(deps: HousekeepingDeps): Promise<NudgeOutcome> {
  const { browser, db } = deps;
  const at = deps.now();
  const settings = await loadSettings(db);
  const week = weekRange(at, resolveWeekStartsOn(settings.weekStartsOn, deps.locale ?? 'en-US'));
  const stored = (await browser.storage.local.get(NUDGE_SENT_KEY))[NUDGE_SENT_KEY];
  const rules = await listRules(db);
  const report = buildWeekReport({
    segments: await segmentsOverlapping(db, week.start - 26 * 3_600_000, week.end),
    classify: withRuleTimes(createClassifier(rules), rules),
    weekStart: week.start,
    now: at,
    settings: { workingHours: settings.workingHours, targetShare: settings.targetShare },
  });
  const decision = nudgeDecision({
    now: at,
    settings,
    weekStart: week.start,
    creativeMs: report.totals.creative,
    coordinationMs: report.totals.coordination,
    lastNudgeWeek: typeof stored === 'number' ? stored : null,
  });
  if (decision.send) {
    if (!(await canNotify(browser))) return { send: false, reason: 'no-permission' };
    await browser.storage.local.set({ [NUDGE_SENT_KEY]: week.start });
    await notifyIfAllowed(browser, NUDGE_NOTIFICATION_ID, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png' as '/popup.html'),
      title: decision.title,
      message: decision.message,
      priority: 0,
    });
  }
  return decision;
}

/** The weekly review reminder, when notifications are allowed; returns whether it was shown. */
export function sendReminder(browser: WxtBrowser): Promise<boolean> {
  return notifyIfAllowed(browser, NOTIFICATION_ID, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png' as '/popup.html'),
    title: 'Your week in Creative Ratio',
    message: 'How much of this week was creative? Your weekly review is ready.',
    priority: 0,
  });
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
        await sendReminder(browser);
        await scheduleReminder(deps); // next week, at the same local hour (DST-safe)
      })().catch((err: unknown) => console.error('[creative-ratio] reminder failed', err));
    } else if (alarm.name === ALARM_NUDGE) {
      void (async () => {
        await runNudge(deps);
        await scheduleNudge(deps);
      })().catch((err: unknown) => console.error('[creative-ratio] nudge failed', err));
    } else if (alarm.name === ALARM_RETENTION) {
      applyRetention(deps).catch((err: unknown) => console.error('[creative-ratio] retention failed', err));
    }
  });

  // The notifications API exists only while the permission is held (lib/browser/notifications.ts).
  onNotificationClicked(browser, (id) => {
    if (id === NUDGE_NOTIFICATION_ID) {
      void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
      void browser.notifications.clear(id);
      return;
    }
    if (id !== NOTIFICATION_ID) return;
    void browser.tabs.create({ url: reviewUrl });
    void browser.notifications.clear(id);
  });

  const refresh = async () => {
    await scheduleReminder(deps);
    await scheduleNudge(deps);
    // Create once: re-creating on every worker start would keep postponing it.
    if (!(await browser.alarms.get(ALARM_RETENTION))) {
      await browser.alarms.create(ALARM_RETENTION, { delayInMinutes: 1, periodInMinutes: 24 * 60 });
    }
  };
  refresh().catch((err: unknown) => console.error('[creative-ratio] housekeeping failed', err));
  return { refresh };
}
