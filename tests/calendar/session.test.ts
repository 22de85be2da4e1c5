/**
 * The preview session (lib/calendar/calendar-session.ts through worker-client.ts, in-process in
 * Node): what the Settings page asks while the person changes options must give exactly the plan
 * planImport gives for the same calendar and options, and a refresh plan equal to planRefresh's.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET } from '@/lib/calendar/budget';
import { DEFAULT_MEETING_WORDS } from '@/lib/calendar/meeting-rules';
import { detectOwner, eventsListing } from '@/lib/calendar/owner-detection';
import { parseIcs } from '@/lib/calendar/parse-calendar';
import { planImport } from '@/lib/calendar/plan-import';
import { planRefresh } from '@/lib/calendar/refresh-plan';
import { newSubscription } from '@/lib/calendar/subscription';
import { openCalendarSession, type PreviewRequest } from '@/lib/calendar/worker-client';
import { calendar, fixture, WINDOW } from './helpers';

const NOW = new Date(2025, 3, 1).getTime();
const DAY = 86_400_000;

const base: PreviewRequest = {
  ...WINDOW,
  keepTitles: false,
  meetingWords: [...DEFAULT_MEETING_WORDS],
  ownerEmail: '',
  countTentative: true,
};

async function open(text: string) {
  const r = await openCalendarSession(text, { ...WINDOW, now: NOW });
  if (!r.ok) throw new Error(r.error.message);
  return r.session;
}

describe('the preview session', () => {
  it.each(['google-calendar.ics', 'outlook-calendar.ics', 'apple-calendar.ics', 'messy-lines.ics'])(
    '%s: every option change gives the plan planImport gives',
    async (name) => {
      const text = fixture(name);
      const parsed = parseIcs(text, { now: NOW });
      if (!parsed.ok) throw new Error(parsed.error.message);
      const session = await open(text);
      expect(session.info).toEqual({
        name: parsed.calendar.name,
        product: parsed.calendar.product,
        events: parsed.calendar.events.length,
        ownerGuess: detectOwner(parsed.calendar),
      });
      const owner = detectOwner(parsed.calendar)?.email ?? 'nobody@example.com';
      const variants: PreviewRequest[] = [
        base,
        { ...base, ownerEmail: owner },
        { ...base, ownerEmail: ` ${owner.toUpperCase()} `, countTentative: false },
        { ...base, keepTitles: true, meetingWords: ['sync'] },
        { ...base, from: WINDOW.from + 7 * DAY, to: WINDOW.to - 7 * DAY },
        base,
      ];
      for (const v of variants) {
        const got = await session.plan(v);
        const want = planImport(
          { ...parsed.calendar, ownerEmail: null },
          {
            from: v.from,
            to: v.to,
            keepTitles: v.keepTitles,
            meetingWords: v.meetingWords,
            ownerEmails: v.ownerEmail.trim() ? [v.ownerEmail.trim().toLowerCase()] : [],
            countTentative: v.countTentative,
            importId: 'preview',
            summaries: true,
          },
        );
        expect(want.ok).toBe(true);
        if (!want.ok || !got.ok) throw new Error('no plan');
        expect(got.plan).toEqual(want.plan);
        expect(got.plan.summary?.series).toBeInstanceOf(Array); // the preview's recurring meetings
        expect(got.listedIn).toBe(v.ownerEmail.trim() ? eventsListing(parsed.calendar, v.ownerEmail) : 0);
      }
      session.close();
    },
  );

  it('the owner field decides declines: the same file with and without the address', async () => {
    const text = calendar(
      [
        'UID:a',
        'SUMMARY:Sync',
        'DTSTART:20250304T090000Z',
        'DURATION:PT1H',
        'ORGANIZER:mailto:boss@example.com',
        'ATTENDEE;PARTSTAT=DECLINED:mailto:me@example.com',
      ],
      [
        'UID:b',
        'SUMMARY:Sync',
        'DTSTART:20250305T090000Z',
        'DURATION:PT1H',
        'ORGANIZER:mailto:boss@example.com',
        'ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.com',
      ],
    );
    const session = await open(text);
    const without = await session.plan(base);
    const withOwner = await session.plan({ ...base, ownerEmail: 'me@example.com' });
    expect(without.ok && without.plan.meetingCount).toBe(2);
    expect(withOwner.ok && withOwner.plan.meetingCount).toBe(1);
    expect(withOwner.ok && withOwner.listedIn).toBe(2);
    expect(withOwner.ok && withOwner.plan.skipped.map((s) => s.reason)).toEqual(['declined']);
  });

  it('a window over budget is an answer, not a crash, and a later window works again', async () => {
    const text = calendar([
      'UID:daily',
      'SUMMARY:Sync',
      'DTSTART:20250303T090000Z',
      'DURATION:PT30M',
      'RRULE:FREQ=DAILY',
    ]);
    const r = await openCalendarSession(text, { ...WINDOW, now: NOW, limits: { ...DEFAULT_BUDGET, instances: 50 } });
    if (!r.ok) throw new Error(r.error.message);
    const wide = await r.session.plan({ ...base, to: WINDOW.to + 300 * DAY });
    expect(wide).toMatchObject({ ok: false, message: expect.stringMatching(/UID "daily"/) });
    const narrow = await r.session.plan(base);
    expect(narrow.ok && narrow.plan.meetingCount).toBe(35);
  });

  it('refresh gives what planRefresh gives for the same text', async () => {
    const text = fixture('google-calendar.ics');
    const session = await open(text);
    const sub = newSubscription({
      id: 's',
      url: 'https://calendar.google.com/x/basic.ics',
      host: 'calendar.google.com',
      name: 'Work',
      importId: 'ics:Work:1',
      createdAt: NOW,
      options: { keepTitles: false, meetingWords: [...DEFAULT_MEETING_WORDS], countTentative: true, ownerEmail: '' },
    });
    const ctx = { now: NOW, weekStartsOn: 1 as const, retentionMonths: null };
    expect(await session.refresh(sub, ctx)).toEqual(planRefresh(text, sub, ctx));
  });

  it('a damaged file is an error with its line, and nothing to plan', async () => {
    const r = await openCalendarSession(fixture('truncated.ics'), { ...WINDOW, now: NOW });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/line/i) } });
  });

  it('after close, questions are refused with an AbortError', async () => {
    const session = await open(fixture('apple-calendar.ics'));
    session.close();
    await expect(session.plan(base)).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('a chosen file is read where the session runs', () => {
  it('a Blob gives the same preview as its text', async () => {
    const text = fixture('outlook-calendar.ics');
    const fromText = await openCalendarSession(text, { ...WINDOW, now: NOW });
    const fromFile = await openCalendarSession(new Blob([text], { type: 'text/calendar' }), { ...WINDOW, now: NOW });
    if (!fromText.ok || !fromFile.ok) throw new Error('not read');
    expect(fromFile.session.info).toEqual(fromText.session.info);
    expect(await fromFile.session.plan(base)).toEqual(await fromText.session.plan(base));
  });
});
