/**
 * Issue #11 in a real Chromium: no file can break the database.
 *
 * 1. A forged backup (a segment, a rule and a calendar meeting with the id 2^53−1, checksum recomputed;
 *    a second meeting marked skipped) is restored through Settings: new ids, the skip kept, the calendar
 *    time derived from the meeting that counts; the tracker then records and saves (the badge never says
 *    "Not saving"); "Delete all data" in Settings; the tracker records and saves again.
 * 2. A database whose key generators an older version already exhausted (explicit ids 2^53−1 written
 *    straight into IndexedDB): "Delete all data" brings it back, while the service worker holds its own
 *    connection, and the tracker saves again.
 * 3. A rules file with the polynomial regex is imported; the rule tester answers at once for a long
 *    abab… address (RE2, loaded on demand), and the popup of a profile without regex rules never loads it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { serializeBackup } from '../../lib/export/backup.ts';
import { assertBuilt, extensionDir, extensionPages } from './support/build.ts';
import { BrowserDriver, sleep, type ToolTab } from './support/driver.ts';
import { launchExtension, type LaunchedExtension } from './support/launch.ts';
import { DB_NAME, inExtension, readSegments, readStore, type StoredSegment } from './support/store.ts';

const FORGED_ID = 2 ** 53 - 1;
/** Ids the product itself could have made (lib/db MAX_PLAUSIBLE_ID). */
const PLAUSIBLE_ID = 2 ** 40;
const HOUR = 3_600_000;
/** The forged file's two meetings: the first counts, the second is marked skipped. */
const MEETING_AT = Date.now() - 6 * HOUR;
const SKIPPED_OCC = 'bbbbbbbbbbbbbbbb';

let ext: LaunchedExtension | undefined;
let dir: string | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function forgedBackupFile(): string {
  const now = Date.now();
  const start = now - 3 * 3_600_000;
  const day = new Date(start);
  const pad = (n: number) => String(n).padStart(2, '0');
  const text = serializeBackup(
    {
      segments: [
        {
          id: FORGED_ID,
          start,
          end: start + 600_000,
          day: `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`,
          host: 'docs.google.com',
          path: '/document/d/*/edit',
          source: 'browser',
          lane: 'focus',
        },
      ],
      rules: [
        {
          id: FORGED_ID,
          order: 0,
          match: { type: 'host', host: 'forged.example' },
          class: 'creative',
          kind: 'writing',
          createdAt: now - 86_400_000,
        },
      ],
      settings: [],
      reviews: [],
      meetings: [0, 1].map((i) => ({
        id: FORGED_ID - i,
        importId: 'ics:Forged:1',
        start: MEETING_AT + i * HOUR,
        end: MEETING_AT + i * HOUR + HOUR / 2,
        occ: i ? SKIPPED_OCC : 'aaaaaaaaaaaaaaaa',
        series: '',
        org: '',
        orgDomain: '',
        words: ['cccccccccccccccc'],
        override: { class: 'coordination' as const, kind: 'meetings' as const },
      })),
      meetingSkips: [{ occ: SKIPPED_OCC, start: MEETING_AT + HOUR, end: MEETING_AT + 1.5 * HOUR, at: now - HOUR }],
    },
    { now, schemaVersion: 4 },
  ).parts.join('');
  dir = mkdtempSync(path.join(tmpdir(), 'cr-forged-'));
  const file = path.join(dir, 'creative-ratio-backup-forged.json');
  writeFileSync(file, text);
  return file;
}

/** The status row's error ("Not saving…"), or null. */
async function statusError(e: LaunchedExtension): Promise<string | null> {
  return inExtension(
    e,
    (name: string) =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('status').objectStore('status').get('status');
          get.onsuccess = () => {
            db.close();
            resolve((get.result as { error?: string | null } | undefined)?.error ?? null);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    DB_NAME,
    'page',
  );
}

/** Visit tools in two tabs so the tracker closes segments and writes them; returns the segments stored after. */
async function trackAndSave(e: LaunchedExtension, tab: ToolTab, before: number): Promise<StoredSegment[]> {
  await tab.goto('app.asana.com', '/0/1/list');
  await sleep(1500);
  await tab.goto('www.figma.com', '/design/abc/Brand');
  await sleep(1500);
  await tab.goto('app.slack.com', '/client/T1/C1');
  await sleep(1500);
  for (let i = 0; i < 40; i += 1) {
    const segments = await readSegments(e, 'page');
    if (segments.length > before) return segments;
    await sleep(500);
  }
  return readSegments(e, 'page');
}

async function openSettings(e: LaunchedExtension): Promise<Page> {
  const page = await e.context.newPage();
  await page.goto(e.extensionUrl('options.html'));
  await page.waitForSelector('[data-testid="restore-file"]', { timeout: 30_000 });
  return page;
}

async function deleteAllThroughSettings(page: Page): Promise<void> {
  await page.getByTestId('delete-all').click();
  await page.getByTestId('delete-confirm-input').fill('delete');
  await page.getByTestId('delete-confirm-input').press('Enter');
  await page.getByText('All data was deleted').waitFor({ timeout: 30_000 });
}

describe('a forged backup cannot break the database', () => {
  it('restore (id 2^53−1) → track and save → delete all → track and save', async () => {
    ext = await launchExtension();
    const driver = new BrowserDriver(ext);
    const tab = await driver.firstTab();
    await tab.goto('docs.google.com', '/document/d/1AbC/edit');
    await sleep(1000);

    const settings = await openSettings(ext);
    await settings.getByTestId('restore-file').setInputFiles(forgedBackupFile());
    await settings.getByTestId('restore-mode-replace').check();
    await settings.getByTestId('restore-replace-confirm').check();
    await settings.getByTestId('restore-confirm-button').click();
    await settings.getByTestId('restore-result').waitFor({ timeout: 30_000 });
    expect(await settings.getByTestId('restore-result').textContent()).toContain('2 calendar meetings (1 skipped)');
    const restored = await readSegments(ext, 'page');
    expect(restored.some((s) => s.host === 'docs.google.com' && s.path === '/document/d/*/edit')).toBe(true);
    expect(Math.max(...restored.map((s) => s.id))).toBeLessThan(PLAUSIBLE_ID);
    const meetings = (await readStore(ext, 'meetings', 'page')) as Array<{ id: number; occ: string }>;
    expect(meetings).toHaveLength(2);
    expect(Math.max(...meetings.map((m) => m.id))).toBeLessThan(PLAUSIBLE_ID);
    expect(await readStore(ext, 'meetingSkips', 'page')).toEqual([expect.objectContaining({ occ: SKIPPED_OCC })]);
    // The calendar time is the first meeting's only (split at midnight if it crosses one); the skipped one is left out.
    const calendarTime = restored.filter((s) => s.source === 'calendar');
    expect(calendarTime.reduce((ms, s) => ms + s.end - s.start, 0)).toBe(HOUR / 2);
    expect(Math.min(...calendarTime.map((s) => s.start))).toBe(MEETING_AT);

    await tab.focus();
    const afterRestore = await trackAndSave(ext, tab, restored.length);
    expect(afterRestore.length).toBeGreaterThan(restored.length);
    expect(Math.max(...afterRestore.map((s) => s.id))).toBeLessThan(PLAUSIBLE_ID);
    expect(await statusError(ext)).toBeNull();

    await settings.bringToFront();
    await deleteAllThroughSettings(settings);
    await tab.focus();
    const afterDelete = await trackAndSave(ext, tab, 0);
    expect(afterDelete.length).toBeGreaterThan(0);
    expect(await statusError(ext)).toBeNull();
  });

  it('a database an older version already broke (exhausted key generators) accepts writes after "Delete all data"', async () => {
    ext = await launchExtension();
    const driver = new BrowserDriver(ext);
    const tab = await driver.firstTab();
    await tab.goto('docs.google.com', '/document/d/1AbC/edit');
    await sleep(1500);

    // What restoring the forged backup did before: explicit keys at the end of the key generators' range.
    const broken = await inExtension(
      ext,
      ({ name, id }: { name: string; id: number }) =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['segments', 'rules'], 'readwrite');
            const start = Date.now() - 7_200_000;
            tx.objectStore('segments').put({
              id,
              start,
              end: start + 60_000,
              day: new Date(start).toISOString().slice(0, 10),
              host: 'forged.example',
              path: '',
              source: 'browser',
              lane: 'focus',
            });
            tx.objectStore('rules').put({
              id,
              order: 0,
              match: { type: 'host', host: 'forged.example' },
              class: 'creative',
              createdAt: start,
            });
            tx.oncomplete = () => {
              // The generator gives 2^53 once more, then refuses every automatic key: no new row fits.
              const tryAdd = (left: number): void => {
                const add = db
                  .transaction('segments', 'readwrite')
                  .objectStore('segments')
                  .add({
                    start,
                    end: start + 1,
                    day: '2026-01-01',
                    host: 'x',
                    path: '',
                    source: 'browser',
                    lane: 'focus',
                  });
                add.onsuccess = () => {
                  if (left > 0) tryAdd(left - 1);
                  else {
                    db.close();
                    resolve('accepted');
                  }
                };
                add.onerror = (event) => {
                  event.preventDefault();
                  db.close();
                  resolve(add.error?.name ?? 'error');
                };
              };
              tryAdd(2);
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      { name: DB_NAME, id: FORGED_ID },
      'page',
    );
    expect(broken).toBe('ConstraintError');

    const settings = await openSettings(ext);
    await deleteAllThroughSettings(settings);
    expect((await readSegments(ext, 'page')).length).toBe(0);

    await tab.focus();
    const after = await trackAndSave(ext, tab, 0);
    expect(after.length).toBeGreaterThan(0);
    expect(Math.max(...after.map((s) => s.id))).toBeLessThan(PLAUSIBLE_ID);
    expect(await statusError(ext)).toBeNull();
  });

  it('a rules file with a.*b.*…c$ imports, and a long abab… address is classified at once; re2js loads only when needed', async () => {
    ext = await launchExtension();
    /** A page that records every script it parses (module chunks included), through the DevTools protocol. */
    const watchedPage = async (): Promise<{ page: Page; scripts: string[] }> => {
      const page = await ext!.context.newPage();
      const scripts: string[] = [];
      const cdp = await ext!.context.newCDPSession(page);
      cdp.on('Debugger.scriptParsed', (event: { url: string }) => scripts.push(event.url));
      await cdp.send('Debugger.enable');
      return { page, scripts };
    };
    const re2js = (scripts: string[]) => scripts.some((url) => /\/chunks\/re2js-[^/]*\.js$/.test(url));

    const { page: popup, scripts: popupScripts } = await watchedPage();
    await popup.goto(ext.extensionUrl('popup.html'));
    await popup.waitForLoadState('load');
    await sleep(1500);
    expect(popupScripts.some((url) => /\/chunks\/popup-/.test(url))).toBe(true);
    expect(re2js(popupScripts)).toBe(false);

    const { page, scripts } = await watchedPage();
    await page.goto(ext.extensionUrl('options.html#rules'));
    await page.waitForSelector('[data-testid="rules-import-file"]');
    expect(re2js(scripts)).toBe(false);
    const file = JSON.stringify({
      format: 'creative-ratio-rules',
      version: 1,
      rules: [
        {
          match: { type: 'regex', pattern: 'a.*b.*a.*b.*a.*b.*a.*b.*a.*b.*a.*b.*c$' },
          class: 'neutral',
          tool: 'Polynomial',
          order: 0,
          createdAt: Date.now() - 60_000,
        },
      ],
    });
    await page
      .getByTestId('rules-import-file')
      .setInputFiles({ name: 'rules.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await page.getByTestId('rules-import-confirm').click();
    await page.waitForSelector('[data-testid="rules-table"]');
    expect(await page.getByTestId('rules-table').innerText()).toContain('Polynomial');
    expect(re2js(scripts)).toBe(true);

    // 52 characters froze a page for 3 s on the browser's RegExp; this key is 300 long.
    const ab = 'ab'.repeat(30);
    const seg = 'ab'.repeat(11);
    const started = Date.now();
    await page.getByTestId('rule-tester-input').fill(`https://${ab}.${ab}.${ab}.${ab}.example/${seg}/${seg}/${seg}c`);
    await expect
      .poll(() => page.getByTestId('rule-tester-result').innerText(), { timeout: 10_000 })
      .toContain('Polynomial');
    expect(Date.now() - started).toBeLessThan(5_000);
    await page.getByTestId('rule-tester-input').fill(`https://${ab}.example/${seg}/${seg}/${seg}`);
    await expect
      .poll(() => page.getByTestId('rule-tester-result').innerText(), { timeout: 10_000 })
      .not.toContain('Polynomial');
  });

  it('in the build, re2js is its own chunk that no start-up script imports statically (service worker, every page)', () => {
    const dir = assertBuilt(extensionDir());
    /** Every file a script loads before it runs (static imports only; import() is on demand). */
    const graph = (file: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(file)) return seen;
      seen.add(file);
      const text = readFileSync(path.join(dir, file), 'utf8');
      for (const m of text.matchAll(
        /(?:^|[;}\s])(?:import\s*(?:[\w*{}\s,$]+from\s*)?|export\s*\*\s*from\s*)["'](\.{1,2}\/[^"']+)["']/g,
      )) {
        graph(path.posix.join(path.posix.dirname(file), m[1]!), seen);
      }
      return seen;
    };
    const entries = [
      'background.js',
      ...extensionPages(dir).flatMap((page) =>
        [
          ...readFileSync(path.join(dir, page), 'utf8').matchAll(/<(?:script|link)[^>]+(?:src|href)="\/([^"]+\.js)"/g),
        ].map((m) => m[1]!),
      ),
    ];
    expect(entries.length).toBeGreaterThan(4);
    const loaded = new Set(entries.flatMap((entry) => [...graph(entry)]));
    // The shared libraries (date-fns, valibot) are in core, which every start-up script loads.
    expect([...loaded].some((f) => f.startsWith('chunks/core-'))).toBe(true);
    expect([...loaded].filter((f) => /re2js/.test(f))).toEqual([]);
    for (const file of loaded)
      expect(readFileSync(path.join(dir, file), 'utf8'), file).not.toMatch(/RE2JSSyntaxException|LOOKBEHINDS/);
  });
});
