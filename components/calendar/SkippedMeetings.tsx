import type { SkippedMeetingsState } from '@/components/data/meetings';
import './SkippedMeetings.css';

/** Settings → Calendar: how many meetings are marked "I skipped this one", with Clear (they count again). */
export function SkippedMeetings({ count, busy, status, clear }: SkippedMeetingsState) {
  if (count === undefined) return null;
  return (
    <div className="stack skipped-meetings" data-testid="skipped-meetings">
      <h3>Meetings you skipped</h3>
      <p className="muted">
        {count === 0
          ? 'None. In the dashboard’s day list, “I skipped this one” takes a meeting you did not attend out of your numbers.'
          : `${count} meeting${count === 1 ? ' is' : 's are'} marked skipped and not counted; the browser time of those hours counts instead. They stay skipped when the calendar is refreshed or imported again.`}
      </p>
      {count > 0 ? (
        <div>
          <button
            type="button"
            className="btn btn-sm"
            disabled={busy}
            onClick={clear}
            data-testid="skipped-meetings-clear"
          >
            Clear — count them all again
          </button>
        </div>
      ) : null}
      <p className="field-help" role="status" aria-live="polite">
        {status ?? ''}
      </p>
    </div>
  );
}
