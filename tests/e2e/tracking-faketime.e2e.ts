/**
 * THE CLOCK FAULT FROM OUTSIDE: Chromium runs under libfaketime (LD_PRELOAD). Its wall clock is set
 * a year ahead for one navigation, then corrected, and the person goes on working. The tracker must
 * record the work after the correction (before the fix it recorded nothing until real time caught up
 * with the bad reading), keep nothing in the future, and remember the fault for the badge and popup.
 *
 * FAKETIME_TIMESTAMP_FILE is re-read every second (FAKETIME_CACHE_DURATION=1); monotonic clocks are
 * left alone (FAKETIME_DONT_FAKE_MONOTONIC=1) so timers and the renderer keep working.
 * Skipped when libfaketime is not installed (apt-get install faketime).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BrowserDriver, sleep, sleepUntil } from './support/driver.ts';
import { launchExtension, type LaunchedExtension } from './support/launch.ts';
import { readTracking } from './support/store.ts';
import { overlappingSpans, recordedSpans } from './support/tally.ts';

const HEADFUL_PASS = process.env.E2E_HEADFUL === '1';
const LIBFAKETIME = process.env.LIBFAKETIME ?? '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';
const YEAR_MS = 365 * 24 * 3600 * 1000;

let ext: LaunchedExtension | undefined;
let dir: string | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('a browser clock a year ahead for one reading (libfaketime)', () => {
  it.skipIf(HEADFUL_PASS || !existsSync(LIBFAKETIME))('keeps tracking after the clock is corrected and keeps nothing in the future', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'creative-ratio-faketime-'));
    const offsetFile = path.join(dir, 'faketime');
    const setOffset = async (offset: string) => {
      writeFileSync(offsetFile, `${offset}\n`);
      await sleep(1500); // the cache lasts one second
    };
    writeFileSync(offsetFile, '+0\n');
    ext = await launchExtension({
      env: {
        LD_PRELOAD: LIBFAKETIME,
        FAKETIME_TIMESTAMP_FILE: offsetFile,
        FAKETIME_DONT_FAKE_MONOTONIC: '1',
        FAKETIME_CACHE_DURATION: '1',
      },
    });
    const t0 = Date.now();
    const progress = (what: string) => console.log(`[tracking:faketime] +${((Date.now() - t0) / 1000).toFixed(1)} s ${what}`);
    const driver = new BrowserDriver(ext);
    const tab = await driver.firstTab();
    await sleep(1500);
    const docs = await tab.goto('docs.google.com', '/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/edit');
    await sleepUntil(docs.at + 5_000);

    progress('docs done');
    await setOffset('+365d'); // one reading a year ahead
    await tab.goto('app.slack.com', '/client/T024BE7LD/C024BE91L');
    await sleep(2_000);
    await setOffset('+0'); // corrected

    progress('clock corrected');
    const asana = await tab.goto('app.asana.com', '/0/1201/list');
    await sleepUntil(asana.at + 35_000); // past one heartbeat alarm
    const github = await tab.goto('github.com', '/creative-ratio/app/pull/42');
    await sleepUntil(github.at + 5_000);
    const end = Date.now();
    progress('script done');

    const { segments, tracker } = await readTracking(ext);
    const spans = recordedSpans(segments, tracker, end);
    const sum = (host: string) => spans.filter((s) => s.host === host && s.lane === 'focus').reduce((t, s) => t + (s.end - s.start) / 1000, 0);
    const scriptedAsana = (github.at - asana.at) / 1000;
    console.log(
      `[tracking:faketime] docs ${sum('docs.google.com').toFixed(2)} s, asana ${sum('app.asana.com').toFixed(2)} s of ${scriptedAsana.toFixed(2)} s, ` +
        `github ${sum('github.com').toFixed(2)} s of ${((end - github.at) / 1000).toFixed(2)} s; clock fault ${JSON.stringify(tracker?.clockFault ?? null)}`,
    );

    expect(sum('app.asana.com'), 'work after the correction is recorded').toBeGreaterThan(scriptedAsana - 2);
    expect(sum('app.asana.com')).toBeLessThan(scriptedAsana + 2);
    expect(sum('github.com')).toBeGreaterThan((end - github.at) / 1000 - 2);
    expect(segments.every((s) => s.end <= end + 1000), 'nothing is stored in the future').toBe(true);
    expect(tracker?.lastSeen ?? 0).toBeLessThan(end + YEAR_MS / 2); // no poisoned lastSeen
    expect(tracker?.clockFault?.jumpMs ?? 0).toBeLessThan(-YEAR_MS / 2);
    expect(overlappingSpans(spans)).toEqual([]);
  });
});
