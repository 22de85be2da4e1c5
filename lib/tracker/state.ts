/**
 * Tracker state: what the browser shows (the observation) plus the open segments.
 * Plain data only, so the whole state can be checkpointed to IndexedDB and restored
 * by a fresh service worker.
 */
import type { PageRef } from '@/lib/model';

export type IdleState = 'active' | 'idle' | 'locked';

/** A tab reduced to what the tracker needs. `page` is null for non-http(s) pages. */
export interface TabRef {
  tabId: number;
  windowId: number;
  page: PageRef | null;
  incognito: boolean;
  /**
   * No page committed yet (a new tab or window on its way to its first URL: empty or about:blank).
   * Time the person spends watching it load belongs to the page it loads (lib/tracker/machine.ts).
   */
  loading?: boolean;
}

export interface Observation {
  /** The focused browser window, or null when no browser window has focus. */
  focusedWindowId: number | null;
  /** The active tab of the focused window (null when none / unknown). */
  activeTab: TabRef | null;
  idle: IdleState;
  /** Audible tabs (any window), keyed by tab id. Incognito tabs are never kept. */
  audible: Record<string, TabRef>;
}

/** An open (not yet written) segment of one lane. */
export interface OpenSegment {
  start: number;
  host: string;
  path: string;
}

export interface OpenCall extends OpenSegment {
  tabId: number;
  /** When the call tab stopped being audible; the call ends there unless sound resumes within the grace period. */
  quietSince: number | null;
}

/** Pause "until resumed" is stored as this instant (far future; JSON- and IndexedDB-safe). */
export const PAUSE_FOREVER = 8.64e15;

export interface TrackerState {
  version: 1;
  obs: Observation;
  /** Paused until this instant (epoch ms); null when not paused. */
  pausedUntil: number | null;
  focus: OpenSegment | null;
  call: OpenCall | null;
  /**
   * The latest instant the tracker knows it was running (last event or heartbeat), on the current
   * clock. A small backward step (< CLOCK_STEP_MS) stands still here; a larger jump in either
   * direction is a discontinuity that resets it to the new clock (lib/tracker/machine.ts).
   */
  lastSeen: number;
  /**
   * After a backward clock jump: segments recorded before this instant may already be stored for
   * the same wall-clock span, so new ones are clipped against storage until the clock passes it
   * (lib/tracker/clip.ts). Absent/null: nothing to clip. Optional for checkpoints written before.
   */
  clipUntil?: number | null;
  /** The last forward discontinuity (sleep, crash or a clock jumping ahead), to judge a later jump back. */
  lastGap?: { from: number; to: number } | null;
  /** Since when the focused active tab has been loading its first page (its time goes to that page). */
  loading?: { tabId: number; since: number } | null;
  /** The last time the clock looked wrong, for the badge and the popup. */
  clockFault?: ClockFault | null;
}

/** A backward clock jump the tracker noticed, and what it did not count because of it. */
export interface ClockFault {
  /** When it was noticed (on the new clock). */
  noticedAt: number;
  /** new clock − old clock, ms (negative: the clock went back). */
  jumpMs: number;
  /**
   * Time not counted around the jump, on the new clock: [from, to). When the clock had jumped
   * ahead before (one bad reading), this is the stretch from the last good reading to the correction.
   */
  uncountedFrom: number;
  uncountedTo: number;
  /** Until this instant (new clock), time that overlaps what was already recorded is not counted; null: nothing. */
  overlapUntil: number | null;
  /** Time recorded after the jump that was dropped because it overlapped stored time (lib/tracker/writes.ts). */
  droppedMs?: number;
}

/** The tracker state as it should be after "Delete all data": nothing open, no clock history, observation kept. */
export function resetState(s: TrackerState, now: number): TrackerState {
  return {
    ...s,
    focus: null,
    call: null,
    lastSeen: now,
    clipUntil: null,
    lastGap: null,
    clockFault: null,
    loading: null,
  };
}

export function initialState(now: number): TrackerState {
  return {
    version: 1,
    obs: { focusedWindowId: null, activeTab: null, idle: 'active', audible: {} },
    pausedUntil: null,
    focus: null,
    call: null,
    lastSeen: now,
  };
}
