import type { ReactNode } from 'react';

export interface CheckFieldProps {
  checked: boolean;
  /** Called with the box's new state. */
  onChange: (checked: boolean) => void;
  /** The box's `data-testid`. */
  testId?: string;
  disabled?: boolean;
  /** The label, after the box. */
  children: ReactNode;
}

/** A checkbox inside its label (the `.check` row of styles.css): the whole label toggles it. */
export function CheckField({ checked, onChange, testId, disabled, children }: CheckFieldProps) {
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        data-testid={testId}
      />
      {children}
    </label>
  );
}
