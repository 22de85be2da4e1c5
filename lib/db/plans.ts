/**
 * Focus plans (one row per planned week) and the "next week I will…" intent kept with them.
 * Each update is one read-write transaction, so the plan editor and the intent field never
 * overwrite each other's part of the row.
 */
import type { CreativeRatioDB, PlanRow } from '@/lib/db/schema';
import { isFocusKind, sortBlocks, type PlanBlock } from '@/lib/plan/types';

export const MAX_PLAN_BLOCKS = 40;
export const MAX_INTENT_CHARS = 2_000;

/** The valid blocks of anything stored or passed in (dropped: malformed, zero-length, beyond the limit). */
export function cleanBlocks(input: unknown): PlanBlock[] {
  if (!Array.isArray(input)) return [];
  const out: PlanBlock[] = [];
  const ids = new Set<string>();
  for (const b of input as unknown[]) {
    if (typeof b !== 'object' || b === null) continue;
    const { id, start, end, kind } = b as Record<string, unknown>;
    if (typeof id !== 'string' || !id || id.length > 100 || ids.has(id)) continue;
    if (
      typeof start !== 'number' ||
      typeof end !== 'number' ||
      !Number.isFinite(start) ||
      !Number.isFinite(end) ||
      end <= start
    )
      continue;
    if (end - start > 24 * 3_600_000) continue;
    ids.add(id);
    out.push({ id, start, end, kind: isFocusKind(kind) ? kind : 'focus' });
  }
  return sortBlocks(out).slice(0, MAX_PLAN_BLOCKS);
}

export async function getPlan(db: CreativeRatioDB, week: string): Promise<PlanRow | null> {
  const row = await db.plans.get(week);
  return row
    ? {
        week: row.week,
        blocks: cleanBlocks(row.blocks),
        intent: typeof row.intent === 'string' ? row.intent : '',
        updatedAt: row.updatedAt,
      }
    : null;
}

/** Replace the week's blocks (the intent is kept). An empty plan with no intent deletes the row. */
export async function savePlanBlocks(
  db: CreativeRatioDB,
  week: string,
  blocks: readonly PlanBlock[],
  now: number,
): Promise<void> {
  const clean = cleanBlocks(blocks);
  await db.transaction('rw', db.plans, async () => {
    const intent = (await db.plans.get(week))?.intent ?? '';
    if (clean.length === 0 && !intent) await db.plans.delete(week);
    else await db.plans.put({ week, blocks: clean, intent, updatedAt: now });
  });
}

/** Set the intent for the week `week` (written in the review of the week before; the blocks are kept). */
export async function savePlanIntent(db: CreativeRatioDB, week: string, intent: string, now: number): Promise<void> {
  if (intent.length > MAX_INTENT_CHARS)
    throw new Error(`The intent is too long (${MAX_INTENT_CHARS.toLocaleString('en')} characters at most).`);
  await db.transaction('rw', db.plans, async () => {
    const blocks = (await db.plans.get(week))?.blocks ?? [];
    if (blocks.length === 0 && !intent) await db.plans.delete(week);
    else await db.plans.put({ week, blocks: cleanBlocks(blocks), intent, updatedAt: now });
  });
}
