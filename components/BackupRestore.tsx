import { useId, useRef, useState } from 'react';
import { Banner } from '@/components/Banner';
import { downloadText, readText } from '@/components/files';
import { SettingsSection } from '@/components/SettingsSection';
import { sendToBackground } from '@/lib/browser/ui';
import { getDb, type CreativeRatioDB } from '@/lib/db';
import { loadRegexEngine } from '@/lib/classify/regex-engine';
import { useBackupCounts } from '@/components/data/queries';
import {
  createBackup,
  parseBackupFor,
  restoreBackup,
  type RestoreMode,
  type RestoreProgress,
  type RestoreResult,
} from '@/lib/db/backup';
import { forgetAllWeeks } from '@/components/data/week-data';
import { MAX_BACKUP_CHARS, backupFileName, type BackupCounts, type ParsedBackup } from '@/lib/export/backup';
import '@/components/team/team.css';

export interface BackupRestoreProps {
  /** Default: the extension's database. */
  db?: CreativeRatioDB;
  /**
   * Runs after a successful restore. Default: empty the pages' summary cache (it was computed from
   * the old data) and tell the background to re-read settings (`settings-changed`).
   */
  afterRestore?: () => Promise<void>;
  /** The section's id, for the settings page's table of contents (default `backup`). */
  id?: string;
}

async function defaultAfterRestore(): Promise<void> {
  await forgetAllWeeks();
  await sendToBackground({ type: 'settings-changed' });
}

type Stage =
  | { kind: 'idle' }
  | { kind: 'checking'; fileName: string }
  | { kind: 'confirm'; fileName: string; backup: ParsedBackup }
  | { kind: 'restoring'; fileName: string; backup: ParsedBackup; progress: RestoreProgress | null }
  | { kind: 'done'; result: RestoreResult }
  | { kind: 'error'; message: string };

const nf = new Intl.NumberFormat('en-US');

function countsText(c: BackupCounts): string {
  return `${nf.format(c.segments)} stretch${c.segments === 1 ? '' : 'es'} of time, ${nf.format(c.rules)} rule${c.rules === 1 ? '' : 's'}, ${
    c.settings ? 'settings' : 'no settings'
  }, ${nf.format(c.reviews)} review note${c.reviews === 1 ? '' : 's'}`;
}

function resultText(r: RestoreResult): string {
  if (r.mode === 'replace') return `Restored ${countsText(r.added)}.`;
  const s = r.skipped;
  const parts = [
    `${nf.format(r.added.segments)} stretch${r.added.segments === 1 ? '' : 'es'} of time added (${nf.format(s.segments)} already there)`,
    `${nf.format(r.added.rules)} rule${r.added.rules === 1 ? '' : 's'} added (${nf.format(s.rules)} already there)`,
    `${nf.format(r.added.reviews)} review note${r.added.reviews === 1 ? '' : 's'} added (${nf.format(s.reviews)} kept as they were)`,
    r.settings === 'kept'
      ? 'your current settings kept'
      : r.settings === 'restored'
        ? 'settings restored'
        : 'no settings in the backup',
  ];
  return `Merged: ${parts.join('; ')}.`;
}

/** Let the browser paint (a status message) before a long synchronous step. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Make a full backup and download it; says what was saved (or why not). Also offered before a retention deletes history. */
export async function downloadBackup(
  db: CreativeRatioDB,
): Promise<{ tone: 'success' | 'error' | 'warning'; text: string }> {
  try {
    const now = Date.now();
    const b = await createBackup(db, { now });
    const name = backupFileName(now);
    downloadText(b.parts, name);
    const size =
      b.chars >= 1_000_000 ? `${(b.chars / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(b.chars / 1000))} kB`;
    const skipped = b.skipped.length
      ? ` ${b.skipped.length} damaged row${b.skipped.length === 1 ? ' was' : 's were'} left out (first: ${b.skipped[0]!.table} index ${b.skipped[0]!.index}, ${b.skipped[0]!.message}).`
      : '';
    return {
      tone: skipped ? 'warning' : 'success',
      text: `Saved ${name} (${size}): ${countsText(b.counts)}.${skipped}`,
    };
  } catch (err) {
    return { tone: 'error', text: `The backup could not be made: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * Full backup (download) and restore (replace or merge), with a confirmation showing what the file
 * holds, progress while writing, and a clear result. A restore is all or nothing.
 */
export function BackupRestore({ db: dbProp, afterRestore = defaultAfterRestore, id = 'backup' }: BackupRestoreProps) {
  const db = dbProp ?? getDb();
  const ids = { file: useId(), mode: useId() };
  const current = useBackupCounts(db);
  const [backingUp, setBackingUp] = useState(false);
  const [backupMessage, setBackupMessage] = useState<{ tone: 'success' | 'error' | 'warning'; text: string } | null>(
    null,
  );
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  // Merge (adds, deletes nothing) is the default; Replace must be chosen and then confirmed.
  const [mode, setModeState] = useState<RestoreMode>('merge');
  const [replaceConfirmed, setReplaceConfirmed] = useState(false);
  const setMode = (next: RestoreMode) => {
    setModeState(next);
    setReplaceConfirmed(false);
  };
  const seq = useRef(0);

  const backup = async () => {
    setBackingUp(true);
    setBackupMessage(null);
    try {
      setBackupMessage(await downloadBackup(db));
    } finally {
      setBackingUp(false);
    }
  };

  const pick = async (file: File) => {
    const my = ++seq.current;
    setMode('merge');
    if (file.size > MAX_BACKUP_CHARS) {
      setStage({
        kind: 'error',
        message: `The file is too large (${(file.size / 1_000_000).toFixed(0)} MB; at most ${MAX_BACKUP_CHARS / 1_000_000} MB). Nothing was changed.`,
      });
      return;
    }
    setStage({ kind: 'checking', fileName: file.name });
    try {
      const text = await readText(file);
      await nextFrame();
      if (my !== seq.current) return;
      // Regex rules are checked on the linear-time engine they will run on, loaded only when needed.
      if (text.includes('regex')) await loadRegexEngine();
      if (my !== seq.current) return;
      const parsed = parseBackupFor(db, text);
      if (my !== seq.current) return;
      setStage(
        parsed.ok
          ? { kind: 'confirm', fileName: file.name, backup: parsed.backup }
          : { kind: 'error', message: `${parsed.error.message} Nothing was changed.` },
      );
    } catch (err) {
      if (my === seq.current)
        setStage({
          kind: 'error',
          message: `The file could not be read: ${err instanceof Error ? err.message : String(err)}`,
        });
    }
  };

  const restore = async () => {
    if (stage.kind !== 'confirm') return;
    if (mode === 'replace' && !replaceConfirmed) return;
    const { backup: parsed, fileName } = stage;
    setStage({ kind: 'restoring', fileName, backup: parsed, progress: null });
    try {
      const result = await restoreBackup(db, parsed, {
        mode,
        onProgress: (progress) => setStage({ kind: 'restoring', fileName, backup: parsed, progress }),
      });
      await afterRestore().catch(() => undefined);
      setStage({ kind: 'done', result });
    } catch (err) {
      setStage({ kind: 'error', message: `Nothing was changed: ${err instanceof Error ? err.message : String(err)}` });
    }
  };

  const cancel = () => {
    seq.current++;
    setStage({ kind: 'idle' });
    setMode('merge');
  };

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
                for weeks without one. Your settings stay.
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
                <strong>Replace</strong> — delete the time, rules, settings and notes stored now, and use the
                backup&apos;s.
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
