/**
 * What the Settings page does with the browser for calendar subscriptions: ask for one host at
 * the person's click, give it back, download the first copy for the preview, and ask the
 * background to refresh or re-plan. The background side is lib/browser/calendar-sync.ts; this module imports only its
 * download and permission helpers (calendar-fetch.ts), so the page does not load the calendar reader.
 */
import { browser } from 'wxt/browser';
import {
  ALARM_CALENDAR,
  calendarFetch,
  downloadCalendar,
  MESSAGE_CALENDAR_CHANGED,
  MESSAGE_CALENDAR_REFRESH,
  releaseCalendarHost,
  requestCalendarHost,
  type Download,
} from './calendar-fetch';
import type { RefreshOutcome } from './calendar-sync';

/** Call first thing in the click handler (before any `await`): the browser shows its prompt for this one host. */
export function askForCalendarHost(host: string): Promise<boolean> {
  return requestCalendarHost(browser, host);
}

export function giveBackCalendarHost(host: string): Promise<boolean> {
  return releaseCalendarHost(browser.permissions, host);
}

/** The first download, made by the page for the preview (same limits as the background's). */
export function downloadForPreview(url: string): Promise<Download> {
  return downloadCalendar(url, { fetch: calendarFetch });
}

/** Ask the background to refresh one subscription (or all) now; `force` downloads even an unchanged calendar (to re-apply meeting rules). */
export async function refreshNow(id?: string, force = false): Promise<RefreshOutcome[]> {
  const r: unknown = await browser.runtime.sendMessage({ type: MESSAGE_CALENDAR_REFRESH, id, force });
  return Array.isArray(r) ? (r as RefreshOutcome[]) : [];
}

/** Tell the background that subscriptions changed (it plans the hourly alarm and drops unused permissions). */
export async function subscriptionsChanged(): Promise<void> {
  await browser.runtime.sendMessage({ type: MESSAGE_CALENDAR_CHANGED }).catch(() => undefined);
}

/** When the hourly refresh runs next, or null when none is planned. */
export async function nextScheduledRefresh(): Promise<number | null> {
  const a = await browser.alarms.get(ALARM_CALENDAR).catch(() => undefined);
  return a?.scheduledTime ?? null;
}
