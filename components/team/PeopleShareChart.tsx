import { ChartFigure } from '@/components/ChartFigure';
import { ClassLegend } from '@/components/ClassLegend';
import { DataTable } from '@/components/DataTable';
import { ChartCanvas } from '@/components/charts/ChartCanvas';
import { cssVar } from '@/components/charts/chart-style';
import type { TeamView } from '@/lib/export/team-view';
import { GOOD_DAY, TYPICAL } from '@/lib/report/benchmarks';
import { shareAxis, surveyLegend, surveyLines, useTeamBarChart } from './bar-chart';
import type { TeamFormatters } from './format';

interface Props {
  view: TeamView;
  fmt: TeamFormatters;
}

function Chart({ view, fmt }: Props) {
  const canvasRef = useTeamBarChart(
    () => ({
      labels: view.people.map((p) => p.name),
      dataset: {
        label: 'Creative share',
        data: view.people.map((p) => (p.share === null ? null : Math.round(p.share * 1000) / 10)),
        backgroundColor: cssVar('--creative'),
        maxBarThickness: 48,
      },
      xTicks: { autoSkip: false, maxRotation: 45 },
      y: shareAxis(fmt),
      tooltip: (ctx) => ` ${fmt.share(Number(ctx.raw) / 100)}`,
      refLines: {
        lines: [
          ...surveyLines(fmt),
          ...(view.median === null ? [] : [{ value: view.median * 100, color: cssVar('--target'), dash: [], label: `Team median ${fmt.share(view.median)}`, labelAt: 'start' as const }]),
        ],
      },
    }),
    [view, fmt],
  );
  const summary = `Creative share per person, with the good-day line at ${fmt.share(GOOD_DAY)}, the typical line at ${fmt.share(TYPICAL)} and the team median at ${fmt.share(view.median)}. ${view.people
    .map((p) => `${p.name}: ${p.share === null ? 'no classified time' : fmt.share(p.share)}`)
    .join(', ')}.`;
  return <ChartCanvas canvasRef={canvasRef} summary={summary} height={280} testId="team-people-canvas" />;
}

/** Each person's creative share (overall and per week) against the survey lines and the team median. */
export function PeopleShareChart({ view, fmt }: Props) {
  const weeks = view.weeks;
  return (
    <ChartFigure
      id="team-people"
      title="Creative share per person"
      description="Over all of each person's weeks. The table has every week."
      tableOpen
      tableLabel="Per person and week, as a table"
      legend={
        <ClassLegend
          classes={['creative']}
          extra={[...surveyLegend(fmt), { key: 'median', swatch: 'line', color: 'var(--target)', label: `Team median ${fmt.share(view.median)}` }]}
        />
      }
      table={
        <DataTable
          caption="Creative share per person and week (– : no file for that week, or nothing classified)"
          rows={view.people.map((p, i) => ({ p, i }))}
          rowKey={({ p }) => p.id}
          testId="team-people-table"
          columns={[
            { key: 'name', header: 'Person', rowHeader: true, render: ({ p }) => p.name },
            { key: 'all', header: 'All weeks', numeric: true, render: ({ p }) => <span data-testid="team-person-share">{fmt.share(p.share)}</span> },
            ...weeks.map((w, wi) => ({
              key: w.week,
              header: `Week of ${fmt.week(w.week)}`,
              numeric: true,
              render: ({ i }: { i: number }) => fmt.share(weeks[wi]!.shares[i] ?? null),
            })),
          ]}
          footer={
            <>
              <tr data-testid="team-median-row">
                <th scope="row">Team median</th>
                <td className="num">{fmt.share(view.median)}</td>
                {weeks.map((w) => (
                  <td key={w.week} className="num">
                    {fmt.share(w.median)}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">Range</th>
                <td className="num">{view.min === null ? '–' : `${fmt.share(view.min)}–${fmt.share(view.max)}`}</td>
                {weeks.map((w) => (
                  <td key={w.week} className="num">
                    {w.min === null ? '–' : `${fmt.share(w.min)}–${fmt.share(w.max)}`}
                  </td>
                ))}
              </tr>
            </>
          }
        />
      }
    >
      <Chart view={view} fmt={fmt} />
    </ChartFigure>
  );
}
