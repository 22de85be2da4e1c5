import { describe, expect, it } from 'vitest';
import { isProblem, parseContentLine, splitTextList, unescapeText, unfoldLines } from '@/lib/calendar/ics-lines';

describe('unfoldLines', () => {
  it.each([
    [
      'CRLF',
      'A:1\r\nB:2\r\n',
      [
        ['A:1', 1],
        ['B:2', 2],
      ],
    ],
    [
      'LF only',
      'A:1\nB:2',
      [
        ['A:1', 1],
        ['B:2', 2],
      ],
    ],
    [
      'lone CR',
      'A:1\rB:2\r',
      [
        ['A:1', 1],
        ['B:2', 2],
      ],
    ],
    [
      'folded with a space',
      'SUMMARY:Quarterly \r\n business review\r\nX:1',
      [
        ['SUMMARY:Quarterly business review', 1],
        ['X:1', 3],
      ],
    ],
    ['folded with a tab', 'SUMMARY:Q\r\n\tB', [['SUMMARY:QB', 1]]],
    [
      'folded several times',
      'D:a\r\n b\r\n c\r\nE:1',
      [
        ['D:abc', 1],
        ['E:1', 4],
      ],
    ],
    [
      'blank lines dropped',
      'A:1\r\n\r\n   \r\nB:2',
      [
        ['A:1', 1],
        ['B:2', 4],
      ],
    ],
    ['byte-order mark', '\uFEFFBEGIN:VCALENDAR', [['BEGIN:VCALENDAR', 1]]],
    ['fold splitting a multi-byte character', 'SUMMARY:Caf\r\n é', [['SUMMARY:Café', 1]]],
  ] as const)('%s', (_name, text, expected) => {
    expect(unfoldLines(text).map((l) => [l.text, l.line])).toEqual(expected);
  });
});

describe('parseContentLine', () => {
  it.each([
    ['plain', 'SUMMARY:Hello', 'SUMMARY', {}, 'Hello'],
    ['lower-case name', 'summary:Hello', 'SUMMARY', {}, 'Hello'],
    ['value with colons', 'URL:https://meet.example/abc', 'URL', {}, 'https://meet.example/abc'],
    [
      'one parameter',
      'DTSTART;TZID=Europe/Berlin:20250303T093000',
      'DTSTART',
      { TZID: ['Europe/Berlin'] },
      '20250303T093000',
    ],
    [
      'quoted parameter with spaces',
      'DTSTART;TZID="W. Europe Standard Time":20250211T150000',
      'DTSTART',
      { TZID: ['W. Europe Standard Time'] },
      '20250211T150000',
    ],
    [
      'quoted parameter with ; : and ,',
      'ATTENDEE;CN="Berger, Tom; Sales: EU":mailto:t@x.example',
      'ATTENDEE',
      { CN: ['Berger, Tom; Sales: EU'] },
      'mailto:t@x.example',
    ],
    [
      'multi-valued parameter',
      'ATTENDEE;DELEGATED-TO="mailto:a@x","mailto:b@x":mailto:c@x',
      'ATTENDEE',
      { 'DELEGATED-TO': ['mailto:a@x', 'mailto:b@x'] },
      'mailto:c@x',
    ],
    [
      'several parameters, names upper-cased',
      'ATTENDEE;partstat=DECLINED;Cn=Jane:mailto:j@x',
      'ATTENDEE',
      { PARTSTAT: ['DECLINED'], CN: ['Jane'] },
      'mailto:j@x',
    ],
    [
      'RFC 6868 caret escapes',
      'ATTENDEE;CN="Jane ^\'JD^\' Doe":mailto:j@x',
      'ATTENDEE',
      { CN: ['Jane "JD" Doe'] },
      'mailto:j@x',
    ],
    ['empty value', 'LOCATION:', 'LOCATION', {}, ''],
    ['x-name', 'X-MICROSOFT-CDO-BUSYSTATUS:OOF', 'X-MICROSOFT-CDO-BUSYSTATUS', {}, 'OOF'],
  ])('%s', (_name, text, name, params, value) => {
    const r = parseContentLine({ text, line: 7 });
    expect(isProblem(r)).toBe(false);
    if (isProblem(r)) return;
    expect(r.name).toBe(name);
    expect({ ...r.params }).toEqual(params);
    expect(r.value).toBe(value);
    expect(r.line).toBe(7);
  });

  it.each([
    ['no colon', 'this line lost its folding space', /Line 12: expected ":"/],
    ['starts with a colon', ':value', /Line 12 is not an iCalendar property/],
    ['unterminated quote', 'DTSTART;TZID="Europe/Berlin:20250101T000000', /unterminated quoted parameter/],
    ['parameter without =', 'DTSTART;TZID:20250101', /malformed parameter/],
  ])('reports a problem with the line number: %s', (_name, text, message) => {
    const r = parseContentLine({ text, line: 12 });
    expect(isProblem(r)).toBe(true);
    if (isProblem(r)) {
      expect(r.line).toBe(12);
      expect(r.message).toMatch(message);
    }
  });
});

describe('TEXT values', () => {
  it.each([
    ['Q2 plan\\, budget \\; review', 'Q2 plan, budget ; review'],
    ['Line one\\nLine two\\NLine three', 'Line one\nLine two\nLine three'],
    ['C:\\\\temp', 'C:\\temp'],
    ['no escapes', 'no escapes'],
  ])('unescapes %j', (raw, expected) => {
    expect(unescapeText(raw)).toBe(expected);
  });

  it('splits lists on unescaped commas only', () => {
    expect(splitTextList('Meeting,Client\\, EU,Follow-up')).toEqual(['Meeting', 'Client, EU', 'Follow-up']);
  });
});
