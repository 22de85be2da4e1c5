import type { Formatters } from '@/components/hooks';
import { DESKTOP_APPS_NOTE, type Coverage } from '@/lib/report/coverage';

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
    return (
      <p className="small coverage-note" data-testid="coverage">
        {rests} <span className="muted">Desktop apps are not seen.</span>
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
