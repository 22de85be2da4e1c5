/**
 * "I skipped this one" in a real Chromium (issue #15 §5): an .ics with a repeating meeting is
 * imported in Settings → Calendar; in the dashboard's day list one occurrence is marked skipped,
 * the share changes and the browser time of that hour counts; Undo brings the meeting back.
 */
import { addDays, format, setHours, startOfDay, startOfWeek } from 'date-fns';
import { afterEach, describe, expect, it } from 'vitest';
import type { Segment } from '../../lib/model.ts';
import { DEFAULT_SETTINGS } from '../../lib/settings.ts';
import { seedDatabase } from '../../scripts/demo.ts';
import { launchExtension, type LaunchedExtension } from './support/launch.ts';
import { readStore } from './support/store.ts';

const MIN = 60_000;
/** Wednesday 15:00, two weeks before the real now (local time). */
const NOW = setHours(addDays(startOfWeek(Date.now(), { weekStartsOn: 1 }), -14 + 2), 15).getTime();
const MONDAY = startOfWeek(NOW, { weekStartsOn: 1 });
const TUESDAY = addDays(MONDAY, 1);

let ext: LaunchedExtension | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

const at = (day: Date, hour: number) => setHours(startOfDay(day), hour).getTime();
const docs = (id: number, day: Date, hour: number): Segment => ({
  id,
  start: at(day, hour),
  end: at(day, hour) + 60 * MIN,
  day: format(day, 'yyyy-MM-dd'),
  host: 'docs.google.com',
  path: '/document/d/*/edit',
  source: 'browser',
  lane: 'focus',
});

/** "Campaign sync", daily 10:00–11:00 local (floating time) Monday to Wednesday, two people. */
function weeklyIcs(): string {
  const local = (t: number) => format(t, "yyyyMMdd'T'HHmmss");
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//EN',
    'X-WR-CALNAME:Work',
    'BEGIN:VEVENT',
    'UID:campaign-sync-42@acme.example',
    `DTSTART:${local(at(MONDAY, 10))}`,
    `DTEND:${local(at(MONDAY, 11))}`,
    'RRULE:FREQ=DAILY;COUNT=3',
    'SUMMARY:Campaign sync',
    'ORGANIZER:mailto:lead@acme.example',
    'ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@acme.example',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
}

describe('I skipped this one', () => {
  it('skips one occurrence of an imported repeating meeting: the share changes, that hour’s browser time counts; Undo restores it', async () => {
    ext = await launchExtension();
    await ext.context.clock.setFixedTime(new Date(NOW));
    const page = await ext.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
    await page.goto(ext.extensionUrl('dashboard.html'));
    // Docs (creative) Monday 9–10 and, during Tuesday's meeting, Tuesday 10–11.
    await seedDatabase(page, {
      segments: [docs(1, MONDAY, 9), docs(2, TUESDAY, 10)],
      settings: { ...DEFAULT_SETTINGS, enoughData: { dayMinutes: 30, weekMinutes: 60 } },
    });

    // Import the calendar in Settings → Calendar.
    await page.goto(ext.extensionUrl('options.html#calendar'));
    await page.waitForSelector('#calendar [data-testid="calendar-file"]').catch(async () => {
      throw new Error(`No calendar file input. Errors: ${errors.join(' | ')}`);
    });
    await page
      .getByTestId('calendar-file')
      .setInputFiles({ name: 'work.ics', mimeType: 'text/calendar', buffer: Buffer.from(weeklyIcs()) });
    await page.waitForSelector('[data-testid="calendar-import-button"]:not([disabled])', { timeout: 30_000 });
    await page.getByTestId('calendar-import-button').click();
    await expect
      .poll(() => page.getByTestId('calendar-status').innerText(), { timeout: 30_000 })
      .toMatch(/Imported 3 meetings/);
    const meetings = (await readStore(ext, 'meetings', 'page')) as { occ: string; title?: string }[];
    expect(meetings).toHaveLength(3);
    expect(JSON.stringify(meetings)).not.toContain('campaign-sync-42');
    expect(JSON.stringify(meetings)).not.toContain('acme.example');

    // Mon: 1 h Docs + 1 h meeting; Tue: the meeting hides the Docs hour; Wed: 1 h meeting → 1 of 4 h creative.
    await page.goto(ext.extensionUrl('dashboard.html'));
    await page.waitForSelector('[data-testid="headline-share"]', { timeout: 30_000 });
    const share = () => page.getByTestId('headline-share').innerText();
    expect(await share()).toBe('25%');

    await page.getByTestId('timeline').getByRole('button', { name: /^Tue/ }).click();
    const list = page.getByTestId('day-meetings');
    await expect.poll(() => list.getByTestId('meeting-skip').count()).toBe(1);
    const skip = list.getByRole('button', { name: /^I skipped Meeting, / });
    await skip.focus();
    await page.keyboard.press('Enter');

    // The Docs hour counts now: 2 of 4 h creative, live in the open page (no reload). The list never
    // shows the day before's meetings after the switch, so the key press skips Tuesday's (issue #15).
    await expect.poll(share, { timeout: 10_000 }).toBe('50%');
    await expect.poll(() => list.getByTestId('meeting-unskip').count()).toBe(1);
    expect(await list.getByTestId('meeting-skip').count()).toBe(0);
    const calendarOnTuesday = async () =>
      ((await readStore(ext!, 'segments', 'page')) as Segment[]).filter(
        (s) => s.source === 'calendar' && s.day === format(TUESDAY, 'yyyy-MM-dd'),
      ).length;
    expect(await calendarOnTuesday()).toBe(0);
    // The skipped occurrence is Tuesday's.
    expect(((await readStore(ext, 'meetingSkips', 'page')) as { start: number }[]).map((r) => r.start)).toEqual([
      at(TUESDAY, 10),
    ]);

    // Settings says one meeting is skipped.
    const settings = await ext.context.newPage();
    await settings.goto(ext.extensionUrl('options.html#calendar'));
    await expect
      .poll(() => settings.getByTestId('skipped-meetings').innerText(), { timeout: 15_000 })
      .toMatch(/1 meeting is marked skipped/);
    await settings.close();

    // Undo: the meeting counts again.
    await list.getByRole('button', { name: /^Undo: count Meeting, / }).click();
    await expect.poll(share, { timeout: 10_000 }).toBe('25%');
    expect(await calendarOnTuesday()).toBe(1);
    expect(((await readStore(ext, 'meetingSkips', 'page')) as unknown[]).length).toBe(0);
    expect(errors).toEqual([]);
  });
});
