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
import { importWindow } from '@/lib/calendar/import-window';
import { effectiveMeetingRules } from '@/lib/calendar/meeting-classes';
import { planRefresh } from '@/lib/calendar/refresh-plan';
import {
  REFRESH_MINUTES,
  syncErrorMessage,
  type CalendarSubscription,
  type SyncErrorKind,
} from '@/lib/calendar/subscription';
import { loadSettings } from '@/lib/db';
import type { CreativeRatioDB } from '@/lib/db/schema';
import { applyRefresh, listSubscriptions, updateSubscription } from '@/lib/db/subscriptions';
import { resolveWeekStartsOn } from '@/lib/time/week';
import {
  ALARM_CALENDAR,
  downloadCalendar,
  MESSAGE_CALENDAR_CHANGED,
  MESSAGE_CALENDAR_REFRESH,
  originOf,
  reconcilePermissions,
  type PermissionsPort,
} from './calendar-fetch';

// ---------- refresh ----------

export interface CalendarSyncDeps {
  db: CreativeRatioDB;
  now: () => number;
  fetch: typeof fetch;
  permissions: PermissionsPort;
  locale?: string;
}

export type RefreshOutcome = {
  id: string;
  result: 'imported' | 'unchanged' | 'error' | 'gone';
  message?: string;
  meetings?: number;
};

/** Refresh one subscription: download, plan, replace its meetings atomically. A failure only records the error. */
export async function refreshSubscription(
  deps: CalendarSyncDeps,
  sub: CalendarSubscription,
  options: { force?: boolean } = {},
): Promise<RefreshOutcome> {
  const { db, now } = deps;
  const at = now();
  const fail = async (kind: SyncErrorKind, message: string): Promise<RefreshOutcome> => {
    await updateSubscription(db, sub.id, { lastAttempt: at, error: { kind, message, at } });
    return { id: sub.id, result: 'error', message };
  };
  if (!(await deps.permissions.contains({ origins: [originOf(sub.host)] }).catch(() => false)))
    return fail('blocked', syncErrorMessage('blocked', { host: sub.host }));

  const settings = await loadSettings(db);
  const ctx = {
    now: at,
    weekStartsOn: resolveWeekStartsOn(settings.weekStartsOn, deps.locale ?? 'en-US'),
    retentionMonths: settings.retentionMonths,
    meetingClasses: effectiveMeetingRules(settings.meetingClasses),
  };
  // A conditional request is only right while the window has not moved past the last import's.
  const planned = importWindow(ctx.now, ctx.weekStartsOn).to;
  const conditional = !options.force && sub.windowTo !== null && sub.windowTo >= planned && sub.error === null;
  const d = await downloadCalendar(sub.url, {
    fetch: deps.fetch,
    etag: conditional ? sub.etag : null,
    lastModified: conditional ? sub.lastModified : null,
  });
  if (d.kind === 'error')
    return fail(d.error, syncErrorMessage(d.error, { host: sub.host, status: d.status, text: d.text }));
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
      meetings: refresh.meetings,
      patch: {
        etag: d.etag,
        lastModified: d.lastModified,
        windowTo: refresh.window.to,
        lastAttempt: at,
        lastSuccess: at,
        error: null,
        lastResult: {
          meetings: refresh.plan.meetingCount,
          from: refresh.plan.covered?.from ?? refresh.window.from,
          to: refresh.plan.covered?.to ?? refresh.window.to,
        },
      },
    });
    if (!w) return { id: sub.id, result: 'gone' };
    return { id: sub.id, result: 'imported', meetings: refresh.plan.meetingCount };
  } catch (e) {
    return fail(
      'invalid',
      `The meetings could not be saved; nothing changed (${e instanceof Error ? e.message : String(e)}).`,
    );
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
  await reconcilePermissions(
    deps.permissions,
    subs.map((s) => s.host),
  );
  if (subs.length === 0) {
    await browser.alarms.clear(ALARM_CALENDAR);
    return;
  }
  // Create once: re-creating on every worker start would keep postponing it.
  if (!(await browser.alarms.get(ALARM_CALENDAR)))
    await browser.alarms.create(ALARM_CALENDAR, { delayInMinutes: REFRESH_MINUTES, periodInMinutes: REFRESH_MINUTES });
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
  browser.runtime.onMessage.addListener(
    (message: unknown, sender: { id?: string; url?: string }, sendResponse: (r: unknown) => void) => {
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
    },
  );
  serial(() => planSchedule(browser, deps)).catch(log);
}
