/**
 * The manual-block form's text fields → a block. A date, a start and an end time in local time.
 * An end before the start is an error unless the person says the block ends the next day
 * (`endsNextDay`): "3 PM → 2 PM" is far more often a typo than a 23-hour block. Pure.
 */
import { addDays } from 'date-fns';
import { DEFAULT_KIND, isClassName, isKindId } from '@/lib/classify/kinds';
import type { ClassName, KindId } from '@/lib/model';
import { parseDayKey } from '@/lib/time/days';
import type { ManualBlockInput, ManualField } from './manual-block';

export interface ManualFormValues {
  /** `yyyy-MM-dd` */
  date: string;
  /** `HH:mm` */
  startTime: string;
  /** `HH:mm` */
  endTime: string;
  label: string;
  class: string;
  kind: string;
  /** The person confirmed that an end before the start is on the next day (past midnight). */
  endsNextDay?: boolean;
}

export type ManualFormField = 'date' | 'startTime' | 'endTime' | 'label' | 'class' | 'kind';

export type ManualFormResult =
  | { ok: true; input: ManualBlockInput; overnight: boolean }
  | { ok: false; errors: Partial<Record<ManualFormField, string>> };

function parseTime(v: string): { h: number; m: number } | null {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(v.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  return h <= 23 && mi <= 59 ? { h, m: mi } : null;
}

export function manualFormToInput(values: ManualFormValues): ManualFormResult {
  const errors: Partial<Record<ManualFormField, string>> = {};
  const date = parseDayKey(values.date.trim());
  const st = parseTime(values.startTime);
  const et = parseTime(values.endTime);
  if (!date) errors.date = 'Enter a date.';
  if (!st) errors.startTime = 'Enter a start time (HH:MM).';
  if (!et) errors.endTime = 'Enter an end time (HH:MM).';
  const cls = isClassName(values.class) ? values.class : null;
  if (!cls) errors.class = 'Choose Creative, Coordination or Not work.';
  if (st && et && st.h === et.h && st.m === et.m) errors.endTime = 'The end must be after the start.';
  else if (st && et && et.h * 60 + et.m < st.h * 60 + st.m && !values.endsNextDay) {
    errors.endTime =
      'The end is before the start. Correct the times, or tick "Ends the next day" for a block past midnight.';
  }
  if (!date || !st || !et || !cls || errors.endTime) return { ok: false, errors };
  const startDate = new Date(date.getFullYear(), date.getMonth(), date.getDate(), st.h, st.m);
  const overnight = et.h * 60 + et.m < st.h * 60 + st.m;
  const endDay = overnight ? addDays(date, 1) : date;
  const endDate = new Date(endDay.getFullYear(), endDay.getMonth(), endDay.getDate(), et.h, et.m);
  const kind: KindId = isKindId(values.kind) ? values.kind : DEFAULT_KIND[cls as ClassName];
  return {
    ok: true,
    overnight,
    input: { start: startDate.getTime(), end: endDate.getTime(), label: values.label, class: cls, kind },
  };
}

/** Where a block error shows in the form. */
export const FORM_FIELD_OF: Readonly<Record<ManualField, ManualFormField>> = {
  start: 'startTime',
  end: 'endTime',
  label: 'label',
  class: 'class',
  kind: 'kind',
};
