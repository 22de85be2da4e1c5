import { memo, useCallback, useEffect, useEffectEvent, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { AddTime } from './AddTime';
import { BreakdownTable } from '@/components/BreakdownTable';
import { ChartFigure } from '@/components/ChartFigure';
import { ClassLegend, surveyLegend } from '@/components/ClassLegend';
import { useClassifier } from '@/components/data/classifier';
import { DailyBarsChart } from '@/components/charts/DailyBarsChart';
import { TrendChart } from '@/components/charts/TrendChart';
import { DayTimeline } from '@/components/DayTimeline';
import { skipMeeting, unskipMeeting, type DayMeeting } from '@/lib/db/meetings';
import { DayMeetingsLive } from './DayMeetingsLive';
import { applyMeetingClasses } from '@/components/data/meeting-classes';
import { useSaveSettings } from '@/components/data/use-save-settings';
import { makeMeetingRule } from '@/lib/calendar/meeting-classes';
import { EmptyState } from '@/components/EmptyState';
import { Headline } from '@/components/Headline';
import { useFormatters } from '@/components/hooks';
import { useSettings, useWeekPage } from '@/components/data/settings';
import { PageShell } from '@/components/PageShell';
import { createQuickRule, removeRule } from '@/components/data/rule-actions';
import { SignalsPanel } from '@/components/SignalsPanel';
import { Insights } from './Insights';
import { DatabaseError } from '@/components/TrackingControls';
import { UnclassifiedList, type LastClassified } from '@/components/UnclassifiedList';
import { forgetWeekAt, pruneWeekCaches, useWeekData, type WeekData } from '@/components/data/week-data';
import { retentionCutoff } from '@/lib/ui/settings-form';
import { WeekPicker } from '@/components/WeekPicker';
import { getDb, setSegmentOverride } from '@/lib/db';
import { useHasAnySegments } from '@/components/data/queries';
import type { ClassName, SegmentOverride } from '@/lib/model';
import { GOOD_DAY, TYPICAL, benchmarkWords, shownTrend } from '@/lib/report';
import { resolveWeekStartsOn } from '@/lib/time/week';
import { earlyView } from '@/lib/ui/enough-data';
import { coverageOf } from '@/lib/report/coverage';
import { CoverageNote } from '@/components/CoverageNote';
import { dailyBarsView, describeDay, kindBreakdown, toolBreakdown, trendView } from '@/lib/ui/charts';
import { formatNumber } from '@/lib/ui/format';
import { mark, measureSince, perfNow } from '@/lib/ui/perf';
import { basisView, headlineView } from '@/lib/ui/headline';
import { confirmRule } from '@/lib/ui/guess';
import type { GuessedRow } from '@/lib/report';
import type { QuickRule } from '@/components/data/rule-actions';
import { signalsView } from '@/lib/ui/signals';
import { daySessions, type Session } from '@/lib/ui/timeline';
import { formatWeekRange } from '@/lib/ui/week';
import { parseDayKey } from '@/lib/time/days';
import { weekRelation } from '@/lib/time/week';
import { addDays, format } from 'date-fns';
import { useWeekParam } from '@/components/use-week-param';
import { DailyTable } from './DailyTable';
import { TrendTable } from './TrendTable';

const HOUR = 3_600_000;

export function App() {
  const { db, now, settings, fmt, tracking, live, weekStartsOn } = useWeekPage();
  const hasAny = useHasAnySegments(db);
  const [week, setWeek] = useWeekParam(weekStartsOn, now);
  const data = useWeekData(week ?? '1970-01-01', weekStartsOn ?? 1, week ? settings : undefined, live?.report, now);
  // While another week loads (one not read ahead), the last one stays on screen, dimmed, so the
  // charts are updated in place instead of being torn down and rebuilt.
  const shown = useLastDefined(data);
  const carry = week ? `?week=${week}` : '';

  // Performance marks for the e2e measurement (draw and week switch), and ready flags:
  // `cr:report:<week>` once the week itself is drawn (headline, totals and the daily bars on their
  // canvas), `cr:ready:<week>` once the trend is there too.
  const drawnWeek = useRef<string | null>(null);
  const trendWeek = useRef<string | null>(null);
  const markReady = useCallback(() => {
    const root = document.documentElement;
    const w = trendWeek.current;
    if (w && drawnWeek.current === w && root.dataset.readyWeek !== w) {
      performance.mark(`cr:ready:${w}`);
      root.dataset.readyWeek = w;
    }
  }, []);
  const onWeekDrawn = useCallback(
    (w: string) => {
      const root = document.documentElement;
      drawnWeek.current = w;
      if (root.dataset.reportWeek !== w) {
        performance.mark(`cr:report:${w}`);
        root.dataset.reportWeek = w;
      }
      markReady();
    },
    [markReady],
  );
  useEffect(() => {
    trendWeek.current = data && week && data.week === week && data.trend ? week : null;
    markReady();
  }, [data, week, markReady]);

  // Keep the summary cache within the retention period (and fresh).
  const retention = settings?.retentionMonths;
  useEffect(() => {
    if (retention === undefined) return;
    void pruneWeekCaches(retention === null ? 0 : retentionCutoff(retention, Date.now()), Date.now());
  }, [retention]);

  const status = tracking ? (
    <span
      className="status-pill"
      data-state={tracking.error ? 'error' : tracking.state === 'paused' ? 'paused' : 'tracking'}
      data-testid="header-status"
    >
      {tracking.error ? 'Not saving' : tracking.label}
    </span>
  ) : null;

  if (hasAny === false) {
    return (
      <PageShell current="dashboard" status={status}>
        {tracking ? <DatabaseError view={tracking} formatClock={fmt.clock} /> : null}
        <EmptyState settingsHref="./options.html" />
      </PageShell>
    );
  }

  return (
    <PageShell current="dashboard" carry={carry} status={status}>
      {tracking ? <DatabaseError view={tracking} formatClock={fmt.clock} /> : null}
      {week && weekStartsOn !== null ? (
        <WeekPicker
          week={week}
          weekStartsOn={weekStartsOn}
          now={now}
          locale={fmt.locale}
          onChange={setWeek}
          actions={<AddTime weekStartsOn={weekStartsOn} week={week} />}
        />
      ) : null}
      {!shown || !settings || !live || !week ? (
        <p className="muted" role="status" aria-live="polite">
          Loading your week…
        </p>
      ) : (
        <div className="week-view" aria-busy={shown !== data}>
          {shown !== data ? (
            <p className="visually-hidden" role="status">
              Loading the week…
            </p>
          ) : null}
          <WeekView
            data={shown}
            week={shown.week}
            now={now}
            settings={settings}
            live={live}
            setWeek={setWeek}
            onDrawn={onWeekDrawn}
          />
        </div>
      )}
    </PageShell>
  );
}

/** The latest defined value (kept while the value is undefined). */
function useLastDefined<T>(value: T | undefined): T | undefined {
  const [last, setLast] = useState(value);
  if (value !== undefined && value !== last) setLast(value);
  return value ?? last;
}

interface WeekViewProps {
  data: WeekData;
  week: string;
  now: number;
  settings: NonNullable<ReturnType<typeof useSettings>>;
  live: NonNullable<ReturnType<typeof useClassifier>>;
  setWeek: (w: string) => void;
  /** Called once the week's first-viewport content is drawn (for the timing marks). */
  onDrawn: (week: string) => void;
}

/**
 * The week (memoised: the page re-renders when its live queries answer — the tracker's state, the
 * settings and rules taking over from the early read with equal values — and the week, its charts
 * and tables need not render again for that).
 */
const WeekView = memo(function WeekView({ data, week, now, settings, live, setWeek, onDrawn }: WeekViewProps) {
  const renderStart = useRef(0);
  renderStart.current = perfNow();
  useLayoutEffect(() => measureSince('cr:render-week', renderStart.current));
  const db = getDb();
  const fmt = useFormatters();
  const { report, comparison } = data;
  const relation = weekRelation(week, now);
  const target = settings.targetShare;

  const headline = useMemo(
    () =>
      headlineView(
        comparison ?? {
          share: report.creativeShare,
          lastWeekShare: null,
          vsLastWeekPts: null,
          previousAverage: null,
          averageWeeks: 0,
          vsAveragePts: null,
        },
        target,
        { share: fmt.share, points: fmt.points },
        relation === 'current',
        earlyView(
          report.totals.creative + report.totals.coordination,
          settings,
          'week',
          fmt.duration,
          relation === 'past',
        ),
      ),
    [comparison, report.creativeShare, report.totals, settings, target, fmt, relation],
  );
  const daily = useMemo(() => dailyBarsView(report.days, fmt.locale), [report.days, fmt.locale]);
  const coverage = useMemo(
    () =>
      coverageOf({
        segments: data.segments,
        from: report.weekStart,
        to: report.weekEnd,
        now,
        workingHours: settings.workingHours,
      }),
    [data.segments, report.weekStart, report.weekEnd, now, settings.workingHours],
  );
  const chartDrawn = useCallback(() => onDrawn(week), [onDrawn, week]);
  // Without any time there is no chart to wait for.
  useEffect(() => {
    if (!daily.hasData) onDrawn(week);
  }, [daily, week, onDrawn]);
  // From the first week with time; weeks with too little classified time are gaps (lib/report/trend.ts).
  const trend = useMemo(
    () => (data.trend ? shownTrend(data.trend, settings.enoughData.weekMinutes * 60_000) : null),
    [data.trend, settings.enoughData.weekMinutes],
  );
  const trendVm = useMemo(() => (trend ? trendView(trend, fmt.locale) : null), [trend, fmt.locale]);
  // The first screen (headline, daily bars, trend, not classified yet) is drawn first; the sections
  // below it follow one frame later, after the first paint, so the first draw never waits for the
  // layout of tables further down. Later weeks update everything at once.
  const [restShown, setRestShown] = useState(false);
  useEffect(() => {
    if (restShown) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setRestShown(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [restShown]);
  // Once, when the rest of the page first appears (for the week shown then, not on later switches).
  const markComplete = useEffectEvent(() => mark(`cr:complete:${week}`));
  useEffect(() => {
    if (restShown) markComplete();
  }, [restShown]);
  const kinds = useMemo(() => (restShown ? kindBreakdown(report.byKind, report.totals) : []), [report, restShown]);
  const tools = useMemo(() => (restShown ? toolBreakdown(report.byTool, report.totals) : null), [report, restShown]);
  const signals = useMemo(
    () =>
      restShown
        ? signalsView(report, {
            hours: fmt.hours,
            duration: fmt.duration,
            share: fmt.share,
            number: (n, d) => formatNumber(n, fmt.locale, d),
            locale: fmt.locale,
          })
        : null,
    [report, fmt, restShown],
  );
  const hoursOf = useCallback((h: number) => fmt.hours(h * HOUR), [fmt]);
  const pct = useCallback((p: number) => fmt.share(p / 100), [fmt]);

  // ----- one-click classification of unknown sites -----
  const [last, setLast] = useState<LastClassified | null>(null);
  const [ruleError, setRuleError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const classify = (host: string, cls: ClassName) => addQuickRule({ match: { type: 'host', host }, cls }, host);
  const confirm = (row: GuessedRow) => {
    const r = confirmRule(row.host, row.guess, row.class, row.kind);
    return addQuickRule({ match: r.match, cls: r.cls, kind: r.kind }, r.scope);
  };
  const addQuickRule = async (rule: QuickRule, host: string) => {
    const cls = rule.cls;
    setBusy(true);
    setRuleError(null);
    try {
      const id = await createQuickRule(rule);
      setLast({
        host,
        cls,
        undo: () => {
          setLast(null);
          void removeRule(id).catch((err: unknown) => setRuleError(err instanceof Error ? err.message : String(err)));
        },
      });
    } catch (err) {
      setRuleError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  // ----- the day timeline and per-session overrides -----
  const todayKey = format(now, 'yyyy-MM-dd');
  const activeDays = useMemo(
    () => new Set(report.days.filter((d) => d.trackedMs > 0).map((d) => d.day)),
    [report.days],
  );
  // Today when it has some time already, else the latest day with time, else the first day.
  const defaultDay = useMemo(() => {
    const today = report.days.find((d) => d.day === todayKey);
    if (today && today.trackedMs >= 15 * 60_000) return todayKey;
    const lastActive =
      [...report.days].reverse().find((d) => d.trackedMs >= 60_000 && !d.future) ??
      [...report.days].reverse().find((d) => d.trackedMs > 0);
    return (lastActive ?? report.days[0]!).day;
  }, [report.days, todayKey]);
  const [chosenDay, setChosenDay] = useState<string | null>(null);
  const day = chosenDay && report.days.some((d) => d.day === chosenDay) ? chosenDay : defaultDay;
  const dayStart = parseDayKey(day)!.getTime();
  const dayEnd = addDays(dayStart, 1).getTime();
  const sessions = useCallback(
    () =>
      daySessions(
        data.segments.filter((s) => s.start >= dayStart && s.start < dayEnd),
        (host, path, at) => live.classifier.classify(host, path, at),
      ),
    [data.segments, dayStart, dayEnd, live],
  );
  const [overrideBusy, setOverrideBusy] = useState(false);
  const { save: saveSettings } = useSaveSettings();
  const override = async (session: Session, o: SegmentOverride | null) => {
    setOverrideBusy(true);
    try {
      await forgetWeekAt(session.start);
      for (const id of session.ids) await setSegmentOverride(db, id, o);
    } finally {
      setOverrideBusy(false);
    }
  };

  // "I skipped this one": the meeting stops counting in every week it touches; Undo counts it again.
  // (The day's meetings are read by the list itself, once the day list is near the viewport.)
  const setSkipped = async (m: DayMeeting, skip: boolean) => {
    setOverrideBusy(true);
    try {
      await forgetWeekAt(m.start);
      if (skip) await skipMeeting(db, m.occ, Date.now());
      else await unskipMeeting(db, m.occ);
      await forgetWeekAt(m.start);
      if (m.end > dayEnd) await forgetWeekAt(m.end - 1);
    } finally {
      setOverrideBusy(false);
    }
  };

  // One click on a meeting in the day list: a title rule for every meeting with that title, re-applied to history.
  const meetingRule = async (session: Session, title: string) => {
    if (!settings || (session.class !== 'creative' && session.class !== 'coordination')) return;
    const rule = makeMeetingRule(`rule:${Date.now().toString(36)}`, 'title', title, session.class, session.kind);
    if (!rule) return;
    setOverrideBusy(true);
    try {
      const mc = settings.meetingClasses;
      const next = {
        ...mc,
        rules: [rule, ...mc.rules.filter((r) => !(r.match === 'title' && r.value === rule.value))],
      };
      await applyMeetingClasses(db, next, (meetingClasses) => saveSettings({ meetingClasses }));
    } finally {
      setOverrideBusy(false);
    }
  };

  const weekLabel = formatWeekRange(week, fmt.locale);
  const dailySummary = `Stacked bars of hours per day for the week of ${weekLabel}. ${daily.labels.map((_, i) => describeDay(daily, i, fmt.hours)).join('. ')}.`;
  const trendSummary = trendVm
    ? `Creative share per week for the ${trendVm.labels.length === 1 ? 'week' : `${trendVm.labels.length} weeks ending`} ${weekLabel}, with lines at ${fmt.share(GOOD_DAY)} (${benchmarkWords('good', fmt.share)}), ${fmt.share(TYPICAL)} (${benchmarkWords('typical', fmt.share)}) and your target at ${fmt.share(target)}. ${trendVm.labels
        .map((l, i) => `${l}: ${trendVm.sharePct[i] === null ? 'too little data' : pct(trendVm.sharePct[i]!)}`)
        .join(', ')}.`
    : '';

  return (
    <>
      <Headline
        view={headline}
        comparing={!comparison}
        totals={report.totals}
        goodDay={GOOD_DAY}
        typical={TYPICAL}
        target={target}
        formatShare={(v) => fmt.share(v)}
        formatHours={fmt.hours}
        isCurrentWeek={relation === 'current'}
        countOnlyInside={report.countOnlyInside}
        basis={basisView(
          { trackedMs: report.trackedMs, guessedMs: report.guessedMs, unclassifiedMs: report.totals.unclassified },
          fmt.share,
        )}
      />
      <section className="card coverage-card" aria-label="What this rests on">
        <CoverageNote
          coverage={coverage}
          classifiedMs={report.classifiedMs}
          trackedMs={report.trackedMs}
          span={relation === 'current' ? 'this week' : 'that week'}
          fmt={fmt}
        />
      </section>

      <ChartFigure
        id="daily"
        title="Each day"
        description="Hours by kind of work. Click a bar to see that day below."
        legend={
          <ul className="legend" aria-label="Legend">
            {daily.series.map((s) => (
              <li key={s.kind}>
                <span
                  className={`swatch kind-color fill-${s.class}`}
                  style={{ ['--kind-light' as string]: s.color, ['--kind-dark' as string]: s.colorDark }}
                  aria-hidden="true"
                />
                {s.name}
              </li>
            ))}
            <li className="subtle">
              Solid: creative · striped: coordination · dotted: not work · hatched: unclassified
            </li>
          </ul>
        }
        table={<DailyTable view={daily} days={report.days} formatHours={fmt.hours} formatShare={fmt.share} />}
      >
        {daily.hasData ? (
          <DailyBarsChart
            view={daily}
            formatHours={hoursOf}
            summary={dailySummary}
            onSelectDay={setChosenDay}
            onDrawn={chartDrawn}
          />
        ) : (
          <p className="muted">Nothing was tracked this week.</p>
        )}
      </ChartFigure>

      <div className="grid-2">
        <ChartFigure
          id="trend"
          title={
            trend && trend.length < 12 ? (trend.length === 1 ? 'Trend' : `${trend.length}-week trend`) : '12-week trend'
          }
          description={
            trend && trend.length < 12
              ? 'Creative share of classified time per week, from your first week on (up to 12). Weeks with too little classified time are left as gaps. Click a week to open it.'
              : 'Creative share of classified time per week. Weeks with too little classified time are left as gaps. Click a week to open it.'
          }
          legend={
            <ClassLegend
              classes={[]}
              extra={[
                { key: 'you', swatch: 'line', color: 'var(--creative)', label: 'Your creative share' },
                ...surveyLegend(fmt),
                { key: 'target', swatch: 'line', color: 'var(--target)', label: `${fmt.share(target)} — your target` },
              ]}
            />
          }
          table={
            trend && trendVm ? (
              <TrendTable
                points={trend}
                labels={trendVm.labels}
                target={target}
                formatHours={fmt.hours}
                formatShare={fmt.share}
              />
            ) : (
              <p className="muted">Summarising earlier weeks…</p>
            )
          }
        >
          {trend && trend.length === 1 ? (
            <p className="muted" data-testid="trend-first-week">
              The trend starts with your second week: one point is not a trend.
            </p>
          ) : trend && trendVm ? (
            <TrendChart
              view={trendVm}
              goodDay={GOOD_DAY}
              typical={TYPICAL}
              target={target}
              selectedIndex={trend.length - 1}
              formatPercent={pct}
              summary={trendSummary}
              onSelectWeek={setWeek}
            />
          ) : (
            <div className="chart-box chart-placeholder" role="status">
              <span className="muted">Summarising earlier weeks…</span>
            </div>
          )}
        </ChartFigure>
        <UnclassifiedList
          rows={report.unclassified}
          guessed={report.guessed}
          formatDuration={fmt.duration}
          onClassify={(host, cls) => void classify(host, cls)}
          onConfirm={(row) => void confirm(row)}
          last={last}
          error={ruleError}
          busy={busy}
          rulesHref="./options.html#rules"
        />
      </div>

      {restShown && tools && signals ? (
        <>
          <div className="grid-2">
            <BreakdownTable
              id="by-kind"
              title="By kind of work"
              description="Share of all tracked time"
              rows={kinds}
              variant="kind"
              formatHours={fmt.hours}
              formatShare={(v) => fmt.share(v)}
            />
            <BreakdownTable
              id="by-tool"
              title="By tool"
              description="Share of all tracked time"
              rows={tools.rows}
              rest={tools.rest}
              variant="tool"
              formatHours={fmt.hours}
              formatShare={(v) => fmt.share(v)}
            />
          </div>

          <SignalsPanel view={signals} />

          <Insights
            data={data}
            weekStartsOn={resolveWeekStartsOn(settings.weekStartsOn, fmt.locale)}
            settings={settings}
            classifier={live.report}
            now={now}
            current={relation === 'current'}
            fmt={fmt}
          />

          <DayTimeline
            days={report.days.map((d) => d.day)}
            activeDays={activeDays}
            day={day}
            onDay={setChosenDay}
            dayStart={dayStart}
            dayEnd={dayEnd}
            sessions={sessions}
            locale={fmt.locale}
            formatClock={fmt.clock}
            formatDuration={fmt.duration}
            onOverride={(s, o) => void override(s, o)}
            onConfirmGuess={(s) => {
              if (!s.guess) return;
              const r = confirmRule(s.host, s.guess, s.classified.class, s.classified.kind);
              void addQuickRule({ match: r.match, cls: r.cls, kind: r.kind }, r.scope);
            }}
            onMeetingRule={(s, title) => void meetingRule(s, title)}
            meetings={
              <DayMeetingsLive
                db={db}
                dayStart={dayStart}
                dayEnd={dayEnd}
                formatClock={fmt.clock}
                busy={overrideBusy}
                onSkip={(m) => void setSkipped(m, true)}
                onUndo={(m) => void setSkipped(m, false)}
              />
            }
            busy={overrideBusy}
          />
        </>
      ) : (
        <p className="muted" role="status">
          Loading the breakdowns…
        </p>
      )}
    </>
  );
});
