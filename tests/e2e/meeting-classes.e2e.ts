/**
 * Creative meetings in a real Chromium: a calendar meeting classified creative from the
 * dashboard's day list changes the share at once, and "Every … like this" turns it into a meeting
 * rule that rewrites the other occurrences with that title (issue #15 §5).
 */
import { addDays } from 'date-fns';
import { afterEach, describe, expect, it } from 'vitest';
import type { Segment } from '../../lib/model.ts';
import { launchExtension, type LaunchedExtension } from './support/launch.ts';
import { MONDAY, openDashboard, seededPage, segmentAt as seg, SMALL_DATA_SETTINGS } from './support/seeded-pages.ts';
import { readStore } from './support/store.ts';

let ext: LaunchedExtension | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

const meeting = (day: Date, hour: number): Segment =>
  seg(day, hour, 60, {
    source: 'calendar',
    label: 'Content jam',
    override: { class: 'coordination', kind: 'meetings' },
    importId: 'ics:Work:1700000000000',
  });

describe('creative meetings', () => {
  it('classifies a meeting creative in the day list, then every meeting with its title', async () => {
    ext = await launchExtension();
    // Mon: 2 h Docs (creative) + a 1 h "Content jam"; Tue: the same meeting again → 2 of 4 h creative.
    const page = await seededPage(ext, {
      segments: [
        seg(MONDAY, 9, 120, { host: 'docs.google.com', path: '/document/d/*/edit' }),
        meeting(MONDAY, 11),
        meeting(addDays(MONDAY, 1), 11),
      ],
      settings: SMALL_DATA_SETTINGS,
    });
    await openDashboard(page);
    const share = () => page.getByTestId('headline-share').innerText();
    expect(await share()).toBe('50%');

    await page.getByTestId('timeline').getByRole('button', { name: /^Mon/ }).click();
    const row = page.getByTestId('segment-table').locator('tr', { hasText: 'Calendar event' });
    await row.getByRole('combobox').selectOption('creative:writing');
    await expect.poll(share).toBe('75%');

    await row.getByTestId('timeline-meeting-rule').click();
    await expect.poll(share).toBe('100%');
    const settings = (await readStore(ext, 'settings', 'page')) as {
      value?: { meetingClasses?: { rules?: unknown[] } };
    }[];
    expect(JSON.stringify(settings)).toContain('"value":"content jam"');
    const segments = (await readStore(ext, 'segments', 'page')) as Segment[];
    expect(segments.filter((s) => s.source === 'calendar').map((s) => s.override)).toEqual([
      { class: 'creative', kind: 'writing' },
      { class: 'creative', kind: 'writing' },
    ]);
  });
});
