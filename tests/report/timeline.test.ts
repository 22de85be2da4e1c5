import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Segment } from '@/lib/model';
import { resolveLayers, resolveTimeline, withRuleTimes, type Piece } from '@/lib/report';
import { countingClassifier, fakeClassify } from './fake-classifier';
import { MIN, calendar, call, focus, local, manual, seg } from './helpers';

const B = local(2025, 3, 11, 10); // Tuesday 10:00, Berlin

/** Pieces as [fromMin, toMin, origin, toolId, class] relative to B. */
function shape(pieces: readonly Piece[]): Array<[number, number, string, string, string]> {
  return pieces.map((p) => [(p.start - B) / MIN, (p.end - B) / MIN, p.origin, p.toolId, p.class]);
}

describe('resolveTimeline: precedence manual > call > calendar > focus', () => {
  it.each<[string, Segment[], Array<[number, number, string, string, string]>]>([
    ['focus alone', [focus(B, 0, 30)], [[0, 30, 'focus', 'a', 'creative']]],
    [
      'call hides the focus under it',
      [focus(B, 0, 60, 'b.test'), call(B, 10, 40)],
      [
        [0, 10, 'focus', 'b', 'coordination'],
        [10, 40, 'call', 'meet', 'coordination'],
        [40, 60, 'focus', 'b', 'coordination'],
      ],
    ],
    [
      'calendar hides focus',
      [focus(B, 0, 60), calendar(B, 30, 90)],
      [
        [0, 30, 'focus', 'a', 'creative'],
        [30, 90, 'calendar', 'calendar', 'coordination'],
      ],
    ],
    [
      'call beats calendar',
      [calendar(B, 0, 60), call(B, 15, 45)],
      [
        [0, 15, 'calendar', 'calendar', 'coordination'],
        [15, 45, 'call', 'meet', 'coordination'],
        [45, 60, 'calendar', 'calendar', 'coordination'],
      ],
    ],
    [
      'manual beats everything',
      [focus(B, 0, 60), call(B, 0, 60), calendar(B, 0, 60), manual(B, 20, 30)],
      [
        [0, 20, 'call', 'meet', 'coordination'],
        [20, 30, 'manual', 'manual:whiteboard workshop', 'creative'],
        [30, 60, 'call', 'meet', 'coordination'],
      ],
    ],
    [
      'overlapping calendar events are merged, not summed (later start wins inside)',
      [calendar(B, 0, 60, 'Long'), calendar(B, 30, 90, 'Next')],
      [
        [0, 30, 'calendar', 'calendar', 'coordination'],
        [30, 90, 'calendar', 'calendar', 'coordination'],
      ],
    ],
    ['invalid segments are ignored', [seg(B, 10, 10), seg(B, 20, 5)], []],
  ])('%s', (_name, input, expected) => {
    expect(shape(resolveTimeline(input, fakeClassify).pieces)).toEqual(expected);
  });

  it('labels stay on the pieces they belong to', () => {
    const { pieces } = resolveTimeline([calendar(B, 0, 60, 'Long'), calendar(B, 30, 90, 'Next')], fakeClassify);
    expect(pieces.map((p) => p.label)).toEqual(['Long', 'Next']);
  });

  it('does not mutate its input', () => {
    const input = [focus(B, 0, 60), call(B, 10, 20)];
    const copy = structuredClone(input);
    resolveTimeline(input, fakeClassify);
    expect(input).toEqual(copy);
  });
});

describe('resolveTimeline: classification', () => {
  it.each<[string, Segment, { toolId: string; tool: string; class: string; kind: string; overridden: boolean }]>([
    [
      'classifier decides browser time',
      focus(B, 0, 5, 'b.test'),
      { toolId: 'b', tool: 'B', class: 'coordination', kind: 'messaging', overridden: false },
    ],
    [
      'override class wins, kind falls back to unknown when classes differ',
      seg(B, 0, 5, { host: 'b.test', override: { class: 'creative' } }),
      { toolId: 'b', tool: 'B', class: 'creative', kind: 'unknown', overridden: true },
    ],
    [
      'override with the same class keeps the classifier kind',
      seg(B, 0, 5, { host: 'b.test', override: { class: 'coordination' } }),
      { toolId: 'b', tool: 'B', class: 'coordination', kind: 'messaging', overridden: true },
    ],
    [
      'override kind wins',
      seg(B, 0, 5, { host: 'b.test', override: { class: 'coordination', kind: 'admin' } }),
      { toolId: 'b', tool: 'B', class: 'coordination', kind: 'admin', overridden: true },
    ],
    [
      'override to neutral defaults to personal',
      seg(B, 0, 5, { host: 'a.test', override: { class: 'neutral' } }),
      { toolId: 'a', tool: 'A', class: 'neutral', kind: 'personal', overridden: true },
    ],
    [
      'calendar without override is a meeting',
      seg(B, 0, 5, { host: '', source: 'calendar' }),
      { toolId: 'calendar', tool: 'Meetings (calendar)', class: 'coordination', kind: 'meetings', overridden: false },
    ],
    [
      'calendar with an override counts as the override',
      calendar(B, 0, 5, 'Focus time', { class: 'creative', kind: 'writing' }),
      { toolId: 'calendar', tool: 'Meetings (calendar)', class: 'creative', kind: 'writing', overridden: true },
    ],
    [
      'manual block reports under its label',
      manual(B, 0, 5, 'Print proof review', { class: 'coordination', kind: 'project' }),
      {
        toolId: 'manual:print proof review',
        tool: 'Print proof review',
        class: 'coordination',
        kind: 'project',
        overridden: true,
      },
    ],
    [
      'manual block without override or label',
      seg(B, 0, 5, { host: '', source: 'manual' }),
      { toolId: 'manual', tool: 'Manual time', class: 'unclassified', kind: 'unknown', overridden: false },
    ],
    [
      'unknown host is unclassified',
      focus(B, 0, 5, 'nowhere.example'),
      {
        toolId: 'host:nowhere.example',
        tool: 'nowhere.example',
        class: 'unclassified',
        kind: 'unknown',
        overridden: false,
      },
    ],
  ])('%s', (_name, s, expected) => {
    const [p] = resolveTimeline([s], fakeClassify).pieces;
    expect(p && { toolId: p.toolId, tool: p.tool, class: p.class, kind: p.kind, overridden: p.overridden }).toEqual(
      expected,
    );
  });

  it('classifies each distinct host + path once, however many segments (bare function: no `at`)', () => {
    const calls: Array<number | undefined> = [];
    const fn = (host: string, path: string, at?: number) => {
      calls.push(at);
      return fakeClassify(host, path);
    };
    const segs = Array.from({ length: 200 }, (_, i) =>
      focus(B, i * 10, i * 10 + 1, i % 2 ? 'a.test' : 'b.test', i % 4 < 2 ? '/x' : '/y'),
    );
    resolveTimeline(segs, fn);
    expect(calls).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('a classifier object without rule times is asked once per host + path and local day, with `at`', () => {
    const c = countingClassifier();
    // 200 segments of 4 shapes over two local days (10:00 Tuesday → 19:10 Wednesday).
    const segs = Array.from({ length: 200 }, (_, i) =>
      focus(B, i * 10, i * 10 + 1, i % 2 ? 'a.test' : 'b.test', i % 4 < 2 ? '/x' : '/y'),
    );
    resolveTimeline(segs, c);
    expect(c.calls).toHaveLength(8);
    expect(c.calls.every(([, , at]) => typeof at === 'number')).toBe(true);
  });

  it('withRuleTimes makes the memo exact per rule interval', () => {
    const c = countingClassifier();
    const wrapped = withRuleTimes(c, [{ fromTime: B + 5 * MIN }, {}, { fromTime: B + 5 * MIN }]);
    expect(wrapped.timeBoundaries).toEqual([B + 5 * MIN]);
    resolveTimeline(
      Array.from({ length: 20 }, (_, i) => focus(B, i, i + 1)),
      wrapped,
    );
    expect(c.calls.map(([, , at]) => at)).toEqual([B, B + 5 * MIN]);
  });

  it('passes `at` and keys the memo on rule boundaries when the classifier depends on time', () => {
    const from = B + 60 * MIN;
    const c = countingClassifier(
      (host, path, at) =>
        at !== undefined && at >= from && host === 'x.test'
          ? { ...fakeClassify('a.test', path), toolId: 'x' }
          : fakeClassify(host, path),
      [from],
    );
    const segs = Array.from({ length: 120 }, (_, i) => focus(B, i, i + 1, 'x.test'));
    const { pieces } = resolveTimeline(segs, c);
    expect(c.calls).toHaveLength(2);
    expect(c.calls.every(([, , at]) => typeof at === 'number')).toBe(true);
    expect(pieces.filter((p) => p.class === 'creative')).toHaveLength(60);
    expect(pieces.filter((p) => p.class === 'unclassified')).toHaveLength(60);
  });
});

describe('resolveTimeline: multitasking during meetings', () => {
  it.each<[string, Segment[], Array<[number, number, string, string]>]>([
    ['Slack in front during a call', [call(B, 0, 30), focus(B, 5, 15, 'b.test')], [[5, 15, 'b', 'meet']]],
    ['the call tab itself in front is not multitasking', [call(B, 0, 30), focus(B, 0, 30, 'meet.test')], []],
    ['another meetings tool in front is not multitasking', [calendar(B, 0, 30), focus(B, 0, 30, 'meet.test')], []],
    [
      'Docs in front during a calendar meeting',
      [calendar(B, 0, 30), focus(B, 20, 40, 'a.test')],
      [[20, 30, 'a', 'calendar']],
    ],
    [
      'calendar event overridden as creative is not a meeting',
      [calendar(B, 0, 30, 'Focus', { class: 'creative', kind: 'writing' }), focus(B, 0, 30, 'b.test')],
      [],
    ],
    ['focus outside the meeting is not multitasking', [call(B, 0, 30), focus(B, 30, 60, 'b.test')], []],
    [
      'under a manual block only (no meeting) it is not multitasking',
      [manual(B, 0, 30), focus(B, 0, 30, 'b.test')],
      [],
    ],
    [
      'a call wins the attribution over the calendar event',
      [calendar(B, 0, 60), call(B, 0, 60), focus(B, 10, 20, 'b.test')],
      [[10, 20, 'b', 'meet']],
    ],
  ])('%s', (_name, input, expected) => {
    const { multitask } = resolveTimeline(input, fakeClassify);
    expect(multitask.map((m) => [(m.start - B) / MIN, (m.end - B) / MIN, m.toolId, m.meeting.toolId])).toEqual(
      expected,
    );
  });

  it('multitasking time is never counted as a piece', () => {
    const { pieces, multitask } = resolveTimeline([call(B, 0, 30), focus(B, 0, 30, 'b.test')], fakeClassify);
    expect(pieces.map((p) => p.toolId)).toEqual(['meet']);
    expect(multitask.map((m) => m.toolId)).toEqual(['b']);
  });
});

// ---------- properties ----------

const hosts = ['a.test', 'b.test', 'c.test', 'meet.test', 'n.test', 'u.test'];
const arbSegment = fc
  .record({
    start: fc.integer({ min: 0, max: 600 }),
    len: fc.integer({ min: 0, max: 120 }),
    host: fc.constantFrom(...hosts),
    kind: fc.constantFrom('focus', 'call', 'calendar', 'manual'),
  })
  .map(({ start, len, host, kind }): Segment => {
    if (kind === 'calendar') return calendar(B, start, start + len);
    if (kind === 'manual') return manual(B, start, start + len);
    return kind === 'call' ? call(B, start, start + len, host) : focus(B, start, start + len, host);
  });

function unionLength(segs: readonly Segment[]): number {
  const v = segs.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  let total = 0;
  let cur: [number, number] | null = null;
  for (const s of v) {
    if (!cur || s.start > cur[1]) {
      if (cur) total += cur[1] - cur[0];
      cur = [s.start, s.end];
    } else cur[1] = Math.max(cur[1], s.end);
  }
  return total + (cur ? cur[1] - cur[0] : 0);
}

/** True when [start, end) is entirely covered by the union of `segs`. */
function covered(start: number, end: number, segs: readonly Segment[]): boolean {
  let t = start;
  for (const s of [...segs].sort((a, b) => a.start - b.start)) {
    if (s.start > t) break;
    t = Math.max(t, s.end);
    if (t >= end) return true;
  }
  return t >= end;
}

describe('resolveTimeline: properties', () => {
  it('pieces are sorted, never overlap, each lies inside its own segment, and add up to the wall time covered', () => {
    fc.assert(
      fc.property(fc.array(arbSegment, { maxLength: 40 }), (segs) => {
        const { pieces } = resolveTimeline(segs, fakeClassify);
        const layers = resolveLayers(segs);
        for (let i = 1; i < pieces.length; i++) expect(pieces[i]!.start).toBeGreaterThanOrEqual(pieces[i - 1]!.end);
        for (const p of layers.pieces) {
          const s = segs[p.seg]!;
          expect(p.start).toBeGreaterThanOrEqual(s.start);
          expect(p.end).toBeLessThanOrEqual(s.end);
          expect(p.end).toBeGreaterThan(p.start);
        }
        const sum = pieces.reduce((a, p) => a + p.end - p.start, 0);
        expect(sum).toBe(unionLength(segs));
      }),
    );
  });

  it('every instant goes to the highest-precedence segment covering it', () => {
    const rank = { manual: 3, call: 2, calendar: 1, focus: 0 } as const;
    fc.assert(
      fc.property(fc.array(arbSegment, { maxLength: 25 }), fc.integer({ min: 0, max: 720 }), (segs, m) => {
        const t = B + m * MIN + 1;
        const { pieces } = resolveTimeline(segs, fakeClassify);
        const covering = segs.filter((s) => s.start <= t && t < s.end);
        const piece = pieces.find((p) => p.start <= t && t < p.end);
        if (covering.length === 0) {
          expect(piece).toBeUndefined();
          return;
        }
        const origin = (s: Segment) => (s.source === 'browser' ? s.lane : s.source);
        const best = Math.max(...covering.map((s) => rank[origin(s)]));
        expect(piece && rank[piece.origin]).toBe(best);
      }),
    );
  });

  it('multitasking lies inside focus segments, under a meeting, and never overlaps itself', () => {
    fc.assert(
      fc.property(fc.array(arbSegment, { maxLength: 40 }), (segs) => {
        const { multitask } = resolveTimeline(segs, fakeClassify);
        for (let i = 1; i < multitask.length; i++)
          expect(multitask[i]!.start).toBeGreaterThanOrEqual(multitask[i - 1]!.end);
        for (const m of multitask) {
          const focusSegs = segs.filter((s) => s.source === 'browser' && s.lane === 'focus' && s.host === m.host);
          const meetings = segs.filter((s) => (s.source === 'browser' && s.lane === 'call') || s.source === 'calendar');
          expect(covered(m.start, m.end, focusSegs)).toBe(true);
          expect(covered(m.start, m.end, meetings)).toBe(true);
          expect(m.kind).not.toBe('meetings');
        }
      }),
    );
  });
});
