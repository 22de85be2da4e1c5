import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import { Banner } from '@/components/Banner';
import { ImportProgress } from '@/components/calendar/ImportProgress';
import { DataTable } from '@/components/DataTable';
import { RecordList } from '@/components/RecordList';
import { useFormatters, useTimeSection } from '@/components/hooks';
import { cleanCalendarName, makeImportId, MAX_CALENDAR_NAME, parseImportId, sameCalendarName, suggestCalendarName } from '@/lib/calendar/import-id';
import { DEFAULT_WEEKS_BACK, importWindow, meetingHoursByWeek, WEEKS_BACK_CHOICES, type WeekHours } from '@/lib/calendar/import-window';
import { MAX_ICS_CHARS } from '@/lib/calendar/limits';
import type { ExpandOutcome } from '@/lib/calendar/expand-events';
import { DEFAULT_MEETING_WORDS, parseMeetingWords } from '@/lib/calendar/meeting-rules';
import type { ParsedCalendar } from '@/lib/calendar/parse-calendar';
import { planImport, type ImportPlan } from '@/lib/calendar/plan-import';
import { parseCalendarInWorker } from '@/lib/calendar/worker-client';
import type { CreativeRatioDB } from '@/lib/db';
import { deleteImport, importCalendar, listImports, type CalendarImportInfo } from '@/lib/db/calendar';
import type { WeekDay } from '@/lib/settings';
import './calendar.css';
import { readText } from './files';

// ---------- options (remembered in this browser; never the e-mail address) ----------

export interface CalendarImportOptions {
  keepTitles: boolean;
  /** The meeting-words field as typed (comma-separated). */
  meetingWords: string;
  countTentative: boolean;
  weeksBack: number;
  /** Only used while importing; never saved. */
  ownerEmail: string;
}

const OPTIONS_KEY = 'creative-ratio.calendar-import.v1';

export const DEFAULT_IMPORT_OPTIONS: CalendarImportOptions = {
  keepTitles: false,
  meetingWords: DEFAULT_MEETING_WORDS.join(', '),
  countTentative: false,
  weeksBack: DEFAULT_WEEKS_BACK,
  ownerEmail: '',
};

function loadOptions(): CalendarImportOptions {
  try {
    const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(OPTIONS_KEY);
    if (!raw) return DEFAULT_IMPORT_OPTIONS;
    const o = JSON.parse(raw) as Record<string, unknown>;
    return {
      keepTitles: typeof o.keepTitles === 'boolean' ? o.keepTitles : DEFAULT_IMPORT_OPTIONS.keepTitles,
      meetingWords: typeof o.meetingWords === 'string' ? o.meetingWords.slice(0, 4000) : DEFAULT_IMPORT_OPTIONS.meetingWords,
      countTentative: typeof o.countTentative === 'boolean' ? o.countTentative : DEFAULT_IMPORT_OPTIONS.countTentative,
      weeksBack: (WEEKS_BACK_CHOICES as readonly number[]).includes(o.weeksBack as number) ? (o.weeksBack as number) : DEFAULT_IMPORT_OPTIONS.weeksBack,
      ownerEmail: '',
    };
  } catch {
    return DEFAULT_IMPORT_OPTIONS;
  }
}

function saveOptions(o: CalendarImportOptions): void {
  try {
    const { ownerEmail: _omit, ...kept } = o;
    localStorage.setItem(OPTIONS_KEY, JSON.stringify(kept));
  } catch {
    // Storage unavailable: the options simply are not remembered.
  }
}

// ---------- the hook ----------

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string; done: number }
  | { kind: 'error'; fileName: string; message: string }
  | { kind: 'preview'; fileName: string; calendar: ParsedCalendar }
  | { kind: 'importing'; fileName: string; calendar: ParsedCalendar };

export interface CalendarImportState {
  stage: Stage;
  options: CalendarImportOptions;
  setOptions: (patch: Partial<CalendarImportOptions>) => void;
  name: string;
  setName: (name: string) => void;
  /** The plan for the file and options (null before a file is read). */
  plan: { ok: true; plan: ImportPlan } | { ok: false; message: string } | null;
  weeks: WeekHours[];
  imports: CalendarImportInfo[] | undefined;
  /** Earlier imports the new one will replace (same calendar name). */
  replaces: CalendarImportInfo[];
  status: { tone: 'success' | 'error'; text: string } | null;
  pickFile: (file: File) => void;
  confirm: () => Promise<void>;
  cancel: () => void;
  remove: (importId: string) => Promise<void>;
}

/** State and actions of the calendar import: read a file, preview, import atomically, list and delete imports. */
export function useCalendarImport(db: CreativeRatioDB, now: number, weekStartsOn: WeekDay): CalendarImportState {
  const imports = useLiveQuery(() => listImports(db), [db]);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [options, setOptionsState] = useState<CalendarImportOptions>(loadOptions);
  const [name, setName] = useState('');
  const [status, setStatus] = useState<CalendarImportState['status']>(null);
  const readSeq = useRef(0);
  const nowRef = useRef(now);
  useEffect(() => {
    nowRef.current = now;
  }, [now]);

  const setOptions = useCallback((patch: Partial<CalendarImportOptions>) => {
    setOptionsState((o) => {
      const next = { ...o, ...patch };
      saveOptions(next);
      return next;
    });
  }, []);

  // The window is fixed when the file is read, so the preview does not shift while the person looks at it.
  const [windowNow, setWindowNow] = useState(now);
  const calendar = stage.kind === 'preview' || stage.kind === 'importing' ? stage.calendar : null;

  // Expansion depends only on the file and the weeks, and runs in a Web Worker
  // (lib/calendar/worker-client.ts); the options below only re-judge it.
  const win = useMemo(() => importWindow(windowNow, weekStartsOn, options.weeksBack), [windowNow, weekStartsOn, options.weeksBack]);
  const textRef = useRef('');
  const abortRef = useRef<AbortController | null>(null);
  const [expansion, setExpansion] = useState<{ from: number; to: number; outcome: ExpandOutcome } | null>(null);
  const expanded = expansion && expansion.from === win.from && expansion.to === win.to ? expansion.outcome : null;
  useEffect(() => {
    // Other weeks chosen in the preview: expand the same file again, off the main thread.
    if (!calendar || !expansion || expanded) return;
    const ctrl = new AbortController();
    parseCalendarInWorker(textRef.current, { ...win, now: windowNow, signal: ctrl.signal })
      .then((r) => setExpansion({ ...win, outcome: r.ok ? r.expanded : r }))
      .catch(() => undefined); // cancelled
    return () => ctrl.abort();
  }, [calendar, expansion, expanded, win, windowNow]);

  const plan = useMemo<CalendarImportState['plan']>(() => {
    if (!calendar || !expanded) return null;
    const owner = options.ownerEmail.trim().toLowerCase();
    const r = planImport(
      calendar,
      {
        ...win,
        keepTitles: options.keepTitles,
        meetingWords: parseMeetingWords(options.meetingWords),
        ownerEmails: owner ? [owner] : [],
        countTentative: options.countTentative,
        importId: 'preview',
      },
      expanded,
    );
    return r.ok ? r : { ok: false, message: r.error.message };
  }, [calendar, expanded, win, options.ownerEmail, options.keepTitles, options.meetingWords, options.countTentative]);

  const weeks = useMemo(() => (plan?.ok ? meetingHoursByWeek(plan.plan.segments, windowNow, weekStartsOn) : []), [plan, windowNow, weekStartsOn]);

  const replaces = useMemo(() => {
    if (!calendar || !imports) return [];
    const clean = cleanCalendarName(name);
    return imports.filter((i) => parseImportId(i.importId) !== null && sameCalendarName(i.name, clean));
  }, [calendar, imports, name]);

  const pickFile = useCallback(
    (file: File) => {
      const seq = ++readSeq.current;
      setStatus(null);
      if (file.size > MAX_ICS_CHARS) {
        setStage({ kind: 'error', fileName: file.name, message: `The file is too large (${(file.size / 1024 / 1024).toFixed(1)} MB; at most ${MAX_ICS_CHARS / 1024 / 1024} MB). Export a shorter date range or a single calendar.` });
        return;
      }
      setStage({ kind: 'reading', fileName: file.name, done: 0 });
      abortRef.current?.abort();
      const ctrl = new AbortController();
      abortRef.current = ctrl;
      const readAt = nowRef.current;
      const w = importWindow(readAt, weekStartsOn, options.weeksBack);
      readText(file)
        .then(async (text) => {
          if (seq !== readSeq.current) return;
          const onProgress = (done: number) => setStage((s) => (seq === readSeq.current && s.kind === 'reading' ? { ...s, done } : s));
          const parsed = await parseCalendarInWorker(text, { ...w, now: readAt, onProgress, signal: ctrl.signal });
          if (seq !== readSeq.current) return;
          if (!parsed.ok) {
            // Messages name the line or the event themselves ("Line 14: …", "The event on line 12 (UID …) …").
            setStage({ kind: 'error', fileName: file.name, message: parsed.error.message });
            return;
          }
          textRef.current = text;
          setWindowNow(readAt);
          setExpansion({ ...w, outcome: parsed.expanded });
          setName(suggestCalendarName(parsed.calendar, file.name));
          setStage({ kind: 'preview', fileName: file.name, calendar: parsed.calendar });
        })
        .catch((err: unknown) => {
          if (seq !== readSeq.current || ctrl.signal.aborted) return;
          setStage({ kind: 'error', fileName: file.name, message: `The file could not be read: ${err instanceof Error ? err.message : String(err)}` });
        });
    },
    [weekStartsOn, options.weeksBack],
  );

  const cancel = useCallback(() => {
    abortRef.current?.abort();
    readSeq.current++;
    setStage({ kind: 'idle' });
    setName('');
    setStatus(null);
  }, []);

  const confirm = useCallback(async () => {
    if (stage.kind !== 'preview' || !plan?.ok) return;
    const calendarName = cleanCalendarName(name);
    const importId = makeImportId(calendarName, Date.now());
    setStage({ kind: 'importing', fileName: stage.fileName, calendar: stage.calendar });
    try {
      const r = await importCalendar(db, { segments: plan.plan.segments, importId, replaceSameName: true });
      const meetings = plan.plan.meetingCount;
      setStatus({
        tone: 'success',
        text: `Imported ${meetings} meeting${meetings === 1 ? '' : 's'} from “${calendarName}”.${r.replaced.length > 0 ? ' The earlier import of this calendar was replaced.' : ''}`,
      });
      setStage({ kind: 'idle' });
      setName('');
    } catch (err) {
      setStatus({ tone: 'error', text: `Nothing was imported; your data is unchanged. ${err instanceof Error ? err.message : String(err)}` });
      setStage({ kind: 'preview', fileName: stage.fileName, calendar: stage.calendar });
    }
  }, [db, name, plan, stage]);

  const remove = useCallback(
    async (importId: string) => {
      const info = imports?.find((i) => i.importId === importId);
      try {
        const n = await deleteImport(db, importId);
        setStatus({ tone: 'success', text: `Deleted the import “${info?.name ?? importId}” (${n} stretch${n === 1 ? '' : 'es'} of meeting time).` });
      } catch (err) {
        setStatus({ tone: 'error', text: `Nothing was deleted: ${err instanceof Error ? err.message : String(err)}` });
      }
    },
    [db, imports],
  );

  return { stage, options, setOptions, name, setName, plan, weeks, imports, replaces, status, pickFile, confirm, cancel, remove };
}

// ---------- the component ----------

export interface CalendarImportProps {
  /** Defaults to the extension's database. */
  db?: CreativeRatioDB;
  /** Defaults to the current time (refreshed). */
  now?: number;
  /** Defaults to the person's setting, else the locale's. */
  weekStartsOn?: WeekDay;
}

/**
 * Import meetings from an .ics file (Google Calendar, Outlook, Apple Calendar): pick or drop a
 * file, choose options, read the preview, import; list and delete earlier imports.
 * Mount inside a card that has its own heading (e.g. Settings → "Calendar").
 */
export function CalendarImport({ db: dbProp, now: nowProp, weekStartsOn: weekProp }: CalendarImportProps) {
  const { db, now, weekStartsOn } = useTimeSection({ db: dbProp, now: nowProp, weekStartsOn: weekProp });
  const s = useCalendarImport(db, now, weekStartsOn);
  return <CalendarImportView state={s} />;
}

function rangeText(start: number, end: number, date: (t: number) => string): string {
  return `${date(start)} – ${date(end - 1)}`;
}

function weekLabel(w: WeekHours, date: (t: number) => string): string {
  if (w.relation === 'current') return `This week (${date(w.start)})`;
  if (w.relation === 'next') return `Next week (${date(w.start)})`;
  return `Week of ${date(w.start)}`;
}

/** The presentational part, driven entirely by the hook's state. */
export function CalendarImportView({ state: s }: { state: CalendarImportState }) {
  const fmt = useFormatters();
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const busy = s.stage.kind === 'reading' || s.stage.kind === 'importing';
  const wordsCount = parseMeetingWords(s.options.meetingWords).length;

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer?.files?.[0];
    if (file && !busy) s.pickFile(file);
  };

  return (
    <div className="stack calendar-import" data-testid="calendar-import">
      <p className="muted">
        Meetings outside the browser (phone, meeting rooms, desktop apps) count once you import your calendar. Only meeting times are kept — never
        attendees, descriptions, places or links.
      </p>

      <div
        className="cal-dropzone"
        data-dragging={dragging ? 'true' : undefined}
        onDragEnter={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragOver={(e) => e.preventDefault()}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="calendar-dropzone"
      >
        <div className="field">
          <label htmlFor={`${id}-file`}>Calendar file (.ics)</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".ics,.ical,.icalendar,text/calendar"
            disabled={busy}
            aria-describedby={`${id}-file-help`}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) s.pickFile(file);
              e.target.value = '';
            }}
            data-testid="calendar-file"
          />
          <span id={`${id}-file-help`} className="field-help">
            Or drop the file here. Export it from Google Calendar, Outlook or Apple Calendar (Settings → Calendar help explains how).
          </span>
        </div>
      </div>

      <div role="status" aria-live="polite" className="cal-status" data-testid="calendar-status">
        {s.stage.kind === 'reading' ? <ImportProgress fileName={s.stage.fileName} done={s.stage.done} onCancel={s.cancel} /> : null}
        {s.stage.kind === 'importing' ? 'Importing…' : null}
        {s.status ? <Banner tone={s.status.tone} live={false}>{s.status.text}</Banner> : null}
      </div>

      {s.stage.kind === 'error' ? (
        <Banner tone="error" title={`${s.stage.fileName} could not be imported.`}>
          {s.stage.message}
        </Banner>
      ) : null}

      {s.stage.kind === 'preview' || s.stage.kind === 'importing' ? (
        <section className="stack cal-preview" aria-labelledby={`${id}-preview`} data-testid="calendar-preview">
          <h3 id={`${id}-preview`}>Preview of {s.stage.fileName}</h3>

          <div className="settings-grid">
            <div className="field">
              <label htmlFor={`${id}-name`}>Calendar name</label>
              <input
                id={`${id}-name`}
                type="text"
                value={s.name}
                maxLength={MAX_CALENDAR_NAME}
                onChange={(e) => s.setName(e.target.value)}
                aria-describedby={`${id}-name-help`}
                data-testid="calendar-name"
              />
              <span id={`${id}-name-help`} className="field-help">
                {s.replaces.length > 0
                  ? `Replaces the import of ${fmt.date(s.replaces[0]!.importedAt ?? s.replaces[0]!.start)} (${s.replaces.reduce((n, i) => n + i.count, 0)} stretches).`
                  : 'Importing a calendar of the same name again replaces the earlier import.'}
              </span>
            </div>
            <div className="field field-fit">
              <label htmlFor={`${id}-range`}>Import meetings from</label>
              <select id={`${id}-range`} value={s.options.weeksBack} onChange={(e) => s.setOptions({ weeksBack: Number(e.target.value) })}>
                {WEEKS_BACK_CHOICES.map((w) => (
                  <option key={w} value={w}>
                    the last {w} weeks and next week
                  </option>
                ))}
              </select>
            </div>
          </div>

          <fieldset className="stack" style={{ gap: 8 }}>
            <legend>Options</legend>
            <label className="check">
              <input type="checkbox" checked={s.options.keepTitles} onChange={(e) => s.setOptions({ keepTitles: e.target.checked })} data-testid="keep-titles" />
              Keep event titles
            </label>
            <span className="field-help">Off: every meeting is labelled “Meeting”. Titles stay on this computer, but they can be sensitive.</span>
            <label className="check">
              <input type="checkbox" checked={s.options.countTentative} onChange={(e) => s.setOptions({ countTentative: e.target.checked })} />
              Count tentative meetings
            </label>
            <div className="field">
              <label htmlFor={`${id}-words`}>Meeting words</label>
              <input
                id={`${id}-words`}
                type="text"
                value={s.options.meetingWords}
                onChange={(e) => s.setOptions({ meetingWords: e.target.value })}
                aria-describedby={`${id}-words-help`}
                data-testid="meeting-words"
              />
              <span id={`${id}-words-help`} className="field-help">
                An event with only you in it counts as a meeting when its title has one of these words ({wordsCount}, separated by commas). Events with two or more people always count.{' '}
                <button type="button" className="btn btn-ghost btn-sm" onClick={() => s.setOptions({ meetingWords: DEFAULT_IMPORT_OPTIONS.meetingWords })}>
                  Restore the defaults
                </button>
              </span>
            </div>
            <div className="field">
              <label htmlFor={`${id}-owner`}>Your e-mail address (optional)</label>
              <input
                id={`${id}-owner`}
                type="text"
                inputMode="email"
                autoComplete="email"
                value={s.options.ownerEmail}
                onChange={(e) => s.setOptions({ ownerEmail: e.target.value })}
                aria-describedby={`${id}-owner-help`}
              />
              <span id={`${id}-owner-help`} className="field-help">
                Only used now, to skip invitations you declined; never saved.
                {s.plan?.ok && s.plan.plan.ownerKnown && !s.options.ownerEmail ? ' This file already says whose calendar it is.' : ''}
              </span>
            </div>
          </fieldset>

          {s.plan && !s.plan.ok ? (
            <Banner tone="error" title="This calendar cannot be imported.">
              {s.plan.message}
            </Banner>
          ) : null}

          {s.plan?.ok ? <PlanSummary plan={s.plan.plan} weeks={s.weeks} /> : null}

          <div className="row">
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void s.confirm()}
              disabled={busy || !s.plan?.ok || s.plan.plan.segments.length === 0}
              data-testid="calendar-import-button"
            >
              {s.plan?.ok ? `Import ${s.plan.plan.meetingCount} meeting${s.plan.plan.meetingCount === 1 ? '' : 's'}` : 'Import'}
            </button>
            <button type="button" className="btn" onClick={s.cancel} disabled={s.stage.kind === 'importing'}>
              Cancel
            </button>
            {s.plan?.ok && s.plan.plan.segments.length === 0 ? <span className="subtle">No meetings in the chosen weeks: nothing to import.</span> : null}
          </div>
        </section>
      ) : null}

      <RecordList
        title="Imported calendars"
        items={s.imports}
        itemKey={(i) => i.importId}
        empty="No calendar imported yet."
        renderItem={(i) => (
          <div className="stack" style={{ gap: 2, flex: 1, minWidth: 200 }}>
            <strong>{i.name}</strong>
            <span className="subtle">
              {rangeText(i.start, i.end, fmt.date)} · {i.count} stretch{i.count === 1 ? '' : 'es'} of meeting time
              {i.importedAt !== null ? ` · imported ${fmt.date(i.importedAt)}, ${fmt.clock(i.importedAt)}` : ''}
            </span>
          </div>
        )}
        deleteLabel={(i) => `Delete the import ${i.name}`}
        confirmLabel={(i) => `Delete ${i.name}?`}
        confirmText="Delete these meetings?"
        onDelete={(i) => void s.remove(i.importId)}
        testId="calendar-imports"
        rowTestId="calendar-import-row"
        rowData={(i) => ({ 'data-import-id': i.importId })}
      />
    </div>
  );
}

/** Counts, hours per week, what was skipped and why, and lines that could not be read. */
export function PlanSummary({ plan, weeks }: { plan: ImportPlan; weeks: WeekHours[] }) {
  const fmt = useFormatters();
  return (
    <div className="stack" data-testid="calendar-plan">
      <p className="cal-summary">
        <strong data-testid="calendar-meeting-count">
          {plan.meetingCount} meeting{plan.meetingCount === 1 ? '' : 's'}
        </strong>{' '}
        · {fmt.hours(plan.meetingMs)} between {rangeText(plan.from, plan.to, fmt.date)}
        {plan.overlapping > 0 ? ` · ${plan.overlapping} overlapping meetings merged (their time counts once)` : ''}
      </p>

      <DataTable
        caption="Meeting hours per week"
        columns={[
          { key: 'week', header: 'Week', rowHeader: true, render: (w: WeekHours) => weekLabel(w, fmt.date) },
          { key: 'hours', header: 'Meetings', numeric: true, render: (w: WeekHours) => fmt.hours(w.ms) },
        ]}
        rows={weeks}
        rowKey={(w) => w.key}
        testId="calendar-weeks"
      />

      {plan.skipped.length > 0 ? (
        <div className="stack" style={{ gap: 6 }}>
          <h4>Not counted</h4>
          <ul className="cal-skipped" data-testid="calendar-skipped">
            {plan.skipped.map((g) => (
              <li key={g.reason}>
                <strong>
                  {g.label}: {g.count}
                </strong>{' '}
                <span className="muted">— {g.why}</span>
                {g.examples.length > 0 ? <span className="subtle"> (e.g. {g.examples.map((e) => `“${e}”`).join(', ')})</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {plan.problems.length > 0 ? (
        <details className="table-toggle" data-testid="calendar-problems">
          <summary>
            {plan.problems.length} note{plan.problems.length === 1 ? '' : 's'} about the file
          </summary>
          <ul className="cal-problems">
            {plan.problems.slice(0, 50).map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
            {plan.problems.length > 50 ? <li>…and {plan.problems.length - 50} more.</li> : null}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
