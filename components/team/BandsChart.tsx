import type { ChartConfiguration } from 'chart.js';
import { ChartFigure } from '@/components/ChartFigure';
import { DataTable } from '@/components/DataTable';
import { ChartCanvas } from '@/components/charts/ChartCanvas';
import { cssVar, patternFill } from '@/components/charts/chart-style';
import { useChart, useColorScheme } from '@/components/charts/use-chart';
import type { BandCounts, TeamView } from '@/lib/export/team-view';
import { GOOD_DAY, TYPICAL } from '@/lib/report/benchmarks';
import type { TeamFormatters } from './format';

interface Props {
  view: TeamView;
  fmt: TeamFormatters;
}

type BandKey = 'good' | 'between' | 'typical' | 'none';

function bands(fmt: TeamFormatters): Array<{ key: BandKey; label: string }> {
  return [
    { key: 'good', label: `At or above a good day (${fmt.share(GOOD_DAY)}+)` },
    { key: 'between', label: `Between ${fmt.share(TYPICAL)} and ${fmt.share(GOOD_DAY)}` },
    { key: 'typical', label: `At or below typical (${fmt.share(TYPICAL)} or less)` },
    { key: 'none', label: 'No classified time' },
  ];
}

function total(c: BandCounts): number {
  return c.good + c.between + c.typical + c.none;
}

function Chart({ view, fmt }: Props) {
  const scheme = useColorScheme();
  const rows = bands(fmt).filter((b) => b.key !== 'none' || view.bands.personWeeks.none + view.bands.people.none > 0);
  const canvasRef = useChart<'bar'>(() => {
    const text2 = cssVar('--text-2');
    const of = (c: BandCounts, k: BandKey) => (total(c) > 0 ? Math.round((c[k] / total(c)) * 1000) / 10 : 0);
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels: rows.map((b) => b.label),
        datasets: [
          { label: 'People', data: rows.map((b) => of(view.bands.people, b.key)), backgroundColor: cssVar('--accent'), maxBarThickness: 22 },
          { label: 'Person-weeks', data: rows.map((b) => of(view.bands.personWeeks, b.key)), backgroundColor: patternFill('stripes', cssVar('--text-3')), maxBarThickness: 22 },
        ],
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { min: 0, max: 100, grid: { color: cssVar('--border') }, ticks: { color: text2, stepSize: 25, callback: (v) => fmt.share(Number(v) / 100) } },
          y: { grid: { display: false }, ticks: { color: text2 } },
        },
        plugins: { tooltip: { callbacks: { label: (ctx) => ` ${ctx.dataset.label}: ${fmt.share(Number(ctx.raw) / 100)}` } } },
      },
    };
    return config;
  }, [view, scheme, fmt]);
  const summary = `Share of people and of person-weeks in each survey band. ${rows
    .map((b) => `${b.label}: ${view.bands.people[b.key]} of ${total(view.bands.people)} people, ${view.bands.personWeeks[b.key]} of ${total(view.bands.personWeeks)} person-weeks`)
    .join('. ')}.`;
  return <ChartCanvas canvasRef={canvasRef} summary={summary} height={60 + rows.length * 52} testId="team-bands-canvas" />;
}

/** How the team's shares fall against the two survey benchmarks, by people and by person-weeks. */
export function BandsChart({ view, fmt }: Props) {
  const p = total(view.bands.people);
  const w = total(view.bands.personWeeks);
  return (
    <ChartFigure
      id="team-bands"
      title="Against the survey"
      description="People (by their overall share) and single weeks, in each band."
      legend={
        <ul className="legend" aria-label="Legend">
          <li>
            <span className="swatch" style={{ background: 'var(--accent)' }} aria-hidden="true" />
            People (solid)
          </li>
          <li>
            <span className="swatch fill-coordination" style={{ background: 'var(--text-3)' }} aria-hidden="true" />
            Person-weeks (striped)
          </li>
        </ul>
      }
      table={
        <DataTable
          caption="People and person-weeks per survey band"
          captionHidden
          rows={bands(fmt)}
          rowKey={(b) => b.key}
          testId="team-bands-table"
          columns={[
            { key: 'band', header: 'Band', rowHeader: true, render: (b) => b.label },
            { key: 'people', header: 'People', numeric: true, render: (b) => `${view.bands.people[b.key]} of ${p}` },
            { key: 'weeks', header: 'Person-weeks', numeric: true, render: (b) => `${view.bands.personWeeks[b.key]} of ${w}` },
          ]}
        />
      }
    >
      <Chart view={view} fmt={fmt} />
    </ChartFigure>
  );
}
