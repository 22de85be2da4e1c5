import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { addDays, startOfDay } from 'date-fns';
import { openSegmentsOf } from '@/lib/ui/tracking';
import { getDb, readTrackerState, segmentsOverlapping } from '@/lib/db';
import { buildDayReport, type DayReport, type ReportClassifier } from '@/lib/report';
import { blockThresholdsOf, type Settings } from '@/lib/settings';
import { coverageOf, type Coverage } from '@/lib/report/coverage';

/** Today's report: reads only today's segments (plus the tracker's open ones, counted up to now). */
export function useToday(now: number, settings: Settings | undefined, classifier: ReportClassifier | undefined): (DayReport & { coverage: Coverage }) | undefined {
  const db = getDb();
  const dayStart = startOfDay(now).getTime();
  const dayEnd = addDays(dayStart, 1).getTime();
  const raw = useLiveQuery(async () => {
    const [segments, tracker] = await Promise.all([segmentsOverlapping(db, dayStart, dayEnd), readTrackerState(db)]);
    return { dayStart, segments, open: openSegmentsOf(tracker) };
  }, [db, dayStart, dayEnd]);
  return useMemo(() => {
    if (!raw || raw.dayStart !== dayStart || !settings || !classifier) return undefined;
    const coverage = coverageOf({ segments: raw.segments, open: raw.open, from: dayStart, to: dayEnd, now, workingHours: settings.workingHours });
    const report = buildDayReport({
      segments: raw.segments,
      classify: classifier,
      day: now,
      now,
      settings: { workingHours: settings.workingHours, targetShare: settings.targetShare },
      open: raw.open,
      thresholds: blockThresholdsOf(settings),
    });
    return { ...report, coverage };
  }, [raw, dayStart, dayEnd, settings, classifier, now]);
}
