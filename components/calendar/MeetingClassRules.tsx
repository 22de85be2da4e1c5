import { useId, useState, type FormEvent } from 'react';
import { KINDS } from '@/lib/classify/kinds';
import {
  DEFAULT_MEETING_CLASS_RULES,
  makeMeetingRule,
  MAX_MEETING_CLASS_RULES,
  type MeetingClassRule,
  type MeetingClassSettings,
  type MeetingMatch,
} from '@/lib/calendar/meeting-classes';
import { MAX_PHRASE_WORDS, ruleRejudges } from '@/lib/calendar/meeting-fingerprints';
import { MeetingTargetOptions, meetingTarget } from './MeetingTarget';
import './MeetingClassRules.css';

const MATCH_LABEL: Record<MeetingMatch, string> = {
  title: 'Title has',
  series: 'Repeating series (UID)',
  organizer: 'Organized by',
};

/** How the rule list names a rule's match: a picked series by the name the person gave it, never its UID. */
export function meetingRuleSubject(r: Pick<MeetingClassRule, 'match' | 'value' | 'label'>): string {
  if (r.match === 'series' && r.label) return `Repeating meeting “${r.label}”`;
  return `${MATCH_LABEL[r.match]} “${r.value}”`;
}

/** "Creative · Research & strategy" or "Coordination · Meetings". */
export function meetingRuleTarget(r: Pick<MeetingClassRule, 'class' | 'kind'>): string {
  return r.class === 'creative' ? `Creative · ${KINDS[r.kind].name}` : 'Coordination · Meetings';
}

export interface MeetingClassRulesProps {
  value: MeetingClassSettings;
  /**
   * Save the settings and re-apply them to the stored meetings (the page wires
   * `applyMeetingClasses` of components/data/meeting-classes.ts); resolves with the status sentence.
   */
  apply: (next: MeetingClassSettings) => Promise<string>;
}

/** Settings → Calendar: which meetings count as creative work. */
export function MeetingClassRules({ value, apply: applyNext }: MeetingClassRulesProps) {
  const id = useId();
  const [match, setMatch] = useState<MeetingMatch>('title');
  const [text, setText] = useState('');
  const [target, setTarget] = useState<string>('creative:research');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const off = new Set(value.disabledDefaults);

  const apply = async (next: MeetingClassSettings) => {
    setBusy(true);
    try {
      setStatus(await applyNext(next));
    } catch (e) {
      setStatus(`Not applied: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const add = (e: FormEvent) => {
    e.preventDefault();
    const [cls, kind] = meetingTarget(target);
    const rule = makeMeetingRule(`rule:${Date.now().toString(36)}`, match, text, cls, kind);
    if (!rule) {
      setError(
        match === 'organizer'
          ? 'Enter an address (ann@example.com) or a whole domain (@example.com).'
          : 'Enter what to look for.',
      );
      return;
    }
    if (value.rules.length >= MAX_MEETING_CLASS_RULES) {
      setError(`At most ${MAX_MEETING_CLASS_RULES} rules.`);
      return;
    }
    setError(null);
    setText('');
    const rest = value.rules.filter((r) => !(r.match === rule.match && r.value === rule.value));
    void apply({ ...value, rules: [rule, ...rest] });
  };

  return (
    <div className="stack gap-10" data-testid="meeting-classes">
      <h3>Which meetings are creative work?</h3>
      <p className="muted">
        Meetings count as coordination unless a rule says otherwise. Your rules come first, then the defaults. Changing
        a rule rewrites past weeks at once, for title, series and organizer rules alike (meetings imported before this
        version: by kept title only, until you import the file again or the subscription refreshes).
      </p>
      <fieldset className="stack gap-4">
        <legend className="muted">Defaults</legend>
        {DEFAULT_MEETING_CLASS_RULES.map((r) => (
          <label key={r.id} className="check">
            <input
              type="checkbox"
              checked={!off.has(r.id)}
              disabled={busy}
              onChange={(e) => {
                const set = new Set(value.disabledDefaults);
                if (e.target.checked) set.delete(r.id);
                else set.add(r.id);
                void apply({ ...value, disabledDefaults: [...set] });
              }}
              data-testid="meeting-default"
            />
            “{r.value}” in the title → {meetingRuleTarget(r)}
          </label>
        ))}
      </fieldset>
      {value.rules.length > 0 ? (
        <ul className="stack gap-4 meeting-rule-list" aria-label="Your meeting rules" data-testid="meeting-rules">
          {value.rules.map((r) => (
            <li key={r.id}>
              {meetingRuleSubject(r)} → {meetingRuleTarget(r)}{' '}
              {ruleRejudges(r) ? null : (
                <span className="subtle" data-testid="meeting-rule-import-only">
                  (applies at the next import or refresh: past meetings are matched by phrases of up to{' '}
                  {MAX_PHRASE_WORDS} words that start and end with a letter or digit){' '}
                </span>
              )}
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                disabled={busy}
                aria-label={`Delete the rule ${meetingRuleSubject(r)}`}
                onClick={() => void apply({ ...value, rules: value.rules.filter((x) => x.id !== r.id) })}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form className="row" onSubmit={add} aria-label="Add a meeting rule">
        <label htmlFor={`${id}-match`} className="visually-hidden">
          Match meetings by
        </label>
        <select
          id={`${id}-match`}
          value={match}
          onChange={(e) => setMatch(e.target.value as MeetingMatch)}
          disabled={busy}
        >
          {(Object.keys(MATCH_LABEL) as MeetingMatch[]).map((m) => (
            <option key={m} value={m}>
              {MATCH_LABEL[m]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-value`} className="visually-hidden">
          {match === 'title'
            ? 'Words in the title'
            : match === 'organizer'
              ? 'Organizer address or @domain'
              : 'Series UID'}
        </label>
        <input
          id={`${id}-value`}
          type="text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={
            match === 'title'
              ? 'e.g. messaging session'
              : match === 'organizer'
                ? 'ann@example.com or @example.com'
                : 'UID of the series'
          }
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          disabled={busy}
          data-testid="meeting-rule-value"
        />
        <label htmlFor={`${id}-target`} className="visually-hidden">
          Counts as
        </label>
        <select
          id={`${id}-target`}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          disabled={busy}
          data-testid="meeting-rule-target"
        >
          <MeetingTargetOptions />
        </select>
        <button type="submit" className="btn btn-sm" disabled={busy} data-testid="meeting-rule-add">
          Add rule
        </button>
      </form>
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="field-help" role="status" aria-live="polite" data-testid="meeting-rules-status">
        {status ??
          `Titles, organizers and series UIDs are not stored in readable form: each meeting keeps fingerprints of them, so rules can judge past meetings again. Title phrases of more than ${MAX_PHRASE_WORDS} words apply at the next import or refresh. Pick a repeating meeting or an organizer in the preview of a calendar file instead of typing its ID.`}
      </p>
    </div>
  );
}
