import ICAL from 'ical.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLine, planFileName, planToIcs } from '@/lib/plan/ics';
import { FOCUS_KINDS, blockTitle, type PlanBlock } from '@/lib/plan/types';
import { readIcsEvents } from '../fixtures/ics/read-back';

const MIN = 60_000;
const NOW = Date.UTC(2026, 11, 4, 15, 30);
const blocks: PlanBlock[] = [
  { id: 'focus-b', start: Date.UTC(2026, 11, 8, 13), end: Date.UTC(2026, 11, 8, 15), kind: 'design' },
  { id: 'focus-a', start: Date.UTC(2026, 11, 7, 8), end: Date.UTC(2026, 11, 7, 9, 30), kind: 'writing' },
];

describe('planToIcs', () => {
  it('writes a VCALENDAR that ical.js reads back block for block', () => {
    const text = planToIcs(blocks, { now: NOW });
    const events = readIcsEvents(text);
    expect(events).toEqual([
      {
        uid: 'focus-a@focus-plan.creative-ratio',
        start: blocks[1]!.start,
        end: blocks[1]!.end,
        summary: 'Focus: writing',
        transp: 'OPAQUE',
        stamp: NOW,
        utc: true,
      },
      {
        uid: 'focus-b@focus-plan.creative-ratio',
        start: blocks[0]!.start,
        end: blocks[0]!.end,
        summary: 'Focus: design',
        transp: 'OPAQUE',
        stamp: NOW,
        utc: true,
      },
    ]);
  });

  it('uses CRLF line ends only, VERSION and PRODID, and nothing personal', () => {
    const text = planToIcs(blocks, { now: NOW });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(text).not.toMatch(/ATTENDEE|ORGANIZER|mailto|http/i);
    for (const l of lines) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
  });

  it('an empty plan is still a valid calendar', () => {
    expect(readIcsEvents(planToIcs([], { now: NOW }))).toEqual([]);
  });

  it('escapes and folds the calendar name (UTF-8 aware) so ical.js reads it unchanged', () => {
    const name = 'Fokus-Plan für die Woche, mit Ümläuten; und einem sehr langen Namen der gefaltet werden muss ✍️✍️✍️';
    const text = planToIcs(blocks, { now: NOW, calendarName: name });
    for (const l of text.split('\r\n')) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
    // ical.js unfolds X- properties but leaves their TEXT escapes as written.
    expect(new ICAL.Component(ICAL.parse(text)).getFirstPropertyValue('x-wr-calname')).toBe(
      name.replace(/([,;])/g, '\\$1'),
    );
  });

  it('property: any plan survives the round trip', () => {
    const arbBlock = fc.record({
      id: fc.string({ minLength: 1, maxLength: 40 }),
      start: fc.integer({ min: Date.UTC(2000, 0, 1) / MIN, max: Date.UTC(2090, 0, 1) / MIN }).map((m) => m * MIN),
      len: fc.integer({ min: 1, max: 600 }),
      kind: fc.constantFrom(...FOCUS_KINDS),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbBlock, { selector: (b) => b.id, maxLength: 10 }), (raw) => {
        const plan = raw.map((b, i) => ({
          id: `${i}-${b.id}`,
          start: b.start,
          end: b.start + b.len * MIN,
          kind: b.kind,
        }));
        const back = readIcsEvents(planToIcs(plan, { now: NOW }));
        expect(back).toHaveLength(plan.length);
        expect(new Set(back.map((e) => e.uid)).size).toBe(plan.length);
        const want = plan.map((b) => [b.start, b.end, blockTitle(b.kind)].join('|')).sort();
        expect(back.map((e) => [e.start, e.end, e.summary].join('|')).sort()).toEqual(want);
      }),
      { numRuns: 150 },
    );
  });
});

describe('foldLine', () => {
  it.each([
    ['short', 'SUMMARY:Focus', 1],
    ['exactly 75 octets', 'X'.repeat(75), 1],
    ['76 octets', 'X'.repeat(76), 2],
    ['multi-byte never split', 'DESCRIPTION:' + 'é'.repeat(100), 3],
  ])('%s', (_name, line, parts) => {
    const folded = foldLine(line);
    const pieces = folded.split('\r\n');
    expect(pieces).toHaveLength(parts);
    expect(pieces.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    for (const p of pieces) expect(new TextEncoder().encode(p).length).toBeLessThanOrEqual(75);
  });
  it('file name', () => expect(planFileName('2026-12-07')).toBe('focus-plan-2026-12-07.ics'));
});
