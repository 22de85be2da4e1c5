import { useId, useMemo, type RefObject } from 'react';
import { fragmentationReading, type FragmentationPoint, type FragmentationReading } from '@/lib/report/fragmentation';
import type { Settings, WeekDay } from '@/lib/settings';
import { formatNumber } from '@/lib/ui/format';
import { timeOfDayView, type TimeOfDayView } from '@/lib/ui/time-of-day';
import { formatWeekRange } from '@/lib/ui/week';
import { DataTable } from './DataTable';
import type { Formatters } from './hooks';
import type { InsightsData } from './data/insights';
import './InsightsSection.css';

export const INSIGHT_SPANS = [4, 8, 12] as const;

export interface InsightsSectionProps {
  /** The weeks' fragmentation points and weekday × hour grid (undefined while read or not yet wanted). */
  insights: InsightsData | undefined;
  /** Whether the section is near the viewport (then its data is being read). */
  near: boolean;
  /** The section's element, watched for `near`. */
  sectionRef: RefObject<HTMLDivElement | null>;
  /** How many weeks the patterns span (one of INSIGHT_SPANS). */
  span: number;
  onSpan: (span: number) => void;
  weekStartsOn: WeekDay;
  settings: Settings;
  current: boolean;
  fmt: Formatters;
}

/**
 * Two cards below the week's signals: fragmentation over the last weeks (trend, reading, reference
 * points) and when the person is creative (weekday × hour). Its data is read only near the viewport
 * (the page wires `useInsightsData` of components/data/insights.ts).
 */
export function InsightsSection({
  insights,
  near,
  sectionRef,
  span,
  onSpan,
  weekStartsOn,
  settings,
  current,
  fmt,
}: InsightsSectionProps) {
  const number = (n: number, d?: number) => formatNumber(n, fmt.locale, d);
  const reading = useMemo(
    () =>
      insights
        ? fragmentationReading(
            insights.points,
            { number: (n, d) => formatNumber(n, fmt.locale, d), duration: fmt.duration },
            current,
          )
        : null,
    [insights, fmt, current],
  );
  const tod = useMemo(
    () =>
      insights
        ? timeOfDayView(insights.grid, settings.workingHours.days, weekStartsOn, insights.weeks.length, {
            locale: fmt.locale,
            duration: fmt.duration,
            share: fmt.share,
          })
        : null,
    [insights, settings.workingHours.days, weekStartsOn, fmt],
  );
  const spanId = useId();
  const first = insights ? formatWeekRange(insights.weeks[0]!, fmt.locale) : '';

  return (
    <div ref={sectionRef} className="insights" data-testid="insights">
      <div className="row insights-span">
        <label htmlFor={spanId}>Patterns over the last</label>
        <select id={spanId} value={span} onChange={(e) => onSpan(Number(e.target.value))} data-testid="insights-span">
          {INSIGHT_SPANS.map((n) => (
            <option key={n} value={n}>
              {n} weeks
            </option>
          ))}
        </select>
        {insights ? <span className="subtle">from the week of {first}</span> : null}
      </div>
      {!insights || !reading || !tod ? (
        <section className="card" aria-busy="true">
          <p className="muted" role="status">
            {near ? 'Reading the last weeks…' : 'Patterns over the last weeks appear here.'}
          </p>
        </section>
      ) : (
        <>
          <FragmentationCard points={insights.points} reading={reading} fmt={fmt} number={number} />
          <TimeOfDayCard view={tod} weeks={insights.weeks.length} />
        </>
      )}
    </div>
  );
}

// ---------- fragmentation over the weeks ----------

interface Series {
  key: string;
  label: string;
  values: (number | null)[];
  latest: string;
}

function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const w = 120;
  const h = 32;
  const nums = values.filter((v): v is number => v !== null);
  const max = Math.max(1e-9, ...nums);
  const x = (i: number) => (values.length === 1 ? w / 2 : (i / (values.length - 1)) * (w - 6) + 3);
  const y = (v: number) => h - 3 - (v / max) * (h - 6);
  // Separate runs so weeks without a value are gaps.
  const runs: string[] = [];
  let cur: string[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (cur.length) runs.push(cur.join(' '));
      cur = [];
    } else cur.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (cur.length) runs.push(cur.join(' '));
  const lastIndex = values.length - 1;
  return (
    <svg className="sparkline" width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true" data-label={label}>
      {runs.map((r, i) =>
        r.includes(' ') ? <polyline key={i} points={r} fill="none" stroke="currentColor" strokeWidth={1.5} /> : null,
      )}
      {values.map((v, i) =>
        v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r={i === lastIndex ? 3 : 1.6} fill="currentColor" />,
      )}
    </svg>
  );
}

function FragmentationCard({
  points,
  reading,
  fmt,
  number,
}: {
  points: FragmentationPoint[];
  reading: FragmentationReading;
  fmt: Formatters;
  number: (n: number, d?: number) => string;
}) {
  const active = (p: FragmentationPoint) => p.trackedMs > 0;
  const series: Series[] = [
    {
      key: 'switches',
      label: 'Switches per active hour',
      values: points.map((p) => p.switchesPerHour),
      latest: points.at(-1)!.switchesPerHour === null ? '–' : number(points.at(-1)!.switchesPerHour!, 1),
    },
    {
      key: 'tools',
      label: 'Tools per day',
      values: points.map((p) => p.toolsPerDay),
      latest: points.at(-1)!.toolsPerDay === null ? '–' : number(points.at(-1)!.toolsPerDay!, 1),
    },
    {
      key: 'blocks',
      label: 'Creative blocks of 25+ min',
      values: points.map((p) => (active(p) ? p.blocks25 : null)),
      latest: active(points.at(-1)!) ? String(points.at(-1)!.blocks25) : '–',
    },
    {
      key: 'longest',
      label: 'Longest creative block (min)',
      values: points.map((p) => (active(p) ? Math.round(p.longestBlockMs / 60_000) : null)),
      latest: active(points.at(-1)!) ? fmt.duration(points.at(-1)!.longestBlockMs) : '–',
    },
  ];
  return (
    <section className="card" aria-labelledby="fragmentation-title" data-testid="fragmentation">
      <div className="card-head">
        <div>
          <h2 id="fragmentation-title">Fragmentation over the weeks</h2>
          <p>The week's fragmentation figures against the weeks before it; the last point is the week shown.</p>
        </div>
      </div>
      <div className="reading" data-testid="fragmentation-reading">
        {reading.sentences.map((s) => (
          <p key={s}>{s}</p>
        ))}
      </div>
      <ul className="sparklines">
        {series.map((s) => (
          <li key={s.key} className="spark" data-testid={`spark-${s.key}`}>
            <span className="stat-label">{s.label}</span>
            <span className="spark-row">
              <Sparkline values={s.values} label={s.label} />
              <span className="stat-value">{s.latest}</span>
            </span>
          </li>
        ))}
      </ul>
      <details className="table-toggle">
        <summary>Show the numbers as a table</summary>
        <DataTable
          caption="Fragmentation figures per week"
          captionHidden
          rows={points}
          rowKey={(p) => p.week}
          testId="fragmentation-table"
          columns={[
            { key: 'week', header: 'Week of', rowHeader: true, render: (p) => formatWeekRange(p.week, fmt.locale) },
            {
              key: 'sw',
              header: 'Switches / active h',
              numeric: true,
              render: (p) => (p.switchesPerHour === null ? '–' : number(p.switchesPerHour, 1)),
            },
            {
              key: 'tools',
              header: 'Tools / day',
              numeric: true,
              render: (p) => (p.toolsPerDay === null ? '–' : number(p.toolsPerDay, 1)),
            },
            { key: 'b25', header: '25+ min', numeric: true, render: (p) => (active(p) ? p.blocks25 : '–') },
            { key: 'b50', header: '50+ min', numeric: true, render: (p) => (active(p) ? p.blocks50 : '–') },
            { key: 'b90', header: '90+ min', numeric: true, render: (p) => (active(p) ? p.blocks90 : '–') },
            {
              key: 'longest',
              header: 'Longest block',
              numeric: true,
              render: (p) => (active(p) ? fmt.duration(p.longestBlockMs) : '–'),
            },
          ]}
        />
      </details>
      {reading.references.length ? (
        <details className="table-toggle" data-testid="fragmentation-references">
          <summary>Reference points</summary>
          <p className="field-help">
            For scale, not as a target: none of these measures exactly what Creative Ratio measures (switches between
            tools in your browser).
          </p>
          <ul className="references">
            {reading.references.map((r) => (
              <li key={r.id}>
                {r.finding}{' '}
                <cite>
                  <a href={r.url} target="_blank" rel="noreferrer noopener">
                    {r.cite}
                  </a>
                </cite>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

// ---------- when you are creative ----------

function TimeOfDayCard({ view, weeks }: { view: TimeOfDayView; weeks: number }) {
  return (
    <section className="card" aria-labelledby="tod-title" data-testid="time-of-day">
      <div className="card-head">
        <div>
          <h2 id="tod-title">When you are creative</h2>
          <p>
            Creative and coordination time by hour of the day over the last {weeks} weeks. The number in a cell is its
            creative share; a stronger colour means more hours.
          </p>
        </div>
      </div>
      <ul className="legend" aria-label="Legend">
        <li>
          <span className="swatch tod-swatch tod-swatch-creative" aria-hidden="true" />
          Mostly creative
        </li>
        <li>
          <span className="swatch tod-swatch tod-swatch-coordination" aria-hidden="true" />
          Mostly coordination
        </li>
        <li className="subtle">Paler: closer to half and half, or fewer hours</li>
      </ul>
      {view.reading.length ? (
        <div className="reading" data-testid="tod-reading">
          {view.reading.map((s) => (
            <p key={s}>{s}</p>
          ))}
        </div>
      ) : (
        <p className="muted" data-testid="tod-reading">
          Too little creative time yet to say when you are most creative.
        </p>
      )}
      {view.hasData ? (
        <div
          className="tod-grid"
          role="group"
          aria-label="Creative share by weekday and hour"
          style={{ ['--tod-cols' as string]: view.days.length }}
        >
          <span aria-hidden="true" />
          {view.days.map((d) => (
            <span key={d.day} className="tod-head" aria-hidden="true">
              {d.short}
            </span>
          ))}
          {view.hours.map((h, hi) => (
            <TodRow key={h.key} label={h.short} cells={view.rows[hi]!} />
          ))}
        </div>
      ) : (
        <p className="muted">Nothing classified in these weeks.</p>
      )}
      <details className="table-toggle">
        <summary>Show the numbers as a table</summary>
        <div className="table-scroll">
          <table className="data" data-testid="tod-table">
            <caption>Creative / coordination time by hour of the day and weekday, over the last {weeks} weeks</caption>
            <thead>
              <tr>
                <th scope="col">Hour</th>
                {view.days.map((d) => (
                  <th key={d.day} scope="col" className="num">
                    {d.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.hours.map((h, hi) => (
                <tr key={h.key}>
                  <th scope="row">{h.label}</th>
                  {view.rows[hi]!.map((c, di) => (
                    <td key={view.days[di]!.day} className="num" title={c.label}>
                      {c.share === null ? '–' : c.tableText}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

function TodRow({ label, cells }: { label: string; cells: TimeOfDayView['rows'][number] }) {
  return (
    <>
      <span className="tod-hour" aria-hidden="true">
        {label}
      </span>
      {cells.map((c, i) => (
        <span
          key={i}
          className="tod-cell"
          role="img"
          aria-label={c.label}
          title={c.label}
          data-empty={c.share === null ? 'true' : undefined}
          style={
            c.share === null
              ? undefined
              : {
                  ['--tod-share' as string]: c.share >= 0.5 ? '100%' : '0%',
                  // Stronger the clearer the lean (far from half and half) and the more hours.
                  ['--tod-strength' as string]: `${Math.round(6 + Math.abs(c.share - 0.5) * 2 * (0.3 + 0.7 * c.intensity) * 50)}%`,
                }
          }
        >
          {c.text}
        </span>
      ))}
    </>
  );
}
