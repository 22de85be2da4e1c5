import { useId, useState } from 'react';
import { describedBy, FieldNotes } from '@/components/FieldNotes';
import { parseExcludedHost } from '@/lib/ui/settings-form';
import './HostListEditor.css';

export interface HostListEditorProps {
  hosts: readonly string[];
  onChange: (hosts: string[]) => Promise<unknown> | void;
  label: string;
  help?: string;
}

/** A list of sites (host or `*.domain`) with add and remove buttons; errors beside the field. */
export function HostListEditor({ hosts, onChange, label, help }: HostListEditorProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = async () => {
    const parsed = parseExcludedHost(text, hosts);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    setText('');
    await onChange([...hosts, parsed.value]);
  };

  return (
    <div className="field" data-testid="excluded-hosts">
      <label htmlFor={id}>{label}</label>
      {help ? (
        <span id={`${id}-help`} className="field-help">
          {help}
        </span>
      ) : null}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <input
          id={id}
          type="text"
          value={text}
          placeholder="bank.example.com or *.example.com"
          className="host-input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, { help, error })}
          onChange={(e) => {
            setText(e.target.value);
            if (error) setError(null);
          }}
        />
        <button type="submit" className="btn">
          Add
        </button>
      </form>
      <FieldNotes id={id} error={error} />
      {hosts.length > 0 ? (
        <ul className="chips" aria-label={`${label}: current list`}>
          {hosts.map((h) => (
            <li key={h} className="chip">
              {h}
              <button
                type="button"
                aria-label={`Remove ${h}`}
                title={`Remove ${h}`}
                onClick={() => void onChange(hosts.filter((x) => x !== h))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <span className="subtle">No excluded sites.</span>
      )}
    </div>
  );
}
