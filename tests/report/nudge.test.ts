import { describe, expect, it } from 'vitest';
import { creativeNeeded, nudgeDecision, type NudgeInput } from '@/lib/report/nudge';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const H = 3_600_000;
// TZ=Europe/Berlin (vitest.config.ts). Wednesday 5 March 2025; the week starts Monday 3 March.
const WED_15 = new Date(2025, 2, 5, 15).getTime();
const WEEK = new Date(2025, 2, 3).getTime();
const on = { ...DEFAULT_SETTINGS, nudge: { enabled: true, day: 3 as const, hour: 14 } };
const base: NudgeInput = {
  now: WED_15,
  settings: on,
  weekStart: WEEK,
  creativeMs: 3 * H,
  coordinationMs: 9 * H,
  lastNudgeWeek: null,
};

describe('the mid-week nudge', () => {
  it.each<[string, Partial<NudgeInput>, string]>([
    ['behind the target: sent', {}, 'send'],
    ['off by default', { settings: DEFAULT_SETTINGS }, 'off'],
    ['another day', { now: new Date(2025, 2, 6, 15).getTime() }, 'not-the-day'],
    ['before the hour', { now: new Date(2025, 2, 5, 13, 59).getTime() }, 'too-early'],
    [
      'a non-working day',
      { settings: { ...on, workingHours: { ...on.workingHours, days: [1, 2, 4, 5] } } },
      'not-working-day',
    ],
    ['already sent this week', { lastNudgeWeek: WEEK }, 'already-sent'],
    ['sent last week: sent again', { lastNudgeWeek: WEEK - 7 * 24 * H }, 'send'],
    ['too little data (2 h < 2½ h)', { creativeMs: 0.5 * H, coordinationMs: 1.5 * H }, 'too-little-data'],
    ['on track (46 % vs 50 %: within 5 points)', { creativeMs: 4.6 * H, coordinationMs: 5.4 * H }, 'on-track'],
    ['ahead', { creativeMs: 8 * H, coordinationMs: 4 * H }, 'on-track'],
    ['just behind the margin (44 %)', { creativeMs: 4.4 * H, coordinationMs: 5.6 * H }, 'send'],
  ])('%s', (_name, patch, expected) => {
    const d = nudgeDecision({ ...base, ...patch });
    expect(d.send ? 'send' : d.reason).toBe(expected);
  });

  it('says where the week is and how much creative time reaches the target', () => {
    const d = nudgeDecision(base);
    expect(d).toEqual({
      send: true,
      title: 'This week so far: 25 % creative',
      message:
        'Your target is 50 %. About 6 hours of creative work in the rest of the week would bring it to your target. Block the time in your calendar now?',
    });
  });

  it.each([
    [3 * H, 9 * H, 0.5, 6 * H],
    [5 * H, 5 * H, 0.5, 0],
    [1 * H, 6 * H, 0.25, 1 * H],
    [0, 0, 0.5, 0],
  ])('creativeNeeded(%d, %d, %d) = %d', (c, k, t, expected) => {
    expect(creativeNeeded(c, k, t)).toBeCloseTo(expected, 6);
  });
});
