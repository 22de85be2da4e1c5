import { beforeEach, describe, expect, it } from 'vitest';
import { CreativeRatioDB, deleteAllData, getPlan, savePlanBlocks, savePlanIntent } from '@/lib/db';
import { cleanBlocks } from '@/lib/db/plans';
import type { PlanBlock } from '@/lib/plan/types';

const H = 3_600_000;
const T = Date.UTC(2026, 11, 7, 8);
const b = (id: string, h: number, len = 1.5): PlanBlock => ({
  id,
  start: T + h * H,
  end: T + (h + len) * H,
  kind: 'writing',
});
let db: CreativeRatioDB;

beforeEach(async () => {
  db = new CreativeRatioDB(`plans-${Math.random()}`);
  await db.open();
});

describe('plans table (schema version 3)', () => {
  it('is declared in a version of its own', () => {
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(db.plans.schema.primKey.name).toBe('week');
  });

  it('blocks and intent are saved separately and never overwrite each other', async () => {
    await savePlanIntent(db, '2026-12-07', 'Finish the launch brief before Wednesday', 1);
    await savePlanBlocks(db, '2026-12-07', [b('y', 26), b('x', 2)], 2);
    expect(await getPlan(db, '2026-12-07')).toEqual({
      week: '2026-12-07',
      blocks: [b('x', 2), b('y', 26)],
      intent: 'Finish the launch brief before Wednesday',
      updatedAt: 2,
    });
    await savePlanIntent(db, '2026-12-07', 'Write the case study', 3);
    expect((await getPlan(db, '2026-12-07'))!.blocks).toHaveLength(2);
  });

  it('an empty plan with no intent leaves no row', async () => {
    await savePlanBlocks(db, '2026-12-07', [b('x', 2)], 1);
    await savePlanBlocks(db, '2026-12-07', [], 2);
    expect(await getPlan(db, '2026-12-07')).toBeNull();
    await expect(savePlanIntent(db, '2026-12-07', 'x'.repeat(2001), 3)).rejects.toThrow(/too long/);
  });

  it('delete all data removes plans', async () => {
    await savePlanBlocks(db, '2026-12-07', [b('x', 2)], 1);
    await deleteAllData(db);
    expect(await db.plans.count()).toBe(0);
  });
});

describe('cleanBlocks', () => {
  it.each([
    ['not an array', 'x', []],
    [
      'drops zero-length, NaN, duplicate ids, over a day',
      [b('a', 0), { ...b('b', 1), end: T + H }, { ...b('c', 2), start: NaN }, b('a', 5), b('d', 0, 25)],
      [b('a', 0)],
    ],
    ['unknown kind → focus', [{ ...b('a', 0), kind: 'juggling' }], [{ ...b('a', 0), kind: 'focus' }]],
  ])('%s', (_n, input, want) => {
    expect(cleanBlocks(input)).toEqual(want);
  });
});
