import { useState } from 'react';
import { describeMatch } from '@/lib/classify/describe';
import { KINDS } from '@/lib/classify/kinds';
import type { UserRule } from '@/lib/classify/types';
import { ClassBadge } from './ClassLegend';
import './RuleList.css';

export interface RuleListProps {
  rules: readonly UserRule[];
  onEdit: (rule: UserRule) => void;
  onDelete: (rule: UserRule) => void;
  onMove: (index: number, delta: -1 | 1) => void;
  formatDate: (t: number) => string;
  busy: boolean;
}

const TYPE_LABEL: Record<UserRule['match']['type'], string> = {
  host: 'Host',
  wildcard: 'Wildcard',
  path: 'Host + path',
  regex: 'Regex',
};

/**
 * The person's rules in order, with keyboard-operable Move up / Move down / Edit / Delete.
 * Order breaks ties between equally specific rules; a more specific rule always wins.
 */
export function RuleList({ rules, onEdit, onDelete, onMove, formatDate, busy }: RuleListProps) {
  const [confirmId, setConfirmId] = useState<number | null>(null);
  if (rules.length === 0) {
    return (
      <p className="muted" data-testid="rules-empty">
        No rules of your own yet. The built-in catalog knows the common marketing tools; add a rule for anything it
        misses or gets wrong.
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className="data rules-table" data-testid="rules-table">
        <caption className="visually-hidden">Your classification rules, in order</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">Matches</th>
            <th scope="col">Counts as</th>
            <th scope="col">Tool</th>
            <th scope="col">Applies</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r, i) => {
            const name = describeMatch(r.match);
            return (
              <tr key={r.id} data-rule-id={r.id}>
                <td className="num">{i + 1}</td>
                <th scope="row" className="rule-name">
                  <span className="mono wrap-anywhere">{name}</span>
                  <div className="subtle">{TYPE_LABEL[r.match.type]}</div>
                </th>
                <td>
                  <ClassBadge cls={r.class} kindName={r.kind ? KINDS[r.kind].name : undefined} />
                </td>
                <td>{r.tool ?? <span className="subtle">—</span>}</td>
                <td className="nowrap">{r.fromTime !== undefined ? `From ${formatDate(r.fromTime)}` : 'Always'}</td>
                <td>
                  <div className="row row-nowrap gap-4">
                    <button
                      type="button"
                      className="btn btn-sm btn-icon"
                      disabled={busy || i === 0}
                      onClick={() => onMove(i, -1)}
                      aria-label={`Move ${name} up`}
                      title="Move up"
                    >
                      <span aria-hidden="true">↑</span>
                    </button>
                    <button
                      type="button"
                      className="btn btn-sm btn-icon"
                      disabled={busy || i === rules.length - 1}
                      onClick={() => onMove(i, 1)}
                      aria-label={`Move ${name} down`}
                      title="Move down"
                    >
                      <span aria-hidden="true">↓</span>
                    </button>
                    <button
                      type="button"
                      className="btn btn-sm"
                      disabled={busy}
                      onClick={() => onEdit(r)}
                      aria-label={`Edit ${name}`}
                    >
                      Edit
                    </button>
                    {confirmId === r.id ? (
                      <>
                        <button
                          type="button"
                          className="btn btn-sm btn-danger-solid"
                          disabled={busy}
                          onClick={() => {
                            setConfirmId(null);
                            onDelete(r);
                          }}
                          aria-label={`Confirm: delete ${name}`}
                          autoFocus
                        >
                          Delete
                        </button>
                        <button type="button" className="btn btn-sm" onClick={() => setConfirmId(null)}>
                          Keep
                        </button>
                      </>
                    ) : (
                      <button
                        type="button"
                        className="btn btn-sm btn-danger"
                        disabled={busy}
                        onClick={() => setConfirmId(r.id ?? null)}
                        aria-label={`Delete ${name}…`}
                      >
                        Delete…
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
