import { describe, expect, it } from 'vitest';
import type { Segment } from '@/lib/model';
import { DEMO_PAGES, createRng, generateDemoSegments, generateYear } from '@/lib/demo/seed';
import { buildTrend, summarizeDays } from '@/lib/report';
import { localDayStart } from '@/lib/time/days';
import { weekRange } from '@/lib/time/week';
import { dayKey } from '@/lib/time/days';
import { pathShape } from '@/lib/url/normalize';
import { fakeClassify } from '../report/fake-classifier';
import { weekOfFake } from '../report/helpers';

const NOW = new Date(2025, 5, 12, 15, 30).getTime(); // Thursday afternoon, Europe/Berlin
const segs = generateDemoSegments({ weeks: 12, now: NOW, seed: 42 });

function byLane(list: readonly Segment[]): Map<string, Segment[]> {
  const m = new Map<string, Segment[]>();
  for (const s of list) {
    const k = `${s.source}/${s.lane}`;
    const list = m.get(k);
    if (list) list.push(s);
    else m.set(k, [s]);
  }
  return m;
}

describe('createRng', () => {
  it('is deterministic and uniform enough', () => {
    const a = createRng(5);
    const b = createRng(5);
    const xs = Array.from({ length: 2000 }, () => a());
    expect(Array.from({ length: 2000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((p, x) => p + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});

describe('generateDemoSegments', () => {
  it('is deterministic for a seed, and the seed matters', () => {
    expect(generateDemoSegments({ weeks: 12, now: NOW, seed: 42 })).toEqual(segs);
    expect(generateDemoSegments({ weeks: 12, now: NOW, seed: 43 })).not.toEqual(segs);
  });

  it('rejects nonsense options', () => {
    expect(() => generateDemoSegments({ weeks: 0, now: NOW })).toThrow(RangeError);
    expect(() => generateDemoSegments({ weeks: 1.5, now: NOW })).toThrow(RangeError);
    expect(() => generateDemoSegments({ weeks: 1, now: Number.NaN })).toThrow(RangeError);
  });

  it('covers the requested weeks (Monday first) up to now, nothing later', () => {
    const first = weekRange(NOW, 1).start - 11 * 7 * 24 * 3600_000 - 3600_000; // allow the DST hour
    expect(segs[0]!.start).toBeGreaterThanOrEqual(first);
    expect(dayKey(segs[0]!.start) >= '2025-03-24').toBe(true);
    expect(Math.max(...segs.map((s) => s.end))).toBeLessThanOrEqual(NOW);
    expect(segs.some((s) => dayKey(s.start) === '2025-06-12')).toBe(true);
  });

  it('produces valid, sorted segments split at local midnight', () => {
    const bad = segs.filter(
      (s, i) =>
        !(s.end > s.start) ||
        s.day !== dayKey(s.start) ||
        s.end > localDayStart(s.start, 1) ||
        (i > 0 && s.start < segs[i - 1]!.start),
    );
    expect(bad).toEqual([]);
  });

  it('never overlaps within a lane', () => {
    for (const [lane, list] of byLane(segs)) {
      for (let i = 1; i < list.length; i++) {
        if (list[i]!.start < list[i - 1]!.end)
          throw new Error(`${lane} overlaps at ${new Date(list[i]!.start).toISOString()}`);
      }
    }
  });

  it('uses real host and path shapes (as lib/url/normalize.ts stores them)', () => {
    const known = new Set(Object.values(DEMO_PAGES).flatMap((pages) => pages.map((p) => `${p.host}${p.path}`)));
    const bad = segs.filter((s) =>
      s.source === 'browser'
        ? !known.has(`${s.host}${s.path}`) || pathShape(s.path) !== s.path
        : s.host !== '' || s.path !== '',
    );
    expect(bad).toEqual([]);
    expect(DEMO_PAGES.docs[0]).toEqual({ host: 'docs.google.com', path: '/document/d/*/edit' });
    expect(DEMO_PAGES.slack[0]).toEqual({ host: 'app.slack.com', path: '/client/*/*' });
    expect(DEMO_PAGES.gmail[0]).toEqual({ host: 'mail.google.com', path: '/mail/u/*' });
    expect(DEMO_PAGES.ga4[0]).toEqual({ host: 'analytics.google.com', path: '/analytics/web' });
  });

  it('has calendar meetings, calls, manual blocks, personal time and unknown hosts', () => {
    const lanes = byLane(segs);
    const cal = lanes.get('calendar/focus') ?? [];
    expect(cal.length).toBeGreaterThan(50);
    expect(cal.every((s) => s.override?.class === 'coordination' && s.override.kind === 'meetings' && !!s.label)).toBe(
      true,
    );
    expect(new Set(cal.map((s) => s.label)).size).toBeGreaterThan(5);
    const calls = lanes.get('browser/call') ?? [];
    expect(new Set(calls.map((s) => s.host))).toEqual(new Set(['meet.google.com', 'app.zoom.us']));
    const man = lanes.get('manual/focus') ?? [];
    expect(man.length).toBeGreaterThan(1);
    expect(man.every((s) => !!s.label && !!s.override)).toBe(true);
    expect(man.some((s) => s.override?.class === 'creative')).toBe(true);
    const report = weekOfFake(segs, weekRange(NOW, 1).start - 7 * 24 * 3600_000, NOW);
    expect(report.multitaskMs).toBeGreaterThan(0);
    expect(report.multitaskByTool.map((t) => t.tool)).toContain('Slack');
    expect(report.totals.neutral).toBeGreaterThan(0);
    expect(report.unclassified.length).toBeGreaterThan(0);
    expect(report.meetingMs).toBeGreaterThan(3 * 3600_000);
  });

  it('contains flicks shorter than 5 s (so the threshold matters)', () => {
    expect(segs.some((s) => s.lane === 'focus' && s.end - s.start < 5_000)).toBe(true);
  });

  it('working days run roughly 9 to 18 with a lunch break', () => {
    const r = weekOfFake(segs, weekRange(NOW, 1).start - 14 * 24 * 3600_000, NOW);
    for (const d of r.days.slice(0, 5)) {
      expect(d.trackedMs / 3600_000).toBeGreaterThan(5);
      expect(d.trackedMs / 3600_000).toBeLessThan(11);
    }
  });

  it('creative share drifts plausibly between weeks', () => {
    const trend = buildTrend({
      summaries: summarizeDays(segs, { now: NOW }),
      classify: fakeClassify,
      weekStart: weekRange(NOW, 1).start,
      weeks: 11,
    });
    const shares = trend.map((p) => p.creativeShare!);
    expect(Math.min(...shares)).toBeGreaterThan(0.1);
    expect(Math.max(...shares)).toBeLessThan(0.7);
    expect(Math.max(...shares) - Math.min(...shares)).toBeGreaterThan(0.15);
  });

  it('never mutates what it returned on a second call (fresh objects)', () => {
    const a = generateDemoSegments({ weeks: 1, now: NOW, seed: 9 });
    a[0]!.host = 'changed';
    expect(generateDemoSegments({ weeks: 1, now: NOW, seed: 9 })[0]!.host).not.toBe('changed');
  });
});

describe('generateYear', () => {
  it('produces about 150,000 segments, ~3,000 a week', () => {
    const year = generateYear({ now: NOW, seed: 1 });
    expect(year.length).toBeGreaterThan(120_000);
    expect(year.length).toBeLessThan(190_000);
  }, 30_000);
});
