import { expect, it } from 'vitest';
import { dayKey, localDayStart, nextWeeklyAt, splitAtMidnights } from '@/lib/time/days';

const H = 3600_000;

/** Wall-clock → instant in the process zone. */
const at = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi).getTime();

interface DayCase {
  /** A local day with a clock change. */
  day: [number, number, number];
  /** Its real length in hours. */
  hours: number;
  /** The local hour the day starts at (1 when midnight is skipped). */
  startsAt: number;
}

const CASES: Record<string, DayCase[]> = {
  'America/Sao_Paulo': [
    { day: [2018, 11, 4], hours: 23, startsAt: 1 }, // DST began at midnight: 00:00 did not exist
    { day: [2019, 2, 16], hours: 25, startsAt: 0 }, // 23:00–24:00 happened twice
    { day: [2026, 11, 24], hours: 24, startsAt: 0 },
  ],
  'Australia/Sydney': [
    { day: [2026, 10, 4], hours: 23, startsAt: 0 }, // 02:00 → 03:00
    { day: [2026, 4, 5], hours: 25, startsAt: 0 }, // 03:00 → 02:00
  ],
  'Europe/Berlin': [
    { day: [2026, 3, 29], hours: 23, startsAt: 0 },
    { day: [2026, 10, 25], hours: 25, startsAt: 0 },
  ],
};

export function runDaysSuite(zone: string) {
  for (const c of CASES[zone] ?? []) {
    const [y, m, d] = c.day;
    const label = c.day.join('-');
    it(`${label} is ${c.hours} h long and starts at ${c.startsAt}:00`, () => {
      const dayStart = at(y, m, d, c.startsAt);
      const next = localDayStart(dayStart + H, 1);
      expect((next - dayStart) / H).toBe(c.hours);
      expect(new Date(next).getHours()).toBe(0);
      expect(dayKey(next)).not.toBe(dayKey(dayStart));
    });

    it(`${label}: a segment from 22:00 the day before to 02:00 the day after is split into three exact pieces`, () => {
      const start = at(y, m, d - 1, 22);
      const end = at(y, m, d + 1, 2);
      const pieces = splitAtMidnights(start, end);
      expect(pieces).toHaveLength(3);
      expect(pieces.reduce((sum, p) => sum + (p.end - p.start), 0)).toBe(end - start);
      expect(pieces[1]!.day).toBe(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
      expect((pieces[1]!.end - pieces[1]!.start) / H).toBe(c.hours);
      for (const p of pieces) expect(dayKey(p.start)).toBe(p.day);
    });
  }

  it('the weekly reminder keeps its local hour across a clock change', () => {
    const c = CASES[zone]![0]!;
    const [y, m, d] = c.day;
    const weekday = new Date(at(y, m, d, 12)).getDay();
    const fired = nextWeeklyAt(at(y, m, d - 3, 12), weekday, 16);
    expect(new Date(fired).getHours()).toBe(16);
    expect(dayKey(fired)).toBe(dayKey(at(y, m, d, 12)));
    const following = nextWeeklyAt(fired, weekday, 16);
    expect(new Date(following).getHours()).toBe(16);
    expect(Math.round((following - fired) / H / 24)).toBe(7);
  });
}
