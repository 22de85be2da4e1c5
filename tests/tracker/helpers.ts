import type { Segment } from '@/lib/model';
import { step, type TrackerConfig, type TrackerEvent } from '@/lib/tracker/machine';
import { initialState, type TabRef, type TrackerState } from '@/lib/tracker/state';

export const T0 = Date.UTC(2026, 10, 24, 9, 0, 0); // Tue 24 Nov 2026 10:00 in Europe/Berlin
export const SEC = 1000;
export const MIN = 60 * SEC;

export const config: TrackerConfig = {
  idleThresholdMs: 3 * MIN,
  gapMs: 90 * SEC,
  callGraceMs: 20 * SEC,
  isExcluded: (host) => host === 'bank.example',
  isCallHost: (host) => host === 'meet.google.com' || host.endsWith('zoom.us'),
};

export function tab(
  tabId: number,
  host: string | null,
  opts: { windowId?: number; path?: string; incognito?: boolean } = {},
): TabRef {
  return {
    tabId,
    windowId: opts.windowId ?? 1,
    page: host === null ? null : { host, path: opts.path ?? '' },
    incognito: opts.incognito ?? false,
  };
}

/** A snapshot of one focused window with `active` in front and optional audible tabs. */
export function snapshot(
  active: TabRef | null,
  audible: TabRef[] = [],
  focusedWindowId: number | null = 1,
): TrackerEvent {
  const tabs = [...(active ? [{ ...active, audible: audible.some((a) => a.tabId === active.tabId) }] : [])];
  for (const a of audible) if (a.tabId !== active?.tabId) tabs.push({ ...a, audible: true });
  return { type: 'snapshot', focusedWindowId, activeTab: active, idle: 'active', tabs };
}

export interface Run {
  state: TrackerState;
  segments: Segment[];
}

/** Run timed events (offsets in ms from T0) through the machine, collecting closed segments. */
export function run(events: Array<[number, TrackerEvent]>, cfg: TrackerConfig = config, start?: TrackerState): Run {
  let state = start ?? initialState(T0 + (events[0]?.[0] ?? 0));
  const segments: Segment[] = [];
  for (const [offset, event] of events) {
    const r = step(state, event, T0 + offset, cfg);
    state = r.state;
    segments.push(...r.closed);
  }
  return { state, segments };
}

/** Seconds per "lane:host" over the closed segments. */
export function secondsBy(segments: Segment[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of segments) {
    const key = `${s.lane}:${s.host}`;
    out[key] = (out[key] ?? 0) + (s.end - s.start) / 1000;
  }
  return out;
}
