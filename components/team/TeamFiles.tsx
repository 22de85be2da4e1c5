import { useId, useRef, useState, type DragEvent } from 'react';
import type { TeamFilesState } from '@/lib/export/team-files';
import type { TeamFormatters } from './format';

export interface TeamFilesProps {
  state: TeamFilesState;
  /** Files are being read. */
  busy: boolean;
  onFiles: (files: File[]) => void;
  onRemove: (id: string) => void;
  onRename: (id: string, name: string) => void;
  onClear: () => void;
  keep: boolean;
  onKeep: (keep: boolean) => void;
  fmt: TeamFormatters;
}

/**
 * Pick or drop team export files (read here, in this tab: nothing is uploaded), the files loaded with
 * an editable name each, and the files that were refused with the reason.
 */
export function TeamFiles({ state, busy, onFiles, onRemove, onRename, onClear, keep, onKeep, fmt }: TeamFilesProps) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement | null>(null);
  const [dragging, setDragging] = useState(false);

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const files = Array.from(e.dataTransfer?.files ?? []);
    if (files.length > 0) onFiles(files);
  };

  return (
    <section className="card stack" aria-labelledby="team-files-title" data-testid="team-files-card">
      <div className="card-head" style={{ marginBottom: 0 }}>
        <h2 id="team-files-title">Team export files</h2>
        <p>Each person makes one under Settings → Share with your team. Files are read in this tab and never uploaded.</p>
      </div>
      <div
        className="team-dropzone"
        data-dragging={dragging}
        data-testid="team-dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor={inputId} style={{ fontWeight: 600 }}>
          Team export files (.json)
        </label>
        <div className="row">
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            accept=".json,application/json"
            multiple
            data-testid="team-file-input"
            onChange={(e) => {
              const files = Array.from(e.target.files ?? []);
              if (files.length > 0) onFiles(files);
              // Allow choosing the same file again after removing it.
              e.target.value = '';
            }}
          />
          <span className="subtle">or drop files here</span>
        </div>
        <span className="subtle" role="status" aria-live="polite">
          {busy ? 'Reading files…' : ''}
        </span>
      </div>

      {state.files.length > 0 ? (
        <div className="stack" style={{ gap: 8 }}>
          <div className="row">
            <h3 style={{ margin: 0 }}>
              {state.files.length} {state.files.length === 1 ? 'person' : 'people'}
            </h3>
            <span className="spacer" />
            <label className="check">
              <input type="checkbox" checked={keep} onChange={(e) => onKeep(e.target.checked)} data-testid="team-keep" />
              Keep in this browser tab (until it is closed)
            </label>
            <button type="button" className="btn btn-sm" onClick={onClear} data-testid="team-clear">
              Remove all
            </button>
          </div>
          <ul className="team-file-list" data-testid="team-files">
            {state.files.map((f) => (
              <li key={f.id} data-testid="team-file">
                <label className="visually-hidden" htmlFor={`name-${f.id}`}>
                  Name shown for {f.fileName}
                </label>
                <input
                  id={`name-${f.id}`}
                  type="text"
                  defaultValue={f.name}
                  key={f.name}
                  maxLength={60}
                  onBlur={(e) => {
                    if (e.target.value !== f.name) onRename(f.id, e.target.value);
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
                  }}
                />
                <span className="team-file-name">{f.fileName}</span>
                <span className="subtle">
                  {f.export.weeks.length} week{f.export.weeks.length === 1 ? '' : 's'} · {fmt.week(f.export.weeks[0]!.weekStart)} – {fmt.week(f.export.weeks[f.export.weeks.length - 1]!.weekStart)}
                </span>
                <span className="spacer" />
                <button type="button" className="btn btn-sm btn-ghost" onClick={() => onRemove(f.id)} aria-label={`Remove ${f.name}`}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {state.rejected.length > 0 ? (
        <div className="banner banner-warning" role="alert" data-testid="team-rejected">
          <span className="banner-icon" aria-hidden="true">
            !
          </span>
          <div className="stack" style={{ gap: 4 }}>
            <strong>
              {state.rejected.length} file{state.rejected.length === 1 ? ' was' : 's were'} not used:
            </strong>
            <ul className="team-rejected">
              {state.rejected.map((r) => (
                <li key={r.id} data-testid="team-rejected-file">
                  <span className="mono">{r.fileName}</span> — {r.reason}{' '}
                  <button type="button" className="btn btn-sm btn-ghost" onClick={() => onRemove(r.id)} aria-label={`Dismiss ${r.fileName}`}>
                    Dismiss
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
    </section>
  );
}
