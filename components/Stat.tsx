import type { ReactNode } from 'react';

export interface StatProps {
  label: ReactNode;
  value: ReactNode;
  /** The small line under the value (what it is of, its range). */
  help: ReactNode;
  /** The tile's `data-testid`. */
  testId?: string;
  /** The value's `data-testid`. */
  valueTestId?: string;
}

/** One figure tile of a `.stats` list: a label, the value large, and a line of help. */
export function Stat({ label, value, help, testId, valueTestId }: StatProps) {
  return (
    <li className="stat" data-testid={testId}>
      <span className="stat-label">{label}</span>
      <span className="stat-value" data-testid={valueTestId}>
        {value}
      </span>
      <span className="stat-help">{help}</span>
    </li>
  );
}
