import { describe, expect, it } from 'vitest';
import { formatDuration, formatHours, formatPercent, formatPoints } from '@/lib/report';

const MIN = 60_000;
const H = 60 * MIN;

describe('formatDuration', () => {
  it.each<[number, string, string]>([
    [0, 'en', '0 min'],
    [-5 * MIN, 'en', '0 min'],
    [Number.NaN, 'en', '0 min'],
    [1, 'en', '< 1 min'],
    [59_999, 'en', '< 1 min'],
    [60_000, 'en', '1 min'],
    [45 * MIN, 'en', '45 min'],
    [45 * MIN + 29_000, 'en', '45 min'],
    [45 * MIN + 31_000, 'en', '46 min'],
    [59 * MIN + 45_000, 'en', '1 h'],
    [3 * H, 'en', '3 h'],
    [3 * H + 20 * MIN, 'en', '3 h 20 min'],
    [1234 * H, 'en', '1,234 h'],
    [1234 * H, 'de', '1.234 h'],
    [3 * H + 20 * MIN, 'ar-EG', '٣ h ٢٠ min'],
  ])('%d ms in %s → %s', (ms, locale, expected) => {
    expect(formatDuration(ms, locale)).toBe(expected);
  });
});

describe('formatHours', () => {
  it.each<[number, string, string]>([
    [21 * H, 'en', '21 h'],
    [9.5 * H, 'en', '9.5 h'],
    [9.5 * H, 'de', '9,5 h'],
    [12.4 * H, 'en', '12 h'],
    [0, 'en', '0 min'],
    [3.5 * 60_000, 'en', '4 min'],
    [20_000, 'en', '< 1 min'],
    [0.5 * H, 'en', '30 min'],
    [H, 'en', '1 h'],
  ])('%d ms in %s → %s', (ms, locale, expected) => {
    expect(formatHours(ms, locale)).toBe(expected);
  });
});

describe('formatPercent', () => {
  it.each<[number, string, number, string]>([
    [0.37, 'en', 0, '37%'],
    [0.375, 'en', 1, '37.5%'],
    [0.37, 'de', 0, '37\u00a0%'],
    [1, 'en', 0, '100%'],
  ])('%f in %s → %s', (share, locale, digits, expected) => {
    expect(formatPercent(share, locale, digits)).toBe(expected);
  });
});

describe('formatPoints', () => {
  it.each<[number, string, string]>([
    [4, 'en', '+4 pts'],
    [4.4, 'en', '+4 pts'],
    [-2.2, 'en', '-2 pts'],
    [1, 'en', '+1 pt'],
    [-0.4, 'en', '0 pts'],
    [0, 'en', '0 pts'],
    [12, 'de', '+12 pts'],
  ])('%f in %s → %s', (pts, locale, expected) => {
    expect(formatPoints(pts, locale)).toBe(expected);
  });
});
