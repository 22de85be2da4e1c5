import { useId, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { CheckField } from '@/components/CheckField';
import { cleanName } from '@/lib/export/team-format';
import type { TeamFilesState } from '@/lib/export/team-files';
import type { TeamFormatters } from './format';

export interface TeamFilesProps {
  state: TeamFilesState;
  /** Files are being read. */
  busy: boolean;
  onFiles: (files: File[]) => void;
  onRemove: (id: string) => void;
  onClear: () => void;
  keep: boolean;
  onKeep: (keep: boolean) => void;
  fmt: TeamFormatters;
  /** Shown under the list (the minimum group size). */
  children?: ReactNode;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Pick or drop team export files (read here, in this tab: nothing is uploaded), the files received —
 * listed by file name for collecting, with no figure next to any of them — the ones recognised as
 * duplicates or look-alikes (with the reason) and the ones refused.
 */
export function TeamFiles({ state, busy, onFiles, onRemove, onClear, keep, onKeep, fmt, children }: TeamFilesProps) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement | null>(null);
  const [dragging, setDragging] = useState(false);
  const people = new Set(state.files.map((f) => f.person)).size;
  const flagged = state.files.filter((f) => f.flag !== null).length;

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const files = Array.from(e.dataTransfer?.files ?? []);
    if (files.length > 0) onFiles(files);
  };

  return (
    <section className="card stack" aria-labelledby="team-files-title" data-testid="team-files-card">
      <div className="card-head flush">
        <h2 id="team-files-title">Team export files</h2>
        <p>
          Each person makes one under Settings → Share with your team and drops it into the shared folder. Files are
          read in this tab and never uploaded.
        </p>
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
        <label htmlFor={inputId} className="semibold">
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
          <span className="subtle">or drop files here (you can pick the whole folder&apos;s files at once)</span>
        </div>
        <span className="subtle" role="status" aria-live="polite">
          {busy ? 'Reading files…' : ''}
        </span>
      </div>

      {state.files.length > 0 ? (
        <div className="stack gap-8">
          <div className="row">
            <h3 data-testid="team-files-count">
              {plural(state.files.length, 'file', 'files')} received · {plural(people, 'person', 'people')}
              {flagged > 0 ? ` (${plural(flagged, 'duplicate', 'duplicates')} counted once)` : ''}
            </h3>
            <span className="spacer" />
            <CheckField checked={keep} onChange={onKeep} testId="team-keep">
              Keep in this browser tab (until it is closed)
            </CheckField>
            <button type="button" className="btn btn-sm" onClick={onClear} data-testid="team-clear">
              Remove all
            </button>
          </div>
          <p className="subtle">Listed for collecting only: no figure is ever shown for a file or a name.</p>
          <ul className="team-file-list" data-testid="team-files">
            {state.files.map((f) => {
              const first = f.export.weeks[0]!.weekStart;
              const last = f.export.weeks[f.export.weeks.length - 1]!.weekStart;
              const fileName = cleanName(f.fileName, 200);
              return (
                <li key={f.id} data-testid="team-file" data-flagged={f.flag !== null}>
                  <span className="team-file-name">{fileName}</span>
                  {f.export.alias ? (
                    <span className="subtle">
                      named “<span data-testid="team-file-alias">{f.export.alias}</span>”
                    </span>
                  ) : null}
                  <span className="subtle">
                    weeks of {fmt.week(first)}
                    {first === last ? '' : ` – ${fmt.week(last)}`}
                  </span>
                  <span className="spacer" />
                  <button
                    type="button"
                    className="btn btn-sm btn-ghost"
                    onClick={() => onRemove(f.id)}
                    aria-label={`Remove ${fileName}`}
                  >
                    Remove
                  </button>
                  {f.flag ? (
                    <span className="team-file-flag" data-testid="team-file-flag">
                      {f.flag}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}

      {children}

      {state.rejected.length > 0 ? (
        <div className="banner banner-warning" role="alert" data-testid="team-rejected">
          <span className="banner-icon" aria-hidden="true">
            !
          </span>
          <div className="stack gap-4">
            <strong>
              {state.rejected.length} file{state.rejected.length === 1 ? ' was' : 's were'} not used:
            </strong>
            <ul className="team-rejected">
              {state.rejected.map((r) => (
                <li key={r.id} data-testid="team-rejected-file">
                  <span className="mono">{cleanName(r.fileName, 200)}</span> — {r.reason}{' '}
                  <button
                    type="button"
                    className="btn btn-sm btn-ghost"
                    onClick={() => onRemove(r.id)}
                    aria-label={`Dismiss ${cleanName(r.fileName, 200)}`}
                  >
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
