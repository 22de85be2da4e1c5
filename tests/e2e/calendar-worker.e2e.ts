/**
 * Calendar files are read, expanded and planned in a Web Worker (lib/calendar/worker-client.ts),
 * in a real Chromium under the MV3 CSP: a 10,000-event file imports with a progress bar while the
 * page keeps drawing frames and has no long task, changing an option re-plans in the worker,
 * Cancel stops it, and a hostile file ends in a clear error naming the event. Prints the time from
 * choosing the file to the preview and the page's longest task (medians are in docs/calendar.md).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { syntheticCalendar } from '../fixtures/ics/synthetic-calendar.ts';
import { launchExtension, type LaunchedExtension } from './support/launch.ts';

let ext: LaunchedExtension | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await ext?.close();
  ext = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/**
 * The file on disk, chosen by path: Chromium then sets it on the input through DevTools. (A buffer
 * is decoded by Playwright's own script inside the page — for 6.4 MB a ~1 s task of the test
 * harness on the page's main thread, which would be measured as the page's.)
 */
function onDisk(name: string, text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'creative-ratio-ics-'));
  dirs.push(dir);
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const WEEK = 7 * 86_400_000;

async function longest(page: Page): Promise<{ maxGap: number; longest: number; longTasks: number }> {
  return page.evaluate(() => {
    const w = window as unknown as { maxGap: number; longest: number; longTasks: number };
    return { maxGap: w.maxGap, longest: w.longest, longTasks: w.longTasks };
  });
}

/**
 * Loose, for a loaded machine: with the meeting rules on the page (before the plan moved to the
 * worker) its longest task was 257–571 ms; with everything in the worker, 65–73 ms.
 */
const LONG_TASK_BOUND_MS = 200;

async function settingsPage(): Promise<Page> {
  ext = await launchExtension();
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('options.html#calendar'));
  // Four weeks back (+ next week), as the Node benchmark: 10,000 dense events stay under 50,000 occurrences.
  // Set the way an older version stored it, so this also proves the move into the extension's storage.
  await page.evaluate(() =>
    localStorage.setItem('creative-ratio.calendar-import.v2', JSON.stringify({ weeksBack: 4 })),
  );
  await page.reload();
  await page.waitForSelector('#calendar [data-testid="calendar-file"]');
  // An older version kept the options in localStorage: the page moves them into the extension's storage once.
  await page.waitForFunction(() => localStorage.getItem('creative-ratio.calendar-import.v2') === null);
  return page;
}

/**
 * Start counting the longest gap between animation frames (a frozen main thread shows as a long
 * gap) and the longest task of the page's main thread (PerformanceObserver 'longtask': every task
 * over 50 ms).
 */
async function watchFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { maxGap: number; last: number; longest: number; longTasks: number };
    w.maxGap = 0;
    w.longest = 0;
    w.longTasks = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        w.longest = Math.max(w.longest, e.duration);
        w.longTasks++;
      }
    }).observe({ type: 'longtask' });
    w.last = performance.now();
    const tick = (t: number) => {
      w.maxGap = Math.max(w.maxGap, t - w.last);
      w.last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

describe('calendar import in a Web Worker', () => {
  it('imports 10,000 events with progress, no long task on the page, under 5 s; an option change re-plans in the worker', async () => {
    const page = await settingsPage();
    const text = syntheticCalendar(10_000, Date.now() - 3 * WEEK);
    await watchFrames(page);
    const t0 = Date.now();
    await page.getByTestId('calendar-file').setInputFiles(onDisk('big.ics', text));
    await page.waitForSelector('[data-testid="calendar-progress"]');
    await page.waitForSelector('[data-testid="calendar-meeting-count"]', { timeout: 60_000 });
    const ms = Date.now() - t0;
    const read = await longest(page);
    console.log(
      `10,000 events (${(text.length / 1024 / 1024).toFixed(1)} MB): preview after ${ms} ms; longest main-thread task ${read.longest.toFixed(0)} ms (${read.longTasks} over 50 ms); longest frame gap ${read.maxGap.toFixed(0)} ms`,
    );
    const count = async () =>
      Number((await page.getByTestId('calendar-meeting-count').textContent())!.replace(/\D/g, ''));
    const withOwner = await count();
    expect(withOwner).toBeGreaterThan(10_000);
    expect(await page.getByTestId('calendar-owner').inputValue()).toBe('owner@acme.example');
    expect(ms).toBeLessThan(15_000); // loose guard on a shared machine; the figure is printed above
    // Parsing, expanding and planning are off the main thread: receiving the plan and drawing the preview is all that is left.
    expect(read.longest).toBeLessThan(LONG_TASK_BOUND_MS);

    // Without the owner's address, the invitations they declined count: the worker plans again.
    const t1 = Date.now();
    await page.getByTestId('calendar-owner').fill('');
    await page.waitForFunction(
      (n) =>
        Number(document.querySelector('[data-testid="calendar-meeting-count"]')?.textContent?.replace(/\D/g, '')) > n,
      withOwner,
      { timeout: 30_000 },
    );
    await page.waitForSelector('[data-testid="calendar-import-button"]:not([disabled])');
    const replan = await longest(page);
    console.log(
      `re-plan after clearing the owner: ${Date.now() - t1} ms; longest main-thread task so far ${replan.longest.toFixed(0)} ms`,
    );
    expect(await count()).toBeGreaterThan(withOwner);
    expect(replan.longest).toBeLessThan(LONG_TASK_BOUND_MS);
    // And back: the same count as before, from the worker again.
    await page.getByTestId('calendar-owner').fill('owner@acme.example');
    await page.waitForFunction(
      (n) =>
        Number(document.querySelector('[data-testid="calendar-meeting-count"]')?.textContent?.replace(/\D/g, '')) === n,
      withOwner,
      { timeout: 30_000 },
    );
  });

  it('Cancel stops reading and shows no preview', async () => {
    const page = await settingsPage();
    await page
      .getByTestId('calendar-file')
      .setInputFiles(onDisk('big.ics', syntheticCalendar(10_000, Date.now() - 3 * WEEK)));
    // For a person to look at (not compared): the progress bar with its Cancel button.
    await page
      .locator('[data-testid="calendar-progress"]')
      .screenshot({ path: path.join(tmpdir(), 'creative-ratio-calendar-progress.png') });
    await page.getByTestId('calendar-progress-cancel').click();
    await page.waitForTimeout(1_500);
    expect(await page.locator('[data-testid="calendar-progress"]').count()).toBe(0);
    expect(await page.locator('[data-testid="calendar-preview"]').count()).toBe(0);
  });

  it('a hostile file (every weekday × 1,440 times a day) ends in a clear error naming the event', async () => {
    const page = await settingsPage();
    const hours = Array.from({ length: 24 }, (_, h) => h).join(',');
    const minutes = Array.from({ length: 60 }, (_, m) => m).join(',');
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Test//EN',
      'BEGIN:VEVENT',
      'UID:dense',
      'DTSTART:20250303T000000Z',
      'DURATION:PT1M',
      `RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=${hours};BYMINUTE=${minutes}`,
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    await page
      .getByTestId('calendar-file')
      .setInputFiles({ name: 'dense.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
    const alert = await page.waitForSelector('[role="alert"]');
    expect(await alert.textContent()).toMatch(/The event on line 4 \(UID "dense"\) repeats too densely/);
  });
});
