import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Classification } from '@/lib/classify/types';
import type { Segment } from '@/lib/model';
import { generateDemoSegments } from '@/lib/demo/seed';
import { buildTrend, compareWeeks, summarizeDay, summarizeDays } from '@/lib/report';
import { previousWeek, weekRange } from '@/lib/time/week';
import { countingClassifier, fakeClassify } from './fake-classifier';
import { HOUR, MIN, calendar, call, focus, local, manual, seg, sharePoint, weekOfFake } from './helpers';

const TUE9 = local(2025, 3, 11, 9);

describe('summarizeDay', () => {
  it('keeps time per (host, path, origin, override) after overlap resolution, before classification', () => {
    const s = summarizeDay(
      [
        focus(TUE9, 0, 60, 'b.test', '/x'),
        call(TUE9, 30, 60),
        focus(TUE9, 60, 90, 'b.test', '/x'),
        seg(TUE9, 90, 100, { host: 'b.test', path: '/x', override: { class: 'creative', kind: 'writing' } }),
        manual(TUE9, 100, 110, 'Whiteboard workshop'),
        calendar(TUE9, 110, 120),
      ],
      TUE9,
    );
    expect(s.day).toBe('2025-03-11');
    expect(s.start).toBe(local(2025, 3, 11));
    expect(
      s.entries.map((e) => [e.host, e.path, e.origin, e.override?.class ?? null, e.label ?? null, e.ms / MIN]),
    ).toEqual([
      ['b.test', '/x', 'focus', null, null, 60],
      ['meet.test', '', 'call', null, null, 30],
      ['b.test', '/x', 'focus', 'creative', null, 10],
      ['', '', 'manual', 'creative', 'Whiteboard workshop', 10],
      ['', '', 'calendar', 'coordination', null, 10],
    ]);
    expect(s.entries[0]!.firstStart).toBe(TUE9);
  });

  it('covers only its own local day and nothing after now', () => {
    const s = summarizeDay([focus(local(2025, 3, 10, 23), 0, 180)], TUE9, { now: local(2025, 3, 11, 1) });
    expect(s.entries.map((e) => e.ms)).toEqual([HOUR]);
    expect(s.until).toBe(local(2025, 3, 11, 1));
  });

  it('an empty day has no entries', () => {
    expect(summarizeDay([], TUE9).entries).toEqual([]);
  });

  it('records the working hours it was clipped to', () => {
    const wh = {
      countOnlyInside: true,
      days: [2] as Array<0 | 1 | 2 | 3 | 4 | 5 | 6>,
      startMinute: 9 * 60,
      endMinute: 10 * 60,
    };
    const s = summarizeDay([focus(TUE9, -60, 120)], TUE9, { workingHours: wh });
    expect(s.entries.map((e) => e.ms)).toEqual([HOUR]);
    expect(s.clippedTo).toEqual(wh);
  });

  it('is JSON-safe', () => {
    const s = summarizeDay([focus(TUE9, 0, 60), manual(TUE9, 70, 80)], TUE9);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});

describe('buildTrend', () => {
  const now = local(2025, 6, 12, 15, 30);
  const segments = generateDemoSegments({ weeks: 14, now, seed: 11 });
  const summaries = summarizeDays(segments, { now });
  const last = weekRange(now, 1).start;

  it('matches the week report for every week (same numbers, from summaries)', () => {
    const trend = buildTrend({ summaries, classify: fakeClassify, weekStart: last });
    expect(trend).toHaveLength(12);
    let ws = last;
    for (let i = 11; i >= 0; i--) {
      const r = weekOfFake(segments, ws, now);
      expect(trend[i]!.weekStart).toBe(ws);
      expect(trend[i]!.totals).toEqual(r.totals);
      expect(trend[i]!.creativeShare).toBe(r.creativeShare);
      ws = previousWeek(ws);
    }
  });

  it('applies rule changes at read time, without new summaries', () => {
    const before = buildTrend({ summaries, classify: fakeClassify, weekStart: last });
    const slackIsCreative = (host: string, path: string): Classification =>
      host === 'app.slack.com'
        ? { ...fakeClassify(host, path), class: 'creative', kind: 'writing' }
        : fakeClassify(host, path);
    const after = buildTrend({ summaries, classify: slackIsCreative, weekStart: last });
    for (let i = 0; i < 12; i++) expect(after[i]!.creativeShare!).toBeGreaterThan(before[i]!.creativeShare!);
  });

  it('classifies each distinct key once, not once per day or segment', () => {
    const c = countingClassifier(fakeClassify, []);
    buildTrend({ summaries, classify: c, weekStart: last });
    const distinct = new Set(segments.filter((s) => s.source === 'browser').map((s) => `${s.host}\n${s.path}`));
    expect(c.calls.length).toBeLessThanOrEqual(distinct.size);
    expect(c.calls.length).toBeGreaterThan(10);
  });

  it('passes the first instant of a key to a time-dependent classifier', () => {
    const from = local(2025, 6, 2);
    const c = countingClassifier(
      (host, path, at) =>
        host === 'app.slack.com' && at !== undefined && at >= from
          ? { ...fakeClassify(host, path), class: 'neutral', kind: 'personal' }
          : fakeClassify(host, path),
      [from],
    );
    const trend = buildTrend({ summaries, classify: c, weekStart: last, weeks: 3 });
    const plain = buildTrend({ summaries, classify: fakeClassify, weekStart: last, weeks: 3 });
    expect(trend[0]!.totals.neutral).toBe(plain[0]!.totals.neutral); // before the rule
    expect(trend[1]!.totals.neutral).toBeGreaterThan(plain[1]!.totals.neutral); // from the rule on
  });

  it('has null shares for empty weeks and ignores summaries outside the range', () => {
    const trend = buildTrend({
      summaries,
      classify: fakeClassify,
      weekStart: weekRange(local(2025, 1, 6), 1).start,
      weeks: 12,
    });
    expect(trend.filter((p) => p.creativeShare === null).length).toBeGreaterThan(0);
    const empty = trend.find((p) => p.creativeShare === null)!;
    expect(empty).toMatchObject({ trackedMs: 0, classifiedMs: 0 });
    const far = buildTrend({ summaries, classify: fakeClassify, weekStart: local(2030, 1, 7) });
    expect(far.every((p) => p.trackedMs === 0)).toBe(true);
  });
});

describe('compareWeeks', () => {
  const pt = sharePoint;

  it.each<
    [
      string,
      Array<number | null>,
      {
        vsLastWeekPts: number | null;
        previousAverage: number | null;
        averageWeeks: number;
        vsAveragePts: number | null;
      },
    ]
  >([
    [
      'up 4 pts on last week, vs a 4-week mean',
      [0.2, 0.3, 0.4, 0.3, 0.34],
      { vsLastWeekPts: 4, previousAverage: 0.3, averageWeeks: 4, vsAveragePts: 4 },
    ],
    [
      'only the previous 4 weeks count',
      [0.9, 0.2, 0.3, 0.4, 0.3, 0.34],
      { vsLastWeekPts: 4, previousAverage: 0.3, averageWeeks: 4, vsAveragePts: 4 },
    ],
    [
      'empty weeks are left out of the mean',
      [0.2, null, 0.4, null, 0.5],
      { vsLastWeekPts: null, previousAverage: 0.3, averageWeeks: 2, vsAveragePts: 20 },
    ],
    ['no history', [0.5], { vsLastWeekPts: null, previousAverage: null, averageWeeks: 0, vsAveragePts: null }],
    [
      'this week empty',
      [0.3, 0.4, null],
      { vsLastWeekPts: null, previousAverage: 0.35, averageWeeks: 2, vsAveragePts: null },
    ],
  ])('%s', (_name, shares, expected) => {
    const c = compareWeeks(shares.map(pt));
    expect(c.vsLastWeekPts === null ? null : Math.round(c.vsLastWeekPts * 1e6) / 1e6).toBe(expected.vsLastWeekPts);
    expect(c.previousAverage === null ? null : Math.round(c.previousAverage * 1e6) / 1e6).toBe(
      expected.previousAverage,
    );
    expect(c.averageWeeks).toBe(expected.averageWeeks);
    expect(c.vsAveragePts === null ? null : Math.round(c.vsAveragePts * 1e6) / 1e6).toBe(expected.vsAveragePts);
  });

  it('compares any week by index', () => {
    const c = compareWeeks([pt(0.2), pt(0.3), pt(0.9)], 1);
    expect(c.share).toBe(0.3);
    expect(c.lastWeekShare).toBe(0.2);
  });
});

describe('summaries: properties', () => {
  const MON = local(2025, 3, 10);
  const arb = fc
    .record({
      start: fc.integer({ min: 0, max: 7 * 24 * 60 }),
      len: fc.integer({ min: 1, max: 900 }),
      host: fc.constantFrom('a.test', 'b.test', 'meet.test', 'u.test'),
      kind: fc.constantFrom('focus', 'focus', 'call', 'calendar', 'manual'),
    })
    .map(({ start, len, host, kind }): Segment =>
      kind === 'calendar'
        ? calendar(MON, start, start + len)
        : kind === 'manual'
          ? manual(MON, start, start + len)
          : kind === 'call'
            ? call(MON, start, start + len, host)
            : focus(MON, start, start + len, host),
    );

  it('summaries hold exactly the week report totals', () => {
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 30 }), (segs) => {
        const now = local(2025, 4, 1);
        const [p] = buildTrend({
          summaries: summarizeDays(segs, { now }),
          classify: fakeClassify,
          weekStart: MON,
          weeks: 1,
        });
        const r = weekOfFake(segs, MON, now);
        expect(p!.totals).toEqual(r.totals);
      }),
      { numRuns: 100 },
    );
  });
});
