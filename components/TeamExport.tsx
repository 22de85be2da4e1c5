import { format } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTeamFormatters } from '@/components/team/format';
import { SettingsSection } from '@/components/SettingsSection';
import { getDb, loadSettings, segmentsOverlapping, type CreativeRatioDB } from '@/lib/db';
import { listRules } from '@/lib/db/rules';
import {
  DEFAULT_TEAM_WEEKS,
  MAX_ALIAS_CHARS,
  buildTeamExport,
  cleanAlias,
  lastCompleteWeek,
  serializeTeamExport,
  teamExportFileName,
  teamExportRange,
} from '@/lib/export/team';
import { localDayStart } from '@/lib/report/local-day';
import { resolveWeekStartsOn } from '@/lib/report/week';
import '@/components/team/team.css';
import { downloadText } from '@/components/files';
import { useRegexEngineFor } from '@/components/classifier';

const WEEK_CHOICES = [1, 2, 4, 6, 8, 12] as const;
const MAX_LOOKBACK_WEEKS = 52;

export interface TeamExportProps {
  /** Default: the extension's database. */
  db?: CreativeRatioDB;
  /** The clock (default: now, read when the component mounts). */
  now?: number;
  /** Where the team view page is (default `./team.html`, next to the settings page). */
  teamViewHref?: string;
  /** The section's id, for the settings page's table of contents (default `share`). */
  id?: string;
}

/**
 * "Share with your team": pick whole weeks and an optional alias, see exactly what the file will hold
 * (the JSON itself), and download it. Only weekly totals leave with the file.
 */
export function TeamExport({ db: dbProp, now: nowProp, teamViewHref = './team.html', id = 'share' }: TeamExportProps) {
  const db = dbProp ?? getDb();
  const [now] = useState(() => nowProp ?? Date.now());
  const fmt = useTeamFormatters();
  const ids = { weeks: useId(), last: useId(), alias: useId(), preview: useId() };
  const settings = useLiveQuery(() => loadSettings(db), [db]);
  const rules = useLiveQuery(() => listRules(db), [db]);
  const weekStartsOn = settings ? resolveWeekStartsOn(settings.weekStartsOn, fmt.locale) : null;

  const [weeks, setWeeks] = useState<number>(DEFAULT_TEAM_WEEKS);
  const [lastWeek, setLastWeek] = useState<string | null>(null);
  const [alias, setAlias] = useState('');
  const [downloaded, setDownloaded] = useState<string | null>(null);

  const lastChoices = useMemo(() => {
    if (weekStartsOn === null) return [];
    const latest = teamExportRange(now, weekStartsOn, 1).weekStarts[0]!;
    return Array.from({ length: MAX_LOOKBACK_WEEKS }, (_, i) => format(localDayStart(latest, -7 * i), 'yyyy-MM-dd'));
  }, [now, weekStartsOn]);
  const last = lastWeek ?? (weekStartsOn === null ? null : lastCompleteWeek(now, weekStartsOn));
  const range = useMemo(() => (weekStartsOn === null || last === null ? null : teamExportRange(now, weekStartsOn, weeks, last)), [now, weekStartsOn, weeks, last]);

  const segments = useLiveQuery(
    () => (range ? segmentsOverlapping(db, range.weekStarts[0]!, range.end) : Promise.resolve(null)),
    [db, range?.weekStarts[0], range?.end],
  );

  const regexReady = useRegexEngineFor(rules ?? undefined);
  // The weeks are computed once per range; typing the alias only relabels the result.
  const base = useMemo(() => {
    if (!settings || !rules || !segments || !range || !regexReady) return null;
    return buildTeamExport({ segments, rules, settings, now, weeks, lastWeek: range.weeks[range.weeks.length - 1], locale: fmt.locale });
  }, [settings, rules, segments, range, now, weeks, fmt.locale, regexReady]);
  const doc = useMemo(() => (base ? { ...base, alias: cleanAlias(alias) } : null), [base, alias]);
  const text = useMemo(() => (doc ? serializeTeamExport(doc) : ''), [doc]);
  const fileName = doc ? teamExportFileName(doc.alias, doc.exportedAt) : '';

  useEffect(() => setDownloaded(null), [text]);

  const tracked = doc ? doc.weeks.reduce((a, w) => a + w.creativeMs + w.coordinationMs + w.neutralMs + w.unclassifiedMs, 0) : 0;

  return (
    <SettingsSection
      id={id}
      title="Share with your team"
      description="A file with your weekly totals only, for a team lead to compare. You choose what goes in, and you send it yourself."
      testId="team-export"
    >

      <div className="row" style={{ alignItems: 'flex-end', gap: 16 }}>
        <div className="field">
          <label htmlFor={ids.weeks}>Weeks</label>
          <select id={ids.weeks} value={weeks} onChange={(e) => setWeeks(Number(e.target.value))} data-testid="team-export-weeks">
            {WEEK_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n === 1 ? '1 week' : `${n} weeks`}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.last}>Ending with the week of</label>
          <select id={ids.last} value={last ?? ''} onChange={(e) => setLastWeek(e.target.value)} disabled={lastChoices.length === 0} data-testid="team-export-last">
            {lastChoices.map((w, i) => (
              <option key={w} value={w}>
                {fmt.day(w)}
                {i === 0 ? ' (last complete week)' : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.alias}>Name in the file (optional)</label>
          <input
            id={ids.alias}
            type="text"
            value={alias}
            maxLength={MAX_ALIAS_CHARS}
            placeholder="e.g. Alex, or leave empty"
            autoComplete="off"
            onChange={(e) => setAlias(e.target.value)}
            data-testid="team-export-alias"
          />
        </div>
      </div>
      <p className="field-help">
        Only whole weeks are shared; the current week is never included. Leave the name empty and your lead names the file. Durations are rounded to the minute.
      </p>

      <div className="stack" style={{ gap: 6 }}>
        <h3 id={ids.preview}>Exactly what the file contains</h3>
        <p className="subtle">
          Per week: time by class (creative, coordination, not work, unclassified) and by kind of work, meeting and chat hours, multitasking in meetings, switches per hour, the longest creative block and
          how many blocks reached 25, 50 and 90 minutes, days with tracked time. Never: sites, addresses, tools, page titles, calendar or block labels,
          your rules or notes, or any time of day.
        </p>
        {doc ? (
          <pre className="json-preview" tabIndex={0} aria-labelledby={ids.preview} data-testid="team-export-preview">
            {text}
          </pre>
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
          disabled={!doc}
          data-testid="team-export-download"
          onClick={() => {
            if (!doc) return;
            downloadText(text, fileName);
            setDownloaded(fileName);
          }}
        >
          Download {fileName || 'the file'}
        </button>
        <a className="btn" href={teamViewHref} target="_blank" rel="noopener">
          Open the team view
        </a>
        <span className="subtle" role="status" aria-live="polite" data-testid="team-export-status">
          {downloaded ? `Saved ${downloaded}. Send it to your lead however you like; Creative Ratio sends nothing.` : doc && tracked === 0 ? 'These weeks have no tracked time.' : ''}
        </span>
      </div>
    </SettingsSection>
  );
}
