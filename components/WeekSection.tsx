import { Fragment, useState } from 'react';
import { describedBy, FieldNotes } from '@/components/FieldNotes';
import { CheckField } from '@/components/CheckField';
import { SettingsSection } from '@/components/SettingsSection';
import type { Settings, WeekDay } from '@/lib/settings';
import { minutesToTimeInput, timeInputToMinutes } from '@/lib/ui/format';
import { parseWorkingTimes } from '@/lib/ui/settings-form';
import { localeWeekStartsOn } from '@/lib/time/week';
import { weekdayNames } from '@/lib/ui/week';
import './WeekSection.css';

/** Week start, working days and hours, "count only inside": on the settings page and the welcome page. */
export function WeekSection({
  settings,
  locale,
  save,
}: {
  settings: Settings;
  locale: string;
  save: (p: Partial<Settings>) => Promise<boolean>;
}) {
  const days = weekdayNames(locale);
  const localeStart = localeWeekStartsOn(locale);
  const wh = settings.workingHours;
  const [timeError, setTimeError] = useState<string | null>(null);
  const [start, setStart] = useState<string | null>(null);
  const [end, setEnd] = useState<string | null>(null);
  const startValue = start ?? minutesToTimeInput(wh.startMinute);
  const endValue = end ?? minutesToTimeInput(wh.endMinute);

  const commitTimes = (s: string, e: string) => {
    const parsed = parseWorkingTimes(timeInputToMinutes(s), timeInputToMinutes(e));
    if (!parsed.ok) {
      setTimeError(parsed.error);
      return;
    }
    setTimeError(null);
    setStart(null);
    setEnd(null);
    void save({ workingHours: { ...wh, ...parsed.value } });
  };

  const times = [
    { id: 'wh-start', label: 'From', value: startValue, set: setStart },
    { id: 'wh-end', label: 'to', value: endValue, set: setEnd },
  ];

  // Show the working days in the order of the person's week.
  const weekStart = settings.weekStartsOn ?? localeStart;
  const ordered = Array.from({ length: 7 }, (_, i) => ((weekStart + i) % 7) as WeekDay);

  return (
    <SettingsSection id="week" title="Your week" description="Days are counted in this computer’s time zone.">
      <div className="field">
        <label htmlFor="week-start">Weeks start on</label>
        <select
          id="week-start"
          className="week-start-select"
          value={settings.weekStartsOn === null ? 'auto' : String(settings.weekStartsOn)}
          onChange={(e) =>
            void save({ weekStartsOn: e.target.value === 'auto' ? null : (Number(e.target.value) as WeekDay) })
          }
          data-testid="week-start"
        >
          <option value="auto">Automatic ({days[localeStart]}, from your language settings)</option>
          {days.map((name, i) => (
            <option key={i} value={i}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>Working days</legend>
        <div className="row gap-14">
          {ordered.map((d) => (
            <label key={d} className="check">
              <input
                type="checkbox"
                checked={wh.days.includes(d)}
                onChange={(e) => {
                  const next = e.target.checked ? [...wh.days, d] : wh.days.filter((x) => x !== d);
                  void save({ workingHours: { ...wh, days: next } });
                }}
              />
              {days[d]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Working hours</legend>
        <div className="row">
          {times.map((t) => (
            <Fragment key={t.id}>
              <label htmlFor={t.id} className="muted">
                {t.label}
              </label>
              <input
                id={t.id}
                type="time"
                value={t.value}
                aria-invalid={timeError ? true : undefined}
                aria-describedby={describedBy('wh', { error: timeError })}
                onChange={(e) => t.set(e.target.value)}
                onBlur={() => commitTimes(startValue, endValue)}
                data-testid={t.id}
              />
            </Fragment>
          ))}
        </div>
        <FieldNotes id="wh" error={timeError} />
      </fieldset>
      <CheckField
        checked={wh.countOnlyInside}
        onChange={(yes) => void save({ workingHours: { ...wh, countOnlyInside: yes } })}
        testId="count-only-inside"
      >
        Count only time inside working hours
      </CheckField>
      <p className="field-help">
        When on, evenings and days off are left out of every chart and of the ratio. Time is still recorded, so you can
        switch back.
      </p>
    </SettingsSection>
  );
}
