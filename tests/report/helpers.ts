/** Builders for report tests: segments in minutes after a base instant. */
import type { Lane, Segment, SegmentOverride, Source } from '@/lib/model';
import { DEFAULT_SETTINGS, type WorkingHours } from '@/lib/settings';
import { dayKey } from '@/lib/time/days';
import { buildWeekReport, type ReportSettings, type TrendPoint, type WeekReport } from '@/lib/report';
import { fakeClassify } from './fake-classifier';

export const MIN = 60_000;
export const SEC = 1_000;
export const HOUR = 60 * MIN;

export interface SegOptions {
  host?: string;
  path?: string;
  source?: Source;
  lane?: Lane;
  label?: string;
  override?: SegmentOverride;
}

/** A segment [base + from min, base + to min). */
export function seg(base: number, from: number, to: number, o: SegOptions = {}): Segment {
  const start = base + Math.round(from * MIN);
  const s: Segment = {
    start,
    end: base + Math.round(to * MIN),
    day: dayKey(start),
    host: o.host ?? 'a.test',
    path: o.path ?? '',
    source: o.source ?? 'browser',
    lane: o.lane ?? 'focus',
  };
  if (o.label !== undefined) s.label = o.label;
  if (o.override) s.override = o.override;
  return s;
}

export const focus = (base: number, from: number, to: number, host = 'a.test', path = ''): Segment =>
  seg(base, from, to, { host, path });
export const call = (base: number, from: number, to: number, host = 'meet.test'): Segment =>
  seg(base, from, to, { host, lane: 'call' });
export const calendar = (
  base: number,
  from: number,
  to: number,
  label = 'Campaign sync',
  override: SegmentOverride = { class: 'coordination', kind: 'meetings' },
): Segment => seg(base, from, to, { host: '', source: 'calendar', label, override });
export const manual = (
  base: number,
  from: number,
  to: number,
  label = 'Whiteboard workshop',
  override: SegmentOverride = { class: 'creative', kind: 'design' },
): Segment => seg(base, from, to, { host: '', source: 'manual', label, override });

/** The week report of `segments` from `weekStart` at `now`, classified by fakeClassify, everything counted. */
export function weekOfFake(segments: readonly Segment[], weekStart: number, now: number): WeekReport {
  return buildWeekReport({ segments, classify: fakeClassify, weekStart, now, settings: settings() });
}

/** A trend point with only its creative share (for comparisons of weeks). */
export const sharePoint = (share: number | null): TrendPoint => ({
  weekStart: 0,
  week: '',
  totals: { creative: 0, coordination: 0, neutral: 0, unclassified: 0 },
  trackedMs: 0,
  classifiedMs: 0,
  creativeShare: share,
});

/** Settings that count everything. */
export function settings(wh: Partial<WorkingHours> = {}, targetShare = 0.5): ReportSettings {
  return { workingHours: { ...DEFAULT_SETTINGS.workingHours, ...wh }, targetShare };
}

/** A local instant (the process's time zone). */
export function local(y: number, m: number, d: number, h = 0, min = 0): number {
  return new Date(y, m - 1, d, h, min).getTime();
}
