/**
 * The optional mid-week nudge: whether to send it now, and what it says. Pure; the background
 * (lib/browser/housekeeping.ts) schedules an alarm at the chosen weekday and hour, reads the
 * week so far and calls this.
 *
 * It is sent only when all of these hold:
 * - the person turned it on (Settings → Weekly reminder; off by default);
 * - today is the chosen day, at or after the chosen hour, and a working day;
 * - it was not sent yet this week (never more than once a week);
 * - the week has enough classified time to judge: at least half of the week's "enough data"
 *   threshold (default 2½ h of 5 h), and never less than an hour;
 * - the creative share so far is at least 5 points below the target.
 */
import type { Settings } from '@/lib/settings';

/** Points below the target before the nudge speaks (a share of 48 % against 50 % is on track). */
export const NUDGE_MARGIN = 0.05;
export const NUDGE_MIN_CLASSIFIED_MS = 60 * 60_000;

export interface NudgeInput {
  now: number;
  settings: Pick<Settings, 'nudge' | 'targetShare' | 'workingHours' | 'enoughData'>;
  /** Start of the current week (local), epoch ms: identifies the week. */
  weekStart: number;
  /** Creative and coordination time of the week so far. */
  creativeMs: number;
  coordinationMs: number;
  /** weekStart of the week the last nudge was sent in, or null. */
  lastNudgeWeek: number | null;
}

export type NudgeSkip =
  'off' | 'not-the-day' | 'too-early' | 'not-working-day' | 'already-sent' | 'too-little-data' | 'on-track';
export type NudgeDecision = { send: false; reason: NudgeSkip } | { send: true; title: string; message: string };

/** Creative time to add, with coordination unchanged, to reach `target` (0 when already there). */
export function creativeNeeded(creativeMs: number, coordinationMs: number, target: number): number {
  if (target >= 1) return coordinationMs > 0 ? Infinity : 0;
  const needed = (target * coordinationMs) / (1 - target);
  return Math.max(0, needed - creativeMs);
}

function hoursText(ms: number): string {
  const h = Math.round((ms / 3_600_000) * 2) / 2;
  if (h < 1) return `${Math.max(15, Math.round(ms / 60_000 / 15) * 15)} minutes`;
  return `${h} hour${h === 1 ? '' : 's'}`;
}

export function nudgeDecision(input: NudgeInput): NudgeDecision {
  const { settings: s, now } = input;
  if (!s.nudge.enabled) return { send: false, reason: 'off' };
  const d = new Date(now);
  if (d.getDay() !== s.nudge.day) return { send: false, reason: 'not-the-day' };
  if (d.getHours() < s.nudge.hour) return { send: false, reason: 'too-early' };
  if (!s.workingHours.days.includes(s.nudge.day)) return { send: false, reason: 'not-working-day' };
  if (input.lastNudgeWeek === input.weekStart) return { send: false, reason: 'already-sent' };
  const classified = input.creativeMs + input.coordinationMs;
  if (classified < Math.max(NUDGE_MIN_CLASSIFIED_MS, (s.enoughData.weekMinutes * 60_000) / 2))
    return { send: false, reason: 'too-little-data' };
  const share = input.creativeMs / classified;
  if (share > s.targetShare - NUDGE_MARGIN) return { send: false, reason: 'on-track' };
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  const need = creativeNeeded(input.creativeMs, input.coordinationMs, s.targetShare);
  const tail = Number.isFinite(need)
    ? ` About ${hoursText(need)} of creative work in the rest of the week would bring it to your target.`
    : '';
  return {
    send: true,
    title: `This week so far: ${pct(share)} creative`,
    message: `Your target is ${pct(s.targetShare)}.${tail} Block the time in your calendar now?`,
  };
}
