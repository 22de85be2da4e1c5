/**
 * "Enough data before a verdict": a day or a week's creative share is compared with the survey
 * benchmarks, the target or other weeks only once enough of its time is classified (the person's
 * thresholds, `Settings.enoughData`). Below that the pages show how much was gathered and say it is
 * too early to compare. Pure.
 */
import type { Settings } from '@/lib/settings';

const MIN = 60_000;

export type Span = 'day' | 'week';

export interface EarlyView {
  /** Enough classified time for a verdict. */
  enough: boolean;
  /** Classified time gathered, e.g. "23 min". */
  gathered: string;
  /** What it takes, e.g. "1 h". */
  needed: string;
  /** Still to gather, e.g. "37 min" (empty when enough). */
  missing: string;
  /** One sentence for the page, e.g. "23 min classified so far — too early to compare: a day needs 1 h." */
  sentence: string;
}

export function thresholdMs(settings: Pick<Settings, 'enoughData'>, span: Span): number {
  return (span === 'day' ? settings.enoughData.dayMinutes : settings.enoughData.weekMinutes) * MIN;
}

/** Whether `classifiedMs` is enough for a verdict on a day / week. */
export function isEnough(classifiedMs: number, settings: Pick<Settings, 'enoughData'>, span: Span): boolean {
  return classifiedMs >= thresholdMs(settings, span);
}

/**
 * The too-early view of a day / week. `finished` = the span is over (a past week: "was classified",
 * no "so far").
 */
export function earlyView(
  classifiedMs: number,
  settings: Pick<Settings, 'enoughData'>,
  span: Span,
  duration: (ms: number) => string,
  finished = false,
): EarlyView {
  const need = thresholdMs(settings, span);
  const enough = classifiedMs >= need;
  const gathered = duration(classifiedMs);
  const needed = duration(need);
  const missing = enough ? '' : duration(need - classifiedMs);
  const what = span === 'day' ? 'a day' : 'a week';
  const sentence = enough
    ? `${gathered} classified.`
    : finished
      ? `Only ${gathered} was classified — too little to compare: ${what} needs ${needed}.`
      : classifiedMs <= 0
        ? `Nothing classified yet — too early to compare: ${what} needs ${needed}.`
        : `${gathered} classified so far — too early to compare: ${what} needs ${needed} (${missing} to go).`;
  return { enough, gathered, needed, missing, sentence };
}

/**
 * When the first useful numbers appear, for a new install (the welcome page and the empty states).
 */
export function firstNumbers(settings: Pick<Settings, 'enoughData'>, duration: (ms: number) => string): string[] {
  return [
    `Today's share, in the toolbar popup, once ${duration(thresholdMs(settings, 'day'))} of today's time is classified.`,
    `The week's share, against the survey and your target, once ${duration(thresholdMs(settings, 'week'))} of the week is classified — usually on the first or second working day.`,
    'Changes against last week and your average from your second week on; the 12-week trend grows one week at a time.',
  ];
}
