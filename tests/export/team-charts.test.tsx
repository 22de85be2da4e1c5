// @vitest-environment happy-dom
// The team page's charts: the shared bar configuration builder and what each chart feeds it (team figures only).
import { cleanup, render, screen } from '@testing-library/react';
import type { ChartConfiguration, Plugin, TooltipItem } from 'chart.js';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shareAxis, surveyLegend, surveyLines, teamBarConfig, type TeamBarSpec } from '@/components/team/bar-chart';
import type { RefLines } from '@/components/team/chart-lines';
import { teamFormatters } from '@/components/team/format';
import { FragmentationChart, blockBins } from '@/components/team/FragmentationChart';
import { ShareDistributionChart } from '@/components/team/ShareDistributionChart';
import { WeeklyRangeChart } from '@/components/team/WeeklyRangeChart';
import { buildTeamView } from '@/lib/export/team-view';
import { teamPerson, teamWeek } from './helpers';

// Charts are not drawn here (no canvas): useChart hands over the configuration it would draw, and
// the reference lines are recorded as they are set.
const drawn = vi.hoisted(() => ({ configs: [] as ChartConfiguration<'bar'>[], lines: [] as RefLines[] }));
vi.mock('@/components/charts/use-chart', () => ({
  useColorScheme: () => 'light',
  useChart: (build: () => ChartConfiguration<'bar'>) => {
    drawn.configs.push(build());
    return useRef(null);
  },
}));
vi.mock('@/components/team/chart-lines', () => ({
  useRefLines: () => ({ plugin: { id: 'refLines' }, set: (spec: RefLines) => drawn.lines.push(spec) }),
}));

const COLORS: Record<string, string> = {
  '--text-2': '#222222',
  '--text': '#111111',
  '--border': '#dddddd',
  '--creative': '#0000aa',
  '--bench-good': '#00aa00',
  '--bench-typical': '#aaaa00',
  '--target': '#aa0000',
};

beforeEach(() => {
  for (const [name, value] of Object.entries(COLORS)) document.documentElement.style.setProperty(name, value);
  drawn.configs.length = 0;
  drawn.lines.length = 0;
});

afterEach(() => {
  cleanup();
});

const fmt = teamFormatters('en-US');
const item = (raw: unknown, dataIndex = 0) => ({ raw, dataIndex }) as TooltipItem<'bar'>;
const tick = (config: ChartConfiguration<'bar'>, axis: 'x' | 'y', value: number) => {
  const callback = config.options!.scales![axis]!.ticks!.callback as (v: number) => string;
  return callback(value);
};
const tooltip = (config: ChartConfiguration<'bar'>, ctx: TooltipItem<'bar'>) =>
  (config.options!.plugins!.tooltip!.callbacks!.label as (c: TooltipItem<'bar'>) => string)(ctx);

describe('teamBarConfig and its parts', () => {
  const plugin: Plugin = { id: 'refLines' };
  const spec: TeamBarSpec = {
    labels: ['Ann', 'Ben'],
    dataset: { label: 'Creative share', data: [40, null] },
    xTicks: { autoSkip: false, maxRotation: 45 },
    y: shareAxis(fmt),
    tooltip: (ctx) => ` ${String(ctx.raw)}`,
    refLines: { lines: [] },
  };

  it('builds an unanimated bar chart of one dataset, the axes in the page colours, the plugin attached', () => {
    const config = teamBarConfig(spec, plugin);
    expect(config).toEqual({
      type: 'bar',
      data: { labels: ['Ann', 'Ben'], datasets: [spec.dataset] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { grid: { display: false }, ticks: { color: '#222222', autoSkip: false, maxRotation: 45 } },
          y: {
            min: 0,
            max: 100,
            grid: { color: '#dddddd' },
            border: { display: false },
            ticks: { color: '#222222', stepSize: 25, callback: expect.any(Function) },
          },
        },
        plugins: { tooltip: { callbacks: { label: spec.tooltip } } },
      },
      plugins: [plugin],
    });
  });

  it('a value axis from zero sets no range of its own', () => {
    const y = teamBarConfig(
      { ...spec, y: { range: { beginAtZero: true }, ticks: { callback: (v) => `${v} h` } } },
      plugin,
    ).options!.scales!.y!;
    expect(y).toEqual({
      beginAtZero: true,
      grid: { color: '#dddddd' },
      border: { display: false },
      ticks: { color: '#222222', callback: expect.any(Function) },
    });
    expect(Object.keys(y.ticks!)).not.toContain('stepSize');
  });

  it('the share axis reads its percent ticks as shares', () => {
    const config = teamBarConfig(spec, plugin);
    expect([0, 25, 50, 100].map((v) => tick(config, 'y', v))).toEqual(['0%', '25%', '50%', '100%']);
  });

  it('the survey levels in the survey\'s words (never "Good day"/"Typical"): dashed 50%, dotted 25%, as lines and legend entries (issue #15)', () => {
    expect(surveyLines(fmt)).toEqual([
      { value: 50, color: '#00aa00', dash: [7, 5], label: '50% — a good day for 42%' },
      { value: 25, color: '#aaaa00', dash: [2, 4], label: '25% — the reality for 38%' },
    ]);
    expect(surveyLegend(fmt)).toEqual([
      {
        key: 'good',
        swatch: 'dashed',
        color: 'var(--bench-good)',
        label: '50% — a good day for 42% of surveyed marketers',
      },
      {
        key: 'typical',
        swatch: 'dotted',
        color: 'var(--bench-typical)',
        label: '25% — the reality for 38% of surveyed marketers',
      },
    ]);
  });
});

describe('the team charts', () => {
  // Five people (shares 10%, 30%, 50%, 70%, 90% in March 17 and 24); only two in the week of March 31.
  const person = (share: number, blocks50: number, extra: string[] = []) =>
    teamPerson([
      ...['2025-03-17', '2025-03-24', ...extra].map((w) =>
        teamWeek(
          w,
          { writing: share * 10, meetings: (1 - share) * 10 },
          { blocks25: blocks50, blocks50, longestCreativeBlockMs: blocks50 * 50 * 60_000 },
        ),
      ),
    ]);
  const view = buildTeamView([
    person(0.9, 4),
    person(0.1, 0, ['2025-03-31']),
    person(0.5, 2),
    person(0.3, 1, ['2025-03-31']),
    person(0.7, 6),
  ]);
  const stats = view.stats!;

  it('distribution: one dot per person, sorted, unlabelled, with the survey lines and the team median', () => {
    render(<ShareDistributionChart stats={stats} fmt={fmt} />);
    const [config] = drawn.configs as unknown as ChartConfiguration<'line'>[];
    expect(config!.type).toBe('line');
    expect(config!.data.labels).toEqual(['', '', '', '', '']);
    expect(config!.data.datasets[0]!.data).toEqual([10, 30, 50, 70, 90]);
    expect(drawn.lines.at(-1)!.lines.map((l) => [l.value, l.label])).toEqual([
      [50, '50% — a good day for 42%'],
      [25, '25% — the reality for 38%'],
      [50, 'Team median 50%'],
    ]);
    const rows = screen.getByTestId('team-distribution-table').querySelectorAll('tbody tr');
    expect(Array.from(rows, (r) => r.textContent)).toEqual([
      '1 of 510%at or below 25%',
      '2 of 530%between 25% and 50%',
      '3 of 550%at or above 50%',
      '4 of 570%at or above 50%',
      '5 of 590%at or above 50%',
    ]);
  });

  it('weeks: a bar from the lowest to the highest, the median as a tick; a week under the floor stays empty', () => {
    render(<WeeklyRangeChart stats={stats} minGroup={view.minGroup} fmt={fmt} />);
    const [config] = drawn.configs;
    expect(config!.data.labels).toEqual(['Mar 17', 'Mar 24', 'Mar 31']);
    expect(config!.data.datasets[0]!.data).toEqual([[10, 90], [10, 90], null]);
    expect(tooltip(config!, item(null, 0))).toBe(' Median 50%, range 10%–90% (5 people)');
    expect(tooltip(config!, item(null, 2))).toBe('');
    expect(drawn.lines.at(-1)!.ticks).toEqual([
      { index: 0, value: 50, color: '#111111' },
      { index: 1, value: 50, color: '#111111' },
      { index: 2, value: null, color: '#111111' },
    ]);
    const last = screen.getByTestId('team-weeks-table').querySelectorAll('tbody tr')[2]!;
    expect(last.textContent).toBe('Mar 312fewer than 5: not shown––');
    expect(screen.getByTestId('team-weeks-canvas').getAttribute('aria-label')).toMatch(
      /Week of Mar 31: fewer than 5 people, not shown\.$/,
    );
  });

  it('fragmentation: a histogram of 50-minute blocks per week, the median longest block', () => {
    render(<FragmentationChart stats={stats} fmt={fmt} />);
    const [config] = drawn.configs;
    expect(config!.data.labels).toEqual(['under 1', '1 to 2', '2 to 3', '3 to 5', '5 or more']);
    expect(config!.data.datasets[0]!.data).toEqual([1, 1, 1, 1, 1]);
    expect(screen.getByTestId('team-longest').textContent).toBe('1 h 40 min');
    expect(screen.getByTestId('team-blocks50').textContent).toBe('2');
    expect(blockBins([0, 0.5, 1, 2.9, 3, 4.99, 5, 12]).map((b) => b.people)).toEqual([2, 1, 1, 2, 2]);
  });
});
