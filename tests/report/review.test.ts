import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Segment } from '@/lib/model';
import { buildWeekReport, buildWeeklyReview, compareWeeks, type TrendPoint, type WeekReport } from '@/lib/report';
import { fakeClassify } from './fake-classifier';
import { calendar, call, focus, local, settings } from './helpers';

const MON = local(2025, 3, 10);
const TUE9 = local(2025, 3, 11, 9);
const WED9 = local(2025, 3, 12, 9);
const AFTER = local(2025, 3, 20);

const DOCS = ['docs.google.com', '/document/d/*/edit'] as const;
const SLACK = ['app.slack.com', '/client/*/*'] as const;
const ASANA = ['app.asana.com', '/*/*/list'] as const;

function week(segments: Segment[], now = AFTER, target = 0.5): WeekReport {
  return buildWeekReport({ segments, classify: fakeClassify, weekStart: MON, now, settings: settings({}, target) });
}

/** Tuesday and Wednesday of a small but complete week. */
const SAMPLE: Segment[] = [
  focus(TUE9, 0, 52, ...DOCS),
  focus(TUE9, 52, 60, ...SLACK),
  calendar(TUE9, 60, 120),
  focus(TUE9, 70, 80, ...SLACK), // Slack during the meeting
  focus(TUE9, 120, 150, ...ASANA),
  focus(TUE9, 150, 170, ...DOCS),
  call(WED9, 0, 30, 'meet.google.com'),
  focus(WED9, 30, 90, ...SLACK),
  focus(WED9, 90, 120, ...DOCS),
  focus(WED9, 120, 135, 'martechweekly.io', '/p/*'),
];

describe('buildWeeklyReview', () => {
  it('states the numbers of the week in plain words', () => {
    const r = week(SAMPLE);
    const text = buildWeeklyReview(r, { locale: 'en-GB' });
    expect(text[0]).toBe(
      'In the week of 10 March 2025 creative work took 1 h 42 min and coordination 3 h 8 min: a creative share of 35%. Another 15 min was personal or not yet classified.',
    );
    expect(text[1]).toBe(
      'Coordination took 3 h 8 min: meetings 1 h 30 min, Slack 1 h 8 min, Asana 30 min. Longest creative block: 52 min on Tuesday, from 9:00. You had 2 creative blocks of 25 min or more and 1 of 50 min or more.',
    );
    expect(text[2]).toBe(
      'At 35%, your creative share sits between what B2B marketers call typical (25%) and a good day (50%). That is 15 pts below your 50% target.',
    );
    expect(text[3]).toBe(`You switched tools ${r.switchesPerHour!.toFixed(1)} times per active hour (${r.switches} switches in 5 h 5 min). During meetings you spent 10 min in other tools, mostly Slack (10 min).`);
    expect(text[4]).toBe(
      'Your most creative day was Tuesday, at 42% creative. 15 min on sites not classified yet, most on martechweekly.io (15 min); classifying them makes the ratio more accurate.',
    );
  });

  it('formats numbers, percentages, day names and times for the locale', () => {
    const text = buildWeeklyReview(week(SAMPLE), { locale: 'de-DE' }).join('\n');
    expect(text).toContain('10. März 2025');
    expect(text).toContain('35\u00a0%');
    expect(text).toContain('Dienstag');
    expect(text).toContain('1 h 42 min');
  });

  it('adds the change against last week and the 4-week average', () => {
    const pt = (share: number | null): TrendPoint => ({ weekStart: 0, week: '', totals: { creative: 0, coordination: 0, neutral: 0, unclassified: 0 }, trackedMs: 0, classifiedMs: 0, creativeShare: share });
    const r = week(SAMPLE);
    const comparison = compareWeeks([pt(0.25), pt(0.3), pt(0.41), pt(0.31), pt(r.creativeShare)]);
    const text = buildWeeklyReview(r, { locale: 'en-GB', comparison });
    // 35.2% vs 31% last week; vs (25 + 30 + 41 + 31) / 4 = 31.75%.
    expect(text[2]).toContain('Change: +4 pts vs last week (31%), +3 pts vs your average of the previous 4 weeks (32%).');
  });

  it('says target reached and good day', () => {
    const text = buildWeeklyReview(week([focus(TUE9, 0, 90, ...DOCS), focus(TUE9, 90, 120, ...SLACK)], AFTER, 0.75), { locale: 'en-GB' });
    expect(text[2]).toBe("At 75%, your creative share reaches what B2B marketers call a good day (50% creative). That is right on your 75% target.");
  });

  it('says when the share is at or below typical and above a low target', () => {
    const text = buildWeeklyReview(week([focus(TUE9, 0, 20, ...DOCS), focus(TUE9, 20, 120, ...SLACK)], AFTER, 0.1), { locale: 'en-GB' });
    expect(text[2]).toBe('At 17%, your creative share is at or below what B2B marketers call typical (25%). That is 7 pts above your 10% target.');
  });

  it('an empty week says so, and nothing else', () => {
    expect(buildWeeklyReview(week([]), { locale: 'en-GB' })).toEqual(['No time was recorded in the week of 10 March 2025.']);
    expect(buildWeeklyReview(week([], local(2025, 3, 12)), { locale: 'en-GB' })).toEqual(['No time has been recorded so far in the week of 10 March 2025.']);
  });

  it('a week with only unclassified time does not invent a share', () => {
    const text = buildWeeklyReview(week([focus(TUE9, 0, 45, 'x.example')]), { locale: 'en-GB' });
    expect(text).toEqual([
      'In the week of 10 March 2025 you tracked 45 min, none of it classified as creative or coordination yet.',
      'You switched tools 0 times per active hour (0 switches in 45 min).',
      '45 min on sites not classified yet, most on x.example (45 min); classifying them makes the ratio more accurate.',
    ]);
  });

  it('the current week speaks of "so far"', () => {
    const text = buildWeeklyReview(week(SAMPLE, local(2025, 3, 13, 12)), { locale: 'en-GB' });
    expect(text[0]!.startsWith('So far in the week of 10 March 2025 creative work took 1 h 42 min')).toBe(true);
  });

  it('mentions meetings without multitasking', () => {
    const text = buildWeeklyReview(week([calendar(TUE9, 0, 60), focus(TUE9, 60, 120, ...DOCS)]), { locale: 'en-GB' });
    expect(text.join(' ')).toContain('No other tool was in the foreground during your 1 h of meetings.');
  });

  it('every paragraph carries numbers from the report (never canned), and no placeholder leaks', () => {
    const hosts = [DOCS, SLACK, ASANA, ['meet.google.com', ''], ['x.example', '/a'], ['youtube.com', '/watch']] as const;
    const arb = fc.array(
      fc.record({ start: fc.integer({ min: 0, max: 7 * 24 * 60 - 1 }), len: fc.integer({ min: 1, max: 240 }), h: fc.integer({ min: 0, max: hosts.length - 1 }), cal: fc.boolean() }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, fc.constantFrom('en-GB', 'en-US', 'de-DE', 'fr-FR'), (specs, locale) => {
        const segs = specs.map(({ start, len, h, cal }) => (cal && h === 3 ? calendar(MON, start, start + len) : focus(MON, start, start + len, ...hosts[h]!)));
        const paragraphs = buildWeeklyReview(week(segs), { locale });
        expect(paragraphs.length).toBeGreaterThan(0);
        for (const p of paragraphs) {
          expect(p).toMatch(/\d/);
          expect(p).not.toMatch(/NaN|undefined|null|Infinity|\[object/);
        }
      }),
      { numRuns: 80 },
    );
  });
});
