import { useId, useState, type ReactNode } from 'react';
import { describedBy, FieldNotes } from '@/components/FieldNotes';
import { CheckField } from '@/components/CheckField';
import { CLASS_META } from '@/lib/classify/kinds';
import type { ClassName, KindId } from '@/lib/model';
import {
  kindChoices,
  MATCH_TYPES,
  withClass,
  withPastedUrl,
  type DraftErrors,
  type DraftField,
  type MatchType,
  type RuleDraft,
} from '@/lib/ui/rule-form';
import './RuleForm.css';

export interface RuleFormProps {
  initial: RuleDraft;
  /** 'Add rule' or 'Save changes'. */
  submitLabel: string;
  /** Validate and save; resolves with errors to show (nothing was saved) or null when saved. */
  onSubmit: (draft: RuleDraft) => Promise<DraftErrors | null>;
  onCancel?: () => void;
  title: string;
}

const RULE_CLASSES: ClassName[] = ['creative', 'coordination', 'neutral'];

function Field({
  id,
  label,
  error,
  help,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  help?: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      <FieldNotes id={id} error={error} help={help} />
    </div>
  );
}

/** Add or edit one of the person's rules. Errors from validateRule appear beside their field. */
export function RuleForm({ initial, submitLabel, onSubmit, onCancel, title }: RuleFormProps) {
  const uid = useId();
  const [draft, setDraft] = useState<RuleDraft>(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [saving, setSaving] = useState(false);
  const id = (f: DraftField) => `${uid}-${f}`;
  const described = (f: DraftField, help?: boolean) => describedBy(id(f), { help, error: errors[f] });
  const set = (patch: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const type = MATCH_TYPES.find((m) => m.type === draft.matchType)!;
  const kinds = kindChoices(draft.cls);
  const usesHost = draft.matchType === 'host' || draft.matchType === 'path';

  return (
    <form
      className="rule-form stack"
      aria-labelledby={`${uid}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSaving(true);
        void onSubmit(draft).then((errs) => {
          setSaving(false);
          setErrors(errs ?? {});
        });
      }}
      data-testid="rule-form"
    >
      <h3 id={`${uid}-title`}>{title}</h3>
      <div className="rule-form-grid">
        <Field id={id('matchType')} label="Match by" help={type.help}>
          <select
            id={id('matchType')}
            value={draft.matchType}
            aria-describedby={described('matchType', true)}
            onChange={(e) => set({ matchType: e.target.value as MatchType })}
            data-testid="rule-match-type"
          >
            {MATCH_TYPES.map((m) => (
              <option key={m.type} value={m.type}>
                {m.label}
              </option>
            ))}
          </select>
        </Field>
        {usesHost ? (
          <Field id={id('host')} label={draft.matchType === 'path' ? 'Host (or *.domain)' : 'Host'} error={errors.host}>
            <input
              id={id('host')}
              type="text"
              value={draft.host}
              placeholder="app.example.com"
              spellCheck={false}
              autoCapitalize="off"
              aria-invalid={errors.host ? true : undefined}
              aria-describedby={described('host')}
              onChange={(e) => set({ host: e.target.value })}
              onBlur={() => setDraft(withPastedUrl)}
              data-testid="rule-host"
            />
          </Field>
        ) : (
          <Field
            id={id('pattern')}
            label={draft.matchType === 'regex' ? 'Regular expression' : 'Host wildcard'}
            error={errors.pattern}
          >
            <input
              id={id('pattern')}
              type="text"
              className="mono"
              value={draft.pattern}
              placeholder={draft.matchType === 'regex' ? '^app\\.example\\.com/email/' : '*.example.com'}
              spellCheck={false}
              autoCapitalize="off"
              aria-invalid={errors.pattern ? true : undefined}
              aria-describedby={described('pattern')}
              onChange={(e) => set({ pattern: e.target.value })}
              data-testid="rule-pattern"
            />
          </Field>
        )}
        {draft.matchType === 'path' ? (
          <Field id={id('pathPrefix')} label="Path starts with" error={errors.pathPrefix}>
            <input
              id={id('pathPrefix')}
              type="text"
              className="mono"
              value={draft.pathPrefix}
              placeholder="/document"
              spellCheck={false}
              autoCapitalize="off"
              aria-invalid={errors.pathPrefix ? true : undefined}
              aria-describedby={described('pathPrefix')}
              onChange={(e) => set({ pathPrefix: e.target.value })}
              data-testid="rule-path"
            />
          </Field>
        ) : null}
        <Field id={id('cls')} label="Counts as" error={errors.cls}>
          <select
            id={id('cls')}
            value={draft.cls}
            aria-invalid={errors.cls ? true : undefined}
            aria-describedby={described('cls')}
            onChange={(e) => setDraft((d) => withClass(d, e.target.value as ClassName | ''))}
            data-testid="rule-class"
          >
            <option value="">Choose…</option>
            {RULE_CLASSES.map((c) => (
              <option key={c} value={c}>
                {CLASS_META[c].name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('kind')} label="Kind (optional)" error={errors.kind}>
          <select
            id={id('kind')}
            value={draft.kind}
            disabled={kinds.length === 0}
            aria-invalid={errors.kind ? true : undefined}
            aria-describedby={described('kind')}
            onChange={(e) => set({ kind: e.target.value as KindId | '' })}
            data-testid="rule-kind"
          >
            <option value="">{draft.cls === '' ? 'Choose a class first' : 'Default for the class'}</option>
            {kinds.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('tool')} label="Tool name (optional)" error={errors.tool}>
          <input
            id={id('tool')}
            type="text"
            value={draft.tool}
            placeholder="e.g. Agency proofing"
            aria-invalid={errors.tool ? true : undefined}
            aria-describedby={described('tool')}
            onChange={(e) => set({ tool: e.target.value })}
            data-testid="rule-tool"
          />
        </Field>
      </div>
      <CheckField
        checked={draft.onlyFromToday}
        onChange={(yes) => set({ onlyFromToday: yes, keepFromTime: undefined })}
        testId="rule-from-today"
      >
        Only from today on (earlier weeks keep their current classification)
      </CheckField>
      {errors.onlyFromToday ? (
        <span className="field-error" role="alert">
          {errors.onlyFromToday}
        </span>
      ) : null}
      {errors.form ? (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={saving} data-testid="rule-submit">
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
