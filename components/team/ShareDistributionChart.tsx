import type { ChartConfiguration } from 'chart.js';
import { ChartFigure } from '@/components/ChartFigure';
import { ClassLegend } from '@/components/ClassLegend';
import { DataTable } from '@/components/DataTable';
import { ChartCanvas } from '@/components/charts/ChartCanvas';
import { CHART_BOX, cssVar } from '@/components/charts/chart-style';
import { useChart, useColorScheme } from '@/components/charts/use-chart';
import { bandOf, type TeamStats } from '@/lib/export/team-view';
import { benchmarkWords, GOOD_DAY, TYPICAL } from '@/lib/report/benchmarks';
import { surveyLegend, surveyLines } from './bar-chart';
import { useRefLines } from './chart-lines';
import type { TeamFormatters } from './format';

interface Props {
  stats: TeamStats;
  fmt: TeamFormatters;
}

const BAND_LABEL = { good: 'at or above 50%', between: 'between 25% and 50%', typical: 'at or below 25%' } as const;

function Chart({ stats, fmt }: Props) {
  const scheme = useColorScheme();
  const refLines = useRefLines();
  const shares = stats.shares;
  const canvasRef = useChart<'line'>(() => {
    const text2 = cssVar('--text-2');
    const median = stats.share?.median ?? null;
    refLines.set({
      lines: [
        ...surveyLines(fmt),
        ...(median === null
          ? []
          : [
              {
                value: median * 100,
                color: cssVar('--target'),
                dash: [],
                label: `Team median ${fmt.share(median)}`,
                labelAt: 'start' as const,
              },
            ]),
      ],
    });
    const config: ChartConfiguration<'line'> = {
      type: 'line',
      data: {
        labels: shares.map(() => ''),
        datasets: [
          {
            label: 'Creative share',
            data: shares.map((s) => Math.round(s * 1000) / 10),
            showLine: false,
            pointRadius: 7,
            pointHoverRadius: 8,
            pointBackgroundColor: cssVar('--creative'),
            pointBorderColor: cssVar('--surface', '#fff'),
            pointBorderWidth: 2,
          },
        ],
      },
      options: {
        ...CHART_BOX,
        layout: { padding: { left: 8, right: 8 } },
        scales: {
          x: {
            offset: true,
            grid: { display: false },
            ticks: { display: false },
            title: { display: true, text: 'People, lowest share first (no names)', color: text2 },
          },
          y: {
            min: 0,
            max: 100,
            grid: { color: cssVar('--border') },
            border: { display: false },
            ticks: { color: text2, stepSize: 25, callback: (v) => fmt.share(Number(v) / 100) },
          },
        },
        plugins: {
          tooltip: { callbacks: { title: () => '', label: (ctx) => ` ${fmt.share(Number(ctx.raw) / 100)}` } },
        },
      },
      plugins: [refLines.plugin],
    };
    return config;
  }, [stats, scheme, fmt]);
  const summary = `The team's creative shares, one dot per person, lowest first, against the survey lines at ${fmt.share(GOOD_DAY)} (${benchmarkWords('good', fmt.share)}) and ${fmt.share(TYPICAL)} (${benchmarkWords('typical', fmt.share)}): ${shares
    .map((s) => fmt.share(s))
    .join(', ')}. Team median ${fmt.share(stats.share?.median ?? null)}.`;
  return <ChartCanvas canvasRef={canvasRef} summary={summary} height={260} testId="team-distribution-canvas" />;
}

/** Where the team's people sit: one dot per person, sorted by share, never labelled. */
export function ShareDistributionChart({ stats, fmt }: Props) {
  return (
    <ChartFigure
      id="team-distribution"
      title="How the team's weeks split"
      description="One dot per person, sorted from the lowest creative share to the highest. The dots carry no names and no file order."
      legend={
        <ClassLegend
          classes={['creative']}
          extra={[
            ...surveyLegend(fmt),
            {
              key: 'median',
              swatch: 'line',
              color: 'var(--target)',
              label: `Team median ${fmt.share(stats.share?.median ?? null)}`,
            },
          ]}
        />
      }
      table={
        <DataTable
          caption="The team's creative shares, lowest first (no names)"
          captionHidden
          rows={stats.shares.map((share, i) => ({ share, i }))}
          rowKey={({ i }) => String(i)}
          testId="team-distribution-table"
          columns={[
            {
              key: 'pos',
              header: 'Position (lowest first)',
              rowHeader: true,
              render: ({ i }) => `${i + 1} of ${stats.shares.length}`,
            },
            { key: 'share', header: 'Creative share', numeric: true, render: ({ share }) => fmt.share(share) },
            { key: 'band', header: 'Against the survey', render: ({ share }) => BAND_LABEL[bandOf(share)!] },
          ]}
        />
      }
    >
      <Chart stats={stats} fmt={fmt} />
    </ChartFigure>
  );
}
