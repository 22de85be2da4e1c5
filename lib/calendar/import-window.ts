/**
 * The weeks an import covers and the weekly meeting hours the preview shows. Local time,
 * DST-safe (date-fns calendar arithmetic). Pure.
 *
 * By default an import takes **everything the file holds** that the person keeps: from the
 * data-retention limit (Settings; "keep everything" = the longest window the expansion accepts)
 * to the end of next week. The person may narrow it to the last 4–52 weeks.
 */
import { addDays, addWeeks, format, startOfWeek, subMonths } from 'date-fns';
import type { Segment } from '@/lib/model';
import type { WeekDay } from '@/lib/settings';
import { MAX_WINDOW_MS } from './limits';

/** How far back an import reaches: everything kept, or the last N weeks. */
export type WeeksBack = 'all' | number;

/** The choices the import form offers. */
export const WEEKS_BACK_CHOICES: readonly WeeksBack[] = ['all', 4, 12, 26, 52];
export const DEFAULT_WEEKS_BACK: WeeksBack = 'all';

export interface ImportWindow {
  from: number;
  to: number;
}

/**
 * From the earliest instant the person keeps (the retention limit, never more than the longest
 * expansion window) — or, with `weeksBack` a number, the start of the week that many weeks before
 * the current one, whichever is later — to the end of next week. Next week is included so the
 * preview can show what is coming; the next import or refresh replaces it.
 */
export function importWindow(
  now: number,
  weekStartsOn: WeekDay,
  weeksBack: WeeksBack = DEFAULT_WEEKS_BACK,
  retentionMonths: number | null = null,
): ImportWindow {
  const thisWeek = startOfWeek(now, { weekStartsOn });
  const to = addWeeks(thisWeek, 2).getTime();
  // The first week start that keeps the window within MAX_WINDOW_MS.
  let from = startOfWeek(addDays(to - MAX_WINDOW_MS, 7), { weekStartsOn }).getTime();
  if (retentionMonths !== null) from = Math.max(from, subMonths(now, retentionMonths).getTime());
  if (weeksBack !== 'all') from = Math.max(from, addWeeks(thisWeek, -Math.max(0, Math.floor(weeksBack))).getTime());
  return { from, to };
}

export interface WeekHours {
  /** `yyyy-MM-dd` of the week's first day. */
  key: string;
  start: number;
  end: number;
  /** Meeting time in that week, ms. */
  ms: number;
  relation: 'past' | 'current' | 'next' | 'later';
}

/**
 * Meeting time per week. With `range` (the span the file covers), every week from the one holding
 * `range.from` to the one holding `range.to − 1`; without, the `pastWeeks` weeks before this one,
 * this week and next week.
 */
export function meetingHoursByWeek(
  segments: readonly Pick<Segment, 'start' | 'end'>[],
  now: number,
  weekStartsOn: WeekDay,
  range?: ImportWindow | null,
  pastWeeks = 4,
): WeekHours[] {
  const thisWeek = startOfWeek(now, { weekStartsOn }).getTime();
  const first = range ? startOfWeek(range.from, { weekStartsOn }) : addWeeks(thisWeek, -pastWeeks);
  const last = range ? Math.max(range.from, range.to - 1) : addWeeks(thisWeek, 1).getTime();
  const weeks: WeekHours[] = [];
  for (let s = first; s.getTime() <= last && weeks.length < 200; s = addWeeks(s, 1)) {
    const t = s.getTime();
    const next = addWeeks(thisWeek, 1).getTime();
    weeks.push({
      key: format(s, 'yyyy-MM-dd'),
      start: t,
      end: addWeeks(s, 1).getTime(),
      ms: 0,
      relation: t < thisWeek ? 'past' : t === thisWeek ? 'current' : t === next ? 'next' : 'later',
    });
  }
  // Segments and weeks are both in order: one pass.
  const sorted = [...segments].sort((a, b) => a.start - b.start);
  let w = 0;
  for (const seg of sorted) {
    while (w < weeks.length && weeks[w]!.end <= seg.start) w++;
    for (let i = w; i < weeks.length && weeks[i]!.start < seg.end; i++) {
      const overlap = Math.min(seg.end, weeks[i]!.end) - Math.max(seg.start, weeks[i]!.start);
      if (overlap > 0) weeks[i]!.ms += overlap;
    }
  }
  return weeks;
}
