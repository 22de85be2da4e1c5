import { useLive } from './live';
import { useMemo } from 'react';
import { openSegmentsOf } from '@/lib/ui/tracking';
import { getDb, readTrackerState, segmentsOverlapping } from '@/lib/db';
import type { ReportClassifier } from '@/lib/report';
import type { Settings } from '@/lib/settings';
import { todayFromEarly, todayView, type Today } from '@/lib/ui/today';
import { todayBounds } from '@/lib/ui/today-range';
import { useEarlyRead } from './early-data';

/**
 * Today's report, live: reads only today's segments (plus the tracker's open ones, counted up to
 * now). Until the live query answers, the page's early read of today stands in (the popup's first paint).
 */
export function useToday(
  now: number,
  settings: Settings | undefined,
  classifier: ReportClassifier | undefined,
): Today | undefined {
  const db = getDb();
  const { dayStart, dayEnd } = todayBounds(now);
  const live = useLive(async () => {
    const [segments, tracker] = await Promise.all([segmentsOverlapping(db, dayStart, dayEnd), readTrackerState(db)]);
    return { dayStart, segments, open: openSegmentsOf(tracker) };
  }, [db, dayStart, dayEnd]);
  const early = useEarlyRead();
  const rows = useMemo(() => live ?? todayFromEarly(early, dayStart), [live, early, dayStart]);
  return useMemo(
    () => (rows && settings && classifier ? todayView(rows, settings, classifier, now) : undefined),
    [rows, settings, classifier, now],
  );
}
