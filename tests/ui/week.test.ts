import { describe, expect, it } from 'vitest';
import { formatWeekRange, weekdayNames } from '@/lib/ui/week';
import { parseDayKey } from '@/lib/time/days';
import { normalizeWeekKey, shiftWeek, weekBounds, weekKeyOf, weekRelation, weeksEndingWith } from '@/lib/time/week';

// vitest.config.ts pins TZ=Europe/Berlin: DST starts 2025-03-30 and ends 2025-10-26.
const HOUR = 3_600_000;

describe('week keys', () => {
  it('snaps any date to the start of its week for the chosen first day', () => {
    const wed = new Date(2025, 2, 5, 15).getTime(); // Wed 5 Mar 2025
    expect(weekKeyOf(wed, 1)).toBe('2025-03-03');
    expect(weekKeyOf(wed, 0)).toBe('2025-03-02');
    expect(weekKeyOf(wed, 6)).toBe('2025-03-01');
  });

  it('normalises a requested key, falling back to the week of now', () => {
    const now = new Date(2025, 5, 18, 12).getTime();
    expect(normalizeWeekKey('2025-03-05', 1, now)).toBe('2025-03-03');
    expect(normalizeWeekKey('garbage', 1, now)).toBe('2025-06-16');
    expect(normalizeWeekKey('2025-02-30', 1, now)).toBe('2025-06-16');
    expect(normalizeWeekKey(null, 1, now)).toBe('2025-06-16');
  });

  it('parses only real calendar dates', () => {
    expect(parseDayKey('2024-02-29')?.getDate()).toBe(29);
    expect(parseDayKey('2025-02-29')).toBeNull();
    expect(parseDayKey('2025-1-1')).toBeNull();
    expect(parseDayKey(undefined)).toBeNull();
  });

  it('moves by calendar weeks across DST without drifting off midnight', () => {
    expect(shiftWeek('2025-03-24', 1, 1)).toBe('2025-03-31');
    expect(shiftWeek('2025-10-27', -1, 1)).toBe('2025-10-20');
    expect(shiftWeek('2025-12-29', 1, 1)).toBe('2026-01-05');
  });

  it('has 167 hours in the week DST starts and 169 in the week it ends', () => {
    const spring = weekBounds('2025-03-24');
    expect((spring.end - spring.start) / HOUR).toBe(167);
    expect(spring.days).toEqual([
      '2025-03-24',
      '2025-03-25',
      '2025-03-26',
      '2025-03-27',
      '2025-03-28',
      '2025-03-29',
      '2025-03-30',
    ]);
    const autumn = weekBounds('2025-10-20');
    expect((autumn.end - autumn.start) / HOUR).toBe(169);
    expect(new Date(autumn.end).getHours()).toBe(0);
  });

  it('lists the weeks of a trend, oldest first, ending with the shown week', () => {
    const weeks = weeksEndingWith('2025-03-31', 12, 1);
    expect(weeks).toHaveLength(12);
    expect(weeks[0]).toBe('2025-01-13');
    expect(weeks.at(-1)).toBe('2025-03-31');
    expect(new Set(weeks).size).toBe(12);
  });

  it('rejects keys that are not dates', () => {
    expect(() => weekBounds('nope')).toThrow();
  });
});

describe('week labels', () => {
  it("formats the range in the person's locale", () => {
    // Intl puts thin / narrow no-break spaces around the dash; compare with plain spaces.
    const plain = (s: string) => s.replace(/\s/gu, ' ');
    expect(plain(formatWeekRange('2025-03-03', 'en-US'))).toBe('Mar 3 – 9, 2025');
    expect(plain(formatWeekRange('2025-03-03', 'de-DE'))).toBe('3.–9. März 2025');
  });

  it('names weekdays with Sunday at index 0', () => {
    expect(weekdayNames('en-US')[0]).toBe('Sunday');
    expect(weekdayNames('de-DE', 'short')[1]).toBe('Mo');
  });

  it('tells past, current and future weeks apart', () => {
    const now = new Date(2025, 2, 5, 10).getTime();
    expect(weekRelation('2025-03-03', now)).toBe('current');
    expect(weekRelation('2025-02-24', now)).toBe('past');
    expect(weekRelation('2025-03-10', now)).toBe('future');
  });
});
