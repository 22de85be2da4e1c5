import type { ReactNode } from 'react';

export interface Column<R> {
  key: string;
  header: ReactNode;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** The row header cell (`<th scope="row">`): one per row, usually the first column. */
  rowHeader?: boolean;
  render: (row: R) => ReactNode;
}

export interface DataTableProps<R> {
  caption: ReactNode;
  /** Hide the caption visually (it stays for screen readers) when the surrounding card already titles the table. */
  captionHidden?: boolean;
  columns: Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  footer?: ReactNode;
  className?: string;
  /** Shown in a single full-width row when there are no rows. */
  empty?: ReactNode;
  testId?: string;
}

/** A real `<table>`: the accessible alternative of every chart, and the lists of numbers. */
export function DataTable<R>({
  caption,
  captionHidden,
  columns,
  rows,
  rowKey,
  footer,
  className,
  empty,
  testId,
}: DataTableProps<R>) {
  return (
    <div className="table-scroll">
      <table className={`data ${className ?? ''}`} data-testid={testId}>
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && empty ? (
            <tr>
              <td colSpan={columns.length} className="muted">
                {empty}
              </td>
            </tr>
          ) : null}
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.key} scope="row" className={c.numeric ? 'num' : undefined}>
                    {c.render(row)}
                  </th>
                ) : (
                  <td key={c.key} className={c.numeric ? 'num' : undefined}>
                    {c.render(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
    </div>
  );
}
