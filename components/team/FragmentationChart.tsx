import { ChartFigure } from '@/components/ChartFigure';
import { Stat } from '@/components/Stat';
import { ClassLegend } from '@/components/ClassLegend';
import { DataTable } from '@/components/DataTable';
import { ChartCanvas } from '@/components/charts/ChartCanvas';
import { cssVar } from '@/components/charts/chart-style';
import type { TeamStats } from '@/lib/export/team-view';
import { useTeamBarChart } from './bar-chart';
import type { TeamFormatters } from './format';
import './FragmentationChart.css';

interface Props {
  stats: TeamStats;
  fmt: TeamFormatters;
}

/** Histogram bins of 50-minute creative blocks per week: [from, to) and a label. */
const BINS: Array<{ from: number; to: number; label: string }> = [
  { from: 0, to: 1, label: 'under 1' },
  { from: 1, to: 2, label: '1 to 2' },
  { from: 2, to: 3, label: '2 to 3' },
  { from: 3, to: 5, label: '3 to 5' },
  { from: 5, to: Infinity, label: '5 or more' },
];

/** People per bin of 50-minute blocks per week. */
export function blockBins(blocks50: readonly number[]): Array<{ label: string; people: number }> {
  return BINS.map((b) => ({ label: b.label, people: blocks50.filter((x) => x >= b.from && x < b.to).length }));
}

function Chart({ stats, fmt }: Props) {
  const bins = blockBins(stats.blocks50);
  const canvasRef = useTeamBarChart(
    () => ({
      labels: bins.map((b) => b.label),
      dataset: {
        label: 'People',
        data: bins.map((b) => b.people),
        backgroundColor: cssVar('--creative'),
        maxBarThickness: 56,
      },
      xTicks: { maxRotation: 0 },
      y: {
        range: { beginAtZero: true },
        ticks: { stepSize: 1, callback: (v) => (Number.isInteger(Number(v)) ? String(v) : '') },
      },
      tooltip: (ctx) => ` ${String(ctx.raw)} of ${stats.blocks50.length} people`,
      refLines: { lines: [] },
    }),
    [stats, fmt],
  );
  const summary = `How many people get each number of creative blocks of 50 minutes or more per week: ${bins.map((b) => `${b.label}: ${b.people}`).join(', ')}.`;
  return <ChartCanvas canvasRef={canvasRef} summary={summary} height={220} testId="team-blocks-canvas" />;
}

/** How fragmented the team's creative time is: the median longest block and a histogram of 50-minute blocks per week. */
export function FragmentationChart({ stats, fmt }: Props) {
  const longest = stats.longestBlock;
  const blocks = stats.blocks50PerWeek;
  return (
    <ChartFigure
      id="team-blocks"
      title="Time to think"
      description="Creative blocks of 50 minutes or more per week (each person's average over weeks with tracked time), and the longest block."
      legend={
        <>
          <ul className="stats fragmentation-stats">
            <Stat
              label="Median longest creative block"
              value={longest ? fmt.duration(longest.median) : '–'}
              help={
                longest
                  ? `range ${fmt.duration(longest.min)} – ${fmt.duration(longest.max)}`
                  : 'not enough people with creative time'
              }
              valueTestId="team-longest"
            />
            <Stat
              label="50-minute blocks per week"
              value={blocks ? fmt.number(blocks.median, 1) : '–'}
              help={
                blocks
                  ? `team median; range ${fmt.number(blocks.min, 1)} – ${fmt.number(blocks.max, 1)}`
                  : 'not enough people'
              }
              valueTestId="team-blocks50"
            />
          </ul>
          <ClassLegend classes={['creative']} />
        </>
      }
      table={
        <DataTable
          caption="People by 50-minute creative blocks per week"
          captionHidden
          rows={blockBins(stats.blocks50)}
          rowKey={(b) => b.label}
          testId="team-blocks-table"
          columns={[
            { key: 'bin', header: '50-minute blocks per week', rowHeader: true, render: (b) => b.label },
            {
              key: 'people',
              header: 'People',
              numeric: true,
              render: (b) => `${b.people} of ${stats.blocks50.length}`,
            },
          ]}
        />
      }
    >
      {stats.blocks50.length > 0 ? (
        <Chart stats={stats} fmt={fmt} />
      ) : (
        <p className="muted">Not enough people with tracked weeks.</p>
      )}
    </ChartFigure>
  );
}
