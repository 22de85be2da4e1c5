import { useEffect, useId } from 'react';
import { useAutosavedText } from '@/components/use-autosave';
import { getDb, saveReview } from '@/lib/db';

export interface ReflectionNoteProps {
  week: string;
  /** The stored note when the week was opened (mount with `key={week}` once it is loaded). */
  initial: string;
  /** The stored note, live (another tab may change it). */
  stored: string;
  formatClock: (t: number) => string;
}

const MAX = 20_000;

/** The week's free-text reflection: saved automatically a moment after typing stops, with a visible state. */
export function ReflectionNote({ week, initial, stored, formatClock }: ReflectionNoteProps) {
  const id = useId();
  // Saved also when the page is hidden or closed, and when leaving this week.
  const { text, setText, status, saver, edit } = useAutosavedText(
    (t) => saveReview(getDb(), week, t, Date.now()),
    initial,
    true,
  );

  // The note changed elsewhere (another tab) while nothing is typed here: show it.
  useEffect(() => {
    if (!saver.dirty && stored !== saver.saved) setText(stored);
  }, [stored, saver, setText]);

  let statusText = '';
  if (status.kind === 'pending') statusText = 'Not saved yet…';
  else if (status.kind === 'saving') statusText = 'Saving…';
  else if (status.kind === 'saved') statusText = `Saved at ${formatClock(status.at)}`;
  else if (status.kind === 'error') statusText = `Not saved: ${status.message}`;
  else if (stored) statusText = 'Saved';

  return (
    <section className="card stack gap-10" aria-labelledby={`${id}-title`} data-testid="reflection">
      <div className="card-head flush">
        <h2 id={`${id}-title`}>Your reflection</h2>
        <span
          className="save-state"
          data-state={status.kind}
          role="status"
          aria-live="polite"
          data-testid="note-status"
        >
          {statusText}
        </span>
      </div>
      <label htmlFor={id} className="muted">
        What made creative time possible this week, and what got in the way? What will you protect next week?
      </label>
      <textarea
        id={id}
        rows={7}
        maxLength={MAX}
        value={text}
        onChange={(e) => edit(e.target.value)}
        onBlur={() => void saver.flush()}
        data-testid="note"
      />
      <div className="row">
        <span className="subtle">Saved automatically, only in this browser.</span>
        <span className="spacer" />
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => void saver.flush()}
          disabled={status.kind !== 'pending' && status.kind !== 'error'}
          data-testid="note-save"
        >
          Save now
        </button>
      </div>
    </section>
  );
}
