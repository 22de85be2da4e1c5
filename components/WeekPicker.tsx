import { format } from 'date-fns';
import { useId, type ReactNode } from 'react';
import type { WeekDay } from '@/lib/settings';
import { formatWeekRange } from '@/lib/ui/week';
import { normalizeWeekKey, shiftWeek, weekKeyOf, weekRelation, type WeekKey } from '@/lib/time/week';
import './WeekPicker.css';

export interface WeekPickerProps {
  week: WeekKey;
  weekStartsOn: WeekDay;
  now: number;
  locale?: string;
  onChange: (week: WeekKey) => void;
  /** Heading level text shown before the range ("Week of"). */
  headingLevel?: 1 | 2;
  /** Buttons at the end of the row (e.g. "Add time"). */
  actions?: ReactNode;
}

/**
 * This week / previous / next, and any week through a date field (the week containing the
 * chosen date, starting on the person's week start). Keyboard: the buttons, plus the date field.
 */
export function WeekPicker({ week, weekStartsOn, now, locale, onChange, headingLevel = 1, actions }: WeekPickerProps) {
  const dateId = useId();
  const relation = weekRelation(week, now);
  const current = weekKeyOf(now, weekStartsOn);
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <div className="week-picker" role="group" aria-label="Choose the week">
      <Heading className="week-label" aria-live="polite" data-testid="week-label">
        {formatWeekRange(week, locale)}
        {relation === 'current' ? <span className="visually-hidden"> (this week)</span> : null}
      </Heading>
      <button
        type="button"
        className="btn btn-icon"
        onClick={() => onChange(shiftWeek(week, -1, weekStartsOn))}
        aria-label="Previous week"
        title="Previous week"
      >
        <span aria-hidden="true">‹</span>
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => onChange(current)}
        disabled={week === current}
        aria-label="This week"
      >
        This week
      </button>
      <button
        type="button"
        className="btn btn-icon"
        onClick={() => onChange(shiftWeek(week, 1, weekStartsOn))}
        disabled={relation !== 'past'}
        aria-label="Next week"
        title="Next week"
      >
        <span aria-hidden="true">›</span>
      </button>
      <span className="date-jump">
        <label htmlFor={dateId} className="subtle">
          Go to the week of
        </label>
        <input
          id={dateId}
          type="date"
          value={week}
          max={format(now, 'yyyy-MM-dd')}
          onChange={(e) => {
            if (e.target.value) onChange(normalizeWeekKey(e.target.value, weekStartsOn, now));
          }}
          data-testid="week-date"
        />
      </span>
      {actions ? <span className="week-picker-actions">{actions}</span> : null}
    </div>
  );
}
