/**
 * The team view in a real Chromium: a lead loads team export files (file picker and drag and drop),
 * sees each person's creative share, the team median and range, the survey benchmarks with their
 * source, and the files that were refused with the reason. Files are read in the page: no request
 * leaves the extension. "Keep in this browser tab" survives a reload (sessionStorage only).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type LaunchedExtension } from './support/launch.ts';
import { captureRequests, isLocalUrl, type RequestLog } from './support/network.ts';

const HOUR = 3_600_000;
const KINDS = ['meetings', 'messaging', 'project', 'reporting', 'admin', 'writing', 'design', 'research', 'building', 'ai', 'personal', 'unknown'] as const;
type Kind = (typeof KINDS)[number];
const CREATIVE: readonly Kind[] = ['writing', 'design', 'research', 'building', 'ai'];
const COORDINATION: readonly Kind[] = ['meetings', 'messaging', 'project', 'reporting', 'admin'];

/** One week of a team export, from hours per kind (the same shape lib/export/team.ts writes). */
function week(weekStart: string, hours: Partial<Record<Kind, number>>) {
  const byKind = Object.fromEntries(KINDS.map((k) => [k, Math.round((hours[k] ?? 0) * HOUR)])) as Record<Kind, number>;
  const sum = (ks: readonly Kind[]) => ks.reduce((a, k) => a + byKind[k], 0);
  return {
    weekStart,
    creativeMs: sum(CREATIVE),
    coordinationMs: sum(COORDINATION),
    neutralMs: byKind.personal,
    unclassifiedMs: byKind.unknown,
    byKind,
    meetingMs: byKind.meetings,
    messagingMs: byKind.messaging,
    multitaskMs: 0,
    contextSwitchesPerHour: 6.5,
    longestCreativeBlockMs: 50 * 60_000,
    blocks25: 3,
    blocks50: 1,
    blocks90: 0,
    activeDays: 5,
  };
}

function file(name: string, doc: unknown) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc, null, 2)) };
}

// Alex (Monday weeks): 50% then 25% → 37.5% overall; meetings 10 h and 15 h.
const ALEX = {
  format: 'creative-ratio-team',
  version: 1,
  exportedAt: '2025-04-02',
  weekStartsOn: 1,
  alias: 'Alex',
  weeks: [week('2025-03-17', { writing: 10, meetings: 10 }), week('2025-03-24', { writing: 5, meetings: 15 })],
};
// No alias, Sunday weeks (lined up with Alex's): 80% then 60% → 70% overall; meetings 0 h and 8 h.
const SAM = {
  format: 'creative-ratio-team',
  version: 1,
  exportedAt: '2025-04-01',
  weekStartsOn: 0,
  alias: '',
  weeks: [week('2025-03-16', { writing: 16, messaging: 4 }), week('2025-03-23', { research: 12, meetings: 8 })],
};
const NEWER = { ...ALEX, version: 2, alias: 'Future' };

let ext: LaunchedExtension;
let page: Page;
let log: RequestLog;

beforeAll(async () => {
  ext = await launchExtension();
  log = captureRequests(ext.context);
  page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('team.html'));
  await page.getByTestId('team-empty').waitFor();
});

afterAll(async () => {
  await ext?.close();
});

const text = (testId: string) => page.getByTestId(testId).innerText();

describe('team view', () => {
  it('loads export files, shows per-person shares, the team median and range, and the benchmarks with their source', async () => {
    await page.getByLabel('Team export files (.json)').setInputFiles([file('alex.json', ALEX), file('sam.json', SAM), file('bad.json', NEWER)]);

    await expect.poll(() => page.getByTestId('team-file').count()).toBe(2);
    expect(await page.getByTestId('team-file').locator('input[type=text]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['Alex', 'sam']);

    // The bad file is listed with its reason; the good ones are kept.
    const rejected = await page.getByTestId('team-rejected-file').allInnerTexts();
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toContain('bad.json');
    expect(rejected[0]).toContain('made by a newer version of Creative Ratio (format version 2)');

    // Median of 37.5% and 70% is 53.75%; the range is lowest to highest person.
    expect(await text('team-median')).toBe('54%');
    expect(await text('team-range')).toBe('38% – 70%');
    // Meetings per person: Alex 12.5 h/week, Sam 4 h/week → median 8.25 h.
    expect(await text('team-meeting-median')).toBe('8.3 h / week');

    // Per person and per week (the table is open by default under the chart).
    const rows = await page.getByTestId('team-people-table').locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^Alex\s+38%\s+50%\s+25%$/);
    expect(rows[1]).toMatch(/^sam\s+70%\s+80%\s+60%$/);
    expect(await page.getByTestId('team-median-row').innerText()).toMatch(/^Team median\s+54%\s+65%\s+43%$/);

    // The two survey benchmarks, named, and the source sentence.
    expect(await text('team-verdict')).toBe("The team's median is at or above a good day's 50%. At or above 50%: 1 · between: 1 · at or below 25%: 0.");
    expect(await page.getByTestId('team-people').locator('.legend').innerText()).toMatch(/Good day 50%[\s\S]*Typical 25%[\s\S]*Team median 54%/);
    expect(await page.getByTestId('benchmark-source').innerText()).toBe(
      'In a survey of 200+ B2B marketing practitioners, 42% said that on a good day their job is 50% creative / 50% coordination, and 38% said it is only about 25% creative.',
    );

    // Every chart has a canvas that describes itself, and a table.
    for (const id of ['team-people-canvas', 'team-weeks-canvas', 'team-bands-canvas', 'team-kinds-canvas', 'team-meetings-canvas']) {
      expect(await page.getByTestId(id).getAttribute('aria-label'), id).toBeTruthy();
    }
    await page.getByTestId('team-kinds').locator('summary').click();
    const kinds = await page.getByTestId('team-kinds-table').locator('tbody tr').allInnerTexts();
    expect(kinds[0]).toMatch(/^Meetings & calendar\s+33 h\s+89%$/);
    expect(kinds[1]).toMatch(/^Chat & email\s+4 h\s+11%$/);
  });

  it('takes dropped files too, and refuses the same data twice', async () => {
    const dataTransfer = await page.evaluateHandle((docs: Array<{ name: string; text: string }>) => {
      const dt = new DataTransfer();
      for (const d of docs) dt.items.add(new File([d.text], d.name, { type: 'application/json' }));
      return dt;
    }, [
      { name: 'kim.json', text: JSON.stringify({ ...ALEX, alias: 'Kim', weeks: [week('2025-03-24', { design: 9, project: 1 })] }) },
      { name: 'alex-again.json', text: JSON.stringify(ALEX) },
    ]);
    await page.getByTestId('team-dropzone').dispatchEvent('drop', { dataTransfer });
    await expect.poll(() => page.getByTestId('team-file').count()).toBe(3);
    const rejected = await page.getByTestId('team-rejected-file').allInnerTexts();
    expect(rejected.some((r) => r.includes('alex-again.json') && r.includes('Same data as “alex.json”'))).toBe(true);
    // Median of 37.5%, 70% and 90%.
    expect(await text('team-median')).toBe('70%');
  });

  it('keeps the files for this tab only when asked, and never sends anything', async () => {
    await page.getByTestId('team-keep').check();
    await page.reload();
    await expect.poll(() => page.getByTestId('team-file').count()).toBe(3);
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual(['creative-ratio.team-view.v1']);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    await page.getByTestId('team-keep').uncheck();
    await page.reload();
    await page.getByTestId('team-empty').waitFor();
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual([]);

    expect(log.requests.filter((r) => !isLocalUrl(r.url)).map((r) => r.url)).toEqual([]);
  });
});
