import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { SegmentOverride } from '@/lib/model';
import {
  overrideOptions,
  overrideValue,
  parseOverrideValue,
  stripBars,
  stripWindow,
  type Session,
} from '@/lib/ui/timeline';
import { formatDayLabel, formatLongDay } from '@/lib/ui/week';
import { KINDS } from '@/lib/classify/kinds';
import { ClassBadge, CLASS_LABEL } from './ClassLegend';
import { guessSentence } from '@/lib/ui/guess';
import { useNearViewport } from './use-near-viewport';
import './DayTimeline.css';

export interface DayTimelineProps {
  days: readonly string[];
  /** Days that have tracked time (others are still selectable). */
  activeDays: ReadonlySet<string>;
  day: string;
  onDay: (day: string) => void;
  dayStart: number;
  dayEnd: number;
  /** The day's sessions; called only once the card is near the viewport (it may be long). */
  sessions: () => readonly Session[];
  locale: string;
  formatClock: (t: number) => string;
  formatDuration: (ms: number) => string;
  onOverride: (session: Session, override: SegmentOverride | null) => void;
  /** Confirm a session's guess from the address (a rule, so every such session counts firmly). */
  onConfirmGuess?: (session: Session) => void;
  /** A calendar meeting with a kept title: count every meeting with this title as this session counts now (a meeting rule). */
  onMeetingRule?: (session: Session, title: string) => void;
  /** The day's calendar meetings, one by one, with "I skipped this one" (components/calendar/DayMeetings.tsx). */
  meetings?: ReactNode;
  busy: boolean;
}

/** The title a meeting rule can be made from: a kept title of one meeting (not the default label, not "A + B"). */
export function meetingRuleTitle(s: Pick<Session, 'source' | 'label'>): string | null {
  if (s.source !== 'calendar' || !s.label || s.label === 'Meeting' || s.label.includes(' + ')) return null;
  return s.label.replace(/…$/, '').trim() || null;
}

const SHORT_MS = 60_000;

const NO_SESSIONS: readonly Session[] = [];

/**
 * A day's sessions on a strip and in a table, where each session's class can be overridden.
 * The strip and the table (hundreds of rows on a busy day) are built only once the card is near the
 * viewport; the heading and the day buttons are there from the start.
 */
export function DayTimeline(props: DayTimelineProps) {
  const {
    days,
    activeDays,
    day,
    onDay,
    dayStart,
    dayEnd,
    locale,
    formatClock,
    formatDuration,
    onOverride,
    onConfirmGuess,
    onMeetingRule,
    busy,
  } = props;
  const ref = useRef<HTMLElement | null>(null);
  const near = useNearViewport(ref);
  const sessionsOf = props.sessions;
  const sessions = useMemo(() => (near ? sessionsOf() : NO_SESSIONS), [near, sessionsOf]);
  const [showShort, setShowShort] = useState(false);
  const { from, to } = useMemo(() => stripWindow(sessions, dayStart, dayEnd), [sessions, dayStart, dayEnd]);
  const bars = useMemo(() => stripBars(sessions, from, to), [sessions, from, to]);
  const visible = showShort ? sessions : sessions.filter((s) => s.ms >= SHORT_MS || s.override);
  const hidden = sessions.length - visible.length;
  const groups = useMemo(() => overrideOptions(), []);
  const ticks = useMemo(() => {
    const out: number[] = [];
    const n = 4;
    for (let i = 0; i <= n; i += 1) out.push(from + ((to - from) * i) / n);
    return out;
  }, [from, to]);

  return (
    <section className="card" aria-labelledby="timeline-title" data-testid="timeline" ref={ref}>
      <div className="card-head">
        <h2 id="timeline-title">Day by day</h2>
        <p>
          Was a session something else — a Slack huddle that was really a brainstorm? Change it here; only that session
          changes.
        </p>
      </div>
      <div className="day-tabs" role="group" aria-label="Choose a day">
        {days.map((d) => (
          <button
            key={d}
            type="button"
            className="btn btn-sm"
            aria-pressed={d === day}
            onClick={() => onDay(d)}
            disabled={!activeDays.has(d) && d !== day}
          >
            {formatDayLabel(d, locale)}
          </button>
        ))}
      </div>
      <h3 className="day-title">{formatLongDay(day, locale)}</h3>
      {!near ? (
        <p className="muted day-loading">Loading the day’s sessions…</p>
      ) : sessions.length === 0 ? (
        <p className="muted">Nothing was tracked on this day.</p>
      ) : (
        <>
          <div className="timeline-strip" aria-hidden="true">
            {bars.map((b) => (
              <span
                key={b.key}
                className={`fill-${b.class} ${b.lane === 'call' ? 'lane-call' : ''}`}
                style={{ left: `${b.left}%`, width: `${b.width}%` }}
              />
            ))}
          </div>
          <div className="timeline-axis" aria-hidden="true">
            {ticks.map((t) => (
              <span key={t}>{formatClock(t)}</span>
            ))}
          </div>
          <div className="table-scroll segment-scroll">
            <table className="data segment-table" data-testid="segment-table">
              <caption className="visually-hidden">Sessions on {formatLongDay(day, locale)}, with their class</caption>
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Tool</th>
                  <th scope="col" className="num">
                    Duration
                  </th>
                  <th scope="col">Counts as</th>
                  <th scope="col">Change to</th>
                </tr>
              </thead>
              <tbody>
                {visible.map((s) => {
                  const name = `${s.tool} at ${formatClock(s.start)}`;
                  return (
                    <tr key={s.key} data-session={s.key}>
                      <td className="nowrap">
                        {formatClock(s.start)}–{formatClock(s.end)}
                      </td>
                      <th scope="row" className="segment-tool">
                        {s.tool}
                        <div className="subtle mono regular">
                          {s.source === 'browser'
                            ? `${s.host}${s.path}`
                            : s.source === 'calendar'
                              ? 'Calendar event'
                              : 'Added by you'}
                          {s.lane === 'call' ? ' · call' : ''}
                        </div>
                      </th>
                      <td className="num">{formatDuration(s.ms)}</td>
                      <td>
                        <ClassBadge
                          cls={s.class}
                          kindName={s.class === 'unclassified' ? undefined : KINDS[s.kind].name}
                          guess={!s.override && s.guess !== undefined}
                          title={!s.override && s.guess ? guessSentence(s.guess) : undefined}
                        />
                        {s.override ? <span className="subtle"> (changed)</span> : null}
                        {!s.override && s.guess ? (
                          <div className="guess-reason segment-guess">
                            {guessSentence(s.guess)}{' '}
                            {onConfirmGuess ? (
                              <button
                                type="button"
                                className="btn btn-ghost btn-sm"
                                disabled={busy}
                                onClick={() => onConfirmGuess(s)}
                                aria-label={`Yes, ${name} is ${KINDS[s.kind].name.toLowerCase()}: make it a rule`}
                                data-testid="timeline-confirm-guess"
                              >
                                ✓ Yes
                              </button>
                            ) : null}
                          </div>
                        ) : null}
                      </td>
                      <td>
                        <label className="visually-hidden" htmlFor={`ov-${s.key}`}>
                          Change what {name} counts as
                        </label>
                        <select
                          id={`ov-${s.key}`}
                          value={overrideValue(s.override)}
                          disabled={busy}
                          onChange={(e) => onOverride(s, parseOverrideValue(e.target.value))}
                        >
                          <option value="">{`As classified (${CLASS_LABEL[s.classified.class]}${s.guess ? ', a guess' : ''})`}</option>
                          {groups.map((g) => (
                            <optgroup key={g.cls} label={CLASS_LABEL[g.cls]}>
                              {g.kinds.map((k) => (
                                <option key={k.value} value={k.value}>
                                  {CLASS_LABEL[g.cls]} · {k.label}
                                </option>
                              ))}
                            </optgroup>
                          ))}
                        </select>
                        {onMeetingRule &&
                        meetingRuleTitle(s) &&
                        (s.class === 'creative' || s.class === 'coordination') ? (
                          <div className="segment-actions">
                            <button
                              type="button"
                              className="btn btn-ghost btn-sm"
                              disabled={busy}
                              onClick={() => onMeetingRule(s, meetingRuleTitle(s)!)}
                              aria-label={`Count every meeting titled ${meetingRuleTitle(s)} as ${CLASS_LABEL[s.class].toLowerCase()}, ${KINDS[s.kind].name}`}
                              data-testid="timeline-meeting-rule"
                            >
                              Every “{meetingRuleTitle(s)}” like this
                            </button>
                          </div>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {hidden > 0 || showShort ? (
            <button type="button" className="btn btn-ghost btn-sm show-short" onClick={() => setShowShort((v) => !v)}>
              {showShort
                ? 'Hide visits under a minute'
                : `Show ${hidden} visit${hidden === 1 ? '' : 's'} under a minute`}
            </button>
          ) : null}
        </>
      )}
      {near ? props.meetings : null}
    </section>
  );
}
