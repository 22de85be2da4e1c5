/**
 * The tracker's browser adapter: the only tracker code that touches `browser`. It wires browser
 * events (tabs, windows, webNavigation, idle, alarms, runtime messages, storage.session) to the pure
 * core and the persistence, and does nothing else:
 * - each event is stamped with the instant it arrived and run, one at a time, through the state
 *   machine (lib/tracker/machine.ts); what the browser reports is translated by lib/tracker/observe.ts
 *   and dated by lib/tracker/timing.ts;
 * - the result — the new state (the checkpoint) and the closed segments — is persisted in ONE
 *   IndexedDB transaction by the writer of lib/db/tracker.ts, which also keeps the capped queue while
 *   the database refuses writes.
 *
 * Service-worker safety: listeners are registered synchronously by `startTracker`; every worker
 * start re-reads the checkpoint and the browser (a snapshot), so a stopped worker loses nothing
 * and a crash loses at most one heartbeat period (the open segment ends at its last `lastSeen`).
 */
import type { Browser, WxtBrowser } from 'wxt/browser';
import type { CreativeRatioDB } from '@/lib/db/schema';
import { loadSettings } from '@/lib/db';
import { createTrackerWriter } from '@/lib/db/tracker';
import { isBackgroundMessage, type BackgroundReply } from '@/lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { GAP_MS, HEARTBEAT_MINUTES, trackerConfig } from '@/lib/tracker/config';
import { step, type TrackerEvent } from '@/lib/tracker/machine';
import { isTrackedWindow, readSnapshot, toTabRef } from '@/lib/tracker/observe';
import { initialState, PAUSE_FOREVER, type IdleState, type TabRef, type TrackerState } from '@/lib/tracker/state';
import { commitTime, heardLate, pauseEnd, snapshotTime, type Commit } from '@/lib/tracker/timing';
import { toPageRef } from '@/lib/url/normalize';

export const ALARM_HEARTBEAT = 'heartbeat';
export const ALARM_PAUSE_END = 'pause-end';
/** `storage.session` key set on the first worker start of a browser session. */
export const SESSION_KEY = 'tracker-session-started';
/** After "no window focused", how long to wait before asking which window really has focus. */
export const FOCUS_SETTLE_MS = 100;

/** chrome.idle, injected (WXT's fake browser used in unit tests has none). */
export interface IdlePort {
  queryState(detectionIntervalInSeconds: number): Promise<IdleState>;
  setDetectionInterval(intervalInSeconds: number): void;
  onStateChanged: { addListener(cb: (state: IdleState) => void): void };
}

type Tab = Browser.tabs.Tab;

export interface TrackerDeps {
  browser: WxtBrowser;
  idle: IdlePort;
  db: CreativeRatioDB;
  now: () => number;
  /** True when an audible tab on this host is a call (from the classification catalog). */
  isCallHost: (host: string) => boolean;
  /** How many refused segments may wait for the database (default MAX_PENDING; tests use fewer). */
  maxPending?: number;
  /** Called after each persisted step (badge updates, tests). */
  onChange?: (state: TrackerState, error: string | null) => void;
}

export interface TrackerHandle {
  /** Resolves when every event received so far has been processed and persisted (or failed). */
  idle(): Promise<void>;
  /** The in-memory state (after the last processed event). */
  state(): TrackerState | null;
}

/** What an event builder returns: nothing, an event at its arrival time, or an event at a known earlier instant. */
type Built = TrackerEvent | { event: TrackerEvent; at: number } | null;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function startTracker(deps: TrackerDeps): TrackerHandle {
  const { browser, db, now } = deps;
  const writer = createTrackerWriter(db, deps.maxPending);
  let state: TrackerState | null = null;
  let settings: Settings = DEFAULT_SETTINGS;
  let config = trackerConfig(settings, deps.isCallHost);
  let chain: Promise<void> = Promise.resolve();
  /** When each tab last committed a main-frame navigation (webNavigation's own timestamps). */
  const commits = new Map<number, Commit>();

  /**
   * Queue work. `arrival` is taken now, when the browser delivered the event; a builder may return
   * an earlier instant it knows better (a tab's `lastAccessed`), which lib/tracker/timing.ts bounds.
   */
  function enqueue(build: (arrival: number) => Promise<Built> | Built): void {
    const arrival = now();
    chain = chain
      .then(async () => {
        const built = await build(arrival);
        if (!built) return;
        if ('event' in built) await apply(built.event, built.at);
        else await apply(built, arrival);
      })
      .catch((err: unknown) => {
        console.error('[creative-ratio] tracker event failed', err);
      });
  }

  async function apply(event: TrackerEvent, at: number): Promise<void> {
    if (!state) state = initialState(at);
    const result = step(state, event, at, config);
    const saved = await writer.write(result.state, result.closed, at);
    state = saved.state;
    await scheduleAlarms(saved.state);
    deps.onChange?.(saved.state, saved.error);
  }

  async function scheduleAlarms(s: TrackerState): Promise<void> {
    if (s.pausedUntil !== null && s.pausedUntil < PAUSE_FOREVER) {
      const existing = await browser.alarms.get(ALARM_PAUSE_END);
      if (!existing || existing.scheduledTime !== s.pausedUntil) {
        await browser.alarms.create(ALARM_PAUSE_END, { when: s.pausedUntil });
      }
    } else {
      await browser.alarms.clear(ALARM_PAUSE_END);
    }
  }

  async function activeTabOf(windowId: number): Promise<TabRef | null> {
    const [tab] = await browser.tabs.query({ active: true, windowId });
    return tab ? toTabRef(tab) : null;
  }

  /** The focused window if it is a browser window we track (not devtools, not incognito). */
  async function trackedWindow(windowId: number): Promise<number | null> {
    if (windowId === browser.windows.WINDOW_ID_NONE) return null;
    try {
      const win = await browser.windows.get(windowId);
      if (!win || !isTrackedWindow(win)) return null;
      return win.focused === false ? null : windowId;
    } catch {
      return null;
    }
  }

  async function snapshot(arrival: number): Promise<Built> {
    const [wins, tabs, idleState] = await Promise.all([
      browser.windows.getAll(),
      browser.tabs.query({}),
      deps.idle.queryState(settings.idleThresholdSec),
    ]);
    const { event, activeTab } = readSnapshot(wins, tabs, idleState);
    const active = event.activeTab;
    const committed = active ? commitTime(commits.get(active.tabId), active.page) : undefined;
    return {
      event,
      at: snapshotTime(arrival, state, active, { lastAccessed: activeTab?.lastAccessed, committed }, GAP_MS),
    };
  }

  /**
   * True on the first worker start of a browser session. `storage.session` lives in memory: it
   * survives worker stops but not a browser exit or crash, so an empty marker means the browser
   * (or the extension) started anew. `runtime.onStartup` is not enough: relaunching a profile with
   * --load-extension never fires it. Without `storage.session` (old browsers): false, the gap
   * window alone decides.
   */
  async function browserStarted(): Promise<boolean> {
    const area = browser.storage?.session;
    if (!area) return false;
    try {
      const found = await area.get(SESSION_KEY);
      if (found[SESSION_KEY] !== undefined) return false;
      await area.set({ [SESSION_KEY]: now() });
      return true;
    } catch {
      return false;
    }
  }

  async function reloadSettings(): Promise<void> {
    try {
      settings = await loadSettings(db);
    } catch {
      settings = DEFAULT_SETTINGS;
    }
    config = trackerConfig(settings, deps.isCallHost);
    try {
      deps.idle.setDetectionInterval(settings.idleThresholdSec);
    } catch {
      // Older browsers clamp or reject; the default threshold then applies.
    }
  }

  /** The tab, or null when it was closed in the meantime. */
  async function getTab(tabId: number): Promise<Tab | null> {
    try {
      return (await browser.tabs.get(tabId)) ?? null;
    } catch {
      return null;
    }
  }

  // ---- listeners: registered synchronously, before any await ----

  browser.tabs.onActivated.addListener(({ tabId }) =>
    enqueue(async (arrival) => {
      const tab = await getTab(tabId);
      const ref = tab ? toTabRef(tab) : null;
      if (!tab || !ref) return null;
      // A worker that was stopped hears of the switch late; Chrome knows when it happened.
      return { event: { type: 'activated', tab: ref }, at: heardLate(arrival, tab.lastAccessed, state) };
    }),
  );

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url === undefined && change.audible === undefined) return;
    enqueue((arrival) => {
      const ref = toTabRef({ ...tab, id: tabId });
      if (!ref) return null;
      const event: TrackerEvent = { type: 'updated', tab: ref, audible: tab.audible === true };
      if (change.url === undefined) return event;
      return { event, at: heardLate(arrival, commitTime(commits.get(tabId), ref.page), state) };
    });
  });

  // Main-frame navigations carry Chrome's own timestamp, so a URL change heard late (the worker
  // was asleep) is still dated exactly. Recorded synchronously, applied through the queue.
  const onNavigation = (details: {
    tabId: number;
    frameId: number;
    url: string;
    timeStamp: number;
    documentLifecycle?: string;
  }) => {
    if (details.frameId !== 0 || details.tabId < 0) return;
    if (details.documentLifecycle !== undefined && details.documentLifecycle !== 'active') return; // prerender
    const page = toPageRef(details.url);
    commits.set(details.tabId, { page, at: details.timeStamp });
    enqueue(async (arrival) => {
      const tab = await getTab(details.tabId);
      const ref = tab ? toTabRef(tab) : null;
      if (!tab || !ref || ref.incognito) return null;
      return {
        event: {
          type: 'updated',
          tab: { tabId: ref.tabId, windowId: ref.windowId, incognito: ref.incognito, page },
          audible: tab.audible === true,
        },
        at: heardLate(arrival, details.timeStamp, state),
      };
    });
  };
  browser.webNavigation?.onCommitted?.addListener(onNavigation);
  browser.webNavigation?.onHistoryStateUpdated?.addListener(onNavigation);

  browser.tabs.onRemoved.addListener((tabId) => enqueue(() => ({ type: 'removed', tabId })));

  browser.tabs.onReplaced.addListener((addedTabId, removedTabId) => {
    enqueue(() => ({ type: 'removed', tabId: removedTabId }));
    enqueue(async () => {
      const tab = await getTab(addedTabId);
      const ref = tab ? toTabRef(tab) : null;
      if (!tab || !ref) return null;
      return tab.active
        ? { type: 'activated', tab: ref }
        : { type: 'updated', tab: ref, audible: tab.audible === true };
    });
  });

  browser.windows.onFocusChanged.addListener((windowId) =>
    enqueue(async () => {
      let tracked = await trackedWindow(windowId);
      if (windowId === browser.windows.WINDOW_ID_NONE) {
        // Chromium on Linux reports "no window" a few ms after a switch between its own windows
        // (some window managers do this): ask again once things settle.
        await sleep(FOCUS_SETTLE_MS);
        try {
          const last = await browser.windows.getLastFocused();
          if (last?.focused && last.id !== undefined) tracked = await trackedWindow(last.id);
        } catch {
          tracked = null;
        }
      }
      return { type: 'focus', windowId: tracked, activeTab: tracked === null ? null : await activeTabOf(tracked) };
    }),
  );

  deps.idle.onStateChanged.addListener((idleState) => enqueue(() => ({ type: 'idle', state: idleState })));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== ALARM_HEARTBEAT && alarm.name !== ALARM_PAUSE_END) return;
    enqueue(async () => ({ type: 'heartbeat', idle: await deps.idle.queryState(settings.idleThresholdSec) }));
  });

  browser.runtime.onMessage.addListener(
    (message: unknown, _sender, sendResponse?: (reply: BackgroundReply) => void) => {
      if (!isBackgroundMessage(message)) return undefined;
      const at = now();
      enqueue(async () => {
        switch (message.type) {
          case 'pause':
            return { type: 'pause', until: pauseEnd(at, message.minutes) };
          case 'resume':
            return { type: 'resume' };
          case 'settings-changed':
            await reloadSettings();
            return { type: 'reconfigure' };
          case 'data-deleted':
            writer.forget();
            return { type: 'restart' };
        }
      });
      const reply: Promise<BackgroundReply> = chain.then(
        () => ({ ok: true }),
        (err: unknown) => ({ ok: false, error: String(err) }),
      );
      // Chrome answers through sendResponse (return true keeps the channel open); Firefox and the
      // test fake accept a returned promise.
      if (typeof sendResponse !== 'function') return reply;
      void reply.then(sendResponse);
      return true;
    },
  );

  // ---- every worker start: restore the checkpoint, re-read the browser ----
  chain = chain.then(async () => {
    await reloadSettings();
    state = await writer.restore();
    await browser.alarms.create(ALARM_HEARTBEAT, { periodInMinutes: HEARTBEAT_MINUTES });
  });
  // A worker restart continues the open segment; a browser start (crash, "Relaunch to update") ends
  // it at the last instant the tracker saw, whatever the gap: the browser was not running since.
  enqueue(async () => ((await browserStarted()) && state ? { type: 'browser-start' } : null));
  enqueue((arrival) => snapshot(arrival));

  return {
    idle: async () => {
      // Wait until the queue is drained, including events queued while waiting.
      let seen: Promise<void> | null = null;
      while (seen !== chain) {
        seen = chain;
        await chain;
      }
    },
    state: () => state,
  };
}
