/**
 * The plan-and-protect loop on the weekly review (issue #15 §4):
 * - IntentCarry: last week's "next week I will…", at the top of this week's review.
 * - PlanVsActual: this week's focus blocks against what happened.
 * - NextWeekPlan: the intent for next week, and focus blocks for next week — suggested from the
 *   person's own weeks, edited in a table (keyboard: every control is a form field), drawn on a
 *   week grid (a picture of the table, hidden from screen readers), downloaded as an .ics file.
 */
import { useId, useMemo, useState } from 'react';
import { localZone, type PlanData } from '@/components/data/plan';
import { downloadText } from '@/components/files';
import { useAutosavedText } from '@/components/use-autosave';
import { getDb, savePlanBlocks, savePlanIntent } from '@/lib/db';
import { summarizePlan, type BlockStatus } from '@/lib/plan/actual';
import { blockProblems, dayAndMinute, firstFreeSlot, placeBlock, PROBLEM_TEXT } from '@/lib/plan/edit';
import { planFileName, planToIcs } from '@/lib/plan/ics';
import { blockTitle, FOCUS_KINDS, sortBlocks, type Busy, type FocusKind, type PlanBlock } from '@/lib/plan/types';
import type { Settings, WeekDay } from '@/lib/settings';
import type { Zone } from '@/lib/calendar/time-zones';
import { weekBounds, type WeekKey } from '@/lib/time/week';
import './FocusPlan.css';

const MIN = 60_000;
const LENGTHS = [30, 45, 60, 75, 90, 105, 120, 150, 180];

// ---------- formatting ----------

function useBlockFormat(locale: string) {
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' });
    const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
    return {
      day: (t: number) => day.format(t),
      time: (t: number) => time.format(t),
      span: (b: { start: number; end: number }) =>
        `${day.format(b.start)}, ${time.format(b.start)}–${time.format(b.end)}`,
    };
  }, [locale]);
}

function minutesText(ms: number): string {
  const m = Math.round(ms / MIN);
  return m >= 60 ? `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}` : `${m} min`;
}

const KIND_LABEL: Record<FocusKind, string> = {
  focus: 'Deep work',
  writing: 'Writing',
  design: 'Design',
  research: 'Research',
  building: 'Building',
  ai: 'AI work',
};

// ---------- last week's intent ----------

export function IntentCarry({ intent }: { intent: string }) {
  if (!intent.trim()) return null;
  return (
    <section className="card plan-intent" aria-labelledby="intent-carry-title" data-testid="intent-carry">
      <h2 id="intent-carry-title" className="small muted">
        Last week you wrote: next week I will…
      </h2>
      <blockquote>{intent}</blockquote>
    </section>
  );
}

// ---------- plan vs actual ----------

const STATUS_TEXT: Record<BlockStatus, string> = {
  kept: 'Kept',
  partly: 'Partly kept',
  broken: 'Broken',
  upcoming: 'Still to come',
  'in-progress': 'Under way',
};

export function PlanVsActual({ data, locale }: { data: PlanData; locale: string }) {
  const f = useBlockFormat(locale);
  if (data.thisPlan.length === 0) return null;
  const summary = summarizePlan(data.outcomes, locale);
  return (
    <section className="card" aria-labelledby="pva-title" data-testid="plan-actual">
      <div className="card-head">
        <h2 id="pva-title">Your focus plan against what happened</h2>
        <p data-testid="plan-actual-summary">{summary.sentence}</p>
      </div>
      <div className="table-scroll">
        <table className="data" data-testid="plan-actual-table">
          <caption>Each planned block: kept when at least 70 % of it was creative, partly kept from 30 %.</caption>
          <thead>
            <tr>
              <th scope="col">Block</th>
              <th scope="col">Outcome</th>
              <th scope="col" className="num">
                Creative
              </th>
              <th scope="col">What took the rest</th>
            </tr>
          </thead>
          <tbody>
            {data.outcomes.map((o) => (
              <tr key={o.block.id} data-status={o.status}>
                <th scope="row">
                  {f.span(o.block)}
                  <div className="subtle">{blockTitle(o.block.kind)}</div>
                </th>
                <td>
                  <span className="plan-status" data-status={o.status}>
                    {STATUS_TEXT[o.status]}
                  </span>
                </td>
                <td className="num">
                  {o.status === 'upcoming' ? '–' : `${minutesText(o.creativeMs)} of ${minutesText(o.lengthMs)}`}
                </td>
                <td>
                  {o.breakers.length === 0
                    ? o.status === 'upcoming'
                      ? ''
                      : 'Nothing'
                    : o.breakers
                        .map(
                          (b) =>
                            `${b.label}${b.tools.length && b.key !== 'untracked' ? ` (${b.tools.slice(0, 2).join(', ')})` : ''} ${minutesText(b.ms)}`,
                        )
                        .join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

// ---------- next week: intent, plan, export ----------

function IntentField({ week, initial }: { week: WeekKey; initial: string }) {
  const id = useId();
  const { text, status, saver, edit } = useAutosavedText((t) => savePlanIntent(getDb(), week, t, Date.now()), initial);
  const state =
    status.kind === 'pending'
      ? 'Not saved yet…'
      : status.kind === 'saving'
        ? 'Saving…'
        : status.kind === 'saved'
          ? 'Saved'
          : status.kind === 'error'
            ? `Not saved: ${status.message}`
            : '';
  return (
    <div className="stack gap-6">
      <label htmlFor={id} className="semibold">
        Next week I will…
      </label>
      <input
        id={id}
        type="text"
        maxLength={2000}
        value={text}
        placeholder="e.g. finish the launch brief before Wednesday's review"
        onChange={(e) => edit(e.target.value)}
        onBlur={() => void saver.flush()}
        data-testid="intent"
      />
      <span className="subtle" role="status" aria-live="polite" data-testid="intent-status">
        {state || 'Shown at the top of next week’s review.'}
      </span>
    </div>
  );
}

export function NextWeekPlan({
  data,
  settings,
  locale,
  now,
}: {
  data: PlanData;
  settings: Settings;
  locale: string;
  now: number;
}) {
  const db = getDb();
  const zone = useMemo(localZone, []);
  const f = useBlockFormat(locale);
  const [undo, setUndo] = useState<PlanBlock[] | null>(null);
  const [message, setMessage] = useState('');
  const blocks = data.nextPlan ?? [];
  const opts = { week: data.next, zone, workingHours: settings.workingHours, now };
  const problems = blockProblems(blocks, data.nextMeetings, opts);
  const days = weekBounds(data.next).days.map(
    (_, i) => placeBlock({ id: '', start: 0, end: 0, kind: 'focus' }, data.next, zone, i, 12 * 60).start,
  );
  const total = blocks.reduce((s, b) => s + b.end - b.start, 0);

  const save = async (next: PlanBlock[], note: string) => {
    await savePlanBlocks(db, data.next, next, Date.now());
    setMessage(note);
  };
  const suggest = async () => {
    const s = data.suggest();
    setUndo(blocks);
    await save(
      s,
      s.length
        ? `Suggested ${s.length} focus ${s.length === 1 ? 'block' : 'blocks'}.`
        : 'No free time for a focus block in your working hours next week.',
    );
  };
  const update = (b: PlanBlock, patch: Partial<{ day: number; minute: number; length: number; kind: FocusKind }>) => {
    const at = dayAndMinute(b.start, data.next, zone);
    let moved = placeBlock(b, data.next, zone, patch.day ?? at.day, patch.minute ?? at.minute, patch.length);
    if (patch.kind) moved = { ...moved, kind: patch.kind };
    setUndo(null);
    void save(
      blocks.map((x) => (x.id === b.id ? moved : x)),
      `Block moved to ${f.span(moved)}.`,
    );
  };
  const add = () => {
    const slot = firstFreeSlot(blocks, data.nextMeetings, opts);
    if (!slot) {
      setMessage('No free 90 minutes left in your working hours next week.');
      return;
    }
    const b: PlanBlock = { id: `focus-${crypto.randomUUID()}`, ...slot, kind: 'focus' };
    setUndo(null);
    void save([...blocks, b], `Added a block on ${f.span(b)}.`);
  };
  const remove = (b: PlanBlock) => {
    setUndo(blocks);
    void save(
      blocks.filter((x) => x.id !== b.id),
      `Removed the block on ${f.span(b)}.`,
    );
  };
  const download = () => {
    downloadText(
      planToIcs(blocks, { now: Date.now(), calendarName: 'Focus plan' }),
      planFileName(data.next),
      'text/calendar',
    );
    setMessage(`Downloaded ${planFileName(data.next)}: import it in Google Calendar, Outlook or Apple Calendar.`);
  };

  return (
    <section className="card stack gap-14" aria-labelledby="plan-title" data-testid="plan">
      <div className="card-head flush">
        <h2 id="plan-title">Plan next week</h2>
        <p>
          Focus blocks for the week of {f.day(days[0]!)}, in the hours you are most creative and around your meetings.
          Edit them, then add them to your calendar.
        </p>
      </div>
      <IntentField key={data.next} week={data.next} initial={data.nextIntent} />
      <div className="row">
        <button
          type="button"
          className={blocks.length ? 'btn' : 'btn btn-primary'}
          onClick={() => void suggest()}
          data-testid="plan-suggest"
        >
          {blocks.length ? 'Suggest again' : 'Suggest focus blocks'}
        </button>
        <button type="button" className="btn" onClick={add} data-testid="plan-add">
          Add a block
        </button>
        {undo ? (
          <button
            type="button"
            className="btn"
            onClick={() => {
              void save(undo, 'Undone.');
              setUndo(null);
            }}
            data-testid="plan-undo"
          >
            Undo
          </button>
        ) : null}
        <span className="spacer" />
        <button
          type="button"
          className="btn btn-primary"
          onClick={download}
          disabled={blocks.length === 0}
          data-testid="plan-download"
        >
          Download .ics
        </button>
      </div>
      <p className="subtle plan-message" role="status" aria-live="polite" data-testid="plan-message">
        {message}
      </p>
      {blocks.length === 0 ? (
        <p className="muted" data-testid="plan-empty">
          No focus blocks planned yet.{' '}
          {data.fromHistory
            ? 'Suggestions follow the hours your past weeks were most creative.'
            : 'With no creative time recorded yet, suggestions start in the mornings.'}
        </p>
      ) : (
        <>
          <p className="small" data-testid="plan-total">
            {blocks.length} {blocks.length === 1 ? 'block' : 'blocks'}, {minutesText(total)} of protected time
            {data.nextMeetings.length
              ? `, around ${data.nextMeetings.length} ${data.nextMeetings.length === 1 ? 'meeting' : 'meetings'}`
              : ''}
            .{' '}
            <span className="plan-legend" aria-hidden="true">
              <i className="plan-block-swatch" /> focus block <i className="plan-meeting-swatch" /> meeting (known or
              recurring)
            </span>
          </p>
          <WeekGrid
            blocks={blocks}
            meetings={data.nextMeetings}
            days={days}
            settings={settings}
            zone={zone}
            week={data.next}
            format={f}
          />
          <div className="table-scroll">
            <table className="data plan-table" data-testid="plan-table">
              <caption>
                Next week's focus blocks. Change a day, time, length or kind; changes are saved at once.
              </caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Start</th>
                  <th scope="col">Length</th>
                  <th scope="col">For</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions and warnings</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {sortBlocks(blocks).map((b) => {
                  const at = dayAndMinute(b.start, data.next, zone);
                  const len = Math.round((b.end - b.start) / MIN);
                  const label = f.span(b);
                  const issues = problems.get(b.id);
                  const hhmm = `${String(Math.floor(at.minute / 60)).padStart(2, '0')}:${String(at.minute % 60).padStart(2, '0')}`;
                  return (
                    <tr key={b.id} data-testid="plan-row" data-block={b.id}>
                      <td>
                        <select
                          aria-label={`Day of the block ${label}`}
                          value={at.day}
                          onChange={(e) => update(b, { day: Number(e.target.value) })}
                          data-testid="plan-day"
                        >
                          {days.map((d, i) => (
                            <option key={i} value={i}>
                              {f.day(d)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <input
                          type="time"
                          step={900}
                          aria-label={`Start of the block ${label}`}
                          defaultValue={hhmm}
                          key={`${b.id}-${hhmm}`}
                          onBlur={(e) => {
                            const m = /^(\d{2}):(\d{2})/.exec(e.target.value);
                            if (m) {
                              const minute = Number(m[1]) * 60 + Number(m[2]);
                              if (minute !== at.minute) update(b, { minute });
                            }
                          }}
                          onKeyDown={(e) => {
                            if (e.key === 'Enter') e.currentTarget.blur();
                          }}
                          data-testid="plan-start"
                        />
                      </td>
                      <td>
                        <select
                          aria-label={`Length of the block ${label}`}
                          value={len}
                          onChange={(e) => update(b, { length: Number(e.target.value) })}
                          data-testid="plan-length"
                        >
                          {[...new Set([...LENGTHS, len])]
                            .sort((x, y) => x - y)
                            .map((m) => (
                              <option key={m} value={m}>
                                {minutesText(m * MIN)}
                              </option>
                            ))}
                        </select>
                      </td>
                      <td>
                        <select
                          aria-label={`What the block ${label} is for`}
                          value={b.kind}
                          onChange={(e) => update(b, { kind: e.target.value as FocusKind })}
                          data-testid="plan-kind"
                        >
                          {FOCUS_KINDS.map((k) => (
                            <option key={k} value={k}>
                              {KIND_LABEL[k]}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <div className="row">
                          <button
                            type="button"
                            className="btn btn-sm"
                            aria-label={`Remove the block ${label}`}
                            onClick={() => remove(b)}
                            data-testid="plan-remove"
                          >
                            Remove
                          </button>
                          {issues ? (
                            <span className="plan-warning" data-testid="plan-warning">
                              {issues.map((p) => PROBLEM_TEXT[p]).join('; ')}
                            </span>
                          ) : null}
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="subtle">
            The .ics file holds only these blocks (title, start, end, shown as busy), in UTC so every calendar places
            them at your local time. Importing it again after changes updates the same events in calendars that keep
            event IDs (Apple, Outlook); Google may add them again.
          </p>
        </>
      )}
    </section>
  );
}

/** A picture of the plan: one column per day, the working hours top to bottom, meetings and blocks. The table is its accessible form. */
function WeekGrid({
  blocks,
  meetings,
  days,
  settings,
  zone,
  week,
  format,
}: {
  blocks: readonly PlanBlock[];
  meetings: readonly Busy[];
  days: number[];
  settings: Settings;
  zone: Zone;
  week: WeekKey;
  format: ReturnType<typeof useBlockFormat>;
}) {
  const minuteOf = (t: number) => dayAndMinute(t, week, zone);
  let lo = settings.workingHours.startMinute;
  let hi = settings.workingHours.endMinute;
  for (const b of blocks) {
    const s = minuteOf(b.start);
    const e = minuteOf(b.end);
    lo = Math.min(lo, s.minute);
    hi = Math.max(hi, e.day > s.day ? 24 * 60 : e.minute);
  }
  lo = Math.floor(lo / 60) * 60;
  hi = Math.ceil(hi / 60) * 60;
  const span = Math.max(60, hi - lo);
  const place = (x: Busy, day: number) => {
    const s = minuteOf(x.start);
    const e = minuteOf(x.end);
    if (s.day !== day && e.day !== day) return null;
    const from = s.day === day ? s.minute : 0;
    const to = e.day === day ? e.minute : 24 * 60;
    const top = Math.max(0, (from - lo) / span);
    const bottom = Math.min(1, (to - lo) / span);
    if (bottom <= top) return null;
    return { top: `${top * 100}%`, height: `${(bottom - top) * 100}%` };
  };
  const hours: number[] = [];
  for (let m = lo; m <= hi; m += 60) hours.push(m);
  return (
    <div className="plan-grid" aria-hidden="true" data-testid="plan-grid">
      <div className="plan-hours">
        {hours.map((m) => (
          <span key={m} style={{ top: `${((m - lo) / span) * 100}%` }}>
            {String(m / 60).padStart(2, '0')}
          </span>
        ))}
      </div>
      {days.map((d, i) => {
        const working = settings.workingHours.days.includes(new Date(d).getDay() as WeekDay);
        return (
          <div key={i} className="plan-day" data-working={working ? 'true' : 'false'}>
            <div className="plan-day-name">{format.day(d)}</div>
            <div className="plan-day-body">
              {meetings.map((m, k) => {
                const s = place(m, i);
                return s ? <div key={`m${k}`} className="plan-meeting" style={s} title="Meeting" /> : null;
              })}
              {blocks.map((b) => {
                const s = place(b, i);
                return s ? (
                  <div key={b.id} className="plan-block" style={s} title={`${blockTitle(b.kind)}, ${format.span(b)}`}>
                    <span>{format.time(b.start)}</span>
                  </div>
                ) : null;
              })}
            </div>
          </div>
        );
      })}
    </div>
  );
}
