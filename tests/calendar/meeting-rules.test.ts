import { describe, expect, it } from 'vitest';
import {
  meetingWordMatcher,
  parseMeetingWords,
  titleSkipReason,
  DEFAULT_MEETING_WORDS,
  type MeetingRules,
} from '@/lib/calendar/meeting-rules';
import { planFromText } from '@/lib/calendar/plan-import';
import { calendar, describeSegment, options } from './helpers';

describe('titleSkipReason', () => {
  it.each([
    ['Focus time', 'focus'],
    ['🎧 Focus time – launch copy', 'focus'],
    ['Focus', 'focus'],
    ['Focus: Q3 messaging', 'focus'],
    ['[Focus] landing page', 'focus'],
    ['Focus group with customers', null],
    ['Focused review', null],
    ['Deep work', 'focus'],
    ['Deep Work — positioning doc', 'focus'],
    ['Do not book', 'focus'],
    ['Don’t book', 'focus'],
    ['OOO', 'out-of-office'],
    ['Jane OOO', 'out-of-office'],
    ['Out of office: dentist', 'out-of-office'],
    ['Lunch', 'lunch'],
    ['Team lunch', 'lunch'],
    ['Lunch & learn', 'lunch'],
    ['Lunchbox redesign review', null],
    ['Weekly sync', null],
    ['', null],
  ])('%j → %s', (title, reason) => {
    expect(titleSkipReason(title)).toBe(reason);
  });
});

describe('meeting words', () => {
  const isMeeting = meetingWordMatcher(DEFAULT_MEETING_WORDS);
  it.each([
    ['Weekly sync', true],
    ['Customer calls', true],
    ['1:1 Sam / Jane', true],
    ['Sam <> Jane 1-1', true],
    ['Stand-up', true],
    ['Quarterly business review', true],
    ['Recall campaign results', false],
    ['Callback copy', false],
    ['Write Q2 newsletter', false],
    ['MEETING PREP', true],
  ])('%j → %s', (title, expected) => {
    expect(isMeeting(title)).toBe(expected);
  });

  it('the person can replace the words', () => {
    const m = meetingWordMatcher(parseMeetingWords('Abstimmung, Jour fixe\nmeeting'));
    expect(m('Abstimmung Kampagne')).toBe(true);
    expect(m('Jour fixe Marketing')).toBe(true);
    expect(m('Weekly sync')).toBe(false);
    expect(meetingWordMatcher([])('meeting')).toBe(false);
  });

  it('parseMeetingWords trims, lower-cases, de-duplicates and caps', () => {
    expect(parseMeetingWords(' Sync , sync;;Review\n\n')).toEqual(['sync', 'review']);
    expect(parseMeetingWords(Array.from({ length: 300 }, (_, i) => `w${i}`).join(','))).toHaveLength(100);
  });
});

const BASE = ['DTSTART:20250304T090000Z', 'DTEND:20250304T100000Z'];
const ORG = 'ORGANIZER:mailto:me@acme.example';
const att = (who: string, partstat = 'ACCEPTED', cutype = 'INDIVIDUAL') =>
  `ATTENDEE;PARTSTAT=${partstat};CUTYPE=${cutype}:mailto:${who}`;

/** [case, extra lines, rules patch, expected verdict] */
const CASES: Array<[string, string[], Partial<MeetingRules>, string]> = [
  ['two people', ['SUMMARY:Plan', ORG, att('me@acme.example'), att('tom@acme.example')], {}, 'meeting'],
  ['organizer alone', ['SUMMARY:Plan', ORG, att('me@acme.example')], {}, 'not-a-meeting'],
  ['a room is not a person', ['SUMMARY:Plan', ORG, att('room@acme.example', 'ACCEPTED', 'ROOM')], {}, 'not-a-meeting'],
  ['people who declined do not count', ['SUMMARY:Plan', ORG, att('tom@acme.example', 'DECLINED')], {}, 'not-a-meeting'],
  ['solo with a meeting word', ['SUMMARY:Pipeline call'], {}, 'meeting'],
  ['solo with a video link', ['SUMMARY:Chat', 'X-GOOGLE-CONFERENCE:https://meet.google.com/x'], {}, 'meeting'],
  ['tagged as a meeting', ['SUMMARY:Chat', 'CATEGORIES:Meeting'], {}, 'meeting'],
  ['cancelled', ['SUMMARY:Sync', 'STATUS:CANCELLED', ORG, att('tom@x.example')], {}, 'cancelled'],
  [
    'declined by the known owner',
    ['SUMMARY:Sync', ORG, att('tom@x.example'), att('me@x.example', 'DECLINED')],
    { ownerEmails: ['me@x.example'] },
    'declined',
  ],
  [
    'declined, owner unknown: kept',
    ['SUMMARY:Sync', ORG, att('tom@x.example'), att('me@x.example', 'DECLINED')],
    {},
    'meeting',
  ],
  ['transparent', ['SUMMARY:Sync', 'TRANSP:TRANSPARENT'], {}, 'free'],
  ['Outlook FREE', ['SUMMARY:Sync', 'X-MICROSOFT-CDO-BUSYSTATUS:FREE'], {}, 'free'],
  ['Outlook TENTATIVE', ['SUMMARY:Sync', 'X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE'], {}, 'tentative'],
  [
    'Outlook TENTATIVE, counted',
    ['SUMMARY:Sync', 'X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE'],
    { countTentative: true },
    'meeting',
  ],
  [
    'owner replied tentative',
    ['SUMMARY:Sync', ORG, att('me@x.example', 'TENTATIVE')],
    { ownerEmails: ['me@x.example'] },
    'tentative',
  ],
  ['STATUS:TENTATIVE', ['SUMMARY:Sync', 'STATUS:TENTATIVE'], {}, 'tentative'],
  ['Outlook OOF', ['SUMMARY:Away', 'X-MICROSOFT-CDO-BUSYSTATUS:OOF'], {}, 'out-of-office'],
  ['focus block with guests', ['SUMMARY:Focus time', ORG, att('tom@x.example')], {}, 'focus'],
  ['lunch with guests', ['SUMMARY:Lunch with Alex', ORG, att('alex@x.example')], {}, 'lunch'],
  ['Outlook all-day flag', ['SUMMARY:Offsite sync', 'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE'], {}, 'all-day'],
];

describe('meetingJudge', () => {
  it.each(CASES)('%s', (_name, lines, patch, expected) => {
    const r = planFromText(calendar([...BASE, ...lines]), options({ ...patch, ownerEmails: patch.ownerEmails ?? [] }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const verdict = r.plan.segments.length > 0 ? 'meeting' : r.plan.skipped[0]?.reason;
    expect(verdict).toBe(expected);
  });

  it('length rules: 8 h or longer, zero length, invalid (end before start, listed by UID and line), all-day DATE', () => {
    const r = planFromText(
      calendar(
        ['UID:a', 'SUMMARY:Sync', 'DTSTART:20250304T080000Z', 'DTEND:20250304T160000Z'],
        ['UID:b', 'SUMMARY:Sync', 'DTSTART:20250305T080000Z', 'DTEND:20250305T155900Z'],
        ['UID:c', 'SUMMARY:Sync', 'DTSTART:20250306T080000Z'],
        ['UID:d', 'SUMMARY:Sync', 'DTSTART;VALUE=DATE:20250307'],
        ['UID:e', 'SUMMARY:Sync', 'DTSTART:20250310T100000Z', 'DTEND:20250310T090000Z'],
      ),
      options(),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.segments.map(describeSegment)).toEqual(['Wed 2025-03-05 09:00–16:59 Sync']);
    expect(Object.fromEntries(r.plan.skipped.map((s) => [s.reason, s.count]))).toEqual({
      'too-long': 1,
      'no-duration': 1,
      invalid: 1,
      'all-day': 1,
    });
    expect(r.plan.invalid).toEqual([{ uid: 'e', line: expect.any(Number) }]);
    expect(r.plan.invalid[0]!.line).toBeGreaterThan(1);
  });
});

describe('merging', () => {
  it('overlapping and touching meetings count once', () => {
    const r = planFromText(
      calendar(
        ['UID:a', 'SUMMARY:Sync A', 'DTSTART:20250304T090000Z', 'DTEND:20250304T100000Z'],
        ['UID:b', 'SUMMARY:Sync B', 'DTSTART:20250304T093000Z', 'DTEND:20250304T094500Z'],
        ['UID:c', 'SUMMARY:Sync C', 'DTSTART:20250304T100000Z', 'DTEND:20250304T103000Z'],
        ['UID:d', 'SUMMARY:Sync A', 'DTSTART:20250304T120000Z', 'DTEND:20250304T123000Z'],
      ),
      options(),
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.plan.segments.map(describeSegment)).toEqual([
      'Tue 2025-03-04 10:00–11:30 Sync A + Sync B + Sync C',
      'Tue 2025-03-04 13:00–13:30 Sync A',
    ]);
    expect(r.plan.meetingCount).toBe(4);
    expect(r.plan.overlapping).toBe(3);
    expect(r.plan.meetingMs).toBe(2 * 3_600_000);
  });

  it('a meeting across local midnight is split into two days', () => {
    const r = planFromText(
      calendar(['UID:a', 'SUMMARY:APAC call', 'DTSTART:20250304T220000Z', 'DTEND:20250305T000000Z']),
      options(),
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.plan.segments.map((s) => [describeSegment(s), s.day])).toEqual([
      ['Tue 2025-03-04 23:00–00:00 APAC call', '2025-03-04'],
      ['Wed 2025-03-05 00:00–01:00 APAC call', '2025-03-05'],
    ]);
  });

  it('long merged titles are cut at 80 characters', () => {
    const long = 'x'.repeat(70);
    const r = planFromText(
      calendar(
        ['UID:a', `SUMMARY:${long} sync`, 'DTSTART:20250304T090000Z', 'DTEND:20250304T100000Z'],
        ['UID:b', 'SUMMARY:Other call', 'DTSTART:20250304T090000Z', 'DTEND:20250304T100000Z'],
      ),
      options(),
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.plan.segments[0]!.label).toHaveLength(80);
    expect(r.plan.segments[0]!.label!.endsWith('…')).toBe(true);
  });
});
