/**
 * First run in a real Chromium: installing the extension opens the welcome page once; a service
 * worker restart opens nothing. Settings chosen on the page are saved. (An update fires onInstalled
 * with reason 'update': tests/tracker/first-run.test.ts. Chromium does not bring back an unpacked
 * extension loaded with --load-extension after runtime.reload(), so it is not driven here.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
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
    const page = welcomeTabs()[0] ?? (await ext.context.waitForEvent('page', { predicate: isWelcome, timeout: 10_000 }));
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
