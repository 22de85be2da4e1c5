import { describe, expect, it } from 'vitest';
import type { WeekDay } from '@/lib/settings';
import { defaultBlockDate } from '@/lib/ui/default-block-date';

const MON_FRI: WeekDay[] = [1, 2, 3, 4, 5];

describe('defaultBlockDate', () => {
  it.each<[string, string, string, readonly WeekDay[], string]>([
    ['the current week: today', '2025-03-03', '2025-03-06', MON_FRI, '2025-03-06'],
    ['the current week on a weekend day: still today', '2025-03-03', '2025-03-09', MON_FRI, '2025-03-09'],
    ['a past Monday week: its Monday', '2025-03-03', '2025-04-02', MON_FRI, '2025-03-03'],
    ['a past Sunday week: its Monday, not the Sunday', '2025-03-02', '2025-04-02', MON_FRI, '2025-03-03'],
    [
      'a past Saturday week with Sunday–Thursday working days: its Sunday',
      '2025-03-01',
      '2025-04-02',
      [0, 1, 2, 3, 4],
      '2025-03-02',
    ],
    ['a future week: its first working day', '2025-04-07', '2025-04-02', MON_FRI, '2025-04-07'],
    ['no working days: the week’s first day', '2025-03-02', '2025-04-02', [], '2025-03-02'],
    // Berlin (the tests' TZ) moves to summer time on Sunday 30 March 2025.
    ['a past week across the DST change', '2025-03-24', '2025-04-02', [6], '2025-03-29'],
    ['today in the DST week itself, on its last day', '2025-03-24', '2025-03-30', MON_FRI, '2025-03-30'],
  ])('%s', (_, week, today, days, expected) => {
    expect(defaultBlockDate(week, today, days)).toBe(expected);
  });

  it('does not change the working days it is given', () => {
    const days: WeekDay[] = [5, 1];
    defaultBlockDate('2025-03-03', '2025-04-02', days);
    expect(days).toEqual([5, 1]);
  });
});
