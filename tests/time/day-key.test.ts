// The one `yyyy-MM-dd` parser (URLs, files, forms): strict shape, real dates only, local midnight.
import { describe, expect, it } from 'vitest';
import { isDayKey, parseDayKey } from '@/lib/time/days';

describe('parseDayKey', () => {
  it.each([
    ['2025-03-05', [2025, 2, 5]],
    ['2024-02-29', [2024, 1, 29]],
    ['2025-12-31', [2025, 11, 31]],
    ['2000-02-29', [2000, 1, 29]],
  ] as const)('%s is a real date at local midnight', (key, [y, m, d]) => {
    const date = parseDayKey(key)!;
    expect([date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes()]).toEqual([
      y,
      m,
      d,
      0,
      0,
    ]);
    expect(isDayKey(key)).toBe(true);
  });

  it.each([
    '2025-02-30',
    '2025-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '0000-01-01',
    '0050-01-01',
    '1900-02-29',
    '2025-3-5',
    '25-03-05',
    '2025-03-05T10:00',
    ' 2025-03-05',
    '2025/03/05',
    '',
    null,
    undefined,
    20250305,
  ])('%s is not a day key', (key) => {
    expect(parseDayKey(key)).toBeNull();
    expect(isDayKey(key)).toBe(false);
  });
});
