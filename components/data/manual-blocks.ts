/**
 * The manual blocks card's data: the week's blocks (live), where a new block starts, and the
 * checked writes (add, edit, delete) with their status. The view is components/ManualBlocks.tsx.
 */
import { format } from 'date-fns';
import { useCallback, useMemo, useState } from 'react';
import { CLASS_META } from '@/lib/classify/kinds';
import { manualGroupId, validateManualBlock } from '@/lib/calendar/manual-block';
import {
  FORM_FIELD_OF,
  manualFormToInput,
  type ManualFormField,
  type ManualFormValues,
} from '@/lib/calendar/manual-form';
import type { CreativeRatioDB } from '@/lib/db';
import {
  addManualBlock,
  deleteManualBlock,
  ManualBlockError,
  updateManualBlock,
  type ManualBlock,
} from '@/lib/db/manual';
import { DEFAULT_SETTINGS, type WeekDay } from '@/lib/settings';
import { defaultBlockDate } from '@/lib/ui/default-block-date';
import { weekBounds, weekKeyOf, weekRelation, type WeekKey } from '@/lib/time/week';
import { useManualBlockList } from './queries';

export type FormErrors = Partial<Record<ManualFormField, string>>;

export interface ManualBlocksState {
  week: { key: WeekKey; from: number; to: number };
  /** Whether the week is the current one (the list then speaks of "this week"). */
  current: boolean;
  /** The date a new block starts on (`yyyy-MM-dd`, inside the week): today in the current week, else its first working day. */
  defaultDate: string;
  blocks: ManualBlock[] | undefined;
  /** Add (key null) or replace a block. Returns field errors, or null when saved. */
  save: (values: ManualFormValues, key: string | null) => Promise<FormErrors | null>;
  remove: (key: string) => Promise<void>;
  status: { tone: 'success' | 'error'; text: string } | null;
}

/**
 * The manual blocks of `weekKey` (default: the week containing `now`), live, and the actions that
 * change them. `workingDays` (default: the default settings') place a new block in another week.
 */
export function useManualBlocks(
  db: CreativeRatioDB,
  now: number,
  weekStartsOn: WeekDay,
  weekKey?: WeekKey,
  workingDays: readonly WeekDay[] = DEFAULT_SETTINGS.workingHours.days,
): ManualBlocksState {
  const key = weekKey ?? weekKeyOf(now, weekStartsOn);
  const week = useMemo(() => {
    const { start, end } = weekBounds(key);
    return { key, from: start, to: end };
  }, [key]);
  const blocks = useManualBlockList(db, week.from, week.to);
  const [status, setStatus] = useState<ManualBlocksState['status']>(null);

  const save = useCallback(
    async (values: ManualFormValues, key: string | null): Promise<FormErrors | null> => {
      const form = manualFormToInput(values);
      if (!form.ok) return form.errors;
      const at = Date.now();
      const checked = validateManualBlock(form.input, { now: at, groupId: manualGroupId('check') });
      if (!checked.ok) {
        const errors: FormErrors = {};
        for (const [field, message] of Object.entries(checked.errors))
          errors[FORM_FIELD_OF[field as keyof typeof FORM_FIELD_OF]] = message;
        return errors;
      }
      try {
        if (key) await updateManualBlock(db, key, form.input, at);
        else await addManualBlock(db, form.input, at);
        const what = checked.block.label ? `“${checked.block.label}”` : 'The block';
        setStatus({
          tone: 'success',
          text: key ? `${what} was saved.` : `${what} was added (${CLASS_META[checked.block.class].name}).`,
        });
        return null;
      } catch (err) {
        if (err instanceof ManualBlockError) {
          const errors: FormErrors = {};
          for (const [field, message] of Object.entries(err.errors))
            errors[FORM_FIELD_OF[field as keyof typeof FORM_FIELD_OF]] = message;
          return errors;
        }
        setStatus({ tone: 'error', text: `Nothing was saved: ${err instanceof Error ? err.message : String(err)}` });
        return {};
      }
    },
    [db],
  );

  const remove = useCallback(
    async (key: string) => {
      try {
        await deleteManualBlock(db, key);
        setStatus({ tone: 'success', text: 'The block was deleted.' });
      } catch (err) {
        setStatus({ tone: 'error', text: `Nothing was deleted: ${err instanceof Error ? err.message : String(err)}` });
      }
    },
    [db],
  );

  const defaultDate = defaultBlockDate(key, format(now, 'yyyy-MM-dd'), workingDays);
  const current = weekRelation(key, now) === 'current';
  return { week, current, defaultDate, blocks, save, remove, status };
}
