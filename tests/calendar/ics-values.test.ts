import { describe, expect, it } from 'vitest';
import {
  parseDate,
  parseDateTime,
  parseDuration,
  parsePeriod,
  parseTime,
  parseUtcOffset,
} from '@/lib/calendar/ics-values';
import { DAY, HOUR, MINUTE } from '@/lib/calendar/wall-time';

describe('DATE and DATE-TIME', () => {
  it.each([
    ['20250303T093000', { wall: Date.UTC(2025, 2, 3, 9, 30), date: false, utc: false }],
    ['20250303T093000Z', { wall: Date.UTC(2025, 2, 3, 9, 30), date: false, utc: true }],
    ['20240229T235960', { wall: Date.UTC(2024, 1, 29, 23, 59, 59), date: false, utc: false }],
  ])('date-time %s', (v, expected) => {
    expect(parseDateTime(v)).toEqual(expected);
  });

  it.each(['20250230T090000', '20251301T090000', '20250303T250000', '2025-03-03T09:00:00', '20250303', ''])(
    'rejects date-time %j',
    (v) => {
      expect(parseDateTime(v)).toBeNull();
    },
  );

  it('parses dates and rejects impossible ones', () => {
    expect(parseDate('20250312')).toEqual({ wall: Date.UTC(2025, 2, 12), date: true, utc: false });
    expect(parseDate('20250229')).toBeNull();
  });

  it('parseTime follows VALUE=DATE but accepts either shape', () => {
    expect(parseTime('20250312', 'DATE')?.date).toBe(true);
    expect(parseTime('20250312')?.date).toBe(true);
    expect(parseTime('20250312T100000', 'DATE')?.date).toBe(false);
  });
});

describe('DURATION', () => {
  it.each([
    ['PT45M', { days: 0, ms: 45 * MINUTE }],
    ['PT1H30M', { days: 0, ms: 90 * MINUTE }],
    ['P1D', { days: 1, ms: 0 }],
    ['P1DT2H', { days: 1, ms: 2 * HOUR }],
    ['P2W', { days: 14, ms: 0 }],
    ['-PT15M', { days: 0, ms: -15 * MINUTE }],
    ['+PT10S', { days: 0, ms: 10_000 }],
    ['P0DT0H10M0S', { days: 0, ms: 10 * MINUTE }],
  ])('%s', (v, expected) => {
    expect(parseDuration(v)).toEqual(expected);
  });

  it.each(['P', 'PT', '1H', 'P1H', 'PT1D', ''])('rejects %j', (v) => {
    expect(parseDuration(v)).toBeNull();
  });
});

describe('UTC-OFFSET and PERIOD', () => {
  it.each([
    ['+0100', HOUR],
    ['-0500', -5 * HOUR],
    ['+0530', 5.5 * HOUR],
    ['+054500', 5 * HOUR + 45 * MINUTE],
    ['-0000', 0],
  ])('offset %s', (v, ms) => {
    expect(parseUtcOffset(v)).toBe(ms);
  });

  it('rejects malformed offsets', () => {
    expect(parseUtcOffset('0100')).toBeNull();
    expect(parseUtcOffset('+2500')).toBeNull();
  });

  it('periods with an end or a duration', () => {
    expect(parsePeriod('20250320T150000Z/20250320T160000Z')?.end?.wall).toBe(Date.UTC(2025, 2, 20, 16));
    expect(parsePeriod('20250320T150000Z/PT1H')?.duration).toEqual({ days: 0, ms: HOUR });
    expect(parsePeriod('20250320T150000Z')).toBeNull();
    expect(DAY).toBe(86_400_000);
  });
});
