/**
 * The tracker's browser adapter against WXT's fake browser and fake-indexeddb: events in,
 * segments and checkpoint out, across worker restarts, crashes and database failures.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtBrowser } from 'wxt/browser';
import { CreativeRatioDB } from '@/lib/db/schema';
import { deleteAllData, updateSettings } from '@/lib/db';
import { ALARM_HEARTBEAT, ALARM_PAUSE_END, startTracker, type IdlePort, type TrackerHandle } from '@/lib/browser/tracker-service';
import { HEARTBEAT_MINUTES } from '@/lib/tracker/config';
import type { IdleState } from '@/lib/tracker/state';
import { toTabRef } from '@/lib/tracker/observe';
import { eventTime, MAX_BACKDATE_MS } from '@/lib/tracker/timing';

const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);
const SEC = 1000;

interface FakeTab {
  id: number;
  windowId: number;
  url: string;
  active: boolean;
  audible?: boolean;
  incognito: boolean;
  title?: string;
  lastAccessed?: number;
}

/** A small browser world: windows, tabs, focus and idle, with WXT's fake-browser events. */
class World {
  clock = T0;
  focused: number | null = 1;
  lastFocused = 1;
  windows = [
    { id: 1, incognito: false, type: 'normal' as const },
    { id: 2, incognito: false, type: 'normal' as const },
    { id: 3, incognito: true, type: 'normal' as const },
  ];
  tabs: FakeTab[] = [];
  idleState: IdleState = 'active';
  navListeners: Array<(d: { tabId: number; frameId: number; url: string; timeStamp: number; documentLifecycle: string }) => void> = [];
  idleListeners: Array<(s: IdleState) => void> = [];
  detectionInterval = 0;

  idle: IdlePort = {
    queryState: async () => this.idleState,
    setDetectionInterval: (s) => {
      this.detectionInterval = s;
    },
    onStateChanged: { addListener: (cb) => void this.idleListeners.push(cb) },
  };

  browser(): WxtBrowser {
    const w = this as World;
    const b = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
    return {
      ...fakeBrowser,
      tabs: {
        ...b.tabs,
        onActivated: fakeBrowser.tabs.onActivated,
        onUpdated: fakeBrowser.tabs.onUpdated,
        onRemoved: fakeBrowser.tabs.onRemoved,
        onReplaced: { addListener() {} },
        get: async (id: number) => {
          const t = w.tabs.find((x) => x.id === id);
          if (!t) throw new Error('No tab');
          return { ...t };
        },
        query: async (q: { active?: boolean; windowId?: number }) =>
          w.tabs.filter((t) => (q.active === undefined || t.active === q.active) && (q.windowId === undefined || t.windowId === q.windowId)).map((t) => ({ ...t })),
      },
      windows: {
        ...b.windows,
        WINDOW_ID_NONE: -1,
        onFocusChanged: fakeBrowser.windows.onFocusChanged,
        get: async (id: number) => {
          const win = w.windows.find((x) => x.id === id);
          if (!win) throw new Error('No window');
          return { ...win, focused: w.focused === id };
        },
        getAll: async () => w.windows.map((win) => ({ ...win, focused: w.focused === win.id })),
        getLastFocused: async () => {
          const win = w.windows.find((x) => x.id === (w.focused ?? w.lastFocused));
          return win ? { ...win, focused: w.focused === win.id } : undefined;
        },
      },
      webNavigation: {
        onCommitted: { addListener: (cb: World['navListeners'][number]) => void w.navListeners.push(cb) },
        onHistoryStateUpdated: { addListener: (cb: World['navListeners'][number]) => void w.navListeners.push(cb) },
      },
    } as unknown as WxtBrowser;
  }

  open(id: number, windowId: number, url: string, extra: Partial<FakeTab> = {}): FakeTab {
    for (const t of this.tabs) if (t.windowId === windowId) t.active = false;
    const win = this.windows.find((x) => x.id === windowId)!;
    const tab = { id, windowId, url, active: true, incognito: win.incognito, title: 'Secret title', ...extra };
    this.tabs.push(tab);
    return tab;
  }

  async activate(id: number) {
    const tab = this.tabs.find((t) => t.id === id)!;
    for (const t of this.tabs) if (t.windowId === tab.windowId) t.active = t.id === id;
    await fakeBrowser.tabs.onActivated.trigger({ tabId: id, windowId: tab.windowId });
  }

  async navigate(id: number, url: string, committedAt?: number) {
    const tab = this.tabs.find((t) => t.id === id)!;
    tab.url = url;
    if (committedAt !== undefined) {
      for (const l of this.navListeners) l({ tabId: id, frameId: 0, url, timeStamp: committedAt, documentLifecycle: 'active' });
    }
    await fakeBrowser.tabs.onUpdated.trigger(id, { url }, { ...tab } as never);
  }

  async setAudible(id: number, audible: boolean) {
    const tab = this.tabs.find((t) => t.id === id)!;
    tab.audible = audible;
    await fakeBrowser.tabs.onUpdated.trigger(id, { audible }, { ...tab } as never);
  }

  async focus(windowId: number | null) {
    if (this.focused !== null) this.lastFocused = this.focused;
    this.focused = windowId;
    await fakeBrowser.windows.onFocusChanged.trigger(windowId ?? -1);
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
    browser: world.browser(),
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
  world.idleListeners = [];
  world.navListeners = [];
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
  for (const s of await db.segments.toArray()) out[`${s.lane}:${s.host}`] = (out[`${s.lane}:${s.host}`] ?? 0) + (s.end - s.start) / SEC;
  return out;
}

beforeEach(async () => {
  world = new World();
  db = new CreativeRatioDB(`test-${Math.random()}`);
  await db.open();
});

afterEach(() => {
  db.close();
});

describe('tracker service', () => {
  it('records the active tab from worker start, closes it at a tab switch, and stores only host + path shape', async () => {
    world.open(10, 1, 'https://docs.google.com/document/d/1AbCdEfGhIjK123/edit?usp=sharing#heading=h.1');
    world.open(11, 1, 'https://app.slack.com/client/T0123ABC/C0456DEF');
    await world.activate(10);
    const h = boot();
    await h.idle();
    await advance(h, 60);
    await world.activate(11);
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
    world.open(10, 1, 'https://app.asana.com/0/123/456');
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
    world.open(10, 1, 'https://www.figma.com/design/AbC123xyz/Brand-Refresh');
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
    world.open(10, 1, 'https://docs.google.com/document/d/abc123def456/edit');
    world.open(12, 2, 'https://meet.google.com/abc-defg-hij', { audible: true });
    const h = boot();
    await h.idle();
    await advance(h, 240);
    world.setIdle('idle');
    await advance(h, 120);
    await world.setAudible(12, false);
    await advance(h, 60);
    expect(await secondsByHost()).toEqual({ 'focus:docs.google.com': 180, 'call:meet.google.com': 360 });
  });

  it('never tracks incognito windows', async () => {
    world.open(30, 3, 'https://docs.google.com/document/d/x/edit');
    world.focused = 3;
    const h = boot();
    await h.idle();
    await advance(h, 60);
    await leaveBrowser(h);
    expect(await db.segments.count()).toBe(0);
  });

  it('only the focused window counts when two windows are open', async () => {
    world.open(10, 1, 'https://docs.google.com/document/d/x/edit');
    world.open(20, 2, 'https://app.asana.com/0/1/2');
    const h = boot();
    await h.idle();
    await advance(h, 30);
    await world.focus(2);
    await advance(h, 30);
    await world.activate(10); // background window's tab switch: no effect on counting
    await advance(h, 30);
    await leaveBrowser(h);
    expect(await secondsByHost()).toEqual({ 'focus:docs.google.com': 30, 'focus:app.asana.com': 60 });
  });

  it('pause (from the popup) stops counting, schedules its end, and resumes on time', async () => {
    world.open(10, 1, 'https://docs.google.com/document/d/x/edit');
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
    world.open(10, 1, 'https://mybank.example/accounts');
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
    world.open(10, 1, 'https://docs.google.com/document/d/x/edit');
    world.open(11, 1, 'https://app.slack.com/client/T1/C1');
    const errors: Array<string | null> = [];
    await world.activate(10);
    const h = boot((e) => errors.push(e));
    await h.idle();
    await advance(h, 30);
    const quota = Object.assign(new Error('Quota'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(db.segments, 'bulkAdd').mockRejectedValue(quota);
    await world.activate(11); // closes docs: the write fails
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
    world.open(10, 1, 'https://docs.google.com/document/d/x/edit');
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
    world.open(10, 1, 'https://docs.google.com/document/d/x/edit');
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
    world.open(10, 1, 'https://docs.google.com/document/d/x/edit');
    world.open(11, 1, 'https://app.slack.com/client/T1/C1');
    await world.activate(10);
    const h = boot();
    await h.idle();
    await advance(h, 600);
    world.clock -= 3600 * SEC; // the clock is set back an hour
    await advance(h, 30);
    await world.activate(11);
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

  it.each<[string, Partial<{ url: string; status: 'loading' | 'complete' | 'unloaded'; incognito: boolean }>, boolean]>([
    ['no URL yet, loading', { url: '', status: 'loading' }, true],
    ['about:blank while a navigation is in flight', { url: 'about:blank', status: 'loading' }, true],
    ['a new tab just opened on a link (Chrome says complete before the first commit)', { url: 'about:blank', status: 'complete' }, true],
    ['the New Tab page', { url: 'chrome://newtab/', status: 'loading' }, false],
    ['a web page', { url: 'https://docs.google.com/', status: 'loading' }, false],
    ['incognito', { url: '', status: 'loading', incognito: true }, false],
  ])('toTabRef marks a tab loading its first page: %s', (_name, t, loading) => {
    const ref = toTabRef({ id: 1, windowId: 1, index: 0, active: true, pinned: false, highlighted: true, selected: true, discarded: false, autoDiscardable: true, groupId: -1, frozen: false, incognito: false, ...t } as never);
    expect(ref?.loading === true).toBe(loading);
  });

  it('a new tab opened on a link: its load time goes to the page it loads, not to nobody', async () => {
    world.open(10, 1, 'https://docs.google.com/document/d/x/edit');
    const h = boot();
    await h.idle();
    await advance(h, 30);
    world.open(11, 1, ''); // the new tab appears before its first page commits
    await world.activate(11);
    await h.idle();
    world.clock += 400; // 0.4 s of loading
    await world.navigate(11, 'https://app.slack.com/client/T1/C1', world.clock - 50);
    await h.idle();
    await advance(h, 30);
    await leaveBrowser(h);
    expect(await secondsByHost()).toEqual({ 'focus:docs.google.com': 30, 'focus:app.slack.com': 30.4 });
  });

  it('"Delete all data" forgets the checkpoint, including a poisoned future lastSeen', async () => {
    world.open(10, 1, 'https://docs.google.com/document/d/x/edit');
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
    world.open(10, 1, 'https://docs.google.com/document/d/x/edit');
    world.open(11, 1, 'https://app.slack.com/client/T1/C1');
    const errors: Array<string | null> = [];
    await world.activate(10);
    const h = boot((e) => errors.push(e), 4);
    await h.idle();
    const quota = Object.assign(new Error('Quota'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(db.segments, 'bulkAdd').mockRejectedValue(quota);
    for (let i = 0; i < 7; i++) {
      world.clock += 10 * SEC;
      await world.activate(i % 2 === 0 ? 11 : 10);
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
  it.each<[string, number, number | undefined, number, number]>([
    ['no lastAccessed: arrival', 10_000, undefined, 0, 10_000],
    ['plausible lastAccessed wins', 10_000, 9_200, 5_000, 9_200],
    ['never in the future', 10_000, 10_500, 0, 10_000],
    ['never at or before what the tracker already saw', 10_000, 9_000, 9_000, 10_000],
    ['never further back than the bound', 10_000, 10_000 - MAX_BACKDATE_MS - 1, 0, 10_000],
    ['not a number: arrival', 10_000, Number.NaN, 0, 10_000],
  ])('%s', (_name, arrival, lastAccessed, lastSeen, expected) => {
    expect(eventTime(arrival, lastAccessed, lastSeen, MAX_BACKDATE_MS)).toBe(expected);
  });

  it('a switch heard late (worker waking up) is dated when Chrome made the tab active', async () => {
    world.open(10, 1, 'https://docs.google.com/document/d/x/edit');
    world.open(11, 1, 'https://app.slack.com/client/T1/C1');
    await world.activate(10);
    const h = boot();
    await h.idle();
    await advance(h, 30);
    world.clock += 10 * SEC;
    world.tabs.find((t) => t.id === 11)!.lastAccessed = world.clock - 1200; // the event arrives 1.2 s late
    await world.activate(11);
    await h.idle();
    world.clock += 20 * SEC;
    await leaveBrowser(h);
    expect(await secondsByHost()).toEqual({ 'focus:docs.google.com': 38.8, 'focus:app.slack.com': 21.2 });
  });

  it('a switch the dying worker never processed is closed where Chrome says it happened', async () => {
    world.open(10, 1, 'https://docs.google.com/document/d/x/edit');
    world.open(11, 1, 'https://app.slack.com/client/T1/C1');
    await world.activate(10);
    let h = boot();
    await h.idle();
    await advance(h, 30);
    // The person switches 5 s after the heartbeat; the worker is stopped before it handles the event.
    stopWorker();
    for (const t of world.tabs) t.active = t.id === 11;
    world.tabs.find((t) => t.id === 11)!.lastAccessed = world.clock + 5 * SEC;
    world.clock += 25 * SEC; // the next heartbeat wakes a new worker
    h = boot();
    await h.idle();
    world.clock += 10 * SEC;
    await leaveBrowser(h);
    expect(await secondsByHost()).toEqual({ 'focus:docs.google.com': 35, 'focus:app.slack.com': 30 });
  });

  it('a navigation heard late is dated by Chrome\'s commit timestamp, whichever event comes first', async () => {
    world.open(10, 1, 'https://app.asana.com/0/1/2');
    const h = boot();
    await h.idle();
    await advance(h, 30);
    world.clock += 5 * SEC;
    await world.navigate(10, 'https://app.slack.com/client/T1/C1', world.clock - 700);
    await h.idle();
    world.clock += 10 * SEC;
    await world.navigate(10, 'https://docs.google.com/document/d/x/edit'); // no webNavigation event: arrival time
    await h.idle();
    world.clock += 10 * SEC;
    await leaveBrowser(h);
    expect(await secondsByHost()).toEqual({ 'focus:app.asana.com': 34.3, 'focus:app.slack.com': 10.7, 'focus:docs.google.com': 10 });
  });

  it('"no window focused" right after a switch between browser windows does not stop counting', async () => {
    world.open(10, 1, 'https://docs.google.com/document/d/x/edit');
    world.open(20, 2, 'https://app.asana.com/0/1/2');
    const h = boot();
    await h.idle();
    await advance(h, 30);
    await world.focus(2);
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
