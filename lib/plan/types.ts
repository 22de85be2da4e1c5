/**
 * The focus plan's vocabulary: a block of protected creative time in a week to come. Pure types
 * and small helpers only.
 */
import type { CreativeKind } from '@/lib/model';

/** What a block is for: a creative kind, or plain "focus" when the person has not said. */
export type FocusKind = CreativeKind | 'focus';

export const FOCUS_KINDS: readonly FocusKind[] = ['focus', 'writing', 'design', 'research', 'building', 'ai'];

const KIND_TITLES: Record<FocusKind, string> = {
  focus: 'deep work',
  writing: 'writing',
  design: 'design',
  research: 'research',
  building: 'building',
  ai: 'AI work',
};

export interface PlanBlock {
  /** Stable id (the .ics UID is derived from it, so a re-import updates the same event). */
  id: string;
  /** Start instant, epoch ms. */
  start: number;
  /** End instant (exclusive), epoch ms; end − start is 60–120 min for suggested blocks. */
  end: number;
  kind: FocusKind;
}

/** A stretch of time that is already taken (a meeting), epoch ms. */
export interface Busy {
  start: number;
  end: number;
}

export function isFocusKind(v: unknown): v is FocusKind {
  return typeof v === 'string' && (FOCUS_KINDS as readonly string[]).includes(v);
}

/** The block's calendar title, e.g. "Focus: writing". */
export function blockTitle(kind: FocusKind): string {
  return `Focus: ${KIND_TITLES[kind]}`;
}

/** Blocks in start order (a copy). */
export function sortBlocks<T extends Pick<PlanBlock, 'start' | 'end'>>(blocks: readonly T[]): T[] {
  return [...blocks].sort((a, b) => a.start - b.start || a.end - b.end);
}

export const MIN_BLOCK_MIN = 60;
export const MAX_BLOCK_MIN = 120;
/** Lengths the editor offers (minutes). */
export const BLOCK_LENGTHS = [30, 45, 60, 75, 90, 105, 120, 150, 180] as const;
