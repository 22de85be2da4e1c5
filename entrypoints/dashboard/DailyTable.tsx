import { CLASS_LABEL, CLASS_ORDER } from '@/components/ClassLegend';
import type { DayReport } from '@/lib/report';
import type { DailyBarsView } from '@/lib/ui/charts';

const HOUR = 3_600_000;

export interface DailyTableProps {
  view: DailyBarsView;
  days: readonly DayReport[];
  formatHours: (ms: number) => string;
  formatShare: (v: number | null) => string;
}

/** The daily bars as a table: hours per kind (the bar's segments), per class, and the day's creative share. */
export function DailyTable({ view, days, formatHours, formatShare }: DailyTableProps) {
  return (
    <div className="table-scroll">
      <table className="data" data-testid="daily-table">
        <caption>Hours per day by kind and class, and the creative share of classified time</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {view.series.map((s) => (
              <th key={s.kind} scope="col" className="num">
                {s.name}
                <div className="subtle regular">{CLASS_LABEL[s.class]}</div>
              </th>
            ))}
            {CLASS_ORDER.map((c) => (
              <th key={c} scope="col" className="num">
                {CLASS_LABEL[c]} total
              </th>
            ))}
            <th scope="col" className="num">
              Creative share
            </th>
          </tr>
        </thead>
        <tbody>
          {days.map((d, i) => (
            <tr key={d.day}>
              <th scope="row">{view.labels[i]}</th>
              {view.series.map((s) => (
                <td key={s.kind} className="num">
                  {formatHours((s.hours[i] ?? 0) * HOUR)}
                </td>
              ))}
              {CLASS_ORDER.map((c) => (
                <td key={c} className="num">
                  {formatHours(d.totals[c])}
                </td>
              ))}
              <td className="num">{formatShare(d.creativeShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
