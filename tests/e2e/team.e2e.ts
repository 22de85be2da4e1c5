/**
 * The team view in a real Chromium, anonymous by construction: a lead loads team export files (file
 * picker and drag and drop). Under the minimum group size nothing numeric appears anywhere on the page
 * or in its tables; duplicates and look-alike names never count twice; once enough people are in, the
 * page shows the team's figures and never a percentage or a duration next to any loaded alias or file
 * name. Files are read in the page: no request leaves the extension. "Keep in this browser tab"
 * survives a reload (sessionStorage only).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTeamFiles } from '@/lib/export/team-demo';
import { serializeTeamExport } from '@/lib/export/team-format';
import { launchExtension, type LaunchedExtension } from './support/launch.ts';
import { captureRequests, isLocalUrl, type RequestLog } from './support/network.ts';

const ALIASES = ['Alex', 'Sam Rivera', 'Priya'];
// Seven synthetic people; the first three named in their files, the rest unnamed (the default).
const PEOPLE = demoTeamFiles(Date.now(), { count: 7, weeks: 4, aliases: ALIASES });
const file = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
const asFile = (i: number) => file(PEOPLE[i]!.fileName, PEOPLE[i]!.text);
// The same data as person 0, re-exported under another name with a new id; person 2's look-alike.
const RENAMED = file(
  'creative-ratio-team-jordan.json',
  serializeTeamExport({ ...PEOPLE[0]!.export, alias: 'Jordan', exportId: 'f'.repeat(32) }),
);
const LOOKALIKE = file(
  'another.json',
  serializeTeamExport({ ...PEOPLE[6]!.export, alias: 'Pri\u200by\u202ea', exportId: 'e'.repeat(32) }),
);

/** A percentage or a duration as the page writes them: "42%", "8.3 h", "1 h 40 min", "45 min". */
const NUMBER = /\d\s*%|\d\s*(h|min)\b/;

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

const input = () => page.getByLabel('Team export files (.json)');

/** Everything a person or a screen reader gets from the page: its text, and every aria-label. */
async function pageText(): Promise<string> {
  return page.evaluate(
    () =>
      `${document.body.innerText}\n${Array.from(document.querySelectorAll('[aria-label]'), (e) => e.getAttribute('aria-label')).join('\n')}`,
  );
}

describe('team view', () => {
  it('4 people (plus a renamed copy and a look-alike): no number anywhere on the page or its tables, and how many more are needed', async () => {
    await input().setInputFiles([
      asFile(0),
      asFile(1),
      asFile(2),
      asFile(3),
      RENAMED,
      file('bad.json', '{"format":"creative-ratio-team","version":3}'),
    ]);
    await expect.poll(() => page.getByTestId('team-file').count()).toBe(5);
    await page.getByTestId('team-floor').waitFor();

    // The renamed copy is flagged and counted once.
    expect(await page.getByTestId('team-files-count').innerText()).toBe(
      '5 files received · 4 people (1 duplicate counted once)',
    );
    expect(await page.getByTestId('team-file-flag').allInnerTexts()).toEqual([
      expect.stringMatching(
        /^Same data as “creative-ratio-team-alex-.*\.json” \(another name or export date\): counted once\.$/,
      ),
    ]);
    expect(await page.getByTestId('team-rejected-file').innerText()).toContain(
      'made by a newer version of Creative Ratio (format version 3)',
    );

    expect(await page.getByTestId('team-floor').innerText()).toMatch(
      /^One more person needed before anything is shown\n+So far: 4 people with classified time, out of the 5 needed\./,
    );
    const text = await pageText();
    expect(text).not.toMatch(NUMBER);
    expect(await page.locator('canvas, table').count()).toBe(0);
    for (const id of ['team-headline', 'team-distribution', 'team-weeks', 'team-bands', 'team-kinds', 'team-blocks'])
      expect(await page.getByTestId(id).count(), id).toBe(0);
  });

  it('a look-alike name does not count either; the fifth person brings the team figures', async () => {
    await input().setInputFiles([LOOKALIKE]);
    await expect.poll(() => page.getByTestId('team-file').count()).toBe(6);
    expect(await page.getByTestId('team-file-flag').nth(1).innerText()).toMatch(
      /looks the same as “creative-ratio-team-priya-.*\.json”'s but differs in invisible characters/,
    );
    // Its name is shown without the invisible characters.
    expect(await page.getByTestId('team-files').innerText()).not.toMatch(/[\u200b\u202e]/);
    await page.getByTestId('team-floor').waitFor();

    // Dropped files are read too.
    const dataTransfer = await page.evaluateHandle(
      (docs: Array<{ name: string; text: string }>) => {
        const dt = new DataTransfer();
        for (const d of docs) dt.items.add(new File([d.text], d.name, { type: 'application/json' }));
        return dt;
      },
      [4, 5].map((i) => ({ name: PEOPLE[i]!.fileName, text: PEOPLE[i]!.text })),
    );
    await page.getByTestId('team-dropzone').dispatchEvent('drop', { dataTransfer });
    await page.getByTestId('team-headline').waitFor();
    expect(await page.getByTestId('team-files-count').innerText()).toBe(
      '8 files received · 6 people (2 duplicates counted once)',
    );
    expect(await page.getByTestId('team-median').innerText()).toMatch(/^\d+%$/);
    expect(await page.getByTestId('team-verdict').innerText()).toMatch(
      /^The team's median is .*\. \d (people|person) at or above 50%, \d (people|person) between, \d (people|person) at or below 25%\.$/,
    );
    expect(await page.getByTestId('benchmark-source').textContent()).toBe(
      'In a survey of 200+ B2B marketing practitioners, 42% said that on a good day their job is 50% creative / 50% coordination, and 38% said it is only about 25% creative.',
    );
    // Six dots, sorted, in the table behind the chart; every chart describes itself and has a table.
    await page.getByTestId('team-distribution').locator('summary').click();
    const rows = await page.getByTestId('team-distribution-table').locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(6);
    const shares = rows.map((r) => Number(/(\d+)%/.exec(r)![1]));
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    for (const id of [
      'team-distribution-canvas',
      'team-weeks-canvas',
      'team-bands-canvas',
      'team-kinds-canvas',
      'team-blocks-canvas',
    ]) {
      expect(await page.getByTestId(id).getAttribute('aria-label'), id).toBeTruthy();
    }
    await page.getByTestId('team-kinds').locator('summary').click();
    expect(await page.getByTestId('team-kinds-table').locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/^Meetings & calendar\s+\d+%\s+[\d.]+ h\s+[\d.]+ h – [\d.]+ h$/),
      expect.stringMatching(/^Chat & email/),
      expect.stringMatching(/^Project/),
      expect.stringMatching(/^Analytics & reporting/),
      expect.stringMatching(/^Admin/),
    ]);
  });

  it('no percentage or duration is ever next to a loaded alias or file name (text, tables, chart descriptions)', async () => {
    // Every table open, as a person who opened them all would see the page.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const names = await page.evaluate(() => {
      const out = new Set<string>();
      for (const li of document.querySelectorAll('[data-testid="team-file"]')) {
        const fileName = li.querySelector('.team-file-name')!.textContent!;
        out.add(fileName);
        out.add(fileName.replace(/\.json$/, ''));
        const alias = li.querySelector('[data-testid="team-file-alias"]');
        if (alias) out.add(alias.textContent!);
      }
      return [...out];
    });
    expect(names).toEqual(
      expect.arrayContaining([
        'Alex',
        'Sam Rivera',
        'Priya',
        'Jordan',
        'Priya',
        ...PEOPLE.slice(0, 6).map((p) => p.fileName),
      ]),
    );

    const scan = () =>
      page.evaluate(
        ({ names, pattern }) => {
          const number = new RegExp(pattern);
          const found: string[] = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent ?? '';
            if (!names.some((n) => text.includes(n))) continue;
            // The smallest block around the name: its list item, table row, paragraph or heading.
            const block = node.parentElement!.closest('li, tr, p, h1, h2, h3, figcaption, label, summary, section');
            if (block && number.test(block.textContent ?? '')) found.push(block.textContent!.slice(0, 120));
          }
          for (const el of document.querySelectorAll('[aria-label], [title]')) {
            const label = `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`;
            if (names.some((n) => label.includes(n)) && number.test(label)) found.push(label.slice(0, 120));
          }
          return found;
        },
        { names, pattern: NUMBER.source },
      );
    const offending = await scan();
    expect(offending).toEqual([]);
    // The scan finds what it looks for: a planted "Priya 41%" row and a chart label are caught.
    await page.evaluate(() => {
      const li = document.createElement('li');
      li.id = 'planted';
      li.textContent = 'Priya 41%';
      document.querySelector('[data-testid="team-files"]')!.append(li);
      document.querySelector('h1')!.setAttribute('title', 'Alex: 3 h 20 min');
    });
    const planted = await scan();
    await page.evaluate(() => {
      document.getElementById('planted')!.remove();
      document.querySelector('h1')!.removeAttribute('title');
    });
    expect(planted).toEqual(['Priya 41%', ' Alex: 3 h 20 min']);

    // Names appear only in the list of files: not in any chart, table or description.
    const outside = await page.evaluate(() => {
      const card = document.querySelector('[data-testid="team-files-card"]')!;
      const rest = Array.from(document.querySelectorAll('main section, main figure, main table')).filter(
        (e) => !card.contains(e) && !e.contains(card),
      );
      return rest
        .map(
          (e) =>
            `${(e as HTMLElement).innerText}\n${Array.from(e.querySelectorAll('[aria-label]'), (x) => x.getAttribute('aria-label')).join('\n')}`,
        )
        .join('\n');
    });
    for (const n of names) expect(outside, n).not.toContain(n);
  });

  it('the lead may lower the minimum to 3, never below; removing files goes back under it', async () => {
    expect(await page.getByTestId('team-min-group').locator('option').allInnerTexts()).toEqual([
      '5 people (recommended)',
      '4 people',
      '3 people',
    ]);
    for (const name of [PEOPLE[3]!.fileName, PEOPLE[4]!.fileName, PEOPLE[5]!.fileName])
      await page.getByRole('button', { name: `Remove ${name}` }).click();
    await page.getByTestId('team-floor').waitFor();
    expect(await pageText()).not.toMatch(NUMBER);
    await page.getByTestId('team-min-group').selectOption('3');
    await page.getByTestId('team-headline').waitFor();
    expect(await page.getByTestId('team-good').innerText()).toMatch(/^\d of 3$/);
    await page.getByTestId('team-min-group').selectOption('5');
    await page.getByTestId('team-floor').waitFor();
  });

  it('keeps the files for this tab only when asked, and never sends anything', async () => {
    await page.getByTestId('team-keep').check();
    await page.reload();
    await expect.poll(() => page.getByTestId('team-file').count()).toBe(5);
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual(['creative-ratio.team-view.v2']);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    await page.getByTestId('team-keep').uncheck();
    await page.reload();
    await page.getByTestId('team-empty').waitFor();
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual([]);

    expect(log.requests.filter((r) => !isLocalUrl(r.url)).map((r) => r.url)).toEqual([]);
  });
});
