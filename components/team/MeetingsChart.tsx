import { ChartFigure } from '@/components/ChartFigure';
import { ClassLegend } from '@/components/ClassLegend';
import { DataTable } from '@/components/DataTable';
import { ChartCanvas } from '@/components/charts/ChartCanvas';
import { cssVar, patternFill } from '@/components/charts/chart-style';
import { KINDS } from '@/lib/classify/kinds';
import type { TeamView } from '@/lib/export/team-view';
import { useTeamBarChart } from './bar-chart';
import type { TeamFormatters } from './format';

interface Props {
  view: TeamView;
  fmt: TeamFormatters;
}

const HOUR = 3_600_000;

function Chart({ view, fmt }: Props) {
  const canvasRef = useTeamBarChart(
    (scheme) => {
      const median = view.meetingMedianMsPerWeek;
      return {
        labels: view.people.map((p) => p.name),
        dataset: {
          label: 'Meeting hours per week',
          data: view.people.map((p) => (p.meetingMsPerWeek === null ? null : Math.round((p.meetingMsPerWeek / HOUR) * 10) / 10)),
          backgroundColor: patternFill('stripes', scheme === 'dark' ? KINDS.meetings.colorDark : KINDS.meetings.color),
          maxBarThickness: 48,
        },
        xTicks: { autoSkip: false, maxRotation: 45 },
        y: { range: { beginAtZero: true }, ticks: { callback: (v) => fmt.hours(Number(v) * HOUR) } },
        tooltip: (ctx) => ` ${fmt.hours(Number(ctx.raw) * HOUR)} per week`,
        refLines: { lines: median === null ? [] : [{ value: median / HOUR, color: cssVar('--target'), dash: [], label: `Median ${fmt.hours(median)}` }] },
      };
    },
    [view, fmt],
  );
  const summary = `Meeting hours per week per person, median ${view.meetingMedianMsPerWeek === null ? 'none' : fmt.hours(view.meetingMedianMsPerWeek)}. ${view.people
    .map((p) => `${p.name}: ${p.meetingMsPerWeek === null ? 'no data' : fmt.hours(p.meetingMsPerWeek)}`)
    .join(', ')}.`;
  return <ChartCanvas canvasRef={canvasRef} summary={summary} height={260} testId="team-meetings-canvas" />;
}

const avg = (fmt: TeamFormatters, ms: number | null) => (ms === null ? '–' : fmt.hours(ms));

/** Meeting hours per person per week, with the team median; the table adds the other fragmentation signals. */
export function MeetingsChart({ view, fmt }: Props) {
  return (
    <ChartFigure
      id="team-meetings"
      title="Meetings per person"
      description="Average per week with tracked time. The table adds chat, multitasking, switching and focus blocks."
      legend={
        <ClassLegend
          classes={[]}
          extra={[{ key: 'median', swatch: 'line', color: 'var(--target)', label: `Team median ${view.meetingMedianMsPerWeek === null ? '–' : fmt.hours(view.meetingMedianMsPerWeek)} / week` }]}
        />
      }
      table={
        <DataTable
          caption="Coordination signals per person (averages per week with tracked time)"
          captionHidden
          rows={view.people}
          rowKey={(p) => p.id}
          testId="team-meetings-table"
          columns={[
            { key: 'name', header: 'Person', rowHeader: true, render: (p) => p.name },
            { key: 'meet', header: 'Meetings / week', numeric: true, render: (p) => avg(fmt, p.meetingMsPerWeek) },
            { key: 'msg', header: 'Chat & email / week', numeric: true, render: (p) => avg(fmt, p.messagingMsPerWeek) },
            { key: 'multi', header: 'Multitasking in meetings / week', numeric: true, render: (p) => avg(fmt, p.multitaskMsPerWeek) },
            { key: 'sw', header: 'Switches / h', numeric: true, render: (p) => (p.switchesPerHour === null ? '–' : fmt.number(p.switchesPerHour, 1)) },
            { key: 'b50', header: '50+ min blocks / week', numeric: true, render: (p) => (p.blocks50PerWeek === null ? '–' : fmt.number(p.blocks50PerWeek, 1)) },
            { key: 'longest', header: 'Longest creative block', numeric: true, render: (p) => (p.longestCreativeBlockMs > 0 ? fmt.duration(p.longestCreativeBlockMs) : '–') },
            { key: 'weeks', header: 'Weeks', numeric: true, render: (p) => p.activeWeeks },
          ]}
          footer={
            <tr>
              <th scope="row">Team median</th>
              <td className="num">{avg(fmt, view.meetingMedianMsPerWeek)}</td>
              <td colSpan={6} />
            </tr>
          }
        />
      }
    >
      <Chart view={view} fmt={fmt} />
    </ChartFigure>
  );
}
