/**
 * Settings → Calendar → "Which meetings are creative work?" in a real Chromium (issue #15 §5):
 * a title rule added through the form with the keyboard, the form's validation message for a bad
 * value (announced, the field marked invalid), a shipped default turned off with the keyboard —
 * and what that does to the stored settings and to meetings already imported (their titles kept).
 */
import { addDays, format, setHours, startOfDay } from 'date-fns';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Segment } from '../../lib/model.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings.ts';
import { seedDatabase } from '../../scripts/demo.ts';
import { launchExtension, type LaunchedExtension } from './support/launch.ts';
import { readStore } from './support/store.ts';

const MIN = 60_000;
const DAY = addDays(startOfDay(Date.now()), -1);

function meeting(id: number, hour: number, label: string, override: Segment['override']): Segment {
  const start = setHours(DAY, hour).getTime();
  return {
    id,
    start,
    end: start + 60 * MIN,
    day: format(start, 'yyyy-MM-dd'),
    host: '',
    path: '',
    source: 'calendar',
    lane: 'focus',
    label,
    override,
    importId: 'ics:Work:1700000000000',
  };
}

let ext: LaunchedExtension;
let page: Page;

async function storedMeetingClasses(): Promise<Settings['meetingClasses'] | undefined> {
  const rows = (await readStore(ext, 'settings', 'page')) as { value?: Settings }[];
  return rows[0]?.value?.meetingClasses;
}
async function overrides(): Promise<Record<string, Segment['override']>> {
  const rows = (await readStore(ext, 'segments', 'page')) as Segment[];
  return Object.fromEntries(rows.filter((s) => s.source === 'calendar').map((s) => [s.label!, s.override]));
}

beforeAll(async () => {
  ext = await launchExtension();
  page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('options.html#calendar'));
  // Two imported meetings, titles kept: one the "brainstorm" default made creative, one plain coordination.
  await seedDatabase(page, {
    segments: [
      meeting(1, 10, 'Brainstorm: Q3 launch', { class: 'creative', kind: 'research' }),
      meeting(2, 14, 'Messaging session (EMEA)', { class: 'coordination', kind: 'meetings' }),
    ],
    settings: DEFAULT_SETTINGS,
  });
  await page.reload();
  await page.getByTestId('meeting-rule-value').waitFor();
}, 60_000);

afterAll(async () => {
  await ext?.close();
});

describe('the meeting-rule form', () => {
  it('says what is wrong with a bad value, announced, and saves nothing', async () => {
    const form = page.getByRole('form', { name: 'Add a meeting rule' });
    await form.getByLabel('Match meetings by').selectOption('organizer');
    const value = page.getByTestId('meeting-rule-value');
    await value.focus();
    await page.keyboard.type('not an address');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await expect
      .poll(() => alert.innerText())
      .toBe('Enter an address (ann@example.com) or a whole domain (@example.com).');
    expect(await value.getAttribute('aria-invalid')).toBe('true');
    expect(await value.getAttribute('aria-describedby')).toBe(await alert.getAttribute('id'));
    expect((await storedMeetingClasses())?.rules).toEqual([]);

    // An empty title is refused too.
    await form.getByLabel('Match meetings by').selectOption('title');
    await value.fill('');
    await value.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => alert.innerText()).toBe('Enter what to look for.');
  });

  it('adds a title rule with the keyboard: stored, and the imported meeting with that title becomes creative', async () => {
    const value = page.getByTestId('meeting-rule-value');
    await value.focus();
    await page.keyboard.type('Messaging session');
    await page.keyboard.press('Tab'); // to "Counts as"
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('meeting-rule-target');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter'); // submits the form
    await expect
      .poll(() => page.getByTestId('meeting-rules-status').innerText())
      .toMatch(/^Saved\. 1 stored meeting changed/);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByTestId('meeting-rules').innerText()).toContain(
      'Title has “messaging session” → Creative · Research & strategy',
    );
    const stored = await storedMeetingClasses();
    expect(stored?.rules).toEqual([
      expect.objectContaining({ match: 'title', value: 'messaging session', class: 'creative', kind: 'research' }),
    ]);
    expect(await overrides()).toEqual({
      'Brainstorm: Q3 launch': { class: 'creative', kind: 'research' },
      'Messaging session (EMEA)': { class: 'creative', kind: 'research' },
    });
  });

  it('turns a shipped default off with the keyboard: stored, and its meeting counts as coordination again', async () => {
    const brainstorm = page.getByLabel('“brainstorm” in the title → Creative · Research & strategy');
    expect(await brainstorm.isChecked()).toBe(true);
    await brainstorm.focus();
    await page.keyboard.press('Space');
    await expect.poll(async () => (await storedMeetingClasses())?.disabledDefaults).toEqual(['default:brainstorm']);
    await expect
      .poll(() => page.getByTestId('meeting-rules-status').innerText())
      .toMatch(/^Saved\. 1 stored meeting changed/);
    expect(await brainstorm.isChecked()).toBe(false);
    expect(await overrides()).toEqual({
      'Brainstorm: Q3 launch': { class: 'coordination', kind: 'meetings' },
      'Messaging session (EMEA)': { class: 'creative', kind: 'research' },
    });
    // Survives a reload.
    await page.reload();
    await page.getByTestId('meeting-rule-value').waitFor();
    expect(await page.getByLabel('“brainstorm” in the title → Creative · Research & strategy').isChecked()).toBe(false);
  });
});
