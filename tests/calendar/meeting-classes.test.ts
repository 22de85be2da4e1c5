import { beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_MEETING_CLASS_RULES,
  effectiveMeetingRules,
  makeMeetingRule,
  meetingClassifier,
  mergeClassifiedMeetings,
  overrideForLabel,
  sanitizeMeetingClassSettings,
  type ClassifiedMeeting,
  type MeetingClassRule,
} from '@/lib/calendar/meeting-classes';
import { planFromText } from '@/lib/calendar/plan-import';
import { CreativeRatioDB } from '@/lib/db';
import { importCalendar, reapplyMeetingClasses } from '@/lib/db/calendar';
import { sanitizeSettings } from '@/lib/settings';
import { calendar, HOUR, MIN, options } from './helpers';

const defaults = effectiveMeetingRules({ disabledDefaults: [], rules: [] });
const classify = meetingClassifier(defaults);
const facts = (title: string, uid = 'u1', organizer = '') => ({ title, uid, organizer });

describe('meeting classification rules: shipped defaults', () => {
  it.each([
    ['Q3 brainstorm', 'creative', 'research'],
    ['Brainstorms: launch names', 'creative', 'research'],
    ['Ideation session', 'creative', 'research'],
    ['Messaging workshop', 'creative', 'research'],
    ['Customer interview – ACME', 'creative', 'research'],
    ['User interviews', 'creative', 'research'],
    ['Design review: homepage', 'creative', 'design'],
    ['Creative review', 'creative', 'design'],
    ['Weekly sync', 'coordination', 'meetings'],
    ['Interview with candidate', 'coordination', 'meetings'],
    ['Performance review', 'coordination', 'meetings'],
    ['Workshopping the budget', 'coordination', 'meetings'],
    ['', 'coordination', 'meetings'],
  ] as const)('%s → %s / %s', (title, cls, kind) => {
    expect(classify(facts(title)).override).toEqual({ class: cls, kind });
  });

  it('a default the person turned off no longer applies', () => {
    const rules = effectiveMeetingRules({ disabledDefaults: ['default:workshop'], rules: [] });
    expect(meetingClassifier(rules)(facts('Messaging workshop')).override).toEqual({
      class: 'coordination',
      kind: 'meetings',
    });
    expect(meetingClassifier(rules)(facts('Brainstorm')).override.class).toBe('creative');
  });
});

describe('meeting classification rules: the person’s own', () => {
  const own: MeetingClassRule[] = [
    makeMeetingRule('rule:1', 'series', 'series-42@google.com', 'creative', 'writing')!,
    makeMeetingRule('rule:2', 'organizer', '@customer.example', 'creative', 'research')!,
    makeMeetingRule('rule:3', 'organizer', 'Boss@Agency.example', 'coordination', 'research')!,
    makeMeetingRule('rule:4', 'title', 'Workshop', 'coordination', 'meetings')!,
  ];
  const c = meetingClassifier(effectiveMeetingRules({ disabledDefaults: [], rules: own }));
  it.each([
    ['by series UID', facts('Weekly', 'series-42@google.com'), { class: 'creative', kind: 'writing' }, 'rule:1'],
    ['a different series', facts('Weekly', 'series-43@google.com'), { class: 'coordination', kind: 'meetings' }, null],
    [
      'by organizer domain',
      facts('Catch-up', 'x', 'ann@customer.example'),
      { class: 'creative', kind: 'research' },
      'rule:2',
    ],
    [
      'a look-alike domain does not match',
      facts('Catch-up', 'x', 'ann@notcustomer.example.org'),
      { class: 'coordination', kind: 'meetings' },
      null,
    ],
    [
      'by organizer address (coordination keeps kind meetings)',
      facts('Brainstorm', 'x', 'boss@agency.example'),
      { class: 'coordination', kind: 'meetings' },
      'rule:3',
    ],
    [
      'own rules come before the defaults',
      facts('Design workshop'),
      { class: 'coordination', kind: 'meetings' },
      'rule:4',
    ],
    [
      'defaults still apply otherwise',
      facts('Design review'),
      { class: 'creative', kind: 'design' },
      'default:design review',
    ],
  ] as const)('%s', (_name, f, override, ruleId) => {
    const r = c(f);
    expect(r.override).toEqual(override);
    expect(r.ruleId).toBe(ruleId);
  });

  it('rejects unusable rules', () => {
    expect(makeMeetingRule('rule:9', 'organizer', 'not an address', 'creative', 'research')).toBeNull();
    expect(makeMeetingRule('rule:9', 'title', '   ', 'creative', 'research')).toBeNull();
    expect(makeMeetingRule('rule:9', 'title', 'x', 'creative', 'meetings')).toBeNull();
  });

  it('sanitises stored settings: bad rules, unknown defaults and duplicates are dropped', () => {
    const s = sanitizeMeetingClassSettings({
      disabledDefaults: ['default:workshop', 'default:nope', 3],
      rules: [
        { id: 'rule:1', match: 'title', value: ' Sprint  Demo ', class: 'creative', kind: 'design' },
        { id: 'rule:2', match: 'title', value: 'sprint demo', class: 'coordination', kind: 'meetings' },
        { id: 'default:x', match: 'title', value: 'y', class: 'creative', kind: 'design' },
        { id: 'rule:3', match: 'regex', value: 'y', class: 'creative', kind: 'design' },
        { id: 'rule:4', match: 'title', value: 'z', class: 'creative', kind: 'personal' },
        null,
      ],
    });
    expect(s).toEqual({
      disabledDefaults: ['default:workshop'],
      rules: [{ id: 'rule:1', match: 'title', value: 'sprint demo', class: 'creative', kind: 'design' }],
    });
    expect(sanitizeSettings({}).meetingClasses).toEqual({ disabledDefaults: [], rules: [] });
    expect(sanitizeSettings({ nudge: { enabled: true, day: 9, hour: 30 } }).nudge).toEqual({
      enabled: true,
      day: 3,
      hour: 23,
    });
  });
});

describe('merging classified meetings', () => {
  const m = (
    start: number,
    end: number,
    title: string,
    cls: 'creative' | 'coordination',
    kind: ClassifiedMeeting['override']['kind'] = cls === 'creative' ? 'research' : 'meetings',
  ): ClassifiedMeeting => ({
    start: start * MIN,
    end: end * MIN,
    title,
    override: { class: cls, kind },
  });
  const show = (blocks: ReturnType<typeof mergeClassifiedMeetings>) =>
    blocks.map((b) => `${b.start / MIN}-${b.end / MIN} ${b.override.class}/${b.override.kind} ${b.titles.join('+')}`);

  it.each([
    [
      'same class overlaps merge',
      [m(0, 60, 'A', 'coordination'), m(30, 90, 'B', 'coordination')],
      ['0-90 coordination/meetings A+B'],
    ],
    [
      'a call inside a workshop cuts it',
      [m(0, 120, 'Workshop', 'creative'), m(30, 45, 'Sync', 'coordination')],
      ['0-30 creative/research Workshop', '30-45 coordination/meetings Sync', '45-120 creative/research Workshop'],
    ],
    [
      'creative kinds: research before design',
      [m(0, 60, 'Interview', 'creative', 'research'), m(30, 90, 'Design review', 'creative', 'design')],
      ['0-60 creative/research Interview', '60-90 creative/design Design review'],
    ],
    [
      'disjoint stay apart',
      [m(0, 30, 'A', 'creative'), m(60, 90, 'B', 'coordination')],
      ['0-30 creative/research A', '60-90 coordination/meetings B'],
    ],
  ] as const)('%s', (_n, input, expected) => {
    expect(show(mergeClassifiedMeetings(input))).toEqual(expected);
  });

  it('never counts an instant twice and loses none (total = union)', () => {
    const input = [
      m(0, 120, 'W', 'creative'),
      m(10, 20, 'S', 'coordination'),
      m(100, 150, 'D', 'creative', 'design'),
      m(140, 160, 'X', 'coordination'),
    ];
    const blocks = mergeClassifiedMeetings(input);
    for (let i = 1; i < blocks.length; i++) expect(blocks[i]!.start).toBeGreaterThanOrEqual(blocks[i - 1]!.end);
    expect(blocks.reduce((s, b) => s + b.end - b.start, 0)).toBe(160 * MIN);
  });
});

const ev = (uid: string, start: string, end: string, summary: string, organizer = 'me@x.example') => [
  `UID:${uid}`,
  `DTSTART:${start}`,
  `DTEND:${end}`,
  `SUMMARY:${summary}`,
  `ORGANIZER:mailto:${organizer}`,
  'ATTENDEE:mailto:you@x.example',
];
const ICS = calendar(
  ev('a', '20250304T090000Z', '20250304T100000Z', 'Campaign brainstorm'),
  ev('b', '20250304T110000Z', '20250304T113000Z', 'Weekly sync'),
  ev('c', '20250305T090000Z', '20250305T100000Z', 'Customer call', 'ann@customer.example'),
);

describe('an import applies the rules', () => {
  it('counts a brainstorm as creative and the sync as coordination', () => {
    const r = planFromText(ICS, options({ meetingClasses: defaults }));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.plan.segments.map((s) => [s.label, s.override])).toEqual([
      ['Campaign brainstorm', { class: 'creative', kind: 'research' }],
      ['Weekly sync', { class: 'coordination', kind: 'meetings' }],
      ['Customer call', { class: 'coordination', kind: 'meetings' }],
    ]);
    expect(r.plan.creativeCount).toBe(1);
    expect(r.plan.meetingMs).toBe(2.5 * HOUR);
  });

  it('without rules every meeting is coordination, as before', () => {
    const r = planFromText(ICS, options());
    if (!r.ok) throw new Error(r.error.message);
    expect(r.plan.segments.every((s) => s.override?.class === 'coordination')).toBe(true);
  });

  it('classifies by organizer even when titles are not kept', () => {
    const rule = makeMeetingRule('rule:1', 'organizer', '@customer.example', 'creative', 'research')!;
    const r = planFromText(ICS, options({ keepTitles: false, meetingClasses: [rule, ...defaults] }));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.plan.segments.map((s) => [s.label, s.override?.class])).toEqual([
      ['Meeting', 'creative'],
      ['Meeting', 'coordination'],
      ['Meeting', 'creative'],
    ]);
  });
});

describe('re-applying rules to stored meetings', () => {
  let db: CreativeRatioDB;
  beforeEach(async () => {
    db = new CreativeRatioDB(`test-${Math.random()}`);
    await db.open();
  });

  it.each([
    ['Meeting', null],
    [undefined, null],
    ['Campaign brainstorm', { class: 'creative', kind: 'research' }],
    ['Campaign brainstorm + Weekly sync', { class: 'coordination', kind: 'meetings' }],
    ['Weekly sync', { class: 'coordination', kind: 'meetings' }],
  ] as const)('label %s → %o', (label, expected) => {
    expect(overrideForLabel(label, defaults, 'Meeting')).toEqual(expected);
  });

  it('rewrites stored meetings when a rule changes, and back when it is removed', async () => {
    const r = planFromText(ICS, options());
    if (!r.ok) throw new Error(r.error.message);
    await importCalendar(db, { segments: r.plan.segments, importId: 'ics:Test:1741000000000' });
    const read = async () =>
      (await db.segments.orderBy('start').toArray()).map((s) => `${s.label}: ${s.override?.class}/${s.override?.kind}`);
    expect(await reapplyMeetingClasses(db, defaults)).toBe(1);
    expect(await read()).toEqual([
      'Campaign brainstorm: creative/research',
      'Weekly sync: coordination/meetings',
      'Customer call: coordination/meetings',
    ]);
    const own = [makeMeetingRule('rule:1', 'title', 'weekly sync', 'creative', 'writing')!];
    expect(
      await reapplyMeetingClasses(
        db,
        effectiveMeetingRules({ disabledDefaults: DEFAULT_MEETING_CLASS_RULES.map((d) => d.id), rules: own }),
      ),
    ).toBe(2);
    expect(await read()).toEqual([
      'Campaign brainstorm: coordination/meetings',
      'Weekly sync: creative/writing',
      'Customer call: coordination/meetings',
    ]);
    expect(
      await reapplyMeetingClasses(
        db,
        effectiveMeetingRules({ disabledDefaults: DEFAULT_MEETING_CLASS_RULES.map((d) => d.id), rules: own }),
      ),
    ).toBe(0);
  });
});
