/**
 * The plan-and-protect loop in a real Chromium (issue #15 §4): seeded weeks with creative
 * afternoons and a recurring Monday meeting, a plan for the shown week with last week's intent.
 * The review shows the intent at the top and the plan against what happened; then a plan for
 * next week is suggested, edited, saved, downloaded as .ics, parsed back with ical.js and
 * compared with what is stored.
 *
 * Pages run on a fixed clock: Friday 16:00 of last week (local time), so the shown week is
 * "this week" with Monday–Thursday behind it.
 */
import { readFileSync } from 'node:fs';
import { addDays, format, setHours, setMinutes, startOfDay, startOfWeek } from 'date-fns';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Segment } from '../../lib/model.ts';
import { DEFAULT_SETTINGS } from '../../lib/settings.ts';
import { seedDatabase } from '../../scripts/demo.ts';
import { readIcsEvents } from '../fixtures/ics/read-back.ts';
import { launchExtension, type LaunchedExtension } from './support/launch.ts';
import { readStore } from './support/store.ts';

const MIN = 60_000;
const MONDAY = addDays(startOfWeek(Date.now(), { weekStartsOn: 1 }), -7);
const NOW = setHours(addDays(MONDAY, 4), 16).getTime();
const WEEK = format(MONDAY, 'yyyy-MM-dd');
const NEXT_MONDAY = addDays(MONDAY, 7);

let ext: LaunchedExtension | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

let nextId = 1;
function at(day: Date, hour: number, minute = 0): number {
  return setMinutes(setHours(startOfDay(day), hour), minute).getTime();
}
function seg(
  day: Date,
  hour: number,
  minute: number,
  minutes: number,
  host: string,
  pathShape: string,
  extra: Partial<Segment> = {},
): Segment {
  const start = at(day, hour, minute);
  return {
    id: nextId++,
    start,
    end: start + minutes * MIN,
    day: format(start, 'yyyy-MM-dd'),
    host,
    path: pathShape,
    source: 'browser',
    lane: 'focus',
    ...extra,
  };
}
const docs = (day: Date, h: number, m: number, len: number) =>
  seg(day, h, m, len, 'docs.google.com', '/document/d/*/edit');
const slack = (day: Date, h: number, m: number, len: number) => seg(day, h, m, len, 'app.slack.com', '/client/*/*');
const meeting = (day: Date, h: number, m: number, len: number) =>
  seg(day, h, m, len, '', '', {
    source: 'calendar',
    label: 'Meeting',
    override: { class: 'coordination', kind: 'meetings' },
    importId: 'cal-1',
  });

function seeded(): Segment[] {
  const out: Segment[] = [];
  // Three earlier weeks: writing Tuesday and Thursday 14:00–16:00, the Monday 10:00 meeting, some chat.
  for (const w of [-3, -2, -1]) {
    const mon = addDays(MONDAY, 7 * w);
    out.push(
      docs(addDays(mon, 1), 14, 0, 120),
      docs(addDays(mon, 3), 14, 0, 120),
      meeting(mon, 10, 0, 60),
      slack(mon, 11, 0, 60),
      slack(addDays(mon, 2), 9, 0, 90),
    );
  }
  // The shown week, against its plan: Monday and Tuesday kept, Wednesday broken by a meeting and chat, Thursday partly.
  out.push(
    docs(MONDAY, 9, 0, 90),
    meeting(MONDAY, 10, 30, 30),
    docs(addDays(MONDAY, 1), 14, 0, 90),
    meeting(addDays(MONDAY, 2), 9, 0, 60),
    slack(addDays(MONDAY, 2), 10, 0, 30),
    docs(addDays(MONDAY, 3), 14, 0, 45),
    slack(addDays(MONDAY, 3), 14, 45, 45),
  );
  // Next week, already imported: a Wednesday workshop 14:00–16:00.
  out.push(meeting(addDays(NEXT_MONDAY, 2), 14, 0, 120));
  return out;
}

const block = (id: string, day: Date, h: number, len = 90) => ({
  id,
  start: at(day, h),
  end: at(day, h) + len * MIN,
  kind: 'writing',
});

async function open(): Promise<Page> {
  ext = await launchExtension();
  await ext.context.clock.setFixedTime(new Date(NOW));
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('dashboard.html'));
  await seedDatabase(page, {
    segments: seeded(),
    settings: { ...DEFAULT_SETTINGS, weekStartsOn: 1, enoughData: { dayMinutes: 30, weekMinutes: 60 } },
    plans: [
      {
        week: WEEK,
        blocks: [
          block('p-mon', MONDAY, 9),
          block('p-tue', addDays(MONDAY, 1), 14),
          block('p-wed', addDays(MONDAY, 2), 9),
          block('p-thu', addDays(MONDAY, 3), 14),
        ],
        intent: 'Ship the launch brief before Thursday.',
        updatedAt: NOW - 7 * 24 * 60 * MIN,
      },
    ],
  });
  await page.goto(ext.extensionUrl(`review.html?week=${WEEK}`));
  await page.waitForSelector('[data-testid="plan"]', { timeout: 30_000 });
  return page;
}

interface StoredPlan {
  week: string;
  blocks: Array<{ id: string; start: number; end: number; kind: string }>;
  intent: string;
}
/** The stored plans, read in the extension's page (the same origin as the review). */
const plans = (_page: Page) => readStore(ext!, 'plans', 'page') as Promise<StoredPlan[]>;

describe('focus plan on the weekly review', () => {
  it('brings back the intent, shows the plan against what happened, plans next week and exports it as .ics', async () => {
    const page = await open();

    // Last week's intent, at the top.
    expect(await page.getByTestId('intent-carry').innerText()).toContain('Ship the launch brief before Thursday.');

    // Plan vs actual.
    expect(await page.getByTestId('plan-actual-summary').innerText()).toMatch(
      /^2 of 4 blocks kept, 1 partly, 1 broken\. What got in the way most: (meetings & calendar|chat & email)/,
    );
    const rows = page.getByTestId('plan-actual-table').locator('tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')))).toEqual([
      'kept',
      'kept',
      'broken',
      'partly',
    ]);
    const wed = await rows.nth(2).innerText();
    expect(wed).toContain('Meetings & calendar');
    expect(wed).toContain('Chat & email (Slack)');

    // Next week: an intent, then suggested blocks.
    await page.getByTestId('intent').fill('Write the case study.');
    await page.getByTestId('plan-suggest').click();
    await expect.poll(async () => page.getByTestId('plan-row').count(), { timeout: 10_000 }).toBeGreaterThan(2);
    const next = format(NEXT_MONDAY, 'yyyy-MM-dd');
    await expect
      .poll(async () => (await plans(page)).find((p) => p.week === next)?.intent, { timeout: 10_000 })
      .toBe('Write the case study.');
    const suggested = (await plans(page)).find((p) => p.week === next)!.blocks;
    // Around the known workshop and the recurring Monday 10:00 meeting, in the creative afternoons first.
    const busy = [
      [at(addDays(NEXT_MONDAY, 2), 14), at(addDays(NEXT_MONDAY, 2), 16)],
      [at(NEXT_MONDAY, 10), at(NEXT_MONDAY, 11)],
    ];
    for (const b of suggested) {
      for (const [s, e] of busy) expect(b.end <= s! || b.start >= e!).toBe(true);
      expect(b.end - b.start).toBeGreaterThanOrEqual(60 * MIN);
      expect(b.end - b.start).toBeLessThanOrEqual(120 * MIN);
    }
    expect(suggested.some((b) => b.start === at(addDays(NEXT_MONDAY, 1), 14))).toBe(true);
    expect(suggested.every((b) => b.kind === 'writing')).toBe(true);

    // Edit: the first block becomes 60 min long, the second moves to Friday 11:00, the last is removed, one is added.
    const first = page.getByTestId('plan-row').first();
    await first.getByTestId('plan-length').selectOption('60');
    await expect
      .poll(
        async () =>
          (await plans(page)).find((p) => p.week === next)!.blocks[0]!.end -
          (await plans(page)).find((p) => p.week === next)!.blocks[0]!.start,
      )
      .toBe(60 * MIN);
    const second = page.getByTestId('plan-row').nth(1);
    const movedId = await second.getAttribute('data-block');
    await second.getByTestId('plan-day').selectOption('4');
    const moved = page.locator(`[data-block="${movedId}"]`);
    await moved.getByTestId('plan-start').fill('11:00');
    await moved.getByTestId('plan-start').press('Enter');
    await expect
      .poll(async () => (await plans(page)).find((p) => p.week === next)!.blocks.find((b) => b.id === movedId)?.start, {
        timeout: 10_000,
      })
      .toBe(at(addDays(NEXT_MONDAY, 4), 11));
    const count = await page.getByTestId('plan-row').count();
    await page.getByTestId('plan-row').last().getByTestId('plan-remove').click();
    await expect.poll(() => page.getByTestId('plan-row').count()).toBe(count - 1);
    await page.getByTestId('plan-add').click();
    await expect.poll(() => page.getByTestId('plan-row').count()).toBe(count);
    // The table is keyboard-reachable: every row's controls have names.
    expect(await page.getByRole('combobox', { name: /^Day of the block/ }).count()).toBe(count);

    // Download the .ics and read it back.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-download').click()]);
    expect(download.suggestedFilename()).toBe(`focus-plan-${next}.ics`);
    const ics = readFileSync((await download.path())!, 'utf8');
    expect(ics.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    const events = readIcsEvents(ics);
    const stored = (await plans(page)).find((p) => p.week === next)!.blocks;
    expect(events.map((e) => [e.start, e.end]).sort()).toEqual(stored.map((b) => [b.start, b.end]).sort());
    expect(new Set(events.map((e) => e.uid)).size).toBe(stored.length);
    expect(events.every((e) => e.transp === 'OPAQUE' && /^Focus: /.test(e.summary))).toBe(true);

    // Next week's review brings the intent back and shows the plan (not started yet on this clock).
    await page.goto(ext!.extensionUrl(`review.html?week=${next}`));
    await page.waitForSelector('[data-testid="intent-carry"]', { timeout: 30_000 });
    expect(await page.getByTestId('intent-carry').innerText()).toContain('Write the case study.');
    expect(await page.getByTestId('plan-actual-summary').innerText()).toBe(
      `${stored.length} focus blocks are planned; none has started yet.`,
    );
  });
});
