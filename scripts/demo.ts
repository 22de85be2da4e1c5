/**
 * `npm run demo`: open Chromium with the built extension in a throw-away profile seeded with
 * 12 realistic synthetic weeks (lib/demo/seed.ts), showing the dashboard. Never touches a real
 * profile. On a machine without a display it seeds headlessly, saves a screenshot of the
 * dashboard and says where to look instead.
 *
 * The seeding helpers are exported for `npm run screenshots` and the pages e2e test: segments
 * are written with raw IndexedDB from inside an extension page (no app code involved).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { automationArgs, findChromium, hasDisplay } from './browser.ts';
import type { Segment } from '../lib/model.ts';
import type { UserRule } from '../lib/classify/types.ts';
import type { Settings } from '../lib/settings.ts';
import { decodePack, encodePack, PACK_MS } from '../lib/db/packs.ts';
import { DB_NAME } from '../lib/db/names.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const EXTENSION_DIR = path.join(REPO_ROOT, '.output', 'chrome-mv3');

export interface SeededBrowser {
  context: BrowserContext;
  extensionId: string;
  url(page: string): string;
  close(): Promise<void>;
}

/** Launch Chromium (persistent throw-away profile) with the extension and wait for its service worker. */
export async function launchWithExtension(options: {
  headless: boolean;
  extensionDir?: string;
  viewport?: { width: number; height: number } | null;
  locale?: string;
}): Promise<SeededBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const profile = mkdtempSync(path.join(tmpdir(), 'creative-ratio-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: options.headless,
    viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
    args: automationArgs(extensionDir),
    ...(options.locale ? { locale: options.locale } : {}),
  });
  let worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  worker ??= await context.waitForEvent('serviceworker', { timeout: 20_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    url: (page) => `chrome-extension://${extensionId}/${page.replace(/^\//, '')}`,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface SeedData {
  segments: Segment[];
  rules?: Omit<UserRule, 'id'>[];
  settings?: Settings;
  reviews?: { week: string; note: string; updatedAt: number }[];
  /** Focus plans (lib/db/plans.ts). */
  plans?: {
    week: string;
    blocks: { id: string; start: number; end: number; kind: string }[];
    intent: string;
    updatedAt: number;
  }[];
  /** Stored calendar meetings behind the calendar segments (lib/db/meetings.ts). */
  meetings?: object[];
}

/**
 * Write data into the extension's IndexedDB from an extension page, with raw IndexedDB, in
 * chunks. The page must be an extension page; the database is created by the extension itself
 * (the page or the worker opens it through Dexie), so this waits until its stores exist.
 */
export async function seedDatabase(page: Page, data: SeedData, chunk = 10_000): Promise<void> {
  await page.waitForFunction(
    async (name) => {
      const dbs = await indexedDB.databases();
      if (!dbs.some((d) => d.name === name)) return false;
      return new Promise<boolean>((resolve) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => {
          const ok = req.result.objectStoreNames.contains('segments') && req.result.objectStoreNames.contains('packs');
          req.result.close();
          resolve(ok);
        };
        req.onerror = () => resolve(false);
      });
    },
    DB_NAME,
    { timeout: 20_000, polling: 100 },
  );
  const write = (arg: { name: string; store: string; rows: unknown[] }) =>
    new Promise<number>((resolve, reject) => {
      const req = indexedDB.open(arg.name);
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const db = req.result;
        const tx = db.transaction(arg.store, 'readwrite');
        const store = tx.objectStore(arg.store);
        for (const row of arg.rows) store.put(row);
        tx.oncomplete = () => {
          db.close();
          resolve(arg.rows.length);
        };
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error ?? new Error('aborted'));
      };
    });
  // Segments go in with their day packs (lib/db/packs.ts), in the same transaction, as the
  // extension's own writes do: new ids from the store, each touched pack read, merged and rewritten
  // with the extension's own encoder (its source is sent along).
  for (let i = 0; i < data.segments.length; i += chunk) {
    const arg = JSON.stringify({ name: DB_NAME, rows: data.segments.slice(i, i + chunk), packMs: PACK_MS });
    await page.evaluate(
      `(${writeSegmentsInPage.toString()})(${arg}, ${encodePack.toString()}, ${decodePack.toString()})`,
    );
  }
  if (data.rules?.length) await page.evaluate(write, { name: DB_NAME, store: 'rules', rows: data.rules });
  if (data.settings)
    await page.evaluate(write, { name: DB_NAME, store: 'settings', rows: [{ key: 'settings', value: data.settings }] });
  if (data.reviews?.length) await page.evaluate(write, { name: DB_NAME, store: 'reviews', rows: data.reviews });
  if (data.plans?.length) await page.evaluate(write, { name: DB_NAME, store: 'plans', rows: data.plans });
  if (data.meetings?.length) await page.evaluate(write, { name: DB_NAME, store: 'meetings', rows: data.meetings });
}

/**
 * Synthetic segments (lib/demo/seed.ts). Loaded on demand, so this module can be imported where
 * the `@/` path alias is not configured (the e2e runner), as long as this function is not called there.
 */
export async function demoSegments(
  weeks: number,
  now: number,
  seed?: number,
  pace: 'realistic' | 'dense' = 'realistic',
): Promise<Segment[]> {
  const { DEMO_SEED, generateDemoSegments } = await import('../lib/demo/seed.ts');
  return generateDemoSegments({ weeks, now, seed: seed ?? DEMO_SEED, pace, story: pace === 'realistic' });
}

/**
 * A few evenings on sites no catalog knows (industry newsletters, a partner's proofing tool) in the
 * last days before `now`, where nothing else was recorded: so the demo always has something to
 * classify in one click.
 */
export function unknownSiteEvenings(segments: readonly Segment[], now: number, days = 4): Segment[] {
  const sites = [
    // No rule knows it, but the address says it is a task board: shown as a guess (issue #14).
    { host: 'tasks.partner-agency.co', path: '/board/*', minutes: 30 },
    { host: 'martechweekly.io', path: '/p/*', minutes: 35 },
    { host: 'review.partner-agency.co', path: '/proof/*', minutes: 25 },
    { host: 'b2b-swipefile.net', path: '/library', minutes: 20 },
  ];
  const out: Segment[] = [];
  const day = new Date(now);
  for (let back = 0, added = 0; back < 10 && added < days; back++) {
    const d = new Date(day.getFullYear(), day.getMonth(), day.getDate() - back, 18, 20);
    const site = sites[added % sites.length]!;
    const start = d.getTime();
    const end = start + site.minutes * 60_000;
    if (end > now || d.getDay() === 0 || d.getDay() === 6) continue;
    if (segments.some((s) => s.lane === 'focus' && s.start < end && s.end > start)) continue;
    const dayKey = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    out.push({ start, end, day: dayKey, host: site.host, path: site.path, source: 'browser', lane: 'focus' });
    added++;
  }
  return out;
}

/** The demo's data: 12 synthetic weeks ending now and two rules of the person's (a regex and a host + path). */
export async function demoData(now: number, weeks = 12, seed?: number): Promise<SeedData> {
  const generated = await demoSegments(weeks, now, seed);
  const segments = [...generated, ...unknownSiteEvenings(generated, now)].sort((a, b) => a.start - b.start);
  const created = now - 40 * 24 * 3_600_000;
  const { demoMeetings } = await import('../lib/demo/meetings.ts');
  return {
    segments,
    meetings: demoMeetings(segments),
    rules: [
      {
        order: 0,
        match: { type: 'regex', pattern: '^app\\.hubspot\\.com/email/' },
        class: 'creative',
        kind: 'writing',
        tool: 'HubSpot email editor',
        createdAt: created,
      },
      {
        order: 1,
        match: { type: 'path', host: 'docs.google.com', pathPrefix: '/presentation' },
        class: 'creative',
        kind: 'design',
        tool: 'Google Slides',
        createdAt: created,
      },
    ],
  };
}

async function main(): Promise<void> {
  const display = hasDisplay();
  console.log(
    'Creative Ratio demo: a throw-away Chromium profile with 12 synthetic weeks (nothing of yours is touched).',
  );
  const browser = await launchWithExtension({
    headless: !display,
    viewport: display ? null : { width: 1280, height: 900 },
  });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(browser.url('dashboard.html'));
    const data = await demoData(Date.now());
    await seedDatabase(page, data);
    console.log(`Seeded ${data.segments.length.toLocaleString('en')} segments.`);
    await page.reload();
    await page.waitForSelector('[data-testid="headline-share"]', { timeout: 30_000 });
    if (display) {
      console.log(
        'The dashboard is open. Try the popup (extension icon), the weekly review and the settings. Close the browser to finish.',
      );
      await new Promise<void>((resolve) => browser.context.on('close', () => resolve()));
    } else {
      const shot = path.join(tmpdir(), 'creative-ratio-demo-dashboard.png');
      await page.screenshot({ path: shot, fullPage: true });
      console.log(
        [
          'No display here (DISPLAY is not set), so the browser ran headless.',
          `A screenshot of the seeded dashboard: ${shot}`,
          'Screenshots of every page, light and dark, are in docs/screenshots/ (refresh them with `npm run screenshots`).',
          'To see it live, run `npm run demo` on a desktop, or under Xvfb: `xvfb-run -a npm run demo`.',
        ].join('\n'),
      );
    }
  } finally {
    await browser.close();
  }
}

/**
 * Runs inside an extension page (sent as source text: no helpers or imports here). Writes segments
 * and updates their day packs in one transaction.
 */
function writeSegmentsInPage(
  arg: { name: string; rows: Segment[]; packMs: number },
  encode: typeof encodePack,
  decode: typeof decodePack,
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const req = indexedDB.open(arg.name);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(['segments', 'packs'], 'readwrite');
      const segments = tx.objectStore('segments');
      const packs = tx.objectStore('packs');
      const byBucket = new Map<number, Segment[]>();
      let pending = arg.rows.length;
      for (const row of arg.rows) {
        const put = segments.put(row);
        put.onsuccess = () => {
          const seg = { ...row, id: put.result as number };
          const bucket = Math.floor(seg.start / arg.packMs);
          const list = byBucket.get(bucket) ?? [];
          list.push(seg);
          byBucket.set(bucket, list);
          if (--pending > 0) return;
          for (const [bucket, added] of byBucket) {
            const get = packs.get(bucket);
            get.onsuccess = () => {
              const ids = new Set(added.map((s) => s.id));
              const current = get.result ? decode(get.result).filter((s) => !ids.has(s.id)) : [];
              packs.put(encode(bucket, current.concat(added)));
            };
          }
        };
      }
      tx.oncomplete = () => {
        db.close();
        resolve(arg.rows.length);
      };
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('aborted'));
    };
  });
}

/**
 * `tsx scripts/demo.ts --json FILE --weeks N --now MS --seed S [--realistic]`: write synthetic segments
 * as JSON (for tests). Dense pace unless --realistic: the tests that read it measure the worst case
 * (~3,000 segments a week).
 */
async function writeJson(args: string[]): Promise<void> {
  const get = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const file = args[args.indexOf('--json') + 1]!;
  const segments = await demoSegments(
    get('weeks', 12),
    get('now', Date.now()),
    get('seed', 7),
    args.includes('--realistic') ? 'realistic' : 'dense',
  );
  writeFileSync(file, JSON.stringify(segments));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  (args.includes('--json') ? writeJson(args) : main()).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
