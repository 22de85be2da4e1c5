import { useId, type ReactNode } from 'react';
import { Banner } from '@/components/Banner';
import { SettingsSection } from '@/components/SettingsSection';
import type { BackupRestoreState } from '@/components/data/backup';
import type { RestoreMode } from '@/lib/db/backup';
import {
  backupCountsText as countsText,
  olderBackupText,
  restoreProgressText,
  restoreResultText as resultText,
} from '@/lib/ui/backup';
import '@/components/team/team.css';

/** The state and actions of `useBackupRestore`, as they are. */
export interface BackupRestoreProps extends BackupRestoreState {
  /** The section's id, for the settings page's table of contents (default `backup`). */
  id?: string;
}

/** One "How to restore" choice: a radio button and what the mode does. */
function ModeChoice({
  name,
  value,
  mode,
  setMode,
  children,
}: {
  name: string;
  value: RestoreMode;
  mode: RestoreMode;
  setMode: (mode: RestoreMode) => void;
  children: ReactNode;
}) {
  return (
    <label className="check">
      <input
        type="radio"
        name={name}
        value={value}
        checked={mode === value}
        onChange={() => setMode(value)}
        data-testid={`restore-mode-${value}`}
      />
      <span>{children}</span>
    </label>
  );
}

/**
 * Full backup (download) and restore (replace or merge), with a confirmation showing what the file
 * holds, progress while writing, and a clear result. A restore is all or nothing. The state and
 * actions come from `useBackupRestore` (components/data/backup.ts).
 */
export function BackupRestore({ id = 'backup', ...card }: BackupRestoreProps) {
  const ids = { file: useId(), mode: useId() };
  const { current, stage, mode, setMode, replaceConfirmed } = card;
  const older = stage.kind === 'confirm' || stage.kind === 'restoring' ? olderBackupText(stage.backup.version) : null;

  return (
    <SettingsSection
      id={id}
      title="Backup and restore"
      description="Everything you recorded, your rules, settings, review notes, focus plans and calendar meetings, in one file you keep. It includes sites and notes: keep it private."
      testId="backup-restore"
    >
      <div className="row">
        <button
          type="button"
          className="btn"
          onClick={() => void card.backup()}
          disabled={card.backingUp}
          data-testid="backup-download"
        >
          {card.backingUp ? 'Preparing the backup…' : 'Download backup'}
        </button>
        {current ? <span className="subtle">Now stored: {countsText(current)}.</span> : null}
      </div>
      {card.backupMessage ? <Banner tone={card.backupMessage.tone}>{card.backupMessage.text}</Banner> : null}

      <div className="field">
        <label htmlFor={ids.file}>Restore from a backup file</label>
        <input
          id={ids.file}
          type="file"
          accept=".json,application/json"
          disabled={stage.kind === 'restoring'}
          data-testid="restore-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void card.pick(file);
          }}
        />
        <span className="field-help">
          The whole file is checked before anything changes. A restore either completes or changes nothing.
        </span>
      </div>

      {stage.kind === 'checking' ? (
        <p className="muted" role="status" data-testid="restore-status">
          Checking {stage.fileName}…
        </p>
      ) : null}

      {stage.kind === 'confirm' || stage.kind === 'restoring' ? (
        <form
          className="confirm-box stack"
          data-testid="restore-confirm"
          onSubmit={(e) => {
            e.preventDefault();
            void card.restore();
          }}
        >
          <p>
            <strong>{stage.fileName}</strong> is a backup from {new Date(stage.backup.exportedAt).toLocaleString()} with{' '}
            <span data-testid="restore-counts">{countsText(stage.backup.counts)}</span>.
          </p>
          {older ? (
            <p className="muted" data-testid="restore-old-format">
              {older}
            </p>
          ) : null}
          {current ? <p className="muted">This browser now has {countsText(current)}.</p> : null}
          <fieldset disabled={stage.kind === 'restoring'}>
            <legend id={ids.mode}>How to restore</legend>
            <ModeChoice name={ids.mode} value="merge" mode={mode} setMode={setMode}>
              <strong>Merge</strong> — add what is missing: time not already recorded, rules you do not have, notes for
              weeks without one, each week&apos;s focus plan where the backup&apos;s is newer than yours, and calendar
              meetings you do not have; a meeting skipped in either stays skipped. Your settings stay.
            </ModeChoice>
            <ModeChoice name={ids.mode} value="replace" mode={mode} setMode={setMode}>
              <strong>Replace</strong> — delete the time, rules, settings, notes, focus plans and calendar meetings
              stored now, and use the backup&apos;s.
            </ModeChoice>
          </fieldset>
          {mode === 'replace' && stage.kind === 'confirm' ? (
            <label className="check confirm-replace">
              <input
                type="checkbox"
                checked={replaceConfirmed}
                onChange={(e) => card.setReplaceConfirmed(e.target.checked)}
                data-testid="restore-replace-confirm"
              />
              <span>
                Yes, delete what is stored now{current ? ` (${countsText(current)})` : ''}. Download a backup first if
                you may want it back.
              </span>
            </label>
          ) : null}
          {stage.kind === 'restoring' ? (
            <div className="progress-row" role="status" aria-live="polite" data-testid="restore-progress">
              <progress max={stage.progress?.total || 1} value={stage.progress?.done ?? 0} />
              <span className="subtle">{stage.progress ? restoreProgressText(stage.progress) : 'Starting…'}</span>
            </div>
          ) : (
            <div className="row">
              <button
                type="submit"
                className={mode === 'replace' ? 'btn btn-danger-solid' : 'btn btn-primary'}
                disabled={mode === 'replace' && !replaceConfirmed}
                data-testid="restore-confirm-button"
              >
                {mode === 'replace' ? 'Replace my data with this backup' : 'Merge this backup into my data'}
              </button>
              <button type="button" className="btn" onClick={card.cancel}>
                Cancel
              </button>
            </div>
          )}
        </form>
      ) : null}

      {stage.kind === 'done' ? (
        <Banner tone="success" title="Restored.">
          <span data-testid="restore-result">{resultText(stage.result)}</span>
        </Banner>
      ) : null}
      {stage.kind === 'error' ? (
        <Banner tone="error" title="Not restored.">
          <span data-testid="restore-error">{stage.message}</span>
        </Banner>
      ) : null}
    </SettingsSection>
  );
}
