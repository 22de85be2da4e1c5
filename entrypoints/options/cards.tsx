/**
 * The settings page's cards that own storage, wired: each data hook (components/data/) feeds its
 * presentational card (components/). One small component per card, so a card's own state (a file
 * being checked, a name being typed) re-renders that card only. `db` and the clock are the
 * extension's unless given (tests).
 */
import { useState } from 'react';
import { BackupRestore } from '@/components/BackupRestore';
import { useBackupRestore } from '@/components/data/backup';
import { useTeamExport } from '@/components/data/team-export';
import { TeamExport } from '@/components/TeamExport';
import { useTeamFormatters } from '@/components/team/format';
import { getDb, type CreativeRatioDB } from '@/lib/db';

/** Settings → Backup and restore. `afterRestore` default: empty the summary cache, tell the background. */
export function BackupCard({ db, afterRestore }: { db?: CreativeRatioDB; afterRestore?: () => Promise<void> }) {
  const state = useBackupRestore(db ?? getDb(), afterRestore);
  return <BackupRestore {...state} />;
}

/** Settings → Share with your team. `now` default: the time the card mounts. */
export function TeamExportCard({ db, now }: { db?: CreativeRatioDB; now?: number }) {
  const [mountedAt] = useState(() => now ?? Date.now());
  const { locale } = useTeamFormatters();
  const state = useTeamExport(db ?? getDb(), mountedAt, locale);
  return <TeamExport {...state} />;
}
