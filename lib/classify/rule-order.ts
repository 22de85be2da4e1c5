/**
 * The order a person's rules are listed in (Settings) and tried in (the classifier): lower `order`
 * first, then lower id (a rule not saved yet, without id, after the saved ones), then earlier
 * `createdAt`. The position in this order is a rule's rank; one function, so what a person sees is
 * what the classifier does. Pure; tolerant of malformed rows (a missing number sorts as its default).
 */
import type { UserRule } from './types';

function num(rule: UserRule, key: 'order' | 'id' | 'createdAt', fallback: number): number {
  const v: unknown = typeof rule === 'object' && rule !== null ? rule[key] : undefined;
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** Compare two rules by the order above (for `Array.prototype.sort`). */
export function byRuleOrder(a: UserRule, b: UserRule): number {
  return (
    num(a, 'order', 0) - num(b, 'order', 0) ||
    num(a, 'id', Number.MAX_SAFE_INTEGER) - num(b, 'id', Number.MAX_SAFE_INTEGER) ||
    num(a, 'createdAt', 0) - num(b, 'createdAt', 0)
  );
}

/** The rules in the order they are listed and tried (a new array; `rules` is not changed). */
export function sortRules(rules: readonly UserRule[]): UserRule[] {
  return [...rules].sort(byRuleOrder);
}
