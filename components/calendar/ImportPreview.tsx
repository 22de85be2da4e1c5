import { useId } from 'react';
import { Banner } from '@/components/Banner';
import { CheckField } from '@/components/CheckField';
import { useFormatters } from '@/components/hooks';
import { MAX_CALENDAR_NAME } from '@/lib/calendar/import-id';
import { WEEKS_BACK_CHOICES } from '@/lib/calendar/import-window';
import { parseMeetingWords } from '@/lib/calendar/meeting-rules';
import { DEFAULT_IMPORT_OPTIONS } from '@/lib/calendar/import-options';
import { MeetingSummaryView } from './SeriesTable';
import { OwnerField } from './OwnerField';
import { PlanSummary } from './PlanSummary';
import type { CalendarImportState } from '@/components/data/calendar-import';
import './ImportPreview.css';

/** The preview of a file or a new subscription: name, owner, options, what will be imported. */
export function ImportPreview({ state: s, now }: { state: CalendarImportState; now: number }) {
  const fmt = useFormatters();
  const id = useId();
  if (s.stage.kind !== 'preview' && s.stage.kind !== 'importing') return null;
  const { source } = s.stage;
  const isAddress = source.kind === 'address';
  const busy = s.stage.kind === 'importing';
  const wordsCount = parseMeetingWords(s.options.meetingWords).length;
  const count = s.plan?.ok ? s.plan.plan.meetingCount : 0;

  return (
    <section className="stack cal-preview" aria-labelledby={`${id}-preview`} data-testid="calendar-preview">
      <h3 id={`${id}-preview`}>Preview of {source.label}</h3>

      <div className="settings-grid">
        <div className="field">
          <label htmlFor={`${id}-name`}>Calendar name</label>
          <input
            id={`${id}-name`}
            type="text"
            value={s.name}
            maxLength={MAX_CALENDAR_NAME}
            onChange={(e) => s.setName(e.target.value)}
            aria-describedby={`${id}-name-help`}
            data-testid="calendar-name"
          />
          <span id={`${id}-name-help`} className="field-help">
            {isAddress
              ? 'Shown in the list of subscriptions.'
              : s.replaces.length > 0
                ? `Replaces the import of ${fmt.date(s.replaces[0]!.importedAt ?? s.replaces[0]!.start)} (${s.replaces.reduce((n, i) => n + i.count, 0)} stretches).`
                : 'Importing a calendar of the same name again replaces the earlier import.'}
          </span>
        </div>
        {isAddress ? null : (
          <div className="field field-fit">
            <label htmlFor={`${id}-range`}>Import meetings from</label>
            <select
              id={`${id}-range`}
              value={String(s.options.weeksBack)}
              onChange={(e) => s.setOptions({ weeksBack: e.target.value === 'all' ? 'all' : Number(e.target.value) })}
              data-testid="calendar-weeks-back"
            >
              {WEEKS_BACK_CHOICES.map((w) => (
                <option key={w} value={String(w)}>
                  {w === 'all' ? 'everything in the file (that you keep)' : `the last ${w} weeks and next week`}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>

      <OwnerField state={s} />

      <fieldset className="stack gap-8">
        <legend>Options</legend>
        <CheckField
          checked={s.options.keepTitles}
          onChange={(yes) => s.setOptions({ keepTitles: yes })}
          testId="keep-titles"
        >
          Keep event titles
        </CheckField>
        <span className="field-help">
          Off: every meeting is labelled “Meeting”. Titles stay on this computer, but they can be sensitive.
        </span>
        <CheckField
          checked={s.options.countTentative}
          onChange={(yes) => s.setOptions({ countTentative: yes })}
          testId="count-tentative"
        >
          Count tentative meetings
        </CheckField>
        <span className="field-help">
          On: a tentative meeting blocks your time (Outlook marks invitations you have not answered as tentative).
        </span>
        <div className="field">
          <label htmlFor={`${id}-words`}>Meeting words</label>
          <input
            id={`${id}-words`}
            type="text"
            value={s.options.meetingWords}
            onChange={(e) => s.setOptions({ meetingWords: e.target.value })}
            aria-describedby={`${id}-words-help`}
            data-testid="meeting-words"
          />
          <span id={`${id}-words-help`} className="field-help">
            An event with only you in it counts as a meeting when its title has one of these words ({wordsCount},
            separated by commas). Events with two or more people always count.{' '}
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              onClick={() => s.setOptions({ meetingWords: DEFAULT_IMPORT_OPTIONS.meetingWords })}
            >
              Restore the defaults
            </button>
          </span>
        </div>
      </fieldset>

      {s.plan && !s.plan.ok ? (
        <Banner tone="error" title="This calendar cannot be imported.">
          {s.plan.message}
        </Banner>
      ) : null}

      {s.plan?.ok ? (
        <div
          aria-busy={s.planning}
          className={s.planning ? 'cal-replanning' : undefined}
          data-testid="calendar-plan-wrap"
        >
          <PlanSummary plan={s.plan.plan} weeks={s.weeks} now={now} />
          {s.plan.plan.summary && s.summaryRules ? (
            <MeetingSummaryView
              plan={{ ...s.plan.plan, summary: s.plan.plan.summary }}
              rules={s.summaryRules.rules}
              busy={s.summaryRules.busy || s.planning}
              status={s.summaryRules.status}
              onAdd={s.summaryRules.onAdd}
              onRemove={s.summaryRules.onRemove}
            />
          ) : null}
        </div>
      ) : null}

      <div className="row">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void s.confirm()}
          disabled={busy || s.planning || !s.plan?.ok || (!isAddress && s.plan.plan.segments.length === 0)}
          data-testid="calendar-import-button"
        >
          {isAddress
            ? `Subscribe and import ${count} meeting${count === 1 ? '' : 's'}`
            : s.plan?.ok
              ? `Import ${count} meeting${count === 1 ? '' : 's'}`
              : 'Import'}
        </button>
        <button type="button" className="btn" onClick={s.cancel} disabled={busy}>
          Cancel
        </button>
        {s.plan?.ok && s.plan.plan.segments.length === 0 ? (
          <span className="subtle">No meetings in the chosen weeks{isAddress ? ' yet' : ': nothing to import'}.</span>
        ) : null}
      </div>
    </section>
  );
}
