import type { Formatters } from '@/components/hooks';
import { DESKTOP_APPS_NOTE, type Coverage } from '@/lib/report/coverage';
import './CoverageNote.css';

export interface CoverageNoteProps {
  coverage: Coverage;
  /** Classified (creative + coordination) and tracked time of the same span. */
  classifiedMs: number;
  trackedMs: number;
  /** "today" or "this week" / "that week". */
  span: string;
  fmt: Pick<Formatters, 'hours' | 'share'>;
  compact?: boolean;
}

/** What the number rests on: covered working time (browser, calendar), the classified share, and what is never seen. */
export function CoverageNote({ coverage: c, classifiedMs, trackedMs, span, fmt, compact }: CoverageNoteProps) {
  const classified = trackedMs > 0 ? fmt.share(classifiedMs / trackedMs) : null;
  const rests =
    c.workingMs > 0
      ? `Rests on ${fmt.hours(c.coveredMs)} of ${span}'s ${fmt.hours(c.workingMs)} working time so far (${fmt.share(c.share)}): ${fmt.hours(c.browserMs)} in the browser, ${fmt.hours(c.calendarMs)} from your calendar and added time.`
      : `No working hours ${span === 'today' ? 'today' : `in ${span}`} yet (Settings → Your week).`;
  if (compact) {
    // The popup (600 px at most): one short line; the detail and the caveat in its tooltip and for screen readers.
    const detail = `${rests} ${DESKTOP_APPS_NOTE}`;
    return (
      <p className="small coverage-note coverage-line" data-testid="coverage" title={detail}>
        <span aria-hidden="true">
          {c.share !== null ? `Sees ${fmt.share(c.share)} of ${span}'s work hours` : `No working hours ${span} yet`}
          <span className="muted"> · browser only</span>
        </span>
        <span className="visually-hidden">{detail}</span>
      </p>
    );
  }
  return (
    <div className="small coverage-note" data-testid="coverage">
      <p>
        {rests}
        {classified ? ` ${classified} of tracked time is classified.` : ''}
      </p>
      <p className="muted">{DESKTOP_APPS_NOTE}</p>
    </div>
  );
}
