import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { DataTable } from '@/components/DataTable';
import { useFormatters } from '@/components/hooks';
import { KINDS } from '@/lib/classify/kinds';
import {
  cleanRuleLabel,
  DEFAULT_MEETING_CLASS_RULES,
  makeMeetingRule,
  MAX_RULE_LABEL_CHARS,
  normalizeRuleValue,
  type MeetingClassRule,
} from '@/lib/calendar/meeting-classes';
import type { CountsAs, MeetingSummaries, OrganizerSummary, SeriesSummary } from '@/lib/calendar/meeting-summary';
import type { ImportPlan } from '@/lib/calendar/plan-import';
import type { KindId } from '@/lib/model';
import { MeetingTargetOptions, meetingTarget } from './MeetingTarget';
import './series.css';

/** What a row of either table offers to a rule. */
type Target =
  | { match: 'series'; key: string; value: string; name: string }
  | { match: 'organizer'; key: string; value: string; name: string };

export interface MeetingSummaryViewProps {
  plan: Pick<ImportPlan, 'segments' | 'meetingCount' | 'creativeCount' | 'meetingMs'> & { summary: MeetingSummaries };
  /** The person's own meeting rules (settings), to find the one a row created and offer Undo. */
  rules: readonly MeetingClassRule[];
  /** A rule is being saved, or the preview is planned again. */
  busy: boolean;
  onAdd: (rule: MeetingClassRule) => void;
  onRemove: (rule: MeetingClassRule) => void;
  /** A sentence about the last change (the status line). */
  status?: string | null;
  /** Rule ids: tests pass a fixed one. */
  newId?: () => string;
}

const WEEKDAY_BASE = new Date(2024, 0, 7); // a Sunday

/** "Tuesdays at 10:00" (or "Usually Tuesdays at 10:00" when not every occurrence is then). */
function typicalText(s: SeriesSummary, locale: string, clock: (t: number) => string): string {
  const d = new Date(
    WEEKDAY_BASE.getFullYear(),
    WEEKDAY_BASE.getMonth(),
    WEEKDAY_BASE.getDate() + s.typical.weekday,
    Math.floor(s.typical.minute / 60),
    s.typical.minute % 60,
  );
  const day = new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(d);
  const when = `${day}s at ${clock(d.getTime())}`;
  return s.typical.count < s.occurrences ? `Usually ${when}` : when;
}

/** "Coordination (no rule)", "Creative · Design & video (your rule)", "Creative · Design & video (default “design review”)". */
function countsAsText(c: CountsAs, own: readonly MeetingClassRule[]): string {
  const kind = c.override.kind ?? 'meetings';
  const target =
    c.override.class === 'creative' && kind !== 'meetings' ? `Creative · ${KINDS[kind].name}` : 'Coordination';
  let why = 'no rule';
  if (c.ruleId?.startsWith('default:')) {
    const d = DEFAULT_MEETING_CLASS_RULES.find((r) => r.id === c.ruleId);
    why = d ? `default “${d.value}”` : 'a default';
  } else if (c.ruleId) {
    const r = own.find((x) => x.id === c.ruleId);
    why = r?.match === 'title' ? `your rule “${r.value}”` : 'your rule';
  }
  return `${target} (${why})${c.mixed ? ', not every meeting' : ''}`;
}

/** The kind a title suggests (the select starts there; the person chooses). */
export function guessKind(title: string): KindId {
  if (/\b(design|crit|critique|creative|visual|ux|ui)\b/i.test(title)) return 'design';
  if (/\b(copy|writing|content|editorial|messaging|blog)\b/i.test(title)) return 'writing';
  return 'research';
}

/** The series or domain as a rule value; null when it cannot be one (a UID longer than a rule holds). */
function ruleValue(match: 'series' | 'organizer', value: string): string | null {
  const v = normalizeRuleValue(match, value);
  return v && (match === 'organizer' || v === value) ? v : null;
}

function ownRuleFor(rules: readonly MeetingClassRule[], t: Target): MeetingClassRule | undefined {
  return rules.find((r) => r.match === t.match && r.value === t.value);
}

/**
 * The calendar preview's "Recurring meetings" and "Organizers": every repeating series and
 * organizer domain of the file, what it counts as now, and a "Count as creative…" control that
 * adds a series (or organizer) rule — the UID stays inside; the person names the series. Undo
 * removes the rule. Presentational: the caller saves (useMeetingSummaryRules in components/data/meeting-summary.ts).
 */
export function MeetingSummaryView({ plan, rules, busy, onAdd, onRemove, status, newId }: MeetingSummaryViewProps) {
  const fmt = useFormatters();
  const id = useId();
  const { summary } = plan;
  const [editing, setEditing] = useState<Target | null>(null);
  const [kind, setKind] = useState<string>('creative:research');
  const [label, setLabel] = useState('');
  const kindRef = useRef<HTMLSelectElement>(null);
  const openers = useRef(new Map<string, HTMLButtonElement>());
  const returnTo = useRef<string | null>(null);

  useEffect(() => {
    if (editing) kindRef.current?.focus();
  }, [editing]);
  // Back to the row's button once it can take focus (it is disabled while the rule is saved,
  // then becomes "Undo").
  useEffect(() => {
    const el = returnTo.current ? openers.current.get(returnTo.current) : undefined;
    if (!el || editing) return;
    el.focus();
    if (document.activeElement === el) returnTo.current = null;
  });
  const register = (key: string) => (el: HTMLButtonElement | null) => {
    if (el) openers.current.set(key, el);
    else if (openers.current.get(key)?.isConnected === false) openers.current.delete(key);
  };

  const open = (t: Target) => {
    setEditing(t);
    setKind(`creative:${t.match === 'series' ? guessKind(t.name) : 'research'}`);
    setLabel(t.match === 'series' ? cleanRuleLabel(t.name) : '');
  };
  const close = () => {
    if (editing) returnTo.current = editing.key;
    setEditing(null);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    const [cls, k] = meetingTarget(kind);
    const rid = newId?.() ?? `rule:${Date.now().toString(36)}`;
    const name = editing.match === 'series' ? label || cleanRuleLabel(editing.name) || 'Repeating meeting' : undefined;
    const rule = makeMeetingRule(rid, editing.match, editing.value, cls, k, name);
    if (!rule) return;
    close();
    onAdd(rule);
  };

  const creativeMs = plan.segments.reduce((s, x) => s + (x.override?.class === 'creative' ? x.end - x.start : 0), 0);

  const action = (t: Target | null, what: string) => {
    if (!t) return <span className="subtle">Too long an ID for a rule</span>;
    const own = ownRuleFor(rules, t);
    if (own)
      return (
        <button
          type="button"
          className="btn btn-sm"
          disabled={busy}
          ref={register(t.key)}
          onClick={() => {
            returnTo.current = t.key;
            onRemove(own);
          }}
          aria-label={`Undo: remove your rule for ${what}`}
          data-testid="meeting-summary-undo"
        >
          Undo
        </button>
      );
    return (
      <button
        type="button"
        className="btn btn-sm"
        disabled={busy}
        aria-expanded={editing?.key === t.key}
        aria-controls={`${id}-editor`}
        aria-label={`Count ${what} as creative…`}
        ref={register(t.key)}
        onClick={() => (editing?.key === t.key ? close() : open(t))}
        data-testid="meeting-summary-count"
      >
        Count as creative…
      </button>
    );
  };

  const seriesTarget = (s: SeriesSummary): Target | null => {
    const v = ruleValue('series', s.uid);
    return v ? { match: 'series', key: `series:${s.uid}`, value: v, name: s.title || 'Untitled meeting' } : null;
  };
  const orgTarget = (o: OrganizerSummary): Target | null => {
    const v = ruleValue('organizer', o.domain);
    return v ? { match: 'organizer', key: `organizer:${o.domain}`, value: v, name: o.domain } : null;
  };

  const editor = editing ? (
    <form
      id={`${id}-editor`}
      className="series-editor stack"
      onSubmit={submit}
      aria-label={
        editing.match === 'series'
          ? `Count “${editing.name}” as creative`
          : `Count meetings organised by ${editing.name} as creative`
      }
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          close();
        }
      }}
      data-testid="meeting-summary-editor"
    >
      <strong>
        {editing.match === 'series'
          ? `Count every “${editing.name}” as…`
          : `Count meetings organised by ${editing.name} as…`}
      </strong>
      <div className="row gap-8 series-editor-fields">
        <div className="field field-fit">
          <label htmlFor={`${id}-kind`}>Counts as</label>
          <select
            id={`${id}-kind`}
            ref={kindRef}
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            data-testid="meeting-summary-kind"
          >
            <MeetingTargetOptions />
          </select>
        </div>
        {editing.match === 'series' ? (
          <div className="field">
            <label htmlFor={`${id}-label`}>Name in your rules</label>
            <input
              id={`${id}-label`}
              type="text"
              value={label}
              maxLength={MAX_RULE_LABEL_CHARS}
              onChange={(e) => setLabel(e.target.value)}
              aria-describedby={`${id}-label-help`}
              data-testid="meeting-summary-label"
            />
          </div>
        ) : null}
        <button type="submit" className="btn btn-primary btn-sm" disabled={busy} data-testid="meeting-summary-add">
          Add rule
        </button>
        <button type="button" className="btn btn-sm" onClick={close}>
          Cancel
        </button>
      </div>
      <span id={`${id}-label-help`} className="field-help">
        {editing.match === 'series'
          ? 'The rule matches this series wherever it appears, now and in later imports. This name is stored with the rule on this computer so you can recognise it in Settings; change it if the title is sensitive.'
          : editing.name.startsWith('@')
            ? `The rule matches every meeting whose organizer’s address ends in ${editing.name}, now and in later imports.`
            : `The rule matches every meeting organised by ${editing.name}, now and in later imports.`}
      </span>
    </form>
  ) : null;

  return (
    <section className="stack series-summary" aria-labelledby={`${id}-title`} data-testid="meeting-summary">
      <h4 id={`${id}-title`}>Recurring meetings and organizers</h4>
      <p className="cal-summary" data-testid="calendar-creative-share">
        {plan.creativeCount === 0
          ? 'All meetings count as coordination.'
          : `${plan.creativeCount} of ${plan.meetingCount} meetings (${fmt.hours(creativeMs)} of ${fmt.hours(plan.meetingMs)}) count as creative.`}{' '}
        <span className="muted">
          Pick a repeating meeting or an organizer to count it as creative; the preview updates at once.
        </span>
      </p>

      {summary.series.length > 0 ? (
        <DataTable
          caption={`Recurring meetings (${summary.series.length + summary.moreSeries}), most hours first`}
          className="series-table"
          columns={[
            {
              key: 'title',
              header: 'Meeting',
              rowHeader: true,
              render: (s: SeriesSummary) => s.title || <span className="muted">Untitled</span>,
            },
            { key: 'when', header: 'When', render: (s) => typicalText(s, fmt.locale, fmt.clock) },
            { key: 'n', header: 'Meetings', numeric: true, render: (s) => s.occurrences },
            { key: 'ms', header: 'Hours', numeric: true, render: (s) => fmt.hours(s.ms) },
            { key: 'org', header: 'Organizer', render: (s) => s.organizer || <span className="muted">—</span> },
            { key: 'now', header: 'Counts as', render: (s) => countsAsText(s.countsAs, rules) },
            {
              key: 'act',
              header: <span className="visually-hidden">Change</span>,
              render: (s) => action(seriesTarget(s), `“${s.title || 'Untitled'}”`),
            },
          ]}
          rows={summary.series}
          rowKey={(s) => s.uid}
          footer={
            summary.moreSeries > 0 ? (
              <tr>
                <td colSpan={7} className="muted">
                  …and {summary.moreSeries} more (smaller) series.
                </td>
              </tr>
            ) : undefined
          }
          testId="meeting-series"
        />
      ) : (
        <p className="muted" data-testid="meeting-series-none">
          No repeating meetings in the chosen weeks.
        </p>
      )}
      {editing?.match === 'series' ? editor : null}

      {summary.organizers.length > 0 ? (
        <DataTable
          caption={`Organizers (${summary.organizers.length + summary.moreOrganizers}), most hours first`}
          className="series-table"
          columns={[
            { key: 'domain', header: 'Organised by', rowHeader: true, render: (o: OrganizerSummary) => o.domain },
            { key: 'who', header: 'Who', render: (o) => o.addresses.join(', ') },
            { key: 'n', header: 'Meetings', numeric: true, render: (o) => o.meetings },
            { key: 'ms', header: 'Hours', numeric: true, render: (o) => fmt.hours(o.ms) },
            { key: 'now', header: 'Counts as', render: (o) => countsAsText(o.countsAs, rules) },
            {
              key: 'act',
              header: <span className="visually-hidden">Change</span>,
              render: (o) => action(orgTarget(o), `meetings organised by ${o.domain}`),
            },
          ]}
          rows={summary.organizers}
          rowKey={(o) => o.domain}
          footer={
            summary.moreOrganizers > 0 ? (
              <tr>
                <td colSpan={6} className="muted">
                  …and {summary.moreOrganizers} more.
                </td>
              </tr>
            ) : undefined
          }
          testId="meeting-organizers"
        />
      ) : null}
      {summary.own ? (
        <p className="field-help" data-testid="meeting-organizers-own">
          {summary.own.domains.length > 0
            ? `Not listed: ${summary.own.meetings} meeting${summary.own.meetings === 1 ? '' : 's'} (${fmt.hours(summary.own.ms)}) organised by you or from your own domain (${summary.own.domains.join(', ')}) — a rule for your domain would count most of your colleagues’ meetings. Pick those in the repeating meetings above.`
            : `Not listed: ${summary.own.meetings} meeting${summary.own.meetings === 1 ? '' : 's'} (${fmt.hours(summary.own.ms)}) you organised yourself.`}
        </p>
      ) : null}
      {editing?.match === 'organizer' ? editor : null}

      <p className="field-help" role="status" aria-live="polite" data-testid="meeting-summary-status">
        {status ?? ''}
      </p>
    </section>
  );
}
