/**
 * The work budget of one calendar file: how many repeat-rule instances the engine may generate,
 * how many time-zone observances it may read, how many candidate times one period of a rule may
 * hold, how many EXDATE/RDATE values the file may list, and how long it may take — for the whole
 * FILE, not per rule, so 200 hostile rules cost no more than one. Going over any of them throws
 * a BudgetExceeded whose message names the event (UID and line) or zone; the caller turns it into
 * an error result and imports nothing. Progress is reported from the same counters.
 *
 * Pure apart from the clock, which is an explicit input.
 */
import {
  FILE_MAX_CANDIDATES_PER_PERIOD,
  FILE_MAX_INSTANCES,
  FILE_MAX_LISTED_DATES,
  FILE_MAX_MS,
  FILE_MAX_OBSERVANCES,
} from './limits';

export interface BudgetLimits {
  instances: number;
  observances: number;
  candidatesPerPeriod: number;
  listedDates: number;
  ms: number;
}

export const DEFAULT_BUDGET: BudgetLimits = {
  instances: FILE_MAX_INSTANCES,
  observances: FILE_MAX_OBSERVANCES,
  candidatesPerPeriod: FILE_MAX_CANDIDATES_PER_PERIOD,
  listedDates: FILE_MAX_LISTED_DATES,
  ms: FILE_MAX_MS,
};

/** Who is spending: an event (line of BEGIN:VEVENT, UID) or a time zone (TZID). */
export type Spender = { kind: 'event'; line: number; uid: string } | { kind: 'zone'; line: number; tzid: string };

export class BudgetExceeded extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BudgetExceeded';
  }
}

function short(s: string): string {
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

export function describeSpender(s: Spender): string {
  return s.kind === 'event'
    ? `The event on line ${s.line} (UID "${short(s.uid)}")`
    : `The time zone "${short(s.tzid)}" (line ${s.line})`;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const NOTHING = 'Nothing was imported.';

export class Budget {
  instances = 0;
  observances = 0;
  listedDates = 0;
  /** The file's memo of repeat-rule dates (lib/calendar/repeat-rule.ts): the same rule from the same day is expanded once. */
  readonly memo = new Map<string, number[]>();
  private readonly started: number;
  private sinceClock = 0;

  constructor(
    readonly limits: BudgetLimits = DEFAULT_BUDGET,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.started = clock();
  }

  /** One generated instance of a repeat rule (events and time-zone rules alike). */
  instance(who: Spender): void {
    if (++this.instances > this.limits.instances) {
      throw new BudgetExceeded(
        `${describeSpender(who)} repeats too often: the file would need more than ${fmt(this.limits.instances)} repetitions to read. ${NOTHING}`,
      );
    }
    if (++this.sinceClock >= 1024) this.time(who);
  }

  observance(who: Spender, count: number): void {
    this.observances += count;
    if (this.observances > this.limits.observances) {
      throw new BudgetExceeded(
        `${describeSpender(who)} has too many rule changes: the file's time zones hold more than ${fmt(this.limits.observances)} (STANDARD/DAYLIGHT). ${NOTHING}`,
      );
    }
  }

  /** Check a rule's candidate times per period (days in the period × times per day) before expanding it. */
  candidates(who: Spender, perPeriod: number): void {
    if (perPeriod > this.limits.candidatesPerPeriod) {
      throw new BudgetExceeded(
        `${describeSpender(who)} repeats too densely: ${fmt(perPeriod)} times in one period of its rule (at most ${fmt(this.limits.candidatesPerPeriod)}). ${NOTHING}`,
      );
    }
  }

  listed(who: Spender, count: number): void {
    this.listedDates += count;
    if (this.listedDates > this.limits.listedDates) {
      throw new BudgetExceeded(
        `${describeSpender(who)} lists too many dates: the file holds more than ${fmt(this.limits.listedDates)} excluded or extra dates (EXDATE/RDATE). ${NOTHING}`,
      );
    }
  }

  /** Check the total time (also called once per event). */
  time(who?: Spender): void {
    this.sinceClock = 0;
    const ms = this.clock() - this.started;
    if (ms > this.limits.ms) {
      const at = who ? ` (stopped at ${describeSpender(who).replace(/^The /, 'the ')})` : '';
      throw new BudgetExceeded(`Reading the file took longer than ${fmt(this.limits.ms / 1000)} s${at}. ${NOTHING}`);
    }
  }
}
