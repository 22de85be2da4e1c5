import { useEffect, useMemo } from 'react';
import { BenchmarkSource } from '@/components/BenchmarkSource';
import { useWeekPage } from '@/components/data/settings';
import { PageShell } from '@/components/PageShell';
import { ReminderFields } from '@/components/ReminderFields';
import { NotificationAccess } from '@/components/NotificationAccess';
import { useNotificationPermission } from '@/components/data/use-notification-permission';
import { ShareScale } from '@/components/ShareScale';
import { DatabaseError } from '@/components/TrackingControls';
import { useWeekData } from '@/components/data/week-data';
import { WeekPicker } from '@/components/WeekPicker';
import { sendToBackground } from '@/lib/browser/ui';
import { updateSettings } from '@/lib/db';
import { useReviewNote } from '@/components/data/queries';
import { buildWeeklyReview, GOOD_DAY, TYPICAL } from '@/lib/report';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { earlyView } from '@/lib/ui/enough-data';
import { headlineView } from '@/lib/ui/headline';
import { weekRelation } from '@/lib/time/week';
import { useWeekParam } from '@/components/use-week-param';
import { usePlanData } from '@/components/data/plan';
import { IntentCarry, NextWeekPlan, PlanVsActual } from './FocusPlan';
import { ReflectionNote } from './ReflectionNote';

export function App() {
  const { db, now, settings, fmt, tracking, live, weekStartsOn } = useWeekPage();
  const notifications = useNotificationPermission();
  const [week, setWeek] = useWeekParam(weekStartsOn, now);
  const data = useWeekData(week ?? '1970-01-01', weekStartsOn ?? 1, week ? settings : undefined, live?.report, now);
  const note = useReviewNote(week, db);
  const carry = week ? `?week=${week}` : '';
  const plan = usePlanData(
    week ?? '1970-01-01',
    weekStartsOn ?? 1,
    settings ?? DEFAULT_SETTINGS,
    week && settings ? live?.report : undefined,
    now,
  );

  const relation = week ? weekRelation(week, now) : 'current';
  const early = useMemo(
    () =>
      data && settings
        ? earlyView(
            data.report.totals.creative + data.report.totals.coordination,
            settings,
            'week',
            fmt.duration,
            relation === 'past',
          )
        : null,
    [data, settings, fmt, relation],
  );
  // Too little classified time: the week in hours, and no verdict (lib/ui/enough-data.ts).
  const paragraphs = useMemo(
    () =>
      data?.comparison && early
        ? early.enough || !data.report.hasData
          ? buildWeeklyReview(data.report, { locale: fmt.locale, comparison: data.comparison })
          : [
              early.sentence,
              'The review compares your week with the survey, your target and earlier weeks once it has enough classified time.',
            ]
        : [],
    [data, early, fmt.locale],
  );
  const headline = useMemo(
    () =>
      data?.comparison && settings
        ? headlineView(
            data.comparison,
            settings.targetShare,
            { share: fmt.share, points: fmt.points },
            relation === 'current',
            early,
          )
        : null,
    [data, settings, fmt, relation, early],
  );

  useEffect(() => {
    if (data?.comparison && week && data.week === week) document.documentElement.dataset.readyWeek = week;
  }, [data, week]);

  const saveReminder = async (reminder: Settings['reminder']) => {
    await updateSettings(db, { reminder });
    await sendToBackground({ type: 'settings-changed' });
  };

  return (
    <PageShell current="review" carry={carry}>
      {tracking ? <DatabaseError view={tracking} formatClock={fmt.clock} /> : null}
      {week && weekStartsOn !== null ? (
        <WeekPicker week={week} weekStartsOn={weekStartsOn} now={now} locale={fmt.locale} onChange={setWeek} />
      ) : null}
      {!data || !settings || !headline ? (
        <p className="muted" role="status">
          Loading your week…
        </p>
      ) : (
        <>
          {plan && plan.week === week ? <IntentCarry intent={plan.thisIntent} /> : null}
          <section className="card" aria-labelledby="story-title" data-testid="review-story">
            <div className="review-headline">
              <div>
                <h2 id="story-title" className="review-story-title">
                  {relation === 'current' ? 'Your week so far' : 'Your week'}
                </h2>
                <div className="review-text" data-testid="review-text">
                  {paragraphs.map((p, i) => (
                    <p key={i}>{p}</p>
                  ))}
                </div>
              </div>
              <aside className="stack gap-8" aria-label="Creative share">
                <div className="big-share" data-testid="review-share" data-early={headline.early ? 'true' : undefined}>
                  {headline.early ? headline.early.gathered : headline.shareText}
                </div>
                <p className="muted">
                  {headline.early ? 'classified — too early to compare' : 'creative share of classified time'}
                </p>
                <p className="small">
                  {headline.benchmarkSentence} {headline.targetSentence}
                </p>
                <ShareScale
                  share={headline.share}
                  goodDay={GOOD_DAY}
                  typical={TYPICAL}
                  target={settings.targetShare}
                  formatShare={(v) => fmt.share(v)}
                  label="This week's creative share against the survey benchmarks and your target"
                />
                <BenchmarkSource compact />
              </aside>
            </div>
          </section>

          {plan && plan.week === week ? <PlanVsActual data={plan} locale={fmt.locale} /> : null}

          {note && note.week === week ? (
            <ReflectionNote key={week} week={week!} initial={note.note} stored={note.note} formatClock={fmt.clock} />
          ) : null}

          {plan && plan.week === week ? (
            <NextWeekPlan key={plan.next} data={plan} settings={settings} locale={fmt.locale} now={now} />
          ) : null}

          <section className="card" aria-labelledby="reminder-title">
            <div className="card-head">
              <h2 id="reminder-title">Weekly reminder</h2>
              <p>Optional. A notification at the time you choose, to come back here.</p>
            </div>
            <ReminderFields
              reminder={settings.reminder}
              locale={fmt.locale}
              onChange={(r) => void saveReminder(r)}
              onEnable={notifications.ask}
            />
            <NotificationAccess
              permission={notifications}
              reminder={settings.reminder.enabled}
              nudge={settings.nudge.enabled}
            />
          </section>
        </>
      )}
    </PageShell>
  );
}
