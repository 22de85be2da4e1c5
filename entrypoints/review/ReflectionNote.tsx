import { useEffect, useId, useState } from 'react';
import { getDb, saveReview } from '@/lib/db';
import { Autosave, type AutosaveStatus } from '@/lib/ui/autosave';

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
  const [text, setText] = useState(initial);
  const [status, setStatus] = useState<AutosaveStatus>({ kind: 'idle' });
  const [saver] = useState(
    () =>
      new Autosave(
        { save: (t) => saveReview(getDb(), week, t, Date.now()), onStatus: setStatus, delayMs: 800 },
        initial,
      ),
  );

  // Save what is typed when the page is hidden or closed, and when leaving this week.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void saver.flush();
    };
    document.addEventListener('visibilitychange', onHide);
    addEventListener('pagehide', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      removeEventListener('pagehide', onHide);
      void saver.flush().finally(() => saver.dispose());
    };
  }, [saver]);

  // The note changed elsewhere (another tab) while nothing is typed here: show it.
  useEffect(() => {
    if (!saver.dirty && stored !== saver.saved) setText(stored);
  }, [stored, saver]);

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
        onChange={(e) => {
          setText(e.target.value);
          saver.change(e.target.value);
        }}
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
