/**
 * A day's timeline for the per-segment override: recorded segments grouped into sessions
 * (consecutive time on the same page shape, lane and source), each classified as the report
 * would, so the person can say "this Slack session was a brainstorm". Pure.
 */
import { addHours, setHours, startOfHour } from 'date-fns';
import { KINDS, kindsOfClass } from '@/lib/classify/kinds';
import type { Classification } from '@/lib/classify/types';
import type { ClassName, KindId, Segment, SegmentOverride } from '@/lib/model';

/** Segments of one page closer than this are one session. */
export const SESSION_GAP_MS = 2 * 60_000;

export interface Session {
  /** Stable key: id of the first segment. */
  key: string;
  /** Ids of every segment in the session (an override is set on all of them). */
  ids: number[];
  start: number;
  end: number;
  /** Time actually recorded (gaps excluded). */
  ms: number;
  host: string;
  path: string;
  lane: Segment['lane'];
  source: Segment['source'];
  label?: string;
  tool: string;
  /** Effective class/kind: the override when there is one, else the classifier's. */
  class: ClassName;
  kind: KindId;
  /** What the classifier says without override. */
  classified: { class: ClassName; kind: KindId };
  /** The classifier's answer is a guess from the address (lib/classify/guess.ts). */
  guess?: NonNullable<Classification['guess']>;
  /** The override shared by every segment of the session, if any. */
  override: SegmentOverride | null;
}

export type ClassifyAt = (
  host: string,
  path: string,
  at: number,
) => Pick<Classification, 'class' | 'kind' | 'tool' | 'guess'>;

function sameOverride(a: SegmentOverride | undefined, b: SegmentOverride | undefined): boolean {
  return (a?.class ?? null) === (b?.class ?? null) && (a?.kind ?? null) === (b?.kind ?? null);
}

/** Group a day's segments (any order) into sessions, in time order. */
export function daySessions(segments: readonly Segment[], classify: ClassifyAt, gapMs = SESSION_GAP_MS): Session[] {
  const sorted = segments
    .filter((s) => s.id !== undefined)
    .sort((a, b) => a.start - b.start || a.lane.localeCompare(b.lane));
  const open = new Map<string, Session>();
  const out: Session[] = [];
  for (const s of sorted) {
    const laneKey = `${s.lane}|${s.source}`;
    const cur = open.get(laneKey);
    if (
      cur &&
      cur.host === s.host &&
      cur.path === s.path &&
      (cur.label ?? '') === (s.label ?? '') &&
      sameOverride(cur.override ?? undefined, s.override) &&
      s.start - cur.end <= gapMs
    ) {
      cur.ids.push(s.id!);
      cur.end = Math.max(cur.end, s.end);
      cur.ms += s.end - s.start;
      continue;
    }
    const c = classify(s.host, s.path, s.start);
    const classified = { class: c.class, kind: c.kind };
    const o = s.override ?? null;
    const session: Session = {
      key: String(s.id),
      ids: [s.id!],
      start: s.start,
      end: s.end,
      ms: s.end - s.start,
      host: s.host,
      path: s.path,
      lane: s.lane,
      source: s.source,
      ...(s.label !== undefined ? { label: s.label } : {}),
      tool: s.source === 'browser' ? c.tool : (s.label ?? c.tool),
      class: o ? o.class : c.class,
      kind: o ? (o.kind ?? defaultKindOf(o.class, c)) : c.kind,
      classified,
      override: o,
      ...(c.guess ? { guess: c.guess } : {}),
    };
    open.set(laneKey, session);
    out.push(session);
  }
  return out.sort((a, b) => a.start - b.start);
}

function defaultKindOf(cls: ClassName, c: Pick<Classification, 'class' | 'kind'>): KindId {
  if (c.class === cls) return c.kind;
  return kindsOfClass(cls)[0]?.id ?? 'unknown';
}

/** Encode / decode the value of the override `<select>`: '' = as classified, 'creative:writing'. */
export function overrideValue(o: SegmentOverride | null): string {
  if (!o) return '';
  return `${o.class}:${o.kind ?? ''}`;
}

export function parseOverrideValue(v: string): SegmentOverride | null {
  if (v === '') return null;
  const [cls, kind] = v.split(':') as [ClassName, string | undefined];
  if (!(cls in { creative: 1, coordination: 1, neutral: 1, unclassified: 1 })) return null;
  if (kind && kind in KINDS && KINDS[kind as KindId].class === cls) return { class: cls, kind: kind as KindId };
  return { class: cls };
}

/** Options for the override select, grouped by class (creative, coordination, not work). */
export function overrideOptions(): { cls: ClassName; kinds: { value: string; label: string }[] }[] {
  return (['creative', 'coordination', 'neutral'] as const).map((cls) => ({
    cls,
    kinds: kindsOfClass(cls).map((k) => ({ value: `${cls}:${k.id}`, label: k.name })),
  }));
}

export interface StripBar {
  key: string;
  left: number;
  width: number;
  class: ClassName;
  lane: Segment['lane'];
}

/** The visible hours of a day's strip: from the earlier of 8:00 / first activity to the later of 19:00 / last activity. */
export function stripWindow(
  sessions: readonly Session[],
  dayStart: number,
  dayEnd: number,
): { from: number; to: number } {
  let from = setHours(dayStart, 8).getTime();
  let to = setHours(dayStart, 19).getTime();
  for (const s of sessions) {
    if (s.start < from) from = s.start;
    if (s.end > to) to = s.end;
  }
  from = startOfHour(from).getTime();
  const flooredTo = startOfHour(to).getTime();
  to = flooredTo < to ? addHours(flooredTo, 1).getTime() : to;
  return { from: Math.max(dayStart, from), to: Math.min(dayEnd, to) };
}

export function stripBars(sessions: readonly Session[], from: number, to: number): StripBar[] {
  const span = Math.max(1, to - from);
  return sessions
    .filter((s) => s.end > from && s.start < to)
    .map((s) => {
      const a = Math.max(from, s.start);
      const b = Math.min(to, s.end);
      return {
        key: s.key,
        left: ((a - from) / span) * 100,
        width: Math.max(0.15, ((b - a) / span) * 100),
        class: s.class,
        lane: s.lane,
      };
    });
}
