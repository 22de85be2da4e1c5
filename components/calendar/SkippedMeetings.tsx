import { useState } from 'react';
import { useSkippedMeetingCount } from '@/components/data/meetings';
import type { CreativeRatioDB } from '@/lib/db';
import { clearSkippedMeetings } from '@/lib/db/meetings';
import { forgetAllWeeks } from '@/components/data/week-data';

/** Settings → Calendar: how many meetings are marked "I skipped this one", with Clear (they count again). */
export function SkippedMeetings({ db }: { db: CreativeRatioDB }) {
  const count = useSkippedMeetingCount(db);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const clear = async () => {
    setBusy(true);
    try {
      const n = await clearSkippedMeetings(db);
      await forgetAllWeeks();
      setStatus(`${n} meeting${n === 1 ? '' : 's'} count${n === 1 ? 's' : ''} again.`);
    } catch (e) {
      setStatus(`Not cleared: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  if (count === undefined) return null;
  return (
    <div className="stack" style={{ gap: 6 }} data-testid="skipped-meetings">
      <h3 style={{ margin: 0 }}>Meetings you skipped</h3>
      <p className="muted" style={{ margin: 0 }}>
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
            onClick={() => void clear()}
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
