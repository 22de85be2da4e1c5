// The team view's aggregation: week alignment, shares, median and range, bands, kinds, meeting hours, names.
import { describe, expect, it } from 'vitest';
import { alignedWeek, bandOf, buildTeamView, median } from '@/lib/export/team-view';
import { HOUR, MIN, teamMember as member, teamWeek as week } from './helpers';

describe('helpers', () => {
  it.each([
    [[], null],
    [[3], 3],
    [[5, 1], 3],
    [[0.5, 0.1, 0.3], 0.3],
    [[4, 1, 3, 2], 2.5],
  ])('median(%j) = %s', (values, m) => {
    expect(median(values)).toBe(m);
  });

  it.each([
    ['2025-03-24', '2025-03-24'], // Monday start
    ['2025-03-23', '2025-03-24'], // Sunday start → the Monday after
    ['2025-03-22', '2025-03-24'], // Saturday start: its 4th day is Tuesday 25th
    ['2025-03-26', '2025-03-24'], // Wednesday start: its 4th day is Saturday 29th
    ['2025-03-27', '2025-03-24'], // Thursday start: its 4th day is Sunday 30th, the last day of the week of the 24th
    ['2025-03-28', '2025-03-31'], // Friday start: its 4th day is Monday 31st
  ])('alignedWeek(%s) = %s', (start, aligned) => {
    expect(alignedWeek(start)).toBe(aligned);
  });

  it.each([
    [null, null],
    [0.6, 'good'],
    [0.5, 'good'],
    [0.495, 'good'], // shows as 50%
    [0.494, 'between'],
    [0.26, 'between'],
    [0.254, 'typical'], // shows as 25%
    [0.25, 'typical'],
    [0, 'typical'],
  ])('bandOf(%s) = %s', (share, band) => {
    expect(bandOf(share)).toBe(band);
  });
});

describe('buildTeamView', () => {
  // Ann (Monday weeks): 50% then 25%. Ben (Sunday weeks, aligned to the same Mondays): 80%, 60%.
  // Cy: one week, 10%, and a second week with only personal time (no share).
  const ann = member('Ann', [
    week('2025-03-17', { writing: 10, meetings: 6, messaging: 4 }, { blocks50: 2 }),
    week('2025-03-24', { design: 5, meetings: 10, project: 5 }, { blocks50: 0 }),
  ]);
  const ben = member(
    'Ben',
    [week('2025-03-16', { writing: 16, meetings: 4 }, { contextSwitchesPerHour: 3 }), week('2025-03-23', { research: 12, reporting: 8 }, { contextSwitchesPerHour: null })],
    0,
  );
  const cy = member('Cy', [week('2025-03-10', { ai: 1, admin: 9 }), week('2025-03-17', { personal: 3 }), week('2025-03-24', {})]);
  const view = buildTeamView([ann, ben, cy]);

  it('aligns weeks across week starts and lists shares per person', () => {
    expect(view.weeks.map((w) => w.week)).toEqual(['2025-03-10', '2025-03-17', '2025-03-24']);
    expect(view.weeks.map((w) => w.shares)).toEqual([
      [null, null, 0.1],
      [0.5, 0.8, null],
      [0.25, 0.6, null],
    ]);
    expect(view.weeks.map((w) => [w.n, w.median, w.min, w.max])).toEqual([
      [1, 0.1, 0.1, 0.1],
      [2, 0.65, 0.5, 0.8],
      [2, 0.425, 0.25, 0.6],
    ]);
  });

  it('weights each person\'s overall share by time and takes the team median and range', () => {
    const [a, b, c] = view.people;
    expect(a!.share).toBeCloseTo(15 / 40);
    expect(b!.share).toBeCloseTo(28 / 40);
    expect(c!.share).toBeCloseTo(0.1);
    expect(view.n).toBe(3);
    expect(view.median).toBeCloseTo(15 / 40);
    expect(view.min).toBeCloseTo(0.1);
    expect(view.max).toBeCloseTo(0.7);
  });

  it('counts people and person-weeks in the benchmark bands', () => {
    expect(view.people.map((p) => p.band)).toEqual(['between', 'good', 'typical']);
    expect(view.bands.people).toEqual({ good: 1, between: 1, typical: 1, none: 0 });
    // Person-weeks: Ann 50% (good) and 25% (typical); Ben 80%, 60% (good); Cy 10% (typical), personal only and empty (none).
    expect(view.bands.personWeeks).toEqual({ good: 3, between: 0, typical: 2, none: 2 });
  });

  it('totals the team\'s time by kind, as shares of coordination and of creative time', () => {
    const coord = Object.fromEntries(view.coordinationKinds.map((k) => [k.kind, k.ms / HOUR]));
    expect(coord).toEqual({ meetings: 20, messaging: 4, project: 5, reporting: 8, admin: 9 });
    expect(view.totals.coordination).toBe(46 * HOUR);
    expect(view.coordinationKinds.find((k) => k.kind === 'meetings')!.shareOfClass).toBeCloseTo(20 / 46);
    expect(view.creativeKinds.map((k) => k.kind)).toEqual(['writing', 'design', 'research', 'building', 'ai']);
    expect(view.creativeKinds.reduce((a, k) => a + k.shareOfClass, 0)).toBeCloseTo(1);
    expect(view.totals.neutral).toBe(3 * HOUR);
  });

  it('gives meeting hours per active week and their median across people', () => {
    const [a, b, c] = view.people;
    expect(a!.meetingMsPerWeek).toBe(8 * HOUR);
    expect(b!.meetingMsPerWeek).toBe(2 * HOUR);
    // Cy's empty week does not count; the personal-only week does.
    expect(c!.activeWeeks).toBe(2);
    expect(c!.meetingMsPerWeek).toBe(0);
    expect(view.meetingMedianMsPerWeek).toBe(2 * HOUR);
    expect([view.meetingMinMsPerWeek, view.meetingMaxMsPerWeek]).toEqual([0, 8 * HOUR]);
    expect(a!.blocks50PerWeek).toBe(1);
    expect(b!.switchesPerHour).toBe(3);
  });

  it('handles no files and people without classified time', () => {
    const empty = buildTeamView([]);
    expect(empty).toMatchObject({ people: [], weeks: [], median: null, min: null, max: null, n: 0, meetingMedianMsPerWeek: null });
    const idle = buildTeamView([member('Dee', [week('2025-03-24', { personal: 1 })])]);
    expect(idle.people[0]!.share).toBeNull();
    expect(idle.median).toBeNull();
    expect(idle.bands.people.none).toBe(1);
    expect(idle.coordinationKinds.every((k) => k.shareOfClass === 0)).toBe(true);
  });

  it('does not mutate the files', () => {
    const before = JSON.stringify(ann);
    buildTeamView([ann, ann]);
    expect(JSON.stringify(ann)).toBe(before);
    expect(MIN).toBe(60_000);
  });
});
