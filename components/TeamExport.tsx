import { useId } from 'react';
import { useTeamFormatters } from '@/components/team/format';
import { SettingsSection } from '@/components/SettingsSection';
import { CheckField } from '@/components/CheckField';
import type { TeamExportState } from '@/components/data/team-export';
import { MAX_ALIAS_CHARS } from '@/lib/export/team';
import { KINDS } from '@/lib/classify/kinds';
import type { TeamExport as TeamExportDoc, TeamWeek } from '@/lib/export/team';
import '@/components/team/team.css';

const WEEK_CHOICES = [1, 2, 4, 6, 8, 12] as const;
const COORDINATION = ['meetings', 'messaging', 'project', 'reporting', 'admin'] as const;

type Fmt = ReturnType<typeof useTeamFormatters>;

/** One week of the file in words: what a lead who opens it can read. */
export function weekInWords(w: TeamWeek, fmt: Fmt): string {
  const classified = w.creativeMs + w.coordinationMs;
  const parts = COORDINATION.filter((k) => w.byKind[k] > 0).map((k) => `${KINDS[k].name} ${fmt.hours(w.byKind[k])}`);
  const tracked = classified + w.unclassifiedMs + (w.neutralMs ?? 0);
  if (tracked === 0) return `Week of ${fmt.week(w.weekStart)}: nothing tracked.`;
  const bits = [
    `${classified > 0 ? `${fmt.share(w.creativeMs / classified)} creative` : 'nothing classified'} — ${fmt.hours(w.creativeMs)} creative, ${fmt.hours(w.coordinationMs)} coordination${parts.length ? ` (${parts.join(', ')})` : ''}`,
    w.unclassifiedMs > 0 ? `${fmt.hours(w.unclassifiedMs)} unclassified` : null,
    w.neutralMs !== null ? `${fmt.hours(w.neutralMs)} not work` : null,
    `longest creative block ${w.longestCreativeBlockMs > 0 ? fmt.duration(w.longestCreativeBlockMs) : 'none'}`,
    `${w.blocks50} creative block${w.blocks50 === 1 ? '' : 's'} of 50 minutes or more`,
    w.contextSwitchesPerHour !== null
      ? `${fmt.number(w.contextSwitchesPerHour, 1)} switches between tools per hour`
      : null,
    w.multitaskMs > 0 ? `${fmt.hours(w.multitaskMs)} on other tools during meetings` : null,
    w.activeDays !== null ? `tracked on ${w.activeDays} day${w.activeDays === 1 ? '' : 's'}` : null,
  ].filter((b): b is string => b !== null);
  return `Week of ${fmt.week(w.weekStart)}: ${bits.join('; ')}.`;
}

/** What a lead sees: in words, before the exact file. */
function PreviewInWords({ doc, fmt }: { doc: TeamExportDoc; fmt: Fmt }) {
  return (
    <div className="stack gap-6 team-export-words" data-testid="team-export-words">
      <p>
        <strong>In the team view</strong> your lead sees only the team&apos;s figures — medians, ranges and how many
        people sit where — and nothing at all until at least 5 people&apos;s files are in. No figure is ever shown next
        to a file or a name.
      </p>
      <p>
        <strong>If your lead opens the file itself</strong>, this is everything in it
        {doc.alias ? `, under the name “${doc.alias}”` : ', with no name'}:
      </p>
      <ul className="team-export-weeks">
        {doc.weeks.map((w) => (
          <li key={w.weekStart}>{weekInWords(w, fmt)}</li>
        ))}
      </ul>
    </div>
  );
}
export interface TeamExportProps extends TeamExportState {
  /** Where the team view page is (default `./team.html`, next to the settings page). */
  teamViewHref?: string;
  /** The section's id, for the settings page's table of contents (default `share`). */
  id?: string;
}

/**
 * "Share with your team": pick whole weeks, an optional name and what else to share, see in words what
 * the lead will see (the exact file behind a toggle), and download it. Only weekly totals leave with
 * the file; every download has a new random id. The state comes from `useTeamExport`
 * (components/data/team-export.ts).
 */
export function TeamExport({ teamViewHref = './team.html', id = 'share', ...state }: TeamExportProps) {
  const fmt = useTeamFormatters();
  const ids = { weeks: useId(), last: useId(), alias: useId(), preview: useId() };

  return (
    <SettingsSection
      id={id}
      title="Share with your team"
      description="A file with your weekly totals only, for a team lead to compare. You choose what goes in, and you send it yourself."
      testId="team-export"
    >
      <div className="row gap-16 team-export-choices">
        <div className="field">
          <label htmlFor={ids.weeks}>Weeks</label>
          <select
            id={ids.weeks}
            value={state.weeks}
            onChange={(e) => state.setWeeks(Number(e.target.value))}
            data-testid="team-export-weeks"
          >
            {WEEK_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n === 1 ? '1 week' : `${n} weeks`}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.last}>Ending with the week of</label>
          <select
            id={ids.last}
            value={state.last ?? ''}
            onChange={(e) => state.setLastWeek(e.target.value)}
            disabled={state.lastChoices.length === 0}
            data-testid="team-export-last"
          >
            {state.lastChoices.map((w, i) => (
              <option key={w} value={w}>
                {fmt.day(w)}
                {i === 0 ? ' (last complete week)' : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.alias}>Name in the file (optional, empty by default)</label>
          <input
            id={ids.alias}
            type="text"
            value={state.alias}
            maxLength={MAX_ALIAS_CHARS}
            placeholder="leave empty to stay unnamed"
            autoComplete="off"
            onChange={(e) => state.setAlias(e.target.value)}
            data-testid="team-export-alias"
          />
        </div>
      </div>
      <div className="row gap-16">
        <CheckField checked={state.includeNotWork} onChange={state.setIncludeNotWork} testId="team-export-notwork">
          Also share my not-work time
        </CheckField>
        <CheckField checked={state.includeActiveDays} onChange={state.setIncludeActiveDays} testId="team-export-days">
          Also share on how many days I tracked time
        </CheckField>
      </div>
      <p className="field-help">
        Only whole weeks are shared; the current week is never included. By default the file has no name, no not-work
        time and no days (which could show absences). Durations are rounded to the minute. Every download gets a new
        random id, so two of your files cannot be linked to each other.
      </p>

      <div className="stack gap-6">
        <h3 id={ids.preview}>What your lead will see</h3>
        {state.doc ? (
          <>
            <PreviewInWords doc={state.doc} fmt={fmt} />
            <details className="table-toggle">
              <summary>Show the exact file</summary>
              <p className="subtle">
                Durations are in milliseconds. Never in it: sites, addresses, tools, page titles, calendar or block
                labels, your rules or notes, or any time of day.
              </p>
              <pre
                className="json-preview"
                tabIndex={0}
                aria-labelledby={ids.preview}
                data-testid="team-export-preview"
              >
                {state.text}
              </pre>
            </details>
          </>
        ) : (
          <p className="muted" role="status">
            Preparing the preview…
          </p>
        )}
      </div>

      <div className="row">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!state.doc}
          data-testid="team-export-download"
          onClick={state.download}
        >
          Download {state.fileName || 'the file'}
        </button>
        <a className="btn" href={teamViewHref} target="_blank" rel="noopener">
          Open the team view
        </a>
        <span className="subtle" role="status" aria-live="polite" data-testid="team-export-status">
          {state.downloaded
            ? `Saved ${state.downloaded}. Send it to your lead however you like; Creative Ratio sends nothing.`
            : state.doc && state.tracked === 0
              ? 'These weeks have no tracked time.'
              : ''}
        </span>
      </div>
    </SettingsSection>
  );
}
