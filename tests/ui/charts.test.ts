import { describe, expect, it } from 'vitest';
import type { Classification } from '@/lib/classify/types';
import type { Segment } from '@/lib/model';
import { buildWeekReport } from '@/lib/report';
import { dailyBarsView, describeDay, kindBreakdown, KIND_STACK_ORDER, toolBreakdown, trendView } from '@/lib/ui/charts';
import { signalsView } from '@/lib/ui/signals';
import type { TrendPoint } from '@/lib/report/types';

const MIN = 60_000;
const HOUR = 60 * MIN;

const TOOLS: Record<string, Omit<Classification, 'rule' | 'origin'>> = {
  'docs.google.com': { toolId: 'gdocs', tool: 'Google Docs', class: 'creative', kind: 'writing' },
  'www.figma.com': { toolId: 'figma', tool: 'Figma', class: 'creative', kind: 'design' },
  'app.slack.com': { toolId: 'slack', tool: 'Slack', class: 'coordination', kind: 'messaging' },
  'meet.google.com': { toolId: 'meet', tool: 'Google Meet', class: 'coordination', kind: 'meetings' },
  'youtube.com': { toolId: 'yt', tool: 'YouTube', class: 'neutral', kind: 'personal' },
};
const classify = (host: string): Classification =>
  TOOLS[host]
    ? { ...TOOLS[host]!, rule: 'catalog', origin: 'catalog' }
    : { toolId: `host:${host}`, tool: host, class: 'unclassified', kind: 'unknown', rule: 'none', origin: 'none' };

let id = 1;
function seg(
  day: number,
  h: number,
  m: number,
  minutes: number,
  host: string,
  lane: Segment['lane'] = 'focus',
): Segment {
  const start = new Date(2025, 2, day, h, m).getTime();
  return {
    id: id++,
    start,
    end: start + minutes * MIN,
    day: `2025-03-0${day}`,
    host,
    path: '',
    source: 'browser',
    lane,
  };
}

// Monday 3 March 2025 … Sunday 9 March.
const segments: Segment[] = [
  seg(3, 9, 0, 120, 'docs.google.com'),
  seg(3, 11, 0, 60, 'app.slack.com'),
  seg(3, 12, 0, 30, 'mystery.example'),
  seg(4, 9, 0, 60, 'meet.google.com', 'call'),
  seg(4, 9, 10, 20, 'app.slack.com'),
  seg(4, 10, 0, 95, 'www.figma.com'),
  seg(5, 20, 0, 45, 'youtube.com'),
];
const report = buildWeekReport({
  segments,
  classify,
  weekStart: new Date(2025, 2, 3),
  now: new Date(2025, 2, 10).getTime(),
  settings: {
    workingHours: { countOnlyInside: false, days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1080 },
    targetShare: 0.5,
  },
});

describe('daily bars', () => {
  const view = dailyBarsView(report.days, 'en-US');

  it('has one label per day and only the kinds with time, creative first', () => {
    expect(view.labels).toEqual(['Mon 3', 'Tue 4', 'Wed 5', 'Thu 6', 'Fri 7', 'Sat 8', 'Sun 9']);
    expect(view.series.map((s) => s.kind)).toEqual([
      'writing',
      'design',
      'meetings',
      'messaging',
      'personal',
      'unknown',
    ]);
    expect(KIND_STACK_ORDER.indexOf('writing')).toBeLessThan(KIND_STACK_ORDER.indexOf('meetings'));
  });

  it("puts each kind's hours on its day", () => {
    const writing = view.series.find((s) => s.kind === 'writing')!;
    expect(writing.hours).toEqual([2, 0, 0, 0, 0, 0, 0]);
    const design = view.series.find((s) => s.kind === 'design')!;
    expect(design.hours[1]).toBeCloseTo(95 / 60);
    const unknown = view.series.find((s) => s.kind === 'unknown')!;
    expect(unknown.hours[0]).toBeCloseTo(0.5);
    expect(view.maxHours).toBeCloseTo(3.5);
  });

  it('describes a day in words for screen readers', () => {
    const text = describeDay(view, 0, (ms) => `${ms / HOUR} h`);
    expect(text).toBe('Mon 3: Writing 2 h, Chat & email 1 h, Unclassified 0.5 h');
    expect(describeDay(view, 3, String)).toBe('Thu 6: nothing tracked');
  });
});

describe('breakdowns', () => {
  it('lists kinds by class then time, with shares of tracked time', () => {
    const rows = kindBreakdown(report.byKind, report.totals);
    expect(rows[0]!.kind).toBe('writing');
    expect(rows.map((r) => r.class)).toEqual(
      [...rows.map((r) => r.class)].sort(
        (a, b) =>
          ['creative', 'coordination', 'neutral', 'unclassified'].indexOf(a) -
          ['creative', 'coordination', 'neutral', 'unclassified'].indexOf(b),
      ),
    );
    expect(rows.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1);
  });

  it('keeps the top tools and sums the rest', () => {
    const t = toolBreakdown(report.byTool, report.totals, 2);
    expect(t.rows.map((r) => r.name)).toEqual(['Google Docs', 'Figma']);
    expect(t.rest!.count).toBe(report.byTool.length - 2);
    expect(t.rows[0]!.ms + t.rows[1]!.ms + t.rest!.ms).toBe(report.trackedMs);
  });
});

describe('signals', () => {
  const fmt = {
    hours: (ms: number) => `${Math.round((ms / HOUR) * 10) / 10} h`,
    duration: (ms: number) => `${Math.round(ms / MIN)} min`,
    number: (n: number, d = 1) => n.toFixed(d),
    share: (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)}%`),
    locale: 'en-US',
  };
  const v = signalsView(report, fmt);

  it('shows meeting and chat hours and the longest creative block', () => {
    const tile = (k: string) => v.tiles.find((t) => t.key === k)!;
    expect(tile('meetings').value).toBe('1 h');
    expect(tile('longest').value).toBe(fmt.duration(report.longestCreativeBlock!.ms));
    expect(tile('longest').help).toBe('On Mon 3');
    expect(tile('blocks').value).toBe(
      `${report.creativeBlocks.atLeast25} · ${report.creativeBlocks.atLeast50} · ${report.creativeBlocks.atLeast90}`,
    );
  });

  it('counts multitasking during the call', () => {
    expect(report.multitaskMs).toBe(20 * MIN);
    expect(v.tiles.find((t) => t.key === 'multitask')!.value).toBe('0.3 h');
    expect(v.multitaskTools).toBe('Slack 20 min');
  });

  it('has a row per day with block counts', () => {
    expect(v.days).toHaveLength(7);
    expect(v.days[0]!.blocks90).toBe(1);
    expect(v.days[3]!.active).toBe(false);
  });
});

describe('trend view', () => {
  it('turns shares into percentages and keeps gaps', () => {
    const p = (week: string, share: number | null): TrendPoint => ({
      weekStart: 0,
      week,
      totals: { creative: 0, coordination: 0, neutral: 0, unclassified: 0 },
      trackedMs: 0,
      classifiedMs: 0,
      creativeShare: share,
    });
    const v = trendView([p('2025-02-24', null), p('2025-03-03', 0.4237)], 'en-US');
    expect(v.sharePct).toEqual([null, 42.4]);
    expect(v.labels).toEqual(['Feb 24', 'Mar 3']);
    expect(v.hasData).toBe(true);
  });
});
