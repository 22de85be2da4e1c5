/**
 * A calendar subscription for real, and the Content-Security-Policy that keeps everything else out.
 *
 * The fake server answers for every hostname (tests/e2e/support/fake-tools.ts); here it also plays
 * Google Calendar: `https://calendar.google.com/calendar/ical/…/basic.ics` (the browser resolves
 * the real hostname to it with --host-resolver-rules) serves a feed with an ETag that the test
 * changes. The person subscribes through Settings, the dashboard counts the meetings, the feed
 * changes, "Refresh now" (the same refresh the hourly alarm runs, in the service worker) updates
 * the dashboard — and the server's log proves no request went to any other host.
 *
 * The permission prompt: Chromium shows `permissions.request` as a browser dialog that automation
 * cannot click (an un-answered request never resolves). So this test loads a copy of the built
 * extension whose manifest also lists `https://calendar.google.com/*` under `host_permissions`:
 * the host is granted at install, and the page's `permissions.request` for it — made from the
 * Subscribe click exactly as for a person — resolves `true` at once without a dialog. Everything
 * else (the CSP, the code) is the build under test. The request itself, its removal, and the
 * refusal path are covered by the unit tests (tests/calendar/subscription-sync.test.ts).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startOfHour, startOfWeek } from 'date-fns';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, extensionDir, extensionPages } from './support/build.ts';
import { calendarFeed, FEED_HOST, servedFeed } from './support/calendar-feed.ts';
import { TOOL_HOSTS } from './support/fake-tools.ts';
import { launchExtension, type LaunchedExtension } from './support/launch.ts';
import { captureRequests, hostOf, isLocalUrl, type RequestLog } from './support/network.ts';

const FEED_PATH = '/calendar/ical/e2e.person%40example.com/private-e2e0secret0token/basic.ics';
const SECRET = 'e2e0secret0token';
const HOUR = 3_600_000;

/** Chromium's own traffic (see privacy.e2e.ts), never the extension's. */
const BROWSER_INTERNAL = [
  { host: 'update.googleapis.com', path: /^\/service\/update2\// },
  { host: 'accounts.google.com', path: /^\/ListAccounts\?.*source=ChromiumBrowser/ },
];

// Two meetings earlier today (or the day before), both inside one week (Sunday-start, the en-US locale's).
let base = startOfHour(Date.now() - 7 * HOUR).getTime();
if (startOfWeek(base).getTime() !== startOfWeek(base + 3 * HOUR).getTime()) base -= 4 * HOUR;
const WEEK = startOfWeek(base);
const weekParam = `${WEEK.getFullYear()}-${String(WEEK.getMonth() + 1).padStart(2, '0')}-${String(WEEK.getDate()).padStart(2, '0')}`;

const OWNER = 'e2e.person@example.com';
const feed = servedFeed(FEED_PATH, calendarFeed(OWNER, [{ uid: 'call-1', start: base, minutes: 60 }]));

let ext: LaunchedExtension;
let log: RequestLog;
let copyDir: string;
const cspMessages: string[] = [];

beforeAll(async () => {
  // A copy of the build with the feed's host pre-granted (see the header).
  copyDir = mkdtempSync(path.join(tmpdir(), 'creative-ratio-sub-'));
  cpSync(assertBuilt(extensionDir()), copyDir, { recursive: true });
  const manifestFile = path.join(copyDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
  writeFileSync(manifestFile, JSON.stringify({ ...manifest, host_permissions: [`https://${FEED_HOST}/*`] }));

  ext = await launchExtension({
    extensionDir: copyDir,
    hosts: [...TOOL_HOSTS],
    serve: feed.serve,
  });
  log = captureRequests(ext.context);
  ext.context.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspMessages.push(m.text());
  });
}, 60_000);

afterAll(async () => {
  log?.stop();
  await ext?.close();
  if (copyDir) rmSync(copyDir, { recursive: true, force: true });
});

async function meetingsOnDashboard(page: Page): Promise<string> {
  return (await page.getByTestId('signal-meetings').innerText()).replace(/\s+/g, ' ');
}

describe('calendar subscription', () => {
  it('every extension page loads under the CSP without a single violation', async () => {
    for (const file of extensionPages(ext.extensionDir)) {
      const page = await ext.context.newPage();
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) cspMessages.push(`${file}: ${m.text()}`);
      });
      await page.goto(ext.extensionUrl(file));
      await page.waitForLoadState('load');
      await page.waitForTimeout(800);
      await page.close();
    }
    expect(cspMessages).toEqual([]);
  });

  it('subscribes through Settings, counts the meetings, and a refresh follows the changed feed', async () => {
    const dashboard = await ext.context.newPage();
    await dashboard.goto(ext.extensionUrl(`dashboard.html?week=${weekParam}`));
    await dashboard.waitForLoadState('load');
    // Nothing recorded yet: the week is empty.
    await expect.poll(() => dashboard.getByTestId('signal-meetings').isVisible(), { timeout: 10_000 }).toBe(false);

    const settings = await ext.context.newPage();
    await settings.goto(ext.extensionUrl('options.html#calendar'));
    await settings.getByTestId('calendar-address').fill(`webcal://${FEED_HOST}${FEED_PATH}`);
    await settings.getByTestId('calendar-subscribe').click();
    await settings.waitForSelector('[data-testid="calendar-preview"]', { timeout: 15_000 });
    expect(await settings.getByTestId('calendar-meeting-count').innerText()).toBe('1 meeting');
    expect(await settings.getByTestId('calendar-owner').inputValue()).toBe(OWNER);
    // The secret address is not left on screen.
    expect(await settings.getByTestId('calendar-address').inputValue()).toBe('');
    await settings.getByTestId('calendar-import-button').click();

    const row = settings.getByTestId('calendar-subscription-row');
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toMatch(/last refreshed .*· next /);
    const rowText = await row.innerText();
    expect(rowText).toContain('calendar.google.com/…/basic.ics');
    expect(rowText).not.toContain(SECRET);

    await dashboard.bringToFront();
    await expect.poll(() => meetingsOnDashboard(dashboard), { timeout: 10_000 }).toMatch(/^In meetings 1 h/);

    // Unchanged feed: a conditional request, answered 304; nothing changes.
    await settings.bringToFront();
    await settings.getByTestId('subscription-refresh').click();
    await expect
      .poll(() => settings.getByText(/has not changed since the last refresh/).count(), { timeout: 15_000 })
      .toBe(1);
    expect(feed.requests.at(-1)).toEqual({ url: FEED_PATH, ifNoneMatch: '"v1"', status: 304 });

    // The feed changes: the call grows to 90 minutes and a second one is added.
    feed.served.version = 2;
    feed.served.body = calendarFeed(OWNER, [
      { uid: 'call-1', start: base, minutes: 90 },
      { uid: 'call-2', start: base + 2 * HOUR, minutes: 60 },
    ]);
    await settings.getByTestId('subscription-refresh').click();
    await expect.poll(() => settings.getByText(/refreshed: 2 meetings/).count(), { timeout: 15_000 }).toBe(1);
    expect(feed.requests.at(-1)).toEqual({ url: FEED_PATH, ifNoneMatch: '"v1"', status: 200 });

    await dashboard.bringToFront();
    await expect.poll(() => meetingsOnDashboard(dashboard), { timeout: 10_000 }).toMatch(/^In meetings 2\.5 h/);

    // A broken feed: the error is shown in plain words and the meetings stay.
    feed.served.version = 3;
    feed.served.body = '<!doctype html><title>Sign in</title>';
    await settings.bringToFront();
    await settings.getByTestId('subscription-refresh').click();
    await expect.poll(() => settings.getByTestId('subscription-error').count(), { timeout: 15_000 }).toBe(1);
    expect(await settings.getByTestId('subscription-error').innerText()).toMatch(/did not return a calendar/);
    await dashboard.bringToFront();
    await dashboard.waitForTimeout(500);
    expect(await meetingsOnDashboard(dashboard)).toMatch(/^In meetings 2\.5 h/);
    await settings.close();
    await dashboard.close();
  }, 90_000);

  it('the CSP blocks any other host, from a page and from the service worker', async () => {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('options.html'));
    const fromPage = await page.evaluate(() =>
      // eslint-disable-next-line no-restricted-globals -- the request the CSP must block
      fetch('https://docs.google.com/blocked-by-csp').then(
        () => 'reached',
        (e: unknown) => `blocked: ${String(e)}`,
      ),
    );
    expect(fromPage).toMatch(/^blocked/);
    const worker = await ext.waitForWorker();
    const fromWorker = await worker.evaluate(() =>
      // eslint-disable-next-line no-restricted-globals -- the request the CSP must block
      fetch('https://example.com/blocked-by-csp').then(
        () => 'reached',
        (e: unknown) => `blocked: ${String(e)}`,
      ),
    );
    expect(fromWorker).toMatch(/^blocked/);
    // An image from another host is refused too.
    const img = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const i = new Image();
          i.onload = () => resolve('loaded');
          i.onerror = () => resolve('refused');
          i.src = 'https://www.figma.com/blocked-by-csp.png';
        }),
    );
    expect(img).toBe('refused');
    await page.waitForTimeout(300);
    expect(cspMessages.some((m) => /docs\.google\.com/.test(m) && /connect-src/.test(m))).toBe(true);
    expect(ext.server.requests.filter((r) => r.url.includes('blocked-by-csp'))).toEqual([]);
    await page.close();
  });

  it('no request went to any host but the subscribed calendar’s', () => {
    // The deliberate probes above were refused by the CSP before reaching the network (checked there).
    const fromExtension = log.fromExtension().filter((r) => !isLocalUrl(r.url) && !r.url.includes('blocked-by-csp'));
    expect(fromExtension.length).toBeGreaterThan(0);
    expect([...new Set(fromExtension.map((r) => hostOf(r.url)))]).toEqual([FEED_HOST]);
    const others = ext.server.requests.filter(
      (r) => r.host !== FEED_HOST && !BROWSER_INTERNAL.some((b) => b.host === r.host && b.path.test(r.url)),
    );
    expect(others).toEqual([]);
    expect(ext.server.requests.filter((r) => r.host === FEED_HOST).every((r) => r.url === FEED_PATH)).toBe(true);
    expect(feed.requests.length).toBe(4);
  });
});
