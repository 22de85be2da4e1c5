import { ChartFigure } from '@/components/ChartFigure';
import { ClassLegend } from '@/components/ClassLegend';
import { DataTable } from '@/components/DataTable';
import { ChartCanvas } from '@/components/charts/ChartCanvas';
import { cssVar } from '@/components/charts/chart-style';
import type { TeamView } from '@/lib/export/team-view';
import { shareAxis, surveyLegend, surveyLines, useTeamBarChart } from './bar-chart';
import type { TeamFormatters } from './format';

interface Props {
  view: TeamView;
  fmt: TeamFormatters;
}

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

function Chart({ view, fmt }: Props) {
  const canvasRef = useTeamBarChart(
    () => ({
      labels: view.weeks.map((w) => fmt.week(w.week)),
      dataset: {
        label: 'Range (lowest to highest person)',
        // A one-person week still shows as a thin bar around its value.
        data: view.weeks.map((w) => (w.min === null || w.max === null ? null : ([pct(w.min)! - (w.min === w.max ? 0.6 : 0), pct(w.max)! + (w.min === w.max ? 0.6 : 0)] as [number, number]))),
        backgroundColor: `color-mix(in srgb, ${cssVar('--creative')} 35%, transparent)`,
        borderColor: cssVar('--creative'),
        borderWidth: 1,
        borderSkipped: false,
        maxBarThickness: 40,
      },
      xTicks: { maxRotation: 0, autoSkipPadding: 10 },
      y: shareAxis(fmt),
      tooltip: (ctx) => {
        const w = view.weeks[ctx.dataIndex]!;
        return ` Median ${fmt.share(w.median)}, range ${fmt.share(w.min)}–${fmt.share(w.max)} (${w.n} ${w.n === 1 ? 'person' : 'people'})`;
      },
      refLines: {
        lines: surveyLines(fmt),
        ticks: view.weeks.map((w, index) => ({ index, value: pct(w.median), color: cssVar('--text') })),
      },
    }),
    [view, fmt],
  );
  const summary = `Team creative share per week: the bar spans the lowest to the highest person, the dark tick is the median. ${view.weeks
    .map((w) => `Week of ${fmt.week(w.week)}: ${w.median === null ? 'no data' : `median ${fmt.share(w.median)}, ${fmt.share(w.min)} to ${fmt.share(w.max)}`}`)
    .join('. ')}.`;
  return <ChartCanvas canvasRef={canvasRef} summary={summary} height={260} testId="team-weeks-canvas" />;
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
            ...surveyLegend(fmt),
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
