/**
 * The parts of calendar subscriptions that the Settings page shares with the background: the
 * message names, the download (bounded in size and time, conditional, without cookies) and the
 * host permissions. Kept apart from calendar-sync.ts (the refresh, which reads calendars with
 * ical.js) so that the page can use them without loading the calendar reader at start.
 *
 * What leaves the machine: one GET of each subscribed address, to that address's host only
 * (docs/privacy.md). The browser enforces the rest: the extension's CSP lets it reach only the
 * calendar vendors' hosts (lib/calendar/calendar-hosts.ts).
 */
import type { WxtBrowser } from 'wxt/browser';
import { vendorOfHost } from '@/lib/calendar/calendar-hosts';
import { MAX_ICS_CHARS } from '@/lib/calendar/limits';
import { FETCH_TIMEOUT_MS, type SyncErrorKind } from '@/lib/calendar/subscription';

export const ALARM_CALENDAR = 'calendar-refresh';
export const MESSAGE_CALENDAR_REFRESH = 'calendar-refresh';
/** Sent by a page after adding or removing a subscription: re-plan the alarm, drop unused permissions. */
export const MESSAGE_CALENDAR_CHANGED = 'calendar-subscriptions-changed';

// ---------- download ----------

/**
 * The one place Creative Ratio makes a network request: reading a calendar the person subscribed
 * to (docs/privacy.md). Everything else is forbidden by the lint rule and by the CSP.
 */
// eslint-disable-next-line no-restricted-globals
export const calendarFetch: typeof fetch = (input, init) => fetch(input, init);

export type Download =
  | { kind: 'ok'; text: string; etag: string | null; lastModified: string | null }
  | { kind: 'not-modified' }
  | { kind: 'error'; error: SyncErrorKind; status?: number; text?: string };

export interface DownloadOptions {
  fetch: typeof fetch;
  etag?: string | null;
  lastModified?: string | null;
  timeoutMs?: number;
  maxBytes?: number;
}

function errorForStatus(status: number): SyncErrorKind {
  if (status === 404 || status === 410) return 'not-found';
  if (status === 401 || status === 403) return 'unauthorized';
  return 'server';
}

/**
 * GET `url`: conditional when validators are given, no cookies, no referrer, at most `maxBytes`
 * (the file import's limit) read, abandoned after `timeoutMs`. Never throws.
 */
export async function downloadCalendar(url: string, o: DownloadOptions): Promise<Download> {
  const maxBytes = o.maxBytes ?? MAX_ICS_CHARS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, o.timeoutMs ?? FETCH_TIMEOUT_MS);
  try {
    const headers: Record<string, string> = { accept: 'text/calendar, text/plain;q=0.5, */*;q=0.1' };
    if (o.etag) headers['if-none-match'] = o.etag;
    if (o.lastModified) headers['if-modified-since'] = o.lastModified;
    let res: Response;
    try {
      res = await o.fetch(url, {
        method: 'GET',
        headers,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-cache',
        redirect: 'follow',
        signal: controller.signal,
      });
    } catch {
      return { kind: 'error', error: timedOut ? 'timeout' : 'offline' };
    }
    if (res.status === 304) return { kind: 'not-modified' };
    if (!res.ok) return { kind: 'error', error: errorForStatus(res.status), status: res.status };
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      controller.abort();
      return { kind: 'error', error: 'too-large' };
    }
    const type = (res.headers.get('content-type') ?? '').toLowerCase();
    if (type.startsWith('text/html')) return { kind: 'error', error: 'not-calendar', text: 'it returned a web page' };
    // Read in chunks, stopping as soon as the limit is passed (the header may be missing or wrong).
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (res.body) {
      const reader = res.body.getReader();
      for (;;) {
        let step: ReadableStreamReadResult<Uint8Array>;
        try {
          step = await reader.read();
        } catch {
          return { kind: 'error', error: timedOut ? 'timeout' : 'offline' };
        }
        if (step.done) break;
        size += step.value.byteLength;
        if (size > maxBytes) {
          controller.abort();
          return { kind: 'error', error: 'too-large' };
        }
        chunks.push(step.value);
      }
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    return {
      kind: 'ok',
      text: new TextDecoder('utf-8').decode(bytes),
      etag: res.headers.get('etag'),
      lastModified: res.headers.get('last-modified'),
    };
  } finally {
    clearTimeout(timer);
  }
}

// ---------- permissions ----------

/** The part of `browser.permissions` the sync uses (a fake in tests). */
export interface PermissionsPort {
  contains(p: { origins: string[] }): Promise<boolean>;
  remove(p: { origins: string[] }): Promise<boolean>;
  getAll(): Promise<{ origins?: string[] }>;
}

export function originOf(host: string): string {
  return `https://${host}/*`;
}

/**
 * Ask for one host, from a click handler: call it before any `await`, or the browser refuses
 * ("must be called during a user gesture").
 */
export function requestCalendarHost(browser: WxtBrowser, host: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originOf(host)] });
}

/** Give back a host nobody uses any more. Never throws (a permission the manifest grants cannot be removed). */
export async function releaseCalendarHost(permissions: PermissionsPort, host: string): Promise<boolean> {
  try {
    return await permissions.remove({ origins: [originOf(host)] });
  } catch {
    return false;
  }
}

/** Remove every calendar-vendor host permission that no subscription uses (after "Delete all data", a restore…). */
export async function reconcilePermissions(permissions: PermissionsPort, used: readonly string[]): Promise<string[]> {
  const keep = new Set(used.map(originOf));
  const granted = (await permissions.getAll()).origins ?? [];
  const hostOfOrigin = (o: string) => /^https:\/\/([^/*]+)\/\*$/.exec(o)?.[1] ?? null;
  const drop = granted.filter((o) => {
    const host = hostOfOrigin(o);
    return !keep.has(o) && host !== null && vendorOfHost(host) !== null;
  });
  for (const o of drop) {
    try {
      await permissions.remove({ origins: [o] });
    } catch {
      // A host the manifest itself grants cannot be removed; nothing else to do.
    }
  }
  return drop;
}
