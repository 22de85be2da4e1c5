import { useId } from 'react';
import type { Settings, WeekDay } from '@/lib/settings';
import { formatHourOfDay } from '@/lib/ui/format';
import { weekdayNames } from '@/lib/ui/week';

export interface ReminderFieldsProps {
  reminder: Settings['reminder'];
  locale: string;
  onChange: (reminder: Settings['reminder']) => void;
}

/** The optional weekly review reminder: on/off, day and hour (a system notification). */
export function ReminderFields({ reminder, locale, onChange }: ReminderFieldsProps) {
  const id = useId();
  const days = weekdayNames(locale);
  return (
    <fieldset className="stack" style={{ gap: 10 }} data-testid="reminder-fields">
      <legend className="visually-hidden">Weekly review reminder</legend>
      <label className="check">
        <input type="checkbox" checked={reminder.enabled} onChange={(e) => onChange({ ...reminder, enabled: e.target.checked })} data-testid="reminder-enabled" />
        Remind me to review my week
      </label>
      <div className="row">
        <label htmlFor={`${id}-day`} className="muted">
          Every
        </label>
        <select
          id={`${id}-day`}
          value={reminder.day}
          disabled={!reminder.enabled}
          onChange={(e) => onChange({ ...reminder, day: Number(e.target.value) as WeekDay })}
          data-testid="reminder-day"
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
          value={reminder.hour}
          disabled={!reminder.enabled}
          onChange={(e) => onChange({ ...reminder, hour: Number(e.target.value) })}
          data-testid="reminder-hour"
        >
          {Array.from({ length: 24 }, (_, h) => (
            <option key={h} value={h}>
              {formatHourOfDay(h, locale)}
            </option>
          ))}
        </select>
      </div>
      <p className="field-help">A system notification from your browser. It opens this review; nothing is sent anywhere.</p>
    </fieldset>
  );
}
