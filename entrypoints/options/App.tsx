import { useState } from 'react';
import { BackupCard, CalendarCard, SkippedMeetingsCard, TeamExportCard } from './cards';
import { MeetingClassRules } from '@/components/calendar/MeetingClassRules';
import { applyMeetingClasses } from '@/components/data/meeting-classes';
import { CommitField } from '@/components/CommitField';
import { HostListEditor } from '@/components/HostListEditor';
import { useFormatters, useNow } from '@/components/hooks';
import { useSettings, useTracking } from '@/components/data/settings';
import { PageShell } from '@/components/PageShell';
import { ReminderFields } from '@/components/ReminderFields';
import { NudgeFields } from '@/components/NudgeFields';
import { NotificationAccess } from '@/components/NotificationAccess';
import { useNotificationPermission } from '@/components/data/use-notification-permission';
import { SettingsSection } from '@/components/SettingsSection';
import { TrackingControls, DatabaseError } from '@/components/TrackingControls';
import { sendToBackground } from '@/lib/browser/ui';
import { getDb } from '@/lib/db';
import { idleSecondsToMinutes, parseIdleMinutes } from '@/lib/ui/settings-form';
import { DataSection } from './DataSection';
import { RulesSection } from './RulesSection';
import { useSaveSettings, type SaveState } from '@/components/data/use-save-settings';
import { TargetSection } from '@/components/TargetSection';
import { WeekSection } from '@/components/WeekSection';

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
  const notifications = useNotificationPermission();
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
        <p className="muted">
          Every change applies at once. Everything stays in this browser.{' '}
          <a href="./welcome.html">What is recorded, and first steps</a>
        </p>
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
          <div className="stack gap-16">
            <SettingsSection
              id="tracking"
              title="Tracking"
              description="Only the site and a path shape are kept — never page titles, contents or full addresses."
            >
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
              <CalendarCard />
              <MeetingClassRules
                value={settings.meetingClasses}
                apply={(next) => applyMeetingClasses(getDb(), next, (meetingClasses) => save({ meetingClasses }))}
              />
              <SkippedMeetingsCard />
            </SettingsSection>

            <TargetSection settings={settings} share={fmt.share} save={save} />

            <SettingsSection
              id="reminder"
              title="Weekly reminder"
              description="A nudge to read your weekly review and write a short reflection."
            >
              <ReminderFields
                reminder={settings.reminder}
                locale={fmt.locale}
                onChange={(reminder) => void save({ reminder })}
                onEnable={notifications.ask}
              />
              <NudgeFields
                nudge={settings.nudge}
                locale={fmt.locale}
                onChange={(nudge) => void save({ nudge })}
                onEnable={notifications.ask}
              />
              <NotificationAccess
                permission={notifications}
                reminder={settings.reminder.enabled}
                nudge={settings.nudge.enabled}
              />
            </SettingsSection>

            <RulesSection />

            <DataSection settings={settings} save={save} now={now} />

            <BackupCard />

            <TeamExportCard />
          </div>
        </div>
      )}
    </PageShell>
  );
}
