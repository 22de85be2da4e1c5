/**
 * Suggest focus blocks for a week to come, from the person's own weeks. Pure: every input is
 * explicit (now, zone, settings, history, meetings).
 *
 * - When: each candidate is scored by the creative time the person actually had at that weekday
 *   and quarter hour in the past weeks (plus a quarter of that quarter hour's creative time on any weekday, so a
 *   Thursday with no history still follows the person's usual rhythm, and a tiny preference for
 *   mornings that only breaks ties when there is no history at all).
 * - Where: inside the working days and hours of Settings, never overlapping a meeting (known
 *   ones in the week, and recurring ones projected from past weeks: `recurringMeetings`), never
 *   in the past, at least 30 min apart from each other, at most two a day.
 * - How long: 90 min by default, 120 when the half hour after is as creative, 60 when only an
 *   hour is free or the hour after is not creative. Starts on the hour or half hour.
 * - How many: half of the target creative share of the working time left free by meetings, in
 *   90-minute blocks (at least one when the target is above zero) — the rest of the target is
 *   left for creative work that happens without a booking.
 *
 * Wall times are converted to instants in `zone`, and lengths are real durations, so a block
 * on a DST day is still 60–120 min long and inside the working hours of that day.
 */
import type { ClassName, KindId } from '@/lib/model';
import type { WorkingHours } from '@/lib/settings';
import type { Zone } from '@/lib/calendar/time-zones';
import { DAY, MINUTE, wallDate, wallWeekday } from '@/lib/calendar/wall-time';
import { isFocusKind, sortBlocks, type Busy, type FocusKind, type PlanBlock } from './types';

/** A classified stretch of past time (a timeline piece, lib/report/timeline.ts). */
export interface HistoryPiece {
  start: number;
  end: number;
  class: ClassName;
  kind?: KindId;
}

export interface SuggestInput {
  now: number;
  zone: Zone;
  /** The planned week's first day, `yyyy-MM-dd`, in `zone`. */
  week: string;
  workingHours: WorkingHours;
  /** Target creative share, 0..1. */
  targetShare: number;
  /** Classified past time (any weeks; the more, the steadier). */
  history: readonly HistoryPiece[];
  /** Meetings in the planned week (imported or subscribed, and projected recurring ones). */
  meetings: readonly Busy[];
}

export interface Suggestion {
  blocks: PlanBlock[];
  /** The number of blocks asked for (fewer when the week has no room). */
  wanted: number;
  /** True when past creative time decided the hours (false: no history, mornings first). */
  fromHistory: boolean;
}

const SLOT = 30 * MINUTE;
const STEP = 15 * MINUTE;
const GAP = 30 * MINUTE;
const MAX_PER_DAY = 2;
/** A longer block is worth more, less than in proportion (√length): 120 min wins only when its last half hour is as creative. */
const LENGTHS: ReadonlyArray<{ min: number; factor: number }> = [90, 120, 60].map((min) => ({
  min,
  factor: Math.sqrt(min / 90),
}));

/** Wall midnight of a `yyyy-MM-dd` key, or null. */
export function wallOfDayKey(key: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(t);
  return d.getUTCDate() === Number(m[3]) && d.getUTCMonth() === Number(m[2]) - 1 ? t : null;
}

/** The instants of the seven local days of the week starting at `week` (8 bounds). */
export function weekDayBounds(week: string, zone: Zone): number[] {
  const first = wallOfDayKey(week);
  if (first === null) throw new Error(`Not a week key: ${week}`);
  return Array.from({ length: 8 }, (_, i) => zone.toInstant(first + i * DAY));
}

/** Working windows (instants) of each working day of the week, with the day's weekday. */
export function workingWindowsOfWeek(
  week: string,
  zone: Zone,
  wh: WorkingHours,
): Array<{ weekday: number; dayWall: number; start: number; end: number }> {
  const first = wallOfDayKey(week);
  if (first === null) throw new Error(`Not a week key: ${week}`);
  const out: Array<{ weekday: number; dayWall: number; start: number; end: number }> = [];
  for (let i = 0; i < 7; i += 1) {
    const dayWall = first + i * DAY;
    const weekday = wallWeekday(dayWall);
    if (!wh.days.includes(weekday as WorkingHours['days'][number])) continue;
    const start = zone.toInstant(dayWall + wh.startMinute * MINUTE);
    const end = zone.toInstant(dayWall + wh.endMinute * MINUTE);
    if (end > start) out.push({ weekday, dayWall, start, end });
  }
  return out;
}

/** 15-minute slots of a week: weekday × quarter hour of the zone's wall clock. */
const QUARTERS = 96;
function slotOf(wall: number): number {
  return wallWeekday(wall) * QUARTERS + Math.floor((((wall % DAY) + DAY) % DAY) / (15 * MINUTE));
}

/** Creative time by weekday × quarter hour of the zone's wall clock, and the creative kinds of each slot. */
export function creativeProfile(
  history: readonly HistoryPiece[],
  zone: Zone,
): { ms: Float64Array; kinds: Array<Map<FocusKind, number>>; total: number } {
  const ms = new Float64Array(7 * QUARTERS);
  const kinds: Array<Map<FocusKind, number>> = Array.from({ length: 7 * QUARTERS }, () => new Map());
  let total = 0;
  for (const p of history) {
    if (p.class !== 'creative' || !(p.end > p.start)) continue;
    const kind: FocusKind = isFocusKind(p.kind) ? p.kind : 'focus';
    let t = p.start;
    while (t < p.end) {
      const wall = zone.toWall(t);
      const next = Math.min(p.end, t + (STEP - (((wall % STEP) + STEP) % STEP)));
      const slot = slotOf(wall);
      const d = next - t;
      ms[slot] = ms[slot]! + d;
      kinds[slot]!.set(kind, (kinds[slot]!.get(kind) ?? 0) + d);
      total += d;
      t = next > t ? next : t + STEP;
    }
  }
  return { ms, kinds, total };
}

function overlaps(a: Busy, b: Busy): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Minutes of `busy` inside [from, to) (busy intervals merged). */
function busyInside(busy: readonly Busy[], from: number, to: number): number {
  const clipped = sortBlocks(
    busy.map((b) => ({ start: Math.max(from, b.start), end: Math.min(to, b.end) })).filter((b) => b.end > b.start),
  );
  let total = 0;
  let cur: Busy | null = null;
  for (const b of clipped) {
    if (cur && b.start <= cur.end) cur.end = Math.max(cur.end, b.end);
    else {
      if (cur) total += cur.end - cur.start;
      cur = { ...b };
    }
  }
  if (cur) total += cur.end - cur.start;
  return total;
}

/** How many blocks the week asks for: half the target share of the free working time, in 90-min blocks. */
export function wantedBlocks(freeMs: number, targetShare: number, workingDays: number): number {
  if (!(targetShare > 0) || freeMs <= 0 || workingDays <= 0) return 0;
  const n = Math.round((freeMs * targetShare * 0.5) / (90 * MINUTE));
  return Math.max(1, Math.min(n, workingDays * MAX_PER_DAY));
}

/**
 * Meetings that recur at the same weekday, start (rounded to 15 min) and length in at least
 * `minWeeks` different past weeks, placed in the planned week. Browser calls (ragged starts) and
 * calendar meetings both count.
 */
export function recurringMeetings(past: readonly Busy[], zone: Zone, week: string, minWeeks = 2): Busy[] {
  const first = wallOfDayKey(week);
  if (first === null) return [];
  const round = (ms: number) => Math.round(ms / STEP) * STEP;
  const seen = new Map<string, Set<number>>();
  for (const m of past) {
    if (!(m.end > m.start)) continue;
    const wall = round(zone.toWall(m.start));
    const len = round(m.end - m.start);
    if (len < STEP) continue;
    const day = wallDate(wall);
    const weekIdx = Math.floor((day - first) / (7 * DAY));
    if (weekIdx >= 0) continue;
    const key = `${wallWeekday(wall)}|${wall - day}|${len}`;
    let s = seen.get(key);
    if (!s) seen.set(key, (s = new Set()));
    s.add(weekIdx);
  }
  const out: Busy[] = [];
  for (const [key, weeks] of seen) {
    if (weeks.size < minWeeks) continue;
    const [wd, tod, len] = key.split('|').map(Number) as [number, number, number];
    const offset = (wd - wallWeekday(first) + 7) % 7;
    const start = zone.toInstant(first + offset * DAY + tod);
    out.push({ start, end: start + len });
  }
  return sortBlocks(out);
}

interface Candidate {
  start: number;
  end: number;
  day: number;
  score: number;
  kind: FocusKind;
}

/** Suggested focus blocks for the week `input.week` (see the module comment). */
export function suggestFocusBlocks(input: SuggestInput): Suggestion {
  const { zone, workingHours, now } = input;
  const windows = workingWindowsOfWeek(input.week, zone, workingHours);
  const profile = creativeProfile(input.history, zone);
  const byQuarter = new Float64Array(QUARTERS);
  for (let s = 0; s < 7 * QUARTERS; s += 1) byQuarter[s % QUARTERS] = byQuarter[s % QUARTERS]! + profile.ms[s]!;
  const overall = new Map<FocusKind, number>();
  for (const m of profile.kinds) for (const [k, v] of m) overall.set(k, (overall.get(k) ?? 0) + v);
  const topKind = (m: Map<FocusKind, number>): FocusKind | null => {
    let best: FocusKind | null = null;
    let bestMs = 0;
    for (const [k, v] of m) if (v > bestMs || (v === bestMs && best !== null && k < best)) [best, bestMs] = [k, v];
    return best;
  };
  const fallbackKind = topKind(overall) ?? 'focus';

  const density = (wall: number): number => {
    const slot = slotOf(wall);
    const q = slot % QUARTERS;
    return profile.ms[slot]! + 0.25 * byQuarter[q]!;
  };
  // Breaks ties when there is no history: mornings first, 90 min long.
  const prior = (wall: number, min: number): number =>
    MINUTE * (1 - (slotOf(wall) % QUARTERS) / (2 * QUARTERS)) * (min === 90 ? 1 : 0.9);

  const meetings = input.meetings.filter((m) => m.end > m.start);
  let freeMs = 0;
  for (const w of windows) freeMs += Math.max(0, w.end - w.start - busyInside(meetings, w.start, w.end));
  const wanted = wantedBlocks(freeMs, input.targetShare, windows.length);

  const candidates: Candidate[] = [];
  for (const w of windows) {
    for (let wall = w.dayWall + Math.ceil((workingHours.startMinute * MINUTE) / SLOT) * SLOT; ; wall += SLOT) {
      const start = zone.toInstant(wall);
      if (start >= w.end) break;
      if (start < w.start || start < now) continue;
      for (const len of LENGTHS) {
        const end = start + len.min * MINUTE;
        if (end > w.end) continue;
        const block = { start, end };
        if (meetings.some((m) => overlaps(m, block))) continue;
        let sum = 0;
        let n = 0;
        const kinds = new Map<FocusKind, number>();
        for (let t = start; t < end; t += STEP) {
          const tw = zone.toWall(t);
          sum += density(tw);
          n += 1;
          const slot = profile.kinds[slotOf(tw)]!;
          for (const [k, v] of slot) kinds.set(k, (kinds.get(k) ?? 0) + v);
        }
        candidates.push({
          start,
          end,
          day: w.dayWall,
          score: (sum / n) * len.factor + prior(wall, len.min),
          kind: topKind(kinds) ?? fallbackKind,
        });
      }
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.start - b.start || a.end - b.end);

  const chosen: Candidate[] = [];
  const perDay = new Map<number, number>();
  for (const c of candidates) {
    if (chosen.length >= wanted) break;
    if ((perDay.get(c.day) ?? 0) >= MAX_PER_DAY) continue;
    if (chosen.some((b) => c.start < b.end + GAP && b.start < c.end + GAP)) continue;
    chosen.push(c);
    perDay.set(c.day, (perDay.get(c.day) ?? 0) + 1);
  }
  const blocks = sortBlocks(chosen).map((c) => ({
    id: `focus-${c.start.toString(36)}`,
    start: c.start,
    end: c.end,
    kind: c.kind,
  }));
  return { blocks, wanted, fromHistory: profile.total > 0 };
}
