import { useEffect, useId, useState, type ReactNode } from 'react';
import { describedBy, FieldNotes } from '@/components/FieldNotes';

export interface CommitFieldProps<T> {
  label: ReactNode;
  /** The saved value, as text for the field. */
  value: string;
  parse: (text: string) => { ok: true; value: T } | { ok: false; error: string };
  onCommit: (value: T) => Promise<void> | void;
  help?: ReactNode;
  suffix?: ReactNode;
  inputMode?: 'decimal' | 'numeric' | 'text';
  width?: number;
  testId?: string;
}

/**
 * A text field saved when the person leaves it or presses Enter. The error from `parse`
 * appears beside the field and nothing is saved; Escape restores the saved value.
 *
 * What the field shows: the person's text while they type (and after an error); after a commit, the
 * committed text until the saved `value` moves on from the one it replaced (the save and the live
 * read that brings it back take a moment); otherwise the saved `value`, so changes made elsewhere show.
 * Before, the field fell back to the old value in that moment, and leaving the field then (a blur
 * between the render and the effect that caught up) saved the old value back over the new one.
 */
export function CommitField<T>({
  label,
  value,
  parse,
  onCommit,
  help,
  suffix,
  inputMode = 'text',
  width = 120,
  testId,
}: CommitFieldProps<T>) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The saved value a commit replaces, while its save is on the way (null when none).
  const [replacing, setReplacing] = useState<string | null>(null);
  const holding = replacing !== null && replacing === value;
  const text = editing || holding ? draft : value;

  // The save has arrived (or something else changed the value): show the saved value again.
  useEffect(() => {
    if (replacing !== null && replacing !== value) setReplacing(null);
  }, [replacing, value]);

  const commit = async () => {
    if (!editing) return; // nothing typed since the last commit: nothing to save
    setEditing(false);
    if (text === value) {
      setError(null);
      return;
    }
    const parsed = parse(text);
    if (!parsed.ok) {
      setError(parsed.error);
      setEditing(true);
      return;
    }
    setError(null);
    const saved = parse(value);
    if (saved.ok && Object.is(saved.value, parsed.value)) return; // "3.0" for 3: nothing changes
    setReplacing(value);
    await onCommit(parsed.value);
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="row row-nowrap">
        <input
          id={id}
          type="text"
          inputMode={inputMode}
          value={text}
          style={{ width }}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, { help, error })}
          data-testid={testId}
          onChange={(e) => {
            setEditing(true);
            setDraft(e.target.value);
          }}
          onBlur={() => void commit()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void commit();
            } else if (e.key === 'Escape') {
              setDraft(value);
              setError(null);
              setEditing(false);
              setReplacing(null);
            }
          }}
        />
        {suffix ? <span className="muted">{suffix}</span> : null}
      </div>
      <FieldNotes id={id} error={error} help={help} />
    </div>
  );
}
