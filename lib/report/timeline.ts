/**
 * Overlap resolution. Raw segments overlap by design: the tracker's `call` lane (an audible
 * meetings tab) runs under its `focus` lane (the foreground tab), imported calendar meetings
 * overlap browser time, manual blocks overlap anything. Every instant is given to exactly one
 * segment, by precedence
 *
 *     manual > call > calendar > browser focus
 *
 * (within one layer, the segment that started last wins, then the later input), so no time is
 * ever counted twice. Foreground focus on another tool under a call or a calendar meeting is
 * reported separately as "multitasking during a meeting"; focus on the meeting tool itself
 * (same host as the call, or any tool of kind `meetings`) is not multitasking.
 */
import type { Segment } from '@/lib/model';
import {
  effectiveClassification,
  memoClassifier,
  type Effective,
  type MemoClassify,
} from '@/lib/report/classification';
import type { ClassifierInput, MultitaskPiece, Piece, PieceOrigin, Timeline } from '@/lib/report/types';

/** Precedence of each origin (higher wins). */
export const ORIGIN_RANK: Readonly<Record<PieceOrigin, number>> = { manual: 3, call: 2, calendar: 1, focus: 0 };

/** Which layer a segment belongs to. */
export function segmentOrigin(seg: Pick<Segment, 'source' | 'lane'>): PieceOrigin {
  if (seg.source === 'manual') return 'manual';
  if (seg.source === 'calendar') return 'calendar';
  return seg.lane === 'call' ? 'call' : 'focus';
}

/** A stretch of time won by one input segment (index into the input). */
export interface LayerPiece {
  start: number;
  end: number;
  seg: number;
}

/** Focus time hidden under a call and/or a calendar event (indices into the input, −1 when none). */
export interface HiddenFocus {
  start: number;
  end: number;
  focus: number;
  call: number;
  calendar: number;
}

export interface Layers {
  pieces: LayerPiece[];
  hidden: HiddenFocus[];
}

function isValid(s: Segment): boolean {
  return Number.isFinite(s.start) && Number.isFinite(s.end) && s.end > s.start;
}

/**
 * Structural resolution, before any classification: which segment owns each instant, and
 * where focus time lies under a call or calendar event. Invalid segments (end ≤ start, NaN)
 * are ignored. O(n log n) plus the (small) number of simultaneously open segments per step.
 */
export function resolveLayers(segments: readonly Segment[]): Layers {
  const n = segments.length;
  const order: number[] = [];
  const rank = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const s = segments[i]!;
    if (!isValid(s)) continue;
    order.push(i);
    rank[i] = ORIGIN_RANK[segmentOrigin(s)];
  }
  order.sort((a, b) => segments[a]!.start - segments[b]!.start || a - b);

  const bounds = new Float64Array(order.length * 2);
  let k = 0;
  for (const i of order) {
    bounds[k++] = segments[i]!.start;
    bounds[k++] = segments[i]!.end;
  }
  bounds.sort();

  const pieces: LayerPiece[] = [];
  const hidden: HiddenFocus[] = [];
  let active: number[] = [];
  let next = 0;
  // Does `a` beat `b` within the same layer? Later start wins, then later input.
  const later = (a: number, b: number): boolean => {
    const sa = segments[a]!.start;
    const sb = segments[b]!.start;
    return sa > sb || (sa === sb && a > b);
  };

  for (let b = 0; b + 1 < bounds.length; b++) {
    const t = bounds[b]!;
    const t2 = bounds[b + 1]!;
    if (t2 === t) continue;
    if (active.length > 0) active = active.filter((i) => segments[i]!.end > t);
    while (next < order.length && segments[order[next]!]!.start <= t) {
      const i = order[next++]!;
      if (segments[i]!.end > t) active.push(i);
    }
    if (active.length === 0) continue;

    let winner = -1;
    let focus = -1;
    let call = -1;
    let calendar = -1;
    for (const i of active) {
      const r = rank[i]!;
      if (winner < 0 || r > rank[winner]! || (r === rank[winner]! && later(i, winner))) winner = i;
      if (r === 0 && (focus < 0 || later(i, focus))) focus = i;
      else if (r === 2 && (call < 0 || later(i, call))) call = i;
      else if (r === 1 && (calendar < 0 || later(i, calendar))) calendar = i;
    }

    const last = pieces[pieces.length - 1];
    if (last && last.seg === winner && last.end === t) last.end = t2;
    else pieces.push({ start: t, end: t2, seg: winner });

    if (focus >= 0 && (call >= 0 || calendar >= 0)) {
      const h = hidden[hidden.length - 1];
      if (h && h.end === t && h.focus === focus && h.call === call && h.calendar === calendar) h.end = t2;
      else hidden.push({ start: t, end: t2, focus, call, calendar });
    }
  }
  return { pieces, hidden };
}

/** Classify every segment once (memoised by host + path inside `classify`). */
export function segmentClassifier(segments: readonly Segment[], classify: MemoClassify): (i: number) => Effective {
  const cache = new Map<number, Effective>();
  return (i) => {
    let e = cache.get(i);
    if (!e) {
      const s = segments[i]!;
      e = effectiveClassification(
        { host: s.host, path: s.path, origin: segmentOrigin(s), override: s.override, label: s.label, at: s.start },
        classify,
      );
      cache.set(i, e);
    }
    return e;
  };
}

/**
 * Resolve overlapping segments into non-overlapping classified pieces plus multitasking
 * during meetings. Pieces are sorted by start and never overlap; their total never exceeds
 * the wall time covered by the input.
 */
export function resolveTimeline(segments: readonly Segment[], classify: ClassifierInput): Timeline {
  return resolveWith(segments, resolveLayers(segments), memoClassifier(classify));
}

/** Classification step of {@link resolveTimeline}, given the layers. */
export function resolveWith(segments: readonly Segment[], layers: Layers, memo: MemoClassify): Timeline {
  const eff = segmentClassifier(segments, memo);
  const pieces: Piece[] = layers.pieces.map((p) => {
    const s = segments[p.seg]!;
    const e = eff(p.seg);
    const piece: Piece = {
      start: p.start,
      end: p.end,
      origin: segmentOrigin(s),
      host: s.host,
      path: s.path,
      toolId: e.toolId,
      tool: e.tool,
      class: e.class,
      kind: e.kind,
      overridden: e.overridden,
    };
    if (s.label !== undefined) piece.label = s.label;
    if (e.guess) piece.guess = e.guess;
    return piece;
  });

  const multitask: MultitaskPiece[] = [];
  for (const h of layers.hidden) {
    let meetingIdx = -1;
    if (h.call >= 0) meetingIdx = h.call;
    else if (h.calendar >= 0 && eff(h.calendar).kind === 'meetings') meetingIdx = h.calendar;
    if (meetingIdx < 0) continue;
    const f = segments[h.focus]!;
    if (h.call >= 0 && f.host !== '' && f.host === segments[h.call]!.host) continue;
    const fe = eff(h.focus);
    if (fe.kind === 'meetings') continue;
    const m = segments[meetingIdx]!;
    const me = eff(meetingIdx);
    const meeting: MultitaskPiece['meeting'] = {
      origin: meetingIdx === h.call ? 'call' : 'calendar',
      toolId: me.toolId,
      tool: me.tool,
    };
    if (m.label !== undefined) meeting.label = m.label;
    const prev = multitask[multitask.length - 1];
    if (
      prev &&
      prev.end === h.start &&
      prev.host === f.host &&
      prev.path === f.path &&
      prev.toolId === fe.toolId &&
      prev.meeting.toolId === meeting.toolId
    ) {
      prev.end = h.end;
      continue;
    }
    multitask.push({
      start: h.start,
      end: h.end,
      host: f.host,
      path: f.path,
      toolId: fe.toolId,
      tool: fe.tool,
      class: fe.class,
      kind: fe.kind,
      meeting,
    });
  }
  return { pieces, multitask };
}
