/**
 * The mid-week nudge for real in Chromium (issue #15), with `notifications` an optional permission:
 *
 * - Refused: the unmodified build. Chromium's permission prompt cannot be answered by automation (an
 *   un-answered request never resolves), so the switch is clicked without a user gesture: a plain
 *   DevTools `Runtime.evaluate` (no `userGesture`, unlike Playwright's own calls) once the page's
 *   transient activation from earlier automation (5 s) has expired. Chromium itself then refuses
 *   `permissions.request` ("must be called during a user gesture") — to the page, the same answer as
 *   a person's "Deny". The switch stays off with the calm message, nothing is stored as on, the
 *   permission is not held, and the nudge alarm, fired anyway, shows nothing and throws nothing.
 * - Granted: a copy of the build whose manifest also lists `notifications` as granted at install
 *   (as tests/e2e/calendar-subscription.e2e.ts does for a calendar host), so the page's
 *   `permissions.request` from the real click resolves true at once. The nudge is turned on in
 *   Settings, a week behind its target is seeded, the nudge alarm fires in the service worker
 *   (`chrome.alarms.create(name, { when: now + 100 })`: alarms cannot be fast-forwarded), and
 *   `chrome.notifications.getAll()` has the notification; its title and message are read from the
 *   worker's own call. Fired again the same week: nothing more.
 */
import path from 'node:path';
import { addDays, startOfDay } from 'date-fns';
import type { Page, Worker } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings, type WeekDay } from '../../lib/settings.ts';
import { seedDatabase } from '../../scripts/demo.ts';
import { copyWithNotificationsGranted } from './support/build.ts';
import { launchExtension, type LaunchedExtension } from './support/launch.ts';
import { segmentAt } from './support/seeded-pages.ts';
import { readStore } from './support/store.ts';

const NOW = Date.now();
const YESTERDAY = addDays(startOfDay(NOW), -1);
/** The week starts yesterday, so yesterday's hours are this week's whatever day today is. */
const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  weekStartsOn: YESTERDAY.getDay() as WeekDay,
  workingHours: { ...DEFAULT_SETTINGS.workingHours, days: [0, 1, 2, 3, 4, 5, 6] },
  targetShare: 0.5,
  enoughData: { dayMinutes: 30, weekMinutes: 60 },
  nudge: { enabled: false, day: new Date(NOW).getDay() as WeekDay, hour: 0 },
};

declare const chrome: {
  alarms: { create(name: string, info: { when: number }): Promise<void> };
  notifications: {
    getAll(): Promise<Record<string, boolean>>;
    clear(id: string): Promise<boolean>;
    create: (...args: unknown[]) => unknown;
  };
  permissions: { contains(p: { permissions: string[] }): Promise<boolean> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};

/** Yesterday: 1 h writing, 3 h of meetings → 25 % creative against a 50 % target. */
const BEHIND = [
  segmentAt(YESTERDAY, 9, 60, { host: 'docs.google.com', path: '/document/d/*/edit' }),
  segmentAt(YESTERDAY, 10, 180, {
    source: 'calendar',
    label: 'Quarterly planning',
    override: { class: 'coordination', kind: 'meetings' },
    importId: 'ics:Work:1700000000000',
  }),
];

let ext: LaunchedExtension | undefined;
let removeCopy: (() => void) | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
  removeCopy?.();
  removeCopy = undefined;
});

async function openSettings(e: LaunchedExtension): Promise<Page> {
  const page = await e.context.newPage();
  await page.goto(e.extensionUrl('options.html#reminder'));
  await seedDatabase(page, { segments: BEHIND, settings: SETTINGS });
  await page.reload();
  await page.getByTestId('nudge-enabled').waitFor();
  return page;
}

function holdsNotifications(worker: Worker): Promise<boolean> {
  return worker.evaluate(() => chrome.permissions.contains({ permissions: ['notifications'] }));
}

/** Fire the nudge alarm now, in the service worker, and wait for the handler to have run. */
async function fireNudge(worker: Worker): Promise<void> {
  await worker.evaluate(() => chrome.alarms.create('midweek-nudge', { when: Date.now() + 100 }));
  await new Promise((r) => setTimeout(r, 2_500));
}

/** A picture of the reminder section, for a person to look at, when E2E_SHOT_DIR is set. */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SHOT_DIR;
  if (dir) await page.locator('#reminder').screenshot({ path: path.join(dir, `${name}.png`) });
}

function e2eContext(): LaunchedExtension['context'] {
  return ext!.context;
}

/**
 * Click an element from a DevTools session without a user gesture, after the page's transient
 * activation (given by every Playwright evaluate, which sets `userGesture`) has run out.
 */
async function clickWithoutGesture(context: LaunchedExtension['context'], page: Page, selector: string): Promise<void> {
  await new Promise((r) => setTimeout(r, 6_000));
  const cdp = await context.newCDPSession(page);
  try {
    const { exceptionDetails } = (await cdp.send('Runtime.evaluate', {
      expression: `document.querySelector(${JSON.stringify(selector)}).click()`,
    })) as { exceptionDetails?: unknown };
    if (exceptionDetails) throw new Error(`click failed: ${JSON.stringify(exceptionDetails)}`);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

async function storedNudge(e: LaunchedExtension): Promise<Settings['nudge'] | undefined> {
  const rows = (await readStore(e, 'settings', 'page')) as { value?: Settings }[];
  return rows[0]?.value?.nudge;
}

describe('mid-week nudge, notifications asked for when needed', () => {
  it('refused: the switch stays off with a calm message, and the alarm shows nothing', async () => {
    ext = await launchExtension();
    const worker = ext.worker;
    const errors: string[] = [];
    worker.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    expect(await holdsNotifications(worker)).toBe(false);
    const page = await openSettings(ext);
    // No user gesture: Chromium refuses the request itself.
    await clickWithoutGesture(e2eContext(), page, '[data-testid="nudge-enabled"]');
    await expect.poll(() => page.getByTestId('nudge-refused').innerText()).toContain('so this stays off');
    expect(await page.getByTestId('nudge-enabled').isChecked()).toBe(false);
    expect((await storedNudge(ext))?.enabled).toBe(false);
    expect(await holdsNotifications(worker)).toBe(false);
    await shot(page, 'notifications-refused');

    // Even with the setting on (a restored backup, the permission removed in the browser's settings):
    // no notification, no error, and the page says why.
    await seedDatabase(page, { segments: [], settings: { ...SETTINGS, nudge: { ...SETTINGS.nudge, enabled: true } } });
    await page.reload();
    await expect
      .poll(() => page.getByTestId('notifications-access').innerText())
      .toContain('The nudge cannot appear: your browser does not allow notifications');
    await shot(page, 'notifications-lost');
    await fireNudge(worker);
    expect(await worker.evaluate(() => typeof (chrome as { notifications?: unknown }).notifications)).toBe('undefined');
    expect(errors.filter((t) => /nudge failed|notifications/i.test(t))).toEqual([]);
    const sent = await worker.evaluate(() => chrome.storage.local.get('nudgeSentWeek'));
    expect(sent).toEqual({});
  }, 90_000);

  it('granted: turned on in Settings, the week behind its target is nudged once', async () => {
    const copy = copyWithNotificationsGranted();
    removeCopy = copy.remove;
    ext = await launchExtension({ extensionDir: copy.dir });
    const page = await openSettings(ext);

    await page.getByTestId('nudge-enabled').click(); // the real click: request resolves true
    await expect.poll(async () => (await storedNudge(ext!))?.enabled).toBe(true);
    expect(await page.getByTestId('nudge-enabled').isChecked()).toBe(true);
    expect(await page.getByTestId('notifications-access').count()).toBe(0);

    const worker = await ext.waitForWorker();
    // Record what the worker asks the browser to show (the API returns only ids).
    await worker.evaluate(() => {
      const g = globalThis as unknown as { shown: unknown[] };
      g.shown = [];
      const create = chrome.notifications.create.bind(chrome.notifications);
      chrome.notifications.create = (...args: unknown[]) => {
        g.shown.push(args);
        return create(...args);
      };
    });
    await fireNudge(worker);
    await expect.poll(() => worker.evaluate(() => chrome.notifications.getAll())).toEqual({ 'midweek-nudge': true });
    const shown = await worker.evaluate(() => (globalThis as unknown as { shown: unknown[] }).shown);
    expect(shown).toEqual([
      [
        'midweek-nudge',
        expect.objectContaining({
          type: 'basic',
          title: 'This week so far: 25 % creative',
          message:
            'Your target is 50 %. About 2 hours of creative work in the rest of the week would bring it to your target. Block the time in your calendar now?',
        }),
      ],
    ]);
    const weekStart = startOfDay(YESTERDAY).getTime();
    expect(await worker.evaluate(() => chrome.storage.local.get('nudgeSentWeek'))).toEqual({
      nudgeSentWeek: weekStart,
    });

    // At most once a week: fired again, nothing new.
    await worker.evaluate(() => chrome.notifications.clear('midweek-nudge'));
    await fireNudge(worker);
    expect(await worker.evaluate(() => chrome.notifications.getAll())).toEqual({});
    expect(await worker.evaluate(() => (globalThis as unknown as { shown: unknown[] }).shown.length)).toBe(1);
  }, 90_000);
});
