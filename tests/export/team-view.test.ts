// The team view's aggregation: the minimum group size, week alignment, shares, medians, ranges, bands,
// kinds, fragmentation — and that nothing in it is tied to a file or a name.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignedWeek, bandOf, buildTeamView, clampMinGroup, median, type TeamView } from '@/lib/export/team-view';
import { HOUR, MIN, teamPerson as person, teamWeek as week } from './helpers';

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
    ['2025-03-27', '2025-03-24'], // Thursday start: its 4th day is Sunday 30th
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

  it.each([
    [undefined, 5],
    [5, 5],
    [4, 4],
    [3, 3],
    [2, 3],
    [0, 3],
    [-1, 3],
    [Number.NaN, 5],
    [7.9, 7],
  ])('clampMinGroup(%s) = %s (the lead may lower it to 3, never below)', (asked, used) => {
    expect(clampMinGroup(asked)).toBe(used);
  });
});

/** A person with one week in each of the two weeks of March 17 and 24, at `share` creative. */
const at = (share: number, extra: Parameters<typeof week>[2] = {}) =>
  person([
    week('2025-03-17', { writing: share * 20, meetings: (1 - share) * 12, messaging: (1 - share) * 8 }, extra),
    week('2025-03-24', { writing: share * 20, meetings: (1 - share) * 12, project: (1 - share) * 8 }, extra),
  ]);

/** Every number anywhere in a view's figures (not counts of people or the floor). */
function figuresOf(view: TeamView): unknown {
  return view.stats;
}

describe('minimum group size', () => {
  const five = [
    at(0.1),
    at(0.3, { blocks25: 2, blocks50: 1, longestCreativeBlockMs: 55 * MIN }),
    at(0.45),
    at(0.6),
    at(0.8),
  ];

  it('4 people: no figure at all, and how many more are needed', () => {
    const view = buildTeamView(five.slice(0, 4));
    expect(view).toEqual({
      people: 4,
      counted: 4,
      minGroup: 5,
      needed: 1,
      weekKeys: ['2025-03-17', '2025-03-24'],
      stats: null,
    });
    expect(figuresOf(view)).toBeNull();
  });

  it('5 people: the team figures', () => {
    const view = buildTeamView(five);
    expect(view.needed).toBe(0);
    const s = view.stats!;
    expect(s.shares.map((x) => Math.round(x * 100))).toEqual([10, 30, 45, 60, 80]);
    expect(s.share).toEqual({
      median: expect.closeTo(0.45, 9),
      min: expect.closeTo(0.1, 9),
      max: expect.closeTo(0.8, 9),
      n: 5,
    });
    expect(s.bands).toEqual({ good: 2, between: 2, typical: 1, none: 0 });
    expect(s.weeks.map((w) => [w.week, w.n, w.share && Math.round(w.share.median * 100)])).toEqual([
      ['2025-03-17', 5, 45],
      ['2025-03-24', 5, 45],
    ]);
  });

  it('the lead may lower it to 3 but never below', () => {
    expect(buildTeamView(five.slice(0, 3), 3).stats).not.toBeNull();
    expect(buildTeamView(five.slice(0, 2), 2)).toMatchObject({ minGroup: 3, needed: 1, stats: null });
    expect(buildTeamView(five.slice(0, 2), 0).stats).toBeNull();
  });

  it('people without classified time do not count towards it', () => {
    const idle = person([week('2025-03-17', { personal: 3 })]);
    expect(buildTeamView([...five.slice(0, 4), idle])).toMatchObject({ people: 5, counted: 4, needed: 1, stats: null });
  });

  it('a week with fewer people than the floor shows no figure for that week', () => {
    const late = person([week('2025-03-31', { writing: 5, meetings: 5 })]);
    const view = buildTeamView([...five, late]);
    const weeks = view.stats!.weeks;
    expect(weeks.map((w) => [w.week, w.n, w.share === null])).toEqual([
      ['2025-03-17', 5, false],
      ['2025-03-24', 5, false],
      ['2025-03-31', 1, true],
    ]);
  });

  it('a figure only some people have is withheld below the floor (50-minute blocks of 4 people)', () => {
    const noActive = person([week('2025-03-17', {}, { blocks50: 0 })]);
    const view = buildTeamView([at(0.2), at(0.3), at(0.4), at(0.5), at(0.6), noActive], 6);
    // 6 people loaded, 5 with a share: under a floor of 6 nothing is shown.
    expect(view.stats).toBeNull();
  });

  it('property: below the floor nothing numeric exists; at or above it every spread counts at least the floor', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 9 }),
        fc.integer({ min: 0, max: 7 }),
        (shares, asked) => {
          const view = buildTeamView(
            shares.map((s) => at(s)),
            asked,
          );
          if (shares.length < view.minGroup) {
            expect(view.stats).toBeNull();
            expect(view.needed).toBe(view.minGroup - shares.length);
            return;
          }
          const spreads = [
            view.stats!.share,
            view.stats!.longestBlock,
            view.stats!.blocks50PerWeek,
            ...view.stats!.weeks.map((w) => w.share),
            ...view.stats!.coordinationKinds.map((k) => k.perPersonWeek),
          ];
          for (const sp of spreads) if (sp) expect(sp.n).toBeGreaterThanOrEqual(view.minGroup);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the order of the files changes nothing (no figure is tied to a file)', () => {
    const a = buildTeamView(five);
    const b = buildTeamView([...five].reverse());
    expect(b).toEqual(a);
  });
});

describe('the team figures', () => {
  // Weeks aligned across week starts: Sunday-start files count with Monday-start ones.
  const sunday = (share: number) =>
    person([
      week('2025-03-16', { writing: share * 10, meetings: (1 - share) * 10 }),
      week('2025-03-23', { writing: share * 10, meetings: (1 - share) * 10 }),
    ]);
  const people = [at(0.2), at(0.4), at(0.6), sunday(0.5), sunday(0.9)];
  const view = buildTeamView(people);
  const s = view.stats!;

  it('aligns weeks across week starts', () => {
    expect(view.weekKeys).toEqual(['2025-03-17', '2025-03-24']);
    expect(s.weeks.map((w) => w.n)).toEqual([5, 5]);
  });

  it('where coordination goes: team share of coordination per kind and hours per person per week', () => {
    const meetings = s.coordinationKinds.find((k) => k.kind === 'meetings')!;
    const total = s.totals.coordination;
    expect(s.coordinationKinds.map((k) => k.kind)).toEqual(['meetings', 'messaging', 'project', 'reporting', 'admin']);
    expect(meetings.shareOfClass).toBeCloseTo(meetings.ms / total, 9);
    expect(s.coordinationKinds.reduce((a, k) => a + k.shareOfClass, 0)).toBeCloseTo(1, 9);
    // Meetings per person per week: at(x) has 12(1-x) h, sunday(x) 10(1-x) h.
    const perWeek = [12 * 0.8, 12 * 0.6, 12 * 0.4, 10 * 0.5, 10 * 0.1].map((h) => h * HOUR).sort((a, b) => a - b);
    expect(meetings.perPersonWeek!.median).toBeCloseTo(perWeek[2]!, -3);
    expect(meetings.perPersonWeek!.min).toBeCloseTo(perWeek[0]!, -3);
    // Messaging: only the at() people have it in one of two weeks, but everyone counts (0 for the others).
    expect(s.coordinationKinds.find((k) => k.kind === 'messaging')!.perPersonWeek!.n).toBe(5);
  });

  it('fragmentation: median longest block and 50-minute blocks per week', () => {
    const blocks = [
      person([
        week('2025-03-17', { writing: 10 }, { longestCreativeBlockMs: 30 * MIN, blocks25: 2, blocks50: 0 }),
        week(
          '2025-03-24',
          { writing: 10 },
          { longestCreativeBlockMs: 90 * MIN, blocks25: 4, blocks50: 2, blocks90: 1 },
        ),
      ]),
      ...[40, 60, 70, 120].map((m, i) =>
        person([
          week(
            '2025-03-17',
            { writing: 10 },
            { longestCreativeBlockMs: m * MIN, blocks25: 5, blocks50: i, blocks90: 0 },
          ),
        ]),
      ),
    ];
    const f = buildTeamView(blocks).stats!;
    // Person 1: median of 30 and 90 = 60 min; the others 40, 60, 70, 120.
    expect(f.longestBlock).toEqual({ median: 60 * MIN, min: 40 * MIN, max: 120 * MIN, n: 5 });
    expect(f.blocks50).toEqual([0, 1, 1, 2, 3]);
    expect(f.blocks50PerWeek).toEqual({ median: 1, min: 0, max: 3, n: 5 });
  });
});
