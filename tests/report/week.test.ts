import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Segment } from '@/lib/model';
import { buildDayReport, buildWeekReport, dayTotals, type BuildWeekReportInput, type WeekReport } from '@/lib/report';
import { localeWeekStartsOn, nextWeek, previousWeek, resolveWeekStartsOn, weekRange } from '@/lib/time/week';
import { fakeClassify } from './fake-classifier';
import { HOUR, MIN, SEC, calendar, call, focus, local, manual, seg, settings } from './helpers';

const MON = local(2025, 3, 10); // Monday 10 March 2025, Europe/Berlin (no DST change this week)
const TUE9 = local(2025, 3, 11, 9);
const WED9 = local(2025, 3, 12, 9);
const AFTER = local(2025, 3, 20); // the week is over

function week(segments: Segment[], extra: Partial<BuildWeekReportInput> = {}): WeekReport {
  return buildWeekReport({
    segments,
    classify: fakeClassify,
    weekStart: MON,
    now: AFTER,
    settings: settings(),
    ...extra,
  });
}

describe('weeks', () => {
  it('weekRange finds the local week of any instant', () => {
    expect(weekRange(local(2025, 3, 13, 15), 1)).toEqual({ start: MON, end: local(2025, 3, 17), week: '2025-03-10' });
    expect(weekRange(local(2025, 3, 13, 15), 0)).toEqual({
      start: local(2025, 3, 9),
      end: local(2025, 3, 16),
      week: '2025-03-09',
    });
    expect(weekRange(MON, 1).start).toBe(MON);
  });

  it('previousWeek / nextWeek step by seven local days', () => {
    expect(previousWeek(MON)).toBe(local(2025, 3, 3));
    expect(nextWeek(MON)).toBe(local(2025, 3, 17));
    expect(nextWeek(previousWeek(MON))).toBe(MON);
  });

  it.each<[string, number]>([
    ['en-US', 0],
    ['de-DE', 1],
    ['en-GB', 1],
    ['ar-EG', 6],
    ['not a locale!', 1],
  ])('the week of %s starts on day %i', (locale, day) => {
    expect(localeWeekStartsOn(locale)).toBe(day);
  });

  it('an explicit setting wins over the locale', () => {
    expect(resolveWeekStartsOn(3, 'en-US')).toBe(3);
    expect(resolveWeekStartsOn(null, 'en-US')).toBe(0);
  });
});

describe('buildWeekReport: totals', () => {
  it('counts per local day and per class, and computes the creative share', () => {
    const r = week([
      focus(TUE9, 0, 60, 'a.test'),
      focus(TUE9, 60, 90, 'b.test'),
      focus(WED9, 0, 30, 'n.test'),
      focus(WED9, 30, 60, 'u.test'),
    ]);
    expect(r.days.map((d) => d.day)).toEqual([
      '2025-03-10',
      '2025-03-11',
      '2025-03-12',
      '2025-03-13',
      '2025-03-14',
      '2025-03-15',
      '2025-03-16',
    ]);
    expect(r.days[1]!.totals).toEqual({ creative: HOUR, coordination: 30 * MIN, neutral: 0, unclassified: 0 });
    expect(r.days[1]!.creativeShare).toBeCloseTo(2 / 3);
    expect(r.days[2]!.totals).toEqual({ creative: 0, coordination: 0, neutral: 30 * MIN, unclassified: 30 * MIN });
    expect(r.days[2]!.creativeShare).toBeNull();
    expect(r.totals).toEqual({ creative: HOUR, coordination: 30 * MIN, neutral: 30 * MIN, unclassified: 30 * MIN });
    expect(r.trackedMs).toBe(150 * MIN);
    expect(r.classifiedMs).toBe(90 * MIN);
    expect(r.creativeShare).toBeCloseTo(2 / 3);
    expect(r.hasData).toBe(true);
  });

  it('splits time crossing local midnight between the two days', () => {
    const r = week([focus(local(2025, 3, 11, 23), 0, 120)]);
    expect(r.days[1]!.trackedMs).toBe(HOUR);
    expect(r.days[2]!.trackedMs).toBe(HOUR);
  });

  it('ignores time outside the week and clips segments crossing its edges', () => {
    const r = week([focus(MON, -120, 60), focus(local(2025, 3, 16, 23), 0, 120), focus(local(2025, 3, 18, 10), 0, 60)]);
    expect(r.days[0]!.trackedMs).toBe(HOUR);
    expect(r.days[6]!.trackedMs).toBe(HOUR);
    expect(r.trackedMs).toBe(2 * HOUR);
  });

  it('never counts overlapping lanes twice, and reports meetings, messaging and multitasking', () => {
    const r = week([
      focus(TUE9, 0, 60, 'b.test'), // Slack-like, partly during a call
      call(TUE9, 30, 60),
      calendar(TUE9, 30, 90),
      focus(TUE9, 60, 120, 'a.test'), // creative, partly under the calendar event
    ]);
    expect(r.trackedMs).toBe(120 * MIN);
    expect(r.meetingMs).toBe(60 * MIN); // call 30 + calendar 30
    expect(r.messagingMs).toBe(30 * MIN);
    expect(r.multitaskMs).toBe(60 * MIN); // Slack 30 under the call + Docs 30 under the calendar
    expect(r.multitaskByTool).toEqual([
      { toolId: 'a', tool: 'A', ms: 30 * MIN },
      { toolId: 'b', tool: 'B', ms: 30 * MIN },
    ]);
    expect(r.days[1]!.multitaskMs).toBe(60 * MIN);
  });

  it('sorts byKind and byTool by time with shares of all tracked time', () => {
    const r = week([
      focus(TUE9, 0, 10, 'b.test'),
      focus(TUE9, 10, 40, 'a.test'),
      focus(TUE9, 40, 60, 'c.test'),
      focus(TUE9, 60, 100, 'u.test'),
    ]);
    expect(r.byTool.map((t) => [t.toolId, t.ms / MIN, t.share])).toEqual([
      ['host:u.test', 40, 0.4],
      ['a', 30, 0.3],
      ['c', 20, 0.2],
      ['b', 10, 0.1],
    ]);
    expect(r.byKind.map((k) => [k.class, k.kind, k.ms / MIN])).toEqual([
      ['unclassified', 'unknown', 40],
      ['creative', 'writing', 30],
      ['coordination', 'project', 20],
      ['coordination', 'messaging', 10],
    ]);
    expect(r.byKind.reduce((a, k) => a + k.share, 0)).toBeCloseTo(1);
  });

  it('ranks unclassified hosts by time with their most used path', () => {
    const r = week([
      focus(TUE9, 0, 10, 'x.example', '/p/*'),
      focus(TUE9, 10, 15, 'x.example', '/wiki'),
      focus(TUE9, 15, 40, 'y.example'),
      focus(TUE9, 40, 50, 'a.test'),
      manual(TUE9, 60, 70, 'Thinking', { class: 'unclassified' }),
    ]);
    expect(r.unclassified).toEqual([
      { host: 'y.example', ms: 25 * MIN },
      { host: 'x.example', path: '/p/*', ms: 15 * MIN },
    ]);
  });

  it('counts distinct tools per day, ignoring flicks', () => {
    const r = week([
      focus(TUE9, 0, 10, 'a.test'),
      seg(TUE9, 10, 10 + 3 / 60, { host: 'b.test' }),
      focus(TUE9, 11, 20, 'c.test'),
      calendar(TUE9, 30, 60),
    ]);
    expect(r.days[1]!.distinctTools).toBe(3);
    expect(r.distinctTools).toBe(3);
  });
});

describe('buildWeekReport: blocks, switches, best day', () => {
  it('finds the longest creative block per day and in the week, and counts long blocks', () => {
    const r = week([
      focus(TUE9, 0, 52, 'a.test'),
      focus(TUE9, 52, 60, 'b.test'),
      focus(TUE9, 60, 90, 'd.test'),
      focus(WED9, 0, 95, 'a.test'),
      focus(WED9, 95, 100, 'b.test'),
      focus(WED9, 100, 126, 'a.test'),
    ]);
    expect(r.days[1]!.longestCreativeBlock).toMatchObject({ start: TUE9, ms: 52 * MIN, day: '2025-03-11' });
    expect(r.days[1]!.creativeBlocks).toEqual({ atLeast25: 2, atLeast50: 1, atLeast90: 0 });
    expect(r.days[2]!.longestCreativeBlock).toMatchObject({ start: WED9, ms: 95 * MIN, day: '2025-03-12' });
    expect(r.longestCreativeBlock).toMatchObject({ ms: 95 * MIN, day: '2025-03-12' });
    expect(r.creativeBlocks).toEqual({ atLeast25: 4, atLeast50: 2, atLeast90: 1 });
  });

  it('counts switches per day and per active hour', () => {
    const segs: Segment[] = [];
    for (let i = 0; i < 60; i++) segs.push(focus(TUE9, i, i + 1, i % 2 ? 'a.test' : 'b.test'));
    const r = week(segs);
    expect(r.days[1]!.switches).toBe(59);
    expect(r.days[1]!.switchesPerHour).toBeCloseTo(59);
    expect(r.switchesPerHour).toBeCloseTo(59);
    expect(r.days[2]!.switchesPerHour).toBeNull();
  });

  it('has no switch rate for less than 15 minutes of activity', () => {
    const r = week([focus(TUE9, 0, 5, 'a.test'), focus(TUE9, 5, 10, 'b.test')]);
    expect(r.switches).toBe(1);
    expect(r.switchesPerHour).toBeNull();
  });

  it('picks the best day by creative share among days with at least an hour classified', () => {
    const r = week([
      focus(TUE9, 0, 30, 'a.test'), // 100% but only 30 min
      focus(WED9, 0, 60, 'a.test'),
      focus(WED9, 60, 120, 'b.test'), // 50%, 2 h
      focus(local(2025, 3, 13, 9), 0, 90, 'a.test'),
      focus(local(2025, 3, 13, 9), 90, 120, 'b.test'), // 75%, 2 h
    ]);
    expect(r.bestDay).toBe('2025-03-13');
  });
});

describe('buildWeekReport: now and open segments', () => {
  const now = local(2025, 3, 12, 11); // Wednesday 11:00

  it('counts open segments up to now, ignoring ones not started yet', () => {
    const r = week([], {
      now,
      open: [
        { start: now - 30 * MIN, host: 'a.test', path: '', lane: 'focus' },
        { start: now - 10 * MIN, host: 'meet.test', path: '', lane: 'call' },
        { start: now + MIN, host: 'b.test', path: '', lane: 'focus' },
      ],
    });
    expect(r.days[2]!.totals.creative).toBe(20 * MIN);
    expect(r.days[2]!.meetingMs).toBe(10 * MIN);
    expect(r.multitaskMs).toBe(10 * MIN);
    expect(r.current).toBe(true);
  });

  it('never counts the future: calendar events after now, days after today', () => {
    const r = week([calendar(local(2025, 3, 12, 10), 0, 120), calendar(local(2025, 3, 14, 10), 0, 60)], { now });
    expect(r.meetingMs).toBe(HOUR);
    expect(r.days.map((d) => d.future)).toEqual([false, false, false, true, true, true, true]);
  });

  it('a week entirely in the future is empty', () => {
    const r = week([calendar(local(2025, 3, 14, 10), 0, 60)], { now: local(2025, 3, 1) });
    expect(r.hasData).toBe(false);
    expect(r.current).toBe(false);
  });
});

describe('buildWeekReport: working hours', () => {
  const wh = {
    countOnlyInside: true,
    days: [1, 2, 3, 4, 5] as Array<0 | 1 | 2 | 3 | 4 | 5 | 6>,
    startMinute: 9 * 60,
    endMinute: 18 * 60,
  };

  it.each<[string, Segment[], number]>([
    ['inside counts', [focus(TUE9, 0, 60)], 60],
    ['before 9:00 is dropped', [focus(TUE9, -60, 30)], 30],
    ['after 18:00 is dropped', [focus(TUE9, 8 * 60 + 30, 10 * 60)], 30],
    ['weekends are dropped', [focus(local(2025, 3, 15, 10), 0, 60)], 0],
    ['across two days only the working parts count', [focus(local(2025, 3, 11, 17), 0, 17 * 60)], 60 + 60],
  ])('%s', (_name, segs, minutes) => {
    expect(week(segs, { settings: settings(wh) }).trackedMs).toBe(minutes * MIN);
  });

  it('counts everything when countOnlyInside is off', () => {
    expect(
      week([focus(local(2025, 3, 15, 10), 0, 60)], { settings: settings({ ...wh, countOnlyInside: false }) }).trackedMs,
    ).toBe(HOUR);
  });

  it('marks working days and the clipping mode', () => {
    const r = week([], { settings: settings(wh) });
    expect(r.days.map((d) => d.isWorkingDay)).toEqual([true, true, true, true, true, false, false]);
    expect(r.countOnlyInside).toBe(true);
  });

  it('clips multitasking too', () => {
    const r = week([call(TUE9, -60, 60), focus(TUE9, -60, 60, 'b.test')], { settings: settings(wh) });
    expect(r.multitaskMs).toBe(HOUR);
  });
});

describe('buildWeekReport: empty week', () => {
  it('has zeros and nulls, never NaN', () => {
    const r = week([]);
    expect(r.hasData).toBe(false);
    expect(r.trackedMs).toBe(0);
    expect(r.creativeShare).toBeNull();
    expect(r.switchesPerHour).toBeNull();
    expect(r.longestCreativeBlock).toBeNull();
    expect(r.bestDay).toBeNull();
    expect(r.byKind).toEqual([]);
    expect(r.byTool).toEqual([]);
    expect(r.unclassified).toEqual([]);
    expect(r.days).toHaveLength(7);
    expect(JSON.stringify(r)).not.toContain('NaN');
    expect(r.days.every((d) => d.trackedMs === 0 && d.creativeShare === null)).toBe(true);
  });
});

describe('buildDayReport and dayTotals', () => {
  it('match the week report for that day', () => {
    const segs = [focus(TUE9, 0, 60, 'a.test'), call(TUE9, 60, 90), focus(TUE9, 70, 80, 'b.test'), focus(WED9, 0, 30)];
    const w = week(segs);
    const d = buildDayReport({
      segments: segs,
      classify: fakeClassify,
      day: TUE9 + 5 * HOUR,
      now: AFTER,
      settings: settings(),
    });
    expect(d).toEqual(w.days[1]);
    expect(dayTotals({ segments: segs, classify: fakeClassify, day: TUE9, now: AFTER, settings: settings() })).toEqual({
      day: '2025-03-11',
      totals: w.days[1]!.totals,
      trackedMs: 90 * MIN,
      classifiedMs: 90 * MIN,
      creativeShare: 60 / 90,
    });
  });
});

// ---------- properties ----------

const arbSeg = fc
  .record({
    start: fc.integer({ min: -24 * 60, max: 8 * 24 * 60 }),
    len: fc.integer({ min: 1, max: 600 }),
    sec: fc.integer({ min: 0, max: 59 }),
    host: fc.constantFrom('a.test', 'b.test', 'c.test', 'd.test', 'n.test', 'meet.test', 'u.test'),
    kind: fc.constantFrom('focus', 'focus', 'focus', 'call', 'calendar', 'manual'),
  })
  .map(({ start, len, sec, host, kind }): Segment => {
    const from = start + sec / 60;
    if (kind === 'calendar') return calendar(MON, from, from + len);
    if (kind === 'manual') return manual(MON, from, from + len);
    return kind === 'call' ? call(MON, from, from + len, host) : focus(MON, from, from + len, host);
  });

describe('buildWeekReport: properties', () => {
  it('days add up to the week; shares stay in [0, 1]; tracked time never exceeds wall time', () => {
    fc.assert(
      fc.property(fc.array(arbSeg, { maxLength: 40 }), fc.boolean(), (segs, inside) => {
        const r = week(segs, { settings: settings({ countOnlyInside: inside }) });
        for (const cls of ['creative', 'coordination', 'neutral', 'unclassified'] as const) {
          expect(r.days.reduce((a, d) => a + d.totals[cls], 0)).toBe(r.totals[cls]);
        }
        expect(r.days.reduce((a, d) => a + d.switches, 0)).toBe(r.switches);
        expect(r.days.reduce((a, d) => a + d.multitaskMs, 0)).toBe(r.multitaskMs);
        expect(r.byTool.reduce((a, t) => a + t.ms, 0)).toBe(r.trackedMs);
        for (const d of [r, ...r.days]) {
          if (d.creativeShare !== null) {
            expect(d.creativeShare).toBeGreaterThanOrEqual(0);
            expect(d.creativeShare).toBeLessThanOrEqual(1);
          }
        }
        for (const d of r.days) expect(d.trackedMs).toBeLessThanOrEqual(d.end - d.start);
        expect(r.trackedMs).toBeLessThanOrEqual(r.weekEnd - r.weekStart);
      }),
      { numRuns: 150 },
    );
  });

  it('does not mutate its input', () => {
    fc.assert(
      fc.property(fc.array(arbSeg, { maxLength: 20 }), (segs) => {
        const copy = structuredClone(segs);
        week(segs, {
          settings: settings({ countOnlyInside: true }),
          now: local(2025, 3, 13, 12),
          open: [{ start: local(2025, 3, 13, 11), host: 'a.test', path: '', lane: 'focus' }],
        });
        expect(segs).toEqual(copy);
      }),
      { numRuns: 30 },
    );
  });

  it('a day report equals the matching day of the week report', () => {
    fc.assert(
      fc.property(fc.array(arbSeg, { maxLength: 30 }), fc.integer({ min: 0, max: 6 }), (segs, i) => {
        const w = week(segs);
        const d = buildDayReport({
          segments: segs,
          classify: fakeClassify,
          day: w.days[i]!.start + SEC,
          now: AFTER,
          settings: settings(),
        });
        expect(d.totals).toEqual(w.days[i]!.totals);
        expect(d.multitaskMs).toBe(w.days[i]!.multitaskMs);
      }),
      { numRuns: 60 },
    );
  });
});
