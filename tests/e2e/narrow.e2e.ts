/**
 * No sideways scrolling on a narrow window (issue #15 §6): every page at 390 px wide — the width of
 * a phone-sized window or a browser docked to a third of a laptop screen — fits its width, with real
 * data (four weeks of the demo, the team view with its charts), in light and dark.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoSegments } from '../../lib/demo/seed.ts';
import { demoTeamFiles } from '../../lib/export/team-demo.ts';
import { seedDatabase } from '../../scripts/demo.ts';
import { launchExtension, type LaunchedExtension } from './support/launch.ts';

const WIDTH = 390;

let ext: LaunchedExtension;
let page: Page;

beforeAll(async () => {
  ext = await launchExtension();
  page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('dashboard.html'));
  await seedDatabase(page, { segments: generateDemoSegments({ weeks: 4, now: Date.now() }) });
});

afterAll(async () => {
  await ext?.close();
});

/** What overflows the page's width: the document's own scroll width, and the widest element's right edge. */
async function overflow(p: Page): Promise<{ scrollWidth: number; clientWidth: number; widest: string }> {
  return p.evaluate(() => {
    const root = document.documentElement;
    let widest = '';
    let right = root.clientWidth;
    /** Inside a box that scrolls or clips sideways (a table's scroll wrapper): that box contains it. */
    const contained = (el: Element): boolean => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      return false;
    };
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (contained(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > right + 0.5) {
        right = r.right;
        widest = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${String(el.className).split(' ')[0]} "${(el.textContent ?? '').trim().slice(0, 50)}" (${Math.round(r.right)} px)`;
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest };
  });
}

async function fitsWidth(p: Page, what: string): Promise<void> {
  await p.waitForTimeout(200);
  const o = await overflow(p);
  expect(
    o.scrollWidth,
    `${what}: scrollWidth ${o.scrollWidth} > clientWidth ${o.clientWidth}; widest ${o.widest}`,
  ).toBeLessThanOrEqual(o.clientWidth);
}

describe(`every page at ${WIDTH} px`, () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`dashboard, review, settings, welcome and popup fit the width (${scheme})`, async () => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: WIDTH, height: 844 });
      const pages: Array<[string, string]> = [
        ['dashboard.html', '[data-testid="headline-share"]'],
        ['review.html', 'main h1'],
        ['options.html', '[data-testid="rules-section"]'],
        ['welcome.html', 'html[data-ready="welcome"]'],
        ['popup.html', '[data-testid="popup-today"]'],
      ];
      for (const [file, ready] of pages) {
        await page.goto(ext.extensionUrl(file));
        await page.waitForSelector(ready, { timeout: 30_000 });
        await fitsWidth(page, file);
      }
      // The dashboard's opened parts (tables behind the charts, Add time) fit too.
      await page.goto(ext.extensionUrl('dashboard.html'));
      await page.waitForSelector('[data-testid="headline-share"]', { timeout: 30_000 });
      for (const summary of await page.locator('details > summary').all()) await summary.click().catch(() => undefined);
      await fitsWidth(page, 'dashboard with every table open');
    });
  }

  it('the team view with its charts fits the width', async () => {
    await page.setViewportSize({ width: WIDTH, height: 844 });
    await page.goto(ext.extensionUrl('team.html'));
    await page.getByTestId('team-empty').waitFor();
    const files = demoTeamFiles(Date.now(), { count: 6, weeks: 4 }).map((f) => ({
      name: f.fileName,
      mimeType: 'application/json',
      buffer: Buffer.from(f.text),
    }));
    await page.getByLabel('Team export files (.json)').setInputFiles(files);
    await page.getByTestId('team-headline').waitFor({ timeout: 30_000 });
    await fitsWidth(page, 'team.html');
  });
});
