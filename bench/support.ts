/**
 * What the page benchmarks (dashboard-profile.ts, popup-profile.ts) share: a median, a year of
 * synthetic segments from the demo generator, and a persistent Chromium with the built extension.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { automationArgs, findChromium } from '../scripts/browser.ts';
import { REPO_ROOT, seedDatabase } from '../scripts/demo.ts';
import type { Segment } from '../lib/model.ts';

export const median = (xs: number[]): number => {
  const s = [...xs].filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return Number.NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** 52 weeks of demo segments ending at `now`, written through `scripts/demo.ts --json` into `profileDir`. */
export function yearOfSegments(profileDir: string, now: number, seed: number): Segment[] {
  const file = path.join(profileDir, 'year.json');
  execFileSync(
    process.execPath,
    [
      path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      'scripts/demo.ts',
      '--json',
      file,
      '--weeks',
      '52',
      '--now',
      String(now),
      '--seed',
      String(seed),
    ],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return JSON.parse(readFileSync(file, 'utf8')) as Segment[];
}

/** Headless Chromium on a persistent profile with the extension loaded; `url` builds its page addresses. */
export async function launchBench(
  extensionDir: string,
  profileDir: string,
  viewport: { width: number; height: number },
): Promise<{ context: BrowserContext; url: (p: string) => string }> {
  const context = await chromium.launchPersistentContext(path.join(profileDir, 'chrome'), {
    executablePath: findChromium(),
    headless: true,
    viewport,
    args: automationArgs(extensionDir),
  });
  let worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  worker ??= await context.waitForEvent('serviceworker', { timeout: 20_000 });
  const id = new URL(worker.url()).host;
  return { context, url: (p) => `chrome-extension://${id}/${p}` };
}

/**
 * Seed a year of data into the extension's database once per profile. The marker names the
 * extension directory: an unpacked extension's id, and so its IndexedDB, follow its path, so a
 * profile seeded by a build elsewhere is seeded again instead of measuring an empty database.
 */
export async function seedOnce(
  page: Page,
  dashboardUrl: string,
  profileDir: string,
  extensionDir: string,
): Promise<void> {
  const marker = path.join(profileDir, 'seeded');
  const seededFor = existsSync(marker)
    ? (JSON.parse(readFileSync(marker, 'utf8')) as { extensionDir?: string } | number)
    : null;
  if (seededFor !== null && typeof seededFor === 'object' && seededFor.extensionDir === extensionDir) return;
  await page.goto(dashboardUrl);
  const t = Date.now();
  const segments = yearOfSegments(profileDir, Date.now(), 3);
  await seedDatabase(page, { segments });
  writeFileSync(marker, JSON.stringify({ extensionDir, segments: segments.length }));
  console.log(`seeded ${segments.length} segments in ${Math.round((Date.now() - t) / 1000)} s`);
}
