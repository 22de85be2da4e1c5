/**
 * What the browser reports, in the state machine's vocabulary: a tab record becomes a TabRef (its
 * URL reduced at once to host + path shape), and a full read of windows, tabs and idle becomes a
 * `snapshot` event. Pure: the adapter passes the records it read; the structural types below are the
 * only fields used (Chrome's and Firefox's tab and window records fit them).
 */
import type { TrackerEvent } from '@/lib/tracker/machine';
import type { IdleState, TabRef } from '@/lib/tracker/state';
import { toPageRef } from '@/lib/url/normalize';

/** The fields of a `tabs.Tab` the tracker reads. */
export interface TabInfo {
  id?: number;
  windowId?: number;
  url?: string;
  pendingUrl?: string;
  incognito: boolean;
  active?: boolean;
  audible?: boolean;
  /** When the browser last made the tab active (Chrome 121+). */
  lastAccessed?: number;
}

/** The fields of a `windows.Window` the tracker reads. */
export interface WindowInfo {
  id?: number;
  focused?: boolean;
  incognito: boolean;
  type?: string;
}

export type SnapshotEvent = Extract<TrackerEvent, { type: 'snapshot' }>;

const TRACKED_WINDOW_TYPES = new Set(['normal', 'popup', 'app']);

export function toTabRef(tab: TabInfo): TabRef | null {
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

/** A browser window whose tabs count: not incognito, not devtools or another special kind. */
export function isTrackedWindow(win: WindowInfo): boolean {
  return !win.incognito && (win.type === undefined || TRACKED_WINDOW_TYPES.has(win.type));
}

/**
 * The snapshot event for a full read of the browser, and the raw record of its active tab (whose
 * `lastAccessed` may date a switch the tracker did not hear of, lib/tracker/timing.ts).
 */
export function readSnapshot(
  windows: readonly WindowInfo[],
  tabs: readonly TabInfo[],
  idle: IdleState,
): { event: SnapshotEvent; activeTab: TabInfo | undefined } {
  const focused = windows.find((w) => w.focused && isTrackedWindow(w));
  const refs = tabs
    .filter((t) => !t.incognito)
    .map((t) => ({ ref: toTabRef(t), audible: t.audible === true }))
    .filter((x): x is { ref: TabRef; audible: boolean } => x.ref !== null);
  const activeRaw = focused ? tabs.find((t) => t.active && !t.incognito && t.windowId === focused.id) : undefined;
  const active = activeRaw ? (refs.find((x) => x.ref.tabId === activeRaw.id)?.ref ?? null) : null;
  return {
    event: {
      type: 'snapshot',
      focusedWindowId: focused?.id ?? null,
      activeTab: active,
      idle,
      tabs: refs.map((x) => ({ ...x.ref, audible: x.audible })),
    },
    activeTab: activeRaw,
  };
}
