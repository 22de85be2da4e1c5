import type { ReactNode } from 'react';
import { BenchmarkSource } from '@/components/BenchmarkSource';
import { CLASS_LABEL, CLASS_ORDER, Swatch } from '@/components/ClassLegend';
import { CoverageNote } from '@/components/CoverageNote';
import type { Formatters } from '@/components/hooks';
import { ShareScale } from '@/components/ShareScale';
import { GOOD_DAY, TYPICAL } from '@/lib/report/benchmarks';
import type { Settings } from '@/lib/settings';
import { earlyView, isEnough, type EarlyView } from '@/lib/ui/enough-data';
import type { Today } from '@/lib/ui/today';

/** The popup's title line: "Today", the date and (`children`) the tracking status. */
export function PopupHead({ now, fmt, children }: { now: number; fmt: Formatters; children?: ReactNode }) {
  return (
    <div className="popup-head">
      <img src="/icon/32.png" alt="" width={20} height={20} />
      <h1 id="popup-title">Today</h1>
      <span className="subtle">{fmt.date(now)}</span>
      <span className="spacer" />
      {children}
    </div>
  );
}

/** Today's numbers: the share on the scale with the survey lines and the target, hours per class, coverage ("Loading…" until there). */
export function TodayCard({
  today,
  settings,
  fmt,
}: {
  today: Today | undefined;
  settings: Settings | undefined;
  fmt: Formatters;
}) {
  return (
    <section className="card" aria-label="Today's creative share" data-testid="popup-today">
      {!today || !settings ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : (
        <>
          <TodayShare
            share={today.creativeShare}
            early={earlyView(today.classifiedMs, settings, 'day', fmt.duration)}
            fmt={fmt}
          />
          <ShareScale
            share={isEnough(today.classifiedMs, settings, 'day') ? today.creativeShare : null}
            goodDay={GOOD_DAY}
            typical={TYPICAL}
            target={settings.targetShare}
            formatShare={(v) => fmt.share(v)}
            label="Today's creative share against the survey benchmarks and your target"
            legendShare={false}
            short
          />
          <BenchmarkSource compact />
          <dl className="popup-totals" data-testid="popup-totals">
            {CLASS_ORDER.map((c) => (
              <div key={c}>
                <dt>
                  <Swatch cls={c} />
                  {CLASS_LABEL[c]}
                </dt>
                <dd>{fmt.hours(today.totals[c])}</dd>
              </div>
            ))}
          </dl>
          <CoverageNote
            coverage={today.coverage}
            classifiedMs={today.classifiedMs}
            trackedMs={today.trackedMs}
            span="today"
            fmt={fmt}
            compact
          />
        </>
      )}
    </section>
  );
}

/** Today's share, or — before a day has enough classified time — what was gathered and "too early to compare". */
function TodayShare({ share, early, fmt }: { share: number | null; early: EarlyView; fmt: Formatters }) {
  if (!early.enough) {
    return (
      <div className="popup-share" data-testid="popup-early">
        <span className="big-share early-amount" data-testid="popup-share">
          {early.gathered}
        </span>
        <span className="muted">classified today — too early to compare (a day needs {early.needed})</span>
      </div>
    );
  }
  return (
    <div className="popup-share">
      <span className="big-share" data-testid="popup-share">
        {fmt.share(share)}
      </span>
      <span className="muted">creative of {early.gathered}</span>
    </div>
  );
}
