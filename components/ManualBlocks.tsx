import { format } from 'date-fns';
import { useId, useRef, useState } from 'react';
import { Banner } from '@/components/Banner';
import { RecordList } from '@/components/RecordList';
import { useFormatters } from '@/components/hooks';
import type { FormErrors, ManualBlocksState } from '@/components/data/manual-blocks';
import { CLASS_META, KINDS, kindsOfClass } from '@/lib/classify/kinds';
import { MAX_LABEL_CHARS } from '@/lib/calendar/limits';
import { MANUAL_CLASSES } from '@/lib/calendar/manual-block';
import type { ManualFormField, ManualFormValues } from '@/lib/calendar/manual-form';
import type { ManualBlock } from '@/lib/db/manual';
import type { ClassName } from '@/lib/model';
import { formatWeekRange } from '@/lib/ui/week';
import './calendar.css';

function firstKind(cls: ClassName): string {
  return kindsOfClass(cls)[0]?.id ?? 'unknown';
}

function emptyForm(date: string): ManualFormValues {
  return { date, startTime: '09:00', endTime: '10:00', label: '', class: 'creative', kind: firstKind('creative') };
}

function formOf(b: ManualBlock): ManualFormValues {
  return {
    date: format(b.start, 'yyyy-MM-dd'),
    startTime: format(b.start, 'HH:mm'),
    endTime: format(b.end, 'HH:mm'),
    label: b.label,
    class: b.class,
    kind: b.kind,
    endsNextDay: format(b.end, 'yyyy-MM-dd') !== format(b.start, 'yyyy-MM-dd'),
  };
}

const FIELD_ORDER: ManualFormField[] = ['date', 'startTime', 'endTime', 'label', 'class', 'kind'];

export interface ManualBlocksProps {
  /** The week's blocks and the actions that change them (`useManualBlocks`, components/data/manual-blocks.ts). */
  state: ManualBlocksState;
}

/**
 * Add time the browser cannot see (a workshop, writing on paper, a phone call) and list the
 * week's blocks with edit and delete. A new block starts on `state.defaultDate`. Mount inside a
 * card or dialog that has its own heading (e.g. Dashboard → "Add time").
 */
export function ManualBlocks({ state }: ManualBlocksProps) {
  const { defaultDate, current } = state;
  const fmt = useFormatters();
  const id = useId();
  const [values, setValues] = useState<ManualFormValues>(() => emptyForm(defaultDate));
  const [editing, setEditing] = useState<string | null>(null);
  // A new default (another week, the working days loaded, midnight) moves a date nobody has changed.
  const [shownDefault, setShownDefault] = useState(defaultDate);
  if (shownDefault !== defaultDate) {
    setShownDefault(defaultDate);
    if (!editing && values.date === shownDefault) setValues({ ...values, date: defaultDate });
  }
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const refs = useRef<Partial<Record<ManualFormField, HTMLElement | null>>>({});

  const set = (patch: Partial<ManualFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch) as ManualFormField[]) delete next[k];
      if ('startTime' in patch || 'date' in patch || 'endsNextDay' in patch) delete next.endTime;
      return next;
    });
  };

  const cls = (MANUAL_CLASSES as readonly string[]).includes(values.class) ? (values.class as ClassName) : 'creative';
  const kinds = kindsOfClass(cls);
  // An end before the start asks: a typo (3 PM → 2 PM) or a block past midnight? Nothing is assumed.
  const endBeforeStart =
    /^\d{1,2}:\d{2}$/.test(values.startTime) &&
    /^\d{1,2}:\d{2}$/.test(values.endTime) &&
    values.endTime.padStart(5, '0') < values.startTime.padStart(5, '0');

  const submit = async () => {
    setBusy(true);
    const result = await state.save(values, editing);
    setBusy(false);
    if (result === null) {
      setErrors({});
      setEditing(null);
      setValues((v) => ({ ...emptyForm(defaultDate), date: v.date, class: v.class, kind: v.kind }));
      return;
    }
    setErrors(result);
    const first = FIELD_ORDER.find((f) => result[f]);
    if (first) refs.current[first]?.focus();
  };

  const describedBy = (field: ManualFormField, help?: string) =>
    [help ?? '', errors[field] ? `${id}-${field}-error` : ''].filter(Boolean).join(' ') || undefined;
  const errorText = (field: ManualFormField) =>
    errors[field] ? (
      <span id={`${id}-${field}-error`} className="field-error" data-testid={`manual-error-${field}`}>
        {errors[field]}
      </span>
    ) : null;

  return (
    <div className="stack manual-blocks" data-testid="manual-blocks">
      <p className="muted">
        Add time the browser cannot see — a workshop in a meeting room, writing on paper, a phone call. It replaces any
        tracked time at the same moment.
      </p>

      <form
        className="stack"
        noValidate
        aria-labelledby={`${id}-form-title`}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        data-testid="manual-form"
      >
        <h3 id={`${id}-form-title`}>{editing ? 'Edit block' : 'Add a block'}</h3>
        <div className="manual-form-grid">
          <div className="field">
            <label htmlFor={`${id}-date`}>Date</label>
            <input
              id={`${id}-date`}
              ref={(el) => {
                refs.current.date = el;
              }}
              type="date"
              value={values.date}
              onChange={(e) => set({ date: e.target.value })}
              aria-invalid={errors.date ? true : undefined}
              aria-describedby={describedBy('date')}
            />
            {errorText('date')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-start`}>Start</label>
            <input
              id={`${id}-start`}
              ref={(el) => {
                refs.current.startTime = el;
              }}
              type="time"
              value={values.startTime}
              onChange={(e) => set({ startTime: e.target.value })}
              aria-invalid={errors.startTime ? true : undefined}
              aria-describedby={describedBy('startTime')}
            />
            {errorText('startTime')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-end`}>End</label>
            <input
              id={`${id}-end`}
              ref={(el) => {
                refs.current.endTime = el;
              }}
              type="time"
              value={values.endTime}
              onChange={(e) => set({ endTime: e.target.value })}
              aria-invalid={errors.endTime ? true : undefined}
              aria-describedby={describedBy('endTime')}
            />
            {errorText('endTime')}
            {endBeforeStart ? (
              <label className="check" data-testid="manual-next-day">
                <input
                  type="checkbox"
                  checked={values.endsNextDay === true}
                  onChange={(e) => set({ endsNextDay: e.target.checked })}
                />
                Ends the next day
              </label>
            ) : null}
          </div>
          <div className="field field-wide">
            <label htmlFor={`${id}-label`}>Label</label>
            <input
              id={`${id}-label`}
              ref={(el) => {
                refs.current.label = el;
              }}
              type="text"
              value={values.label}
              placeholder="e.g. Messaging workshop"
              onChange={(e) => set({ label: e.target.value })}
              aria-invalid={errors.label ? true : undefined}
              aria-describedby={describedBy('label', `${id}-label-help`)}
            />
            <span id={`${id}-label-help`} className="field-help">
              Optional, up to {MAX_LABEL_CHARS} characters.
            </span>
            {errorText('label')}
          </div>
        </div>

        <fieldset aria-describedby={describedBy('class')}>
          <legend>Counts as</legend>
          <div className="row gap-14">
            {MANUAL_CLASSES.map((c, i) => (
              <label key={c} className="check">
                <input
                  type="radio"
                  name={`${id}-class`}
                  value={c}
                  checked={values.class === c}
                  ref={
                    i === 0
                      ? (el) => {
                          refs.current.class = el;
                        }
                      : undefined
                  }
                  onChange={() => set({ class: c, kind: firstKind(c) })}
                />
                {CLASS_META[c].name}
              </label>
            ))}
          </div>
          {errorText('class')}
        </fieldset>

        <div className="field manual-label-field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select
            id={`${id}-kind`}
            ref={(el) => {
              refs.current.kind = el;
            }}
            value={values.kind}
            onChange={(e) => set({ kind: e.target.value })}
            aria-invalid={errors.kind ? true : undefined}
            aria-describedby={describedBy('kind')}
          >
            {kinds.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
          </select>
          {errorText('kind')}
        </div>

        <div className="row">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="manual-submit">
            {editing ? 'Save changes' : 'Add block'}
          </button>
          {editing ? (
            <button
              type="button"
              className="btn"
              onClick={() => {
                setEditing(null);
                setErrors({});
                setValues(emptyForm(defaultDate));
              }}
            >
              Cancel editing
            </button>
          ) : null}
        </div>
      </form>

      <div role="status" aria-live="polite" className="cal-status" data-testid="manual-status">
        {state.status ? (
          <Banner tone={state.status.tone} live={false}>
            {state.status.text}
          </Banner>
        ) : null}
      </div>

      <RecordList
        title={current ? 'This week’s blocks' : `Blocks in the week of ${formatWeekRange(state.week.key, fmt.locale)}`}
        items={state.blocks}
        itemKey={(b) => b.key}
        empty={current ? 'No blocks this week.' : 'No blocks that week.'}
        renderItem={(b) => (
          <>
            <span className="manual-block-time">
              {fmt.date(b.start)}, {fmt.clock(b.start)}–{fmt.clock(b.end)}
            </span>
            <span className="manual-block-label">{b.label || <span className="subtle">No label</span>}</span>
            <span className="badge" data-class={b.class}>
              {CLASS_META[b.class].name} · {KINDS[b.kind].name}
            </span>
            <span className="muted">{fmt.duration(b.end - b.start)}</span>
          </>
        )}
        actions={(b) => (
          <button
            type="button"
            className="btn btn-sm"
            aria-label={`Edit ${b.label || 'block'} on ${fmt.date(b.start)}`}
            onClick={() => {
              setEditing(b.key);
              setErrors({});
              setValues(formOf(b));
              refs.current.date?.focus();
            }}
          >
            Edit
          </button>
        )}
        deleteLabel={(b) => `Delete ${b.label || 'block'} on ${fmt.date(b.start)}`}
        confirmLabel={() => 'Delete this block?'}
        onDelete={(b) => {
          if (editing === b.key) {
            setEditing(null);
            setValues(emptyForm(defaultDate));
          }
          void state.remove(b.key);
        }}
        listTestId="manual-list"
        rowTestId="manual-row"
      />
    </div>
  );
}
