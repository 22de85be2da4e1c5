/**
 * Profile the popup in Chromium with a year of data (a developer tool, not a test):
 *
 *   npm run bench:popup            (builds, then runs this with the defaults below)
 *   npx tsx bench/popup-profile.ts [--ext <unpacked extension; default .output/chrome-mv3>]
 *        [--profile-dir <default: <tmp>/creative-ratio-popup-profile>] [--opens 15]
 *
 * Seeds a throw-away profile once (kept in --profile-dir for later runs with the same --ext path),
 * then opens `popup.html` --opens times (a new tab each time, as the toolbar button opens a fresh
 * document) and prints the median time from navigation start to today's numbers on screen (the
 * share or the "too early" amount, `[data-testid=popup-share]`, first in the DOM), the first paint,
 * and the JavaScript popup.html loads at once (its scripts and module preloads, not what it imports on demand): files, bytes and gzipped bytes (gzip -9
 * of the built files, as a store download would be compressed).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '../scripts/demo.ts';
import { launchBench, median, seedOnce } from './support.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] && !process.argv[i + 1]!.startsWith('--') ? process.argv[i + 1]! : fallback;
}

const EXT = path.resolve(arg('ext', path.join(REPO_ROOT, '.output', 'chrome-mv3')));
const PROFILE = path.resolve(arg('profile-dir', path.join(tmpdir(), 'creative-ratio-popup-profile')));
const OPENS = Number(arg('opens', '15'));

const launch = () => launchBench(EXT, PROFILE, { width: 360, height: 600 });

/** Installed before any of the page's scripts: the moment today's numbers enter the DOM. (A string: no bundler helpers.) */
const WATCH_FOR_TODAY = `(() => {
  const seen = () => {
    if (window.__crToday === undefined && document.querySelector('[data-testid="popup-share"]')) window.__crToday = performance.now();
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
})();`;

const gzipCache = new Map<string, { raw: number; gz: number }>();
function sizeOf(file: string): { raw: number; gz: number } {
  let s = gzipCache.get(file);
  if (!s) {
    const buf = readFileSync(path.join(EXT, file));
    s = { raw: buf.length, gz: gzipSync(buf, { level: 9 }).length };
    gzipCache.set(file, s);
  }
  return s;
}

/** The scripts popup.html loads at once: its script tags and module preloads (what runs before anything is imported on demand). */
function staticScripts(): string[] {
  const html = readFileSync(path.join(EXT, 'popup.html'), 'utf8');
  const out = new Set<string>();
  for (const m of html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g))
    out.add(m[1]!.replace(/^\//, ''));
  return [...out];
}

async function main(): Promise<void> {
  mkdirSync(PROFILE, { recursive: true });
  const { context, url } = await launch();
  try {
    const first = context.pages()[0] ?? (await context.newPage());
    await seedOnce(first, url('dashboard.html'), PROFILE, EXT);
    await first.close();
    const today: number[] = [];
    const paint: number[] = [];
    const files = staticScripts();
    const sizes = files.map(sizeOf);
    const loaded = { files, raw: sizes.reduce((a, s) => a + s.raw, 0), gz: sizes.reduce((a, s) => a + s.gz, 0) };
    for (let i = 0; i < OPENS; i++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Page.enable');
      await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: WATCH_FOR_TODAY });
      await page.goto(url('popup.html'));
      await page.waitForFunction(
        () => (window as unknown as { __crToday?: number }).__crToday !== undefined,
        undefined,
        { timeout: 30_000 },
      );
      const r = await page.evaluate(() => {
        const at = (window as unknown as { __crToday: number }).__crToday;
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
        return { at, fcp };
      });
      today.push(r.at);
      paint.push(r.fcp);
      await page.waitForTimeout(200);
      await page.close();
    }
    const ms = (x: number) => Math.round(x);
    const kb = (b: number) => (b / 1024).toFixed(1);
    console.log(
      `load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    console.log(`today on screen median ${ms(median(today))} ms  [${today.map(ms).join(', ')}]`);
    console.log(`first contentful paint median ${ms(median(paint))} ms`);
    {
      console.log(
        `JS the page loads before its code runs (scripts and module preloads in popup.html): ${loaded.files.length} files, ${kb(loaded.raw)} kB, ${kb(loaded.gz)} kB gzipped`,
      );
      for (const f of loaded.files)
        console.log(`  ${f.padEnd(40)} ${kb(sizeOf(f).raw).padStart(7)} kB  ${kb(sizeOf(f).gz).padStart(6)} kB gz`);
    }
  } finally {
    await context.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
