import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  deriveSegments,
  MAX_PHRASE_WORDS,
  occurrenceKey,
  organizerFingerprints,
  phraseFingerprint,
  ruleRejudges,
  seriesFingerprint,
  storedMeeting,
  storedMeetingClassifier,
  titleFingerprints,
} from '@/lib/calendar/meeting-fingerprints';
import {
  DEFAULT_MEETING_CLASS_RULES,
  makeMeetingRule,
  meetingClassifier,
  type MeetingClassRule,
} from '@/lib/calendar/meeting-classes';
import { meetingWordMatcher } from '@/lib/calendar/meeting-rules';
import { planFromText } from '@/lib/calendar/plan-import';
import { calendar, fixture, options } from './helpers';

const FILES = ['google-calendar.ics', 'outlook-calendar.ics', 'apple-calendar.ics', 'messy-lines.ics'];

describe('title fingerprints', () => {
  it.each([
    ['Design review', 'design review', true],
    ['Q3 design reviews', 'design review', true],
    ['Design-review', 'design review', false],
    ['Design  review', 'design review', false],
    ['Design review', 'design-review', false],
    ['Weekly 1:1 with Ana', '1:1', true],
    ['Weekly 1:1s', '1:1', false],
    ['Brainstorms', 'brainstorm', true],
    ['Brainstormer', 'brainstorm', false],
    ['🎨 Customer interview — Acme', 'customer interview', true],
    ['CUSTOMER INTERVIEWS', 'customer interview', true],
    ['Kick-off', 'kick-off', true],
    ['1s', '1', false],
    ['Café ideation', 'café', true],
    ['a b c d e', 'a b c d', true],
    ['a b c d e', 'b c d e', true],
  ])('%s ~ %s → %s, as the text matcher says', (title, phrase, expected) => {
    expect(meetingWordMatcher([phrase])(title)).toBe(expected);
    const f = phraseFingerprint(phrase);
    expect(f).not.toBeNull();
    expect(titleFingerprints(title).includes(f!)).toBe(expected);
  });

  it('phrases longer than MAX_PHRASE_WORDS words, or edged with a symbol, cannot re-judge stored meetings', () => {
    expect(MAX_PHRASE_WORDS).toBe(4);
    expect(phraseFingerprint('one two three four five')).toBeNull();
    expect(phraseFingerprint('c++')).toBeNull();
    expect(phraseFingerprint('#launch')).toBeNull();
    expect(phraseFingerprint('')).toBeNull();
    expect(ruleRejudges({ match: 'title', value: 'one two three four five' })).toBe(false);
    expect(ruleRejudges({ match: 'series', value: 'abc' })).toBe(true);
    expect(DEFAULT_MEETING_CLASS_RULES.every(ruleRejudges)).toBe(true);
  });

  it('stores no readable text: only 16-digit fingerprints (titles only when kept)', () => {
    const m = storedMeeting(
      { title: 'Secret launch brainstorm', uid: 'uid-42@corp.example', organizer: 'ceo@corp.example' },
      't1741000000000',
      {
        start: 1,
        end: 2,
        importId: 'ics:X:1',
        keepTitles: false,
        override: { class: 'coordination', kind: 'meetings' },
      },
    );
    const json = JSON.stringify(m);
    for (const secret of ['Secret', 'secret', 'launch', 'uid-42', 'ceo', 'corp.example'])
      expect(json).not.toContain(secret);
    expect(m.title).toBeUndefined();
    for (const f of [m.occ, m.series, m.org, m.orgDomain, ...m.words]) expect(f).toMatch(/^[0-9a-f]{16}$/);
    expect(m.occ).toBe(occurrenceKey('uid-42@corp.example', 't1741000000000'));
    expect(m.series).toBe(seriesFingerprint('uid-42@corp.example'));
    expect(m.org).not.toBe(m.orgDomain);
    expect(organizerFingerprints('')).toEqual({ org: '', orgDomain: '' });
  });
});

// Titles and phrases from an alphabet with case, digits, accents, punctuation and spaces.
const CHARS = [
  'a',
  'b',
  'c',
  's',
  'S',
  'A',
  'B',
  'é',
  'É',
  'ü',
  '1',
  '2',
  ' ',
  ' ',
  '-',
  ':',
  '.',
  '🎨',
  '&',
  '_',
  'ß',
];
const text = (max: number) => fc.array(fc.constantFrom(...CHARS), { maxLength: max }).map((a) => a.join(''));
const WORDS = ['a', 'b', 'ab', 'abs', 'as', 's', 'é', 'éa', '1', '12', 'review', 'reviews', 'ss', 'b1'];
const SEPS = [' ', '-', ': ', '  ', '.', ' & '];
/** A phrase of 1…MAX_PHRASE_WORDS words (as a rule stores it), often made of the title's own words. */
const phrase = fc
  .tuple(
    fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: MAX_PHRASE_WORDS }),
    fc.array(fc.constantFrom(...SEPS), { minLength: MAX_PHRASE_WORDS, maxLength: MAX_PHRASE_WORDS }),
  )
  .map(([ws, ss]) => ws.map((w, i) => (i === 0 ? w : `${ss[i]!}${w}`)).join(''));
const titleOf = fc
  .tuple(
    text(6),
    fc.array(fc.tuple(fc.constantFrom(...WORDS.map((w) => w.toUpperCase()), ...WORDS), fc.constantFrom(...SEPS)), {
      maxLength: 7,
    }),
    text(6),
  )
  .map(([a, parts, b]) => `${a}${parts.map(([w, s]) => `${w}${s}`).join('')}${b}`);

describe('fingerprint matching ≡ the plain-text matcher (phrases of up to 4 words)', () => {
  it('title rules: the phrase fingerprint is among the title fingerprints exactly when the matcher matches', () => {
    let matched = 0;
    let missed = 0;
    fc.assert(
      fc.property(titleOf, fc.oneof(phrase, text(8)), (title, raw) => {
        const rule = makeMeetingRule('rule:1', 'title', raw, 'creative', 'research');
        if (!rule || !ruleRejudges(rule)) return;
        const byText = meetingWordMatcher([rule.value])(title);
        const byPrint = titleFingerprints(title).includes(phraseFingerprint(rule.value)!);
        expect(byPrint).toBe(byText);
        if (byText) matched++;
        else missed++;
      }),
      { numRuns: 1500 },
    );
    // Both outcomes are exercised, not only the easy "no match".
    expect(matched).toBeGreaterThan(50);
    expect(missed).toBeGreaterThan(50);
  });

  it('whole rule lists: the stored classifier decides as the import classifier does', () => {
    const uid = fc.constantFrom('u1', 'u2', 'series-3@x', '');
    const org = fc.constantFrom('ana@acme.com', 'bo@acme.com', 'cy@other.org', '', 'x@sub.acme.com');
    const ruleArb = fc.oneof(
      fc.tuple(fc.constant('title' as const), phrase),
      fc.tuple(fc.constant('series' as const), fc.constantFrom('u1', 'u2', 'series-3@x')),
      fc.tuple(
        fc.constant('organizer' as const),
        fc.constantFrom('ana@acme.com', '@acme.com', '@other.org', 'cy@other.org', '@sub.acme.com'),
      ),
    );
    const rulesArb = fc
      .array(
        fc.tuple(ruleArb, fc.boolean(), fc.constantFrom('research', 'design', 'writing') as fc.Arbitrary<'research'>),
        { maxLength: 6 },
      )
      .map((xs) =>
        xs
          .map(([[match, value], creative, kind], i) =>
            makeMeetingRule(`rule:${i}`, match, value, creative ? 'creative' : 'coordination', kind),
          )
          .filter((r): r is MeetingClassRule => r !== null),
      );
    fc.assert(
      fc.property(titleOf, uid, org, rulesArb, (title, u, o, rules) => {
        const facts = { title, uid: u, organizer: o };
        const plain = meetingClassifier(rules)(facts);
        const stored = storedMeeting(facts, 't0', {
          start: 0,
          end: 1,
          importId: 'i',
          keepTitles: false,
          override: plain.override,
        });
        expect(storedMeetingClassifier(rules)(stored)).toEqual(plain);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('derived segments', () => {
  it.each(FILES)('%s: deriving the stored meetings gives exactly the plan’s segments (titles kept or not)', (file) => {
    for (const keepTitles of [true, false]) {
      const r = planFromText(fixture(file), options({ keepTitles, meetingClasses: DEFAULT_MEETING_CLASS_RULES }));
      if (!r.ok) throw new Error(r.error.message);
      expect(r.plan.meetings.length).toBe(r.plan.meetingCount);
      expect(r.plan.segments.length).toBeGreaterThan(0);
      expect(deriveSegments(r.plan.meetings, 'ics:Test:1741000000000')).toEqual(r.plan.segments);
      if (!keepTitles) expect(r.plan.meetings.every((m) => m.title === undefined)).toBe(true);
    }
  });

  it('an occurrence moved by RECURRENCE-ID keeps the key of the slot it was moved from', () => {
    const text = calendar(
      [
        'UID:weekly-1',
        'DTSTART:20250304T090000Z',
        'DTEND:20250304T100000Z',
        'RRULE:FREQ=WEEKLY;COUNT=3',
        'SUMMARY:Team sync',
        'ORGANIZER:mailto:lead@acme.com',
        'ATTENDEE:mailto:me@acme.com',
      ],
      [
        'UID:weekly-1',
        'RECURRENCE-ID:20250311T090000Z',
        'DTSTART:20250311T140000Z',
        'DTEND:20250311T150000Z',
        'SUMMARY:Team sync (moved)',
        'ORGANIZER:mailto:lead@acme.com',
        'ATTENDEE:mailto:me@acme.com',
      ],
    );
    const r = planFromText(text, options());
    if (!r.ok) throw new Error(r.error.message);
    const keys = r.plan.meetings.map((m) => m.occ);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(3);
    expect(keys).toContain(occurrenceKey('weekly-1', `t${Date.UTC(2025, 2, 11, 9)}`));
    const moved = r.plan.meetings.find((m) => m.start === Date.UTC(2025, 2, 11, 14))!;
    expect(moved.occ).toBe(occurrenceKey('weekly-1', `t${Date.UTC(2025, 2, 11, 9)}`));
    // Skipping it leaves the other two.
    const segs = deriveSegments(r.plan.meetings, 'x', new Set([moved.occ]));
    expect(segs.map((s) => s.start)).toEqual([Date.UTC(2025, 2, 4, 9), Date.UTC(2025, 2, 18, 9)]);
  });
});
