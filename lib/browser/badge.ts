/**
 * The toolbar badge: the tracker's state at a glance.
 * - nothing: tracking normally;
 * - "off" (grey): paused;
 * - "!" (red): the database refused a write (the popup explains, the tracker retries).
 */
import type { WxtBrowser } from 'wxt/browser';
import type { TrackerState } from '@/lib/tracker/state';
import { PAUSE_FOREVER } from '@/lib/tracker/state';

export interface BadgeView {
  text: string;
  color: string;
  title: string;
}

/** Pure: what the badge should show. */
export function badgeView(state: TrackerState | null, error: string | null, now: number): BadgeView {
  if (error) return { text: '!', color: '#b42318', title: `Creative Ratio — ${error}` };
  if (state?.pausedUntil != null && state.pausedUntil > now) {
    const until = state.pausedUntil >= PAUSE_FOREVER ? 'until you resume' : `until ${new Date(state.pausedUntil).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
    return { text: 'off', color: '#667085', title: `Creative Ratio — paused ${until}` };
  }
  return { text: '', color: '#1f6f5c', title: 'Creative Ratio — tracking (only on this computer)' };
}

let last = '';

export async function showBadge(browser: WxtBrowser, view: BadgeView): Promise<void> {
  const key = `${view.text}|${view.color}|${view.title}`;
  if (key === last) return;
  last = key;
  // MV3 `action`; Firefox's MV2 build has `browserAction` with the same methods.
  const action = browser.action ?? (browser as unknown as { browserAction: WxtBrowser['action'] }).browserAction;
  await action.setBadgeText({ text: view.text });
  await action.setBadgeBackgroundColor({ color: view.color });
  await action.setTitle({ title: view.title });
}
