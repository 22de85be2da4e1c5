import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandEvents } from '@/lib/calendar/expand-events';
import { mergeIntervals } from '@/lib/calendar/merge-intervals';
import { parseIcs } from '@/lib/calendar/parse-calendar';
import { planFromText, planImport } from '@/lib/calendar/plan-import';
import { Budget, type Spender } from '@/lib/calendar/budget';
import { expandRepeatRule, readRepeatRule } from '@/lib/calendar/repeat-rule';
import { DAY, wallFromFields } from '@/lib/calendar/wall-time';
import { dayKey, localDayStart } from '@/lib/time/days';
import { calendar, fixture, options, WINDOW } from './helpers';

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const WHO: Spender = { kind: 'event', line: 1, uid: 'test' };

const two = (n: number) => String(n).padStart(2, '0');
const icsDate = (t: number) => new Date(t).toISOString().replace(/[-:]/g, '').slice(0, 15);

const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'W. Europe Standard Time',
  'Pacific Standard Time',
  'Asia/Kolkata',
  'Unknown/Zone',
];

const ruleArb = fc
  .record({
    freq: fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'),
    interval: fc.integer({ min: 1, max: 4 }),
    end: fc.oneof(
      fc.constant(''),
      fc.integer({ min: 1, max: 30 }).map((n) => `;COUNT=${n}`),
    ),
    byday: fc.option(
      fc.uniqueArray(fc.tuple(fc.integer({ min: -2, max: 4 }), fc.integer({ min: 0, max: 6 })), {
        minLength: 1,
        maxLength: 3,
        selector: ([, d]) => d,
      }),
    ),
    bymonthday: fc.option(
      fc.uniqueArray(
        fc.integer({ min: -5, max: 31 }).filter((n) => n !== 0),
        { minLength: 1, maxLength: 3 },
      ),
    ),
    bymonth: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 })),
    bysetpos: fc.option(fc.constantFrom(1, 2, -1)),
    wkst: fc.constantFrom('MO', 'SU'),
  })
  .map((r) => {
    let s = `FREQ=${r.freq};INTERVAL=${r.interval}${r.end};WKST=${r.wkst}`;
    if (r.byday)
      s += `;BYDAY=${r.byday.map(([n, d]) => `${(r.freq === 'MONTHLY' || r.freq === 'YEARLY') && n !== 0 ? n : ''}${WEEKDAYS[d]}`).join(',')}`;
    if (r.bymonthday) s += `;BYMONTHDAY=${r.bymonthday.join(',')}`;
    if (r.bymonth) s += `;BYMONTH=${r.bymonth.join(',')}`;
    if (r.bysetpos !== null && (r.byday || r.bymonthday)) s += `;BYSETPOS=${r.bysetpos}`;
    return s;
  });

const eventArb = fc.record({
  startMin: fc.integer({ min: -60 * 24 * 20, max: 60 * 24 * 50 }),
  lengthMin: fc.integer({ min: 0, max: 600 }),
  zone: fc.option(fc.constantFrom(...ZONES)),
  rule: fc.option(ruleArb),
  people: fc.integer({ min: 0, max: 3 }),
  title: fc.constantFrom('Sync', 'Focus time', 'Write', 'Team lunch', 'Customer call', ''),
  status: fc.constantFrom('', 'STATUS:CANCELLED', 'TRANSP:TRANSPARENT', 'STATUS:CONFIRMED'),
  allDay: fc.boolean(),
});

type EventSpec = typeof eventArb extends fc.Arbitrary<infer T> ? T : never;

function eventLines(e: EventSpec, i: number): string[] {
  const start = WINDOW.from + e.startMin * 60_000;
  const lines = [`UID:p${i}`, `SUMMARY:${e.title}`];
  if (e.allDay) {
    const d = new Date(start);
    lines.push(`DTSTART;VALUE=DATE:${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}`);
  } else if (e.zone) {
    const wall = icsDate(start).slice(0, 15);
    const endWall = icsDate(start + e.lengthMin * 60_000).slice(0, 15);
    lines.push(`DTSTART;TZID="${e.zone}":${wall}`, `DTEND;TZID="${e.zone}":${endWall}`);
  } else {
    lines.push(`DTSTART:${icsDate(start)}Z`, `DURATION:PT${e.lengthMin}M`);
  }
  if (e.rule) lines.push(`RRULE:${e.rule}`);
  if (e.status) lines.push(e.status);
  if (e.people > 0) lines.push('ORGANIZER:mailto:o@x.example');
  for (let k = 1; k < e.people; k++) lines.push(`ATTENDEE;PARTSTAT=ACCEPTED:mailto:a${k}@x.example`);
  return lines;
}

describe('properties', () => {
  it('parse never throws: random text gives an error or a calendar', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc.string({ maxLength: 400 }).map((t) => `BEGIN:VCALENDAR\r\n${t}`),
        ),
        (text) => {
          const r = parseIcs(text);
          expect(typeof r.ok).toBe('boolean');
          if (!/^\s*BEGIN:VCALENDAR/i.test(text.replace(/^\uFEFF/, ''))) expect(r.ok).toBe(false);
          if (!r.ok) expect(r.error.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('parse and plan never throw on calendar-shaped noise', () => {
    const lineArb = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        'BEGIN:VEVENT',
        'END:VEVENT',
        'DTSTART:20250304T090000Z',
        'DTSTART;TZID=Nowhere:2025',
        'RRULE:FREQ=DAILY',
        'RRULE:FREQ=WEEKLY;BYDAY=9XX',
        'EXDATE:junk',
        ' folded',
        'DTEND;VALUE=DATE:2025',
        'DURATION:P',
        'RECURRENCE-ID:20250305T090000Z',
        'BEGIN:VALARM',
        'END:VALARM',
      ),
    );
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 40 }), (lines) => {
        const text = ['BEGIN:VCALENDAR', ...lines, 'END:VCALENDAR'].join('\r\n');
        const r = planFromText(text, options());
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 400 },
    );
  });

  it('mutated real exports never throw', () => {
    const source = fixture('outlook-calendar.ics');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: source.length - 1 }), fc.nat({ max: 30 }), fc.string({ maxLength: 5 })), {
          maxLength: 8,
        }),
        (edits) => {
          let text = source;
          for (const [at, del, ins] of edits) text = text.slice(0, at) + ins + text.slice(at + del);
          const r = planFromText(text, options());
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it('occurrences are sorted and overlap the window; segments are sorted, disjoint, inside the window and inside one local day', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 12 }), fc.boolean(), (events, keepTitles) => {
        const text = calendar(...events.map((e, i) => eventLines(e, i)));
        const parsed = parseIcs(text);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const ex = expandEvents(parsed.calendar.events, WINDOW);
        if (!ex.ok) return;
        for (let i = 0; i < ex.occurrences.length; i++) {
          const o = ex.occurrences[i]!;
          expect(o.end > WINDOW.from && o.start < WINDOW.to).toBe(true);
          if (i > 0) expect(o.start).toBeGreaterThanOrEqual(ex.occurrences[i - 1]!.start);
        }
        const r = planImport(parsed.calendar, options({ keepTitles }));
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const segs = r.plan.segments;
        for (let i = 0; i < segs.length; i++) {
          const s = segs[i]!;
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.start).toBeGreaterThanOrEqual(WINDOW.from);
          expect(s.end).toBeLessThanOrEqual(WINDOW.to);
          expect(s.day).toBe(dayKey(s.start));
          expect(s.end).toBeLessThanOrEqual(localDayStart(s.start, 1));
          if (i > 0) expect(s.start).toBeGreaterThanOrEqual(segs[i - 1]!.end);
          if (!keepTitles) expect(s.label).toBe('Meeting');
        }
        expect(segs.reduce((sum, s) => sum + s.end - s.start, 0)).toBe(r.plan.meetingMs);
        expect(r.plan.meetingMs).toBeLessThanOrEqual(WINDOW.to - WINDOW.from);
      }),
      { numRuns: 60 }, // ical.js is slow on odd YEARLY combinations; the budget bounds them
    );
  }, 120_000);

  it('RRULE: strictly increasing, never before DTSTART, COUNT respected, and skipping to the window changes nothing', () => {
    fc.assert(
      fc.property(
        ruleArb,
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: 1, max: 400 }),
        (rule, startDay, fromDay, span) => {
          const parsed = readRepeatRule(rule);
          // Everything the generator writes is read, except what is documented as unsupported.
          expect(parsed.ok || /not supported/.test(parsed.error)).toBe(true);
          if (!parsed.ok) return;
          const dtstart = wallFromFields(2018, 1, 1, 9, 30) + startDay * DAY;
          const from = dtstart + (fromDay - 300) * DAY;
          const to = from + span * DAY;
          const all = expandRepeatRule(
            parsed.rule,
            dtstart,
            { startWall: -Infinity, endWall: to, maxOccurrences: 100_000 },
            new Budget(),
            WHO,
          ).walls;
          for (let i = 1; i < all.length; i++) expect(all[i]!).toBeGreaterThan(all[i - 1]!);
          if (all.length) expect(all[0]).toBe(dtstart);
          if (parsed.rule.count !== undefined) expect(all.length).toBeLessThanOrEqual(parsed.rule.count);
          const windowed = expandRepeatRule(
            parsed.rule,
            dtstart,
            { startWall: from, endWall: to, maxOccurrences: 100_000 },
            new Budget(),
            WHO,
          ).walls;
          expect(windowed).toEqual(all.filter((w) => w >= from));
        },
      ),
      { numRuns: 200 },
    );
  }, 120_000); // ical.js is slow on odd rules (the file budget bounds them)

  it('mergeIntervals: sorted, disjoint, and covering exactly the union', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 40 })), { maxLength: 30 }),
        (pairs) => {
          const items = pairs.map(([s, l]) => ({ start: s, end: s + l }));
          const merged = mergeIntervals(items);
          for (let i = 1; i < merged.length; i++) expect(merged[i]!.start).toBeGreaterThan(merged[i - 1]!.end);
          const covered = new Set<number>();
          for (const it of items) for (let t = it.start; t < it.end; t++) covered.add(t);
          expect(merged.reduce((sum, m) => sum + (m.end - m.start), 0)).toBe(covered.size);
          expect(merged.reduce((n, m) => n + m.members.length, 0)).toBe(items.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('scale', () => {
  it('a dense 2,000-event export plans into sorted, disjoint segments inside the window', async () => {
    const { syntheticCalendar } = await import('../fixtures/ics/synthetic-calendar');
    const from = new Date(2025, 2, 24).getTime();
    const to = new Date(2025, 5, 23).getTime();
    const parsed = parseIcs(syntheticCalendar(2_000, from));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.calendar.problems).toEqual([]);
    const r = planImport(parsed.calendar, options({ from, to, keepTitles: false }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.meetingCount).toBeGreaterThan(5_000);
    const segs = r.plan.segments;
    for (let i = 1; i < segs.length; i++) expect(segs[i]!.start).toBeGreaterThanOrEqual(segs[i - 1]!.end);
    expect(segs.every((s) => s.start >= from && s.end <= to && s.label === 'Meeting')).toBe(true);
  });
});
