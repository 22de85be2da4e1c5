import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import './AddTimeDialog.css';

export interface AddTimeDialogProps {
  /** What the dialog holds (the manual-blocks card), rendered only while it is open. */
  children: ReactNode;
}

/**
 * "Add time": a button that opens a modal dialog with its children — on the dashboard, the
 * manual-blocks form and the shown week's blocks (entrypoints/dashboard/AddTime.tsx wires them).
 * Native `<dialog>`: focus moves into it (to the first field) and stays there, Escape and the Close
 * button close it, and focus returns to the button. A block saved here counts at once in every
 * number on the page (the week's data is live).
 */
export function AddTimeDialog({ children }: AddTimeDialogProps) {
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
            {children}
          </div>
        ) : null}
      </dialog>
    </>
  );
}
