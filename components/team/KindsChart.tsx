import { meterColumn } from '@/components/BreakdownTable';
import { ChartFigure } from '@/components/ChartFigure';
import { DataTable } from '@/components/DataTable';
import { ChartCanvas } from '@/components/charts/ChartCanvas';
import { patternFill } from '@/components/charts/chart-style';
import { useChart, useColorScheme } from '@/components/charts/use-chart';
import { KINDS } from '@/lib/classify/kinds';
import type { KindSummary, TeamStats } from '@/lib/export/team-view';
import { teamRowsConfig } from './bar-chart';
import type { TeamFormatters } from './format';

interface Props {
  stats: TeamStats;
  fmt: TeamFormatters;
}

function Chart({ stats, fmt }: Props) {
  const scheme = useColorScheme();
  const rows = stats.coordinationKinds;
  const canvasRef = useChart<'bar'>(
    () =>
      teamRowsConfig({
        labels: rows.map((k) => KINDS[k.kind].name),
        dataset: {
          label: 'Share of the team’s coordination',
          data: rows.map((k) => Math.round(k.shareOfClass * 1000) / 10),
          backgroundColor: rows.map((k) =>
            patternFill('stripes', scheme === 'dark' ? KINDS[k.kind].colorDark : KINDS[k.kind].color),
          ),
          maxBarThickness: 28,
        },
        x: {
          range: { beginAtZero: true, max: 100 },
          ticks: { stepSize: 25, callback: (v) => fmt.share(Number(v) / 100) },
        },
        tooltip: (ctx) => {
          const k = rows[ctx.dataIndex]!;
          return ` ${fmt.share(k.shareOfClass)} of coordination${k.perPersonWeek ? ` · median ${fmt.hours(k.perPersonWeek.median)} per person per week` : ''}`;
        },
      }),
    [rows, scheme, fmt],
  );
  const summary = `Where the team's coordination time goes: ${rows
    .map(
      (k) =>
        `${KINDS[k.kind].name} ${fmt.share(k.shareOfClass)}${k.perPersonWeek ? `, median ${fmt.hours(k.perPersonWeek.median)} per person per week` : ''}`,
    )
    .join('; ')}.`;
  return <ChartCanvas canvasRef={canvasRef} summary={summary} height={240} testId="team-kinds-canvas" />;
}

function KindTable({
  caption,
  rows,
  fmt,
  testId,
  shareHeader,
}: {
  caption: string;
  rows: KindSummary[];
  fmt: TeamFormatters;
  testId: string;
  shareHeader: string;
}) {
  const max = Math.max(0, ...rows.map((r) => r.shareOfClass));
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(r) => r.kind}
      testId={testId}
      columns={[
        { key: 'kind', header: 'Kind', rowHeader: true, render: (r) => KINDS[r.kind].name },
        meterColumn<KindSummary>(max, (r) => ({
          value: r.shareOfClass,
          cls: r.class,
          color: KINDS[r.kind].color,
          colorDark: KINDS[r.kind].colorDark,
        })),
        { key: 'share', header: shareHeader, numeric: true, render: (r) => fmt.share(r.shareOfClass) },
        {
          key: 'median',
          header: 'Per person per week (median)',
          numeric: true,
          render: (r) => (r.perPersonWeek ? fmt.hours(r.perPersonWeek.median) : '–'),
        },
        {
          key: 'range',
          header: 'Range',
          numeric: true,
          render: (r) =>
            r.perPersonWeek ? `${fmt.hours(r.perPersonWeek.min)} – ${fmt.hours(r.perPersonWeek.max)}` : '–',
        },
      ]}
    />
  );
}

/** Where the team's coordination goes (and, in the table, its creative time): shares of the team's total and hours per person per week. */
export function KindsChart({ stats, fmt }: Props) {
  const meetings = stats.coordinationKinds.find((k) => k.kind === 'meetings')?.perPersonWeek ?? null;
  return (
    <ChartFigure
      id="team-kinds"
      title="Where coordination goes"
      description={`Meetings, chat and email, project management, reporting and admin, as shares of the team's coordination time.${meetings ? ` Meetings: median ${fmt.hours(meetings.median)} per person per week.` : ''}`}
      table={
        <div className="stack gap-14">
          <KindTable
            caption="Coordination by kind"
            rows={stats.coordinationKinds}
            fmt={fmt}
            testId="team-kinds-table"
            shareHeader="Share of coordination"
          />
          <KindTable
            caption="Creative work by kind"
            rows={stats.creativeKinds}
            fmt={fmt}
            testId="team-creative-kinds-table"
            shareHeader="Share of creative"
          />
        </div>
      }
    >
      {stats.totals.coordination > 0 ? (
        <Chart stats={stats} fmt={fmt} />
      ) : (
        <p className="muted">No coordination time in these files.</p>
      )}
    </ChartFigure>
  );
}
