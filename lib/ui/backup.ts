/** The words of the backup card: what a backup holds and what a restore did. */
import type { RestoreResult } from '@/lib/db/backup';
import type { BackupCounts } from '@/lib/export/backup';

const nf = new Intl.NumberFormat('en-US');

/** "1,204 stretches of time, 3 rules, settings, 2 review notes, 4 focus plans". */
export function backupCountsText(c: BackupCounts): string {
  return `${nf.format(c.segments)} stretch${c.segments === 1 ? '' : 'es'} of time, ${nf.format(c.rules)} rule${c.rules === 1 ? '' : 's'}, ${
    c.settings ? 'settings' : 'no settings'
  }, ${nf.format(c.reviews)} review note${c.reviews === 1 ? '' : 's'}, ${nf.format(c.plans)} focus plan${c.plans === 1 ? '' : 's'}`;
}

/** What a restore did, in one sentence (a merge says what was added and what was already there). */
export function restoreResultText(r: RestoreResult): string {
  if (r.mode === 'replace') return `Restored ${backupCountsText(r.added)}.`;
  const s = r.skipped;
  const parts = [
    `${nf.format(r.added.segments)} stretch${r.added.segments === 1 ? '' : 'es'} of time added (${nf.format(s.segments)} already there)`,
    `${nf.format(r.added.rules)} rule${r.added.rules === 1 ? '' : 's'} added (${nf.format(s.rules)} already there)`,
    `${nf.format(r.added.reviews)} review note${r.added.reviews === 1 ? '' : 's'} added (${nf.format(s.reviews)} kept as they were)`,
    `${nf.format(r.added.plans)} focus plan${r.added.plans === 1 ? '' : 's'} added or updated (${nf.format(s.plans)} kept: yours were as recent)`,
    r.settings === 'kept'
      ? 'your current settings kept'
      : r.settings === 'restored'
        ? 'settings restored'
        : 'no settings in the backup',
  ];
  return `Merged: ${parts.join('; ')}.`;
}
