import type { ReactNode } from 'react';
import './ChartFigure.css';

export interface ChartFigureProps {
  id: string;
  title: string;
  description?: ReactNode;
  /** Legend in words (never colour alone). */
  legend?: ReactNode;
  /** The chart itself. */
  children: ReactNode;
  /** The same numbers as a real table, behind a disclosure. */
  table: ReactNode;
  tableLabel?: string;
  /** Start with the table open (e.g. when the person prefers tables). */
  tableOpen?: boolean;
  actions?: ReactNode;
}

/** A card holding one chart, its legend in words, and its data-table alternative. */
export function ChartFigure({
  id,
  title,
  description,
  legend,
  children,
  table,
  tableLabel = 'Show the numbers as a table',
  tableOpen,
  actions,
}: ChartFigureProps) {
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid={id}>
      <div className="card-head">
        <div>
          <h2 id={`${id}-title`}>{title}</h2>
          {description ? <p>{description}</p> : null}
        </div>
        {actions}
      </div>
      {legend}
      <figure className={legend ? 'chart-figure chart-figure-legend' : 'chart-figure'}>{children}</figure>
      <details className="table-toggle" open={tableOpen}>
        <summary>{tableLabel}</summary>
        {table}
      </details>
    </section>
  );
}
