/**
 * Calendar subscriptions at the browser's edges: the download (bounded in size and time,
 * conditional, without cookies), the hourly alarm and the refresh at browser start, the host
 * permission of each subscription, and the message a page sends to refresh now. The decisions
 * are pure (lib/calendar/subscription.ts); storage is lib/db/subscriptions.ts.
 *
 * What leaves the machine: one GET of each subscribed address, to that address's host only, once
 * an hour and at browser start (and when the person clicks "Refresh now"), with no cookies and no
 * referrer. The browser enforces the rest: the extension's CSP lets it reach only the calendar
 * vendors' hosts (lib/calendar/calendar-hosts.ts), and it holds host permission only for the
 * hosts of its subscriptions.
 */
import type { WxtBrowser } from 'wxt/browser';
import { vendorOfHost } from '@/lib/calendar/calendar-hosts';
import { importWindow } from '@/lib/calendar/import-window';
import { effectiveMeetingRules } from '@/lib/calendar/meeting-classes';
import { MAX_ICS_CHARS } from '@/lib/calendar/limits';
import { FETCH_TIMEOUT_MS, planRefresh, REFRESH_MINUTES, syncErrorMessage, type CalendarSubscription, type SyncErrorKind } from '@/lib/calendar/subscription';
import { loadSettings } from '@/lib/db';
import type { CreativeRatioDB } from '@/lib/db/schema';
import { applyRefresh, listSubscriptions, updateSubscription } from '@/lib/db/subscriptions';
import { resolveWeekStartsOn } from '@/lib/time/week';

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
      res = await o.fetch(url, { method: 'GET', headers, credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-cache', redirect: 'follow', signal: controller.signal });
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
    return { kind: 'ok', text: new TextDecoder('utf-8').decode(bytes), etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
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

// ---------- refresh ----------

export interface CalendarSyncDeps {
  db: CreativeRatioDB;
  now: () => number;
  fetch: typeof fetch;
  permissions: PermissionsPort;
  locale?: string;
}

export type RefreshOutcome = { id: string; result: 'imported' | 'unchanged' | 'error' | 'gone'; message?: string; meetings?: number };

/** Refresh one subscription: download, plan, replace its meetings atomically. A failure only records the error. */
export async function refreshSubscription(deps: CalendarSyncDeps, sub: CalendarSubscription, options: { force?: boolean } = {}): Promise<RefreshOutcome> {
  const { db, now } = deps;
  const at = now();
  const fail = async (kind: SyncErrorKind, message: string): Promise<RefreshOutcome> => {
    await updateSubscription(db, sub.id, { lastAttempt: at, error: { kind, message, at } });
    return { id: sub.id, result: 'error', message };
  };
  if (!(await deps.permissions.contains({ origins: [originOf(sub.host)] }).catch(() => false))) return fail('blocked', syncErrorMessage('blocked', { host: sub.host }));

  const settings = await loadSettings(db);
  const ctx = { now: at, weekStartsOn: resolveWeekStartsOn(settings.weekStartsOn, deps.locale ?? 'en-US'), retentionMonths: settings.retentionMonths, meetingClasses: effectiveMeetingRules(settings.meetingClasses) };
  // A conditional request is only right while the window has not moved past the last import's.
  const planned = importWindow(ctx.now, ctx.weekStartsOn).to;
  const conditional = !options.force && sub.windowTo !== null && sub.windowTo >= planned && sub.error === null;
  const d = await downloadCalendar(sub.url, { fetch: deps.fetch, etag: conditional ? sub.etag : null, lastModified: conditional ? sub.lastModified : null });
  if (d.kind === 'error') return fail(d.error, syncErrorMessage(d.error, { host: sub.host, status: d.status, text: d.text }));
  if (d.kind === 'not-modified') {
    const r = await updateSubscription(db, sub.id, { lastAttempt: at, lastSuccess: at, error: null });
    return r ? { id: sub.id, result: 'unchanged' } : { id: sub.id, result: 'gone' };
  }
  const p = planRefresh(d.text, sub, ctx);
  if (!p.ok) return fail(p.kind, p.message);
  const { refresh } = p;
  try {
    const w = await applyRefresh(db, sub.id, {
      replaceFrom: refresh.replaceFrom,
      replaceTo: refresh.window.to,
      segments: refresh.segments,
      patch: {
        etag: d.etag,
        lastModified: d.lastModified,
        windowTo: refresh.window.to,
        lastAttempt: at,
        lastSuccess: at,
        error: null,
        lastResult: { meetings: refresh.plan.meetingCount, from: refresh.plan.covered?.from ?? refresh.window.from, to: refresh.plan.covered?.to ?? refresh.window.to },
      },
    });
    if (!w) return { id: sub.id, result: 'gone' };
    return { id: sub.id, result: 'imported', meetings: refresh.plan.meetingCount };
  } catch (e) {
    return fail('invalid', `The meetings could not be saved; nothing changed (${e instanceof Error ? e.message : String(e)}).`);
  }
}

/** Refresh every subscription, one after another. */
export async function refreshAll(deps: CalendarSyncDeps, options: { force?: boolean } = {}): Promise<RefreshOutcome[]> {
  const out: RefreshOutcome[] = [];
  for (const sub of await listSubscriptions(deps.db)) out.push(await refreshSubscription(deps, sub, options));
  return out;
}

// ---------- wiring (background) ----------

/** Keep the hourly alarm only while there are subscriptions; drop permissions nobody uses. */
export async function planSchedule(browser: WxtBrowser, deps: CalendarSyncDeps): Promise<void> {
  const subs = await listSubscriptions(deps.db);
  await reconcilePermissions(deps.permissions, subs.map((s) => s.host));
  if (subs.length === 0) {
    await browser.alarms.clear(ALARM_CALENDAR);
    return;
  }
  // Create once: re-creating on every worker start would keep postponing it.
  if (!(await browser.alarms.get(ALARM_CALENDAR))) await browser.alarms.create(ALARM_CALENDAR, { delayInMinutes: REFRESH_MINUTES, periodInMinutes: REFRESH_MINUTES });
}

/** Listen for the alarm, the browser's start and the pages' messages. */
export function startCalendarSync(browser: WxtBrowser, deps: CalendarSyncDeps): void {
  let running: Promise<unknown> = Promise.resolve();
  // One refresh at a time: an alarm during a "Refresh now" waits for it.
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = running.then(job, job);
    running = next.catch(() => undefined);
    return next;
  };
  const log = (err: unknown) => console.error('[creative-ratio] calendar refresh failed', err);

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM_CALENDAR) serial(() => refreshAll(deps)).catch(log);
  });
  browser.runtime.onStartup.addListener(() => {
    serial(() => refreshAll(deps)).catch(log);
  });
  const ownPages = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string; url?: string }, sendResponse: (r: unknown) => void) => {
    const m = message as { type?: unknown; id?: unknown; force?: unknown } | null;
    if (!m || (m.type !== MESSAGE_CALENDAR_REFRESH && m.type !== MESSAGE_CALENDAR_CHANGED)) return undefined;
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(ownPages)) return undefined;
    const job =
      m.type === MESSAGE_CALENDAR_CHANGED
        ? serial(() => planSchedule(browser, deps)).then(() => [])
        : serial(async () => {
            const subs = await listSubscriptions(deps.db);
            const chosen = typeof m.id === 'string' ? subs.filter((s) => s.id === m.id) : subs;
            const out: RefreshOutcome[] = [];
            // Conditional like the hourly refresh: "not modified" is a complete answer — unless the
            // page asks for a full download (meeting classification rules changed: re-apply them).
            for (const s of chosen) out.push(await refreshSubscription(deps, s, { force: m.force === true }));
            return out;
          });
    job.then(sendResponse, (err: unknown) => {
      log(err);
      sendResponse([]);
    });
    return true;
  });
  serial(() => planSchedule(browser, deps)).catch(log);
}
