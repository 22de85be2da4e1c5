/**
 * The notifications permission, for real, in Firefox (MV2, optional_permissions): Firefox answers
 * optional-permission requests without a prompt when `extensions.webextOptionalPermissionPrompts`
 * is false, so the build under test, unchanged, makes the real `permissions.request` from the click
 * on the switch (as tests/e2e/firefox/calendar-permission.e2e.ts does for a calendar host):
 *
 * 1. on install the permission is not held;
 * 2. turning the weekly reminder on in Settings grants it (and stores the reminder as on);
 * 3. the nudge on and off again keeps it (the reminder still needs it);
 * 4. with everything off, Settings offers it back, and "Give the permission back" removes it.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../support/driver.ts';
import { launchFirefox, type LaunchedFirefox } from '../support/firefox.ts';
import { DB_NAME, dumpIndexedDb } from '../support/store.ts';

let ff: LaunchedFirefox;
let settings: Page;

/** `browser.permissions.contains` for notifications, asked from the Settings page. */
function holds(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    (
      globalThis as unknown as {
        browser: { permissions: { contains(p: { permissions: string[] }): Promise<boolean> } };
      }
    ).browser.permissions.contains({ permissions: ['notifications'] }),
  );
}

async function stored(page: Page): Promise<{ reminder?: boolean; nudge?: boolean }> {
  const dump = await page.evaluate(dumpIndexedDb, DB_NAME);
  const row = (dump[DB_NAME]?.settings ?? [])[0] as
    { value?: { reminder?: { enabled: boolean }; nudge?: { enabled: boolean } } } | undefined;
  return { reminder: row?.value?.reminder?.enabled, nudge: row?.value?.nudge?.enabled };
}

const checked = (page: Page, testId: string) =>
  page.$eval(`[data-testid="${testId}"]`, (e) => (e as HTMLInputElement).checked);

beforeAll(async () => {
  ff = await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  settings = await ff.openExtensionPage('options.html#reminder');
  await settings.waitForSelector('[data-testid="reminder-enabled"]', { timeout: 20_000 });
}, 90_000);

afterAll(async () => {
  await ff?.close();
});

describe('Firefox: notifications only while a notification is on', () => {
  it('is not held on install', async () => {
    expect(await holds(settings)).toBe(false);
    expect(await checked(settings, 'reminder-enabled')).toBe(false);
    expect(await checked(settings, 'nudge-enabled')).toBe(false);
  });

  it('turning the reminder on asks for it (granted by the pref) and stores the reminder as on', async () => {
    await settings.click('[data-testid="reminder-enabled"]');
    await until(
      'the permission',
      () => holds(settings),
      (h) => h,
    );
    await until(
      'the stored reminder',
      () => stored(settings),
      (s) => s.reminder === true,
    );
    expect(await checked(settings, 'reminder-enabled')).toBe(true);
    expect(await settings.$('[data-testid="reminder-refused"]')).toBeNull();
  }, 60_000);

  it('the nudge on and off again keeps it while the reminder needs it', async () => {
    await settings.click('[data-testid="nudge-enabled"]');
    await until(
      'the stored nudge',
      () => stored(settings),
      (s) => s.nudge === true,
    );
    await settings.click('[data-testid="nudge-enabled"]');
    await until(
      'the stored nudge',
      () => stored(settings),
      (s) => s.nudge === false,
    );
    expect(await holds(settings)).toBe(true);
    expect(await settings.$('[data-testid="notifications-give-back"]')).toBeNull();
  }, 60_000);

  it('everything off: offered back, and giving it back removes it', async () => {
    await settings.click('[data-testid="reminder-enabled"]');
    await until(
      'the stored reminder',
      () => stored(settings),
      (s) => s.reminder === false,
    );
    await settings.waitForSelector('[data-testid="notifications-give-back"]', { timeout: 10_000 });
    await settings.click('[data-testid="notifications-give-back"]');
    await until(
      'the permission to be given back',
      () => holds(settings),
      (h) => h === false,
    );
    const note = await until(
      'the note',
      () => settings.$eval('[data-testid="notifications-note"]', (e) => (e as HTMLElement).innerText),
      (t) => t.length > 0,
    );
    expect(note).toBe('Permission given back. Turning the reminder or the nudge on asks for it again.');
    expect(await settings.$('[data-testid="notifications-give-back"]')).toBeNull();
  }, 60_000);
});
