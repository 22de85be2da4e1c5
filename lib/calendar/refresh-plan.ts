/**
 * What one refresh of a subscription imports (lib/calendar/subscription.ts explains the idea):
 * parse the downloaded feed, plan it over everything it holds within retention, and say which
 * stored range its meetings replace. Loads the calendar reader (ical.js): the service worker
 * imports it for background refreshes, the Settings page only inside its calendar worker. Pure.
 */
import type { Segment } from '@/lib/model';
import type { WeekDay } from '@/lib/settings';
import { startOfDay } from 'date-fns';
import { importWindow, type ImportWindow } from './import-window';
import type { MeetingClassRule } from './meeting-classes';
import type { StoredMeeting } from './meeting-fingerprints';
import { detectOwner } from './owner-detection';
import { parseIcs } from './parse-calendar';
import { planImport, type ImportPlan } from './plan-import';
import { looksLikeCalendar, syncErrorMessage, type CalendarSubscription } from './subscription';

export interface RefreshContext {
  now: number;
  weekStartsOn: WeekDay;
  retentionMonths: number | null;
  /** Meeting classification rules in force (lib/calendar/meeting-classes.ts). */
  meetingClasses?: readonly MeetingClassRule[];
}

export interface RefreshPlan {
  plan: ImportPlan;
  window: ImportWindow;
  /** The stored meetings of the subscription in [replaceFrom, window.to) are replaced by `segments`. */
  replaceFrom: number;
  segments: Segment[];
  /** The meetings behind them (fingerprints, lib/calendar/meeting-fingerprints.ts), from replaceFrom on. */
  meetings: StoredMeeting[];
}

export type RefreshPlanResult =
  { ok: true; refresh: RefreshPlan } | { ok: false; kind: 'not-calendar' | 'invalid'; message: string };

/**
 * What one refresh of `sub` with the downloaded `text` imports. The owner is the one the person
 * confirmed, else the one the file names (lib/calendar/owner-detection.ts).
 */
export function planRefresh(
  text: string,
  sub: Pick<CalendarSubscription, 'importId' | 'options' | 'host'>,
  ctx: RefreshContext,
): RefreshPlanResult {
  if (!looksLikeCalendar(text)) {
    const html = /^\s*</.test(text);
    return {
      ok: false,
      kind: 'not-calendar',
      message: syncErrorMessage('not-calendar', { host: sub.host, text: html ? 'it returned a web page' : undefined }),
    };
  }
  const parsed = parseIcs(text);
  if (!parsed.ok)
    return {
      ok: false,
      kind: 'invalid',
      message: syncErrorMessage('invalid', { host: sub.host, text: parsed.error.message }),
    };
  const window = importWindow(ctx.now, ctx.weekStartsOn, 'all', ctx.retentionMonths);
  const owner = sub.options.ownerEmail.trim().toLowerCase() || detectOwner(parsed.calendar)?.email || '';
  const r = planImport(parsed.calendar, {
    ...window,
    keepTitles: sub.options.keepTitles,
    meetingWords: sub.options.meetingWords,
    ownerEmails: owner ? [owner] : [],
    countTentative: sub.options.countTentative,
    importId: sub.importId,
    meetingClasses: ctx.meetingClasses,
  });
  if (!r.ok)
    return {
      ok: false,
      kind: 'invalid',
      message: syncErrorMessage('invalid', { host: sub.host, text: r.error.message }),
    };
  // Replace from the day of the feed's first event in the window; before it, earlier meetings stay.
  const replaceFrom = r.plan.covered ? Math.max(window.from, startOfDay(r.plan.covered.from).getTime()) : window.to;
  return {
    ok: true,
    refresh: {
      plan: r.plan,
      window,
      replaceFrom,
      segments: r.plan.segments.filter((s) => s.start >= replaceFrom),
      meetings: r.plan.meetings.filter((m) => m.start >= replaceFrom),
    },
  };
}
