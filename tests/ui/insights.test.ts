import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, blockThresholdsOf, sanitizeSettings } from '@/lib/settings';
import { parseInterruptionMinutes } from '@/lib/ui/settings-form';
import { emptyGrid } from '@/lib/report/time-of-day';
import { hourLabel, timeOfDayView, weekDayName } from '@/lib/ui/time-of-day';
import { formatDuration, formatPercent } from '@/lib/report/format';

const HOUR = 3_600_000;

describe('the block-interruption setting', () => {
  it('defaults to 2 minutes and is kept within 0–10 whole minutes', () => {
    expect(DEFAULT_SETTINGS.blockInterruptionMinutes).toBe(2);
    expect(sanitizeSettings({}).blockInterruptionMinutes).toBe(2);
    expect(sanitizeSettings({ blockInterruptionMinutes: 0 }).blockInterruptionMinutes).toBe(0);
    expect(sanitizeSettings({ blockInterruptionMinutes: 10 }).blockInterruptionMinutes).toBe(10);
    expect(sanitizeSettings({ blockInterruptionMinutes: 99 }).blockInterruptionMinutes).toBe(10);
    expect(sanitizeSettings({ blockInterruptionMinutes: -1 }).blockInterruptionMinutes).toBe(0);
    expect(sanitizeSettings({ blockInterruptionMinutes: 'x' }).blockInterruptionMinutes).toBe(2);
    expect(sanitizeSettings({ blockInterruptionMinutes: Number.NaN }).blockInterruptionMinutes).toBe(2);
    expect(sanitizeSettings({ blockInterruptionMinutes: 3.4 }).blockInterruptionMinutes).toBe(3);
  });

  it('becomes the report threshold in ms', () => {
    expect(blockThresholdsOf({ blockInterruptionMinutes: 5 })).toEqual({ blockInterruptionMs: 300_000 });
    expect(blockThresholdsOf({ blockInterruptionMinutes: 0 })).toEqual({ blockInterruptionMs: 0 });
  });

  it.each<[string, { ok: true; value: number } | { ok: false; error: string }]>([
    ['2', { ok: true, value: 2 }],
    [' 0 ', { ok: true, value: 0 }],
    ['10', { ok: true, value: 10 }],
    ['1,5', { ok: true, value: 2 }],
    ['11', { ok: false, error: 'Between 0 and 10 minutes.' }],
    ['-1', { ok: false, error: 'Between 0 and 10 minutes.' }],
    ['', { ok: false, error: 'Enter a number of minutes, e.g. 2.' }],
    ['two', { ok: false, error: 'Enter a number of minutes, e.g. 2.' }],
  ])('typed %j → %j', (text, parsed) => expect(parseInterruptionMinutes(text, 0, 10)).toEqual(parsed));
});

describe('timeOfDayView', () => {
  const fmt = {
    locale: 'en-US',
    duration: (ms: number) => formatDuration(ms, 'en-US'),
    share: (v: number | null) => (v === null ? '–' : formatPercent(v, 'en-US')),
  };

  it('names days and hours in the locale', () => {
    expect(weekDayName(2, 'en-US')).toBe('Tuesday');
    expect(weekDayName(2, 'de-DE', 'short')).toBe('Di');
    expect(hourLabel(9, 'en-GB')).toBe('9:00–10:00');
  });

  it('gives every cell a text alternative, a share and an intensity relative to the busiest cell', () => {
    const g = emptyGrid();
    g.cells[2]![9] = { creative: 3 * HOUR, coordination: HOUR };
    g.cells[4]![14] = { creative: 0, coordination: 2 * HOUR };
    g.totals = { creative: 3 * HOUR, coordination: 3 * HOUR };
    const v = timeOfDayView(g, [1, 2, 3, 4, 5], 1, 4, fmt);
    expect(v.days.map((d) => d.name)).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']);
    expect(v.hours[0]!.label).toBe(hourLabel(6, 'en-US'));
    expect(v.hours).toHaveLength(16);
    const tue9 = v.rows[3]![1]!;
    expect(tue9.label).toBe(`Tuesday ${hourLabel(9, 'en-US')}: 3 h creative, 1 h coordination (75% creative)`);
    expect(tue9.text).toBe('75%');
    expect(tue9.intensity).toBe(1);
    expect(v.rows[8]![3]!.intensity).toBe(0.5);
    expect(v.rows[0]![0]!.label).toMatch(/^Monday .*: nothing classified$/);
    expect(v.rows[0]![0]!.text).toBe('');
    expect(v.reading).toEqual([
      'You are most creative on Tuesday mornings over these 4 weeks.',
      'Coordination piles up on Thursday afternoons.',
    ]);
  });
});
