/**
 * Editing a plan: what is wrong with a block (overlaps, outside working hours, in the past),
 * where a new block fits, and moving a block to another day and time while keeping its length.
 * Pure; zones as in lib/plan/suggest.ts.
 */
import type { Zone } from '@/lib/calendar/time-zones';
import { DAY, MINUTE } from '@/lib/calendar/wall-time';
import type { WorkingHours } from '@/lib/settings';
import { wallOfDayKey, workingWindowsOfWeek } from './suggest';
import type { Busy, PlanBlock } from './types';

export type BlockProblem = 'meeting' | 'block' | 'outside' | 'past' | 'short' | 'long';

export const PROBLEM_TEXT: Record<BlockProblem, string> = {
  meeting: 'overlaps a meeting',
  block: 'overlaps another focus block',
  outside: 'outside your working hours',
  past: 'already over',
  short: 'shorter than an hour: hard to get deep work done',
  long: 'longer than two hours: plan a break',
};

/** Problems of each block, by id (blocks with none are absent). */
export function blockProblems(
  blocks: readonly PlanBlock[],
  meetings: readonly Busy[],
  o: { week: string; zone: Zone; workingHours: WorkingHours; now: number },
): Map<string, BlockProblem[]> {
  const windows = workingWindowsOfWeek(o.week, o.zone, o.workingHours);
  const out = new Map<string, BlockProblem[]>();
  for (const b of blocks) {
    const p: BlockProblem[] = [];
    if (meetings.some((m) => m.start < b.end && b.start < m.end)) p.push('meeting');
    if (blocks.some((x) => x.id !== b.id && x.start < b.end && b.start < x.end)) p.push('block');
    if (!windows.some((w) => b.start >= w.start && b.end <= w.end)) p.push('outside');
    if (b.end <= o.now) p.push('past');
    if (b.end - b.start < 60 * MINUTE) p.push('short');
    if (b.end - b.start > 120 * MINUTE) p.push('long');
    if (p.length) out.set(b.id, p);
  }
  return out;
}

/** The first free 90-minute slot (on the hour or half hour) in the week's working hours after `now`, or null. */
export function firstFreeSlot(
  blocks: readonly PlanBlock[],
  meetings: readonly Busy[],
  o: { week: string; zone: Zone; workingHours: WorkingHours; now: number },
  lengthMin = 90,
): Busy | null {
  const busy = [...blocks, ...meetings];
  for (const w of workingWindowsOfWeek(o.week, o.zone, o.workingHours)) {
    for (
      let wall = w.dayWall + Math.ceil((o.workingHours.startMinute * MINUTE) / (30 * MINUTE)) * 30 * MINUTE;
      ;
      wall += 30 * MINUTE
    ) {
      const start = o.zone.toInstant(wall);
      const end = start + lengthMin * MINUTE;
      if (end > w.end) break;
      if (start < o.now) continue;
      if (!busy.some((x) => x.start < end && start < x.end)) return { start, end };
    }
  }
  return null;
}

/** Day index (0–6 in the week) and minutes after that day's midnight of an instant. */
export function dayAndMinute(t: number, week: string, zone: Zone): { day: number; minute: number } {
  const first = wallOfDayKey(week) ?? 0;
  const wall = zone.toWall(t);
  const day = Math.floor((wall - first) / DAY);
  return { day, minute: Math.round((wall - first - day * DAY) / MINUTE) };
}

/** The block moved to `day` (0–6) at `minute` after that day's midnight, keeping its length (or set to `lengthMin`). */
export function placeBlock(
  b: PlanBlock,
  week: string,
  zone: Zone,
  day: number,
  minute: number,
  lengthMin?: number,
): PlanBlock {
  const first = wallOfDayKey(week) ?? 0;
  const start = zone.toInstant(first + day * DAY + minute * MINUTE);
  return { ...b, start, end: start + (lengthMin !== undefined ? lengthMin * MINUTE : b.end - b.start) };
}
