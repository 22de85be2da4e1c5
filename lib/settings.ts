/**
 * The person's settings: shape, defaults and validation. Pure.
 */
import {
  DEFAULT_MEETING_CLASS_SETTINGS,
  sanitizeMeetingClassSettings,
  type MeetingClassSettings,
} from '@/lib/calendar/meeting-classes';

export type WeekDay = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface WorkingHours {
  /** When true, only time inside working hours counts in the ratio. */
  countOnlyInside: boolean;
  /** Days of the week that are working days (0 = Sunday). */
  days: WeekDay[];
  /** Minutes after local midnight. */
  startMinute: number;
  endMinute: number;
}

export interface Settings {
  /** Seconds without input before the person counts as away (chrome.idle; minimum 15). */
  idleThresholdSec: number;
  /** First day of the week; null = from the locale. */
  weekStartsOn: WeekDay | null;
  workingHours: WorkingHours;
  /** Target creative share, 0..1. */
  targetShare: number;
  /** Hosts never tracked (normalised host or `*.domain`). */
  excludedHosts: string[];
  /** Delete data older than this many months; null = keep everything. */
  retentionMonths: number | null;
  /** Weekly review reminder. */
  reminder: { enabled: boolean; day: WeekDay; hour: number };
  /**
   * Classified minutes a day / a week needs before its share is compared with anything (benchmarks,
   * target, other weeks). Below it the pages say how much was gathered and "too early to compare".
   */
  enoughData: { dayMinutes: number; weekMinutes: number };
  /** Which calendar meetings count as creative (lib/calendar/meeting-classes.ts). */
  meetingClasses: MeetingClassSettings;
  /** Mid-week nudge when the week falls behind the target (off by default; lib/report/nudge.ts). */
  nudge: { enabled: boolean; day: WeekDay; hour: number };
  /**
   * Non-creative time (a glance at chat, a quick reply) shorter than this many minutes between two
   * stretches of creative work does not end a creative block; 0 = every interruption ends it.
   */
  blockInterruptionMinutes: number;
}

export const MIN_IDLE_THRESHOLD_SEC = 15;
export const MAX_IDLE_THRESHOLD_SEC = 4 * 60 * 60;

export const DEFAULT_SETTINGS: Settings = {
  idleThresholdSec: 180,
  weekStartsOn: null,
  workingHours: { countOnlyInside: false, days: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 18 * 60 },
  targetShare: 0.5,
  excludedHosts: [],
  retentionMonths: null,
  reminder: { enabled: false, day: 5, hour: 16 },
  enoughData: { dayMinutes: 60, weekMinutes: 5 * 60 },
  meetingClasses: DEFAULT_MEETING_CLASS_SETTINGS,
  nudge: { enabled: false, day: 3, hour: 14 },
  blockInterruptionMinutes: 2,
};

/** Bounds of the "enough data" thresholds, in minutes (a day at most 8 h, a week at most 40 h). */
export const ENOUGH_DATA_LIMITS = {
  dayMinutes: { min: 0, max: 8 * 60 },
  weekMinutes: { min: 0, max: 40 * 60 },
} as const;

/** Bounds of the block-interruption threshold, in minutes. */
export const BLOCK_INTERRUPTION_LIMITS = { min: 0, max: 10 } as const;

/** The report thresholds the person's settings decide (lib/report's `ReportThresholds`, in ms). */
export function blockThresholdsOf(s: Pick<Settings, 'blockInterruptionMinutes'>): { blockInterruptionMs: number } {
  return { blockInterruptionMs: s.blockInterruptionMinutes * 60_000 };
}

function isWeekDay(v: unknown): v is WeekDay {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 6;
}

function clampInt(v: unknown, min: number, max: number, fallback: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return fallback;
  return Math.min(max, Math.max(min, Math.round(v)));
}

/**
 * Build a complete, valid Settings object from anything (stored data of an older version,
 * an imported backup, a partial update). Unknown keys are dropped; invalid values fall back
 * to defaults. Never copies prototypes.
 */
export function sanitizeSettings(input: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
  const o = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const wh = (typeof o.workingHours === 'object' && o.workingHours !== null ? o.workingHours : {}) as Record<
    string,
    unknown
  >;
  const enough = (typeof o.enoughData === 'object' && o.enoughData !== null ? o.enoughData : {}) as Record<
    string,
    unknown
  >;
  const nud = (typeof o.nudge === 'object' && o.nudge !== null ? o.nudge : {}) as Record<string, unknown>;
  const rem = (typeof o.reminder === 'object' && o.reminder !== null ? o.reminder : {}) as Record<string, unknown>;
  const days = Array.isArray(wh.days) ? [...new Set(wh.days.filter(isWeekDay))].sort() : base.workingHours.days;
  const startMinute = clampInt(wh.startMinute, 0, 24 * 60 - 1, base.workingHours.startMinute);
  const endMinute = clampInt(wh.endMinute, 1, 24 * 60, base.workingHours.endMinute);
  return {
    idleThresholdSec: clampInt(
      o.idleThresholdSec,
      MIN_IDLE_THRESHOLD_SEC,
      MAX_IDLE_THRESHOLD_SEC,
      base.idleThresholdSec,
    ),
    weekStartsOn: o.weekStartsOn === null ? null : isWeekDay(o.weekStartsOn) ? o.weekStartsOn : base.weekStartsOn,
    workingHours: {
      countOnlyInside: typeof wh.countOnlyInside === 'boolean' ? wh.countOnlyInside : base.workingHours.countOnlyInside,
      days,
      startMinute,
      endMinute:
        endMinute > startMinute
          ? endMinute
          : base.workingHours.endMinute > startMinute
            ? base.workingHours.endMinute
            : 24 * 60,
    },
    targetShare:
      typeof o.targetShare === 'number' && Number.isFinite(o.targetShare) && o.targetShare >= 0 && o.targetShare <= 1
        ? o.targetShare
        : base.targetShare,
    excludedHosts: Array.isArray(o.excludedHosts)
      ? [
          ...new Set(
            o.excludedHosts
              .filter((h): h is string => typeof h === 'string')
              .map((h) => h.trim().toLowerCase())
              .filter(Boolean),
          ),
        ]
      : base.excludedHosts,
    retentionMonths:
      o.retentionMonths === null
        ? null
        : typeof o.retentionMonths === 'number' &&
            Number.isInteger(o.retentionMonths) &&
            o.retentionMonths >= 1 &&
            o.retentionMonths <= 240
          ? o.retentionMonths
          : base.retentionMonths,
    reminder: {
      enabled: typeof rem.enabled === 'boolean' ? rem.enabled : base.reminder.enabled,
      day: isWeekDay(rem.day) ? rem.day : base.reminder.day,
      hour: clampInt(rem.hour, 0, 23, base.reminder.hour),
    },
    enoughData: {
      dayMinutes: clampInt(
        enough.dayMinutes,
        ENOUGH_DATA_LIMITS.dayMinutes.min,
        ENOUGH_DATA_LIMITS.dayMinutes.max,
        base.enoughData.dayMinutes,
      ),
      weekMinutes: clampInt(
        enough.weekMinutes,
        ENOUGH_DATA_LIMITS.weekMinutes.min,
        ENOUGH_DATA_LIMITS.weekMinutes.max,
        base.enoughData.weekMinutes,
      ),
    },
    meetingClasses:
      o.meetingClasses === undefined ? base.meetingClasses : sanitizeMeetingClassSettings(o.meetingClasses),
    nudge: {
      enabled: typeof nud.enabled === 'boolean' ? nud.enabled : base.nudge.enabled,
      day: isWeekDay(nud.day) ? nud.day : base.nudge.day,
      hour: clampInt(nud.hour, 0, 23, base.nudge.hour),
    },
    blockInterruptionMinutes: clampInt(
      o.blockInterruptionMinutes,
      BLOCK_INTERRUPTION_LIMITS.min,
      BLOCK_INTERRUPTION_LIMITS.max,
      base.blockInterruptionMinutes,
    ),
  };
}

/** The settings a stored row's value stands for (null or undefined: nothing stored, the defaults). */
export function settingsFromStored(value: unknown): Settings {
  return value !== null && value !== undefined ? sanitizeSettings(value) : DEFAULT_SETTINGS;
}
