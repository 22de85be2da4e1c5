/**
 * The tracker's browser adapter: the only tracker code that touches `browser`.
 *
 * It turns browser events into TrackerEvents stamped with the instant they arrived, runs them one
 * at a time through the pure state machine (lib/tracker/machine.ts), and persists the result —
 * the new state (the checkpoint) and the closed segments — in ONE IndexedDB transaction.
 *
 * Service-worker safety: listeners are registered synchronously by `startTracker`; every worker
 * start re-reads the checkpoint and the browser (`snapshot`), so a stopped worker loses nothing
 * and a crash loses at most one heartbeat period (the open segment ends at its last `lastSeen`).
 */
import type { Browser, WxtBrowser } from 'wxt/browser';
import type { CreativeRatioDB } from '@/lib/db/schema';
import { loadSettings, readTrackerState } from '@/lib/db';
import { saveTrackerStep, saveWriteFailure } from '@/lib/db/tracker';
import { isBackgroundMessage, type BackgroundReply } from '@/lib/messages';
import type { PageRef, Segment } from '@/lib/model';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { compileExclusions } from '@/lib/tracker/exclusions';
import { step, type TrackerConfig, type TrackerEvent } from '@/lib/tracker/machine';
import { initialState, PAUSE_FOREVER, type IdleState, type TabRef, type TrackerState } from '@/lib/tracker/state';
import { capPending, type WriteLoss } from '@/lib/tracker/writes';
import { toPageRef } from '@/lib/url/normalize';

/** Heartbeat alarm period. 30 s is the minimum Chrome allows for a packed extension. */
export const HEARTBEAT_MINUTES = 0.5;
/** A gap between sightings longer than this (sleep, crash) is never counted. */
export const GAP_MS = 3 * HEARTBEAT_MINUTES * 60_000;
/** A call tab that is silent for less than this still counts as the call. */
export const CALL_GRACE_MS = 20_000;

export const ALARM_HEARTBEAT = 'heartbeat';
export const ALARM_PAUSE_END = 'pause-end';
/** `storage.session` key set on the first worker start of a browser session. */
export const SESSION_KEY = 'tracker-session-started';

/** chrome.idle, injected (the fake browser used in unit tests has none). */
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

export function toTabRef(tab: Tab): TabRef | null {
  if (tab.id === undefined || tab.id < 0 || tab.windowId === undefined) return null;
  // Reduce the URL immediately: nothing else from the tab (title, favicon…) is ever kept.
  const page = tab.incognito ? null : toPageRef(tab.url || tab.pendingUrl);
  const ref: TabRef = { tabId: tab.id, windowId: tab.windowId, page, incognito: tab.incognito };
  // A tab that has not committed its first page yet (a new tab or window opened on a link: Chrome
  // reports it with no URL or about:blank, status 'complete', until the page commits). The machine
  // credits its wait only from a tab activation, never from a snapshot or a window focus.
  if (page === null && !tab.incognito && (!tab.url || tab.url === 'about:blank')) ref.loading = true;
  return ref;
}

const TRACKED_WINDOW_TYPES = new Set(['normal', 'popup', 'app']);

/** What an event builder returns: nothing, an event at its arrival time, or an event at a known earlier instant. */
type Built = TrackerEvent | { event: TrackerEvent; at: number } | null;

/** How far back a tab's `lastAccessed` may move an activation (worker wake-up takes 0.1–1.5 s). */
export const MAX_BACKDATE_MS = 5_000;
/** After "no window focused", how long to wait before asking which window really has focus. */
export const FOCUS_SETTLE_MS = 100;

/**
 * The instant to use for an event: the tab's `lastAccessed` (when Chrome made it active, Chrome 121+)
 * when it is plausible — not in the future, not before what the tracker already saw, and at most
 * `maxBackMs` before the event arrived — otherwise the arrival time. Pure.
 */
export function eventTime(arrival: number, lastAccessed: number | undefined, lastSeen: number, maxBackMs: number): number {
  if (lastAccessed === undefined || !Number.isFinite(lastAccessed)) return arrival;
  if (lastAccessed > arrival || lastAccessed <= lastSeen || arrival - lastAccessed > maxBackMs) return arrival;
  return lastAccessed;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function startTracker(deps: TrackerDeps): TrackerHandle {
  const { browser, db, now } = deps;
  let state: TrackerState | null = null;
  let settings: Settings = DEFAULT_SETTINGS;
  let config: TrackerConfig = makeConfig(settings);
  let pending: Segment[] = [];
  /** Segments dropped from the full queue that could not be recorded in the status row yet. */
  let unrecordedLoss: WriteLoss = { segments: 0, ms: 0 };
  let chain: Promise<void> = Promise.resolve();
  /** When each tab last committed a main-frame navigation (webNavigation's own timestamps). */
  const commits = new Map<number, { page: PageRef | null; at: number }>();

  /** Chrome's timestamp for the navigation that brought `tabId` to `page`, if we heard of it. */
  function commitTime(tabId: number, page: PageRef | null): number | undefined {
    const c = commits.get(tabId);
    if (!c || !page || !c.page || c.page.host !== page.host || c.page.path !== page.path) return undefined;
    return c.at;
  }

  function makeConfig(s: Settings): TrackerConfig {
    return {
      idleThresholdMs: s.idleThresholdSec * 1000,
      gapMs: GAP_MS,
      callGraceMs: CALL_GRACE_MS,
      isExcluded: compileExclusions(s.excludedHosts),
      isCallHost: deps.isCallHost,
    };
  }

  /**
   * Queue work. `arrival` is taken now, when the browser delivered the event; a builder may return
   * an earlier instant it knows better (a tab's `lastAccessed`), which `eventTime` bounds.
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
    state = result.state;
    // While the database refuses writes the queue is bounded: the oldest segments beyond the cap are
    // dropped and counted (status row, badge title, popup) instead of growing without end.
    const capped = capPending(pending.concat(result.closed), deps.maxPending);
    pending = capped.kept;
    unrecordedLoss = { segments: unrecordedLoss.segments + capped.lost.segments, ms: unrecordedLoss.ms + capped.lost.ms };
    const toWrite = pending;
    let snapshot = state;
    let error: string | null = null;
    try {
      const saved = await saveTrackerStep(db, snapshot, toWrite);
      // The checkpoint as written (clipping may have counted dropped time) is the state from now on.
      snapshot = saved.state;
      state = snapshot;
      pending = pending.slice(toWrite.length);
    } catch (err) {
      error = describeDbError(err);
      try {
        await saveWriteFailure(db, { error, since: at, pending: toWrite, lost: unrecordedLoss, at });
        unrecordedLoss = { segments: 0, ms: 0 };
      } catch {
        // The database refuses everything; the badge still tells the person.
      }
      if (unrecordedLoss.segments > 0 || capped.lost.segments > 0) {
        error += ` ${capped.lost.segments + unrecordedLoss.segments} older unsaved segments were dropped.`;
      }
    }
    await scheduleAlarms(snapshot);
    deps.onChange?.(snapshot, error);
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
      if (win.incognito || (win.type !== undefined && !TRACKED_WINDOW_TYPES.has(win.type))) return null;
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
    const focused = wins.find((w) => w.focused && !w.incognito && (w.type === undefined || TRACKED_WINDOW_TYPES.has(w.type)));
    const refs = tabs
      .filter((t) => !t.incognito)
      .map((t) => ({ ref: toTabRef(t), audible: t.audible === true, active: t.active }))
      .filter((x): x is { ref: TabRef; audible: boolean; active: boolean } => x.ref !== null);
    const activeRaw = focused ? tabs.find((t) => t.active && !t.incognito && t.windowId === focused.id) : undefined;
    const active = activeRaw ? (refs.find((x) => x.ref.tabId === activeRaw.id)?.ref ?? null) : null;
    const event: TrackerEvent = {
      type: 'snapshot',
      focusedWindowId: focused?.id ?? null,
      activeTab: active,
      idle: idleState,
      tabs: refs.map((x) => ({ ...x.ref, audible: x.audible })),
    };
    // A switch the stopped worker never heard of (it died while the event was in flight) happened
    // when Chrome made the tab active; within the gap window that instant is trustworthy.
    const open = state?.focus;
    const switched = open && active?.page && (open.host !== active.page.host || open.path !== active.page.path);
    if (!switched || !state) return event;
    const changedAt = Math.max(activeRaw?.lastAccessed ?? 0, commitTime(active.tabId, active.page) ?? 0) || undefined;
    return { event, at: eventTime(arrival, changedAt, state.lastSeen, GAP_MS) };
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
    config = makeConfig(settings);
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

  /** An event's instant from one of Chrome's own timestamps (see eventTime). */
  const backdated = (arrival: number, chromeTime: number | undefined) =>
    eventTime(arrival, chromeTime, state?.lastSeen ?? 0, MAX_BACKDATE_MS);

  // ---- listeners: registered synchronously, before any await ----

  browser.tabs.onActivated.addListener(({ tabId }) => enqueue(async (arrival) => {
    const tab = await getTab(tabId);
    const ref = tab ? toTabRef(tab) : null;
    if (!tab || !ref) return null;
    // A worker that was stopped hears of the switch late; Chrome knows when it happened.
    return { event: { type: 'activated', tab: ref }, at: backdated(arrival, tab.lastAccessed) };
  }));

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url === undefined && change.audible === undefined) return;
    enqueue((arrival) => {
      const ref = toTabRef({ ...tab, id: tabId });
      if (!ref) return null;
      const event: TrackerEvent = { type: 'updated', tab: ref, audible: tab.audible === true };
      if (change.url === undefined) return event;
      return { event, at: backdated(arrival, commitTime(tabId, ref.page)) };
    });
  });

  // Main-frame navigations carry Chrome's own timestamp, so a URL change heard late (the worker
  // was asleep) is still dated exactly. Recorded synchronously, applied through the queue.
  const onNavigation = (details: { tabId: number; frameId: number; url: string; timeStamp: number; documentLifecycle?: string }) => {
    if (details.frameId !== 0 || details.tabId < 0) return;
    if (details.documentLifecycle !== undefined && details.documentLifecycle !== 'active') return; // prerender
    const page = toPageRef(details.url);
    commits.set(details.tabId, { page, at: details.timeStamp });
    enqueue(async (arrival) => {
      const tab = await getTab(details.tabId);
      const ref = tab ? toTabRef(tab) : null;
      if (!tab || !ref || ref.incognito) return null;
      return {
        event: { type: 'updated', tab: { tabId: ref.tabId, windowId: ref.windowId, incognito: ref.incognito, page }, audible: tab.audible === true },
        at: backdated(arrival, details.timeStamp),
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
      return tab.active ? { type: 'activated', tab: ref } : { type: 'updated', tab: ref, audible: tab.audible === true };
    });
  });

  browser.windows.onFocusChanged.addListener((windowId) => enqueue(async () => {
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
  }));

  deps.idle.onStateChanged.addListener((idleState) => enqueue(() => ({ type: 'idle', state: idleState })));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== ALARM_HEARTBEAT && alarm.name !== ALARM_PAUSE_END) return;
    enqueue(async () => ({ type: 'heartbeat', idle: await deps.idle.queryState(settings.idleThresholdSec) }));
  });

  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse?: (reply: BackgroundReply) => void) => {
    if (!isBackgroundMessage(message)) return undefined;
    const at = now();
    enqueue(async () => {
      switch (message.type) {
        case 'pause':
          return { type: 'pause', until: message.minutes === null ? PAUSE_FOREVER : at + message.minutes * 60_000 };
        case 'resume':
          return { type: 'resume' };
        case 'settings-changed':
          await reloadSettings();
          return { type: 'reconfigure' };
        case 'data-deleted':
          pending = [];
          unrecordedLoss = { segments: 0, ms: 0 };
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
  });

  // ---- every worker start: restore the checkpoint, re-read the browser ----
  chain = chain.then(async () => {
    await reloadSettings();
    try {
      state = await readTrackerState(db);
      // Segments a failing database refused before the worker stopped: retry them.
      const status = await db.status.get('status');
      if (status?.pending.length) pending = status.pending.concat(pending);
    } catch {
      state = null;
    }
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

function describeDbError(err: unknown): string {
  const e = err as { name?: string; inner?: { name?: string }; message?: string };
  if (e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError') {
    return 'The browser refused to store more data (storage quota). Tracking continues and will retry; free disk space or delete old data in Settings.';
  }
  return `Could not save tracked time (${e?.name ?? 'error'}: ${e?.message ?? String(err)}). Tracking continues and will retry.`;
}
