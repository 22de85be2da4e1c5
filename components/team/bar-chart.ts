/**
 * What the team page's bar charts share (people's shares, the weeks' ranges, meeting hours): one
 * bar dataset over categories, a value axis with light grid lines, no animation, labelled
 * reference lines, and the survey's two levels (50%, 25%) as lines and legend entries, in the survey's
 * own words as everywhere else in the product (never "typical").
 */
import type { ChartConfiguration, ChartDataset, Plugin, TooltipItem } from 'chart.js';
import { CHART_BOX, cssVar } from '@/components/charts/chart-style';
import { useChart, useColorScheme } from '@/components/charts/use-chart';
import { benchmarkWords, GOOD_DAY, TYPICAL } from '@/lib/report/benchmarks';
import { useRefLines, type RefLine, type RefLines } from './chart-lines';
import type { TeamFormatters } from './format';

export interface TeamBarSpec {
  labels: string[];
  dataset: ChartDataset<'bar'>;
  /** Tick options of the category axis besides their colour. */
  xTicks: { autoSkip?: boolean; maxRotation?: number; autoSkipPadding?: number };
  /** The value axis: its range and its ticks (besides their colour). */
  y: {
    range: { min: number; max: number } | { beginAtZero: true };
    ticks: { stepSize?: number; callback: (value: number | string) => string };
  };
  tooltip: (ctx: TooltipItem<'bar'>) => string;
  refLines: RefLines;
}

/** The Chart.js configuration of a team bar chart; `plugin` draws its reference lines. */
export function teamBarConfig(spec: TeamBarSpec, plugin: Plugin): ChartConfiguration<'bar'> {
  const text2 = cssVar('--text-2');
  return {
    type: 'bar',
    data: { labels: spec.labels, datasets: [spec.dataset] },
    options: {
      ...CHART_BOX,
      scales: {
        x: { grid: { display: false }, ticks: { color: text2, ...spec.xTicks } },
        y: {
          ...spec.y.range,
          grid: { color: cssVar('--border') },
          border: { display: false },
          ticks: { color: text2, ...spec.y.ticks },
        },
      },
      plugins: { tooltip: { callbacks: { label: spec.tooltip } } },
    },
    plugins: [plugin],
  };
}

/** A horizontal bar chart of the team page (bands, coordination kinds): one dataset, categories down the side. */
export interface TeamRowsSpec {
  labels: string[];
  dataset: ChartDataset<'bar'>;
  /** The value axis (along the bottom): its range and its ticks (besides their colour). */
  x: {
    range: { beginAtZero: true; max?: number; suggestedMax?: number };
    ticks: { precision?: number; stepSize?: number; callback?: (value: number | string) => string };
  };
  tooltip: (ctx: TooltipItem<'bar'>) => string;
}

/** The Chart.js configuration of a horizontal team bar chart. */
export function teamRowsConfig(spec: TeamRowsSpec): ChartConfiguration<'bar'> {
  const text2 = cssVar('--text-2');
  return {
    type: 'bar',
    data: { labels: spec.labels, datasets: [spec.dataset] },
    options: {
      indexAxis: 'y',
      ...CHART_BOX,
      scales: {
        x: { ...spec.x.range, grid: { color: cssVar('--border') }, ticks: { color: text2, ...spec.x.ticks } },
        y: { grid: { display: false }, ticks: { color: text2 } },
      },
      plugins: { tooltip: { callbacks: { label: spec.tooltip } } },
    },
  };
}

/**
 * Own a team bar chart: `build` (given the colour scheme in force, so colours are re-read when it
 * changes) returns its spec whenever `deps` change.
 */
export function useTeamBarChart(build: (scheme: 'light' | 'dark') => TeamBarSpec, deps: unknown[]) {
  const scheme = useColorScheme();
  const refLines = useRefLines();
  return useChart<'bar'>(() => {
    const spec = build(scheme);
    refLines.set(spec.refLines);
    return teamBarConfig(spec, refLines.plugin);
  }, [scheme, ...deps]);
}

/** A value axis of creative shares in percent (0–100), ticks every 25 read as shares. */
export function shareAxis(fmt: TeamFormatters): TeamBarSpec['y'] {
  return { range: { min: 0, max: 100 }, ticks: { stepSize: 25, callback: (v) => fmt.share(Number(v) / 100) } };
}

/** The survey's 50% (dashed) and 25% (dotted) levels as reference lines on a share axis in percent, short survey words. */
export function surveyLines(fmt: TeamFormatters): RefLine[] {
  return [
    {
      value: GOOD_DAY * 100,
      color: cssVar('--bench-good'),
      dash: [7, 5],
      label: `${fmt.share(GOOD_DAY)} — ${benchmarkWords('good', fmt.share, true)}`,
    },
    {
      value: TYPICAL * 100,
      color: cssVar('--bench-typical'),
      dash: [2, 4],
      label: `${fmt.share(TYPICAL)} — ${benchmarkWords('typical', fmt.share, true)}`,
    },
  ];
}

/** The same two levels as legend entries (ClassLegend's `extra`). */
export { surveyLegend } from '@/components/ClassLegend';
