import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Segment } from '@/lib/model';
import {
  buildWeekReport,
  buildWeeklyReview,
  compareWeeks,
  formatDuration,
  formatPercent,
  type WeekReport,
} from '@/lib/report';
import { fakeClassify } from './fake-classifier';
import { calendar, call, focus, local, settings, sharePoint } from './helpers';

const MON = local(2025, 3, 10);
const TUE9 = local(2025, 3, 11, 9);
const WED9 = local(2025, 3, 12, 9);
const AFTER = local(2025, 3, 20);

const THU9 = local(2025, 3, 13, 9);

const DOCS = ['docs.google.com', '/document/d/*/edit'] as const;
const SLACK = ['app.slack.com', '/client/*/*'] as const;
const ASANA = ['app.asana.com', '/*/*/list'] as const;
const GMAIL = ['mail.google.com', '/mail/u/0/'] as const;
const YOUTUBE = ['youtube.com', '/watch'] as const;

/** A paragraph's sentences (no sentence of the review has a full stop followed by a space inside it). */
function sentences(paragraph: string): string[] {
  return paragraph.split(/(?<=\.)\s+/);
}

/** Every duration ("1 h 30 min", "45 min", "< 1 min") and percentage ("35%") in the text, in order; not the block lengths counted ("of 25 min or more"). */
function quantities(text: string): string[] {
  return text.replace(/(?:of|reached) (?:25|50|90) min/g, '').match(/< \d+ min|\d+ h(?: \d+ min)?|\d+ min|\d+%/g) ?? [];
}

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
      'In the week of 10 March 2025 creative work took 1 h 42 min and coordination 3 h 8 min: a creative share of 35%.',
    );
    expect(text[1]).toBe(
      "Where coordination went: meetings 1 h 30 min, Slack 1 h 8 min, Asana 30 min. Longest creative block: 52 min on Tuesday, from 9:00. You had 2 creative blocks of 25 min or more and 1 of 50 min or more. Short interruptions under 2 min (a glance at chat, a quick reply) don't break a creative block.",
    );
    expect(text[2]).toBe(
      'Your creative share sits between 25%, the reality for 38% of surveyed marketers, and 50%, a good day for 42% of surveyed marketers. That is 15 pts below your 50% target.',
    );
    expect(text[3]).toBe(
      `You switched tools ${r.switchesPerHour!.toFixed(1)} times per active hour (${r.switches} switches in 5 h 5 min). During meetings you spent 10 min in other tools, all of it in Slack.`,
    );
    expect(text[4]).toBe(
      'Your most creative day was Tuesday, at 42% creative. 15 min was not classified yet, all of it on martechweekly.io; classifying it makes the ratio more accurate.',
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
    const pt = sharePoint;
    const r = week(SAMPLE);
    const comparison = compareWeeks([pt(0.25), pt(0.3), pt(0.41), pt(0.31), pt(r.creativeShare)]);
    const text = buildWeeklyReview(r, { locale: 'en-GB', comparison });
    // 35.2% vs 31% last week; vs (25 + 30 + 41 + 31) / 4 = 31.75%.
    expect(text[2]).toContain(
      'Change: +4 pts vs last week (31%), +3 pts vs your average of the previous 4 weeks (32%).',
    );
  });

  it('says target reached and good day', () => {
    const text = buildWeeklyReview(week([focus(TUE9, 0, 90, ...DOCS), focus(TUE9, 90, 120, ...SLACK)], AFTER, 0.75), {
      locale: 'en-GB',
    });
    expect(text[2]).toBe(
      'Your creative share reaches 50%, a good day for 42% of surveyed marketers. That is right on your 75% target.',
    );
  });

  it('says when the share is at or below typical and above a low target', () => {
    const text = buildWeeklyReview(week([focus(TUE9, 0, 20, ...DOCS), focus(TUE9, 20, 120, ...SLACK)], AFTER, 0.1), {
      locale: 'en-GB',
    });
    expect(text[2]).toBe(
      'Your creative share is at or below 25%, the reality for 38% of surveyed marketers. That is 7 pts above your 10% target.',
    );
  });

  it('an empty week says so, and nothing else', () => {
    expect(buildWeeklyReview(week([]), { locale: 'en-GB' })).toEqual([
      'No time was recorded in the week of 10 March 2025.',
    ]);
    expect(buildWeeklyReview(week([], local(2025, 3, 12)), { locale: 'en-GB' })).toEqual([
      'No time has been recorded so far in the week of 10 March 2025.',
    ]);
  });

  it('a week with only unclassified time does not invent a share', () => {
    const text = buildWeeklyReview(week([focus(TUE9, 0, 45, 'x.example')]), { locale: 'en-GB' });
    expect(text).toEqual([
      'In the week of 10 March 2025 none of your tracked time was classified as creative or coordination yet.',
      'You switched tools 0 times per active hour (0 switches in 45 min).',
      '45 min was not classified yet, all of it on x.example; classifying it makes the ratio more accurate.',
    ]);
  });

  it('the current week speaks of "so far"', () => {
    const text = buildWeeklyReview(week(SAMPLE, local(2025, 3, 13, 12)), { locale: 'en-GB' });
    expect(text[0]!.startsWith('So far in the week of 10 March 2025 creative work took 1 h 42 min')).toBe(true);
  });

  it('mentions meetings without multitasking', () => {
    const text = buildWeeklyReview(week([calendar(TUE9, 0, 60), focus(TUE9, 60, 120, ...DOCS)]), { locale: 'en-GB' });
    expect(text.join(' ')).toContain('During meetings you spent 0 min in other tools.');
  });

  it('names the top site not classified yet with its time when other time is not classified either', () => {
    const text = buildWeeklyReview(
      week([focus(TUE9, 0, 60, ...DOCS), focus(TUE9, 60, 100, 'x.example'), focus(TUE9, 100, 120, 'y.example')]),
      { locale: 'en-GB' },
    );
    expect(text.at(-1)).toContain(
      '1 h was not classified yet, most on x.example (40 min); classifying it makes the ratio more accurate.',
    );
  });

  it('every paragraph carries numbers from the report (never canned), and no placeholder leaks', () => {
    const hosts = [
      DOCS,
      SLACK,
      ASANA,
      ['meet.google.com', ''],
      ['x.example', '/a'],
      ['youtube.com', '/watch'],
    ] as const;
    const arb = fc.array(
      fc.record({
        start: fc.integer({ min: 0, max: 7 * 24 * 60 - 1 }),
        len: fc.integer({ min: 1, max: 240 }),
        h: fc.integer({ min: 0, max: hosts.length - 1 }),
        cal: fc.boolean(),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, fc.constantFrom('en-GB', 'en-US', 'de-DE', 'fr-FR'), (specs, locale) => {
        const segs = specs.map(({ start, len, h, cal }) =>
          cal && h === 3 ? calendar(MON, start, start + len) : focus(MON, start, start + len, ...hosts[h]!),
        );
        const paragraphs = buildWeeklyReview(week(segs), { locale });
        expect(paragraphs.length).toBeGreaterThan(0);
        for (const p of paragraphs) {
          expect(p).toMatch(/\d/);
          expect(p).not.toMatch(/NaN|undefined|null|Infinity|\[object/);
        }
        const all = paragraphs.flatMap(sentences);
        expect(new Set(all).size).toBe(all.length);
      }),
      { numRuns: 80 },
    );
  });
});

type Fact = 'creative' | 'coordination' | 'share' | 'meetings' | 'multitask' | 'personal' | 'unclassified' | 'tracked';

function factText(r: WeekReport, fact: Fact): string {
  const ms: Record<Exclude<Fact, 'share'>, number> = {
    creative: r.totals.creative,
    coordination: r.totals.coordination,
    meetings: r.meetingMs,
    multitask: r.multitaskMs,
    personal: r.totals.neutral,
    unclassified: r.totals.unclassified,
    tracked: r.trackedMs,
  };
  return fact === 'share' ? formatPercent(r.creativeShare!, 'en-GB') : formatDuration(ms[fact], 'en-GB');
}

describe('buildWeeklyReview states each fact once', () => {
  // Each week's facts have different values, so a number seen twice is a fact said twice.
  const COORDINATION_HEAVY: Segment[] = [
    calendar(TUE9, 0, 180), // 3 h of meetings...
    focus(TUE9, 20, 45, ...SLACK), // ...25 min of it in Slack
    focus(TUE9, 180, 210, ...DOCS),
    focus(TUE9, 210, 215, ...GMAIL),
    focus(TUE9, 215, 225, ...DOCS),
    call(WED9, 0, 50, 'meet.google.com'),
    focus(WED9, 50, 170, ...SLACK),
    focus(WED9, 170, 240, ...ASANA),
    focus(THU9, 0, 28, ...GMAIL),
    focus(THU9, 28, 40, 'x.example'),
  ];
  const cases: Array<[string, Segment[], number, Fact[]]> = [
    ['an empty week', [], AFTER, []],
    ['an empty current week', [], local(2025, 3, 12), []],
    [
      'the sample week',
      SAMPLE,
      AFTER,
      ['creative', 'coordination', 'share', 'meetings', 'multitask', 'unclassified', 'tracked'],
    ],
    [
      'the sample week, so far',
      SAMPLE,
      local(2025, 3, 13, 12),
      ['creative', 'coordination', 'share', 'meetings', 'multitask', 'unclassified', 'tracked'],
    ],
    [
      'a coordination-heavy week',
      COORDINATION_HEAVY,
      AFTER,
      ['creative', 'coordination', 'share', 'meetings', 'multitask', 'unclassified', 'tracked'],
    ],
    [
      'meetings without multitasking',
      [
        calendar(TUE9, 0, 45),
        focus(TUE9, 45, 100, ...DOCS),
        focus(TUE9, 100, 110, ...YOUTUBE),
        focus(TUE9, 110, 130, ...SLACK),
        focus(TUE9, 130, 150, ...DOCS),
      ],
      AFTER,
      ['creative', 'coordination', 'share', 'meetings', 'personal', 'tracked'],
    ],
    [
      'meetings only, for coordination',
      [calendar(TUE9, 0, 45), focus(TUE9, 45, 100, ...DOCS), focus(TUE9, 100, 130, ...DOCS)],
      AFTER,
      ['coordination', 'share', 'tracked'],
    ],
    [
      'personal and unclassified time only',
      [focus(TUE9, 0, 45, ...YOUTUBE), focus(TUE9, 45, 75, 'x.example')],
      AFTER,
      ['personal', 'unclassified', 'tracked'],
    ],
    [
      'creative and personal time only',
      [focus(TUE9, 0, 70, ...DOCS), focus(WED9, 0, 30, ...DOCS), focus(WED9, 30, 50, ...YOUTUBE)],
      AFTER,
      ['creative', 'share', 'personal', 'tracked'],
    ],
    [
      'a best day no better than the week',
      [
        focus(TUE9, 0, 40, ...DOCS),
        focus(TUE9, 40, 55, ...SLACK),
        focus(WED9, 0, 40, ...DOCS),
        focus(WED9, 40, 55, ...SLACK),
      ],
      AFTER,
      ['creative', 'coordination', 'share', 'tracked'],
    ],
  ];

  it.each(cases)('%s', (_, segments, now, facts) => {
    const r = week(segments, now);
    const paragraphs = buildWeeklyReview(r, { locale: 'en-GB' });
    const all = paragraphs.flatMap(sentences);
    expect(new Set(all).size, all.join('\n')).toBe(all.length);
    expect(paragraphs.join(' ')).not.toMatch(/Coordination took/);
    const seen = quantities(paragraphs.join(' '));
    for (const fact of facts)
      expect(
        seen.filter((q) => q === factText(r, fact)),
        `${fact} in: ${paragraphs.join('\n')}`,
      ).toHaveLength(1);
  });

  it('the coordination-heavy week in full', () => {
    expect(buildWeeklyReview(week(COORDINATION_HEAVY), { locale: 'en-GB' })).toEqual([
      'In the week of 10 March 2025 creative work took 40 min and coordination 7 h 33 min: a creative share of 8%.',
      "Where coordination went: meetings 3 h 50 min, Slack 2 h, Asana 1 h 10 min, Gmail 33 min. Longest creative block: 30 min on Tuesday, from 12:00. You had 1 creative block of 25 min or more. Short interruptions under 2 min (a glance at chat, a quick reply) don't break a creative block.",
      'Your creative share is at or below 25%, the reality for 38% of surveyed marketers. That is 42 pts below your 50% target.',
      'You switched tools 0.7 times per active hour (6 switches in 8 h 25 min). During meetings you spent 25 min in other tools, all of it in Slack.',
      'Your most creative day was Tuesday, at 18% creative. 12 min was not classified yet, all of it on x.example; classifying it makes the ratio more accurate.',
    ]);
  });

  it('when meetings were all of the coordination, says so instead of their time again', () => {
    const text = buildWeeklyReview(week([calendar(TUE9, 0, 45), focus(TUE9, 45, 120, ...DOCS)]), { locale: 'en-GB' });
    expect(text[0]).toBe(
      'In the week of 10 March 2025 creative work took 1 h 15 min and coordination 45 min (all of it meetings): a creative share of 63%.',
    );
    expect(text[1]!.startsWith('Longest creative block: 1 h 15 min on Tuesday')).toBe(true);
  });
});
