import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, creativeBlockList, resolveTimeline, switchInstants } from '@/lib/report';
import type { Segment } from '@/lib/model';
import { fakeClassify } from './fake-classifier';
import { MIN, SEC, focus, local } from './helpers';

const B = local(2025, 3, 12, 9); // Wednesday 9:00

/** Consecutive focus visits: [host, seconds] with optional gaps ['gap', seconds]. */
function visits(spec: Array<[string, number]>): Segment[] {
  const out: Segment[] = [];
  let t = 0;
  for (const [host, sec] of spec) {
    if (host !== 'gap') out.push(focus(B, t / 60, (t + sec) / 60, `${host}.test`));
    t += sec;
  }
  return out;
}

const pieces = (spec: Array<[string, number]>) => resolveTimeline(visits(spec), fakeClassify).pieces;

describe('context switches (flick threshold 5 s, session reset after 5 min without tracked time)', () => {
  it.each<[string, Array<[string, number]>, number]>([
    ['one tool, no switch', [['a', 600]], 0],
    [
      'A → B is one switch',
      [
        ['a', 60],
        ['b', 60],
      ],
      1,
    ],
    [
      'A → B → A is two switches',
      [
        ['a', 60],
        ['b', 60],
        ['a', 60],
      ],
      2,
    ],
    [
      'A → B(3 s) → A: the flick is no visit',
      [
        ['a', 60],
        ['b', 3],
        ['a', 60],
      ],
      0,
    ],
    [
      'A → B(5 s) → A: at the threshold it is a visit',
      [
        ['a', 60],
        ['b', 5],
        ['a', 60],
      ],
      2,
    ],
    [
      'A → B(3 s) → C: only the real visit counts',
      [
        ['a', 60],
        ['b', 3],
        ['c', 60],
      ],
      1,
    ],
    [
      'A → C(2 s) → B(2 s) → A: a chain of flicks is ignored',
      [
        ['a', 60],
        ['c', 2],
        ['b', 2],
        ['a', 60],
      ],
      0,
    ],
    [
      'A, 4 min gap, B: short gaps do not reset',
      [
        ['a', 60],
        ['gap', 240],
        ['b', 60],
      ],
      1,
    ],
    [
      'A, 5 min gap, B: exactly the limit does not reset',
      [
        ['a', 60],
        ['gap', 300],
        ['b', 60],
      ],
      1,
    ],
    [
      'A, 10 min gap, B: a new session, no switch',
      [
        ['a', 60],
        ['gap', 600],
        ['b', 60],
      ],
      0,
    ],
    [
      'A, flick, 10 min gap, B: the break survives the flick',
      [
        ['a', 60],
        ['b', 3],
        ['gap', 600],
        ['c', 60],
      ],
      0,
    ],
    [
      'A, 10 min gap, A: same tool never switches',
      [
        ['a', 60],
        ['gap', 600],
        ['a', 60],
      ],
      0,
    ],
    [
      'two paths of one tool are one run',
      [
        ['a', 60],
        ['a', 60],
      ],
      0,
    ],
  ])('%s → %i', (_name, spec, expected) => {
    expect(switchInstants(pieces(spec), DEFAULT_THRESHOLDS)).toHaveLength(expected);
  });

  it('a switch is dated at the start of the visit it arrives at', () => {
    expect(
      switchInstants(
        pieces([
          ['a', 60],
          ['b', 3],
          ['c', 60],
        ]),
        DEFAULT_THRESHOLDS,
      ),
    ).toEqual([B + 63 * SEC]);
  });

  it('honours custom thresholds', () => {
    expect(
      switchInstants(
        pieces([
          ['a', 60],
          ['b', 8],
          ['a', 60],
        ]),
        { flickMs: 10 * SEC, switchResetGapMs: 5 * MIN },
      ),
    ).toHaveLength(0);
  });
});

describe('creative blocks (interruptions under 2 min and gaps ≤ 2 min do not break them)', () => {
  // a, d = creative tools; b, c = coordination; n = neutral.
  it.each<[string, Array<[string, number]>, number[]]>([
    ['one creative stretch', [['a', 1800]], [30]],
    [
      'creative tools chain into one block',
      [
        ['a', 600],
        ['d', 600],
      ],
      [20],
    ],
    [
      'a Slack flick does not break the block',
      [
        ['a', 600],
        ['b', 3],
        ['a', 600],
      ],
      [20],
    ],
    [
      'a 30 s glance at Slack does not break the block',
      [
        ['a', 600],
        ['b', 30],
        ['a', 600],
      ],
      [20],
    ],
    [
      'interruptions are added up: 60 s + 70 s break it',
      [
        ['a', 600],
        ['b', 60],
        ['c', 70],
        ['a', 600],
      ],
      [10, 10],
    ],
    [
      'a 119 s reply does not break it, 120 s does',
      [
        ['a', 600],
        ['b', 119],
        ['a', 600],
        ['b', 120],
        ['a', 300],
      ],
      [20, 5],
    ],
    [
      'a 90 s pause is tolerated',
      [
        ['a', 600],
        ['gap', 90],
        ['a', 600],
      ],
      [20],
    ],
    [
      'a 3 min pause ends the block',
      [
        ['a', 600],
        ['gap', 180],
        ['a', 600],
      ],
      [10, 10],
    ],
    [
      'neutral time under 2 min does not break it, longer does',
      [
        ['a', 600],
        ['n', 60],
        ['a', 300],
        ['n', 180],
        ['a', 300],
      ],
      [15, 5],
    ],
    ['no creative time, no block', [['b', 600]], []],
    [
      'a creative flick alone is no block',
      [
        ['b', 60],
        ['a', 3],
        ['b', 60],
      ],
      [],
    ],
  ])('%s', (_name, spec, minutes) => {
    expect(creativeBlockList(pieces(spec), DEFAULT_THRESHOLDS).map((b) => b.ms / MIN)).toEqual(minutes);
  });

  it('with the old 5 s rule (blockInterruptionMs = flick) any visit breaks the block', () => {
    const strict = { ...DEFAULT_THRESHOLDS, blockInterruptionMs: DEFAULT_THRESHOLDS.flickMs };
    expect(
      creativeBlockList(
        pieces([
          ['a', 600],
          ['b', 30],
          ['a', 600],
        ]),
        strict,
      ).map((b) => b.ms / MIN),
    ).toEqual([10, 10]);
  });

  it('block ms counts creative time only; start/end span the block', () => {
    const [b] = creativeBlockList(
      pieces([
        ['a', 600],
        ['gap', 60],
        ['b', 2],
        ['a', 600],
      ]),
      DEFAULT_THRESHOLDS,
    );
    expect(b).toEqual({ start: B, end: B + 1262 * SEC, ms: 1200 * SEC });
  });
});
