/**
 * The focus plan's data for the weekly review (issue #15 §4): the shown week's plan against what
 * happened, next week's plan and intent, and the meetings and history a suggestion is made from —
 * read live from lib/db and computed with the pure lib/plan modules.
 */
import { useLive } from './live';
import { useMemo } from 'react';
import { getDb, getPlan, segmentsOverlapping } from '@/lib/db';
import { FLOATING_ZONE, ianaZone, type Zone } from '@/lib/calendar/time-zones';
import { planVsActual } from '@/lib/plan/actual';
import { happened, planInputs } from '@/lib/plan/inputs';
import { recurringMeetings, suggestFocusBlocks } from '@/lib/plan/suggest';
import { sortBlocks, type Busy, type PlanBlock } from '@/lib/plan/types';
import type { ReportClassifier } from '@/lib/report';
import type { Settings, WeekDay } from '@/lib/settings';
import { shiftWeek, weekBounds, type WeekKey } from '@/lib/time/week';

/** Weeks of history the suggestion learns from. */
export const HISTORY_WEEKS = 6;

/** The computer's zone, as an explicit zone for lib/plan. */
export function localZone(): Zone {
  return ianaZone(Intl.DateTimeFormat().resolvedOptions().timeZone) ?? FLOATING_ZONE;
}

export interface PlanData {
  week: WeekKey;
  next: WeekKey;
  thisPlan: PlanBlock[];
  thisIntent: string;
  nextPlan: PlanBlock[] | null;
  nextIntent: string;
  /** What happened in this week's planned blocks' time. */
  outcomes: ReturnType<typeof planVsActual>;
  /** Meetings in next week: known calendar events and recurring ones. */
  nextMeetings: Busy[];
  suggest: () => PlanBlock[];
  fromHistory: boolean;
}

/** Everything the plan sections need, live. */
export function usePlanData(
  week: WeekKey,
  weekStartsOn: WeekDay,
  settings: Settings,
  classifier: ReportClassifier | undefined,
  now: number,
): PlanData | undefined {
  const db = getDb();
  const zone = useMemo(localZone, []);
  const next = shiftWeek(week, 1, weekStartsOn);
  const from = weekBounds(shiftWeek(week, -(HISTORY_WEEKS - 1), weekStartsOn)).start;
  const nb = weekBounds(next);
  const rows = useLive(
    async () => ({
      week,
      segments: await segmentsOverlapping(db, from, nb.end),
      thisRow: await getPlan(db, week),
      nextRow: await getPlan(db, next),
    }),
    [db, week, next, from, nb.end],
  );
  return useMemo(() => {
    if (!rows || rows.week !== week || !classifier) return undefined;
    const wb = weekBounds(week);
    const thisPlan = rows.thisRow?.blocks ?? [];
    const pieces = thisPlan.length ? happened(rows.segments, classifier, wb.start, wb.end, now) : [];
    const outcomes = planVsActual(thisPlan, pieces, now);
    const inputs = planInputs(rows.segments, classifier, {
      historyFrom: from,
      weekStart: nb.start,
      weekEnd: nb.end,
      now,
    });
    const known = inputs.weekMeetings;
    const recurring = recurringMeetings(inputs.pastMeetings, zone, next).filter(
      (r) => !known.some((k) => k.start < r.end && r.start < k.end),
    );
    const nextMeetings = sortBlocks([...known, ...recurring]);
    const base = {
      now,
      zone,
      week: next,
      workingHours: settings.workingHours,
      targetShare: settings.targetShare,
      history: inputs.history,
      meetings: nextMeetings,
    };
    return {
      week,
      next,
      thisPlan,
      thisIntent: rows.thisRow?.intent ?? '',
      nextPlan: rows.nextRow ? rows.nextRow.blocks : null,
      nextIntent: rows.nextRow?.intent ?? '',
      outcomes,
      nextMeetings,
      suggest: () => suggestFocusBlocks(base).blocks,
      fromHistory: inputs.history.some((p) => p.class === 'creative'),
    };
  }, [rows, week, classifier, now, from, nb.start, nb.end, zone, next, settings.workingHours, settings.targetShare]);
}
