import { describe, expect, it } from 'vitest';
import type { Segment } from '@/lib/model';
import {
  daySessions,
  overrideValue,
  parseOverrideValue,
  stripBars,
  stripWindow,
  type ClassifyAt,
} from '@/lib/ui/timeline';

const MIN = 60_000;
const classify: ClassifyAt = (host) =>
  host === 'app.slack.com'
    ? { class: 'coordination', kind: 'messaging', tool: 'Slack' }
    : { class: 'creative', kind: 'writing', tool: 'Docs' };

let id = 1;
function seg(h: number, m: number, minutes: number, host = 'app.slack.com', extra: Partial<Segment> = {}): Segment {
  const start = new Date(2025, 2, 3, h, m).getTime();
  return {
    id: id++,
    start,
    end: start + minutes * MIN,
    day: '2025-03-03',
    host,
    path: '',
    source: 'browser',
    lane: 'focus',
    ...extra,
  };
}

describe('day sessions', () => {
  it('joins consecutive segments of one page into a session', () => {
    const s = daySessions([seg(9, 0, 10), seg(9, 11, 10), seg(9, 30, 5, 'docs.google.com'), seg(9, 40, 5)], classify);
    expect(s).toHaveLength(3);
    expect(s[0]!.ids).toHaveLength(2);
    expect(s[0]!.ms).toBe(20 * MIN);
    expect(s[0]).toMatchObject({ tool: 'Slack', class: 'coordination', override: null });
  });

  it('keeps an overridden stretch apart and applies its class', () => {
    const s = daySessions(
      [seg(9, 0, 10), seg(9, 10, 10, 'app.slack.com', { override: { class: 'creative', kind: 'research' } })],
      classify,
    );
    expect(s).toHaveLength(2);
    expect(s[1]).toMatchObject({
      class: 'creative',
      kind: 'research',
      classified: { class: 'coordination', kind: 'messaging' },
    });
  });

  it('uses the default kind of the class when the override has none', () => {
    const [s] = daySessions([seg(9, 0, 10, 'app.slack.com', { override: { class: 'creative' } })], classify);
    expect(s).toMatchObject({ class: 'creative', kind: 'writing' });
  });

  it('keeps call and focus lanes separate', () => {
    const s = daySessions(
      [seg(9, 0, 30, 'meet.google.com', { lane: 'call' }), seg(9, 5, 10), seg(9, 20, 10)],
      classify,
    );
    expect(s.map((x) => x.lane)).toEqual(['call', 'focus', 'focus']);
  });
});

describe('override select values', () => {
  it('round-trips class and kind', () => {
    expect(parseOverrideValue(overrideValue({ class: 'creative', kind: 'design' }))).toEqual({
      class: 'creative',
      kind: 'design',
    });
    expect(parseOverrideValue('')).toBeNull();
    expect(parseOverrideValue('creative:meetings')).toEqual({ class: 'creative' });
    expect(parseOverrideValue('evil:x')).toBeNull();
  });
});

describe('strip', () => {
  it('spans 8:00–19:00 at least, widening to whole hours around activity, DST-safe', () => {
    // 30 March 2025: clocks go forward at 2:00 in Berlin (23-hour day).
    const dayStart = new Date(2025, 2, 30).getTime();
    const dayEnd = new Date(2025, 2, 31).getTime();
    const early = new Date(2025, 2, 30, 6, 20).getTime();
    const w = stripWindow([{ start: early, end: early + 10 * MIN } as never], dayStart, dayEnd);
    expect(new Date(w.from).getHours()).toBe(6);
    expect(new Date(w.to).getHours()).toBe(19);
    const bars = stripBars(
      [{ key: 'a', start: early, end: early + 10 * MIN, class: 'creative', lane: 'focus' } as never],
      w.from,
      w.to,
    );
    expect(bars[0]!.left).toBeGreaterThan(0);
    expect(bars[0]!.width).toBeGreaterThan(0);
  });
});
