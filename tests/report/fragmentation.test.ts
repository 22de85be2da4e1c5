import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, buildWeekReport } from '@/lib/report';
import {
  REFERENCES,
  blockRuleWords,
  directionOf,
  fragmentationPoint,
  fragmentationReading,
  switchesWords,
  type FragmentationPoint,
} from '@/lib/report/fragmentation';
import { fakeClassify } from './fake-classifier';
import { MIN, focus, local, settings } from './helpers';

const fmt = { number: (n: number, d = 0) => n.toFixed(d), duration: (ms: number) => `${Math.round(ms / MIN)} min` };

function point(o: Partial<FragmentationPoint> = {}): FragmentationPoint {
  return {
    week: '2025-03-10',
    weekStart: 0,
    trackedMs: 10 * 60 * MIN,
    switchesPerHour: 8,
    toolsPerDay: 6,
    blocks25: 3,
    blocks50: 1,
    blocks90: 0,
    longestBlockMs: 60 * MIN,
    ...o,
  };
}

describe('switchesWords', () => {
  it.each<[number | null, string | null]>([
    [14, 'You switched tools 14 times an active hour — about every 4 minutes.'],
    [6, 'You switched tools 6.0 times an active hour — about every 10 minutes.'],
    [1, 'You switched tools 1.0 time an active hour — about every 60 minutes.'],
    [0.5, 'You switched tools 0.5 times an active hour — about every 2.0 hours.'],
    [90, 'You switched tools 90 times an active hour — more than once a minute.'],
    [0, 'You hardly switched tools: about once every few hours of activity.'],
    [null, null],
  ])('%s / h → %s', (rate, words) => expect(switchesWords(rate, fmt, true)).toBe(words));

  it('speaks in the present for the current week', () => {
    expect(switchesWords(14, fmt)).toBe('You switch tools 14 times an active hour — about every 4 minutes.');
  });
});

describe('directionOf', () => {
  it.each<[Array<number | null>, number, string | null]>([
    [[10, 10, 14], 0, 'up'],
    [[10, 10, 7], 0, 'down'],
    [[10, 10, 10.5], 0, 'flat'],
    [[10, null, 14], 0, 'up'],
    [[null, null, 14], 0, null],
    [[10, 12, null], 0, null],
    [[2, 2, 2.8], 1, 'flat'],
    [[14], 0, null],
  ])('%j (min step %d) → %s', (values, step, dir) => expect(directionOf(values, step)).toBe(dir));
});

describe('fragmentationReading', () => {
  it('reads the shown week against the weeks before, with the references that apply', () => {
    const r = fragmentationReading(
      [
        point({ switchesPerHour: 8 }),
        point({ switchesPerHour: 8 }),
        point({ switchesPerHour: 14, blocks25: 0, blocks50: 0, longestBlockMs: 20 * MIN, toolsPerDay: 9 }),
      ],
      fmt,
    );
    expect(r.sentences).toEqual([
      'You switched tools 14 times an active hour — about every 4 minutes. That is more often than the 2 earlier weeks.',
      'Your longest creative block was 20 min; no creative block reached 25 minutes. Shorter than in the 2 earlier weeks.',
      'On an average active day you used 9.0 tools, more than the 2 earlier weeks.',
    ]);
    expect(r.references.map((x) => x.id)).toEqual(['msft-wti-2025', 'mark-2005', 'mark-2008']);
  });

  it('without earlier weeks: no trend words; a good week names its long blocks', () => {
    const r = fragmentationReading(
      [point({ blocks25: 4, blocks50: 2, blocks90: 1, longestBlockMs: 95 * MIN })],
      fmt,
      true,
    );
    expect(r.sentences[0]).toBe('You switch tools 8.0 times an active hour — about every 8 minutes.');
    expect(r.sentences[1]).toBe(
      'Your longest creative block was 95 min; 4 blocks reached 25 minutes, 1 of them 90 or more.',
    );
    expect(r.references.map((x) => x.id)).not.toContain('mark-2008');
  });

  it('counts only earlier weeks with time, and does not call "hardly switching" as often as before', () => {
    const r = fragmentationReading(
      [
        point({ trackedMs: 0, switchesPerHour: null, toolsPerDay: null }),
        point({ switchesPerHour: 0 }),
        point({ switchesPerHour: 0, longestBlockMs: 180 * MIN }),
      ],
      fmt,
    );
    expect(r.sentences[0]).toBe('You hardly switched tools: about once every few hours of activity.');
    expect(r.sentences[1]).toMatch(/Longer than in the earlier week\.$/);
  });

  it('an empty week says so and cites nothing', () => {
    expect(fragmentationReading([point({ trackedMs: 0 })], fmt)).toEqual({
      sentences: ['Nothing was tracked this week, so there is nothing to read yet.'],
      references: [],
    });
  });

  it('every reference has a finding, a citation and an https address', () => {
    for (const r of Object.values(REFERENCES)) {
      expect(r.finding.length).toBeGreaterThan(40);
      expect(r.cite).toMatch(/20\d\d/);
      expect(r.url).toMatch(/^https:\/\//);
    }
  });
});

describe('blockRuleWords and the threshold in the report', () => {
  it('says the threshold used', () => {
    expect(blockRuleWords(DEFAULT_THRESHOLDS)).toBe(
      "Short interruptions under 2 min (a glance at chat, a quick reply) don't break a creative block; nor does a pause of up to 2 min. Only the creative minutes count towards a block's length.",
    );
    expect(blockRuleWords({ ...DEFAULT_THRESHOLDS, blockInterruptionMs: 5 * MIN })).toMatch(
      /^Short interruptions under 5 min/,
    );
    expect(blockRuleWords({ ...DEFAULT_THRESHOLDS, blockInterruptionMs: 0 })).toMatch(
      /^Any interruption of more than a few seconds ends a creative block/,
    );
  });

  it('a longer threshold joins blocks across a 3-minute chat reply; fragmentationPoint follows the report', () => {
    const B = local(2025, 3, 12, 9);
    const segments = [focus(B, 0, 30, 'a.test'), focus(B, 30, 33, 'b.test'), focus(B, 33, 63, 'a.test')];
    const build = (min: number) =>
      fragmentationPoint(
        buildWeekReport({
          segments,
          classify: fakeClassify,
          weekStart: local(2025, 3, 10),
          now: local(2025, 3, 17),
          settings: settings(),
          thresholds: { blockInterruptionMs: min * MIN },
        }),
      );
    expect(build(2)).toMatchObject({ blocks25: 2, blocks50: 0, longestBlockMs: 30 * MIN, toolsPerDay: 2 });
    expect(build(4)).toMatchObject({ blocks25: 1, blocks50: 1, longestBlockMs: 60 * MIN });
    expect(build(2).switchesPerHour).toBeCloseTo(2 / (63 / 60), 5);
  });
});
