/**
 * View models of the dashboard's charts and their table alternatives. Pure: the chart
 * components only draw what these return, and the tables show the same numbers.
 */
import { KINDS, KIND_IDS } from '@/lib/classify/kinds';
import type { ClassName, KindId } from '@/lib/model';
import type { DayReport, KindRow, ToolRow, TrendPoint } from '@/lib/report/types';
import { formatDayLabel, formatShortDate } from '@/lib/ui/week';

const HOUR = 3_600_000;

/** Stacking order: creative kinds at the bottom, then coordination, not work, unclassified. */
const CLASS_STACK: readonly ClassName[] = ['creative', 'coordination', 'neutral', 'unclassified'];
export const KIND_STACK_ORDER: readonly KindId[] = CLASS_STACK.flatMap((c) =>
  KIND_IDS.filter((k) => KINDS[k].class === c),
);

export interface KindSeries {
  kind: KindId;
  class: ClassName;
  name: string;
  color: string;
  colorDark: string;
  /** Hours per day, in day order. */
  hours: number[];
}

export interface DailyBarsView {
  dayKeys: string[];
  labels: string[];
  /** Only the kinds with time this week, in stacking order. */
  series: KindSeries[];
  /** Largest daily total in hours (for the axis). */
  maxHours: number;
  hasData: boolean;
}

export function dailyBarsView(days: readonly DayReport[], locale?: string): DailyBarsView {
  const perKind = new Map<KindId, number[]>();
  days.forEach((d, i) => {
    for (const row of d.byKind) {
      let arr = perKind.get(row.kind);
      if (!arr) {
        arr = new Array<number>(days.length).fill(0);
        perKind.set(row.kind, arr);
      }
      arr[i] = (arr[i] ?? 0) + row.ms / HOUR;
    }
  });
  const series: KindSeries[] = KIND_STACK_ORDER.filter((k) => perKind.get(k)?.some((h) => h > 0)).map((k) => ({
    kind: k,
    class: KINDS[k].class,
    name: KINDS[k].name,
    color: KINDS[k].color,
    colorDark: KINDS[k].colorDark,
    hours: perKind.get(k)!,
  }));
  const maxHours = Math.max(0, ...days.map((d) => d.trackedMs / HOUR));
  return {
    dayKeys: days.map((d) => d.day),
    labels: days.map((d) => formatDayLabel(d.day, locale)),
    series,
    maxHours,
    hasData: series.length > 0,
  };
}

export interface TrendView {
  weeks: string[];
  labels: string[];
  /** Creative share in percent (0..100), null for weeks without classified time. */
  sharePct: (number | null)[];
  points: readonly TrendPoint[];
  hasData: boolean;
}

export function trendView(points: readonly TrendPoint[], locale?: string): TrendView {
  return {
    weeks: points.map((p) => p.week),
    labels: points.map((p) => formatShortDate(p.week, locale)),
    sharePct: points.map((p) => (p.creativeShare === null ? null : Math.round(p.creativeShare * 1000) / 10)),
    points,
    hasData: points.some((p) => p.creativeShare !== null),
  };
}

export interface BreakdownRow {
  key: string;
  name: string;
  class: ClassName;
  kind: KindId;
  /** Kind name (for tools). */
  kindName: string;
  ms: number;
  /** Share of all tracked time, 0..1. */
  share: number;
  /** Share of the class's time (creative or coordination), 0..1, for the "of creative" column. */
  shareOfClass: number;
  color: string;
  colorDark: string;
}

/** A breakdown row named `name` under `key`, for a kind's or a tool's time (coloured by its kind). */
function breakdownRow(
  key: string,
  name: string,
  r: KindRow | ToolRow,
  totals: Record<ClassName, number>,
): BreakdownRow {
  return {
    key,
    name,
    class: r.class,
    kind: r.kind,
    kindName: KINDS[r.kind].name,
    ms: r.ms,
    share: r.share,
    shareOfClass: totals[r.class] > 0 ? r.ms / totals[r.class] : 0,
    color: KINDS[r.kind].color,
    colorDark: KINDS[r.kind].colorDark,
  };
}

export function kindBreakdown(rows: readonly KindRow[], totals: Record<ClassName, number>): BreakdownRow[] {
  return rows
    .filter((r) => r.ms > 0)
    .map((r) => breakdownRow(r.kind, KINDS[r.kind].name, r, totals))
    .sort((a, b) => CLASS_STACK.indexOf(a.class) - CLASS_STACK.indexOf(b.class) || b.ms - a.ms);
}

export interface ToolBreakdown {
  rows: BreakdownRow[];
  /** Tools beyond `limit`, summed. */
  rest: { count: number; ms: number; share: number } | null;
}

export function toolBreakdown(rows: readonly ToolRow[], totals: Record<ClassName, number>, limit = 12): ToolBreakdown {
  const all = rows
    .filter((r) => r.ms > 0)
    .slice()
    .sort((a, b) => b.ms - a.ms);
  const shown = all.slice(0, limit).map((r) => breakdownRow(r.toolId, r.tool, r, totals));
  const restRows = all.slice(limit);
  const rest = restRows.length
    ? {
        count: restRows.length,
        ms: restRows.reduce((s, r) => s + r.ms, 0),
        share: restRows.reduce((s, r) => s + r.share, 0),
      }
    : null;
  return { rows: shown, rest };
}

/** "Writing 3.2 h, Meetings 2 h, …" — a one-line summary of a day's bar for its accessible name. */
export function describeDay(view: DailyBarsView, index: number, fmtHours: (ms: number) => string): string {
  const parts = view.series
    .filter((s) => (s.hours[index] ?? 0) > 0)
    .map((s) => `${s.name} ${fmtHours((s.hours[index] ?? 0) * HOUR)}`);
  return `${view.labels[index]}: ${parts.length ? parts.join(', ') : 'nothing tracked'}`;
}
