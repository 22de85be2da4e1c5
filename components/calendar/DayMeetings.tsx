import { useId } from 'react';
import type { DayMeeting } from '@/lib/db/meetings';
import { KINDS } from '@/lib/classify/kinds';
import { CLASS_LABEL } from '../ClassLegend';
import './DayMeetings.css';

export interface DayMeetingsProps {
  /** The day's stored calendar meetings (lib/db/meetings.ts `meetingsBetween`), skipped ones included. */
  meetings: readonly DayMeeting[];
  /** The day has calendar time imported before meetings were kept (it cannot be skipped yet). */
  legacy: boolean;
  formatClock: (t: number) => string;
  busy: boolean;
  onSkip: (m: DayMeeting) => void;
  onUndo: (m: DayMeeting) => void;
}

function name(m: DayMeeting): string {
  return m.title?.trim() || 'Meeting';
}

function counts(m: DayMeeting): string {
  const kind = m.override.kind ?? 'meetings';
  return `${CLASS_LABEL[m.override.class]} · ${KINDS[kind].name}`;
}

/**
 * The day's calendar meetings, one by one (a merged block of several meetings lists each), each
 * with "I skipped this one"; skipped meetings listed below with "Undo". A skipped meeting no
 * longer counts, so whatever the browser saw in that hour counts instead.
 */
export function DayMeetings({ meetings, legacy, formatClock, busy, onSkip, onUndo }: DayMeetingsProps) {
  const titleId = useId();
  const counted = meetings.filter((m) => !m.skipped);
  const skipped = meetings.filter((m) => m.skipped);
  if (meetings.length === 0 && !legacy) return null;
  const when = (m: DayMeeting) => `${formatClock(m.start)}–${formatClock(m.end)}`;
  return (
    <div className="day-meetings" data-testid="day-meetings" role="group" aria-labelledby={titleId}>
      <h4 id={titleId}>Meetings from your calendar</h4>
      {meetings.length > 0 ? (
        <p className="subtle day-meetings-help">
          Missed one? Mark it skipped: it stops counting, and what you did in the browser at that time counts instead.
        </p>
      ) : null}
      {counted.length > 0 ? (
        <ul data-testid="day-meetings-counted">
          {counted.map((m) => (
            <li key={m.occ} data-occ={m.occ}>
              <span className="nowrap">{when(m)}</span>
              <strong className="day-meeting-name">{name(m)}</strong>
              <span className="subtle">{counts(m)}</span>
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                disabled={busy}
                onClick={() => onSkip(m)}
                aria-label={`I skipped ${name(m)}, ${when(m)}`}
                data-testid="meeting-skip"
              >
                I skipped this one
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {skipped.length > 0 ? (
        <>
          <p className="subtle day-meetings-skipped-head">Skipped — not counted:</p>
          <ul data-testid="day-meetings-skipped">
            {skipped.map((m) => (
              <li key={m.occ} data-occ={m.occ}>
                <span className="nowrap">{when(m)}</span>
                <s>{name(m)}</s>
                <button
                  type="button"
                  className="btn btn-ghost btn-sm"
                  disabled={busy}
                  onClick={() => onUndo(m)}
                  aria-label={`Undo: count ${name(m)}, ${when(m)}, again`}
                  data-testid="meeting-unskip"
                >
                  Undo
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {legacy ? (
        <p className="subtle" data-testid="day-meetings-legacy">
          Some calendar time on this day was imported before single meetings were kept. Import the file again or refresh
          the subscription (Settings → Calendar) to mark meetings you skipped.
        </p>
      ) : null}
    </div>
  );
}
