/**
 * Profile the dashboard in Chromium with a year of data (a developer tool, not a test):
 *
 *   npm run bench:dashboard        (builds, then runs this with the defaults below)
 *   npx tsx bench/dashboard-profile.ts [--ext <unpacked extension; default .output/chrome-mv3>]
 *        [--profile-dir <default: <tmp>/creative-ratio-dashboard-profile>]
 *        [--draws 7] [--switches 7] [--cold] [--cpuprofile out.cpuprofile] [--trace out.json]
 *
 * Seeds a throw-away profile once (kept in --profile-dir for later runs with the same --ext path,
 * since an unpacked extension's id follows its path), then prints the medians of the draws
 * (navigation → the week drawn) and week switches (click → the new week drawn), and the page's own
 * `cr:*` User Timing measures (read / compute / render / chart), median per name.
 * `--trace-categories a,b` overrides the trace's categories. `--cold` deletes the derived summary cache before every draw; `--fresh` draws each time in a new tab.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { UI_CACHE_DB_NAME } from '../lib/db/names.ts';
import { REPO_ROOT } from '../scripts/demo.ts';
import { launchBench, median, seedOnce } from './support.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] && !process.argv[i + 1]!.startsWith('--') ? process.argv[i + 1]! : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const EXT = path.resolve(arg('ext', path.join(REPO_ROOT, '.output', 'chrome-mv3')));
const PROFILE = path.resolve(arg('profile-dir', path.join(tmpdir(), 'creative-ratio-dashboard-profile')));
const DRAWS = Number(arg('draws', '7'));
const SWITCHES = Number(arg('switches', '7'));
const COLD = flag('cold');
/** Each draw in a new tab (no previous page to unload) instead of navigating the same tab. */
const FRESH = flag('fresh');
const CPU = arg('cpuprofile', '');
const TRACE = arg('trace', '');

const launch = () => launchBench(EXT, PROFILE, { width: 1280, height: 900 });

type Measures = Record<string, number[]>;

async function pageMeasures(page: Page, into: Measures): Promise<void> {
  const list = await page.evaluate(() =>
    performance.getEntriesByType('measure').map((m) => ({ name: m.name, d: m.duration })),
  );
  for (const m of list) (into[m.name] ??= []).push(m.d);
  await page.evaluate(() => performance.clearMeasures());
}

async function main(): Promise<void> {
  mkdirSync(PROFILE, { recursive: true });
  const { context, url } = await launch();
  let page = context.pages()[0] ?? (await context.newPage());
  try {
    await seedOnce(page, url('dashboard.html'), PROFILE, EXT);
    const cdp = await context.newCDPSession(page);
    const clearCache = () =>
      page.evaluate(
        (name) =>
          new Promise<void>((resolve) => {
            const req = indexedDB.deleteDatabase(name);
            req.onsuccess = req.onerror = req.onblocked = () => resolve();
          }),
        UI_CACHE_DB_NAME,
      );
    const measures: Measures = {};
    const timeline: Measures = {};
    const draws: number[] = [];
    for (let i = 0; i < DRAWS; i++) {
      if (COLD) {
        await page.goto('about:blank');
        await page.goto(url('options.html'));
        await clearCache();
      }
      if (CPU && i === DRAWS - 1) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      if (TRACE && i === DRAWS - 1) {
        await cdp.send('Tracing.start', {
          categories: arg(
            'trace-categories',
            'devtools.timeline,v8.execute,blink.user_timing,disabled-by-default-devtools.timeline,IndexedDB',
          ),
          transferMode: 'ReturnAsStream',
        });
      }
      if (FRESH && i > 0 && !CPU && !TRACE) {
        const old = page;
        page = await context.newPage();
        await old.close();
      }
      await page.goto(url('dashboard.html'));
      await page.waitForFunction(() => document.documentElement.dataset.readyWeek, undefined, { timeout: 60_000 });
      const week = await page.evaluate(() => document.documentElement.dataset.readyWeek!);
      draws.push(
        await page.evaluate(
          (w) => performance.getEntriesByName(`cr:report:${w}`).at(-1)?.startTime ?? Number.NaN,
          week,
        ),
      );
      await page.waitForTimeout(300);
      const points = await page.evaluate((w) => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        const read = performance.getEntriesByName('cr:read-rows')[0];
        const main = performance.getEntriesByName('cr:main')[0];
        const drawn = performance.getEntriesByName(`cr:report:${w}`).at(-1)?.startTime ?? Infinity;
        const renders = performance.getEntriesByName('cr:render-week');
        return {
          'week renders before the draw': renders.filter((m) => m.startTime < drawn).length,
          'week renders, 300 ms after ready': renders.length,
          'trend drawn (cr:ready)': performance.getEntriesByName(`cr:ready:${w}`).at(-1)?.startTime ?? NaN,
          'nav: response end': nav?.responseEnd ?? NaN,
          'nav: DOMContentLoaded': nav?.domContentLoadedEventStart ?? NaN,
          'script start (cr:main)': main?.startTime ?? NaN,
          'first read starts': read?.startTime ?? NaN,
          'first read ends': read ? read.startTime + read.duration : NaN,
        };
      }, week);
      for (const [k, v] of Object.entries(points)) (timeline[k] ??= []).push(v);
      await pageMeasures(page, measures);
    }
    if (CPU) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(CPU, JSON.stringify(profile));
      console.log(`cpu profile of the last draw: ${CPU}`);
    }
    if (TRACE) {
      const done = new Promise<string>((resolve) =>
        cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream as string)),
      );
      await cdp.send('Tracing.end');
      const stream = await done;
      let out = '';
      for (;;) {
        const chunk = await cdp.send('IO.read', { handle: stream });
        out += chunk.data;
        if (chunk.eof) break;
      }
      writeFileSync(TRACE, out);
      console.log(`trace of the last draw: ${TRACE}`);
    }
    const drawMeasures = measures;
    const switchMeasures: Measures = {};
    const switches: number[] = [];
    for (let i = 0; i < SWITCHES; i++) {
      await page.waitForTimeout(1500);
      const from = await page.evaluate(() => document.documentElement.dataset.reportWeek!);
      const t0 = await page.evaluate(() => {
        const t = performance.now();
        (document.querySelector('button[aria-label="Previous week"]') as HTMLButtonElement).click();
        return t;
      });
      await page.waitForFunction((f) => document.documentElement.dataset.reportWeek !== f, from, { timeout: 30_000 });
      const to = await page.evaluate(() => document.documentElement.dataset.reportWeek!);
      switches.push(
        (await page.evaluate(
          (w) => performance.getEntriesByName(`cr:report:${w}`).at(-1)?.startTime ?? Number.NaN,
          to,
        )) - t0,
      );
      await page.waitForFunction(
        () => document.documentElement.dataset.readyWeek === document.documentElement.dataset.reportWeek,
        undefined,
        { timeout: 30_000 },
      );
      await pageMeasures(page, switchMeasures);
    }
    const r = (x: number) => Math.round(x);
    console.log(
      `load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    console.log(`draw   median ${r(median(draws))} ms  [${draws.map(r).join(', ')}]${COLD ? ' (cold cache)' : ''}`);
    console.log(`switch median ${r(median(switches))} ms  [${switches.map(r).join(', ')}]`);
    for (const [k, xs] of Object.entries(timeline))
      console.log(`  draw at ${k.padEnd(26)} median ${median(xs).toFixed(1)} ms`);
    for (const [label, m] of [
      ['draw', drawMeasures],
      ['switch', switchMeasures],
    ] as const) {
      for (const [name, xs] of Object.entries(m).sort())
        console.log(`  ${label} ${name.padEnd(28)} median ${median(xs).toFixed(1)} ms  (n=${xs.length})`);
    }
  } finally {
    await context.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
