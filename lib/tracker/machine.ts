/**
 * The tracker: a pure state machine. `step(state, event, now, config)` returns the next state and
 * the segments that closed. It never reads a clock, the browser or the database; the adapter in
 * lib/browser/ feeds it events stamped with the instant they arrived (or dated by lib/tracker/timing.ts)
 * and lib/db/tracker.ts persists what it returns (new state + closed segments) in one transaction.
 *
 * Two lanes, each never overlapping itself:
 * - focus: the active http(s) tab of the focused browser window while the person is active;
 * - call: an audible tab of a meetings tool (Meet, Zoom web, Teams…), counted even when the person
 *   is idle or another tab is in front. Focus time that overlaps a call is "multitasking during a
 *   meeting"; lib/report/timeline.ts makes sure it is never counted twice.
 *
 * Time safety:
 * - Durations come from timestamps, never from counting ticks.
 * - A gap longer than `gapMs` since the tracker was last seen running (sleep, crash, browser closed,
 *   clock jumped forward) is never counted: open segments end at `lastSeen`.
 * - A browser start (not a worker restart) ends open segments at `lastSeen` whatever the gap: the
 *   browser was not running in between.
 * - A clock that steps back by less than CLOCK_STEP_MS (NTP corrections) stands still: an instant
 *   before `lastSeen` is treated as `lastSeen`.
 * - A larger backward jump is a discontinuity, exactly like a forward one: open segments end at
 *   `lastSeen` (the last trustworthy instant) and tracking restarts from the new clock at once, so a
 *   single wrong reading (a year ahead) can never stop tracking. What is recorded afterwards may lie
 *   in a wall-clock span that already has stored segments: `clipUntil` tells the writer to clip new
 *   segments against storage (lib/tracker/writes.ts) until the clock has passed the old `lastSeen`.
 *   The jump is kept in `clockFault` so the badge and popup can say what happened.
 */
import type { PageRef, Segment } from '@/lib/model';
import { splitAtMidnights } from '@/lib/time/days';
import {
  PAUSE_FOREVER,
  resetState,
  type IdleState,
  type OpenSegment,
  type TabRef,
  type TrackerState,
} from '@/lib/tracker/state';

/** A backward step of the clock up to this size stands still (NTP steps); a larger one is a discontinuity. */
export const CLOCK_STEP_MS = 5_000;
/** A new tab's load time goes to the page it loads, for at most this long (a blank tab left open is not credited). */
export const LOAD_CREDIT_MS = 10_000;

export interface TrackerConfig {
  /** chrome.idle threshold: when the person goes idle, focus time ends this long before detection. */
  idleThresholdMs: number;
  /** A gap between two sightings longer than this is not counted (heartbeat period × 3 is typical). */
  gapMs: number;
  /** A call tab that falls silent for less than this still counts as a call throughout. */
  callGraceMs: number;
  /** True when the host must never be tracked (the person's exclusion list). */
  isExcluded: (host: string) => boolean;
  /** True when an audible tab on this host is a call (meetings tools). */
  isCallHost: (host: string) => boolean;
}

export type TrackerEvent =
  /** A full re-read of the browser (worker start, wake-up). Replaces the observation. */
  | {
      type: 'snapshot';
      focusedWindowId: number | null;
      activeTab: TabRef | null;
      idle: IdleState;
      /** Every open (non-incognito) tab, with whether it is audible. */
      tabs: Array<TabRef & { audible: boolean }>;
    }
  /** Window focus changed; `activeTab` is the active tab of the newly focused window. */
  | { type: 'focus'; windowId: number | null; activeTab: TabRef | null }
  /** A tab became the active tab of its window. */
  | { type: 'activated'; tab: TabRef }
  /** A tab's URL or audible state changed (or it was replaced). */
  | { type: 'updated'; tab: TabRef; audible: boolean }
  | { type: 'removed'; tabId: number }
  | { type: 'idle'; state: IdleState }
  /** The periodic alarm. `idle`, when given, is a fresh chrome.idle.queryState in case an event was missed. */
  | { type: 'heartbeat'; idle?: IdleState }
  /** Pause until the given instant (PAUSE_FOREVER for "until resumed"). */
  | { type: 'pause'; until: number }
  | { type: 'resume' }
  /** Settings changed (exclusions, thresholds): re-evaluate what should be open. */
  | { type: 'reconfigure' }
  /** All data was deleted: open segments restart at this instant, the clock history is forgotten. */
  | { type: 'restart' }
  /**
   * The browser itself started (not just its service worker): nothing ran since `lastSeen`, so open
   * segments end there whatever the gap. The adapter follows it with a snapshot.
   */
  | { type: 'browser-start' };

export interface StepResult {
  state: TrackerState;
  /** Closed segments, split at local midnight, each with end > start. */
  closed: Segment[];
}

function samePage(a: PageRef | null, b: PageRef | null): boolean {
  return a === b || (a !== null && b !== null && a.host === b.host && a.path === b.path);
}

function isPaused(s: TrackerState, at: number): boolean {
  return s.pausedUntil !== null && s.pausedUntil > at;
}

function toSegments(open: OpenSegment, end: number, lane: Segment['lane']): Segment[] {
  return splitAtMidnights(open.start, end).map((p) => ({
    start: p.start,
    end: p.end,
    day: p.day,
    host: open.host,
    path: open.path,
    source: 'browser' as const,
    lane,
  }));
}

/** What the focus lane should be showing at this moment, given the observation. */
function desiredFocus(s: TrackerState, at: number, cfg: TrackerConfig): PageRef | null {
  const { obs } = s;
  if (isPaused(s, at) || obs.idle !== 'active' || obs.focusedWindowId === null) return null;
  const tab = obs.activeTab;
  if (!tab || tab.incognito || tab.windowId !== obs.focusedWindowId || !tab.page) return null;
  if (cfg.isExcluded(tab.page.host)) return null;
  return tab.page;
}

/** The focused active tab when it is still loading its first page and would be counted once it has one. */
function loadingTab(s: TrackerState, at: number): TabRef | null {
  const { obs } = s;
  if (isPaused(s, at) || obs.idle !== 'active' || obs.focusedWindowId === null) return null;
  const tab = obs.activeTab;
  if (!tab || tab.incognito || tab.windowId !== obs.focusedWindowId || tab.page !== null || tab.loading !== true)
    return null;
  return tab;
}

/** The tab whose sound counts as the call, preferring the call already open. */
function desiredCallTab(s: TrackerState, at: number, cfg: TrackerConfig): TabRef | null {
  if (isPaused(s, at) || s.obs.idle === 'locked') return null;
  const candidates = Object.values(s.obs.audible).filter(
    (t) => !t.incognito && t.page !== null && cfg.isCallHost(t.page.host) && !cfg.isExcluded(t.page.host),
  );
  if (candidates.length === 0) return null;
  const current = s.call ? candidates.find((t) => t.tabId === s.call!.tabId && samePage(t.page, s.call!)) : undefined;
  return current ?? candidates.sort((a, b) => a.tabId - b.tabId)[0]!;
}

class Step {
  closed: Segment[] = [];
  constructor(
    public s: TrackerState,
    private readonly cfg: TrackerConfig,
  ) {}

  closeFocus(at: number): void {
    const open = this.s.focus;
    if (!open) return;
    this.s = { ...this.s, focus: null };
    if (at > open.start) this.closed.push(...toSegments(open, at, 'focus'));
  }

  closeCall(at: number): void {
    const open = this.s.call;
    if (!open) return;
    this.s = { ...this.s, call: null };
    const end = open.quietSince !== null ? Math.min(at, open.quietSince) : at;
    if (end > open.start) this.closed.push(...toSegments(open, end, 'call'));
  }

  /**
   * Bring the open segments in line with the observation at instant `at`. `tabBecameActive`: a tab
   * was just activated (a new tab appears this way), so a blank tab's wait for its first page may
   * start now. A snapshot or a window focus onto a blank tab that was already there never starts one.
   */
  reconcile(at: number, focusEnd: number = at, tabBecameActive = false): void {
    const want = desiredFocus(this.s, at, this.cfg);
    if (this.s.focus && !samePage(this.s.focus, want))
      this.closeFocus(Math.max(this.s.focus.start, Math.min(focusEnd, at)));
    if (want && !this.s.focus) {
      // A new tab's first page: the person has watched it load since the tab appeared (the focus lane
      // has been empty since then, so starting there overlaps nothing).
      const l = this.s.loading;
      const start =
        l && l.tabId === this.s.obs.activeTab?.tabId && at - l.since <= LOAD_CREDIT_MS ? Math.min(l.since, at) : at;
      this.s = { ...this.s, focus: { start, host: want.host, path: want.path } };
    }
    const waiting = this.s.focus ? null : loadingTab(this.s, at);
    const same = waiting && this.s.loading?.tabId === waiting.tabId ? this.s.loading : null;
    const loading = same ?? (waiting && tabBecameActive ? { tabId: waiting.tabId, since: at } : null);
    if (loading !== (this.s.loading ?? null)) this.s = { ...this.s, loading };

    const tab = desiredCallTab(this.s, at, this.cfg);
    const call = this.s.call;
    if (call) {
      if (tab !== null && tab.tabId === call.tabId) {
        // Still the call (events that navigate or close the call tab close it before we get here).
        // Sound within the grace period: the silence was part of the call.
        if (call.quietSince !== null) this.s = { ...this.s, call: { ...call, quietSince: null } };
      } else if (tab === null && !isPaused(this.s, at) && this.s.obs.idle !== 'locked') {
        // Silent but still on the meeting page: keep it open through the grace period.
        if (call.quietSince === null) this.s = { ...this.s, call: { ...call, quietSince: at } };
      } else {
        // Paused, locked, or another call tab is audible while this one is not.
        this.closeCall(at);
      }
    }
    if (tab && !this.s.call && tab.page) {
      this.s = {
        ...this.s,
        call: { start: at, host: tab.page.host, path: tab.page.path, tabId: tab.tabId, quietSince: null },
      };
    }
  }

  /** The call's tab now shows `page` (null: closed or not a web page): end the call if it left the meeting. */
  callTabChanged(tabId: number, page: PageRef | null, at: number): void {
    const call = this.s.call;
    if (call && call.tabId === tabId && !samePage(call, page)) this.closeCall(at);
  }

  /** Time passes from lastSeen to now with no event: gaps, clock jumps, pause expiry, call grace. Returns the usable instant. */
  advance(now: number): number {
    const last = this.s.lastSeen;
    if (last - now > CLOCK_STEP_MS) return this.jumpBack(now);
    if (now - last > this.cfg.gapMs) {
      // Sleep, crash, closed browser or a forward clock jump: nothing after lastSeen is counted.
      this.closeFocus(last);
      this.closeCall(last);
      if (this.s.pausedUntil !== null && this.s.pausedUntil <= now) this.s = { ...this.s, pausedUntil: null };
      this.s = { ...this.s, lastSeen: now, lastGap: { from: last, to: now }, loading: null };
      return now;
    }
    const t = Math.max(now, last); // a small step back stands still
    const call = this.s.call;
    if (call && call.quietSince !== null && t - call.quietSince >= this.cfg.callGraceMs)
      this.closeCall(call.quietSince);
    if (this.s.pausedUntil !== null && this.s.pausedUntil <= t) {
      const resumeAt = Math.max(this.s.pausedUntil, last);
      this.s = { ...this.s, pausedUntil: null };
      this.reconcile(resumeAt);
    }
    this.s = { ...this.s, lastSeen: t };
    this.expireClip(t);
    return t;
  }

  /**
   * The clock went back by more than CLOCK_STEP_MS: end what was open at `lastSeen` (the last instant
   * read on the old clock) and continue on the new clock from `now`.
   */
  private jumpBack(now: number): number {
    const last = this.s.lastSeen;
    this.closeFocus(last);
    this.closeCall(last);
    const gap = this.s.lastGap ?? null;
    // Landing inside the stretch skipped by the last forward jump means that jump was the fault
    // (one reading far ahead): real time ran from gap.from to now, and none of it was counted.
    const aheadWasWrong = gap !== null && now >= gap.from && now < gap.to;
    const paused = this.s.pausedUntil;
    this.s = {
      ...this.s,
      lastSeen: now,
      lastGap: null,
      loading: null,
      // A timed pause keeps the time it had left.
      pausedUntil: paused !== null && paused < PAUSE_FOREVER ? (paused > last ? now + (paused - last) : null) : paused,
      clipUntil: Math.max(this.s.clipUntil ?? last, last),
      clockFault: {
        noticedAt: now,
        jumpMs: now - last,
        uncountedFrom: aheadWasWrong ? gap.from : now,
        uncountedTo: now,
        overlapUntil: aheadWasWrong ? null : last,
      },
    };
    return now;
  }

  /** Once the clock has passed `clipUntil` and nothing open starts before it, there is nothing left to clip. */
  private expireClip(t: number): void {
    const until = this.s.clipUntil;
    if (until === undefined || until === null || t < until) return;
    if ((this.s.focus && this.s.focus.start < until) || (this.s.call && this.s.call.start < until)) return;
    this.s = { ...this.s, clipUntil: null };
  }
}

function withTab(s: TrackerState, tab: TabRef, audible: boolean): TrackerState {
  const key = String(tab.tabId);
  const audibleMap = { ...s.obs.audible };
  if (audible && !tab.incognito && tab.page) audibleMap[key] = tab;
  else delete audibleMap[key];
  const activeTab = s.obs.activeTab?.tabId === tab.tabId ? tab : s.obs.activeTab;
  return { ...s, obs: { ...s.obs, audible: audibleMap, activeTab } };
}

/**
 * Apply one event at instant `now`. Pure: the same inputs always give the same outputs, and the
 * input state is never mutated.
 */
export function step(state: TrackerState, event: TrackerEvent, now: number, cfg: TrackerConfig): StepResult {
  const st = new Step(state, cfg);
  if (event.type === 'browser-start') {
    // The browser was not running after lastSeen (worker restarts never send this).
    st.closeFocus(state.lastSeen);
    st.closeCall(state.lastSeen);
  }
  const t = st.advance(now);
  let focusEnd = t;
  const obs = st.s.obs;
  switch (event.type) {
    case 'snapshot': {
      const audible: Record<string, TabRef> = {};
      for (const { audible: isAudible, ...tab } of event.tabs) {
        if (isAudible && !tab.incognito && tab.page) audible[String(tab.tabId)] = tab;
      }
      const call = st.s.call;
      if (call) {
        const callTab = event.tabs.find((tab) => tab.tabId === call.tabId);
        st.callTabChanged(call.tabId, callTab && !callTab.incognito ? callTab.page : null, t);
      }
      st.s = {
        ...st.s,
        obs: { focusedWindowId: event.focusedWindowId, activeTab: event.activeTab, idle: event.idle, audible },
      };
      break;
    }
    case 'focus':
      st.s = {
        ...st.s,
        obs: {
          ...obs,
          focusedWindowId: event.windowId,
          activeTab: event.windowId === null ? obs.activeTab : event.activeTab,
        },
      };
      if (event.activeTab) {
        st.callTabChanged(event.activeTab.tabId, event.activeTab.incognito ? null : event.activeTab.page, t);
        st.s = withTab(st.s, event.activeTab, obs.audible[String(event.activeTab.tabId)] !== undefined);
      }
      break;
    case 'activated':
      st.callTabChanged(event.tab.tabId, event.tab.incognito ? null : event.tab.page, t);
      if (obs.focusedWindowId === null || event.tab.windowId === obs.focusedWindowId) {
        st.s = { ...st.s, obs: { ...st.s.obs, activeTab: event.tab } };
      }
      st.s = withTab(st.s, event.tab, obs.audible[String(event.tab.tabId)] !== undefined);
      break;
    case 'updated':
      st.callTabChanged(event.tab.tabId, event.tab.incognito ? null : event.tab.page, t);
      st.s = withTab(st.s, event.tab, event.audible);
      break;
    case 'removed': {
      st.callTabChanged(event.tabId, null, t);
      const audible = { ...obs.audible };
      delete audible[String(event.tabId)];
      const activeTab = obs.activeTab?.tabId === event.tabId ? null : obs.activeTab;
      st.s = { ...st.s, obs: { ...st.s.obs, audible, activeTab } };
      break;
    }
    case 'idle':
    case 'heartbeat': {
      const idle = event.type === 'idle' ? event.state : (event.idle ?? obs.idle);
      // Idle means the last input was a threshold ago: that is when the person left.
      if (idle === 'idle' && obs.idle === 'active') focusEnd = t - cfg.idleThresholdMs;
      st.s = { ...st.s, obs: { ...st.s.obs, idle } };
      break;
    }
    case 'pause':
      st.s = { ...st.s, pausedUntil: event.until > t ? event.until : null };
      break;
    case 'resume':
      st.s = { ...st.s, pausedUntil: null };
      break;
    case 'reconfigure':
      break;
    case 'restart':
      st.s = resetState(st.s, t);
      break;
    case 'browser-start':
      // What the browser showed before it stopped is history: the snapshot that follows says what it shows now.
      st.s = { ...st.s, obs: { focusedWindowId: null, activeTab: null, idle: 'active', audible: {} } };
      break;
  }
  st.reconcile(t, focusEnd, event.type === 'activated');
  return { state: st.s, closed: st.closed };
}

/** Close everything at `at` (e.g. before exporting or on shutdown). */
export function closeAll(state: TrackerState, at: number, cfg: TrackerConfig): StepResult {
  const st = new Step(state, cfg);
  const t = st.advance(at);
  st.closeFocus(t);
  st.closeCall(t);
  return { state: st.s, closed: st.closed };
}
