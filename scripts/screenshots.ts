/**
 * `npm run screenshots`: the demo's seeded data, headless, and PNGs of the popup, dashboard,
 * weekly review and settings in light and dark, written to docs/screenshots/ (shown in the README).
 * Offline: every web request the browser makes is answered locally by a placeholder page.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { addDays, setHours, setMinutes, startOfDay } from 'date-fns';
import { demoData, launchWithExtension, REPO_ROOT, seedDatabase } from './demo.ts';
import { syntheticCalendar } from '../tests/fixtures/ics/synthetic-calendar.ts';
import { localeWeekStartsOn } from '../lib/report/week.ts';
import { weekKeyOf } from '../lib/ui/week.ts';

const OUT = path.join(REPO_ROOT, 'docs', 'screenshots');

const PLACEHOLDER = '<!doctype html><title>Example</title><body style="font-family:system-ui;padding:40px">A web page</body>';

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(300);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  // Pages see a fixed clock: the latest Thursday, 16:40, so "today" and "this week" are full of data.
  let fixed = setMinutes(setHours(startOfDay(Date.now()), 16), 40);
  while (fixed.getDay() !== 4 || fixed.getTime() > Date.now()) fixed = addDays(fixed, -1);
  const now = fixed.getTime();
  const locale = 'en-US';
  const lastWeek = weekKeyOf(addDays(now, -7), localeWeekStartsOn(locale));

  const browser = await launchWithExtension({ headless: true, viewport: { width: 1280, height: 900 }, locale });
  await browser.context.clock.setFixedTime(fixed);
  // Nothing leaves the machine: any http(s) request gets a local placeholder.
  await browser.context.route(/^https?:\/\//, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: PLACEHOLDER }));
  const written: string[] = [];
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(browser.url('dashboard.html'));
    const data = await demoData(now);
    data.reviews = [
      {
        week: lastWeek,
        note: 'Two long writing mornings (Tue, Wed) made the launch brief happen. Thursday vanished into the pipeline review and Slack follow-ups.\n\nNext week: block 9–11 for writing, batch Slack at 11:30 and 16:00.',
        updatedAt: now - 2 * 86_400_000,
      },
    ];
    await seedDatabase(page, data, 10_000);

    // A site the catalog does not know, open in a tab, so the popup shows one-click classification.
    const site = await browser.context.newPage();
    await site.goto('https://review.partner-agency.co/proof/88412');
    await site.bringToFront();

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.bringToFront();

      await page.goto(browser.url('dashboard.html'));
      await page.waitForSelector('[data-testid="headline-share"]', { timeout: 30_000 });
      // The trend and comparisons drawn too, and the day's list (built when scrolled near) rendered.
      await page.waitForFunction(() => !!document.documentElement.dataset.readyWeek, undefined, { timeout: 30_000 });
      await page.getByTestId('timeline').scrollIntoViewIfNeeded();
      await page.waitForSelector('[data-testid="segment-table"]', { timeout: 10_000 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await settle(page);
      written.push(await shoot(page, `dashboard-${scheme}.png`, true));

      // The Add time dialog (manual blocks), over the dashboard.
      await page.getByTestId('add-time').click();
      await page.waitForSelector('[data-testid="manual-blocks"]');
      await settle(page);
      written.push(await shoot(page, `dashboard-add-time-${scheme}.png`, false));
      await page.keyboard.press('Escape');

      await page.goto(browser.url(`review.html?week=${lastWeek}`));
      await page.waitForSelector('[data-testid="review-text"] p', { timeout: 30_000 });
      await settle(page);
      written.push(await shoot(page, `review-${scheme}.png`, true));

      // The welcome page a new install opens (issue #15).
      await page.goto(browser.url('welcome.html'));
      await page.waitForSelector('html[data-ready="welcome"]', { timeout: 30_000 });
      await settle(page);
      written.push(await shoot(page, `welcome-${scheme}.png`, true));

      await page.goto(browser.url('options.html'));
      await page.waitForSelector('[data-testid="rules-table"]', { timeout: 30_000 });
      await settle(page);
      written.push(await shoot(page, `settings-${scheme}.png`, true));

      // The Calendar section (below the fold) with a calendar file picked: the preview before importing.
      const ics = syntheticCalendar(60, addDays(now, -35).getTime());
      await page.getByTestId('calendar-file').setInputFiles({ name: 'work-calendar.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
      await page.waitForSelector('[data-testid="calendar-preview"]', { timeout: 10_000 });
      await settle(page);
      await page.locator('#calendar').screenshot({ path: path.join(OUT, `settings-calendar-${scheme}.png`) });
      written.push(`settings-calendar-${scheme}.png`);

      // The popup, as the toolbar shows it: 360 px wide, the site tab behind it.
      const popup = await browser.context.newPage();
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.setViewportSize({ width: 360, height: 900 });
      await site.bringToFront();
      await popup.goto(browser.url('popup.html'));
      await popup.waitForSelector('[data-testid="popup-share"]', { timeout: 30_000 });
      await popup.waitForSelector('[data-testid="popup-site"]', { timeout: 10_000 });
      await settle(popup);
      const height = await popup.evaluate(() => Math.ceil(document.querySelector('main')!.getBoundingClientRect().height));
      await popup.setViewportSize({ width: 360, height });
      written.push(await shoot(popup, `popup-${scheme}.png`, false));
      await popup.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`Wrote ${written.length} screenshots to ${path.relative(process.cwd(), OUT) || OUT}:\n${written.map((f) => `  ${f}`).join('\n')}`);
}

async function shoot(page: Page, name: string, fullPage: boolean): Promise<string> {
  await page.screenshot({ path: path.join(OUT, name), fullPage });
  return name;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
