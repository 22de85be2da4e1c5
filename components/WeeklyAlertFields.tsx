import { useId, type ReactNode } from 'react';
import type { WeekDay } from '@/lib/settings';
import { formatHourOfDay } from '@/lib/ui/format';
import { weekdayNames } from '@/lib/ui/week';

/** A notification that may come once a week: on/off, the day and the hour. */
export interface WeeklyAlert {
  enabled: boolean;
  day: WeekDay;
  hour: number;
}

export interface WeeklyAlertFieldsProps<T extends WeeklyAlert> {
  value: T;
  locale: string;
  onChange: (value: T) => void;
  /** The fieldset's name for screen readers. */
  legend: string;
  /** The checkbox's label. */
  checkLabel: string;
  /** The word before the day ("Every", "On"). */
  dayWord: string;
  help: ReactNode;
  /** data-testid prefix: `<prefix>-fields`, `-enabled`, `-day`, `-hour`. */
  testId: string;
}

/** The fields of a weekly notification (the review reminder, the mid-week nudge); every control labelled. */
export function WeeklyAlertFields<T extends WeeklyAlert>({
  value,
  locale,
  onChange,
  legend,
  checkLabel,
  dayWord,
  help,
  testId,
}: WeeklyAlertFieldsProps<T>) {
  const id = useId();
  const days = weekdayNames(locale);
  return (
    <fieldset className="stack gap-10" data-testid={`${testId}-fields`}>
      <legend className="visually-hidden">{legend}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={value.enabled}
          onChange={(e) => onChange({ ...value, enabled: e.target.checked })}
          data-testid={`${testId}-enabled`}
        />
        {checkLabel}
      </label>
      <div className="row">
        <label htmlFor={`${id}-day`} className="muted">
          {dayWord}
        </label>
        <select
          id={`${id}-day`}
          value={value.day}
          disabled={!value.enabled}
          onChange={(e) => onChange({ ...value, day: Number(e.target.value) as WeekDay })}
          data-testid={`${testId}-day`}
        >
          {days.map((name, i) => (
            <option key={i} value={i}>
              {name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-hour`} className="muted">
          at
        </label>
        <select
          id={`${id}-hour`}
          value={value.hour}
          disabled={!value.enabled}
          onChange={(e) => onChange({ ...value, hour: Number(e.target.value) })}
          data-testid={`${testId}-hour`}
        >
          {Array.from({ length: 24 }, (_, h) => (
            <option key={h} value={h}>
              {formatHourOfDay(h, locale)}
            </option>
          ))}
        </select>
      </div>
      <p className="field-help">{help}</p>
    </fieldset>
  );
}
