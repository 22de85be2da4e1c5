/**
 * Classification as the report sees it: the classifier's answer, memoised per distinct
 * host + path (+ rule-time interval), with segment overrides, calendar events and manual
 * blocks applied on top.
 */
import type { Classification } from '@/lib/classify/types';
import type { ClassName, KindId, SegmentOverride } from '@/lib/model';
import type { ClassifierInput, PieceOrigin } from '@/lib/report/types';

/** What a piece of time counts as. */
export interface Effective {
  toolId: string;
  tool: string;
  class: ClassName;
  kind: KindId;
  overridden: boolean;
}

/** Tool of calendar events (all of them report as one tool; their labels stay on the pieces). */
export const CALENDAR_TOOL = { toolId: 'calendar', tool: 'Calendar' } as const;
/** Tool of manual blocks without a label. */
export const MANUAL_TOOL = { toolId: 'manual', tool: 'Manual time' } as const;

/** The minimal facts about a stretch of time that decide its classification. */
export interface ClassifyKey {
  host: string;
  path: string;
  origin: PieceOrigin;
  override?: SegmentOverride;
  label?: string;
  /** Instant used for time-dependent classifiers (the segment's start). */
  at: number;
}

export type MemoClassify = (host: string, path: string, at: number) => Classification;

/**
 * Wrap a classifier so each distinct host + path is classified once. When the classifier
 * declares `timeBoundaries`, `at` is passed and the memo also keys on the interval between
 * boundaries that contains `at` (one extra entry per rule with `fromTime`, not per segment).
 */
export function memoClassifier(input: ClassifierInput): MemoClassify {
  const classify = typeof input === 'function' ? input : input.classify;
  const boundaries = typeof input === 'function' ? undefined : input.timeBoundaries;
  const memo = new Map<string, Classification>();
  if (!boundaries) {
    return (host, path) => {
      const key = `${host}\n${path}`;
      let c = memo.get(key);
      if (!c) {
        c = classify(host, path);
        memo.set(key, c);
      }
      return c;
    };
  }
  const sorted = [...boundaries].sort((a, b) => a - b);
  return (host, path, at) => {
    const key = `${host}\n${path}\n${intervalIndex(sorted, at)}`;
    let c = memo.get(key);
    if (!c) {
      c = classify(host, path, at);
      memo.set(key, c);
    }
    return c;
  };
}

/** How many boundaries are ≤ t (binary search). */
function intervalIndex(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function defaultKind(cls: ClassName): KindId {
  return cls === 'neutral' ? 'personal' : 'unknown';
}

/** Apply an override to a base answer: the override's class wins; its kind, else the base kind when classes agree. */
function applyOverride(base: { class: ClassName; kind: KindId }, override: SegmentOverride | undefined): { class: ClassName; kind: KindId; overridden: boolean } {
  if (!override) return { class: base.class, kind: base.kind, overridden: false };
  const kind = override.kind ?? (override.class === base.class ? base.kind : defaultKind(override.class));
  return { class: override.class, kind, overridden: true };
}

/**
 * The class, kind and tool a stretch of time counts as.
 * - browser (focus/call): the classifier, then the segment override;
 * - calendar: its override (default: coordination / meetings), reported under the Calendar tool;
 * - manual: its override (default: unclassified), reported under its label.
 */
export function effectiveClassification(key: ClassifyKey, classify: MemoClassify): Effective {
  if (key.origin === 'calendar') {
    const c = applyOverride({ class: 'coordination', kind: 'meetings' }, key.override);
    return { ...CALENDAR_TOOL, ...c, overridden: key.override !== undefined };
  }
  if (key.origin === 'manual') {
    const c = applyOverride({ class: 'unclassified', kind: 'unknown' }, key.override);
    const label = key.label?.trim();
    const tool = label ? { toolId: `manual:${label.toLowerCase()}`, tool: label } : MANUAL_TOOL;
    return { ...tool, ...c, overridden: key.override !== undefined };
  }
  const base = classify(key.host, key.path, key.at);
  const c = applyOverride(base, key.override);
  return { toolId: base.toolId, tool: base.tool, ...c };
}
