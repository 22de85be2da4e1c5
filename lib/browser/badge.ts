/**
 * The toolbar badge: the tracker's state at a glance.
 * - nothing: tracking normally;
 * - "off" (grey): paused;
 * - "!" (red): the database refused a write (the popup explains, the tracker retries);
 * - "clk" (amber): for an hour after the computer's clock jumped back (the title and the popup say
 *   what was not counted).
 */
import type { WxtBrowser } from 'wxt/browser';
import type { TrackerState } from '@/lib/tracker/state';
import { PAUSE_FOREVER } from '@/lib/tracker/state';
import { CLOCK_BADGE_MS, currentClockFault, describeClockFault } from '@/lib/tracker/clock-notice';

const clock = (t: number) => new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export interface BadgeView {
  text: string;
  color: string;
  title: string;
}

/** Pure: what the badge should show. */
export function badgeView(state: TrackerState | null, error: string | null, now: number): BadgeView {
  if (error) return { text: '!', color: '#b42318', title: `Creative Ratio — ${error}` };
  if (state?.pausedUntil != null && state.pausedUntil > now) {
    const until = state.pausedUntil >= PAUSE_FOREVER ? 'until you resume' : `until ${clock(state.pausedUntil)}`;
    return { text: 'off', color: '#667085', title: `Creative Ratio — paused ${until}` };
  }
  const fault = currentClockFault(state, now, CLOCK_BADGE_MS);
  if (fault) return { text: 'clk', color: '#b54708', title: `Creative Ratio — ${describeClockFault(fault, clock)}` };
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
