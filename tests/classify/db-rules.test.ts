// Dexie access for rules with fake-indexeddb (tests/setup.ts installs a fresh IndexedDB per test).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CreativeRatioDB } from '@/lib/db/schema';
import {
  addRule,
  deleteRule,
  listRules,
  moveRule,
  moveRuleDown,
  moveRuleUp,
  replaceAllRules,
  RuleNotFoundError,
  RuleValidationError,
  updateRule,
} from '@/lib/db/rules';
import { createClassifier, exportRules, parseRulesImport, type UserRule } from '@/lib/classify';

let db: CreativeRatioDB;

beforeEach(async () => {
  db = new CreativeRatioDB(`rules-test-${Math.random()}`);
  await db.open();
});

afterEach(() => {
  db.close();
});

const hostRule = (host: string, extra: Record<string, unknown> = {}) => ({
  match: { type: 'host', host },
  class: 'neutral',
  ...extra,
});
const hosts = (rules: UserRule[]) => rules.map((r) => (r.match.type === 'host' ? r.match.host : r.match.type));

describe('rules CRUD', () => {
  it('adds validated, normalised rules at the end with dense orders', async () => {
    const a = await addRule(db, hostRule('WWW.A.com'), { now: 5 });
    const b = await addRule(db, hostRule('b.com'), { now: 6 });
    expect(a).toEqual({ id: a.id, order: 0, match: { type: 'host', host: 'a.com' }, class: 'neutral', createdAt: 5 });
    expect(b.order).toBe(1);
    expect(hosts(await listRules(db))).toEqual(['a.com', 'b.com']);
  });

  it('inserts at an index, shifting the others', async () => {
    await addRule(db, hostRule('a.com'));
    await addRule(db, hostRule('b.com'));
    await addRule(db, hostRule('first.com'), { index: 0 });
    await addRule(db, hostRule('middle.com'), { index: 2 });
    const rules = await listRules(db);
    expect(hosts(rules)).toEqual(['first.com', 'a.com', 'middle.com', 'b.com']);
    expect(rules.map((r) => r.order)).toEqual([0, 1, 2, 3]);
  });

  it('refuses invalid rules and stores nothing', async () => {
    await expect(addRule(db, hostRule('https://x.com'))).rejects.toBeInstanceOf(RuleValidationError);
    await expect(addRule(db, { match: { type: 'regex', pattern: '(a+)+' }, class: 'creative' })).rejects.toMatchObject({
      errors: { 'match.pattern': expect.stringContaining('freeze the browser') },
    });
    expect(await listRules(db)).toEqual([]);
  });

  it('updates match, class and kind, keeping id, order and createdAt', async () => {
    const a = await addRule(
      db,
      { match: { type: 'host', host: 'a.com' }, class: 'creative', kind: 'design', tool: 'A' },
      { now: 1 },
    );
    const updated = await updateRule(db, a.id as number, { class: 'coordination' });
    expect(updated).toEqual({
      id: a.id,
      order: 0,
      match: { type: 'host', host: 'a.com' },
      class: 'coordination',
      tool: 'A',
      createdAt: 1,
    });
    const cleared = await updateRule(db, a.id as number, {
      tool: undefined,
      kind: 'project',
      match: { type: 'wildcard', pattern: '*.A.com' },
    });
    expect(cleared).toEqual({
      id: a.id,
      order: 0,
      match: { type: 'wildcard', pattern: '*.a.com' },
      class: 'coordination',
      kind: 'project',
      createdAt: 1,
    });
    expect(await listRules(db)).toEqual([cleared]);
  });

  it('rejects invalid updates and unknown ids without changing anything', async () => {
    const a = await addRule(db, hostRule('a.com'));
    await expect(updateRule(db, a.id as number, { kind: 'design' })).rejects.toBeInstanceOf(RuleValidationError);
    await expect(updateRule(db, 999, { class: 'creative' })).rejects.toBeInstanceOf(RuleNotFoundError);
    expect(await listRules(db)).toEqual([a]);
  });

  it('deletes and closes the gap', async () => {
    const a = await addRule(db, hostRule('a.com'));
    await addRule(db, hostRule('b.com'));
    await addRule(db, hostRule('c.com'));
    await deleteRule(db, a.id as number);
    const rules = await listRules(db);
    expect(hosts(rules)).toEqual(['b.com', 'c.com']);
    expect(rules.map((r) => r.order)).toEqual([0, 1]);
    await deleteRule(db, 12345);
    expect(await listRules(db)).toHaveLength(2);
  });
});

describe('reordering', () => {
  async function seed(): Promise<UserRule[]> {
    const out: UserRule[] = [];
    for (const h of ['a.com', 'b.com', 'c.com', 'd.com']) out.push(await addRule(db, hostRule(h)));
    return out;
  }

  it('moves to an index', async () => {
    const [a, , , d] = await seed();
    expect(hosts(await moveRule(db, d?.id as number, 0))).toEqual(['d.com', 'a.com', 'b.com', 'c.com']);
    expect(hosts(await moveRule(db, a?.id as number, 99))).toEqual(['d.com', 'b.com', 'c.com', 'a.com']);
    expect((await listRules(db)).map((r) => r.order)).toEqual([0, 1, 2, 3]);
  });

  it('moves up and down, no-op at the ends', async () => {
    const [a, b] = await seed();
    expect(hosts(await moveRuleUp(db, b?.id as number))).toEqual(['b.com', 'a.com', 'c.com', 'd.com']);
    expect(hosts(await moveRuleUp(db, b?.id as number))).toEqual(['b.com', 'a.com', 'c.com', 'd.com']);
    expect(hosts(await moveRuleDown(db, a?.id as number))).toEqual(['b.com', 'c.com', 'a.com', 'd.com']);
    await moveRuleDown(db, a?.id as number);
    expect(hosts(await moveRuleDown(db, a?.id as number))).toEqual(['b.com', 'c.com', 'd.com', 'a.com']);
    await expect(moveRuleUp(db, 999)).rejects.toBeInstanceOf(RuleNotFoundError);
  });

  it('order decides ties in the classifier', async () => {
    const first = await addRule(db, { match: { type: 'host', host: 'x.com' }, class: 'creative', kind: 'design' });
    await addRule(db, { match: { type: 'host', host: 'x.com' }, class: 'neutral' });
    expect(createClassifier(await listRules(db)).classify('x.com', '').class).toBe('creative');
    await moveRuleDown(db, first.id as number);
    expect(createClassifier(await listRules(db)).classify('x.com', '').class).toBe('neutral');
  });
});

describe('replace all (import)', () => {
  it('replaces every rule from an import, with fresh ids and dense orders', async () => {
    await addRule(db, hostRule('old.com'));
    const parsed = parseRulesImport(
      exportRules([
        { order: 0, match: { type: 'host', host: 'n1.com' }, class: 'neutral', createdAt: 1_700_000_000_001 },
        {
          order: 1,
          match: { type: 'path', host: 'n2.com', pathPrefix: '/x' },
          class: 'creative',
          kind: 'writing',
          createdAt: 1_700_000_000_002,
        },
      ]),
    );
    if (!parsed.ok) throw new Error('import failed');
    const stored = await replaceAllRules(db, parsed.rules);
    expect(stored.map((r) => r.order)).toEqual([0, 1]);
    expect(stored.every((r) => typeof r.id === 'number')).toBe(true);
    expect(await listRules(db)).toEqual(stored);
  });

  it('is atomic: an invalid rule leaves the old rules untouched', async () => {
    const old = await addRule(db, hostRule('old.com'));
    await expect(replaceAllRules(db, [hostRule('n1.com'), hostRule('bad host')])).rejects.toMatchObject({
      errors: { 'match.host': 'Rule 2: A host cannot contain spaces.' },
    });
    expect(await listRules(db)).toEqual([old]);
  });

  it('is atomic when storage fails half-way', async () => {
    const old = await addRule(db, hostRule('old.com'));
    const original = db.rules.bulkAdd.bind(db.rules);
    (db.rules as { bulkAdd: unknown }).bulkAdd = async () => {
      throw new Error('QuotaExceededError');
    };
    await expect(replaceAllRules(db, [hostRule('n1.com')])).rejects.toThrow('QuotaExceededError');
    (db.rules as { bulkAdd: unknown }).bulkAdd = original;
    expect(await listRules(db)).toEqual([old]);
  });
});
