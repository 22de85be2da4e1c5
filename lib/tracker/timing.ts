/**
 * When an event happened. A stopped service worker hears of a switch or a navigation late (Chrome
 * wakes it 0.1–1.5 s after); the browser's own timestamps (a tab's `lastAccessed`, a navigation's
 * commit time) date it, within bounds that keep one wrong timestamp from moving time. Pure: every
 * instant is an argument; the adapter stamps arrivals.
 */
import type { PageRef } from '@/lib/model';
import { PAUSE_FOREVER, type TabRef, type TrackerState } from '@/lib/tracker/state';

/** How far back a tab's `lastAccessed` may move an activation (worker wake-up takes 0.1–1.5 s). */
export const MAX_BACKDATE_MS = 5_000;

/**
 * The instant to use for an event: the browser's timestamp for it (a tab's `lastAccessed`, when
 * Chrome made it active, Chrome 121+; a navigation's commit time) when it is plausible — not in the
 * future, not before what the tracker already saw, and at most `maxBackMs` before the event
 * arrived — otherwise the arrival time.
 */
export function eventTime(
  arrival: number,
  lastAccessed: number | undefined,
  lastSeen: number,
  maxBackMs: number,
): number {
  if (lastAccessed === undefined || !Number.isFinite(lastAccessed)) return arrival;
  if (lastAccessed > arrival || lastAccessed <= lastSeen || arrival - lastAccessed > maxBackMs) return arrival;
  return lastAccessed;
}

/** The instant of an event heard late, dated by the browser's timestamp within MAX_BACKDATE_MS. */
export function heardLate(arrival: number, browserTime: number | undefined, state: TrackerState | null): number {
  return eventTime(arrival, browserTime, state?.lastSeen ?? 0, MAX_BACKDATE_MS);
}

/** The last main-frame navigation committed in a tab, with the browser's timestamp for it. */
export interface Commit {
  page: PageRef | null;
  at: number;
}

/** The browser's timestamp for the navigation that brought a tab to `page`, if its last commit was to that page. */
export function commitTime(commit: Commit | undefined, page: PageRef | null): number | undefined {
  if (!commit || !page || !commit.page || commit.page.host !== page.host || commit.page.path !== page.path)
    return undefined;
  return commit.at;
}

/**
 * The instant for a snapshot (a worker start re-reading the browser). When the active tab shows
 * another page than the open focus segment, a switch happened that the stopped worker never heard of
 * (it died while the event was in flight): it happened when the browser made the tab active or
 * committed its page, and within the gap window that instant is trustworthy. Otherwise: arrival.
 */
export function snapshotTime(
  arrival: number,
  state: TrackerState | null,
  active: TabRef | null,
  browserTimes: { lastAccessed?: number; committed?: number },
  gapMs: number,
): number {
  const open = state?.focus;
  const switched = open && active?.page && (open.host !== active.page.host || open.path !== active.page.path);
  if (!switched || !state) return arrival;
  const changedAt = Math.max(browserTimes.lastAccessed ?? 0, browserTimes.committed ?? 0) || undefined;
  return eventTime(arrival, changedAt, state.lastSeen, gapMs);
}

/** When a pause asked for at `at` ends: after `minutes`, or never (until resumed) for null. */
export function pauseEnd(at: number, minutes: number | null): number {
  return minutes === null ? PAUSE_FOREVER : at + minutes * 60_000;
}
