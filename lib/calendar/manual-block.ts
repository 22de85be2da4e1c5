/**
 * Manual time blocks: time the browser cannot see (a workshop in a meeting room, writing on
 * paper, a phone call). A block is validated, then stored as segments with source 'manual'
 * split at local midnight; its pieces share an `importId` of `manual:<block id>` so the block
 * can be edited or deleted as a whole. Pure.
 */
import { isClassName, isKindId, kindBelongsTo } from '@/lib/classify/kinds';
import type { ClassName, KindId, Segment } from '@/lib/model';
import { splitAtMidnights } from '@/lib/time/days';
import { MAX_LABEL_CHARS } from './limits';
import { EARLIEST_INSTANT } from '@/lib/time/plausible';

export const MANUAL_PREFIX = 'manual:';
export const MAX_MANUAL_BLOCK_MS = 16 * 60 * 60 * 1000;
/** A block may end at most this far after now (planned time later today or tomorrow morning). */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

/** The classes a manual block can count as ("Not work" is `neutral`). */
export const MANUAL_CLASSES: readonly ClassName[] = ['creative', 'coordination', 'neutral'];

export interface ManualBlockInput {
  start: number;
  end: number;
  label: string;
  class: ClassName;
  kind: KindId;
}

export type ManualField = 'start' | 'end' | 'label' | 'class' | 'kind';

export type ManualValidation =
  | { ok: true; block: ManualBlockInput; segments: Segment[] }
  | { ok: false; errors: Partial<Record<ManualField, string>> };

export function manualGroupId(blockId: string): string {
  return `${MANUAL_PREFIX}${blockId}`;
}

export function isManualGroupId(id: string | undefined): boolean {
  return typeof id === 'string' && id.startsWith(MANUAL_PREFIX);
}

/** Collapse spaces and drop control characters. */
export function cleanLabel(label: string): string {
  return label
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Check a block and build its segments. Errors are per field, in words the form shows beside
 * the field. `groupId` (from manualGroupId) is stamped on every piece.
 */
export function validateManualBlock(
  input: ManualBlockInput,
  context: { now: number; groupId: string },
): ManualValidation {
  const errors: Partial<Record<ManualField, string>> = {};
  const { start, end } = input;
  if (typeof start !== 'number' || !Number.isFinite(start)) errors.start = 'Enter a start time.';
  if (typeof end !== 'number' || !Number.isFinite(end)) errors.end = 'Enter an end time.';
  if (!errors.start && !errors.end) {
    if (end <= start) errors.end = 'The end must be after the start.';
    else if (end - start > MAX_MANUAL_BLOCK_MS) errors.end = 'A block can be at most 16 hours long.';
    else if (end > context.now + MAX_FUTURE_MS) errors.end = 'A block cannot end more than a day from now.';
    else if (start < EARLIEST_INSTANT) errors.start = 'A block cannot start before 1 January 2000.';
  }
  const label = typeof input.label === 'string' ? cleanLabel(input.label) : '';
  if (typeof input.label !== 'string') errors.label = 'Enter a label.';
  else if (label.length > MAX_LABEL_CHARS)
    errors.label = `Keep the label to ${MAX_LABEL_CHARS} characters (it has ${label.length}).`;
  if (!isClassName(input.class) || !MANUAL_CLASSES.includes(input.class))
    errors.class = 'Choose Creative, Coordination or Not work.';
  else if (!isKindId(input.kind) || !kindBelongsTo(input.kind, input.class))
    errors.kind = 'Choose a kind of this class.';
  if (!isManualGroupId(context.groupId))
    throw new Error('validateManualBlock: groupId must come from manualGroupId().');
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const block: ManualBlockInput = { start, end, label, class: input.class, kind: input.kind };
  const segments: Segment[] = splitAtMidnights(start, end).map((p) => {
    const seg: Segment = {
      start: p.start,
      end: p.end,
      day: p.day,
      host: '',
      path: '',
      source: 'manual',
      lane: 'focus',
      override: { class: block.class, kind: block.kind },
      importId: context.groupId,
    };
    if (label) seg.label = label;
    return seg;
  });
  return { ok: true, block, segments };
}
