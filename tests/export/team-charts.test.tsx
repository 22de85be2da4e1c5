// @vitest-environment happy-dom
// The team page's bar charts: the shared configuration builder and what each chart feeds it.
import { cleanup, render, screen } from '@testing-library/react';
import type { ChartConfiguration, Plugin, TooltipItem } from 'chart.js';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shareAxis, surveyLegend, surveyLines, teamBarConfig, type TeamBarSpec } from '@/components/team/bar-chart';
import type { RefLines } from '@/components/team/chart-lines';
import { teamFormatters } from '@/components/team/format';
import { MeetingsChart } from '@/components/team/MeetingsChart';
import { PeopleShareChart } from '@/components/team/PeopleShareChart';
import { WeeklyRangeChart } from '@/components/team/WeeklyRangeChart';
import { buildTeamView } from '@/lib/export/team-view';
import { teamMember, teamWeek } from './helpers';

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

const COLORS: Record<string, string> = { '--text-2': '#222222', '--text': '#111111', '--border': '#dddddd', '--creative': '#0000aa', '--bench-good': '#00aa00', '--bench-typical': '#aaaa00', '--target': '#aa0000' };

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
const tooltip = (config: ChartConfiguration<'bar'>, ctx: TooltipItem<'bar'>) => (config.options!.plugins!.tooltip!.callbacks!.label as (c: TooltipItem<'bar'>) => string)(ctx);

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
          y: { min: 0, max: 100, grid: { color: '#dddddd' }, border: { display: false }, ticks: { color: '#222222', stepSize: 25, callback: expect.any(Function) } },
        },
        plugins: { tooltip: { callbacks: { label: spec.tooltip } } },
      },
      plugins: [plugin],
    });
  });

  it('a value axis from zero sets no range of its own', () => {
    const y = teamBarConfig({ ...spec, y: { range: { beginAtZero: true }, ticks: { callback: (v) => `${v} h` } } }, plugin).options!.scales!.y!;
    expect(y).toEqual({ beginAtZero: true, grid: { color: '#dddddd' }, border: { display: false }, ticks: { color: '#222222', callback: expect.any(Function) } });
    expect(Object.keys(y.ticks!)).not.toContain('stepSize');
  });

  it('the share axis reads its percent ticks as shares', () => {
    const config = teamBarConfig(spec, plugin);
    expect([0, 25, 50, 100].map((v) => tick(config, 'y', v))).toEqual(['0%', '25%', '50%', '100%']);
  });

  it('the survey levels: a dashed good day and a dotted typical, as lines and as legend entries', () => {
    expect(surveyLines(fmt)).toEqual([
      { value: 50, color: '#00aa00', dash: [7, 5], label: 'Good day 50%' },
      { value: 25, color: '#aaaa00', dash: [2, 4], label: 'Typical 25%' },
    ]);
    expect(surveyLegend(fmt)).toEqual([
      { key: 'good', swatch: 'dashed', color: 'var(--bench-good)', label: 'Good day 50%' },
      { key: 'typical', swatch: 'dotted', color: 'var(--bench-typical)', label: 'Typical 25%' },
    ]);
  });
});

describe('the team charts', () => {
  // Ann 37.5% (Monday weeks), Ben 70% (Sunday weeks), Cy 10% and a week with nothing classified.
  const view = buildTeamView([
    teamMember('Ann', [teamWeek('2025-03-17', { writing: 10, meetings: 6, messaging: 4 }), teamWeek('2025-03-24', { design: 5, meetings: 10, project: 5 })]),
    teamMember('Ben', [teamWeek('2025-03-16', { writing: 16, meetings: 4 }), teamWeek('2025-03-23', { research: 12, reporting: 8 })], 0),
    teamMember('Cy', [teamWeek('2025-03-10', { ai: 1, admin: 9 }), teamWeek('2025-03-17', { personal: 3 })]),
  ]);

  it('people: each share in percent on the share axis, the survey lines and the team median', () => {
    render(<PeopleShareChart view={view} fmt={fmt} />);
    const [config] = drawn.configs;
    expect(config!.data.labels).toEqual(['Ann', 'Ben', 'Cy']);
    expect(config!.data.datasets[0]).toEqual({ label: 'Creative share', data: [37.5, 70, 10], backgroundColor: '#0000aa', maxBarThickness: 48 });
    expect(config!.options!.scales!.x!.ticks).toEqual({ color: '#222222', autoSkip: false, maxRotation: 45 });
    expect(tick(config!, 'y', 75)).toBe('75%');
    expect(tooltip(config!, item(37.5))).toBe(' 38%');
    expect(drawn.lines.at(-1)!.lines.map((l) => [l.value, l.label, l.labelAt])).toEqual([
      [50, 'Good day 50%', undefined],
      [25, 'Typical 25%', undefined],
      [37.5, 'Team median 38%', 'start'],
    ]);
    expect(screen.getByTestId('team-people-canvas').getAttribute('aria-label')).toMatch(/^Creative share per person, .*Ann: 38%, Ben: 70%, Cy: 10%\.$/);
    expect(screen.getByRole('list', { name: 'Legend' }).textContent).toBe('Creative (solid)Good day 50%Typical 25%Team median 38%');
  });

  it('weeks: a bar from the lowest to the highest person (a one-person week a thin bar), the median as a tick', () => {
    render(<WeeklyRangeChart view={view} fmt={fmt} />);
    const [config] = drawn.configs;
    expect(config!.data.labels).toEqual(['Mar 10', 'Mar 17', 'Mar 24']);
    expect(config!.data.datasets[0]!.data).toEqual([[9.4, 10.6], [50, 80], [25, 60]]);
    expect(config!.options!.scales!.x!.ticks).toEqual({ color: '#222222', maxRotation: 0, autoSkipPadding: 10 });
    expect(config!.options!.scales!.y).toMatchObject({ min: 0, max: 100, ticks: { stepSize: 25 } });
    expect(tooltip(config!, item(null, 1))).toBe(' Median 65%, range 50%–80% (2 people)');
    expect(tooltip(config!, item(null, 0))).toBe(' Median 10%, range 10%–10% (1 person)');
    const spec = drawn.lines.at(-1)!;
    expect(spec.lines.map((l) => l.label)).toEqual(['Good day 50%', 'Typical 25%']);
    expect(spec.ticks).toEqual([
      { index: 0, value: 10, color: '#111111' },
      { index: 1, value: 65, color: '#111111' },
      { index: 2, value: 42.5, color: '#111111' },
    ]);
    expect(screen.getByRole('list', { name: 'Legend' }).textContent).toBe('Range of the teamTeam medianGood day 50%Typical 25%');
  });

  it('meetings: hours per week from zero, the median as a line', () => {
    render(<MeetingsChart view={view} fmt={fmt} />);
    const [config] = drawn.configs;
    expect(config!.data.datasets[0]).toMatchObject({ label: 'Meeting hours per week', data: [8, 2, 0], maxBarThickness: 48 });
    expect(config!.options!.scales!.y).toEqual({ beginAtZero: true, grid: { color: '#dddddd' }, border: { display: false }, ticks: { color: '#222222', callback: expect.any(Function) } });
    expect(tick(config!, 'y', 2)).toBe('2 h');
    expect(tooltip(config!, item(8))).toBe(' 8 h per week');
    expect(drawn.lines.at(-1)!.lines).toEqual([{ value: 2, color: '#aa0000', dash: [], label: 'Median 2 h' }]);
    expect(screen.getByTestId('team-meetings-canvas').textContent).toMatch(/^Meeting hours per week per person, median 2 h\. Ann: 8 h, Ben: 2 h, Cy: 0 min\.$/);
  });
});
