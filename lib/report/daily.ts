/**
 * Per-day pre-aggregates. A year holds ~150,000 segments; the 12-week trend must not read or
 * resolve all of them on every draw. A DaySummary keeps, for one local day, the time of each
 * distinct (host, path, origin, override[, manual label]) *after* overlap resolution and
 * *before* classification — so rule changes still apply when it is read, and the trend costs
 * one classification per distinct key (trend.ts). Summaries are JSON-safe and can be cached;
 * a cache is stale when the day's segments change, when `clippedTo` no longer matches the
 * working-hours setting, or (for the day containing `until`) as time goes on.
 */
import { format } from 'date-fns';
import type { Segment } from '@/lib/model';
import type { WorkingHours } from '@/lib/settings';
import { resolveLayers, segmentOrigin } from '@/lib/report/timeline';
import type { DaySummary, DaySummaryEntry, OpenLaneSegment } from '@/lib/report/types';
import { localDayStart } from '@/lib/time/days';
import { dayBounds, prepareSegments } from '@/lib/report/week';

export interface SummarizeOptions {
  /** Nothing after `now` counts (default: no limit). */
  now?: number;
  /** Clip to working hours (pass the setting only when `countOnlyInside` is on). */
  workingHours?: WorkingHours | null;
  /** Open tracker segments, counted up to `now` (requires `now`). */
  open?: readonly OpenLaneSegment[];
}

function entryKey(s: Segment): string {
  const o = s.override;
  const label = s.source === 'manual' ? (s.label ?? '') : '';
  return `${s.host}\n${s.path}\n${segmentOrigin(s)}\n${o?.class ?? ''}\n${o?.kind ?? ''}\n${label}`;
}

/** Summaries of every local day in [from, to) that has time (days without time are left out). */
function summarizeRange(segments: readonly Segment[], from: number, to: number, o: SummarizeOptions): DaySummary[] {
  const now = o.now ?? Number.POSITIVE_INFINITY;
  const wh = o.workingHours ?? null;
  const segs = prepareSegments(segments, { from, to, now, open: o.open, workingHours: wh });
  const { pieces } = resolveLayers(segs);
  const out: DaySummary[] = [];
  let dayStart = Number.NaN;
  let dayEnd = Number.NaN;
  let entries = new Map<string, DaySummaryEntry>();
  const flush = (): void => {
    if (entries.size === 0) return;
    out.push({
      version: 1,
      day: format(dayStart, 'yyyy-MM-dd'),
      start: dayStart,
      entries: [...entries.values()].sort((a, b) => b.ms - a.ms || a.firstStart - b.firstStart),
      clippedTo: wh,
      until: Math.min(dayEnd, now),
    });
    entries = new Map();
  };
  for (const p of pieces) {
    let s = p.start;
    while (s < p.end) {
      if (!(s >= dayStart && s < dayEnd)) {
        flush();
        dayStart = localDayStart(s);
        dayEnd = localDayStart(s, 1);
      }
      const e = Math.min(p.end, dayEnd);
      const seg = segs[p.seg]!;
      const key = entryKey(seg);
      const cur = entries.get(key);
      if (cur) {
        cur.ms += e - s;
        if (s < cur.firstStart) cur.firstStart = s;
      } else {
        const entry: DaySummaryEntry = {
          host: seg.host,
          path: seg.path,
          origin: segmentOrigin(seg),
          ms: e - s,
          firstStart: s,
        };
        if (seg.override)
          entry.override = seg.override.kind
            ? { class: seg.override.class, kind: seg.override.kind }
            : { class: seg.override.class };
        if (seg.source === 'manual' && seg.label !== undefined) entry.label = seg.label;
        entries.set(key, entry);
      }
      s = e;
    }
  }
  flush();
  return out;
}

/** The summary of the local day containing `day` (empty entries when nothing was tracked). */
export function summarizeDay(segments: readonly Segment[], day: Date | number, o: SummarizeOptions = {}): DaySummary {
  const [from, to] = dayBounds(day, 1) as [number, number];
  const [summary] = summarizeRange(segments, from, to, o);
  return (
    summary ?? {
      version: 1,
      day: format(from, 'yyyy-MM-dd'),
      start: from,
      entries: [],
      clippedTo: o.workingHours ?? null,
      until: Math.min(to, o.now ?? Number.POSITIVE_INFINITY),
    }
  );
}

/** Summaries of all local days the segments touch, in order (days without time are left out). */
export function summarizeDays(segments: readonly Segment[], o: SummarizeOptions = {}): DaySummary[] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const s of segments) {
    if (s.start < min) min = s.start;
    if (s.end > max) max = s.end;
  }
  for (const s of o.open ?? []) {
    if (s.start < min) min = s.start;
    if (o.now !== undefined && o.now > max) max = o.now;
  }
  if (!(max > min)) return [];
  return summarizeRange(segments, localDayStart(min), max, o);
}
