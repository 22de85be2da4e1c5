import { useId } from 'react';
import type { Settings, WeekDay } from '@/lib/settings';
import { formatHourOfDay } from '@/lib/ui/format';
import { weekdayNames } from '@/lib/ui/week';

export interface NudgeFieldsProps {
  nudge: Settings['nudge'];
  locale: string;
  onChange: (nudge: Settings['nudge']) => void;
}

/** The optional mid-week nudge (lib/report/nudge.ts): on/off, day and hour. Off by default. */
export function NudgeFields({ nudge, locale, onChange }: NudgeFieldsProps) {
  const id = useId();
  const days = weekdayNames(locale);
  return (
    <fieldset className="stack" style={{ gap: 10 }} data-testid="nudge-fields">
      <legend className="visually-hidden">Mid-week nudge</legend>
      <label className="check">
        <input type="checkbox" checked={nudge.enabled} onChange={(e) => onChange({ ...nudge, enabled: e.target.checked })} data-testid="nudge-enabled" />
        Nudge me mid-week when the week falls behind my target
      </label>
      <div className="row">
        <label htmlFor={`${id}-day`} className="muted">
          On
        </label>
        <select id={`${id}-day`} value={nudge.day} disabled={!nudge.enabled} onChange={(e) => onChange({ ...nudge, day: Number(e.target.value) as WeekDay })} data-testid="nudge-day">
          {days.map((name, i) => (
            <option key={i} value={i}>
              {name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-hour`} className="muted">
          at
        </label>
        <select id={`${id}-hour`} value={nudge.hour} disabled={!nudge.enabled} onChange={(e) => onChange({ ...nudge, hour: Number(e.target.value) })} data-testid="nudge-hour">
          {Array.from({ length: 24 }, (_, h) => (
            <option key={h} value={h}>
              {formatHourOfDay(h, locale)}
            </option>
          ))}
        </select>
      </div>
      <p className="field-help">
        At most once a week, only on a working day, only when the week has at least half of its “enough data” time and the creative share is 5 points or more below your
        target. It says how much creative time would reach the target and opens the dashboard.
      </p>
    </fieldset>
  );
}
