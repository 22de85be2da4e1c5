import { DataTable } from '@/components/DataTable';
import { useFormatters } from '@/components/hooks';
import type { WeekHours } from '@/lib/calendar/import-window';
import type { ImportPlan } from '@/lib/calendar/plan-import';
import { formatDateNear, formatDateRange } from '@/lib/ui/date-range';
import './PlanSummary.css';

/** Longer than this, the weekly table starts folded (a file may cover two years). */
const COLLAPSE_WEEKS = 12;

function weekLabel(w: WeekHours, now: number, locale: string): string {
  const d = formatDateNear(w.start, now, locale);
  if (w.relation === 'current') return `This week (${d})`;
  if (w.relation === 'next') return `Next week (${d})`;
  return `Week of ${d}`;
}

/** Counts, the range the file covers, hours per week, what was not counted and why, and notes about the file. */
export function PlanSummary({ plan, weeks, now }: { plan: ImportPlan; weeks: WeekHours[]; now: number }) {
  const fmt = useFormatters();
  const range = plan.covered ?? { from: plan.from, to: plan.to };
  const table = (
    <DataTable
      caption="Meeting hours per week"
      columns={[
        { key: 'week', header: 'Week', rowHeader: true, render: (w: WeekHours) => weekLabel(w, now, fmt.locale) },
        { key: 'hours', header: 'Meetings', numeric: true, render: (w: WeekHours) => fmt.hours(w.ms) },
      ]}
      rows={weeks}
      rowKey={(w) => w.key}
      testId="calendar-weeks"
    />
  );
  return (
    <div className="stack" data-testid="calendar-plan">
      <p className="cal-summary">
        <strong data-testid="calendar-meeting-count">
          {plan.meetingCount} meeting{plan.meetingCount === 1 ? '' : 's'}
        </strong>{' '}
        · {fmt.hours(plan.meetingMs)} between{' '}
        <span data-testid="calendar-range">{formatDateRange(range.from, range.to, now, fmt.locale)}</span>
        {plan.overlapping > 0 ? ` · ${plan.overlapping} overlapping meetings merged (their time counts once)` : ''}
      </p>

      {weeks.length > COLLAPSE_WEEKS ? (
        <details className="table-toggle" data-testid="calendar-weeks-toggle">
          <summary>Meeting hours in each of the {weeks.length} weeks the file covers</summary>
          {table}
        </details>
      ) : (
        table
      )}

      {plan.skipped.length > 0 ? (
        <div className="stack gap-6">
          <h4>Not counted</h4>
          <ul className="cal-skipped" data-testid="calendar-skipped">
            {plan.skipped.map((g) => (
              <li key={g.reason} data-reason={g.reason}>
                <strong>
                  {g.label}: {g.count}
                </strong>{' '}
                <span className="muted">— {g.why}</span>
                {g.reason === 'invalid' ? (
                  <ul className="cal-invalid" data-testid="calendar-invalid">
                    {plan.invalid.slice(0, 20).map((e) => (
                      <li key={e.line}>
                        Line {e.line}: <code>{e.uid || '(no UID)'}</code>
                      </li>
                    ))}
                    {plan.invalid.length > 20 ? <li>…and {plan.invalid.length - 20} more.</li> : null}
                  </ul>
                ) : g.examples.length > 0 ? (
                  <span className="subtle"> (e.g. {g.examples.map((e) => `“${e}”`).join(', ')})</span>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {plan.problems.length > 0 ? (
        <details className="table-toggle" data-testid="calendar-problems">
          <summary>
            {plan.problems.length} note{plan.problems.length === 1 ? '' : 's'} about the file
          </summary>
          <ul className="cal-problems">
            {plan.problems.slice(0, 50).map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
            {plan.problems.length > 50 ? <li>…and {plan.problems.length - 50} more.</li> : null}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
