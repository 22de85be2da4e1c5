/**
 * Creative meetings in a real Chromium: a calendar meeting classified creative from the
 * dashboard's day list changes the share at once, and "Every … like this" turns it into a meeting
 * rule that rewrites the other occurrences with that title; in a calendar file's preview, a
 * recurring series is picked as creative without its UID ever being shown (issue #15 §5).
 */
import { addDays, format, setHours, startOfWeek } from 'date-fns';
import { afterEach, describe, expect, it } from 'vitest';
import type { Segment } from '../../lib/model.ts';
import { seedDatabase } from '../../scripts/demo.ts';
import { launchExtension, type LaunchedExtension } from './support/launch.ts';
import { MONDAY, openDashboard, seededPage, segmentAt as seg, SMALL_DATA_SETTINGS } from './support/seeded-pages.ts';
import { readStore } from './support/store.ts';

/** A weekly series of four, the last one in the week before this one, `day` days after Monday. */
function weekly(uid: string, title: string, day: number, hour: number, organizer: string): string[] {
  const start = setHours(addDays(startOfWeek(Date.now(), { weekStartsOn: 1 }), -21 + day), hour);
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `SUMMARY:${title}`,
    `DTSTART:${format(start, "yyyyMMdd'T'HHmmss")}`,
    `DTEND:${format(setHours(start, hour + 1), "yyyyMMdd'T'HHmmss")}`,
    'RRULE:FREQ=WEEKLY;COUNT=4',
    `ORGANIZER:mailto:${organizer}`,
    'ATTENDEE:mailto:me@brand.example',
    'END:VEVENT',
  ];
}

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

describe('recurring meetings in the calendar preview', () => {
  it('counts the “Design crit” series as creative without showing or asking for its UID', async () => {
    const CRIT_UID = '7f3k2q9x0c1v@google.com';
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Test//Test//EN',
      ...weekly('campaign-0a9z8y@google.com', 'Campaign sync', 0, 10, 'ann@agency.example'),
      ...weekly(CRIT_UID, 'Design crit', 2, 14, 'lea@brand.example'),
      'END:VCALENDAR',
    ].join('\r\n');
    ext = await launchExtension();
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('dashboard.html'));
    await seedDatabase(page, {
      segments: [],
      settings: SMALL_DATA_SETTINGS,
    });
    await page.goto(ext.extensionUrl('options.html#calendar'));
    await page
      .getByTestId('calendar-file')
      .setInputFiles({ name: 'work.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
    const series = page.getByTestId('meeting-series');
    await series.waitFor({ timeout: 30_000 });
    expect(await series.getByRole('rowheader').allInnerTexts()).toEqual(['Campaign sync', 'Design crit']);
    const share = page.getByTestId('calendar-creative-share');
    expect(await share.innerText()).toMatch(/^All meetings count as coordination\./);

    await series.getByRole('button', { name: 'Count “Design crit” as creative…' }).click();
    const editor = page.getByTestId('meeting-summary-editor');
    expect(await editor.getByLabel('Name in your rules').inputValue()).toBe('Design crit');
    await editor.getByLabel('Counts as').selectOption('creative:design');
    await editor.getByRole('button', { name: 'Add rule' }).click();

    // The preview plans again with the new rule: the share and the row change at once.
    await expect.poll(() => share.innerText()).toMatch(/^4 of 8 meetings \(4 h of 8 h\) count as creative\./);
    const crit = series.locator('tr', { hasText: 'Design crit' });
    await expect.poll(() => crit.innerText()).toContain('Creative · Design & video (your rule)');
    expect(await crit.getByRole('button', { name: /^Undo/ }).isVisible()).toBe(true);
    // Settings' list names the rule by the series' name.
    expect(await page.getByTestId('meeting-rules').innerText()).toContain('Repeating meeting “Design crit”');
    expect(await page.locator('body').innerText()).not.toContain(CRIT_UID);
    expect(await page.content()).not.toContain(CRIT_UID);

    await page.getByTestId('calendar-import-button').click();
    await expect.poll(() => page.getByTestId('calendar-status').innerText()).toMatch(/Imported 8 meetings/);

    const settings = (await readStore(ext, 'settings', 'page')) as {
      value: { meetingClasses: { rules: Record<string, unknown>[] } };
    }[];
    expect(settings[0]!.value.meetingClasses.rules).toEqual([
      expect.objectContaining({
        match: 'series',
        value: CRIT_UID,
        class: 'creative',
        kind: 'design',
        label: 'Design crit',
      }),
    ]);
    const segments = (await readStore(ext, 'segments', 'page')) as Segment[];
    const calendar = segments.filter((s) => s.source === 'calendar');
    expect(calendar).toHaveLength(8);
    expect(calendar.filter((s) => s.override?.class === 'creative').map((s) => format(s.start, 'EEE HH:mm'))).toEqual([
      'Wed 14:00',
      'Wed 14:00',
      'Wed 14:00',
      'Wed 14:00',
    ]);

    // Last week on the dashboard: 1 h Campaign sync (coordination) + 1 h Design crit (creative).
    const lastWeek = format(addDays(startOfWeek(Date.now(), { weekStartsOn: 1 }), -7), 'yyyy-MM-dd');
    await page.goto(ext.extensionUrl(`dashboard.html?week=${lastWeek}`));
    await page.waitForSelector('[data-testid="headline-share"]', { timeout: 30_000 });
    expect(await page.getByTestId('headline-share').innerText()).toBe('50%');
  });
});
