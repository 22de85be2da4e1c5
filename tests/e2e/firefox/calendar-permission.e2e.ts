/**
 * A calendar subscription's host permission, for real, in Firefox: the one part of the
 * subscription that Chromium's automation cannot show, because Chromium's permission prompt
 * cannot be clicked (tests/e2e/calendar-subscription.e2e.ts pre-grants the host instead).
 * Firefox answers optional-permission requests without a prompt when
 * `extensions.webextOptionalPermissionPrompts` is false, so here the build under test, unchanged,
 * makes the real `permissions.request` from the Subscribe click:
 *
 * 1. before: the calendar host is not held;
 * 2. subscribe through Settings → the host is held (`permissions.contains`), the preview and the
 *    import come from the local HTTPS fake server playing calendar.google.com (Firefox reaches
 *    every host through it as its proxy, support/firefox.ts);
 * 3. "Refresh now" (the background page's refresh) reads the changed feed;
 * 4. Delete → the permission is given back (`permissions.contains` false), the meetings are gone;
 * 5. no request went to any host but the calendar's (and Firefox's own services).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../support/driver.ts';
import { calendarFeed, FEED_HOST, servedFeed } from '../support/calendar-feed.ts';
import { TOOL_HOSTS } from '../support/fake-tools.ts';
import { FIREFOX_INTERNAL_HOST, launchFirefox, type LaunchedFirefox } from '../support/firefox.ts';
import { DB_NAME, dumpIndexedDb } from '../support/store.ts';

const ORIGIN = `https://${FEED_HOST}/*`;
const FEED_PATH = '/calendar/ical/ff.person%40example.com/private-ff0secret0token/basic.ics';
const HOUR = 3_600_000;
const MIN = 60_000;

const base = Math.floor((Date.now() - 30 * HOUR) / HOUR) * HOUR;
const OWNER = 'ff.person@example.com';
const feed = servedFeed(FEED_PATH, calendarFeed(OWNER, [{ uid: 'call-1', start: base, minutes: 60 }]));

let ff: LaunchedFirefox;
let settings: Page;

/** `browser.permissions.contains` for the feed's host, asked from the Settings page. */
function holdsHost(page: Page): Promise<boolean> {
  return page.evaluate(
    (origin) =>
      (
        globalThis as unknown as { browser: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } } }
      ).browser.permissions.contains({ origins: [origin] }),
    ORIGIN,
  );
}

async function calendarSegments(page: Page): Promise<Array<{ start: number; end: number; source: string }>> {
  const dump = await page.evaluate(dumpIndexedDb, DB_NAME);
  return ((dump[DB_NAME]?.segments ?? []) as Array<{ start: number; end: number; source: string }>).filter(
    (s) => s.source === 'calendar',
  );
}

const text = (page: Page, selector: string) => page.$eval(selector, (e) => (e as HTMLElement).innerText);

beforeAll(async () => {
  ff = await launchFirefox({
    hosts: [...TOOL_HOSTS, FEED_HOST],
    prefs: { 'extensions.webextOptionalPermissionPrompts': false },
    serve: feed.serve,
  });
  settings = await ff.openExtensionPage('options.html#calendar');
}, 90_000);

afterAll(async () => {
  await ff?.close();
});

describe('Firefox: a subscription asks for its host, and removing it gives the host back', () => {
  it('the host is not held before subscribing', async () => {
    expect(await holdsHost(settings)).toBe(false);
  });

  it('Subscribe requests the host (granted without a prompt by the pref), previews and imports from it', async () => {
    await settings.waitForSelector('[data-testid="calendar-address"]');
    await settings.type('[data-testid="calendar-address"]', `webcal://${FEED_HOST}${FEED_PATH}`);
    await settings.click('[data-testid="calendar-subscribe"]');
    await settings.waitForSelector('[data-testid="calendar-meeting-count"]', { timeout: 30_000 });
    expect(await holdsHost(settings)).toBe(true);
    expect(await text(settings, '[data-testid="calendar-meeting-count"]')).toBe('1 meeting');
    expect(feed.requests).toEqual([{ url: FEED_PATH, ifNoneMatch: undefined, status: 200 }]);

    await until(
      'the import button',
      () => settings.$eval('[data-testid="calendar-import-button"]', (b) => (b as HTMLButtonElement).disabled),
      (d) => d === false,
    );
    await settings.click('[data-testid="calendar-import-button"]');
    await until(
      'the subscription row',
      () => text(settings, '[data-testid="calendar-subscription-row"]'),
      (t) => /last refreshed/.test(t),
    );
    expect(await text(settings, '[data-testid="calendar-subscription-row"]')).toContain(
      'calendar.google.com/…/basic.ics',
    );
    const segments = await calendarSegments(settings);
    expect(segments.reduce((ms, s) => ms + s.end - s.start, 0)).toBe(60 * MIN);
    expect(await holdsHost(settings)).toBe(true);
  }, 90_000);

  it('Refresh now (the background page) reads the changed feed from the calendar host', async () => {
    feed.served.version = 2;
    feed.served.body = calendarFeed(OWNER, [
      { uid: 'call-1', start: base, minutes: 90 },
      { uid: 'call-2', start: base + 2 * HOUR, minutes: 60 },
    ]);
    const before = feed.requests.length;
    await settings.click('[data-testid="subscription-refresh"]');
    await until(
      'the refresh',
      () => settings.evaluate(() => document.body.innerText),
      (t) => /refreshed: 2 meetings/.test(t),
    );
    expect(feed.requests.slice(before)).toEqual([{ url: FEED_PATH, ifNoneMatch: '"v1"', status: 200 }]);
    const segments = await calendarSegments(settings);
    expect(segments.reduce((ms, s) => ms + s.end - s.start, 0)).toBe(150 * MIN);
  }, 60_000);

  it('Delete removes the subscription, its meetings and the host permission', async () => {
    await settings.click('[data-testid="calendar-subscription-row"] button.btn-danger');
    await settings.click('[data-testid="calendar-subscription-row"] button.btn-danger-solid');
    await until(
      'the permission to be given back',
      () => holdsHost(settings),
      (held) => held === false,
    );
    await until(
      'the row to go',
      () => settings.$$eval('[data-testid="calendar-subscription-row"]', (rows) => rows.length),
      (n) => n === 0,
    );
    expect(await calendarSegments(settings)).toEqual([]);
    expect(await settings.evaluate(() => document.body.innerText)).toMatch(
      /access to calendar\.google\.com was given back/,
    );
  }, 60_000);

  it('no request went to any host but the calendar’s (and Firefox’s own services)', () => {
    const hosts = new Set(ff.server.requests.map((r) => r.host));
    expect(hosts.has(FEED_HOST)).toBe(true);
    const others = [...hosts].filter((h) => h !== FEED_HOST && !FIREFOX_INTERNAL_HOST.test(h));
    expect(others).toEqual([]);
    expect(
      ff.server.requests
        .filter((r) => r.host === FEED_HOST && r.method !== 'CONNECT')
        .every((r) => r.url === FEED_PATH),
    ).toBe(true);
  });
});
