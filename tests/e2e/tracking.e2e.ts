/**
 * THE ACCURACY SCENARIO: a person works across real tool hostnames for about a minute — switching
 * tabs, navigating, opening a second window — while the extension's service worker is stopped twice
 * (once for 30+ s with a segment open). Recorded seconds per host must match what the script did
 * within 1 s per switch (2 s for the switch that has to wake the stopped worker; plus half the call
 * for a tab or window that opens, whose switch instant is only known to lie within the call); away
 * from the switches nothing but the scripted host may be counted. The total error is printed as a
 * percentage of scripted time (and written to test-results/e2e-tracking-<mode>.json).
 *
 * Runs twice: headless (default pass) and headful under Xvfb (E2E_HEADFUL=1, scripts/run-e2e.sh),
 * where only one window is really focused, so time in a background window must not be counted.
 * Headless Chromium cannot move focus between existing windows (bringToFront and windows.update
 * fire no onFocusChanged there and every window reports focused), so the window switches back and
 * forth are headful-only; the headless run ends in the second window it opened.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/build.ts';
import { BrowserDriver, scriptStep, sleep, sleepUntil, type Timed } from './support/driver.ts';
import { launchExtension, type LaunchedExtension } from './support/launch.ts';
import { readTracking } from './support/store.ts';
import { LOAD_CREDIT_MS } from '../../lib/tracker/machine.ts';
import {
  clipSpans,
  compareByHost,
  formatComparison,
  overlappingSpans,
  recordedSpans,
  ScriptedTimeline,
  secondsByHost,
  type Span,
} from './support/tally.ts';

const HEADFUL_PASS = process.env.E2E_HEADFUL === '1';
/** Allowed error per switch per host, seconds. */
const PER_SWITCH_S = 1;
/**
 * Allowed error for a switch whose event has to start a stopped service worker first: the browser
 * delivers the event only after the worker has started (0.3–1.4 s measured on 2 cores). The tracker
 * dates such switches by Chrome's own timestamps (tab lastAccessed, webNavigation timeStamp), so the
 * recorded error is ~±50 ms; the allowance stays wider for a loaded CI machine.
 */
const WAKE_ALLOWANCE_S = 2;
/** The total error the tracker aims for (printed). */
const TARGET_ERROR_PERCENT = 0.3;
/**
 * The total error asserted: a regression guard well above what is measured (0.7–0.8 % of a ~70 s
 * script, i.e. ~65 ms per switch, mostly a new tab's load time, which belongs to no host) and far
 * below what broken focus handling gave (17–27 %).
 */
const MAX_ERROR_PERCENT = 2;

const DOC_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';

/** Allowance for a switch known only to lie within [before, after] (scripted at the midpoint). */
function loadingAllowance(timing: Timed): number {
  return PER_SWITCH_S + (timing.after - timing.before) / 2000;
}

let ext: LaunchedExtension | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

function localDay(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

interface ScenarioResult {
  timeline: ScriptedTimeline;
  end: number;
  spans: Span[];
  /** Intervals during which a second window was open in the background. */
  backgroundIntervals: Array<{ from: number; to: number; backgroundHost: string; label: string }>;
}

async function runScenario(headful: boolean): Promise<ScenarioResult> {
  ext = await launchExtension({ headful, quietAfterWelcomeMs: LOAD_CREDIT_MS + 500 });
  const driver = new BrowserDriver(ext);
  const timeline = new ScriptedTimeline();
  const backgroundIntervals: ScenarioResult['backgroundIntervals'] = [];

  const step = scriptStep(timeline, PER_SWITCH_S, 'tracking');

  const tabA = await driver.firstTab();
  // Let the freshly installed extension finish starting (its first worker start reads the browser).
  await sleep(1500);
  await step(
    await tabA.goto('app.asana.com', '/0/1201/list?filter=mine#task-7'),
    'app.asana.com',
    '/*/*/list',
    'A: asana list',
    5,
  );
  await step(
    await tabA.goto('app.asana.com', '/0/1201/board'),
    'app.asana.com',
    '/*/*/board',
    'A: asana board (same host, new path)',
    4,
  );

  // A link opening a new tab. Whether the loading tab already counts as docs or only from the commit
  // is a matter of definition (Chromium reports the URL at different moments in the two modes), so the
  // switch is anywhere in the call: scripted at its midpoint, with half its duration added to the allowance.
  const { tab: tabB, timing: opened } = await tabA.openTab('docs.google.com', `/document/d/${DOC_ID}/edit#heading=h.1`);
  await step(opened, 'docs.google.com', '/document/d/*/edit', 'B: docs in a new tab', 6, loadingAllowance(opened));
  await step(await tabA.focus(), 'app.asana.com', '/*/*/board', 'A: back to asana tab', 4);

  // Worker stopped while asana is open; the navigation below must wake it and lose nothing. The event
  // reaches the tracker only once the worker has started again, hence the wider allowance.
  await driver.stopServiceWorker(tabA);
  await step(
    await tabA.goto('app.slack.com', '/client/T024BE7LD/C024BE91L'),
    'app.slack.com',
    '/client/*/*',
    'A: slack (wakes the stopped worker)',
    5,
    WAKE_ALLOWANCE_S,
  );

  // A long segment during which the worker is stopped (as Chromium does after 30 s without events).
  // The stop comes 1.5 s after the switch, once the tracker has handled it: a stop racing the event
  // itself is a crash, which the tracker only bounds (see docs on measurement), and is not scripted here.
  const toDocs = await tabB.focus();
  await sleepUntil(toDocs.at + 1500);
  await driver.stopServiceWorker(tabB);
  await step(toDocs, 'docs.google.com', '/document/d/*/edit', 'B: docs, worker stopped for 30+ s', 32);

  // A second window, focused when created; as for the new tab, the switch lies somewhere in the call.
  const { tab: popup, timing: popped } = await tabB.openWindow(
    'www.figma.com',
    '/design/AbC123xyzKEY456/Brand-Campaign-Q3?node-id=1-2',
  );
  await step(popped, 'figma.com', '/design/*/*', 'W2: figma in a second window', 6, loadingAllowance(popped));
  await step(
    await popup.goto('calendar.google.com', '/calendar/u/0/r/week'),
    'calendar.google.com',
    '/calendar/u/*/r',
    'W2: calendar',
    5,
  );

  if (headful) {
    /** The calendar window stayed open behind the focused one from `from` until now. */
    const calendarBehind = (from: Timed, label: string) =>
      backgroundIntervals.push({ from: from.at, to: Date.now(), backgroundHost: 'calendar.google.com', label });
    const backToA = await tabA.focus();
    await step(backToA, 'app.slack.com', '/client/*/*', 'A: slack window focused, calendar window in background', 5);
    calendarBehind(backToA, 'calendar window behind slack');
    await step(await popup.focus(), 'calendar.google.com', '/calendar/u/*/r', 'W2: calendar window focused again', 4);
    const toB = await tabB.focus();
    await step(toB, 'docs.google.com', '/document/d/*/edit', 'A: docs tab, calendar window in background', 4);
    calendarBehind(toB, 'calendar window behind docs');
  }

  const end = Date.now();
  // Reading may open an extension page (a tab switch); everything after `end` is clipped away.
  const { segments, tracker } = await readTracking(ext);
  const spans = clipSpans(recordedSpans(segments, tracker, end), 0, end);

  // Stored rows are well formed.
  for (const s of segments) {
    expect(s.end, `segment ${s.id} ends after it starts`).toBeGreaterThan(s.start);
    expect(s.day, `segment ${s.id} day is the local day of its start`).toBe(localDay(s.start));
    expect(s.source).toBe('browser');
    expect(s.host).not.toMatch(/^www\.|[?#:/]/);
    expect(s.path).not.toMatch(/[?#]/);
  }
  return { timeline, end, spans, backgroundIntervals };
}

function report(mode: string, result: ScenarioResult): string[] {
  const { timeline, end, spans } = result;
  const expected = timeline.secondsByHost(end);
  const recorded = secondsByHost(spans, 'focus');
  const comparison = compareByHost(expected, recorded, timeline.toleranceByHost());
  const problems: string[] = [];

  // Per scripted step: time on the scripted host, and time on any other host (double counting).
  const stepLines = timeline.marks.map((m, i) => {
    const to = timeline.marks[i + 1]?.at ?? end;
    const next = timeline.marks[i + 1];
    const inside = clipSpans(
      spans.filter((s) => s.lane === 'focus'),
      m.at,
      to,
    );
    const onHost = inside.filter((s) => s.host === m.host).reduce((sum, s) => sum + (s.end - s.start) / 1000, 0);
    // Away from the switch instants (± their allowance), nothing but the scripted host may be counted.
    const interior = clipSpans(inside, m.at + m.allowance * 1000, to - (next?.allowance ?? 0) * 1000);
    // When the switch was recorded: the span on the scripted page that starts nearest the mark (within 3 s).
    const started = spans
      .filter((s) => s.lane === 'focus' && s.host === m.host && s.path === m.path && Math.abs(s.start - m.at) < 3000)
      .sort((a, b) => Math.abs(a.start - m.at) - Math.abs(b.start - m.at))[0];
    const delay = m.host !== null && started ? `${String(started.start - m.at).padStart(5)} ms` : '       ';
    const foreign = secondsByHost(interior.filter((s) => s.host !== m.host));
    for (const [host, seconds] of Object.entries(foreign)) {
      if (seconds > 0.05)
        problems.push(
          `${mode}: during "${m.label}" ${seconds.toFixed(2)} s were counted for ${host} instead of ${m.host ?? 'nothing'}`,
        );
    }
    const foreignText = Object.entries(foreign)
      .map(([h, s]) => `${h} ${s.toFixed(2)}`)
      .join(', ');
    return `  ${m.label.padEnd(58)} ${((to - m.at) / 1000).toFixed(2).padStart(6)} s scripted, ${onHost.toFixed(2).padStart(6)} s on ${m.host ?? '(nothing)'}, recorded switch ${delay}${foreignText ? `, other: ${foreignText}` : ''}`;
  });

  if (comparison.errorPercent > MAX_ERROR_PERCENT) {
    problems.push(
      `${mode}: total error ${comparison.errorPercent.toFixed(2)} % of scripted time exceeds ${MAX_ERROR_PERCENT} %`,
    );
  }
  for (const h of comparison.hosts) {
    if (Math.abs(h.error) > h.tolerance) {
      problems.push(
        `${mode}: ${h.host} expected ${h.expected.toFixed(3)} s, recorded ${h.recorded.toFixed(3)} s (error ${h.error.toFixed(3)} s, allowed ±${h.tolerance} s)`,
      );
    }
  }
  for (const [a, b] of overlappingSpans(spans)) {
    problems.push(
      `${mode}: overlapping ${a.lane} segments ${a.host} [${a.start}, ${a.end}) and ${b.host} [${b.start}, ${b.end})`,
    );
  }
  for (const bg of result.backgroundIntervals) {
    const counted = clipSpans(spans, bg.from + PER_SWITCH_S * 1000, bg.to).filter((s) => s.host === bg.backgroundHost);
    const seconds = counted.reduce((sum, s) => sum + (s.end - s.start) / 1000, 0);
    if (seconds > 0.05)
      problems.push(
        `${mode}: ${bg.backgroundHost} counted ${seconds.toFixed(2)} s while its window was in the background (${bg.label})`,
      );
  }
  const callSeconds = secondsByHost(spans, 'call');
  if (Object.keys(callSeconds).length > 0)
    problems.push(`${mode}: unexpected call-lane time ${JSON.stringify(callSeconds)}`);

  const summary = [
    formatComparison(
      `[tracking:${mode}] seconds per host (target total error < ${TARGET_ERROR_PERCENT} %)`,
      comparison,
    ),
    `[tracking:${mode}] per step (recorded switch = when the tracker started the scripted host, relative to the script):`,
    ...stepLines,
  ].join('\n');
  console.log(summary);
  const outDir = path.join(REPO_ROOT, 'test-results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    path.join(outDir, `e2e-tracking-${mode}.json`),
    JSON.stringify({ mode, comparison, problems, marks: timeline.marks, end, spans }, null, 2),
  );
  return problems;
}

describe('tracking accuracy against a scripted minute of work', () => {
  it.skipIf(HEADFUL_PASS)(
    'headless: seconds per host match the script within 1 s per switch, across two worker stops',
    async () => {
      const result = await runScenario(false);
      expect(result.spans.length, 'the extension recorded nothing at all').toBeGreaterThan(0);
      expect(report('headless', result)).toEqual([]);
    },
  );

  it.runIf(HEADFUL_PASS)(
    'headful (Xvfb): one focused window at a time; background window time is not counted',
    async () => {
      const result = await runScenario(true);
      expect(result.spans.length, 'the extension recorded nothing at all').toBeGreaterThan(0);
      expect(report('headful', result)).toEqual([]);
    },
  );
});
