import { useEffect, useId, useRef, useState } from 'react';
import { ManualBlocks } from '@/components/ManualBlocks';
import type { CreativeRatioDB } from '@/lib/db';
import type { WeekDay } from '@/lib/settings';
import type { WeekKey } from '@/lib/time/week';
import './AddTimeDialog.css';

export interface AddTimeDialogProps {
  weekStartsOn: WeekDay;
  /** The week the page shows (key of its first day, `yyyy-MM-dd`); defaults to the current week. */
  week?: WeekKey;
  /** Defaults to the extension's database. */
  db?: CreativeRatioDB;
}

/**
 * "Add time": a button that opens a modal dialog with the manual-blocks form and the shown week's
 * blocks (a new block starts on today in the current week, else on the week's first working day).
 * Native `<dialog>`: focus moves into it (to the first field) and stays there, Escape and the Close
 * button close it, and focus returns to the button. A block saved here counts at once in every
 * number on the page (the week's data is live).
 */
export function AddTimeDialog({ weekStartsOn, week, db }: AddTimeDialogProps) {
  const [open, setOpen] = useState(false);
  const dialogRef = useRef<HTMLDialogElement | null>(null);
  const buttonRef = useRef<HTMLButtonElement | null>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog || !open || dialog.open) return;
    dialog.showModal();
    dialog.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [open]);

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="btn"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        data-testid="add-time"
      >
        <span aria-hidden="true">+</span> Add time
      </button>
      <dialog
        ref={dialogRef}
        className="dialog"
        aria-labelledby={titleId}
        onClose={() => {
          setOpen(false);
          buttonRef.current?.focus();
        }}
        onClick={(e) => {
          // A click on the backdrop (outside the dialog's box) closes it too.
          if (e.target === e.currentTarget) {
            const r = e.currentTarget.getBoundingClientRect();
            if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom)
              e.currentTarget.close();
          }
        }}
        data-testid="add-time-dialog"
      >
        {open ? (
          <div className="stack">
            <div className="dialog-head">
              <h2 id={titleId}>Add time</h2>
              <button type="button" className="btn btn-ghost" onClick={() => dialogRef.current?.close()}>
                Close
              </button>
            </div>
            <ManualBlocks db={db} weekStartsOn={weekStartsOn} week={week} />
          </div>
        ) : null}
      </dialog>
    </>
  );
}
