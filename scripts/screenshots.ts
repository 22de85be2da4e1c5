/**
 * `npm run screenshots`: the demo's seeded data, headless, and PNGs of the popup, dashboard,
 * weekly review (and its focus plan), settings and the team view (seven synthetic people) in light and dark, written to docs/screenshots/ (shown in the README).
 * Offline: every web request the browser makes is answered locally by a placeholder page.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { addDays, setHours, setMinutes, startOfDay } from 'date-fns';
import { demoData, launchWithExtension, REPO_ROOT, seedDatabase } from './demo.ts';
import { syntheticCalendar } from '../tests/fixtures/ics/synthetic-calendar.ts';
import { localeWeekStartsOn, weekKeyOf } from '../lib/time/week.ts';
import { demoTeamFiles } from '../lib/export/team-demo.ts';

const OUT = path.join(REPO_ROOT, 'docs', 'screenshots');

const PLACEHOLDER =
  '<!doctype html><title>Example</title><body style="font-family:system-ui;padding:40px">A web page</body>';

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(300);
}

/** A marketer's recurring meetings over the last five weeks (the calendar preview's series table). */
function seriesCalendar(now: number): string {
  const monday = addDays(startOfDay(now), -((new Date(now).getDay() + 6) % 7) - 35);
  const stamp = (t: Date) => t.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  const series: [string, string, number, number, number, string][] = [
    ['Campaign sync', 'cs', 0, 10, 60, 'ann@agency.example'],
    ['Design crit', 'dc', 2, 14, 90, 'lea@brand.example'],
    ['Content planning', 'cp', 1, 11, 60, 'me@brand.example'],
    ['Pipeline review with sales', 'pr', 3, 9, 45, 'raj@brand.example'],
    ['Agency status call', 'as', 4, 15, 30, 'ann@agency.example'],
    ['Customer interview', 'ci', 3, 16, 45, 'me@brand.example'],
  ];
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Creative Ratio//Screenshots//EN'];
  for (const [title, uid, day, hour, minutes, organizer] of series) {
    const start = setHours(addDays(monday, day), hour);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}-${Math.abs(title.length * 7919)}@calendar.example`,
      `SUMMARY:${title}`,
      `DTSTART:${stamp(start)}`,
      `DTEND:${stamp(new Date(start.getTime() + minutes * 60_000))}`,
      'RRULE:FREQ=WEEKLY;COUNT=6',
      `ORGANIZER:mailto:${organizer}`,
      'ATTENDEE:mailto:me@brand.example',
      'ATTENDEE:mailto:team@brand.example',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n');
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
  await browser.context.route(/^https?:\/\//, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: PLACEHOLDER }),
  );
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
    // Last week's focus plan (made the week before), so its review shows the plan against what happened.
    const lastStart = addDays(now, -7 - fixed.getDay());
    const planBlock = (id: string, day: number, hour: number, minutes = 90) => {
      const start = setHours(startOfDay(addDays(lastStart, day)), hour).getTime();
      return { id, start, end: start + minutes * 60_000, kind: 'writing' };
    };
    data.plans = [
      {
        week: lastWeek,
        blocks: [
          planBlock('shot-1', 1, 9),
          planBlock('shot-2', 2, 9, 120),
          planBlock('shot-3', 3, 14),
          planBlock('shot-4', 4, 10),
        ],
        intent: 'Protect two writing mornings and finish the launch brief.',
        updatedAt: now - 9 * 86_400_000,
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
      // The insight cards (built when scrolled near): fragmentation over the weeks, when you are creative.
      await page.getByTestId('insights').scrollIntoViewIfNeeded();
      await page.waitForSelector('[data-testid="time-of-day"]', { timeout: 30_000 });
      await settle(page);
      await page
        .getByTestId('fragmentation')
        .screenshot({ path: path.join(OUT, `dashboard-fragmentation-${scheme}.png`) });
      written.push(`dashboard-fragmentation-${scheme}.png`);
      await page.getByTestId('time-of-day').screenshot({ path: path.join(OUT, `dashboard-time-of-day-${scheme}.png`) });
      written.push(`dashboard-time-of-day-${scheme}.png`);
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

      // This week's review: next week's focus plan, suggested from the demo weeks (issue #15 §4).
      await page.goto(browser.url(`review.html?week=${weekKeyOf(now, localeWeekStartsOn(locale))}`));
      await page.waitForSelector('[data-testid="plan"]', { timeout: 30_000 });
      if (scheme === 'light') await page.getByTestId('intent').fill('Finish the case study draft before Thursday.');
      await page.getByTestId('plan-suggest').click();
      await page.waitForSelector('[data-testid="plan-row"]', { timeout: 10_000 });
      await settle(page);
      // A clip of the full page, so the sticky navigation bar does not cover the card's top.
      const box = await page.getByTestId('plan').evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
      });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(OUT, `plan-${scheme}.png`), fullPage: true, clip: box });
      written.push(`plan-${scheme}.png`);

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
      await page
        .getByTestId('calendar-file')
        .setInputFiles({ name: 'work-calendar.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
      await page.waitForSelector('[data-testid="calendar-preview"]', { timeout: 10_000 });
      await settle(page);
      await page.locator('#calendar').screenshot({ path: path.join(OUT, `settings-calendar-${scheme}.png`) });
      written.push(`settings-calendar-${scheme}.png`);

      // The preview's recurring meetings and organizers, from a marketer's calendar; one series picked as creative.
      await page.getByTestId('calendar-preview').getByRole('button', { name: 'Cancel', exact: true }).click();
      await page
        .getByTestId('calendar-file')
        .setInputFiles({ name: 'marketing.ics', mimeType: 'text/calendar', buffer: Buffer.from(seriesCalendar(now)) });
      await page.waitForSelector('[data-testid="meeting-series"]', { timeout: 10_000 });
      // Whose calendar it is: the person's own meetings then leave the organizer table (a line says so).
      await page.getByTestId('calendar-owner').fill('me@brand.example');
      await page.waitForSelector('[data-testid="meeting-organizers-own"]', { timeout: 10_000 });
      await page.getByRole('button', { name: 'Count “Design crit” as creative…' }).click();
      // Tall enough, and centred, so the page's sticky header does not cover the tables.
      await page.setViewportSize({ width: 1280, height: 1500 });
      await page.getByTestId('meeting-summary').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await settle(page);
      await page.getByTestId('meeting-summary').screenshot({ path: path.join(OUT, `calendar-series-${scheme}.png`) });
      written.push(`calendar-series-${scheme}.png`);
      await page.setViewportSize({ width: 1280, height: 900 });

      // The team view with seven synthetic people's files (two named, five unnamed as by default).
      await page.goto(browser.url('team.html'));
      const team = demoTeamFiles(now, { count: 7, weeks: 6, aliases: ['Priya', 'Sam'] });
      await page
        .getByTestId('team-file-input')
        .setInputFiles(
          team.map((f) => ({ name: f.fileName, mimeType: 'application/json', buffer: Buffer.from(f.text) })),
        );
      await page.waitForSelector('[data-testid="team-headline"]', { timeout: 30_000 });
      await settle(page);
      written.push(await shoot(page, `team-${scheme}.png`, true));

      // The popup, as the toolbar shows it: 360 px wide, the site tab behind it.
      const popup = await browser.context.newPage();
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.setViewportSize({ width: 360, height: 900 });
      await site.bringToFront();
      await popup.goto(browser.url('popup.html'));
      await popup.waitForSelector('[data-testid="popup-share"]', { timeout: 30_000 });
      await popup.waitForSelector('[data-testid="popup-site"]', { timeout: 10_000 });
      await settle(popup);
      const height = await popup.evaluate(() =>
        Math.ceil(document.querySelector('main')!.getBoundingClientRect().height),
      );
      await popup.setViewportSize({ width: 360, height });
      written.push(await shoot(popup, `popup-${scheme}.png`, false));
      await popup.close();

      // A site no rule knows but whose address says what it is: the popup shows the guess and why.
      const guessed = await browser.context.newPage();
      await guessed.goto('https://tasks.partner-agency.co/board/4711');
      await guessed.bringToFront();
      const guessPopup = await browser.context.newPage();
      await guessPopup.emulateMedia({ colorScheme: scheme });
      await guessPopup.setViewportSize({ width: 360, height: 900 });
      await guessed.bringToFront();
      await guessPopup.goto(browser.url('popup.html'));
      await guessPopup.waitForSelector('[data-testid="popup-guess"]', { timeout: 30_000 });
      await settle(guessPopup);
      const guessHeight = await guessPopup.evaluate(() =>
        Math.ceil(document.querySelector('main')!.getBoundingClientRect().height),
      );
      await guessPopup.setViewportSize({ width: 360, height: guessHeight });
      written.push(await shoot(guessPopup, `popup-guess-${scheme}.png`, false));
      await guessPopup.close();
      await guessed.close();
    }
    written.push(...(await storeScreenshots(browser, page, site, lastWeek)));
  } finally {
    await browser.close();
  }
  console.log(
    `Wrote ${written.length} screenshots to ${path.relative(process.cwd(), OUT) || OUT}:\n${written.map((f) => `  ${f}`).join('\n')}`,
  );
}

/**
 * Store screenshots (Chrome Web Store and AMO): exactly 1280×800, light, in docs/store/, plus the
 * good week's dashboard for the README (docs/screenshots/dashboard-good-light.png). The seeded
 * current week is a typical, meeting-heavy one (near 25 % creative), the week before a good one
 * (near 50 %): the survey's two lines (lib/demo/seed.ts).
 */
async function storeScreenshots(
  browser: Awaited<ReturnType<typeof launchWithExtension>>,
  page: Page,
  site: Page,
  lastWeek: string,
): Promise<string[]> {
  const dir = path.join(REPO_ROOT, 'docs', 'store');
  mkdirSync(dir, { recursive: true });
  const size = { width: 1280, height: 800 };
  const written: string[] = [];
  const store = async (target: Page, name: string) => {
    await settle(target);
    await target.screenshot({ path: path.join(dir, name), clip: { x: 0, y: 0, ...size } });
    written.push(`../store/${name}`);
  };
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(size);
  await page.bringToFront();
  const dashboard = async (week: string | null) => {
    await page.goto(browser.url(week ? `dashboard.html?week=${week}` : 'dashboard.html'));
    await page.waitForSelector('[data-testid="headline-share"]', { timeout: 30_000 });
    await page.waitForFunction(() => !!document.documentElement.dataset.readyWeek, undefined, { timeout: 30_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
  };
  await dashboard(null);
  await store(page, '1-dashboard-typical.png');
  await dashboard(lastWeek);
  await store(page, '2-dashboard-good.png');
  await page.setViewportSize({ width: 1280, height: 900 });
  await settle(page);
  written.push(await shoot(page, 'dashboard-good-light.png', true));
  await page.setViewportSize(size);

  // The popup as the toolbar shows it (360 px), on a calm backdrop with a caption.
  const popup = await browser.context.newPage();
  await popup.emulateMedia({ colorScheme: 'light' });
  await popup.setViewportSize({ width: 360, height: 900 });
  await site.bringToFront();
  await popup.goto(browser.url('popup.html'));
  await popup.waitForSelector('[data-testid="popup-site"]', { timeout: 30_000 });
  await settle(popup);
  const height = await popup.evaluate(() => Math.ceil(document.querySelector('main')!.getBoundingClientRect().height));
  await popup.setViewportSize({ width: 360, height });
  const shot = (await popup.screenshot()).toString('base64');
  await popup.close();
  const frame = await browser.context.newPage();
  await frame.setViewportSize(size);
  await frame.setContent(
    `<!doctype html><html><body style="margin:0;width:1280px;height:800px;display:flex;align-items:center;justify-content:center;gap:72px;background:#eef1f5;font-family:system-ui,sans-serif;color:#1f2937">` +
      `<div style="max-width:420px"><h1 style="font-size:40px;line-height:1.15;margin:0 0 16px">Today, one click away</h1>` +
      `<p style="font-size:21px;line-height:1.5;margin:0;color:#4b5563">Your creative share so far, against the survey’s typical 25&nbsp;% and good-day 50&nbsp;%. Classify a site the catalog does not know in one click.</p></div>` +
      `<img alt="" src="data:image/png;base64,${shot}" style="max-height:740px;border-radius:12px;box-shadow:0 12px 40px rgba(15,23,42,.18)"></body></html>`,
  );
  await store(frame, '3-popup.png');
  await frame.close();

  await page.goto(browser.url(`review.html?week=${lastWeek}`));
  await page.waitForSelector('[data-testid="review-text"] p', { timeout: 30_000 });
  await store(page, '4-review.png');

  await page.goto(browser.url('options.html#data'));
  await page.waitForSelector('[data-testid="csv-export"]', { timeout: 30_000 });
  await page.locator('#data').scrollIntoViewIfNeeded();
  await page.evaluate(() => document.getElementById('data')!.scrollIntoView({ block: 'start' }));
  await store(page, '5-settings.png');
  return written;
}

async function shoot(page: Page, name: string, fullPage: boolean): Promise<string> {
  await page.screenshot({ path: path.join(OUT, name), fullPage });
  return name;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
