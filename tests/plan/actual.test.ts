import { describe, expect, it } from 'vitest';
import { planVsActual, summarizePlan, type ActualPiece } from '@/lib/plan/actual';
import type { PlanBlock } from '@/lib/plan/types';

const MIN = 60_000;
const T = Date.UTC(2026, 11, 7, 8); // a block 08:00–09:30 UTC
const block = (id: string, startMin: number, lenMin = 90): PlanBlock => ({
  id,
  start: T + startMin * MIN,
  end: T + (startMin + lenMin) * MIN,
  kind: 'writing',
});
const piece = (
  fromMin: number,
  toMin: number,
  cls: ActualPiece['class'],
  kind: ActualPiece['kind'],
  tool: string,
): ActualPiece => ({
  start: T + fromMin * MIN,
  end: T + toMin * MIN,
  class: cls,
  kind,
  tool,
});
const AFTER = T + 7 * 24 * 60 * MIN;

describe('planVsActual', () => {
  it.each([
    ['all creative → kept', [piece(0, 90, 'creative', 'writing', 'Google Docs')], 'kept', []],
    [
      '70 % creative → kept',
      [piece(0, 63, 'creative', 'writing', 'Docs'), piece(63, 90, 'coordination', 'messaging', 'Slack')],
      'kept',
      ['Chat & email'],
    ],
    [
      'half creative, a meeting → partly',
      [piece(0, 45, 'creative', 'writing', 'Docs'), piece(45, 90, 'coordination', 'meetings', 'Zoom')],
      'partly',
      ['Meetings & calendar'],
    ],
    [
      'meeting and chat → broken, meeting first',
      [
        piece(0, 60, 'coordination', 'meetings', 'Zoom'),
        piece(60, 80, 'coordination', 'messaging', 'Slack'),
        piece(80, 90, 'creative', 'writing', 'Docs'),
      ],
      'broken',
      ['Meetings & calendar', 'Chat & email'],
    ],
    ['nothing recorded → broken by no time recorded', [], 'broken', ['No time recorded']],
    [
      'personal and unclassified are named',
      [piece(0, 50, 'neutral', 'personal', 'YouTube'), piece(50, 90, 'unclassified', 'unknown', 'example.com')],
      'broken',
      ['Personal', 'Not classified yet'],
    ],
  ] as const)('%s', (_name, pieces, status, breakers) => {
    const [o] = planVsActual([block('a', 0)], pieces, AFTER);
    expect(o!.status).toBe(status);
    expect(o!.breakers.map((b) => b.label)).toEqual(breakers);
  });

  it('only counts the part of a piece inside the block, and names the tools', () => {
    const [o] = planVsActual(
      [block('a', 0)],
      [piece(-30, 30, 'coordination', 'meetings', 'Zoom'), piece(30, 120, 'creative', 'writing', 'Docs')],
      AFTER,
    );
    expect(o!.creativeMs).toBe(60 * MIN);
    expect(o!.breakers).toEqual([
      { key: 'kind:meetings', label: 'Meetings & calendar', ms: 30 * MIN, tools: ['Zoom'] },
    ]);
    expect(o!.status).toBe('partly');
  });

  it('a block not started is upcoming, one under way is in progress (no verdict yet)', () => {
    const out = planVsActual(
      [block('a', 0), block('b', 180)],
      [piece(0, 30, 'creative', 'writing', 'Docs')],
      T + 30 * MIN,
    );
    expect(out.map((o) => o.status)).toEqual(['in-progress', 'upcoming']);
    expect(out[0]!.elapsedMs).toBe(30 * MIN);
  });
});

describe('summarizePlan', () => {
  it('says how many blocks were kept and what got in the way most', () => {
    const blocks = [block('a', 0), block('b', 120), block('c', 240), block('d', 360), block('e', 480)];
    const pieces = [
      piece(0, 90, 'creative', 'writing', 'Docs'),
      piece(120, 210, 'creative', 'writing', 'Docs'),
      piece(240, 330, 'creative', 'design', 'Figma'),
      piece(360, 400, 'creative', 'writing', 'Docs'),
      piece(400, 450, 'coordination', 'meetings', 'Zoom'),
      piece(480, 570, 'coordination', 'messaging', 'Slack'),
    ];
    const s = summarizePlan(planVsActual(blocks, pieces, AFTER));
    expect(s).toMatchObject({ total: 5, kept: 3, partly: 1, broken: 1, upcoming: 0, mainBreaker: 'Chat & email' });
    expect(s.sentence).toBe(
      '3 of 5 blocks kept, 1 partly, 1 broken. What got in the way most: chat & email (1 h 30 min).',
    );
  });
  it('no plan, and a plan not started', () => {
    expect(summarizePlan([]).sentence).toBe('No focus blocks were planned for this week.');
    expect(summarizePlan(planVsActual([block('a', 0)], [], T - MIN)).sentence).toBe(
      '1 focus block is planned; none has started yet.',
    );
  });
});
