/** The dashboard's "Add time": the dialog with the manual-blocks card, wired to its data hook. */
import { AddTimeDialog } from '@/components/AddTimeDialog';
import { useManualBlocks } from '@/components/data/manual-blocks';
import { useTimeSection } from '@/components/data/settings';
import { ManualBlocks } from '@/components/ManualBlocks';
import type { CreativeRatioDB } from '@/lib/db';
import type { WeekDay } from '@/lib/settings';
import type { WeekKey } from '@/lib/time/week';

export interface ManualBlocksCardProps {
  /** Defaults to the extension's database. */
  db?: CreativeRatioDB;
  /** Defaults to the current time (refreshed). */
  now?: number;
  /** Defaults to the person's setting, else the locale's. */
  weekStartsOn?: WeekDay;
  /** The week to list and add to (key of its first day, `yyyy-MM-dd`); defaults to the week containing `now`. */
  week?: WeekKey;
}

/** The manual blocks of a week: a new block starts on today in the current week, else on the week's first working day. */
export function ManualBlocksCard({ db: dbProp, now: nowProp, weekStartsOn: weekProp, week }: ManualBlocksCardProps) {
  const { db, now, settings, weekStartsOn } = useTimeSection({ db: dbProp, now: nowProp, weekStartsOn: weekProp });
  const state = useManualBlocks(db, now, weekStartsOn, week, settings?.workingHours.days);
  return <ManualBlocks state={state} />;
}

/** "Add time" for the week the page shows (default: the current week). */
export function AddTime({ weekStartsOn, week, db }: { weekStartsOn: WeekDay; week?: WeekKey; db?: CreativeRatioDB }) {
  return (
    <AddTimeDialog>
      <ManualBlocksCard db={db} weekStartsOn={weekStartsOn} week={week} />
    </AddTimeDialog>
  );
}
