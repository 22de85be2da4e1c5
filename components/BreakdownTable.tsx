import type { CSSProperties } from 'react';
import type { ClassName } from '@/lib/model';
import type { BreakdownRow } from '@/lib/ui/charts';
import { CLASS_LABEL } from './ClassLegend';
import { DataTable, type Column } from './DataTable';
import './BreakdownTable.css';

export interface BreakdownTableProps {
  id: string;
  title: string;
  description: string;
  rows: BreakdownRow[];
  rest?: { count: number; ms: number; share: number } | null;
  /** Tools show their kind in a second line; kinds show their class. */
  variant: 'kind' | 'tool';
  formatHours: (ms: number) => string;
  formatShare: (v: number) => string;
}

export function kindStyle(color: string, colorDark: string): CSSProperties {
  return { ['--kind-light' as string]: color, ['--kind-dark' as string]: colorDark } as CSSProperties;
}

/** What a row's bar shows: its value (the largest of the table fills the cell), class fill and kind colours. */
export interface MeterBar {
  value: number;
  cls: ClassName;
  color: string;
  colorDark: string;
}

/** A table's bar column (hidden from screen readers: the numbers are in the other columns). */
export function meterColumn<R>(max: number, bar: (r: R) => MeterBar): Column<R> {
  return {
    key: 'bar',
    header: <span className="visually-hidden">Bar</span>,
    render: (r) => {
      const b = bar(r);
      return (
        <div className="meter" aria-hidden="true">
          <span
            className={`kind-color fill-${b.cls}`}
            style={{ ...kindStyle(b.color, b.colorDark), width: `${max > 0 ? (b.value / max) * 100 : 0}%` }}
          />
        </div>
      );
    },
  };
}

/** Hours and share of tracked time per kind or per tool, with an inline meter (pattern = class). */
export function BreakdownTable({
  id,
  title,
  description,
  rows,
  rest,
  variant,
  formatHours,
  formatShare,
}: BreakdownTableProps) {
  const max = Math.max(0, ...rows.map((r) => r.ms));
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid={id}>
      <div className="card-head">
        <h2 id={`${id}-title`}>{title}</h2>
        <p>{description}</p>
      </div>
      <DataTable
        caption={`${title}: hours and share of tracked time`}
        captionHidden
        rows={rows}
        rowKey={(r) => r.key}
        empty="Nothing tracked this week."
        columns={[
          {
            key: 'name',
            header: variant === 'kind' ? 'Kind' : 'Tool',
            rowHeader: true,
            render: (r) => (
              <span className="breakdown-name">
                {r.name}
                <span className="subtle regular">
                  {variant === 'kind' ? CLASS_LABEL[r.class] : `${CLASS_LABEL[r.class]} · ${r.kindName}`}
                </span>
              </span>
            ),
          },
          meterColumn<BreakdownRow>(max, (r) => ({
            value: r.ms,
            cls: r.class,
            color: r.color,
            colorDark: r.colorDark,
          })),
          { key: 'hours', header: 'Hours', numeric: true, render: (r) => formatHours(r.ms) },
          { key: 'share', header: 'Share', numeric: true, render: (r) => formatShare(r.share) },
        ]}
        footer={
          rest ? (
            <tr>
              <th scope="row" className="muted breakdown-rest">
                {rest.count} more tool{rest.count === 1 ? '' : 's'}
              </th>
              <td />
              <td className="num">{formatHours(rest.ms)}</td>
              <td className="num">{formatShare(rest.share)}</td>
            </tr>
          ) : undefined
        }
      />
    </section>
  );
}
