import { ChartFigure } from '@/components/ChartFigure';
import { DataTable } from '@/components/DataTable';
import { ChartCanvas } from '@/components/charts/ChartCanvas';
import { cssVar, patternFill } from '@/components/charts/chart-style';
import { useChart, useColorScheme } from '@/components/charts/use-chart';
import type { BandCounts, TeamStats } from '@/lib/export/team-view';
import { GOOD_DAY, TYPICAL } from '@/lib/report/benchmarks';
import { teamRowsConfig } from './bar-chart';
import type { TeamFormatters } from './format';

interface Props {
  stats: TeamStats;
  fmt: TeamFormatters;
}

type BandKey = keyof BandCounts;

function bands(
  fmt: TeamFormatters,
  c: BandCounts,
): Array<{ key: BandKey; label: string; pattern: 'solid' | 'stripes' | 'dots' | 'hatch'; color: string }> {
  const all = [
    {
      key: 'good' as const,
      label: `At or above ${fmt.share(GOOD_DAY)}`,
      pattern: 'solid' as const,
      color: '--bench-good',
    },
    {
      key: 'between' as const,
      label: `Between ${fmt.share(TYPICAL)} and ${fmt.share(GOOD_DAY)}`,
      pattern: 'dots' as const,
      color: '--text-3',
    },
    {
      key: 'typical' as const,
      label: `At or below ${fmt.share(TYPICAL)}`,
      pattern: 'stripes' as const,
      color: '--bench-typical',
    },
    { key: 'none' as const, label: 'No classified time', pattern: 'hatch' as const, color: '--text-3' },
  ];
  return all.filter((b) => b.key !== 'none' || c.none > 0);
}

const total = (c: BandCounts) => c.good + c.between + c.typical + c.none;

function Chart({ stats, fmt }: Props) {
  const scheme = useColorScheme();
  const rows = bands(fmt, stats.bands);
  const canvasRef = useChart<'bar'>(
    () =>
      teamRowsConfig({
        labels: rows.map((b) => b.label),
        dataset: {
          label: 'People',
          data: rows.map((b) => stats.bands[b.key]),
          backgroundColor: rows.map((b) => patternFill(b.pattern, cssVar(b.color))),
          maxBarThickness: 26,
        },
        x: { range: { beginAtZero: true, suggestedMax: total(stats.bands) }, ticks: { precision: 0, stepSize: 1 } },
        tooltip: (ctx) => ` ${String(ctx.raw)} of ${total(stats.bands)} people`,
      }),
    [stats, scheme, fmt],
  );
  const summary = `People in each survey band: ${rows.map((b) => `${b.label}: ${stats.bands[b.key]} of ${total(stats.bands)}`).join('. ')}.`;
  return (
    <ChartCanvas canvasRef={canvasRef} summary={summary} height={60 + rows.length * 48} testId="team-bands-canvas" />
  );
}

/** How many people sit at or above 50%, between, and at or below 25% (by their overall share). */
export function BandsChart({ stats, fmt }: Props) {
  const n = total(stats.bands);
  return (
    <ChartFigure
      id="team-bands"
      title="Against the survey"
      description="How many people sit at or above the survey's 50% line, between, or at or below its 25% line, over all their weeks."
      table={
        <DataTable
          caption="People per survey band"
          captionHidden
          rows={bands(fmt, stats.bands)}
          rowKey={(b) => b.key}
          testId="team-bands-table"
          columns={[
            { key: 'band', header: 'Band', rowHeader: true, render: (b) => b.label },
            { key: 'people', header: 'People', numeric: true, render: (b) => `${stats.bands[b.key]} of ${n}` },
          ]}
        />
      }
    >
      <Chart stats={stats} fmt={fmt} />
    </ChartFigure>
  );
}
