/**
 * Today's bounds and what the popup's early read asks for — apart from lib/ui/today.ts so the
 * popup's boot script (entrypoints/popup-boot.ts) bundles these few lines, not the report.
 */
import { addDays, startOfDay } from 'date-fns';
import type { EarlyRange } from '@/lib/db/read/early';
import { OVERLAP_LOOKBACK_MS } from '@/lib/db/packs';

/** The local day of `now`: [start, end). */
export function todayBounds(now: number): { dayStart: number; dayEnd: number } {
  const dayStart = startOfDay(now).getTime();
  return { dayStart, dayEnd: addDays(dayStart, 1).getTime() };
}

/** What the early read asks for: segments starting from a lookback before today (to catch one crossing midnight) to its end. */
export function todayEarlyRange(now: number): EarlyRange {
  const { dayStart, dayEnd } = todayBounds(now);
  return { from: dayStart - OVERLAP_LOOKBACK_MS, to: dayEnd };
}
