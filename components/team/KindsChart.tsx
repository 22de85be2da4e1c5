import type { ChartConfiguration } from 'chart.js';
import { kindStyle } from '@/components/BreakdownTable';
import { ChartFigure } from '@/components/ChartFigure';
import { DataTable } from '@/components/DataTable';
import { ChartCanvas } from '@/components/charts/ChartCanvas';
import { cssVar, patternFill } from '@/components/charts/chart-style';
import { useChart, useColorScheme } from '@/components/charts/use-chart';
import { KINDS } from '@/lib/classify/kinds';
import type { KindTotal, TeamView } from '@/lib/export/team-view';
import type { TeamFormatters } from './format';

interface Props {
  view: TeamView;
  fmt: TeamFormatters;
}

function Chart({ view, fmt }: Props) {
  const scheme = useColorScheme();
  const rows = view.coordinationKinds;
  const canvasRef = useChart<'bar'>(() => {
    const text2 = cssVar('--text-2');
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels: rows.map((k) => KINDS[k.kind].name),
        datasets: [
          {
            label: 'Hours',
            data: rows.map((k) => Math.round((k.ms / 3_600_000) * 10) / 10),
            backgroundColor: rows.map((k) => patternFill('stripes', scheme === 'dark' ? KINDS[k.kind].colorDark : KINDS[k.kind].color)),
            maxBarThickness: 28,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { beginAtZero: true, grid: { color: cssVar('--border') }, ticks: { color: text2, callback: (v) => fmt.hours(Number(v) * 3_600_000) } },
          y: { grid: { display: false }, ticks: { color: text2 } },
        },
        plugins: {
          tooltip: {
            callbacks: { label: (ctx) => ` ${fmt.hours(rows[ctx.dataIndex]!.ms)} · ${fmt.share(rows[ctx.dataIndex]!.shareOfClass)} of coordination` },
          },
        },
      },
    };
    return config;
  }, [rows, scheme, fmt]);
  const summary = `Team coordination time by kind: ${rows.map((k) => `${KINDS[k.kind].name} ${fmt.hours(k.ms)} (${fmt.share(k.shareOfClass)})`).join(', ')}.`;
  return <ChartCanvas canvasRef={canvasRef} summary={summary} height={240} testId="team-kinds-canvas" />;
}

function KindTable({ caption, rows, classTotal, fmt, testId, shareHeader }: { caption: string; rows: KindTotal[]; classTotal: number; fmt: TeamFormatters; testId: string; shareHeader: string }) {
  const max = Math.max(0, ...rows.map((r) => r.ms));
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(r) => r.kind}
      testId={testId}
      columns={[
        { key: 'kind', header: 'Kind', rowHeader: true, render: (r) => KINDS[r.kind].name },
        {
          key: 'bar',
          header: <span className="visually-hidden">Bar</span>,
          render: (r) => (
            <div className="meter" aria-hidden="true" style={{ minWidth: 80 }}>
              <span className={`kind-color fill-${r.class}`} style={{ ...kindStyle(KINDS[r.kind].color, KINDS[r.kind].colorDark), width: `${max > 0 ? (r.ms / max) * 100 : 0}%` }} />
            </div>
          ),
        },
        { key: 'hours', header: 'Hours', numeric: true, render: (r) => fmt.hours(r.ms) },
        { key: 'share', header: shareHeader, numeric: true, render: (r) => fmt.share(r.shareOfClass) },
      ]}
      footer={
        <tr>
          <th scope="row">Total</th>
          <td />
          <td className="num">{fmt.hours(classTotal)}</td>
          <td className="num">{fmt.share(classTotal > 0 ? 1 : null)}</td>
        </tr>
      }
    />
  );
}

/** Where the team's coordination time goes (and, in the table, its creative time), summed over everyone. */
export function KindsChart({ view, fmt }: Props) {
  return (
    <ChartFigure
      id="team-kinds"
      title="Where coordination goes"
      description="Team totals over all files: meetings, chat and email, project tools, reporting, admin."
      table={
        <div className="stack" style={{ gap: 14 }}>
          <KindTable caption="Coordination by kind" rows={view.coordinationKinds} classTotal={view.totals.coordination} fmt={fmt} testId="team-kinds-table" shareHeader="Share of coordination" />
          <KindTable caption="Creative work by kind" rows={view.creativeKinds} classTotal={view.totals.creative} fmt={fmt} testId="team-creative-kinds-table" shareHeader="Share of creative" />
        </div>
      }
    >
      {view.totals.coordination > 0 ? <Chart view={view} fmt={fmt} /> : <p className="muted">No coordination time in these files.</p>}
    </ChartFigure>
  );
}
