/** The order rules are listed and tried in (lower `order` first, then id). No storage here. */
import type { UserRule } from '@/lib/classify/types';

export function byOrder(a: UserRule, b: UserRule): number {
  return a.order - b.order || (a.id ?? 0) - (b.id ?? 0);
}

/** Rules in the order they are listed and tried (sorts `rows` in place). */
export function sortRules(rows: UserRule[]): UserRule[] {
  return rows.sort(byOrder);
}
