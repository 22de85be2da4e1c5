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

  // Follow changes made elsewhere (another page, a reset) while the person is not typing here.
  useEffect(() => {
    if (!editing) setDraft(value);
  }, [value, editing]);

  const commit = async () => {
    setEditing(false);
    if (draft === value) {
      setError(null);
      return;
    }
    const parsed = parse(draft);
    if (!parsed.ok) {
      setError(parsed.error);
      setEditing(true);
      return;
    }
    setError(null);
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
          value={draft}
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
            }
          }}
        />
        {suffix ? <span className="muted">{suffix}</span> : null}
      </div>
      <FieldNotes id={id} error={error} help={help} />
    </div>
  );
}
