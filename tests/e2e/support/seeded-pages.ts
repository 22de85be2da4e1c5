/**
 * Extension pages on seeded data at a fixed "now", for the page tests (pages.e2e.ts,
 * meeting-classes.e2e.ts, guess.e2e.ts): segments written straight into IndexedDB, and the pages on
 * Playwright's clock fixed at a Wednesday 15:00 two weeks back, so "today" and "this week" are the
 * same whenever the test runs. The service worker keeps the real clock; what it records happens
 * after the pages' "now" and is not shown.
 */
import { addDays, format, setHours, startOfDay, startOfWeek } from 'date-fns';
import type { Page } from 'playwright-core';
import type { Segment } from '../../../lib/model.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings.ts';
import { seedDatabase, type SeedData } from '../../../scripts/demo.ts';
import type { LaunchedExtension } from './launch.ts';

const MIN = 60_000;

/** Wednesday 15:00, two weeks before the real now (local time). */
export const NOW = setHours(addDays(startOfWeek(Date.now(), { weekStartsOn: 1 }), -14 + 2), 15).getTime();
/** The Monday of NOW's week. */
export const MONDAY = startOfWeek(NOW, { weekStartsOn: 1 });

/**
 * Thresholds low enough that small data sets' weeks and days get a verdict (the too-early state with
 * the default thresholds: first-run.e2e.ts).
 */
export const SMALL_DATA_SETTINGS: Settings = { ...DEFAULT_SETTINGS, enoughData: { dayMinutes: 30, weekMinutes: 60 } };

let nextId = 1;

/**
 * A browser focus segment of `minutes` from `hour` o'clock (local) on `day`, with a fresh id; `fields`
 * set the rest (host, path, or a calendar event's source, label and override).
 */
export function segmentAt(day: Date, hour: number, minutes: number, fields: Partial<Segment> = {}): Segment {
  const start = setHours(startOfDay(day), hour).getTime();
  return {
    id: nextId++,
    start,
    end: start + minutes * MIN,
    day: format(start, 'yyyy-MM-dd'),
    host: '',
    path: '',
    source: 'browser',
    lane: 'focus',
    ...fields,
  };
}

/**
 * Puts the extension's pages on the fixed clock (unless `fixedClock: false`: Playwright's clock also
 * fakes performance.now(), so speed measurements keep the real one), opens a dashboard page and writes
 * `data` into the database. The page is not reloaded: open what the test needs next (`openDashboard`).
 */
export async function seededPage(
  ext: LaunchedExtension,
  data: SeedData,
  options: { fixedClock?: boolean } = {},
): Promise<Page> {
  if (options.fixedClock !== false) await ext.context.clock.setFixedTime(new Date(NOW));
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('dashboard.html'));
  await seedDatabase(page, data);
  return page;
}

/**
 * Loads the dashboard (of the week starting `week`, `yyyy-MM-dd`, or the current one) in `page`, an
 * extension page, and waits until its headline is drawn.
 */
export async function openDashboard(page: Page, week = ''): Promise<void> {
  await page.goto(new URL(`dashboard.html${week ? `?week=${week}` : ''}`, page.url()).href);
  await page.waitForSelector('[data-testid="headline-share"]', { timeout: 30_000 });
}
