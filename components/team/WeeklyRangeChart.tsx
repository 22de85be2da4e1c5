import { ChartFigure } from '@/components/ChartFigure';
import { ClassLegend } from '@/components/ClassLegend';
import { DataTable } from '@/components/DataTable';
import { ChartCanvas } from '@/components/charts/ChartCanvas';
import { cssVar } from '@/components/charts/chart-style';
import type { TeamStats } from '@/lib/export/team-view';
import { shareAxis, surveyLegend, surveyLines, useTeamBarChart } from './bar-chart';
import type { TeamFormatters } from './format';

interface Props {
  stats: TeamStats;
  minGroup: number;
  fmt: TeamFormatters;
}

const pct = (v: number) => Math.round(v * 1000) / 10;

function Chart({ stats, minGroup, fmt }: Props) {
  const weeks = stats.weeks;
  const canvasRef = useTeamBarChart(
    () => ({
      labels: weeks.map((w) => fmt.week(w.week)),
      dataset: {
        label: 'Range of the team',
        data: weeks.map((w) =>
          w.share === null
            ? null
            : ([pct(w.share.min), Math.max(pct(w.share.max), pct(w.share.min) + 0.6)] as [number, number]),
        ),
        backgroundColor: `color-mix(in srgb, ${cssVar('--creative')} 35%, transparent)`,
        borderColor: cssVar('--creative'),
        borderWidth: 1,
        borderSkipped: false,
        maxBarThickness: 40,
      },
      xTicks: { maxRotation: 0, autoSkipPadding: 10 },
      y: shareAxis(fmt),
      tooltip: (ctx) => {
        const w = weeks[ctx.dataIndex]!;
        return w.share
          ? ` Median ${fmt.share(w.share.median)}, range ${fmt.share(w.share.min)}–${fmt.share(w.share.max)} (${w.n} people)`
          : '';
      },
      refLines: {
        lines: surveyLines(fmt),
        ticks: weeks.map((w, index) => ({
          index,
          value: w.share ? pct(w.share.median) : null,
          color: cssVar('--text'),
        })),
      },
    }),
    [stats, fmt],
  );
  const summary = `The team's creative share week by week: the bar spans the lowest to the highest, the dark tick is the median. ${weeks
    .map(
      (w) =>
        `Week of ${fmt.week(w.week)}: ${w.share === null ? `fewer than ${minGroup} people, not shown` : `median ${fmt.share(w.share.median)}, ${fmt.share(w.share.min)} to ${fmt.share(w.share.max)}`}`,
    )
    .join('. ')}.`;
  return <ChartCanvas canvasRef={canvasRef} summary={summary} height={260} testId="team-weeks-canvas" />;
}

/** The trend of the team's median (and range) week by week; weeks under the minimum group size stay empty. */
export function WeeklyRangeChart({ stats, minGroup, fmt }: Props) {
  const hidden = stats.weeks.filter((w) => w.share === null).length;
  return (
    <ChartFigure
      id="team-weeks"
      title="Week by week"
      description={`Tick: the team's median; bar: lowest to highest. Weeks are lined up by their Monday.${hidden > 0 ? ` Weeks with fewer than ${minGroup} people are left empty.` : ''}`}
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
          caption="The team's creative share per week"
          captionHidden
          rows={stats.weeks}
          rowKey={(w) => w.week}
          testId="team-weeks-table"
          columns={[
            { key: 'week', header: 'Week of', rowHeader: true, render: (w) => fmt.week(w.week) },
            { key: 'n', header: 'People', numeric: true, render: (w) => w.n },
            {
              key: 'median',
              header: 'Median',
              numeric: true,
              render: (w) => (w.share ? fmt.share(w.share.median) : `fewer than ${minGroup}: not shown`),
            },
            { key: 'min', header: 'Lowest', numeric: true, render: (w) => (w.share ? fmt.share(w.share.min) : '–') },
            { key: 'max', header: 'Highest', numeric: true, render: (w) => (w.share ? fmt.share(w.share.max) : '–') },
          ]}
        />
      }
    >
      <Chart stats={stats} minGroup={minGroup} fmt={fmt} />
    </ChartFigure>
  );
}
