import { useId } from 'react';
import { Banner } from '@/components/Banner';
import { SettingsSection } from '@/components/SettingsSection';
import type { BackupRestoreState } from '@/components/data/backup';
import { backupCountsText as countsText, restoreResultText as resultText } from '@/lib/ui/backup';
import '@/components/team/team.css';

export interface BackupRestoreProps extends BackupRestoreState {
  /** The section's id, for the settings page's table of contents (default `backup`). */
  id?: string;
}

const nf = new Intl.NumberFormat('en-US');

/**
 * Full backup (download) and restore (replace or merge), with a confirmation showing what the file
 * holds, progress while writing, and a clear result. A restore is all or nothing. The state and
 * actions come from `useBackupRestore` (components/data/backup.ts).
 */
export function BackupRestore({
  id = 'backup',
  current,
  backingUp,
  backupMessage,
  backup,
  stage,
  mode,
  setMode,
  replaceConfirmed,
  setReplaceConfirmed,
  pick,
  restore,
  cancel,
}: BackupRestoreProps) {
  const ids = { file: useId(), mode: useId() };

  return (
    <SettingsSection
      id={id}
      title="Backup and restore"
      description="Everything you recorded, your rules, settings and review notes, in one file you keep. It includes sites and notes: keep it private."
      testId="backup-restore"
    >
      <div className="row">
        <button
          type="button"
          className="btn"
          onClick={() => void backup()}
          disabled={backingUp}
          data-testid="backup-download"
        >
          {backingUp ? 'Preparing the backup…' : 'Download backup'}
        </button>
        {current ? <span className="subtle">Now stored: {countsText(current)}.</span> : null}
      </div>
      {backupMessage ? <Banner tone={backupMessage.tone}>{backupMessage.text}</Banner> : null}

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
            if (file) void pick(file);
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
            void restore();
          }}
        >
          <p>
            <strong>{stage.fileName}</strong> is a backup from {new Date(stage.backup.exportedAt).toLocaleString()} with{' '}
            <span data-testid="restore-counts">{countsText(stage.backup.counts)}</span>.
          </p>
          {stage.backup.version < 2 ? (
            <p className="muted" data-testid="restore-old-format">
              This backup was made before focus plans were backed up: it has none, and a merge keeps yours.
            </p>
          ) : null}
          {current ? <p className="muted">This browser now has {countsText(current)}.</p> : null}
          <fieldset disabled={stage.kind === 'restoring'}>
            <legend id={ids.mode}>How to restore</legend>
            <label className="check">
              <input
                type="radio"
                name={ids.mode}
                value="merge"
                checked={mode === 'merge'}
                onChange={() => setMode('merge')}
                data-testid="restore-mode-merge"
              />
              <span>
                <strong>Merge</strong> — add what is missing: time not already recorded, rules you do not have, notes
                for weeks without one, and each week&apos;s focus plan where the backup&apos;s is newer than yours. Your
                settings stay.
              </span>
            </label>
            <label className="check">
              <input
                type="radio"
                name={ids.mode}
                value="replace"
                checked={mode === 'replace'}
                onChange={() => setMode('replace')}
                data-testid="restore-mode-replace"
              />
              <span>
                <strong>Replace</strong> — delete the time, rules, settings, notes and focus plans stored now, and use
                the backup&apos;s.
              </span>
            </label>
          </fieldset>
          {mode === 'replace' && stage.kind === 'confirm' ? (
            <label className="check confirm-replace">
              <input
                type="checkbox"
                checked={replaceConfirmed}
                onChange={(e) => setReplaceConfirmed(e.target.checked)}
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
              <span className="subtle">
                {stage.progress
                  ? `Writing ${stage.progress.table}: ${nf.format(stage.progress.done)} of ${nf.format(stage.progress.total)}…`
                  : 'Starting…'}
              </span>
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
              <button type="button" className="btn" onClick={cancel}>
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
