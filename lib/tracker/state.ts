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
   * The latest instant the tracker knows it was running (last event or heartbeat).
   * Never moves backwards: a clock that jumps back makes time stand still until it catches up,
   * so nothing can ever overlap what was already recorded.
   */
  lastSeen: number;
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
