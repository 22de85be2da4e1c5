import { DayMeetings } from '@/components/calendar/DayMeetings';
import { useDayMeetings } from '@/components/data/meetings';
import type { CreativeRatioDB } from '@/lib/db';
import type { DayMeeting } from '@/lib/db/meetings';

export interface DayMeetingsLiveProps {
  db: CreativeRatioDB;
  dayStart: number;
  dayEnd: number;
  formatClock: (t: number) => string;
  busy: boolean;
  onSkip: (m: DayMeeting) => void;
  onUndo: (m: DayMeeting) => void;
}

/**
 * The day list's meetings with their live query. The day list mounts it only once it is near the
 * viewport (components/DayTimeline.tsx), so the query — the day's meetings and its calendar segments —
 * never runs during the first draw or a week switch, and its answer re-renders this list only, not
 * the whole week.
 */
export function DayMeetingsLive({ db, dayStart, dayEnd, formatClock, busy, onSkip, onUndo }: DayMeetingsLiveProps) {
  const dayMeetings = useDayMeetings(db, dayStart, dayEnd);
  if (!dayMeetings) return null;
  return (
    <DayMeetings
      meetings={dayMeetings.list}
      legacy={dayMeetings.legacy}
      formatClock={formatClock}
      busy={busy}
      onSkip={onSkip}
      onUndo={onUndo}
    />
  );
}
