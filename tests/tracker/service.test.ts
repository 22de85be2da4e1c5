/**
 * The tracker's browser adapter against WXT's fake browser and fake-indexeddb: events in,
 * segments and checkpoint out, across worker restarts, crashes and database failures.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtBrowser } from 'wxt/browser';
import { CreativeRatioDB } from '@/lib/db/schema';
import { deleteAllData, updateSettings } from '@/lib/db';
import {
  ALARM_HEARTBEAT,
  ALARM_PAUSE_END,
  startTracker,
  type IdlePort,
  type TrackerHandle,
} from '@/lib/browser/tracker-service';
import { HEARTBEAT_MINUTES } from '@/lib/tracker/config';
import type { IdleState } from '@/lib/tracker/state';

const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);
const SEC = 1000;

/**
 * The browser the tracker sees: WXT's fakeBrowser (reset per test) holds the windows and tabs
 * (windows.create, tabs.create, tabs.update fire its events) and serves the events, alarms,
 * storage.session, runtime messages and webNavigation. Layered on it only what it does not model:
 * which tab is active in each window and which window has focus (the fake keeps one global active
 * tab and a focus set only at window creation), Chrome's `lastAccessed`, Chrome's thrown errors for
 * a closed tab or window, `tabs.onReplaced`; `idle` (absent from the fake) is injected.
 */
class World {
  clock = T0;
  focused: number | null = null;
  lastFocused: number | null = null;
  /** The active tab of each window. */
  active = new Map<number, number>();
  /** Chrome's `lastAccessed` per tab, when a test sets one. */
  lastAccessed = new Map<number, number>();
  idleState: IdleState = 'active';
  idleListeners: Array<(s: IdleState) => void> = [];
  detectionInterval = 0;
  /** Window ids: two normal windows and an incognito one. */
  win = { first: 0, second: 0, incognito: 0 };

  idle: IdlePort = {
    queryState: async () => this.idleState,
    setDetectionInterval: (s) => {
      this.detectionInterval = s;
    },
    onStateChanged: { addListener: (cb) => void this.idleListeners.push(cb) },
  };

  async setup() {
    await fakeBrowser.tabs.remove(0); // the fake's default tab (and with it its default window)
    this.win.first = (await fakeBrowser.windows.create({ type: 'normal' })).id!;
    this.win.second = (await fakeBrowser.windows.create({ type: 'normal' })).id!;
    this.win.incognito = (await fakeBrowser.windows.create({ type: 'normal', incognito: true })).id!;
    this.focused = this.win.first;
    const tabs = fakeBrowser.tabs;
    const windows = fakeBrowser.windows;
    const { get: getTab, query } = tabs;
    const { get: getWindow, getAll } = windows;
    const withState = <T extends { id?: number; windowId?: number }>(t: T): T => {
      const lastAccessed = this.lastAccessed.get(t.id!);
      return {
        ...t,
        active: this.active.get(t.windowId!) === t.id,
        ...(lastAccessed === undefined ? {} : { lastAccessed }),
      };
    };
    const withFocus = <T extends { id?: number }>(w: T): T => ({ ...w, focused: this.focused === w.id });
    vi.spyOn(tabs, 'get').mockImplementation(async (id) => {
      const t = await getTab(id);
      if (!t) throw new Error(`No tab with id: ${id}.`);
      return withState(t);
    });
    vi.spyOn(tabs, 'query').mockImplementation(async ({ active, ...rest }) =>
      (await query(rest)).map(withState).filter((t) => active === undefined || t.active === active),
    );
    vi.spyOn(windows, 'get').mockImplementation(async (id) => {
      const w = await getWindow(id);
      if (!w) throw new Error(`No window with id: ${id}.`);
      return withFocus(w);
    });
    vi.spyOn(windows, 'getAll').mockImplementation(async () => (await getAll()).map(withFocus));
    vi.spyOn(windows, 'getLastFocused').mockImplementation(async () => {
      const id = this.focused ?? this.lastFocused;
      return id === null ? (undefined as never) : withFocus((await getWindow(id))!);
    });
    vi.spyOn(tabs.onReplaced, 'addListener').mockImplementation(() => {});
  }

  /** A tab opened in `windowId` and made its active tab (no event: the tracker may not be running yet). */
  async open(windowId: number, url: string, extra: { audible?: boolean } = {}): Promise<number> {
    const tab = await fakeBrowser.tabs.create({ windowId, url });
    if (extra.audible !== undefined) await fakeBrowser.tabs.update(tab.id!, { audible: extra.audible } as never);
    this.active.set(windowId, tab.id!);
    return tab.id!;
  }

  async activate(id: number) {
    const windowId = (await fakeBrowser.tabs.get(id))!.windowId!;
    this.active.set(windowId, id);
    await fakeBrowser.tabs.onActivated.trigger({ tabId: id, windowId });
  }

  async navigate(id: number, url: string, committedAt?: number) {
    if (committedAt !== undefined) {
      await fakeBrowser.webNavigation.onCommitted.trigger({
        tabId: id,
        frameId: 0,
        url,
        timeStamp: committedAt,
        documentLifecycle: 'active',
      } as never);
    }
    await fakeBrowser.tabs.update(id, { url });
  }

  async setAudible(id: number, audible: boolean) {
    await fakeBrowser.tabs.update(id, { audible } as never);
  }

  async focus(windowId: number | null) {
    if (this.focused !== null) this.lastFocused = this.focused;
    this.focused = windowId;
    await fakeBrowser.windows.onFocusChanged.trigger(windowId ?? fakeBrowser.windows.WINDOW_ID_NONE);
  }

  async heartbeat() {
    await fakeBrowser.alarms.onAlarm.trigger({ name: ALARM_HEARTBEAT, scheduledTime: this.clock });
  }

  setIdle(state: IdleState) {
    this.idleState = state;
    for (const l of this.idleListeners) l(state);
  }
}

let world: World;
let db: CreativeRatioDB;

/** Start a tracker "service worker" on the current world and database. */
function boot(onChange?: (error: string | null) => void, maxPending?: number): TrackerHandle {
  return startTracker({
    maxPending,
    browser: fakeBrowser as unknown as WxtBrowser,
    idle: world.idle,
    db,
    now: () => world.clock,
    isCallHost: (h) => h === 'meet.google.com',
    onChange: (_s, error) => onChange?.(error),
  });
}

/** Simulate the worker being stopped: every listener is gone, memory is gone; IndexedDB stays. */
function stopWorker() {
  fakeBrowser.tabs.onActivated.removeAllListeners();
  fakeBrowser.tabs.onUpdated.removeAllListeners();
  fakeBrowser.tabs.onRemoved.removeAllListeners();
  fakeBrowser.windows.onFocusChanged.removeAllListeners();
  fakeBrowser.alarms.onAlarm.removeAllListeners();
  fakeBrowser.runtime.onMessage.removeAllListeners();
  fakeBrowser.webNavigation.onCommitted.removeAllListeners();
  fakeBrowser.webNavigation.onHistoryStateUpdated.removeAllListeners();
  world.idleListeners = [];
}

async function advance(handle: TrackerHandle, seconds: number, heartbeat = true) {
  const end = world.clock + seconds * SEC;
  while (world.clock < end) {
    world.clock = Math.min(end, world.clock + 30 * SEC);
    if (heartbeat) await world.heartbeat();
  }
  await handle.idle();
}

/** Focus leaves the browser (closing what is open); resolves once that is persisted, settle wait included. */
async function leaveBrowser(handle: TrackerHandle) {
  await world.focus(null);
  await handle.idle();
}

async function secondsByHost(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const s of await db.segments.toArray())
    out[`${s.lane}:${s.host}`] = (out[`${s.lane}:${s.host}`] ?? 0) + (s.end - s.start) / SEC;
  return out;
}

beforeEach(async () => {
  fakeBrowser.reset();
  // webNavigation's events are not part of the fake's reset.
  fakeBrowser.webNavigation.onCommitted.removeAllListeners();
  fakeBrowser.webNavigation.onHistoryStateUpdated.removeAllListeners();
  world = new World();
  await world.setup();
  db = new CreativeRatioDB(`test-${Math.random()}`);
  await db.open();
});

afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

describe('tracker service', () => {
  it('records the active tab from worker start, closes it at a tab switch, and stores only host + path shape', async () => {
    const t10 = await world.open(
      world.win.first,
      'https://docs.google.com/document/d/1AbCdEfGhIjK123/edit?usp=sharing#heading=h.1',
    );
    const t11 = await world.open(world.win.first, 'https://app.slack.com/client/T0123ABC/C0456DEF');
    await world.activate(t10);
    const h = boot();
    await h.idle();
    await advance(h, 60);
    await world.activate(t11);
    await advance(h, 30);
    await leaveBrowser(h);
    const rows = await db.segments.toArray();
    expect(rows.map((r) => [r.host, r.path, (r.end - r.start) / SEC])).toEqual([
      ['docs.google.com', '/document/d/*/edit', 60],
      ['app.slack.com', '/client/*/*', 30],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/usp|heading|Secret|1AbC|T0123/);
  });

  it('asks for a heartbeat alarm every 30 s and sets the idle detection interval from settings', async () => {
    await updateSettings(db, { idleThresholdSec: 120 });
    const h = boot();
    await h.idle();
    const alarm = await fakeBrowser.alarms.get(ALARM_HEARTBEAT);
    expect(alarm?.periodInMinutes).toBe(HEARTBEAT_MINUTES);
    expect(HEARTBEAT_MINUTES * 60).toBe(30);
    expect(world.detectionInterval).toBe(120);
  });

  it('a stopped and restarted service worker loses nothing and keeps one continuous segment', async () => {
    await world.open(world.win.first, 'https://app.asana.com/0/123/456');
    let h = boot();
    await h.idle();
    await advance(h, 60);
    stopWorker(); // the browser stops the worker; 25 s later a tab event wakes it
    world.clock += 25 * SEC;
    h = boot();
    await h.idle();
    await advance(h, 35);
    await leaveBrowser(h);
    const rows = await db.segments.toArray();
    expect(rows).toHaveLength(1);
    expect((rows[0]!.end - rows[0]!.start) / SEC).toBe(120);
  });

  it('a browser crash loses at most one heartbeat period; the sleep/crash gap is never counted', async () => {
    await world.open(world.win.first, 'https://www.figma.com/design/AbC123xyz/Brand-Refresh');
    let h = boot();
    await h.idle();
    await advance(h, 300);
    world.clock += 20 * SEC; // crash 20 s after the last heartbeat
    stopWorker();
    world.clock += 3 * 3600 * SEC; // browser reopened three hours later
    h = boot();
    await h.idle();
    await leaveBrowser(h);
    expect(await secondsByHost()).toEqual({ 'focus:figma.com': 300 });
  });

  it('idle cuts back to the last input; a call keeps counting while idle', async () => {
    await updateSettings(db, { idleThresholdSec: 60 });
    await world.open(world.win.first, 'https://docs.google.com/document/d/abc123def456/edit');
    const t12 = await world.open(world.win.second, 'https://meet.google.com/abc-defg-hij', { audible: true });
    const h = boot();
    await h.idle();
    await advance(h, 240);
    world.setIdle('idle');
    await advance(h, 120);
    await world.setAudible(t12, false);
    await advance(h, 60);
    expect(await secondsByHost()).toEqual({ 'focus:docs.google.com': 180, 'call:meet.google.com': 360 });
  });

  it('never tracks incognito windows', async () => {
    await world.open(world.win.incognito, 'https://docs.google.com/document/d/x/edit');
    world.focused = world.win.incognito;
    const h = boot();
    await h.idle();
    await advance(h, 60);
    await leaveBrowser(h);
    expect(await db.segments.count()).toBe(0);
  });

  it('only the focused window counts when two windows are open', async () => {
    const t10 = await world.open(world.win.first, 'https://docs.google.com/document/d/x/edit');
    await world.open(world.win.second, 'https://app.asana.com/0/1/2');
    const h = boot();
    await h.idle();
    await advance(h, 30);
    await world.focus(world.win.second);
    await advance(h, 30);
    await world.activate(t10); // background window's tab switch: no effect on counting
    await advance(h, 30);
    await leaveBrowser(h);
    expect(await secondsByHost()).toEqual({ 'focus:docs.google.com': 30, 'focus:app.asana.com': 60 });
  });

  it('pause (from the popup) stops counting, schedules its end, and resumes on time', async () => {
    await world.open(world.win.first, 'https://docs.google.com/document/d/x/edit');
    const h = boot();
    await h.idle();
    await advance(h, 60);
    const reply = await fakeBrowser.runtime.sendMessage({ type: 'pause', minutes: 30 });
    expect(reply).toEqual({ ok: true });
    const alarm = await fakeBrowser.alarms.get(ALARM_PAUSE_END);
    expect(alarm?.scheduledTime).toBe(world.clock + 30 * 60 * SEC);
    await advance(h, 31 * 60);
    await leaveBrowser(h);
    expect(await secondsByHost()).toEqual({ 'focus:docs.google.com': 120 });
    expect(await fakeBrowser.alarms.get(ALARM_PAUSE_END)).toBeUndefined();
  });

  it('excluding a host in settings takes effect at once', async () => {
    await world.open(world.win.first, 'https://mybank.example/accounts');
    const h = boot();
    await h.idle();
    await advance(h, 30);
    await updateSettings(db, { excludedHosts: ['mybank.example'] });
    await fakeBrowser.runtime.sendMessage({ type: 'settings-changed' });
    await advance(h, 60);
    await leaveBrowser(h);
    expect(await secondsByHost()).toEqual({ 'focus:mybank.example': 30 });
  });

  it('a database failure is reported, tracking continues, and nothing is lost once writes succeed again', async () => {
    const t10 = await world.open(world.win.first, 'https://docs.google.com/document/d/x/edit');
    const t11 = await world.open(world.win.first, 'https://app.slack.com/client/T1/C1');
    const errors: Array<string | null> = [];
    await world.activate(t10);
    const h = boot((e) => errors.push(e));
    await h.idle();
    await advance(h, 30);
    const quota = Object.assign(new Error('Quota'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(db.segments, 'bulkAdd').mockRejectedValue(quota);
    await world.activate(t11); // closes docs: the write fails
    await h.idle();
    expect(errors.at(-1)).toMatch(/storage quota/);
    expect((await db.status.get('status'))?.error).toMatch(/storage quota/);
    spy.mockRestore();
    await advance(h, 30); // next heartbeat retries
    expect(errors.at(-1)).toBeNull();
    await leaveBrowser(h);
    expect(await secondsByHost()).toEqual({ 'focus:docs.google.com': 30, 'focus:app.slack.com': 30 });
    expect((await db.status.get('status'))?.error ?? null).toBeNull();
  });
});

describe('browser restarts, clock faults, bounded queue', () => {
  it('a browser killed and relaunched within the gap window: the downtime is not counted, at most one heartbeat is lost', async () => {
    await world.open(world.win.first, 'https://docs.google.com/document/d/x/edit');
    let h = boot();
    await h.idle();
    await advance(h, 120);
    world.clock += 20 * SEC; // killed 20 s after the last heartbeat
    stopWorker();
    await fakeBrowser.storage.session.clear(); // memory-only: gone with the browser process
    world.clock += 40 * SEC; // relaunched 40 s later: 60 s since lastSeen, inside the 90 s window
    h = boot();
    await h.idle();
    await advance(h, 30);
    await leaveBrowser(h);
    const rows = await db.segments.toArray();
    expect(rows.map((r) => [r.start - T0, r.end - T0])).toEqual([
      [0, 120 * SEC], // ends at the last instant seen: the 20 s before the kill are the one heartbeat lost
      [180 * SEC, 210 * SEC], // from the relaunch on; the 40 s of downtime are not credited
    ]);
  });

  it('a worker restart within the same browser session still continues the open segment', async () => {
    await world.open(world.win.first, 'https://docs.google.com/document/d/x/edit');
    let h = boot();
    await h.idle();
    await advance(h, 60);
    stopWorker(); // storage.session survives worker stops
    world.clock += 45 * SEC;
    h = boot();
    await h.idle();
    await leaveBrowser(h);
    const rows = await db.segments.toArray();
    expect(rows.map((r) => (r.end - r.start) / SEC)).toEqual([105]);
  });

  it('after the clock jumps back an hour, stored segments never overlap and tracking goes on', async () => {
    const t10 = await world.open(world.win.first, 'https://docs.google.com/document/d/x/edit');
    const t11 = await world.open(world.win.first, 'https://app.slack.com/client/T1/C1');
    await world.activate(t10);
    const h = boot();
    await h.idle();
    await advance(h, 600);
    world.clock -= 3600 * SEC; // the clock is set back an hour
    await advance(h, 30);
    await world.activate(t11);
    await advance(h, 3600); // an hour on the new clock, reaching into the span already recorded
    await leaveBrowser(h);
    const rows = (await db.segments.toArray()).sort((a, b) => a.start - b.start);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.start).toBeGreaterThanOrEqual(rows[i - 1]!.end);
    const state = h.state()!;
    expect(state.clockFault).toMatchObject({ jumpMs: -3570 * SEC }); // noticed at the first heartbeat on the new clock
    expect(state.clockFault!.droppedMs).toBe(600 * SEC); // the slack time over the 10 recorded docs minutes
    const total = rows.reduce((sum, r) => sum + (r.end - r.start), 0) / SEC;
    expect(total).toBe(600 + 3600 - 600); // docs, then slack on the new clock minus what overlapped
    expect((await db.tracker.get('tracker'))?.state.clockFault?.droppedMs).toBe(600 * SEC);
  });

  it('a new tab opened on a link: its load time goes to the page it loads, not to nobody', async () => {
    await world.open(world.win.first, 'https://docs.google.com/document/d/x/edit');
    const h = boot();
    await h.idle();
    await advance(h, 30);
    const t11 = await world.open(world.win.first, ''); // the new tab appears before its first page commits
    await world.activate(t11);
    await h.idle();
    world.clock += 400; // 0.4 s of loading
    await world.navigate(t11, 'https://app.slack.com/client/T1/C1', world.clock - 50);
    await h.idle();
    await advance(h, 30);
    await leaveBrowser(h);
    expect(await secondsByHost()).toEqual({ 'focus:docs.google.com': 30, 'focus:app.slack.com': 30.4 });
  });

  it('"Delete all data" forgets the checkpoint, including a poisoned future lastSeen', async () => {
    await world.open(world.win.first, 'https://docs.google.com/document/d/x/edit');
    const h = boot();
    await h.idle();
    world.clock += 365 * 24 * 3600 * SEC;
    await world.heartbeat(); // one reading a year ahead
    world.clock -= 365 * 24 * 3600 * SEC;
    await advance(h, 30);
    expect(h.state()!.clockFault).not.toBeNull();
    await deleteAllData(db);
    expect(await db.tracker.count()).toBe(0);
    await fakeBrowser.runtime.sendMessage({ type: 'data-deleted' });
    await h.idle();
    const state = (await db.tracker.get('tracker'))!.state;
    expect(state).toMatchObject({ clockFault: null, clipUntil: null, lastSeen: world.clock });
    expect(state.focus?.start).toBe(world.clock);
  });

  it('while the database refuses writes the queue is capped: the oldest segments are dropped, counted and reported', async () => {
    const t10 = await world.open(world.win.first, 'https://docs.google.com/document/d/x/edit');
    const t11 = await world.open(world.win.first, 'https://app.slack.com/client/T1/C1');
    const errors: Array<string | null> = [];
    await world.activate(t10);
    const h = boot((e) => errors.push(e), 4);
    await h.idle();
    const quota = Object.assign(new Error('Quota'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(db.segments, 'bulkAdd').mockRejectedValue(quota);
    for (let i = 0; i < 7; i++) {
      world.clock += 10 * SEC;
      await world.activate(i % 2 === 0 ? t11 : t10);
      await h.idle();
    }
    const status = await db.status.get('status');
    expect(status?.pending).toHaveLength(4);
    expect(status?.lost).toMatchObject({ segments: 3, ms: 30 * SEC });
    expect(errors.at(-1)).toMatch(/dropped/);
    spy.mockRestore();
    world.clock += 10 * SEC;
    await world.heartbeat();
    await h.idle();
    expect(await db.segments.count()).toBe(4); // the newest four were kept and written
    const after = await db.status.get('status');
    expect(after?.error).toBeNull();
    expect(after?.lost).toMatchObject({ segments: 3, ms: 30 * SEC }); // the loss stays visible
  });
});

describe('event timing', () => {
  it('a switch heard late (worker waking up) is dated when Chrome made the tab active', async () => {
    const t10 = await world.open(world.win.first, 'https://docs.google.com/document/d/x/edit');
    const t11 = await world.open(world.win.first, 'https://app.slack.com/client/T1/C1');
    await world.activate(t10);
    const h = boot();
    await h.idle();
    await advance(h, 30);
    world.clock += 10 * SEC;
    world.lastAccessed.set(t11, world.clock - 1200); // the event arrives 1.2 s late
    await world.activate(t11);
    await h.idle();
    world.clock += 20 * SEC;
    await leaveBrowser(h);
    expect(await secondsByHost()).toEqual({ 'focus:docs.google.com': 38.8, 'focus:app.slack.com': 21.2 });
  });

  it('a switch the dying worker never processed is closed where Chrome says it happened', async () => {
    const t10 = await world.open(world.win.first, 'https://docs.google.com/document/d/x/edit');
    const t11 = await world.open(world.win.first, 'https://app.slack.com/client/T1/C1');
    await world.activate(t10);
    let h = boot();
    await h.idle();
    await advance(h, 30);
    // The person switches 5 s after the heartbeat; the worker is stopped before it handles the event.
    stopWorker();
    world.active.set(world.win.first, t11);
    world.lastAccessed.set(t11, world.clock + 5 * SEC);
    world.clock += 25 * SEC; // the next heartbeat wakes a new worker
    h = boot();
    await h.idle();
    world.clock += 10 * SEC;
    await leaveBrowser(h);
    expect(await secondsByHost()).toEqual({ 'focus:docs.google.com': 35, 'focus:app.slack.com': 30 });
  });

  it("a navigation heard late is dated by Chrome's commit timestamp, whichever event comes first", async () => {
    const t10 = await world.open(world.win.first, 'https://app.asana.com/0/1/2');
    const h = boot();
    await h.idle();
    await advance(h, 30);
    world.clock += 5 * SEC;
    await world.navigate(t10, 'https://app.slack.com/client/T1/C1', world.clock - 700);
    await h.idle();
    world.clock += 10 * SEC;
    await world.navigate(t10, 'https://docs.google.com/document/d/x/edit'); // no webNavigation event: arrival time
    await h.idle();
    world.clock += 10 * SEC;
    await leaveBrowser(h);
    expect(await secondsByHost()).toEqual({
      'focus:app.asana.com': 34.3,
      'focus:app.slack.com': 10.7,
      'focus:docs.google.com': 10,
    });
  });

  it('"no window focused" right after a switch between browser windows does not stop counting', async () => {
    await world.open(world.win.first, 'https://docs.google.com/document/d/x/edit');
    await world.open(world.win.second, 'https://app.asana.com/0/1/2');
    const h = boot();
    await h.idle();
    await advance(h, 30);
    await world.focus(world.win.second);
    // Chromium on Linux then says WINDOW_ID_NONE although window 2 keeps the focus.
    await fakeBrowser.windows.onFocusChanged.trigger(-1);
    await advance(h, 30);
    world.focused = null;
    await fakeBrowser.windows.onFocusChanged.trigger(-1);
    await new Promise((r) => setTimeout(r, 150));
    await h.idle();
    expect(await secondsByHost()).toEqual({ 'focus:docs.google.com': 30, 'focus:app.asana.com': 30 });
  });
});
