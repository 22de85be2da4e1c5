/**
 * The rule writes the pages make (popup and dashboard one-click reclassification, the settings
 * rule editor). All go through lib/db/rules.ts, which validates and runs one transaction each.
 */
import { getDb } from '@/lib/db';
import {
  addRule,
  deleteRule,
  moveRuleDown,
  moveRuleUp,
  replaceAllRules as replaceAll,
  updateRule,
} from '@/lib/db/rules';
import type { RuleMatch, UserRule } from '@/lib/classify/types';
import type { ClassName, KindId } from '@/lib/model';

export interface QuickRule {
  match: RuleMatch;
  cls: ClassName;
  kind?: KindId;
  tool?: string;
}

/** Create a rule; resolves with its id (for Undo). Throws with the validation message on bad input. */
export async function createQuickRule(rule: QuickRule, now: number = Date.now()): Promise<number> {
  const stored = await addRule(
    getDb(),
    {
      match: rule.match,
      class: rule.cls,
      ...(rule.kind ? { kind: rule.kind } : {}),
      ...(rule.tool ? { tool: rule.tool } : {}),
    },
    { now },
  );
  return stored.id!;
}

/** Store a rule validated by the editor: a new one is added last, an existing one keeps its place. */
export async function saveRule(rule: UserRule): Promise<UserRule> {
  if (rule.id === undefined) return addRule(getDb(), rule, { now: rule.createdAt });
  return updateRule(getDb(), rule.id, {
    match: rule.match,
    class: rule.class,
    kind: rule.kind,
    tool: rule.tool,
    fromTime: rule.fromTime,
  });
}

export async function removeRule(id: number): Promise<void> {
  await deleteRule(getDb(), id);
}

export async function moveRuleBy(id: number, delta: -1 | 1): Promise<void> {
  await (delta < 0 ? moveRuleUp(getDb(), id) : moveRuleDown(getDb(), id));
}

/** Replace every rule with an imported set (all validated first; atomic). */
export async function replaceAllRules(rules: readonly UserRule[]): Promise<void> {
  await replaceAll(getDb(), rules);
}
