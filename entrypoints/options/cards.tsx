/**
 * The settings page's cards that own storage, wired: each data hook (components/data/) feeds its
 * presentational card (components/). One small component per card, so a card's own state (a file
 * being checked, a name being typed) re-renders that card only. `db` and the clock are the
 * extension's unless given (tests).
 */
import { useMemo, useState } from 'react';
import { BackupRestore } from '@/components/BackupRestore';
import { CalendarImport } from '@/components/CalendarImport';
import { SkippedMeetings } from '@/components/calendar/SkippedMeetings';
import { useSkippedMeetings } from '@/components/data/meetings';
import { useBackupRestore } from '@/components/data/backup';
import { useCalendarImport } from '@/components/data/calendar-import';
import { useTimeSection } from '@/components/data/settings';
import { useTeamExport } from '@/components/data/team-export';
import { TeamExport } from '@/components/TeamExport';
import { useTeamFormatters } from '@/components/team/format';
import { DEFAULT_MEETING_CLASS_SETTINGS, effectiveMeetingRules } from '@/lib/calendar/meeting-classes';
import { getDb, type CreativeRatioDB } from '@/lib/db';
import type { WeekDay } from '@/lib/settings';

export interface CalendarCardProps {
  /** Defaults to the extension's database. */
  db?: CreativeRatioDB;
  /** Defaults to the current time (refreshed). */
  now?: number;
  /** Defaults to the person's setting, else the locale's. */
  weekStartsOn?: WeekDay;
}

/** Settings → Calendar: subscriptions and file imports, planned with the person's meeting rules. */
export function CalendarCard({ db: dbProp, now: nowProp, weekStartsOn: weekProp }: CalendarCardProps) {
  const { db, now, weekStartsOn, settings } = useTimeSection({ db: dbProp, now: nowProp, weekStartsOn: weekProp });
  const meetingClasses = useMemo(
    () => effectiveMeetingRules(settings?.meetingClasses ?? DEFAULT_MEETING_CLASS_SETTINGS),
    [settings?.meetingClasses],
  );
  const state = useCalendarImport(db, now, weekStartsOn, settings?.retentionMonths ?? null, meetingClasses);
  return <CalendarImport state={state} now={now} />;
}

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

/** Settings → Calendar → Meetings you skipped. */
export function SkippedMeetingsCard({ db }: { db?: CreativeRatioDB }) {
  const state = useSkippedMeetings(db ?? getDb());
  return <SkippedMeetings {...state} />;
}
