/**
 * Union of overlapping intervals: two meetings at the same time count once (overlap is
 * merged, not summed). Touching intervals (one ends when the next starts) are joined too.
 * Pure; the input is not modified.
 */
export interface Interval {
  start: number;
  end: number;
}

export interface MergedInterval<T extends Interval> extends Interval {
  /** The inputs covered by this interval, in start order. */
  members: T[];
}

export function mergeIntervals<T extends Interval>(items: readonly T[]): MergedInterval<T>[] {
  const sorted = items
    .filter((i) => Number.isFinite(i.start) && Number.isFinite(i.end) && i.end > i.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: MergedInterval<T>[] = [];
  for (const item of sorted) {
    const last = out[out.length - 1];
    if (last && item.start <= last.end) {
      if (item.end > last.end) last.end = item.end;
      last.members.push(item);
    } else out.push({ start: item.start, end: item.end, members: [item] });
  }
  return out;
}
