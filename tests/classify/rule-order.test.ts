// One rule order: the list Settings shows (listRules, from IndexedDB) is the classifier's precedence.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CreativeRatioDB } from '@/lib/db/schema';
import { listRules } from '@/lib/db/rules';
import { createClassifier, type UserRule } from '@/lib/classify';
import { sortRules } from '@/lib/classify/rule-order';

let db: CreativeRatioDB;

beforeEach(async () => {
  db = new CreativeRatioDB(`rule-order-test-${Math.random()}`);
  await db.open();
});

afterEach(() => {
  db.close();
});

const sameHost = (id: number, order: number, createdAt: number): UserRule => ({
  id,
  order,
  createdAt,
  match: { type: 'host', host: 'same.example' },
  class: 'creative',
  kind: 'writing',
  tool: `tool ${id}`,
});

describe('rule order', () => {
  it('sorts by order, then id (unsaved rules last), then creation, without changing its input', () => {
    const rows: UserRule[] = [
      { ...sameHost(3, 1, 0) },
      { ...sameHost(2, 1, 0) },
      { ...sameHost(1, 2, 0) },
      { ...sameHost(9, 0, 5), id: undefined },
      { ...sameHost(9, 0, 4), id: undefined },
      { ...sameHost(8, 0, 9) },
    ];
    const before = rows.map((r) => r.tool);
    expect(sortRules(rows).map((r) => r.tool)).toEqual(['tool 8', 'tool 9', 'tool 9', 'tool 2', 'tool 3', 'tool 1']);
    expect(
      sortRules(rows)
        .map((r) => r.createdAt)
        .slice(1, 3),
    ).toEqual([4, 5]);
    expect(rows.map((r) => r.tool)).toEqual(before);
  });

  it('the Settings list order is the order the classifier tries rules in (ties in order included)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 8 })
          .chain((ids) =>
            fc.tuple(
              fc.constant(ids),
              fc.array(fc.integer({ min: 0, max: 3 }), { minLength: ids.length, maxLength: ids.length }),
              fc.array(fc.integer({ min: 0, max: 3 }), { minLength: ids.length, maxLength: ids.length }),
            ),
          ),
        async ([ids, orders, created]) => {
          const rows = ids.map((id, i) => sameHost(id, orders[i]!, created[i]!));
          await db.rules.clear();
          await db.rules.bulkPut(rows);
          const listed = (await listRules(db)).map((r) => r.tool);
          // The classifier picks the first matching rule; take it away and the next one wins.
          const tried: string[] = [];
          let left = [...rows].reverse();
          while (left.length > 0) {
            const winner = createClassifier(left).classify('same.example', '/').tool;
            tried.push(winner);
            left = left.filter((r) => r.tool !== winner);
          }
          expect(tried).toEqual(listed);
        },
      ),
      { numRuns: 40 },
    );
  });
});
