import { useId, useState, type ReactNode } from 'react';

export interface RecordListProps<T> {
  /** The list's heading (an `h3` naming the section). */
  title: ReactNode;
  /** undefined while loading. */
  items: readonly T[] | undefined;
  itemKey: (item: T) => string;
  /** Shown when there is nothing to list. */
  empty: ReactNode;
  /** A row's content, before its buttons. */
  renderItem: (item: T) => ReactNode;
  /** Buttons before Delete (e.g. Edit). */
  actions?: (item: T) => ReactNode;
  /** The Delete button's accessible name. */
  deleteLabel: (item: T) => string;
  /** The confirmation's accessible name ("Delete Work?"), and an optional question shown in it. */
  confirmLabel: (item: T) => string;
  confirmText?: ReactNode;
  /** Called once Delete is confirmed. */
  onDelete: (item: T) => void;
  testId?: string;
  listTestId?: string;
  rowTestId: string;
  /** Extra `data-*` attributes of a row. */
  rowData?: (item: T) => Record<`data-${string}`, string>;
}

/**
 * A section listing stored records (calendar imports, manual blocks): a heading, "Loading…" or an
 * empty message, and a row per record with its buttons. Delete asks first, in place: Delete or
 * Keep, one row at a time.
 */
export function RecordList<T>({
  title,
  items,
  itemKey,
  empty,
  renderItem,
  actions,
  deleteLabel,
  confirmLabel,
  confirmText,
  onDelete,
  testId,
  listTestId,
  rowTestId,
  rowData,
}: RecordListProps<T>) {
  const id = useId();
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <section className="stack" aria-labelledby={`${id}-title`} data-testid={testId}>
      <h3 id={`${id}-title`}>{title}</h3>
      {items === undefined ? (
        <p className="muted">Loading…</p>
      ) : items.length === 0 ? (
        <p className="subtle">{empty}</p>
      ) : (
        <ul className="list" data-testid={listTestId}>
          {items.map((item) => {
            const key = itemKey(item);
            return (
              <li key={key} data-testid={rowTestId} {...rowData?.(item)}>
                {renderItem(item)}
                {confirming === key ? (
                  <div className="row" role="group" aria-label={confirmLabel(item)}>
                    {confirmText ? <span>{confirmText}</span> : null}
                    <button
                      type="button"
                      className="btn btn-danger-solid btn-sm"
                      onClick={() => {
                        setConfirming(null);
                        onDelete(item);
                      }}
                    >
                      Delete
                    </button>
                    <button type="button" className="btn btn-sm" onClick={() => setConfirming(null)}>
                      Keep
                    </button>
                  </div>
                ) : (
                  <div className="row">
                    {actions?.(item)}
                    <button
                      type="button"
                      className="btn btn-danger btn-sm"
                      aria-label={deleteLabel(item)}
                      onClick={() => setConfirming(key)}
                    >
                      Delete
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
