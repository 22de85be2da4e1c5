import { Fragment, useState } from 'react';
import { BackupRestore } from '@/components/BackupRestore';
import { CalendarImport } from '@/components/CalendarImport';
import { TeamExport } from '@/components/TeamExport';
import { CommitField } from '@/components/CommitField';
import { describedBy, FieldNotes } from '@/components/FieldNotes';
import { HostListEditor } from '@/components/HostListEditor';
import { useFormatters, useNow, useSettings, useTracking } from '@/components/hooks';
import { PageShell } from '@/components/PageShell';
import { ReminderFields } from '@/components/ReminderFields';
import { SettingsSection } from '@/components/SettingsSection';
import { TrackingControls, DatabaseError } from '@/components/TrackingControls';
import { sendToBackground } from '@/lib/browser/ui';
import { type Settings, type WeekDay } from '@/lib/settings';
import { minutesToTimeInput, timeInputToMinutes } from '@/lib/ui/format';
import { idleSecondsToMinutes, parseIdleMinutes, parseTargetPercent, parseWorkingTimes } from '@/lib/ui/settings-form';
import { localeWeekStartsOn } from '@/lib/report/week';
import { weekdayNames } from '@/lib/ui/week';
import { DataSection } from './DataSection';
import { RulesSection } from './RulesSection';
import { useSaveSettings, type SaveState } from './use-save';
import { BENCHMARK_SOURCE } from '@/lib/report/benchmarks';

const SECTIONS = [
  { id: 'tracking', label: 'Tracking' },
  { id: 'week', label: 'Your week' },
  { id: 'calendar', label: 'Calendar' },
  { id: 'target', label: 'Target' },
  { id: 'reminder', label: 'Weekly reminder' },
  { id: 'rules', label: 'Classification rules' },
  { id: 'data', label: 'Your data' },
  { id: 'backup', label: 'Backup and restore' },
  { id: 'share', label: 'Share with your team' },
] as const;

function SaveStatus({ state, clock }: { state: SaveState; clock: (t: number) => string }) {
  let text = '';
  if (state.kind === 'saving') text = 'Saving…';
  else if (state.kind === 'saved') text = `Saved at ${clock(state.at)}.${state.note ? ` ${state.note}` : ''}`;
  else if (state.kind === 'error') text = state.message;
  return (
    <span className="save-state" data-state={state.kind} role="status" aria-live="polite" data-testid="save-status">
      {text}
    </span>
  );
}

export function App() {
  const settings = useSettings();
  const now = useNow();
  const tracking = useTracking(now);
  const fmt = useFormatters();
  const { state: saveState, save } = useSaveSettings();
  const [pauseBusy, setPauseBusy] = useState(false);
  const [pauseError, setPauseError] = useState<string | null>(null);

  const send = async (message: Parameters<typeof sendToBackground>[0]) => {
    setPauseBusy(true);
    const reply = await sendToBackground(message);
    setPauseBusy(false);
    setPauseError(reply.ok ? null : (reply.error ?? 'Unknown error.'));
  };

  return (
    <PageShell current="options" status={<SaveStatus state={saveState} clock={fmt.clock} />}>
      <div className="page-title-row">
        <h1>Settings</h1>
        <p className="muted">Every change applies at once. Everything stays in this browser.</p>
      </div>
      {tracking ? <DatabaseError view={tracking} formatClock={fmt.clock} /> : null}
      {!settings ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : (
        <div className="settings-layout">
          <nav className="settings-toc" aria-label="Settings sections">
            <ul>
              {SECTIONS.map((s) => (
                <li key={s.id}>
                  <a href={`#${s.id}`}>{s.label}</a>
                </li>
              ))}
            </ul>
          </nav>
          <div className="stack" style={{ gap: 16 }}>
            <SettingsSection id="tracking" title="Tracking" description="Only the site and a path shape are kept — never page titles, contents or full addresses.">
              {tracking ? (
                <TrackingControls
                  view={tracking}
                  busy={pauseBusy}
                  actionError={pauseError}
                  onPause={(minutes) => void send({ type: 'pause', minutes })}
                  onResume={() => void send({ type: 'resume' })}
                />
              ) : null}
              <CommitField
                label="Count me as away after"
                value={idleSecondsToMinutes(settings.idleThresholdSec)}
                parse={parseIdleMinutes}
                onCommit={(sec) => void save({ idleThresholdSec: sec })}
                suffix="minutes without keyboard or mouse"
                inputMode="decimal"
                width={90}
                help="Time away from the computer is not counted. Calls in a meetings tool keep counting while they play sound."
                testId="idle-minutes"
              />
              <HostListEditor
                label="Never track these sites"
                help="Time on these sites is not recorded at all. Use *.example.com for every sub-domain."
                hosts={settings.excludedHosts}
                onChange={(hosts) => save({ excludedHosts: hosts })}
              />
            </SettingsSection>

            <WeekSection settings={settings} locale={fmt.locale} save={save} />

            <SettingsSection id="calendar" title="Calendar" description="Meetings outside the browser.">
              <CalendarImport />
            </SettingsSection>

            <TargetSection settings={settings} share={fmt.share} save={save} />

            <SettingsSection id="reminder" title="Weekly reminder" description="A nudge to read your weekly review and write a short reflection.">
              <ReminderFields reminder={settings.reminder} locale={fmt.locale} onChange={(reminder) => void save({ reminder })} />
            </SettingsSection>

            <RulesSection />

            <DataSection settings={settings} save={save} now={now} />

            <BackupRestore />

            <TeamExport />
          </div>
        </div>
      )}
    </PageShell>
  );
}

function WeekSection({ settings, locale, save }: { settings: Settings; locale: string; save: (p: Partial<Settings>) => Promise<boolean> }) {
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
          style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
          value={settings.weekStartsOn === null ? 'auto' : String(settings.weekStartsOn)}
          onChange={(e) => void save({ weekStartsOn: e.target.value === 'auto' ? null : (Number(e.target.value) as WeekDay) })}
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
        <div className="row" style={{ gap: 14 }}>
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
      <label className="check">
        <input
          type="checkbox"
          checked={wh.countOnlyInside}
          onChange={(e) => void save({ workingHours: { ...wh, countOnlyInside: e.target.checked } })}
          data-testid="count-only-inside"
        />
        Count only time inside working hours
      </label>
      <p className="field-help">
        When on, evenings and days off are left out of every chart and of the ratio. Time is still recorded, so you can switch
        back.
      </p>
    </SettingsSection>
  );
}

function TargetSection({ settings, share, save }: { settings: Settings; share: (v: number | null) => string; save: (p: Partial<Settings>) => Promise<boolean> }) {
  const pct = Math.round(settings.targetShare * 1000) / 10;
  return (
    <SettingsSection id="target" title="Target creative share" description="Shown as a line beside the two survey benchmarks on every chart.">
      <div className="row" style={{ alignItems: 'flex-end', gap: 16 }}>
        <div className="field" style={{ flex: '1 1 260px' }}>
          <label htmlFor="target-range">Target: {share(settings.targetShare)} of classified time is creative</label>
          <input
            id="target-range"
            type="range"
            min={0}
            max={100}
            step={5}
            value={Math.round(pct)}
            onChange={(e) => void save({ targetShare: Number(e.target.value) / 100 })}
            aria-valuetext={share(settings.targetShare)}
          />
        </div>
        <CommitField
          label="Exact value"
          value={String(pct)}
          parse={parseTargetPercent}
          onCommit={(v) => void save({ targetShare: v })}
          suffix="%"
          inputMode="decimal"
          width={80}
          testId="target-percent"
        />
      </div>
      <p className="source-note">{BENCHMARK_SOURCE}</p>
    </SettingsSection>
  );
}

