import { GOOD_DAY, TYPICAL, benchmarkWords, type TrendPoint } from '@/lib/report';

export interface TrendTableProps {
  points: readonly TrendPoint[];
  labels: readonly string[];
  target: number;
  formatHours: (ms: number) => string;
  formatShare: (v: number | null) => string;
}

/** The trend as a table: each week's creative share, its classified hours, and the reference lines. */
export function TrendTable({ points, labels, target, formatHours, formatShare }: TrendTableProps) {
  return (
    <div className="table-scroll">
      <table className="data" data-testid="trend-table">
        <caption>
          Creative share per week (reference lines: {formatShare(GOOD_DAY)}, {benchmarkWords('good', formatShare)};{' '}
          {formatShare(TYPICAL)}, {benchmarkWords('typical', formatShare)}; your target {formatShare(target)})
        </caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col" className="num">
              Creative share
            </th>
            <th scope="col" className="num">
              Creative
            </th>
            <th scope="col" className="num">
              Coordination
            </th>
            <th scope="col" className="num">
              Tracked in total
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((p, i) => (
            <tr key={p.week}>
              <th scope="row">{labels[i]}</th>
              <td className="num">{formatShare(p.creativeShare)}</td>
              <td className="num">{formatHours(p.totals.creative)}</td>
              <td className="num">{formatHours(p.totals.coordination)}</td>
              <td className="num">{formatHours(p.trackedMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
