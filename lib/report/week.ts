/**
 * The week (and day) report: what the dashboard and the popup show.
 *
 * Pipeline: add the tracker's open segments (up to `now`) → clip to the range and to `now`
 * (future calendar events never count) → clip to working hours when the person asked for it →
 * resolve overlaps (timeline.ts) → split at local midnights → aggregate per day and per week.
 * Days are local days from date-fns (DST-safe: 23- and 25-hour days are whole days).
 */
import { format, getDay } from 'date-fns';
import type { ClassName, Segment } from '@/lib/model';
import type { WeekDay, WorkingHours } from '@/lib/settings';
import { memoClassifier, type MemoClassify } from '@/lib/report/classification';
import { localDayStart } from '@/lib/time/days';
import { creativeBlockList, switchInstants } from '@/lib/report/sequence';
import { resolveLayers, resolveWith } from '@/lib/report/timeline';
import type {
  BlockCounts,
  BuildDayReportInput,
  BuildWeekReportInput,
  CreativeBlock,
  DayReport,
  DayTotals,
  KindRow,
  MultitaskRow,
  OpenLaneSegment,
  Piece,
  ReportThresholds,
  GuessedRow,
  ToolRow,
  Totals,
  UnclassifiedRow,
  WeekReport,
} from '@/lib/report/types';

const MIN = 60_000;
const HOUR = 60 * MIN;

export const DEFAULT_THRESHOLDS: Readonly<ReportThresholds> = Object.freeze({
  flickMs: 5_000,
  switchResetGapMs: 5 * MIN,
  blockGapToleranceMs: 2 * MIN,
  blockInterruptionMs: 2 * MIN,
  minActiveMsForRate: 15 * MIN,
  minClassifiedMsForBestDay: HOUR,
});

/** Block lengths the report counts (minutes). */
export const BLOCK_MILESTONES_MIN = [25, 50, 90] as const;

// ---------- preparing segments ----------

/** The instant `minute` minutes of wall-clock time after the local midnight of `day` (DST-safe; 1440 = next midnight). */
export function atLocalMinute(day: Date | number, minute: number): number {
  const d = new Date(day);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate(), Math.floor(minute / 60), minute % 60).getTime();
}

/** Working-hour windows [start, end) of the local days in [from, to). */
export function workingWindows(from: number, to: number, wh: WorkingHours): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let d = new Date(localDayStart(from)); d.getTime() < to; d = new Date(localDayStart(d, 1))) {
    if (!wh.days.includes(getDay(d) as WeekDay)) continue;
    const s = Math.max(from, atLocalMinute(d, wh.startMinute));
    const e = Math.min(to, atLocalMinute(d, wh.endMinute));
    if (e > s) out.push([s, e]);
  }
  return out;
}

/** The tracker's open segments as browser segments ending at `now` (those starting at or after `now` are dropped). */
export function openToSegments(open: readonly OpenLaneSegment[], now: number): Segment[] {
  const out: Segment[] = [];
  for (const o of open) {
    if (!(o.start < now)) continue;
    out.push({
      start: o.start,
      end: now,
      day: format(o.start, 'yyyy-MM-dd'),
      host: o.host,
      path: o.path,
      source: 'browser',
      lane: o.lane,
    });
  }
  return out;
}

export interface PrepareOptions {
  from: number;
  to: number;
  now: number;
  open?: readonly OpenLaneSegment[];
  /** Clip to these working hours (pass null to count everything). */
  workingHours: WorkingHours | null;
}

/**
 * The segments that count in [from, min(to, now)): open segments added, everything clipped,
 * working hours applied. Never mutates its input (clipped segments are copies).
 */
export function prepareSegments(segments: readonly Segment[], o: PrepareOptions): Segment[] {
  const limit = Math.min(o.to, o.now);
  if (!(limit > o.from)) return [];
  const all = o.open && o.open.length > 0 ? [...segments, ...openToSegments(o.open, o.now)] : segments;
  const windows = o.workingHours
    ? workingWindows(o.from, limit, o.workingHours)
    : [[o.from, limit] as [number, number]];
  const out: Segment[] = [];
  for (const s of all) {
    if (!(s.end > o.from && s.start < limit)) continue;
    for (const [ws, we] of windows) {
      if (s.end <= ws || s.start >= we) continue;
      const start = Math.max(s.start, ws);
      const end = Math.min(s.end, we);
      out.push(start === s.start && end === s.end ? s : { ...s, start, end });
    }
  }
  return out;
}

// ---------- aggregation ----------

export function emptyTotals(): Totals {
  return { creative: 0, coordination: 0, neutral: 0, unclassified: 0 };
}

export function creativeShareOf(t: Totals): number | null {
  const classified = t.creative + t.coordination;
  return classified > 0 ? t.creative / classified : null;
}

class Acc {
  totals = emptyTotals();
  kinds = new Map<string, KindRow>();
  tools = new Map<string, ToolRow>();
  toolMs = new Map<string, number>();
  meetingMs = 0;
  messagingMs = 0;
  guessedMs = 0;
  multitaskMs = 0;
  switches = 0;
  blocks: CreativeBlock[] = [];

  add(p: Piece, ms: number): void {
    this.totals[p.class] += ms;
    const kk = `${p.class}\n${p.kind}`;
    const k = this.kinds.get(kk);
    if (k) k.ms += ms;
    else this.kinds.set(kk, { kind: p.kind, class: p.class, ms, share: 0 });
    const tk = `${p.toolId}\n${p.class}\n${p.kind}`;
    const t = this.tools.get(tk);
    if (t) t.ms += ms;
    else this.tools.set(tk, { toolId: p.toolId, tool: p.tool, class: p.class, kind: p.kind, ms, share: 0 });
    this.toolMs.set(p.toolId, (this.toolMs.get(p.toolId) ?? 0) + ms);
    if (p.guess) this.guessedMs += ms;
    if (p.kind === 'meetings') this.meetingMs += ms;
    else if (p.kind === 'messaging') this.messagingMs += ms;
  }

  tracked(): number {
    const t = this.totals;
    return t.creative + t.coordination + t.neutral + t.unclassified;
  }

  rows<R extends { ms: number; share: number }>(m: Map<string, R>, name: (r: R) => string): R[] {
    const total = this.tracked();
    return [...m.values()]
      .map((r) => ({ ...r, share: total > 0 ? r.ms / total : 0 }))
      .sort((a, b) => b.ms - a.ms || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
  }

  distinctTools(flickMs: number): number {
    let n = 0;
    for (const ms of this.toolMs.values()) if (ms >= flickMs) n++;
    return n;
  }
}

function blockCounts(blocks: readonly CreativeBlock[]): BlockCounts {
  const [a, b, c] = BLOCK_MILESTONES_MIN;
  return {
    atLeast25: blocks.filter((x) => x.ms >= a * MIN).length,
    atLeast50: blocks.filter((x) => x.ms >= b * MIN).length,
    atLeast90: blocks.filter((x) => x.ms >= c * MIN).length,
  };
}

function longest(blocks: readonly CreativeBlock[]): CreativeBlock | null {
  let best: CreativeBlock | null = null;
  for (const b of blocks) if (!best || b.ms > best.ms) best = b;
  return best;
}

function rate(switches: number, trackedMs: number, t: ReportThresholds): number | null {
  return trackedMs >= t.minActiveMsForRate ? switches / (trackedMs / HOUR) : null;
}

/** Index of the day [bounds[i], bounds[i+1]) that contains t (binary search; clamps to the first/last day). */
function dayIndexOf(bounds: readonly number[], t: number): number {
  let lo = 0;
  let hi = bounds.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

interface RangeResult {
  days: DayReport[];
  week: Acc;
  multitaskByTool: Map<string, MultitaskRow>;
  unclassified: UnclassifiedRow[];
  guessed: GuessedRow[];
  longest: CreativeBlock | null;
  counts: BlockCounts;
  thresholds: ReportThresholds;
}

interface RangeInput {
  segments: readonly Segment[];
  classify: MemoClassify;
  /** Local midnights: days[i] = [bounds[i], bounds[i+1]). */
  bounds: number[];
  now: number;
  workingHours: WorkingHours;
  open?: readonly OpenLaneSegment[];
  thresholds: ReportThresholds;
}

function buildRange(input: RangeInput): RangeResult {
  const { bounds, now, workingHours: wh, thresholds: th } = input;
  const from = bounds[0]!;
  const to = bounds[bounds.length - 1]!;
  const nDays = bounds.length - 1;
  const segs = prepareSegments(input.segments, {
    from,
    to,
    now,
    open: input.open,
    workingHours: wh.countOnlyInside ? wh : null,
  });
  const { pieces, multitask } = resolveWith(segs, resolveLayers(segs), input.classify);

  const dayAcc = Array.from({ length: nDays }, () => new Acc());
  const week = new Acc();
  const unclassified = new Map<string, { ms: number; paths: Map<string, number> }>();
  const guessed = new Map<string, { ms: number; paths: Map<string, { ms: number; piece: Piece }> }>();

  for (const p of pieces) {
    let s = p.start;
    let d = dayIndexOf(bounds, s);
    while (s < p.end && d < nDays) {
      const e = Math.min(p.end, bounds[d + 1]!);
      dayAcc[d]!.add(p, e - s);
      s = e;
      d++;
    }
    week.add(p, p.end - p.start);
    if (p.class === 'unclassified' && p.host !== '') {
      let u = unclassified.get(p.host);
      if (!u) unclassified.set(p.host, (u = { ms: 0, paths: new Map() }));
      const ms = p.end - p.start;
      u.ms += ms;
      u.paths.set(p.path, (u.paths.get(p.path) ?? 0) + ms);
    } else if (p.guess && p.host !== '') {
      let g = guessed.get(p.host);
      if (!g) guessed.set(p.host, (g = { ms: 0, paths: new Map() }));
      const ms = p.end - p.start;
      g.ms += ms;
      const at = g.paths.get(p.path);
      if (at) at.ms += ms;
      else g.paths.set(p.path, { ms, piece: p });
    }
  }

  const multitaskByTool = new Map<string, MultitaskRow>();
  for (const m of multitask) {
    let s = m.start;
    let d = dayIndexOf(bounds, s);
    while (s < m.end && d < nDays) {
      const e = Math.min(m.end, bounds[d + 1]!);
      dayAcc[d]!.multitaskMs += e - s;
      s = e;
      d++;
    }
    const ms = m.end - m.start;
    week.multitaskMs += ms;
    const row = multitaskByTool.get(m.toolId);
    if (row) row.ms += ms;
    else multitaskByTool.set(m.toolId, { toolId: m.toolId, tool: m.tool, ms });
  }

  for (const at of switchInstants(pieces, th)) {
    dayAcc[dayIndexOf(bounds, at)]!.switches++;
    week.switches++;
  }
  const allBlocks: CreativeBlock[] = [];
  for (const b of creativeBlockList(pieces, th)) {
    const d = dayIndexOf(bounds, b.start);
    const block: CreativeBlock = { ...b, day: format(bounds[d]!, 'yyyy-MM-dd') };
    dayAcc[d]!.blocks.push(block);
    allBlocks.push(block);
  }

  const days: DayReport[] = dayAcc.map((acc, i) => {
    const start = bounds[i]!;
    const weekDay = getDay(start) as WeekDay;
    const trackedMs = acc.tracked();
    return {
      day: format(start, 'yyyy-MM-dd'),
      start,
      end: bounds[i + 1]!,
      weekDay,
      isWorkingDay: wh.days.includes(weekDay),
      future: start > now,
      totals: acc.totals,
      trackedMs,
      classifiedMs: acc.totals.creative + acc.totals.coordination,
      guessedMs: acc.guessedMs,
      creativeShare: creativeShareOf(acc.totals),
      byKind: acc.rows(acc.kinds, (r) => r.kind),
      byTool: acc.rows(acc.tools, (r) => r.tool),
      meetingMs: acc.meetingMs,
      messagingMs: acc.messagingMs,
      multitaskMs: acc.multitaskMs,
      switches: acc.switches,
      switchesPerHour: rate(acc.switches, trackedMs, th),
      longestCreativeBlock: longest(acc.blocks),
      creativeBlocks: blockCounts(acc.blocks),
      distinctTools: acc.distinctTools(th.flickMs),
    };
  });

  const unclassifiedRows: UnclassifiedRow[] = [...unclassified.entries()]
    .map(([host, u]) => {
      let bestPath = '';
      let bestMs = -1;
      for (const [path, ms] of u.paths)
        if (ms > bestMs || (ms === bestMs && path < bestPath)) [bestPath, bestMs] = [path, ms];
      return bestPath ? { host, path: bestPath, ms: u.ms } : { host, ms: u.ms };
    })
    .sort((a, b) => b.ms - a.ms || (a.host < b.host ? -1 : 1));

  const guessedRows: GuessedRow[] = [...guessed.entries()]
    .map(([host, g]) => {
      let best: { path: string; ms: number; piece: Piece } | null = null;
      for (const [path, v] of g.paths)
        if (!best || v.ms > best.ms || (v.ms === best.ms && path < best.path))
          best = { path, ms: v.ms, piece: v.piece };
      const p = best!.piece;
      return { host, path: best!.path, ms: g.ms, class: p.class, kind: p.kind, guess: p.guess! };
    })
    .sort((a, b) => b.ms - a.ms || (a.host < b.host ? -1 : 1));

  return {
    days,
    week,
    multitaskByTool,
    unclassified: unclassifiedRows,
    guessed: guessedRows,
    longest: longest(allBlocks),
    counts: blockCounts(allBlocks),
    thresholds: th,
  };
}

function thresholdsOf(t: Partial<ReportThresholds> | undefined): ReportThresholds {
  return { ...DEFAULT_THRESHOLDS, ...t };
}

/** Local midnights of `n` consecutive days from the day of `start` (n + 1 boundaries). */
export function dayBounds(start: Date | number, n: number): number[] {
  return Array.from({ length: n + 1 }, (_, i) => localDayStart(start, i));
}

function bestDayOf(days: readonly DayReport[], t: ReportThresholds): string | null {
  let best: DayReport | null = null;
  for (const d of days) {
    if (d.creativeShare === null || d.classifiedMs < t.minClassifiedMsForBestDay) continue;
    if (!best || d.creativeShare > best.creativeShare!) best = d;
  }
  return best?.day ?? null;
}

/** The report of one local week. */
export function buildWeekReport(input: BuildWeekReportInput): WeekReport {
  const th = thresholdsOf(input.thresholds);
  const bounds = dayBounds(input.weekStart, 7);
  const r = buildRange({
    segments: input.segments,
    classify: memoClassifier(input.classify),
    bounds,
    now: input.now,
    workingHours: input.settings.workingHours,
    open: input.open,
    thresholds: th,
  });
  const trackedMs = r.week.tracked();
  const weekStart = bounds[0]!;
  const weekEnd = bounds[7]!;
  return {
    weekStart,
    weekEnd,
    week: format(weekStart, 'yyyy-MM-dd'),
    now: input.now,
    current: input.now >= weekStart && input.now < weekEnd,
    hasData: trackedMs > 0,
    countOnlyInside: input.settings.workingHours.countOnlyInside,
    targetShare: input.settings.targetShare,
    thresholds: th,
    days: r.days,
    totals: r.week.totals,
    trackedMs,
    classifiedMs: r.week.totals.creative + r.week.totals.coordination,
    guessedMs: r.week.guessedMs,
    creativeShare: creativeShareOf(r.week.totals),
    byKind: r.week.rows(r.week.kinds, (x) => x.kind),
    byTool: r.week.rows(r.week.tools, (x) => x.tool),
    meetingMs: r.week.meetingMs,
    messagingMs: r.week.messagingMs,
    multitaskMs: r.week.multitaskMs,
    multitaskByTool: [...r.multitaskByTool.values()].sort((a, b) => b.ms - a.ms || (a.tool < b.tool ? -1 : 1)),
    switches: r.week.switches,
    switchesPerHour: rate(r.week.switches, trackedMs, th),
    longestCreativeBlock: r.longest,
    creativeBlocks: r.counts,
    distinctTools: r.week.distinctTools(th.flickMs),
    unclassified: r.unclassified,
    guessed: r.guessed,
    bestDay: bestDayOf(r.days, th),
  };
}

/** The report of one local day (the popup's "today"). */
export function buildDayReport(input: BuildDayReportInput): DayReport {
  const r = buildRange({
    segments: input.segments,
    classify: memoClassifier(input.classify),
    bounds: dayBounds(input.day, 1),
    now: input.now,
    workingHours: input.settings.workingHours,
    open: input.open,
    thresholds: thresholdsOf(input.thresholds),
  });
  return r.days[0]!;
}

/** Just the totals of one local day. */
export function dayTotals(input: BuildDayReportInput): DayTotals {
  const d = buildDayReport(input);
  return {
    day: d.day,
    totals: d.totals,
    trackedMs: d.trackedMs,
    classifiedMs: d.classifiedMs,
    creativeShare: d.creativeShare,
  };
}

/** Classes in display order. */
export const CLASS_ORDER: readonly ClassName[] = ['creative', 'coordination', 'neutral', 'unclassified'];
