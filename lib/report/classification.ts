/**
 * Classification as the report sees it: the classifier's answer, memoised per distinct
 * host + path (+ rule-time interval), with segment overrides, calendar events and manual
 * blocks applied on top.
 */
import type { Classification, UserRule } from '@/lib/classify/types';
import type { ClassName, KindId, SegmentOverride } from '@/lib/model';
import type { ClassifierInput, Effective, PieceOrigin, ReportClassifier } from '@/lib/report/types';
import { localDayStart } from '@/lib/time/days';

export type { Effective } from '@/lib/report/types';

/**
 * Tool of imported calendar events: they are meetings (focus blocks and absences are never imported),
 * so they report as one "tool" named for what they are, not as an app called "Calendar". A meeting's
 * own title is never a tool name: it is stored only when the person chose to keep titles, and then
 * only on its pieces (the day's timeline), not in the breakdowns or exports.
 */
export const CALENDAR_TOOL = { toolId: 'calendar', tool: 'Meetings (calendar)' } as const;
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
 * Wrap a classifier so each distinct host + path is classified once (per rule-time interval
 * or local day when it may depend on time; see ReportClassifier).
 */
export function memoClassifier(input: ClassifierInput): MemoClassify {
  const memo = new Map<string, Classification>();
  if (typeof input === 'function') {
    return (host, path) => {
      const key = `${host}\n${path}`;
      let c = memo.get(key);
      if (!c) {
        c = input(host, path);
        memo.set(key, c);
      }
      return c;
    };
  }
  const classifier = input;
  const sorted = input.timeBoundaries ? [...input.timeBoundaries].sort((a, b) => a - b) : null;
  // Without boundaries, bucket by local day; remember the last day seen to avoid date maths per call.
  let dayFrom = Number.POSITIVE_INFINITY;
  let dayTo = Number.NEGATIVE_INFINITY;
  const bucketOf = (at: number): number => {
    if (sorted) return intervalIndex(sorted, at);
    if (!(at >= dayFrom && at < dayTo)) {
      dayFrom = localDayStart(at);
      dayTo = localDayStart(at, 1);
    }
    return dayFrom;
  };
  return (host, path, at) => {
    const key = `${host}\n${path}\n${bucketOf(at)}`;
    let c = memo.get(key);
    if (!c) {
      c = classifier.classify(host, path, at);
      memo.set(key, c);
    }
    return c;
  };
}

/** A classifier plus the `fromTime` instants of the rules it was built from, for exact time-dependent memoisation. */
export function withRuleTimes(
  classifier: Pick<ReportClassifier, 'classify'>,
  rules: ReadonlyArray<Pick<UserRule, 'fromTime'>>,
): ReportClassifier {
  const times = [
    ...new Set(rules.map((r) => r.fromTime).filter((t): t is number => typeof t === 'number' && Number.isFinite(t))),
  ];
  return { classify: (host, path, at) => classifier.classify(host, path, at), timeBoundaries: times };
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
function applyOverride(
  base: { class: ClassName; kind: KindId },
  override: SegmentOverride | undefined,
): { class: ClassName; kind: KindId; overridden: boolean } {
  if (!override) return { class: base.class, kind: base.kind, overridden: false };
  const kind = override.kind ?? (override.class === base.class ? base.kind : defaultKind(override.class));
  return { class: override.class, kind, overridden: true };
}

/**
 * The class, kind and tool a stretch of time counts as.
 * - browser (focus/call): the classifier, then the segment override;
 * - calendar: its override (default: coordination / meetings), reported as "Meetings (calendar)";
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
  if (base.guess && !c.overridden) return { toolId: base.toolId, tool: base.tool, ...c, guess: base.guess };
  return { toolId: base.toolId, tool: base.tool, ...c };
}
