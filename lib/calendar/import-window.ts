/**
 * The weeks an import covers and the weekly meeting hours the preview shows. Local time,
 * DST-safe (date-fns calendar arithmetic). Pure.
 */
import { addWeeks, format, startOfWeek } from 'date-fns';
import type { Segment } from '@/lib/model';
import type { WeekDay } from '@/lib/settings';

/** How far back an import may reach, in weeks (the choices the import form offers). */
export const WEEKS_BACK_CHOICES = [4, 12, 26, 52] as const;
export const DEFAULT_WEEKS_BACK = 12;

export interface ImportWindow {
  from: number;
  to: number;
}

/**
 * From the start of the week `weeksBack` weeks before the current one to the end of next week.
 * Next week is included so the preview can show what is coming; re-importing replaces it.
 */
export function importWindow(now: number, weekStartsOn: WeekDay, weeksBack: number = DEFAULT_WEEKS_BACK): ImportWindow {
  const thisWeek = startOfWeek(now, { weekStartsOn });
  return { from: addWeeks(thisWeek, -Math.max(0, Math.floor(weeksBack))).getTime(), to: addWeeks(thisWeek, 2).getTime() };
}

export interface WeekHours {
  /** `yyyy-MM-dd` of the week's first day. */
  key: string;
  start: number;
  end: number;
  /** Meeting time in that week, ms. */
  ms: number;
  relation: 'past' | 'current' | 'next';
}

/** Meeting time per week for the `pastWeeks` weeks before this one, this week and next week. */
export function meetingHoursByWeek(segments: readonly Pick<Segment, 'start' | 'end'>[], now: number, weekStartsOn: WeekDay, pastWeeks = 4): WeekHours[] {
  const thisWeek = startOfWeek(now, { weekStartsOn });
  const weeks: WeekHours[] = [];
  for (let i = -pastWeeks; i <= 1; i++) {
    const s = addWeeks(thisWeek, i);
    weeks.push({
      key: format(s, 'yyyy-MM-dd'),
      start: s.getTime(),
      end: addWeeks(s, 1).getTime(),
      ms: 0,
      relation: i < 0 ? 'past' : i === 0 ? 'current' : 'next',
    });
  }
  for (const seg of segments) {
    for (const w of weeks) {
      const overlap = Math.min(seg.end, w.end) - Math.max(seg.start, w.start);
      if (overlap > 0) w.ms += overlap;
    }
  }
  return weeks;
}
