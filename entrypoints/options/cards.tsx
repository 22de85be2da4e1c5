/**
 * The settings page's cards that own storage, wired: each data hook (components/data/) feeds its
 * presentational card (components/). One small component per card, so a card's own state (a file
 * being checked, a name being typed) re-renders that card only. `db` and the clock are the
 * extension's unless given (tests).
 */
import { BackupRestore } from '@/components/BackupRestore';
import { useBackupRestore } from '@/components/data/backup';
import { getDb, type CreativeRatioDB } from '@/lib/db';

/** Settings → Backup and restore. `afterRestore` default: empty the summary cache, tell the background. */
export function BackupCard({ db, afterRestore }: { db?: CreativeRatioDB; afterRestore?: () => Promise<void> }) {
  const state = useBackupRestore(db ?? getDb(), afterRestore);
  return <BackupRestore {...state} />;
}
