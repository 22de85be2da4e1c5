/**
 * The person's classification rules in Dexie: list, add, update, delete, reorder and replace-all.
 *
 * Every write validates through lib/classify's validateRule (nothing invalid is ever stored) and runs in
 * one read-write transaction. Orders are kept dense (0…n-1) by every operation that moves rules, so
 * "move up/down" and "move to index" are plain index arithmetic. Rules are separate data from the
 * built-in catalog: a new catalog never rewrites them.
 */
import type { CreativeRatioDB } from './schema';
import type { UserRule } from '@/lib/classify/types';
import { sortRules } from '@/lib/classify/rule-order';
import { validateRule, type RuleErrors, type ValidateRuleOptions } from '@/lib/classify/validate-rule';
import { KINDS } from '@/lib/classify/kinds';
import { MAX_UNANCHORED_REGEX_RULES, UNANCHORED_REGEX_MESSAGE, unanchoredRegexCount } from '@/lib/classify/match';

/** Refuse a write that would leave more unanchored regex rules than the classifier tries per key. */
function checkRegexBudget(rules: readonly UserRule[]): void {
  if (unanchoredRegexCount(rules) > MAX_UNANCHORED_REGEX_RULES)
    throw new RuleValidationError({ 'match.pattern': UNANCHORED_REGEX_MESSAGE });
}

/** Thrown when a rule handed to a write is invalid; `errors` are validateRule's field messages. */
export class RuleValidationError extends Error {
  constructor(readonly errors: RuleErrors) {
    super(
      `Invalid rule: ${Object.entries(errors)
        .map(([f, m]) => `${f}: ${m}`)
        .join('; ')}`,
    );
    this.name = 'RuleValidationError';
  }
}

/** Thrown when a rule id does not exist. */
export class RuleNotFoundError extends Error {
  constructor(readonly id: number) {
    super(`No rule with id ${id}.`);
    this.name = 'RuleNotFoundError';
  }
}

/** The person's rules, in the order the classifier tries them (lib/classify/rule-order.ts). */
export async function listRules(db: CreativeRatioDB): Promise<UserRule[]> {
  return sortRules(await db.rules.toArray());
}

function checked(input: unknown, options: ValidateRuleOptions): UserRule {
  const result = validateRule(input, options);
  if (!result.ok) throw new RuleValidationError(result.errors);
  return result.rule;
}

/** Rewrite `order` as 0…n-1 following the array, touching only rows whose order changes. */
async function renumber(db: CreativeRatioDB, rules: UserRule[]): Promise<void> {
  const changed: UserRule[] = [];
  rules.forEach((rule, i) => {
    if (rule.order !== i) {
      rule.order = i;
      changed.push(rule);
    }
  });
  if (changed.length > 0) await db.rules.bulkPut(changed);
}

export interface AddRuleOptions {
  /** Position to insert at (0 = first); default last. */
  index?: number;
  /** Clock for `createdAt` (default Date.now()). */
  now?: number;
}

/** Validate and store a new rule; returns it with its id. */
export async function addRule(db: CreativeRatioDB, input: unknown, options: AddRuleOptions = {}): Promise<UserRule> {
  const rule = checked(input, { now: options.now });
  delete rule.id;
  return db.transaction('rw', db.rules, async () => {
    const rules = await listRules(db);
    const at = Math.max(0, Math.min(options.index ?? rules.length, rules.length));
    rule.order = at;
    checkRegexBudget([...rules, rule]);
    const id = await db.rules.add(rule);
    const stored: UserRule = { ...rule, id };
    rules.splice(at, 0, stored);
    await renumber(db, rules);
    return stored;
  });
}

/** What `updateRule` can change. A key present with `undefined` clears an optional field (kind, tool, fromTime). */
export type RuleChanges = Partial<Pick<UserRule, 'match' | 'class' | 'kind' | 'tool' | 'fromTime'>>;

/**
 * Change a rule's match, class, kind, tool or "only from" time; id, order and createdAt stay.
 * Changing the class drops a kind that does not belong to the new class (unless a kind is given).
 */
export async function updateRule(db: CreativeRatioDB, id: number, changes: RuleChanges): Promise<UserRule> {
  return db.transaction('rw', db.rules, async () => {
    const current = await db.rules.get(id);
    if (!current) throw new RuleNotFoundError(id);
    const has = (k: keyof RuleChanges): boolean => Object.prototype.hasOwnProperty.call(changes, k);
    const next: Record<string, unknown> = {
      id,
      order: current.order,
      createdAt: current.createdAt,
      match: has('match') ? changes.match : current.match,
      class: has('class') ? changes.class : current.class,
      kind: has('kind') ? changes.kind : current.kind,
      tool: has('tool') ? changes.tool : current.tool,
      fromTime: has('fromTime') ? changes.fromTime : current.fromTime,
    };
    const kind = next.kind;
    if (
      has('class') &&
      !has('kind') &&
      typeof kind === 'string' &&
      kind in KINDS &&
      KINDS[kind as keyof typeof KINDS].class !== next.class
    ) {
      next.kind = undefined;
    }
    const rule = checked(next, {});
    checkRegexBudget([...(await db.rules.toArray()).filter((r) => r.id !== id), rule]);
    await db.rules.put(rule);
    return rule;
  });
}

/** Delete a rule and close the gap in the order. Deleting a missing id does nothing. */
export async function deleteRule(db: CreativeRatioDB, id: number): Promise<void> {
  await db.transaction('rw', db.rules, async () => {
    await db.rules.delete(id);
    await renumber(db, await listRules(db));
  });
}

/** Move a rule to position `index` (clamped to the list); the others shift. */
export async function moveRule(db: CreativeRatioDB, id: number, index: number): Promise<UserRule[]> {
  return db.transaction('rw', db.rules, async () => {
    const rules = await listRules(db);
    const from = rules.findIndex((r) => r.id === id);
    if (from === -1) throw new RuleNotFoundError(id);
    const to = Math.max(0, Math.min(Math.trunc(index), rules.length - 1));
    const [rule] = rules.splice(from, 1);
    rules.splice(to, 0, rule as UserRule);
    await renumber(db, rules);
    return rules;
  });
}

/** Move a rule one place up (earlier, wins ties). No-op at the top. */
export async function moveRuleUp(db: CreativeRatioDB, id: number): Promise<UserRule[]> {
  return db.transaction('rw', db.rules, async () => {
    const rules = await listRules(db);
    const from = rules.findIndex((r) => r.id === id);
    if (from === -1) throw new RuleNotFoundError(id);
    return moveRule(db, id, from - 1);
  });
}

/** Move a rule one place down. No-op at the bottom. */
export async function moveRuleDown(db: CreativeRatioDB, id: number): Promise<UserRule[]> {
  return db.transaction('rw', db.rules, async () => {
    const rules = await listRules(db);
    const from = rules.findIndex((r) => r.id === id);
    if (from === -1) throw new RuleNotFoundError(id);
    return moveRule(db, id, from + 1);
  });
}

/**
 * Replace every rule (import). Validates everything first; then clears and writes in one transaction,
 * so on any error (validation or storage) the previous rules are untouched. Returns the stored rules.
 */
export async function replaceAllRules(
  db: CreativeRatioDB,
  inputs: readonly unknown[],
  options: { now?: number } = {},
): Promise<UserRule[]> {
  const rules = inputs.map((input, i) => {
    const result = validateRule(input, { now: options.now });
    if (!result.ok) {
      const prefixed: RuleErrors = {};
      for (const [field, message] of Object.entries(result.errors))
        prefixed[field as keyof RuleErrors] = `Rule ${i + 1}: ${message}`;
      throw new RuleValidationError(prefixed);
    }
    const rule = result.rule;
    delete rule.id;
    rule.order = i;
    return rule;
  });
  checkRegexBudget(rules);
  return db.transaction('rw', db.rules, async () => {
    await db.rules.clear();
    const ids = await db.rules.bulkAdd(rules, { allKeys: true });
    return rules.map((rule, i) => ({ ...rule, id: ids[i] as number }));
  });
}
