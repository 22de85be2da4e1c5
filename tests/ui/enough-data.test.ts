import { describe, expect, it } from 'vitest';
import { formatDuration } from '@/lib/report/format';
import { DEFAULT_SETTINGS, sanitizeSettings } from '@/lib/settings';
import { earlyView, firstNumbers, isEnough, thresholdMs } from '@/lib/ui/enough-data';

const MIN = 60_000;
const d = (ms: number) => formatDuration(ms, 'en-US');

describe('enough data before a verdict', () => {
  it('defaults to 1 h for a day and 5 h for a week', () => {
    expect(thresholdMs(DEFAULT_SETTINGS, 'day')).toBe(60 * MIN);
    expect(thresholdMs(DEFAULT_SETTINGS, 'week')).toBe(300 * MIN);
  });

  it.each([
    [0, 'day', false],
    [59 * MIN, 'day', false],
    [60 * MIN, 'day', true],
    [299 * MIN, 'week', false],
    [300 * MIN, 'week', true],
  ] as const)('%i ms for a %s → enough %s', (ms, span, expected) => {
    expect(isEnough(ms, DEFAULT_SETTINGS, span)).toBe(expected);
  });

  it('says how much was gathered, in minutes, and what it takes', () => {
    expect(earlyView(3.5 * MIN, DEFAULT_SETTINGS, 'day', d).sentence).toBe(
      '4 min classified so far — too early to compare: a day needs 1 h (57 min to go).',
    );
    expect(earlyView(0, DEFAULT_SETTINGS, 'week', d).sentence).toBe(
      'Nothing classified yet — too early to compare: a week needs 5 h.',
    );
    expect(earlyView(90 * MIN, DEFAULT_SETTINGS, 'week', d, true).sentence).toBe(
      'Only 1 h 30 min was classified — too little to compare: a week needs 5 h.',
    );
    const enough = earlyView(6 * 60 * MIN, DEFAULT_SETTINGS, 'week', d);
    expect(enough).toMatchObject({ enough: true, missing: '' });
  });

  it('a threshold of 0 always gives a verdict', () => {
    const s = sanitizeSettings({ enoughData: { dayMinutes: 0, weekMinutes: 0 } });
    expect(isEnough(0, s, 'day')).toBe(true);
    expect(isEnough(0, s, 'week')).toBe(true);
  });

  it('settings keep the thresholds within bounds and fill them in for older stored settings', () => {
    expect(sanitizeSettings({ enoughData: { dayMinutes: 10_000, weekMinutes: -3 } }).enoughData).toEqual({
      dayMinutes: 480,
      weekMinutes: 0,
    });
    expect(sanitizeSettings({ targetShare: 0.4 }).enoughData).toEqual(DEFAULT_SETTINGS.enoughData);
    expect(sanitizeSettings({ enoughData: 'x' }).enoughData).toEqual(DEFAULT_SETTINGS.enoughData);
  });

  it('tells a new install when its first numbers appear, with the person’s thresholds', () => {
    const lines = firstNumbers(sanitizeSettings({ enoughData: { dayMinutes: 30, weekMinutes: 240 } }), d);
    expect(lines[0]).toContain('30 min');
    expect(lines[1]).toContain('4 h');
  });
});
