/**
 * The preview's lists of recurring series and organizers (lib/calendar/meeting-summary.ts), and
 * the rule a series row creates. TZ=Europe/Berlin (vitest.config.ts): the window holds the
 * spring-forward Sunday, 30 March 2025.
 */
import { describe, expect, it } from 'vitest';
import {
  effectiveMeetingRules,
  makeMeetingRule,
  sanitizeMeetingClassSettings,
  type MeetingClassRule,
} from '@/lib/calendar/meeting-classes';
import {
  isFreeMailDomain,
  organizerDomain,
  summarizeMeetings,
  type SummaryMeeting,
} from '@/lib/calendar/meeting-summary';
import { planFromText, type ImportPlan } from '@/lib/calendar/plan-import';
import { sanitizeSettings } from '@/lib/settings';
import { calendar, describeSegment, HOUR, MIN, options } from './helpers';

const people = (organizer: string) => [`ORGANIZER:mailto:${organizer}`, 'ATTENDEE:mailto:me@brand.example'];

/** Tuesdays 10:00–11:00 Berlin time, minus 18 March (EXDATE), 25 March moved to Thursday 27th 14:00–15:30. */
const DESIGN = [
  ['UID:design-crit@brand.example', 'SUMMARY:Design crit', 'DTSTART;TZID=Europe/Berlin:20250304T100000'],
  [
    'DTEND;TZID=Europe/Berlin:20250304T110000',
    'RRULE:FREQ=WEEKLY;BYDAY=TU',
    'EXDATE;TZID=Europe/Berlin:20250318T100000',
  ],
  people('lea@brand.example'),
].flat();
const DESIGN_MOVED = [
  'UID:design-crit@brand.example',
  'RECURRENCE-ID;TZID=Europe/Berlin:20250325T100000',
  'SUMMARY:Design crit',
  'DTSTART;TZID=Europe/Berlin:20250327T140000',
  'DTEND;TZID=Europe/Berlin:20250327T153000',
  ...people('lea@brand.example'),
];
/** Mondays 09:00–09:30 UTC: 10:00 in Berlin until 30 March, 11:00 after. */
const CAMPAIGN = [
  'UID:campaign-sync@agency.example',
  'SUMMARY:Campaign sync',
  'DTSTART:20250303T090000Z',
  'DTEND:20250303T093000Z',
  'RRULE:FREQ=WEEKLY',
  ...people('ann@agency.example'),
];
/** Outlook may export a repeating meeting as separate events with one UID and no rule. */
const TWICE = (day: string) => [
  'UID:copy-review',
  'SUMMARY:Copy review',
  `DTSTART:${day}T130000Z`,
  `DTEND:${day}T140000Z`,
  ...people('bo@agency.example'),
];
const ONE_OFF = [
  'UID:one-off',
  'SUMMARY:Budget call',
  'DTSTART:20250306T150000Z',
  'DTEND:20250306T160000Z',
  ...people('cfo@brand.example'),
];
/** Another team's "Design crit": same title, its own UID, Fridays. */
const OTHER_CRIT = [
  'UID:other-crit@brand.example',
  'SUMMARY:Design crit',
  'DTSTART;TZID=Europe/Berlin:20250307T160000',
  'DTEND;TZID=Europe/Berlin:20250307T170000',
  'RRULE:FREQ=WEEKLY;COUNT=2',
  ...people('max@brand.example'),
];
const ICS = calendar(DESIGN, DESIGN_MOVED, CAMPAIGN, TWICE('20250310'), TWICE('20250317'), ONE_OFF, OTHER_CRIT);

function plan(rules: readonly MeetingClassRule[] = []): ImportPlan {
  const r = planFromText(ICS, options({ summaries: true, meetingClasses: rules }));
  if (!r.ok) throw new Error(r.error.message);
  return r.plan;
}

const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

describe('series summary of a plan', () => {
  const summary = plan().summary!;
  const row = (uid: string) => summary.series.find((s) => s.uid === uid)!;

  it('lists every repeating UID, biggest first by hours, and not the one-off', () => {
    expect(summary.series.map((s) => [s.title, s.occurrences, s.ms / MIN])).toEqual([
      ['Design crit', 4, 270],
      ['Campaign sync', 5, 150],
      ['Copy review', 2, 120],
      ['Design crit', 2, 120],
    ]);
    expect(summary.series.map((s) => s.uid)).not.toContain('one-off');
    expect(summary.moreSeries).toBe(0);
  });

  it.each([
    // EXDATE removes 18 March; the moved 25 March counts on Thursday; 1 April (after DST) stays at 10:00.
    ['design-crit@brand.example', 'Tue', '10:00', 3, 'lea@brand.example'],
    // Defined in UTC: 10:00 in Berlin for four Mondays, 11:00 on 31 March (summer time).
    ['campaign-sync@agency.example', 'Mon', '10:00', 4, 'ann@agency.example'],
    ['copy-review', 'Mon', '14:00', 2, 'bo@agency.example'],
    ['other-crit@brand.example', 'Fri', '16:00', 2, 'max@brand.example'],
  ])('%s: typically %s %s (%i times), organised by %s', (uid, day, time, count, organizer) => {
    const s = row(uid);
    expect([WEEKDAY[s.typical.weekday], hhmm(s.typical.minute), s.typical.count, s.organizer]).toEqual([
      day,
      time,
      count,
      organizer,
    ]);
  });

  it('says what each series counts as now', () => {
    for (const s of summary.series)
      expect(s.countsAs).toEqual({ override: { class: 'coordination', kind: 'meetings' }, ruleId: null, mixed: false });
  });

  it('a declined occurrence is not part of its series', () => {
    const declined = calendar(
      CAMPAIGN.map((l) =>
        l === 'ATTENDEE:mailto:me@brand.example' ? 'ATTENDEE;PARTSTAT=DECLINED:mailto:me@brand.example' : l,
      ),
    );
    const r = planFromText(declined, options({ summaries: true, ownerEmails: ['me@brand.example'] }));
    expect(r.ok && r.plan.summary?.series).toEqual([]);
  });

  it('is only computed when asked for', () => {
    const r = planFromText(ICS, options());
    expect(r.ok && r.plan.summary).toBeUndefined();
  });
});

describe('organizer summary of a plan', () => {
  it('groups by domain with meetings and hours, biggest first', () => {
    const { organizers } = plan().summary!;
    expect(organizers.map((o) => [o.domain, o.meetings, o.ms / MIN, o.addresses])).toEqual([
      ['@brand.example', 7, 450, ['lea@brand.example', 'max@brand.example', 'cfo@brand.example']],
      ['@agency.example', 7, 270, ['ann@agency.example', 'bo@agency.example']],
    ]);
  });

  it('leaves out the owner’s own domain and own address; says how much was left out', () => {
    const r = planFromText(ICS, options({ summaries: true, ownerEmails: ['Me@Brand.Example'] }));
    if (!r.ok) throw new Error(r.error.message);
    const all = plan().summary!;
    const { organizers, own, series } = r.plan.summary!;
    const brand = all.organizers.find((o) => o.domain === '@brand.example')!;
    expect(organizers.map((o) => o.domain)).toEqual(['@agency.example']);
    expect(own).toEqual({ meetings: brand.meetings, ms: brand.ms, domains: ['@brand.example'] });
    // The series table still lists the colleagues' series (the place to pick them one by one).
    expect(series.map((x) => x.uid)).toEqual(all.series.map((x) => x.uid));
    expect(all.own).toBeNull();
  });

  it.each([
    ['ann@agency.example', '@agency.example'],
    ['Ann@Agency.Example', '@agency.example'],
    ['', ''],
    ['not-an-address', ''],
    ['trailing@', ''],
  ])('organizerDomain(%j) = %j', (address, domain) => {
    expect(organizerDomain(address)).toBe(domain);
  });
});

describe('a rule made from a series row', () => {
  const design = plan().summary!.series[0]!;
  const rule = makeMeetingRule('rule:series', 'series', design.uid, 'creative', 'design', design.title)!;

  it('classifies exactly that series’ occurrences, not the other series with the same title', () => {
    const p = plan(effectiveMeetingRules({ disabledDefaults: [], rules: [rule] }));
    expect(p.creativeCount).toBe(4);
    expect(p.segments.filter((s) => s.override?.class === 'creative').map(describeSegment)).toEqual([
      'Tue 2025-03-04 10:00–11:00 Design crit',
      'Tue 2025-03-11 10:00–11:00 Design crit',
      'Thu 2025-03-27 14:00–15:30 Design crit',
      'Tue 2025-04-01 10:00–11:00 Design crit',
    ]);
    const s = p.summary!.series.find((x) => x.uid === design.uid)!;
    expect(s.countsAs).toEqual({
      override: { class: 'creative', kind: 'design' },
      ruleId: 'rule:series',
      mixed: false,
    });
    const other = p.summary!.series.find((x) => x.uid === 'other-crit@brand.example')!;
    expect(other.countsAs.ruleId).toBeNull();
  });

  it('an organizer rule from a domain row classifies that domain’s meetings', () => {
    const org = makeMeetingRule('rule:org', 'organizer', '@agency.example', 'creative', 'writing')!;
    const p = plan([org]);
    expect(p.creativeCount).toBe(7);
    expect(p.summary!.organizers.find((o) => o.domain === '@agency.example')!.countsAs.ruleId).toBe('rule:org');
  });

  it('reports a series as mixed when a renamed occurrence matches another rule', () => {
    const renamed = calendar(DESIGN, [
      ...DESIGN_MOVED.filter((l) => !l.startsWith('SUMMARY')),
      'SUMMARY:Design review',
    ]);
    const r = planFromText(
      renamed,
      options({ summaries: true, meetingClasses: effectiveMeetingRules({ disabledDefaults: [], rules: [] }) }),
    );
    const s = r.ok ? r.plan.summary!.series[0]! : null;
    expect(s?.title).toBe('Design crit');
    expect(s?.countsAs).toEqual({ override: { class: 'coordination', kind: 'meetings' }, ruleId: null, mixed: true });
  });

  it('keeps the label the person chose, cleaned and shortened', () => {
    expect(rule.label).toBe('Design crit');
    expect(makeMeetingRule('rule:1', 'series', 'u', 'creative', 'design', '  Crit\u202e\n  weekly ')!.label).toBe(
      'Crit weekly',
    );
    expect([...makeMeetingRule('rule:1', 'series', 'u', 'creative', 'design', 'x'.repeat(200))!.label!]).toHaveLength(
      60,
    );
    expect(makeMeetingRule('rule:1', 'series', 'u', 'creative', 'design', '   ')).not.toHaveProperty('label');
    // Only series rules carry a label: a title or an address names itself.
    expect(makeMeetingRule('rule:1', 'title', 'crit', 'creative', 'design', 'Crit')).not.toHaveProperty('label');
  });

  it('round-trips through the settings sanitizer (and so through backups and settings writes)', () => {
    const stored = JSON.parse(JSON.stringify({ meetingClasses: { disabledDefaults: [], rules: [rule] } })) as unknown;
    expect(sanitizeSettings(stored).meetingClasses.rules).toEqual([rule]);
    expect(
      sanitizeMeetingClassSettings({
        rules: [
          { ...rule, label: 42 },
          { ...rule, id: 'rule:2', value: 'v2', label: '\u0000 Sync \u0007' },
        ],
      }).rules.map((r) => r.label),
    ).toEqual([undefined, 'Sync']);
  });
});

describe('summarizeMeetings bounds and order', () => {
  const m = (uid: string, startHour: number, minutes: number, patch: Partial<SummaryMeeting> = {}): SummaryMeeting => ({
    uid,
    title: uid,
    organizer: `${uid}@d${uid}.example`,
    start: new Date(2025, 2, 3, startHour).getTime(),
    end: new Date(2025, 2, 3, startHour).getTime() + minutes * MIN,
    recurring: true,
    override: { class: 'coordination', kind: 'meetings' },
    ruleId: null,
    ...patch,
  });

  it('lists at most the limit, biggest first, and counts the rest', () => {
    const input = Array.from({ length: 60 }, (_, i) => m(`s${String(i).padStart(2, '0')}`, 8, i + 1));
    const s = summarizeMeetings(input, { maxSeries: 50, maxOrganizers: 5 });
    expect(s.series).toHaveLength(50);
    expect(s.moreSeries).toBe(10);
    expect(s.series[0]!.ms).toBe(60 * MIN);
    expect(s.series.at(-1)!.ms).toBe(11 * MIN);
    expect(s.organizers.map((o) => o.domain)).toEqual([
      '@ds59.example',
      '@ds58.example',
      '@ds57.example',
      '@ds56.example',
      '@ds55.example',
    ]);
    expect(s.moreOrganizers).toBe(55);
  });

  it.each([
    ['one occurrence of a repeating event is a series', [m('a', 9, 30)], ['a']],
    ['one occurrence of a one-off is not', [m('a', 9, 30, { recurring: false })], []],
    [
      'two one-offs sharing a UID are',
      [m('a', 9, 30, { recurring: false }), m('a', 11, 30, { recurring: false })],
      ['a'],
    ],
    ['no UID: never a series', [m('', 9, 30), m('', 10, 30)], []],
    ['no length: not counted', [m('a', 9, 0)], []],
  ] as const)('%s', (_n, input, uids) => {
    expect(summarizeMeetings(input).series.map((s) => s.uid)).toEqual(uids);
  });

  it('hours are each occurrence’s own length (overlaps not merged)', () => {
    const s = summarizeMeetings([
      m('a', 9, 60),
      m('a', 9, 60, { start: new Date(2025, 2, 3, 9, 30).getTime(), end: new Date(2025, 2, 3, 10, 30).getTime() }),
    ]);
    expect(s.series[0]!.ms).toBe(2 * HOUR);
  });
});

describe('organizers and the owner (free-mail domains)', () => {
  const m = (organizer: string, day: number, hours = 1): SummaryMeeting => ({
    uid: `${organizer}-${day}`,
    title: 'Meeting',
    organizer,
    start: new Date(2025, 2, day, 10).getTime(),
    end: new Date(2025, 2, day, 10).getTime() + hours * HOUR,
    recurring: false,
    override: { class: 'coordination', kind: 'meetings' },
    ruleId: null,
  });
  const MEETINGS = [
    m('me@gmail.com', 3, 3),
    m('kim@gmail.com', 4, 2),
    m('kim@gmail.com', 5),
    m('lee@gmail.com', 6),
    m('boss@acme.example', 7, 4),
    m('me@acme.example', 10),
    m('ann@agency.example', 11, 0.5),
  ];

  it.each<[string, string[], [string, number][], { meetings: number; hours: number; domains: string[] } | null]>([
    [
      'no owner known: gmail organizers one address each, companies by domain',
      [],
      [
        ['@acme.example', 2],
        ['kim@gmail.com', 2],
        ['me@gmail.com', 1],
        ['lee@gmail.com', 1],
        ['@agency.example', 1],
      ],
      null,
    ],
    [
      'a gmail owner hides only their own address, not every gmail organizer',
      ['me@gmail.com'],
      [
        ['@acme.example', 2],
        ['kim@gmail.com', 2],
        ['lee@gmail.com', 1],
        ['@agency.example', 1],
      ],
      { meetings: 1, hours: 3, domains: [] },
    ],
    [
      'a company owner (any case, spaces) hides the whole company domain',
      [' Me@ACME.example '],
      [
        ['kim@gmail.com', 2],
        ['me@gmail.com', 1],
        ['lee@gmail.com', 1],
        ['@agency.example', 1],
      ],
      { meetings: 2, hours: 5, domains: ['@acme.example'] },
    ],
    [
      'two addresses of the owner: both left out',
      ['me@gmail.com', 'me@acme.example'],
      [
        ['kim@gmail.com', 2],
        ['lee@gmail.com', 1],
        ['@agency.example', 1],
      ],
      { meetings: 3, hours: 8, domains: ['@acme.example'] },
    ],
  ])('%s', (_, owners, rows, own) => {
    const s = summarizeMeetings(MEETINGS, { owners });
    expect(s.organizers.map((o) => [o.domain, o.meetings])).toEqual(rows);
    expect(s.own && { meetings: s.own.meetings, hours: s.own.ms / HOUR, domains: s.own.domains }).toEqual(own);
    // Every row is a usable rule value: a domain, or one whole address.
    for (const o of s.organizers) expect(o.domain).toMatch(/^(@[a-z.]+|[a-z]+@[a-z.]+)$/);
  });

  it.each([
    ['gmail.com', true],
    ['@GMail.com', true],
    ['@outlook.com', true],
    ['@acme.example', false],
    ['@mail.google.com', false],
  ])('isFreeMailDomain(%j) = %s', (domain, free) => {
    expect(isFreeMailDomain(domain)).toBe(free);
  });
});
