/**
 * The backup card's data: what is stored now (live), the download, and the restore — read and
 * check a file (regex rules on the engine they will run on), confirm, write with progress, all or
 * nothing. The view (components/BackupRestore.tsx) shows this state and calls its actions.
 */
import { useRef, useState } from 'react';
import { downloadText, readText } from '@/components/files';
import { sendToBackground } from '@/lib/browser/ui';
import { loadRegexEngine } from '@/lib/classify/regex-engine';
import type { CreativeRatioDB } from '@/lib/db';
import {
  createBackup,
  parseBackupFor,
  restoreBackup,
  type RestoreMode,
  type RestoreProgress,
  type RestoreResult,
} from '@/lib/db/backup';
import { MAX_BACKUP_CHARS, backupFileName, type BackupCounts, type ParsedBackup } from '@/lib/export/backup';
import { backupCountsText } from '@/lib/ui/backup';
import { useBackupCounts } from './queries';
import { forgetAllWeeks } from './week-data';

export type BackupStage =
  | { kind: 'idle' }
  | { kind: 'checking'; fileName: string }
  | { kind: 'confirm'; fileName: string; backup: ParsedBackup }
  | { kind: 'restoring'; fileName: string; backup: ParsedBackup; progress: RestoreProgress | null }
  | { kind: 'done'; result: RestoreResult }
  | { kind: 'error'; message: string };

export type BackupMessage = { tone: 'success' | 'error' | 'warning'; text: string };

export interface BackupRestoreState {
  /** What is stored now (undefined while loading). */
  current: BackupCounts | undefined;
  backingUp: boolean;
  /** What the last download saved (or why not). */
  backupMessage: BackupMessage | null;
  /** Make a backup and download it. */
  backup: () => Promise<void>;
  stage: BackupStage;
  mode: RestoreMode;
  /** Choosing a mode asks again for the Replace confirmation. */
  setMode: (mode: RestoreMode) => void;
  replaceConfirmed: boolean;
  setReplaceConfirmed: (yes: boolean) => void;
  /** Read and check a backup file; a newer pick supersedes an older one still being checked. */
  pick: (file: File) => Promise<void>;
  /** Restore the checked file (Replace only once confirmed). */
  restore: () => Promise<void>;
  cancel: () => void;
}

/** Empty the pages' summary cache (computed from the old data) and tell the background to re-read settings. */
export async function defaultAfterRestore(): Promise<void> {
  await forgetAllWeeks().catch(() => undefined);
  await sendToBackground({ type: 'settings-changed' });
}

/** Let the browser paint (a status message) before a long synchronous step. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Make a full backup and download it; says what was saved (or why not). Also offered before a retention deletes history. */
export async function downloadBackup(db: CreativeRatioDB): Promise<BackupMessage> {
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
      text: `Saved ${name} (${size}): ${backupCountsText(b.counts)}.${skipped}`,
    };
  } catch (err) {
    return { tone: 'error', text: `The backup could not be made: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * Backup and restore of `db`. `afterRestore` runs after a successful restore (default: empty the
 * summary cache and tell the background, `defaultAfterRestore`).
 */
export function useBackupRestore(
  db: CreativeRatioDB,
  afterRestore: () => Promise<void> = defaultAfterRestore,
): BackupRestoreState {
  const current = useBackupCounts(db);
  const [backingUp, setBackingUp] = useState(false);
  const [backupMessage, setBackupMessage] = useState<BackupMessage | null>(null);
  const [stage, setStage] = useState<BackupStage>({ kind: 'idle' });
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

  return {
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
  };
}
