import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { coverageOf } from '@/lib/report/coverage';
import type { Segment } from '@/lib/model';
import { DEFAULT_SETTINGS } from '@/lib/settings';

// Tuesday 24 November 2026 (vitest.config.ts pins TZ to Europe/Berlin). Working hours 9–18, Mon–Fri.
const at = (h: number, m = 0) => new Date(2026, 10, 24, h, m).getTime();
const DAY_FROM = at(0);
const DAY_TO = new Date(2026, 10, 25).getTime();
const H = 3_600_000;
const wh = DEFAULT_SETTINGS.workingHours;

function seg(
  start: number,
  end: number,
  source: Segment['source'] = 'browser',
  lane: Segment['lane'] = 'focus',
): Segment {
  return { start, end, day: '2026-11-24', host: source === 'browser' ? 'docs.google.com' : '', path: '', source, lane };
}

describe('coverage', () => {
  it('counts working time up to now, browser time and calendar time inside it, overlaps once', () => {
    const c = coverageOf({
      segments: [
        seg(at(8), at(10)), // 1 h before working hours is left out
        seg(at(10, 30), at(11, 30), 'calendar'),
        seg(at(11), at(11, 15), 'browser', 'call'), // inside the meeting: counted once, as browser
        seg(at(13), at(14), 'manual'),
      ],
      from: DAY_FROM,
      to: DAY_TO,
      now: at(15),
      workingHours: wh,
    });
    expect(c.workingMs).toBe(6 * H);
    expect(c.browserMs).toBe(1.25 * H);
    expect(c.calendarMs).toBe(1.75 * H);
    expect(c.coveredMs).toBe(3 * H);
    expect(c.share).toBe(0.5);
  });

  it('has no share before the working day starts or on a day off', () => {
    expect(
      coverageOf({ segments: [seg(at(7), at(8))], from: DAY_FROM, to: DAY_TO, now: at(8, 30), workingHours: wh }).share,
    ).toBeNull();
    const sunday = new Date(2026, 10, 22).getTime();
    expect(
      coverageOf({ segments: [], from: sunday, to: sunday + 24 * H, now: at(15), workingHours: wh }).workingMs,
    ).toBe(0);
  });

  it('never covers more than the working time, and browser + calendar = covered (property)', () => {
    const minute = 60_000;
    const arb = fc.array(
      fc.record({
        s: fc.integer({ min: 0, max: 24 * 60 - 1 }),
        len: fc.integer({ min: 1, max: 300 }),
        src: fc.constantFrom('browser', 'calendar', 'manual') as fc.Arbitrary<Segment['source']>,
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 24 * 60 }), (xs, nowMin) => {
        const segments = xs.map((x) =>
          seg(DAY_FROM + x.s * minute, Math.min(DAY_TO, DAY_FROM + (x.s + x.len) * minute), x.src),
        );
        const c = coverageOf({
          segments,
          from: DAY_FROM,
          to: DAY_TO,
          now: DAY_FROM + nowMin * minute,
          workingHours: wh,
        });
        expect(c.coveredMs).toBeLessThanOrEqual(c.workingMs);
        expect(c.browserMs + c.calendarMs).toBe(c.coveredMs);
        expect(c.calendarMs).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
