import { useId, useState, type ReactNode } from 'react';
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
  /** data-testid prefix: `<prefix>-fields`, `-enabled`, `-day`, `-hour`, `-refused`. */
  testId: string;
  /**
   * Asks the browser for the notifications permission; called first thing in the click that turns
   * the alert on (the prompt needs the click). Resolves false when refused: the alert stays off.
   */
  onEnable?: () => Promise<boolean>;
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
  onEnable,
}: WeeklyAlertFieldsProps<T>) {
  const id = useId();
  const days = weekdayNames(locale);
  const [refused, setRefused] = useState(false);
  const [asking, setAsking] = useState(false);
  return (
    <fieldset className="stack gap-10" data-testid={`${testId}-fields`}>
      <legend className="visually-hidden">{legend}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={value.enabled}
          disabled={asking}
          aria-describedby={refused ? `${id}-refused` : undefined}
          onChange={(e) => {
            const enabled = e.target.checked;
            setRefused(false);
            if (!enabled || !onEnable) {
              onChange({ ...value, enabled });
              return;
            }
            // Before any await: the browser shows its permission prompt only during the click.
            const asked = onEnable();
            setAsking(true);
            void asked
              .then((granted) => {
                if (granted) onChange({ ...value, enabled: true });
                else setRefused(true);
              })
              .finally(() => setAsking(false));
          }}
          data-testid={`${testId}-enabled`}
        />
        {checkLabel}
      </label>
      {refused ? (
        <p id={`${id}-refused`} className="field-help" role="status" data-testid={`${testId}-refused`}>
          Your browser did not allow notifications from Creative Ratio, so this stays off. Tick it again when you want
          to be asked again.
        </p>
      ) : null}
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
