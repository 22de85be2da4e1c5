/**
 * Local-day arithmetic for the report, DST-safe everywhere: also where a DST change skips
 * midnight (Brazil until 2019), so that a day starts at 01:00.
 */
import { addDays, startOfDay } from 'date-fns';

/**
 * Start of the local day `days` days after the day of `t`. `startOfDay` after `addDays`, not
 * only before: adding days to a day that starts at 01:00 would keep the 01:00.
 */
export function localDayStart(t: Date | number, days = 0): number {
  return startOfDay(addDays(startOfDay(t), days)).getTime();
}
