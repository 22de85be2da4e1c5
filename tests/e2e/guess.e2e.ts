/**
 * Guesses from the address in a real Chromium (issue #14): a site no rule knows but whose address says
 * what it is counts as its guess, the headline says how much of the week is guessed, the list offers the
 * guess as the one-click answer, and confirming it stores a rule so the time becomes firm.
 *
 * Pages run on a fixed clock: a Wednesday 15:00 two weeks back (support/seeded-pages.ts).
 */
import { addDays } from 'date-fns';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchExtension, type LaunchedExtension } from './support/launch.ts';
import { MONDAY, openDashboard, seededPage, segmentAt } from './support/seeded-pages.ts';
import { readStore } from './support/store.ts';

const GUESSED = 'tasks.acme-agency.example';

let ext: LaunchedExtension | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();

describe('guesses from the address', () => {
  it('counts a guessed site, says how firm the week is, and confirms the guess in one click', async () => {
    ext = await launchExtension();
    // Mon: 3 h Google Docs (catalog, creative); Tue: 2 h on a task board no rule knows.
    const page = await seededPage(ext, {
      segments: [
        segmentAt(MONDAY, 9, 180, { host: 'docs.google.com', path: '/document/d/*/edit' }),
        segmentAt(addDays(MONDAY, 1), 9, 120, { host: GUESSED, path: '/board/*' }),
      ],
    });
    await openDashboard(page);

    // The guess counts (3 h creative of 5 h classified) and the headline says it is a guess.
    await expect.poll(() => text(page, 'headline-share')).toBe('60%');
    expect(await text(page, 'headline-basis')).toBe(
      'Based on 60% of your tracked time. 40% is guessed from the address.',
    );

    // The list shows the guess, marked as one, with why, and "Yes" as the first answer.
    const row = page.locator(`[data-testid="unclassified-list"] li[data-host="${GUESSED}"]`);
    expect(await row.innerText()).toContain('Guessed from the address: /board looks like project management.');
    expect(await row.locator('.badge[data-guess="true"]').innerText()).toContain('GUESS');
    await row.getByTestId('confirm-guess').click();

    // A rule for that host and path, with the guessed class and kind; the week is now firm.
    await expect.poll(() => text(page, 'headline-basis')).toBe('Based on all of your tracked time.');
    await expect.poll(() => row.count()).toBe(0);
    expect(await text(page, 'headline-share')).toBe('60%');
    const rules = await readStore(ext, 'rules', 'page');
    expect(rules).toMatchObject([
      { match: { type: 'path', host: GUESSED, pathPrefix: '/board' }, class: 'coordination', kind: 'project' },
    ]);
  });
});
