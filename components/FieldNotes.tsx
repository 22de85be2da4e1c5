import type { ReactNode } from 'react';

/** What a control's `aria-describedby` names: its help (when it has help) and its error (when it has one). */
export function describedBy(id: string, notes: { help?: unknown; error?: unknown }): string | undefined {
  return [notes.help ? `${id}-help` : '', notes.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export interface FieldNotesProps {
  /** The control's id; the notes are `${id}-error` and `${id}-help`. */
  id: string;
  error?: string | null;
  help?: ReactNode;
}

/** Under a field's control: its error (announced when it appears), then its help. */
export function FieldNotes({ id, error, help }: FieldNotesProps) {
  return (
    <>
      {error ? (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      ) : null}
      {help ? (
        <span id={`${id}-help`} className="field-help">
          {help}
        </span>
      ) : null}
    </>
  );
}
