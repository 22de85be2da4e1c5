import type { ChartConfiguration } from 'chart.js';
import { ChartFigure } from '@/components/ChartFigure';
import { ClassLegend } from '@/components/ClassLegend';
import { DataTable } from '@/components/DataTable';
import { cssVar } from '@/components/charts/chart-setup';
import { useChart, useColorScheme } from '@/components/charts/use-chart';
import type { TeamView } from '@/lib/export/team-view';
import { GOOD_DAY, TYPICAL } from '@/lib/report/benchmarks';
import { useRefLines } from './chart-lines';
import type { TeamFormatters } from './format';

interface Props {
  view: TeamView;
  fmt: TeamFormatters;
}

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

function Chart({ view, fmt }: Props) {
  const scheme = useColorScheme();
  const refLines = useRefLines();
  const canvasRef = useChart<'bar'>(() => {
    const text2 = cssVar('--text-2');
    refLines.set({
      lines: [
        { value: GOOD_DAY * 100, color: cssVar('--bench-good'), dash: [7, 5], label: `Good day ${fmt.share(GOOD_DAY)}` },
        { value: TYPICAL * 100, color: cssVar('--bench-typical'), dash: [2, 4], label: `Typical ${fmt.share(TYPICAL)}` },
      ],
      ticks: view.weeks.map((w, index) => ({ index, value: pct(w.median), color: cssVar('--text') })),
    });
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels: view.weeks.map((w) => fmt.week(w.week)),
        datasets: [
          {
            label: 'Range (lowest to highest person)',
            // A one-person week still shows as a thin bar around its value.
            data: view.weeks.map((w) => (w.min === null || w.max === null ? null : ([pct(w.min)! - (w.min === w.max ? 0.6 : 0), pct(w.max)! + (w.min === w.max ? 0.6 : 0)] as [number, number]))),
            backgroundColor: `color-mix(in srgb, ${cssVar('--creative')} 35%, transparent)`,
            borderColor: cssVar('--creative'),
            borderWidth: 1,
            borderSkipped: false,
            maxBarThickness: 40,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { grid: { display: false }, ticks: { color: text2, maxRotation: 0, autoSkipPadding: 10 } },
          y: { min: 0, max: 100, grid: { color: cssVar('--border') }, border: { display: false }, ticks: { color: text2, stepSize: 25, callback: (v) => fmt.share(Number(v) / 100) } },
        },
        plugins: {
          tooltip: {
            callbacks: {
              label: (ctx) => {
                const w = view.weeks[ctx.dataIndex]!;
                return ` Median ${fmt.share(w.median)}, range ${fmt.share(w.min)}–${fmt.share(w.max)} (${w.n} ${w.n === 1 ? 'person' : 'people'})`;
              },
            },
          },
        },
      },
      plugins: [refLines.plugin],
    };
    return config;
  }, [view, scheme, fmt]);
  const summary = `Team creative share per week: the bar spans the lowest to the highest person, the dark tick is the median. ${view.weeks
    .map((w) => `Week of ${fmt.week(w.week)}: ${w.median === null ? 'no data' : `median ${fmt.share(w.median)}, ${fmt.share(w.min)} to ${fmt.share(w.max)}`}`)
    .join('. ')}.`;
  return (
    <div className="chart-box" style={{ height: 260 }}>
      <canvas ref={canvasRef} role="img" aria-label={summary} data-testid="team-weeks-canvas">
        {summary}
      </canvas>
    </div>
  );
}

/** The team's median and range per week, with the survey lines. */
export function WeeklyRangeChart({ view, fmt }: Props) {
  return (
    <ChartFigure
      id="team-weeks"
      title="Week by week"
      description="Bar: lowest to highest person. Tick: team median. Weeks are lined up by their Monday."
      legend={
        <ClassLegend
          classes={[]}
          extra={[
            { key: 'range', swatch: 'line', color: 'var(--creative)', label: 'Range of the team' },
            { key: 'median', swatch: 'line', color: 'var(--text)', label: 'Team median' },
            { key: 'good', swatch: 'dashed', color: 'var(--bench-good)', label: `Good day ${fmt.share(GOOD_DAY)}` },
            { key: 'typical', swatch: 'dotted', color: 'var(--bench-typical)', label: `Typical ${fmt.share(TYPICAL)}` },
          ]}
        />
      }
      table={
        <DataTable
          caption="Team creative share per week"
          captionHidden
          rows={view.weeks}
          rowKey={(w) => w.week}
          testId="team-weeks-table"
          columns={[
            { key: 'week', header: 'Week of', rowHeader: true, render: (w) => fmt.week(w.week) },
            { key: 'n', header: 'People', numeric: true, render: (w) => w.n },
            { key: 'median', header: 'Median', numeric: true, render: (w) => fmt.share(w.median) },
            { key: 'min', header: 'Lowest', numeric: true, render: (w) => fmt.share(w.min) },
            { key: 'max', header: 'Highest', numeric: true, render: (w) => fmt.share(w.max) },
          ]}
        />
      }
    >
      <Chart view={view} fmt={fmt} />
    </ChartFigure>
  );
}
