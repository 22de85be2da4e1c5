/**
 * State and actions of the calendar section: read a file or a subscribed address, preview it with
 * the proposed owner and the file's own range, import atomically (a subscription also keeps
 * refreshing in the background), list and delete imports and subscriptions, refresh or remove a
 * subscription; the import options are kept in the extension's storage (lib/db/import-options.ts).
 * The view is components/CalendarImport.tsx; the settings page wires the two.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useMeetingSummaryRules, type MeetingSummaryRules } from './meeting-summary';
import {
  cleanCalendarName,
  makeImportId,
  parseImportId,
  sameCalendarName,
  suggestCalendarName,
} from '@/lib/calendar/import-id';
import { importWindow, meetingHoursByWeek, type ImportWindow, type WeekHours } from '@/lib/calendar/import-window';
import { MAX_ICS_CHARS } from '@/lib/calendar/limits';
import type { MeetingClassRule } from '@/lib/calendar/meeting-classes';
import { parseMeetingWords } from '@/lib/calendar/meeting-rules';
import { isEmailAddress, type OwnerGuess } from '@/lib/calendar/owner-detection';
import type { ImportPlan } from '@/lib/calendar/plan-import';
import {
  openCalendarSession,
  type CalendarInfo,
  type CalendarSessionHandle,
  type PreviewRequest,
  type PreviewResult,
} from '@/lib/calendar/worker-client';
import {
  looksLikeCalendar,
  newSubscription,
  syncErrorMessage,
  type CalendarSubscription,
} from '@/lib/calendar/subscription';
import { maskSubscriptionUrl, parseSubscriptionUrl } from '@/lib/calendar/subscription-url';
import {
  askForCalendarHost,
  downloadForPreview,
  giveBackCalendarHost,
  nextScheduledRefresh,
  refreshNow,
  subscriptionsChanged,
} from '@/lib/browser/calendar-page';
import { DEFAULT_IMPORT_OPTIONS, type CalendarImportOptions } from '@/lib/calendar/import-options';
import type { CreativeRatioDB } from '@/lib/db';
import { deleteImport, importCalendar, type CalendarImportInfo } from '@/lib/db/calendar';
import { loadImportOptions, saveImportOptions } from '@/lib/db/import-options';
import { addSubscription, applyRefresh, removeSubscription } from '@/lib/db/subscriptions';
import type { WeekDay } from '@/lib/settings';
import { useCalendarSources } from './queries';

export type ImportSource =
  | { kind: 'file'; label: string }
  /** A subscription being added: the address (secret), its host and the first download's validators (its text is in the worker). */
  | { kind: 'address'; label: string; url: string; host: string; etag: string | null; lastModified: string | null };

export type Stage =
  | { kind: 'idle' }
  /** `done`: 0…1, the worker's progress (lib/calendar/worker-client.ts). */
  | { kind: 'reading'; label: string; done: number }
  | { kind: 'error'; label: string; message: string }
  /** `calendar`: what the worker says about the file; the calendar itself stays in the worker. */
  | { kind: 'preview'; source: ImportSource; calendar: CalendarInfo }
  | { kind: 'importing'; source: ImportSource; calendar: CalendarInfo };

export interface OwnerState {
  /** The address in the field. */
  value: string;
  /** What the file proposed (null: it does not say). */
  guess: OwnerGuess | null;
  /** Events of the file that list the address in the field (null: the worker is still looking). */
  listedIn: number | null;
  valid: boolean;
}

export interface CalendarImportState {
  /** The preview's "Count as creative…" on a series or organizer row (null until settings are read). */
  summaryRules: MeetingSummaryRules | null;
  stage: Stage;
  options: CalendarImportOptions;
  setOptions: (patch: Partial<CalendarImportOptions>) => void;
  owner: OwnerState;
  setOwner: (email: string) => void;
  name: string;
  setName: (name: string) => void;
  plan: { ok: true; plan: ImportPlan } | { ok: false; message: string } | null;
  /** An option changed and the worker is planning again: `plan` is the previous one (Import waits). */
  planning: boolean;
  weeks: WeekHours[];
  imports: CalendarImportInfo[] | undefined;
  subscriptions: CalendarSubscription[] | undefined;
  replaces: CalendarImportInfo[];
  status: { tone: 'success' | 'error'; text: string } | null;
  /** The subscriptions' Refresh now and Remove, and when the next hourly refresh is due. */
  subscriptionList: SubscriptionListState;
  pickFile: (file: File) => void;
  /** From the Subscribe click: asks for the host at once, then downloads the preview. */
  subscribe: (address: string) => void;
  confirm: () => Promise<void>;
  cancel: () => void;
  remove: (importId: string) => Promise<void>;
}

export interface SubscriptionListState {
  /** When the background's next hourly refresh is due (null: not known). */
  nextAlarm: number | null;
  /** The id of the subscription being refreshed. */
  working: string | null;
  message: { tone: 'success' | 'error'; text: string } | null;
  refresh: (sub: CalendarSubscription) => Promise<void>;
  /** Stop a subscription, delete its meetings and give its host back when no other subscription uses it. */
  remove: (sub: CalendarSubscription) => Promise<void>;
}

/** Wait this long after the last change of an option before planning again (typing in a field). */
const REPLAN_DEBOUNCE_MS = 150;

/** No meeting classification rules (a stable default, so the preview is not planned again on every render). */
const NO_MEETING_RULES: readonly MeetingClassRule[] = [];

/** What the worker plans the preview with. */
function previewRequest(
  win: ImportWindow,
  options: CalendarImportOptions,
  ownerEmail: string,
  meetingClasses: readonly MeetingClassRule[],
): PreviewRequest {
  const owner = ownerEmail.trim().toLowerCase();
  return {
    from: win.from,
    to: win.to,
    keepTitles: options.keepTitles,
    meetingWords: parseMeetingWords(options.meetingWords),
    // The field decides: the file's own suggestion is only its initial value.
    ownerEmail: isEmailAddress(owner) ? owner : '',
    countTentative: options.countTentative,
    meetingClasses,
  };
}

export function useCalendarImport(
  db: CreativeRatioDB,
  now: number,
  weekStartsOn: WeekDay,
  retentionMonths: number | null,
  meetingClasses: readonly MeetingClassRule[] = NO_MEETING_RULES,
): CalendarImportState {
  const { imports, subscriptions } = useCalendarSources(db);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [options, setOptionsState] = useState<CalendarImportOptions>(DEFAULT_IMPORT_OPTIONS);
  const [name, setName] = useState('');
  const [ownerValue, setOwnerValue] = useState('');
  const [status, setStatus] = useState<CalendarImportState['status']>(null);
  const readSeq = useRef(0);
  const nowRef = useRef(now);
  useEffect(() => {
    nowRef.current = now;
  }, [now]);
  const optionsRef = useRef(options);
  const meetingClassesRef = useRef(meetingClasses);
  useEffect(() => {
    optionsRef.current = options;
  }, [options]);
  useEffect(() => {
    meetingClassesRef.current = meetingClasses;
  }, [meetingClasses]);

  // The options are read once (moving a value left in localStorage by an older version into the
  // database); a change made before they arrive wins over them.
  const optionsChosen = useRef(false);
  useEffect(() => {
    let live = true;
    void loadImportOptions(db, typeof localStorage === 'undefined' ? undefined : localStorage)
      .then((stored) => {
        if (live && !optionsChosen.current) setOptionsState(stored);
      })
      .catch(() => undefined); // unreadable: the defaults stay
    return () => {
      live = false;
    };
  }, [db]);
  const setOptions = useCallback(
    (patch: Partial<CalendarImportOptions>) => {
      optionsChosen.current = true;
      const next = { ...optionsRef.current, ...patch };
      optionsRef.current = next;
      setOptionsState(next);
      void saveImportOptions(db, next).catch(() => undefined); // not stored: the choice holds on this page
    },
    [db],
  );

  // The window is fixed when the file is read, so the preview does not shift while the person looks at it.
  const [windowNow, setWindowNow] = useState(now);
  const calendar = stage.kind === 'preview' || stage.kind === 'importing' ? stage.calendar : null;
  const isAddress = (stage.kind === 'preview' || stage.kind === 'importing') && stage.source.kind === 'address';

  // A subscription always takes everything the feed holds (within retention); a file may be narrowed.
  const weeksBack = isAddress ? 'all' : options.weeksBack;
  const win = useMemo(
    () => importWindow(windowNow, weekStartsOn, weeksBack, retentionMonths),
    [windowNow, weekStartsOn, weeksBack, retentionMonths],
  );
  // Reading, expanding and planning run in a Web Worker (lib/calendar/worker-client.ts), never on
  // this page's main thread. The worker keeps the calendar while the preview is open; each change
  // of an option (debounced) asks it for a new plan, and an answer to an older question is dropped.
  const sessionRef = useRef<CalendarSessionHandle | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const closeSession = useCallback(() => {
    sessionRef.current?.close();
    sessionRef.current = null;
  }, []);
  useEffect(() => closeSession, [closeSession]);
  /** The worker's latest answer, for the request `key` (its owner address: `owner`). */
  const [planned, setPlanned] = useState<{ key: string; owner: string; result: PreviewResult } | null>(null);

  const ownerEmail = ownerValue.trim().toLowerCase();
  const ownerValid = isEmailAddress(ownerEmail);
  const request = useMemo(
    () => (calendar ? previewRequest(win, options, ownerValue, meetingClasses) : null),
    [calendar, win, options, ownerValue, meetingClasses],
  );
  const requestKey = request ? JSON.stringify(request) : '';
  const fresh = planned !== null && planned.key === requestKey;
  useEffect(() => {
    const session = sessionRef.current;
    if (!request || !session || fresh) return;
    let live = true;
    const timer = setTimeout(() => {
      session
        .plan(request)
        .then((result) => live && setPlanned({ key: requestKey, owner: request.ownerEmail, result }))
        .catch(() => undefined); // the session was closed
    }, REPLAN_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [request, requestKey, fresh]);

  const guess = calendar?.ownerGuess ?? null;
  // Only an answer for the address now in the field says how many events list it.
  const listedIn = !ownerValid
    ? 0
    : planned?.owner !== ownerEmail
      ? null
      : planned.result.ok
        ? planned.result.listedIn
        : 0;
  const owner = useMemo<OwnerState>(
    () => ({ value: ownerValue, guess, listedIn, valid: ownerValid }),
    [ownerValue, guess, listedIn, ownerValid],
  );

  const plan = useMemo<CalendarImportState['plan']>(() => {
    if (!calendar || !planned) return null;
    const r = planned.result;
    return r.ok ? { ok: true, plan: r.plan } : { ok: false, message: r.message };
  }, [calendar, planned]);
  const planning = calendar !== null && !fresh;

  const weeks = useMemo(
    () => (plan?.ok ? meetingHoursByWeek(plan.plan.segments, windowNow, weekStartsOn, plan.plan.covered ?? win) : []),
    [plan, windowNow, weekStartsOn, win],
  );

  const replaces = useMemo(() => {
    if (!calendar || !imports || isAddress) return [];
    const clean = cleanCalendarName(name);
    const subscribed = new Set((subscriptions ?? []).map((s) => s.importId));
    return imports.filter(
      (i) => parseImportId(i.importId) !== null && !subscribed.has(i.importId) && sameCalendarName(i.name, clean),
    );
  }, [calendar, imports, subscriptions, name, isAddress]);

  /**
   * Read a calendar's text in the worker (progress shown in the `reading` stage, Cancel aborts it)
   * for the weeks a preview of this source shows, and plan it with the options and the proposed
   * owner, so the preview opens complete; null when it was cancelled or superseded.
   */
  const readInWorker = useCallback(
    async (text: string | Blob, seq: number, weeks: typeof weeksBack) => {
      abortRef.current?.abort();
      closeSession();
      const ctrl = new AbortController();
      abortRef.current = ctrl;
      const readAt = nowRef.current;
      const w = importWindow(readAt, weekStartsOn, weeks, retentionMonths);
      const onProgress = (done: number) =>
        setStage((st) => (seq === readSeq.current && st.kind === 'reading' ? { ...st, done } : st));
      try {
        const r = await openCalendarSession(text, {
          from: w.from,
          to: w.to,
          now: readAt,
          onProgress,
          signal: ctrl.signal,
        });
        if (seq !== readSeq.current) {
          if (r.ok) r.session.close();
          return null;
        }
        if (!r.ok) return { result: r, readAt };
        const ownerProposed = r.session.info.ownerGuess?.email ?? '';
        const first = previewRequest(w, optionsRef.current, ownerProposed, meetingClassesRef.current);
        const result = await r.session.plan(first);
        if (seq !== readSeq.current || ctrl.signal.aborted) {
          r.session.close();
          return null;
        }
        sessionRef.current = r.session;
        setPlanned({ key: JSON.stringify(first), owner: first.ownerEmail, result });
        return { result: { ok: true as const, info: r.session.info }, readAt };
      } catch (err) {
        if (seq !== readSeq.current || ctrl.signal.aborted) return null;
        throw err;
      }
    },
    [weekStartsOn, retentionMonths, closeSession],
  );

  /** A calendar was read: propose its name and owner, fix the window. */
  const showPreview = useCallback((source: ImportSource, info: CalendarInfo, readAt: number, fileName?: string) => {
    setWindowNow(readAt);
    setName(suggestCalendarName(info, fileName));
    setOwnerValue(info.ownerGuess?.email ?? '');
    setStage({ kind: 'preview', source, calendar: info });
  }, []);

  const pickFile = useCallback(
    (file: File) => {
      const seq = ++readSeq.current;
      setStatus(null);
      if (file.size > MAX_ICS_CHARS) {
        setStage({
          kind: 'error',
          label: file.name,
          message: `The file is too large (${(file.size / 1024 / 1024).toFixed(1)} MB; at most ${MAX_ICS_CHARS / 1024 / 1024} MB). Export a shorter date range or a single calendar.`,
        });
        return;
      }
      setStage({ kind: 'reading', label: file.name, done: 0 });
      // The worker reads the file itself: its text is never decoded or copied on this page.
      readInWorker(file, seq, options.weeksBack)
        .then((read) => {
          if (!read) return;
          // Messages name the line or the event themselves ("Line 14: …", "The event on line 12 (UID …) …").
          if (!read.result.ok) setStage({ kind: 'error', label: file.name, message: read.result.error.message });
          else showPreview({ kind: 'file', label: file.name }, read.result.info, read.readAt, file.name);
        })
        .catch((err: unknown) => {
          if (seq !== readSeq.current) return;
          setStage({
            kind: 'error',
            label: file.name,
            message: `The file could not be read: ${err instanceof Error ? err.message : String(err)}`,
          });
        });
    },
    [showPreview, readInWorker, options.weeksBack],
  );

  const hostInUse = useCallback((host: string) => (subscriptions ?? []).some((s) => s.host === host), [subscriptions]);

  const subscribe = useCallback(
    (address: string) => {
      setStatus(null);
      const parsed = parseSubscriptionUrl(address);
      if (!parsed.ok) {
        setStage({ kind: 'error', label: 'The address', message: parsed.message });
        return;
      }
      const label = maskSubscriptionUrl(parsed.url);
      if ((subscriptions ?? []).some((s) => s.url === parsed.url)) {
        setStage({ kind: 'error', label, message: 'You are already subscribed to this calendar.' });
        return;
      }
      // Before any await: the browser only shows its prompt during the click.
      const asked = askForCalendarHost(parsed.host);
      const seq = ++readSeq.current;
      setStage({ kind: 'reading', label, done: 0 });
      void (async () => {
        const granted = await asked.catch(() => false);
        if (seq !== readSeq.current) return;
        if (!granted) {
          setStage({
            kind: 'error',
            label,
            message: `Creative Ratio needs your permission to read ${parsed.host}. Nothing was downloaded.`,
          });
          return;
        }
        const d = await downloadForPreview(parsed.url);
        if (seq !== readSeq.current) return;
        const fail = (message: string) => {
          if (!hostInUse(parsed.host)) void giveBackCalendarHost(parsed.host);
          setStage({ kind: 'error', label, message });
        };
        if (d.kind !== 'ok') {
          fail(
            d.kind === 'error'
              ? syncErrorMessage(d.error, { host: parsed.host, status: d.status, text: d.text })
              : 'The server sent no calendar.',
          );
          return;
        }
        if (!looksLikeCalendar(d.text)) {
          fail(
            syncErrorMessage('not-calendar', {
              host: parsed.host,
              text: /^\s*</.test(d.text) ? 'it returned a web page' : undefined,
            }),
          );
          return;
        }
        const read = await readInWorker(d.text, seq, 'all').catch((err: unknown) => ({
          result: { ok: false as const, error: { message: err instanceof Error ? err.message : String(err) } },
          readAt: 0,
        }));
        if (!read) return;
        if (!read.result.ok) fail(syncErrorMessage('invalid', { host: parsed.host, text: read.result.error.message }));
        else
          showPreview(
            { kind: 'address', label, url: parsed.url, host: parsed.host, etag: d.etag, lastModified: d.lastModified },
            read.result.info,
            read.readAt,
          );
      })();
    },
    [subscriptions, hostInUse, showPreview, readInWorker],
  );

  const cancel = useCallback(() => {
    abortRef.current?.abort();
    closeSession();
    setPlanned(null);
    readSeq.current++;
    if (
      (stage.kind === 'preview' || stage.kind === 'importing') &&
      stage.source.kind === 'address' &&
      !hostInUse(stage.source.host)
    ) {
      void giveBackCalendarHost(stage.source.host);
    }
    setStage({ kind: 'idle' });
    setName('');
    setOwnerValue('');
    setStatus(null);
  }, [stage, hostInUse, closeSession]);

  const confirm = useCallback(async () => {
    if (stage.kind !== 'preview' || !plan?.ok || planning) return;
    const { source, calendar: cal } = stage;
    const calendarName = cleanCalendarName(name);
    const at = Date.now();
    const importId = makeImportId(calendarName, at);
    setStage({ kind: 'importing', source, calendar: cal });
    try {
      const meetings = plan.plan.meetingCount;
      if (source.kind === 'file') {
        const r = await importCalendar(db, {
          segments: plan.plan.segments,
          meetings: plan.plan.meetings,
          importId,
          replaceSameName: true,
        });
        setStatus({
          tone: 'success',
          text: `Imported ${meetings} meeting${meetings === 1 ? '' : 's'} from “${calendarName}”.${r.replaced.length > 0 ? ' The earlier import of this calendar was replaced.' : ''}`,
        });
      } else {
        const sub = newSubscription({
          id: `sub-${at}`,
          url: source.url,
          host: source.host,
          name: calendarName,
          importId,
          createdAt: at,
          options: {
            keepTitles: options.keepTitles,
            meetingWords: parseMeetingWords(options.meetingWords),
            countTentative: options.countTentative,
            ownerEmail: ownerValid ? ownerEmail : '',
          },
        });
        // Planned in the worker too: the same refresh the background makes every hour.
        const session = sessionRef.current;
        if (!session) throw new Error('The calendar is no longer open; choose it again.');
        const p = await session.refresh(sub, { now: at, weekStartsOn, retentionMonths, meetingClasses });
        if (!p.ok) throw new Error(p.message);
        await addSubscription(db, sub);
        await applyRefresh(db, sub.id, {
          replaceFrom: p.refresh.replaceFrom,
          replaceTo: p.refresh.window.to,
          segments: p.refresh.segments,
          meetings: p.refresh.meetings,
          patch: {
            etag: source.etag,
            lastModified: source.lastModified,
            windowTo: p.refresh.window.to,
            lastAttempt: at,
            lastSuccess: at,
            lastResult: {
              meetings: p.refresh.plan.meetingCount,
              from: p.refresh.plan.covered?.from ?? p.refresh.window.from,
              to: p.refresh.plan.covered?.to ?? p.refresh.window.to,
            },
          },
        });
        await subscriptionsChanged();
        setStatus({
          tone: 'success',
          text: `Subscribed to “${calendarName}”: ${p.refresh.plan.meetingCount} meeting${p.refresh.plan.meetingCount === 1 ? '' : 's'} imported. It refreshes every hour.`,
        });
      }
      closeSession();
      setPlanned(null);
      setStage({ kind: 'idle' });
      setName('');
      setOwnerValue('');
    } catch (err) {
      setStatus({
        tone: 'error',
        text: `Nothing was imported; your data is unchanged. ${err instanceof Error ? err.message : String(err)}`,
      });
      setStage({ kind: 'preview', source, calendar: cal });
    }
  }, [
    db,
    name,
    plan,
    planning,
    stage,
    options,
    ownerValid,
    ownerEmail,
    weekStartsOn,
    retentionMonths,
    meetingClasses,
    closeSession,
  ]);

  const remove = useCallback(
    async (importId: string) => {
      const info = imports?.find((i) => i.importId === importId);
      try {
        const n = await deleteImport(db, importId);
        setStatus({
          tone: 'success',
          text: `Deleted the import “${info?.name ?? importId}” (${n} stretch${n === 1 ? '' : 'es'} of meeting time).`,
        });
      } catch (err) {
        setStatus({ tone: 'error', text: `Nothing was deleted: ${err instanceof Error ? err.message : String(err)}` });
      }
    },
    [db, imports],
  );

  const subscriptionList = useSubscriptionList(db, subscriptions);
  const summaryRules = useMeetingSummaryRules(db);

  return {
    stage,
    options,
    setOptions,
    owner,
    setOwner: setOwnerValue,
    name,
    setName,
    plan,
    planning,
    weeks,
    imports,
    subscriptions,
    replaces,
    status,
    subscriptionList,
    summaryRules,
    pickFile,
    subscribe,
    confirm,
    cancel,
    remove,
  };
}

/** When the background's next hourly refresh is due, asked again whenever a subscription was attempted. */
function useNextAlarm(subscriptions: readonly CalendarSubscription[] | undefined): number | null {
  const [next, setNext] = useState<number | null>(null);
  const key = (subscriptions ?? []).map((s) => `${s.id}:${s.lastAttempt}`).join();
  useEffect(() => {
    let live = true;
    void nextScheduledRefresh().then((t) => live && setNext(t));
    return () => {
      live = false;
    };
  }, [key]);
  return next;
}

/** Refresh now and Remove of the subscription list, with their status line. */
function useSubscriptionList(
  db: CreativeRatioDB,
  subscriptions: readonly CalendarSubscription[] | undefined,
): SubscriptionListState {
  const nextAlarm = useNextAlarm(subscriptions);
  const [working, setWorking] = useState<string | null>(null);
  const [message, setMessage] = useState<SubscriptionListState['message']>(null);

  const refresh = useCallback(async (sub: CalendarSubscription) => {
    setWorking(sub.id);
    setMessage(null);
    try {
      const [r] = await refreshNow(sub.id);
      if (r?.result === 'imported')
        setMessage({ tone: 'success', text: `“${sub.name}” refreshed: ${r.meetings ?? 0} meetings.` });
      else if (r?.result === 'unchanged')
        setMessage({ tone: 'success', text: `“${sub.name}” has not changed since the last refresh.` });
      else if (r?.result === 'error')
        setMessage({ tone: 'error', text: `“${sub.name}” could not be refreshed; its meetings are unchanged.` });
    } catch (err) {
      setMessage({
        tone: 'error',
        text: `The refresh could not start: ${err instanceof Error ? err.message : String(err)}`,
      });
    } finally {
      setWorking(null);
    }
  }, []);

  const remove = useCallback(
    async (sub: CalendarSubscription) => {
      try {
        const r = await removeSubscription(db, sub.id);
        if (r && !r.hostStillUsed) await giveBackCalendarHost(sub.host);
        await subscriptionsChanged();
        setMessage({
          tone: 'success',
          text: `Stopped “${sub.name}” and deleted its meetings (${r?.meetingsDeleted ?? 0} stretches); access to ${sub.host} was given back.`,
        });
      } catch (err) {
        setMessage({ tone: 'error', text: `Nothing was removed: ${err instanceof Error ? err.message : String(err)}` });
      }
    },
    [db],
  );

  return useMemo(
    () => ({ nextAlarm, working, message, refresh, remove }),
    [nextAlarm, working, message, refresh, remove],
  );
}
