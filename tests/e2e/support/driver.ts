/**
 * Page objects for driving the browser like a person: tabs that navigate, get focused, and open
 * windows. Every action reports when it happened (the midpoint of the call), which is what a
 * scenario records as the scripted switch instant.
 */
import type { Page } from 'playwright-core';
import type { LaunchedExtension } from './launch.ts';
import type { ScriptedTimeline } from './tally.ts';
import { stopServiceWorker } from './worker.ts';

/** When an action ran: `at` is the midpoint of [before, after], the best guess of the switch instant. */
export interface Timed {
  before: number;
  after: number;
  at: number;
}

export async function timed(action: () => Promise<unknown>): Promise<Timed> {
  const before = Date.now();
  await action();
  const after = Date.now();
  return { before, after, at: Math.round((before + after) / 2) };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sleep until the absolute instant `until` (epoch ms); keeps a schedule from drifting. */
export async function sleepUntil(until: number): Promise<void> {
  const left = until - Date.now();
  if (left > 0) await sleep(left);
}

/**
 * Read until `ok` holds (every 150 ms; a failed read counts as not yet), and return that value; after
 * `timeoutMs` throw, naming `what` and the last value read.
 */
export async function until<T>(
  what: string,
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read().catch(() => undefined as T);
    if (v !== undefined && ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(v)} after ${timeoutMs} ms`);
    await sleep(150);
  }
}

/**
 * A scripted scenario's step on `timeline`: record the action (`timing`) as a switch to `host`
 * (`shape` its stored path), then hold for `seconds` measured from the switch. `allowance` is the
 * seconds the recorded switch may be off. With `tag`, an action that took over a second is logged.
 */
export function scriptStep(timeline: ScriptedTimeline, defaultAllowance: number, tag?: string) {
  return async (
    timing: Timed,
    host: string | null,
    shape: string,
    label: string,
    seconds: number,
    allowance = defaultAllowance,
  ): Promise<void> => {
    timeline.mark(host, shape, label, timing.at, allowance);
    if (tag && timing.after - timing.before > 1000)
      console.warn(`[${tag}] "${label}" took ${timing.after - timing.before} ms (allowance ${allowance.toFixed(2)} s)`);
    await sleepUntil(timing.at + seconds * 1000);
  };
}

/** One tab of the browser under test. */
export class ToolTab {
  constructor(
    readonly driver: BrowserDriver,
    readonly page: Page,
  ) {}

  /**
   * Navigate to `https://host/pathAndQuery`. The tab's URL changes (tabs.onUpdated) when the
   * navigation commits, which is near the end of the call, not its midpoint (the request and TLS
   * handshake come first). `at` is taken on the browser's side: the page's own response start
   * (`performance.timeOrigin + responseStart`), which precedes the commit by ~10–25 ms. The end of the
   * call is later by however long Playwright takes to hear of the commit, which grows with the load on
   * the machine (up to 35 ms after the commit on a quiet machine, 49–101 ms under load), so it is only the fallback.
   */
  async goto(host: string, pathAndQuery: string): Promise<Timed> {
    const timing = await timed(() =>
      this.page.goto(this.driver.ext.server.url(host, pathAndQuery), { waitUntil: 'commit' }),
    );
    const responseStart = await this.page
      .evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return nav && nav.responseStart > 0 ? performance.timeOrigin + nav.responseStart : undefined;
      })
      .catch(() => undefined);
    const at =
      responseStart === undefined
        ? timing.after
        : Math.min(timing.after, Math.max(timing.before, Math.round(responseStart)));
    return { ...timing, at };
  }

  /** Make this tab the active tab of its window and focus that window. */
  focus(): Promise<Timed> {
    return timed(() => this.page.bringToFront());
  }

  /**
   * Open `https://host/path` in a new foreground tab of this window, as a link with target=_blank does.
   * The tab is activated just after `before`; the page commits just before `after`.
   */
  openTab(host: string, pathAndQuery: string): Promise<{ tab: ToolTab; timing: Timed & { shown: Timed } }> {
    return this.open(host, pathAndQuery, '');
  }

  /**
   * Open a real second browser window (a popup window) on `https://host/path`, the way a site does.
   * The window is created and focused at `before`; the page commits at `after`.
   */
  openWindow(host: string, pathAndQuery: string): Promise<{ tab: ToolTab; timing: Timed & { shown: Timed } }> {
    return this.open(host, pathAndQuery, 'popup,width=900,height=700');
  }

  private async open(
    host: string,
    pathAndQuery: string,
    features: string,
  ): Promise<{ tab: ToolTab; timing: Timed & { shown: Timed } }> {
    const url = this.driver.ext.server.url(host, pathAndQuery);
    let opened: Page | undefined;
    let shown: Timed | undefined;
    const timing = await timed(async () => {
      const next = this.page.context().waitForEvent('page');
      // When the tab (or window) appeared: it is created and focused during window.open.
      shown = await timed(() =>
        this.page.evaluate(
          ([target, windowFeatures]) => {
            window.open(target, '_blank', windowFeatures);
          },
          [url, features] as const,
        ),
      );
      opened = await next;
      await opened.waitForURL(url, { waitUntil: 'commit' });
    });
    return { tab: new ToolTab(this.driver, opened!), timing: { ...timing, shown: shown! } };
  }

  close(): Promise<Timed> {
    return timed(() => this.page.close());
  }
}

/** The browser under test, driven through tabs. */
export class BrowserDriver {
  constructor(readonly ext: LaunchedExtension) {}

  /** The tab the browser started with (created if there is none). */
  async firstTab(): Promise<ToolTab> {
    const page = this.ext.context.pages()[0] ?? (await this.ext.context.newPage());
    return new ToolTab(this, page);
  }

  /**
   * A new blank tab in the current window (it becomes the active tab). Playwright waits for the page
   * to initialise, so the activation instant is only known to lie in [before, after]; prefer
   * `ToolTab.openTab` in timed scenarios.
   */
  async newTab(): Promise<{ tab: ToolTab; timing: Timed }> {
    let page: Page | undefined;
    const timing = await timed(async () => {
      page = await this.ext.context.newPage();
    });
    return { tab: new ToolTab(this, page!), timing };
  }

  /** Stop the extension's service worker (through any open tab) and wait until it is stopped. */
  stopServiceWorker(via: ToolTab): Promise<Timed> {
    return timed(() => stopServiceWorker(this.ext.context, via.page));
  }
}
