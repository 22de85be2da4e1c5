/**
 * First run in a real Chromium: installing the extension opens the welcome page once; a service
 * worker restart opens nothing. Settings chosen on the page are saved. (An update fires onInstalled
 * with reason 'update': tests/tracker/first-run.test.ts. Chromium does not bring back an unpacked
 * extension loaded with --load-extension after runtime.reload(), so it is not driven here.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { format } from 'date-fns';
import { seedDatabase } from '../../scripts/demo.ts';
import { sleep } from './support/driver.ts';
import { launchExtension, type LaunchedExtension } from './support/launch.ts';
import { stopServiceWorker } from './support/worker.ts';

let ext: LaunchedExtension;
const isWelcome = (p: Page) => /^chrome-extension:\/\/[^/]+\/welcome\.html$/.test(p.url());
const welcomeTabs = () => ext.context.pages().filter(isWelcome);

beforeAll(async () => {
  ext = await launchExtension({ keepWelcome: true });
});

afterAll(async () => {
  await ext?.close();
});

describe('first run', () => {
  it('opens the welcome page on install, with what is recorded, the first steps and when numbers appear', async () => {
    const page =
      welcomeTabs()[0] ?? (await ext.context.waitForEvent('page', { predicate: isWelcome, timeout: 10_000 }));
    await page.waitForSelector('html[data-ready="welcome"]');
    expect(await page.locator('h1').textContent()).toBe('Welcome to Creative Ratio');
    const text = await page.locator('main').innerText();
    expect(text).toContain('Never recorded');
    expect(text).toContain('Pin the icon');
    expect(text).toMatch(/Desktop apps are not seen/);
    expect(await page.getByTestId('welcome-first').innerText()).toContain('once 1 h of today');
    expect(await page.getByTestId('welcome-calendar').getAttribute('href')).toBe('./options.html#calendar');
    expect(await page.getByTestId('week-start').count()).toBe(1);
    expect(welcomeTabs()).toHaveLength(1);

    // Choose a target here: it is saved like in Settings.
    await page.getByTestId('target-percent').fill('40');
    await page.getByTestId('target-percent').press('Enter');
    await page.waitForFunction(() => document.body.innerText.includes('Target: 40%'));
    await page.reload();
    await page.waitForSelector('html[data-ready="welcome"]');
    expect(await page.locator('main').innerText()).toContain('Target: 40%');
  });

  it('a service worker restart opens nothing', async () => {
    const page = welcomeTabs()[0]!;
    await stopServiceWorker(ext.context, page);
    // Wake the worker: a tab event starts it again.
    const site = await ext.context.newPage();
    await site.goto('https://docs.google.com/document/d/1/edit');
    await ext.waitForWorker();
    await sleep(1_500);
    expect(welcomeTabs()).toHaveLength(1);
    await site.close();
  });
});

describe('a new install with a few minutes of data', () => {
  it('shows the minutes gathered and "too early to compare" — no verdict — in the popup, the dashboard and the review', async () => {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('welcome.html'));
    const now = Date.now();
    const start = now - 5 * 60_000;
    await seedDatabase(page, {
      segments: [
        {
          start,
          end: start + 4 * 60_000,
          day: format(start, 'yyyy-MM-dd'),
          host: 'docs.google.com',
          path: '/document/d/*/edit',
          source: 'browser',
          lane: 'focus',
        },
      ],
    });

    await page.goto(ext.extensionUrl('popup.html'));
    await page.waitForSelector('[data-testid="popup-early"]');
    expect(await page.getByTestId('popup-share').innerText()).toMatch(/^\d+ min$/);
    expect(await page.getByTestId('popup-today').innerText()).toMatch(/too early to compare \(a day needs 1 h\)/);
    expect(await page.getByTestId('popup-today').innerText()).not.toMatch(/creative, of/);

    await page.goto(ext.extensionUrl('dashboard.html'));
    await page.waitForSelector('[data-testid="headline-share"][data-early="true"]', { timeout: 30_000 });
    expect(await page.getByTestId('headline-share').innerText()).toMatch(/min$/);
    const verdict = await page.getByTestId('headline-verdict').innerText();
    expect(verdict).toMatch(/too early to compare: a week needs 5 h/);
    expect(verdict).not.toMatch(/points (above|below)/);
    expect(await page.getByTestId('headline-totals').innerText()).not.toMatch(/\b0 h\b/);
    await page.waitForSelector('[data-testid="trend-first-week"]', { timeout: 30_000 });

    await page.goto(ext.extensionUrl('review.html'));
    await page.waitForSelector('[data-testid="review-share"][data-early="true"]', { timeout: 30_000 });
    expect(await page.getByTestId('review-text').innerText()).toMatch(/too early to compare/);
    await page.close();
  });
});
