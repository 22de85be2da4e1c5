/**
 * The `notifications` permission, held only while the person wants a notification (the weekly
 * review reminder or the mid-week nudge). It is an optional permission (Chrome
 * `optional_permissions`, Firefox MV2 `optional_permissions`): never granted at install, asked
 * for from the click that turns a notification on, and offered back when both are off.
 *
 * Without it the browser has no `notifications` API at all (Chrome leaves `chrome.notifications`
 * undefined), so the background checks before every notification and never throws without it.
 */
import { browser as pageBrowser, type Browser, type WxtBrowser } from 'wxt/browser';

export const NOTIFICATIONS_PERMISSION = 'notifications';
const REQUEST: Browser.permissions.Permissions = { permissions: [NOTIFICATIONS_PERMISSION] };

type NotificationOptions = Browser.notifications.NotificationCreateOptions;

/** The notifications API when the browser offers it now (only while the permission is held). */
function api(browser: WxtBrowser): WxtBrowser['notifications'] | undefined {
  try {
    return (browser as { notifications?: WxtBrowser['notifications'] }).notifications ?? undefined;
  } catch {
    return undefined;
  }
}

/** Whether a notification can be shown now: the permission is held and the API is there. Never throws. */
export async function canNotify(browser: WxtBrowser): Promise<boolean> {
  try {
    if (typeof api(browser)?.create !== 'function') return false;
    return await browser.permissions.contains(REQUEST);
  } catch {
    return false;
  }
}

/**
 * Show a notification when the person still allows it; returns whether it was shown. Without the
 * permission (refused, given back, removed in the browser's settings) it does nothing.
 */
export async function notifyIfAllowed(browser: WxtBrowser, id: string, options: NotificationOptions): Promise<boolean> {
  if (!(await canNotify(browser))) return false;
  await api(browser)!.create(id, options);
  return true;
}

/**
 * Listen to notification clicks: at once when the API is there, else as soon as the permission is
 * granted (`permissions.onAdded`). Registered once.
 */
export function onNotificationClicked(browser: WxtBrowser, listener: (id: string) => void): void {
  let added = false;
  const add = () => {
    const onClicked = api(browser)?.onClicked;
    if (added || !onClicked) return;
    onClicked.addListener(listener);
    added = true;
  };
  add();
  if (!added) {
    browser.permissions?.onAdded?.addListener((p) => {
      if (p.permissions?.includes(NOTIFICATIONS_PERMISSION)) add();
    });
  }
}

// ---------- the pages' side (a click in Settings or the review) ----------

/**
 * Ask for the permission. Call it first thing in the click handler, before any `await`: the browser
 * shows its prompt only during the click. Resolves false when refused (or not asked during a click).
 */
export async function askForNotifications(browser: WxtBrowser = pageBrowser): Promise<boolean> {
  try {
    return await browser.permissions.request(REQUEST);
  } catch {
    return false;
  }
}

/** Whether the permission is held now. */
export async function holdsNotifications(browser: WxtBrowser = pageBrowser): Promise<boolean> {
  try {
    return await browser.permissions.contains(REQUEST);
  } catch {
    return false;
  }
}

/** Give the permission back; resolves whether it is gone. Never throws. */
export async function giveBackNotifications(browser: WxtBrowser = pageBrowser): Promise<boolean> {
  try {
    await browser.permissions.remove(REQUEST);
  } catch {
    // A permission the browser will not remove (granted by policy or by the manifest): still held.
  }
  return !(await holdsNotifications(browser));
}

/** Call `changed` whenever the permission is granted or removed (here or in the browser's settings). */
export function watchNotificationPermission(changed: () => void, browser: WxtBrowser = pageBrowser): () => void {
  const listener = (p: { permissions?: string[] }) => {
    if (p.permissions?.includes(NOTIFICATIONS_PERMISSION)) changed();
  };
  try {
    browser.permissions.onAdded.addListener(listener);
    browser.permissions.onRemoved.addListener(listener);
  } catch {
    return () => undefined;
  }
  return () => {
    browser.permissions.onAdded.removeListener(listener);
    browser.permissions.onRemoved.removeListener(listener);
  };
}
