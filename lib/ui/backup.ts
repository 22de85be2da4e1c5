/** The words of the backup card: what a backup holds and what a restore did. */
import type { RestoreProgress, RestoreResult } from '@/lib/db/backup';
import type { BackupCounts, BackupTable } from '@/lib/export/backup';

const nf = new Intl.NumberFormat('en-US');

/** "1 focus plan", "2 focus plans", "1,204 stretches of time". */
function rows(n: number, one: string, many: string): string {
  return `${nf.format(n)} ${n === 1 ? one : many}`;
}

/**
 * "1,204 stretches of time, 3 rules, settings, 2 review notes, 4 focus plans, 120 calendar meetings
 * (3 skipped)".
 */
export function backupCountsText(c: BackupCounts): string {
  return `${rows(c.segments, 'stretch of time', 'stretches of time')}, ${rows(c.rules, 'rule', 'rules')}, ${
    c.settings ? 'settings' : 'no settings'
  }, ${rows(c.reviews, 'review note', 'review notes')}, ${rows(c.plans, 'focus plan', 'focus plans')}, ${rows(
    c.meetings,
    'calendar meeting',
    'calendar meetings',
  )} (${nf.format(c.meetingSkips)} skipped)`;
}

/** What a restore did, in one sentence (a merge says what was added and what was already there). */
export function restoreResultText(r: RestoreResult): string {
  if (r.mode === 'replace') return `Restored ${backupCountsText(r.added)}.`;
  const s = r.skipped;
  const parts = [
    `${rows(r.added.segments, 'stretch', 'stretches')} of time added (${nf.format(s.segments)} already there)`,
    `${rows(r.added.rules, 'rule', 'rules')} added (${nf.format(s.rules)} already there)`,
    `${rows(r.added.reviews, 'review note', 'review notes')} added (${nf.format(s.reviews)} kept as they were)`,
    `${rows(r.added.plans, 'focus plan', 'focus plans')} added or updated (${nf.format(s.plans)} kept: yours were as recent)`,
    `${rows(r.added.meetings, 'calendar meeting', 'calendar meetings')} added (${nf.format(s.meetings)} already there)`,
    `${nf.format(r.added.meetingSkips)} more marked skipped (${nf.format(s.meetingSkips)} already were)`,
    r.settings === 'kept'
      ? 'your current settings kept'
      : r.settings === 'restored'
        ? 'settings restored'
        : 'no settings in the backup',
  ];
  return `Merged: ${parts.join('; ')}.`;
}

/**
 * What a backup of an older format lacks and what that means, or null for the current format.
 * Version 1 had no focus plans; versions 1 and 2 no calendar meetings.
 */
export function olderBackupText(version: number): string | null {
  if (version >= 3) return null;
  const lacks = version < 2 ? 'focus plans and calendar meetings were' : 'calendar meetings were';
  return (
    `This backup was made before ${lacks} backed up: it has none, and a merge keeps yours. Its calendar time ` +
    'is restored as it was; to mark one of those meetings skipped or judge it again, import that calendar ' +
    'again or refresh its subscription.'
  );
}

const TABLE_WORDS: Record<BackupTable, string> = {
  segments: 'stretches of time',
  rules: 'rules',
  settings: 'settings',
  reviews: 'review notes',
  plans: 'focus plans',
  meetings: 'calendar meetings',
  meetingSkips: 'skipped meetings',
};

/** "Writing calendar meetings: 2,000 of 5,120…" */
export function restoreProgressText(p: RestoreProgress): string {
  return `Writing ${TABLE_WORDS[p.table]}: ${nf.format(p.done)} of ${nf.format(p.total)}…`;
}
