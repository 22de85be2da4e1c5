import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BOM,
  buildDailyToolCsv,
  buildSegmentsCsv,
  csvDocument,
  csvField,
  csvFileName,
  dailyToolRows,
  segmentRows,
} from '@/lib/export/csv';
import { fakeClassify } from '../report/fake-classifier';
import { calendar, call, focus, HOUR, MIN, seg } from '../report/helpers';

/** An RFC 4180 reader (what a spreadsheet does): records of fields; CRLF ends a record. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith(BOM)).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 1; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      expect(field, 'a quote may only open a field').toBe('');
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else {
      expect(c, 'a bare CR or LF outside quotes').not.toMatch(/[\r\n]/);
      field += c;
    }
  }
  expect(quoted, 'unterminated quote').toBe(false);
  expect(row.length === 0 && field === '', 'the last record ends with CRLF').toBe(true);
  return rows;
}

// Monday 2 March 2026, 00:00 in Berlin (tests run with TZ=Europe/Berlin): UTC+1.
const MON = new Date(2026, 2, 2).getTime();
// Monday 30 March 2026, after the switch to summer time: UTC+2.
const SUMMER = new Date(2026, 2, 30).getTime();

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['=1+2', "'=1+2"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+49 30', "'+49 30"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['a=b', 'a=b'],
    ['Über · 東京', 'Über · 東京'],
  ])('text %j → %j', (input, output) => {
    expect(csvField(input)).toBe(output);
  });

  it.each([
    [0, '0'],
    [42, '42'],
    [12.5, '13'],
    [1234567, '1234567'],
    [Number.NaN, ''],
    [Number.POSITIVE_INFINITY, ''],
    [null, ''],
    [undefined, ''],
  ])('number %j → %j (whole, no separators)', (input, output) => {
    expect(csvField(input)).toBe(output);
  });
});

describe('csvDocument', () => {
  it('starts with a BOM, ends every record with CRLF', () => {
    expect(
      csvDocument(
        ['a', 'b'],
        [
          [1, 'x'],
          [2, 'y'],
        ],
      ),
    ).toBe(`${BOM}a,b\r\n1,x\r\n2,y\r\n`);
  });

  it('rejects a row whose width differs from the header', () => {
    expect(() => csvDocument(['a', 'b'], [[1]])).toThrow(/1 fields, the header 2/);
  });

  it('any text survives a spreadsheet read, formula starts neutralised (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 3, maxLength: 3 }), { maxLength: 8 }),
        (rows) => {
          const parsed = parseCsv(csvDocument(['x', 'y', 'z'], rows));
          expect(parsed[0]).toEqual(['x', 'y', 'z']);
          expect(parsed.slice(1)).toEqual(
            rows.map((r) => r.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell))),
          );
          for (const cell of parsed.slice(1).flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('day × tool × class', () => {
  const segments = [
    focus(MON, 9 * 60, 10 * 60, 'docs.google.com', '/document/d/*/edit'),
    focus(MON, 10 * 60, 10 * 60 + 30, 'app.slack.com', '/client/*/*'),
    // A call with focus on Docs underneath: counted once, as the call.
    call(MON, 11 * 60, 11 * 60 + 45, 'meet.google.com'),
    focus(MON, 11 * 60 + 15, 11 * 60 + 30, 'docs.google.com', '/document/d/*/edit'),
    // A calendar meeting and the next day.
    calendar(MON, 14 * 60, 15 * 60, '=cmd|calc'),
    focus(MON + 24 * HOUR, 9 * 60, 9 * 60 + 20, 'www.unknown-tool.test'),
    // After `now`: left out.
    calendar(MON + 24 * HOUR, 16 * 60, 17 * 60),
  ];
  const now = MON + 24 * HOUR + 12 * HOUR;

  it('sums resolved time per day, tool and class, without double counting or future time', () => {
    const rows = dailyToolRows(segments, fakeClassify, now);
    expect(rows).toEqual([
      { date: '2026-03-02', tool: 'Google Docs', class: 'creative', seconds: 3600 },
      { date: '2026-03-02', tool: 'Meetings (calendar)', class: 'coordination', seconds: 3600 },
      { date: '2026-03-02', tool: 'Google Meet', class: 'coordination', seconds: 45 * 60 },
      { date: '2026-03-02', tool: 'Slack', class: 'coordination', seconds: 30 * 60 },
      { date: '2026-03-03', tool: expect.any(String), class: 'unclassified', seconds: 20 * 60 },
    ]);
    const total = rows.reduce((sum, r) => sum + r.seconds, 0);
    expect(total).toBe((60 + 30 + 45 + 60 + 20) * 60);
  });

  it('writes date, tool, class, seconds and whole minutes', () => {
    const rows = parseCsv(buildDailyToolCsv(segments, fakeClassify, now));
    expect(rows[0]).toEqual(['date', 'tool', 'class', 'seconds', 'minutes']);
    expect(rows[1]).toEqual(['2026-03-02', 'Google Docs', 'creative', '3600', '60']);
    expect(rows).toHaveLength(6);
  });

  it('an empty history is a header only', () => {
    expect(buildDailyToolCsv([], fakeClassify, now)).toBe(`${BOM}date,tool,class,seconds,minutes\r\n`);
  });
});

describe('raw segments', () => {
  it('one row per stored segment, local times with their UTC offset, classification and source', () => {
    const segments = [
      seg(SUMMER, 9 * 60, 9 * 60 + 0.5, { host: 'figma.com', path: '/design/*/*' }),
      focus(MON, 9 * 60, 9 * 60 + 90 / 60, 'docs.google.com', '/document/d/*/edit'),
      seg(MON, 13 * 60, 14 * 60, {
        host: '',
        source: 'manual',
        label: '+ offline brief',
        override: { class: 'creative', kind: 'writing' },
      }),
      { ...focus(MON, 10 * 60, 10 * 60), end: MON + 10 * HOUR },
    ];
    const rows = segmentRows(segments, fakeClassify);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      start: '2026-03-02 09:00:00',
      end: '2026-03-02 09:01:30',
      offset: 'UTC+01:00',
      seconds: 90,
      host: 'docs.google.com',
      path: '/document/d/*/edit',
      tool: 'Google Docs',
      class: 'creative',
      kind: 'writing',
      source: 'browser',
      lane: 'focus',
      label: '',
    });
    expect(rows[1]).toMatchObject({ source: 'manual', class: 'creative', kind: 'writing', label: '+ offline brief' });
    expect(rows[2]).toMatchObject({
      start: '2026-03-30 09:00:00',
      end: '2026-03-30 09:00:30',
      offset: 'UTC+02:00',
      seconds: 30,
      tool: 'Figma',
    });

    const csv = parseCsv(buildSegmentsCsv(segments, fakeClassify));
    // The header is the file's contract with spreadsheets and scripts: pinned here as text, not read from the code.
    expect(csv[0]!.join(',')).toBe('start,end,utc_offset,seconds,host,path_shape,tool,class,kind,source,lane,label');
    expect(csv[2]![11]).toBe("'+ offline brief");
    expect(csv[1]![2]).toBe('UTC+01:00');
  });

  it('names files with the date', () => {
    expect(csvFileName('segments', MON + 10 * HOUR)).toBe('creative-ratio-segments-2026-03-02.csv');
    expect(csvFileName('daily-tools', MON + 10 * MIN)).toBe('creative-ratio-daily-tools-2026-03-02.csv');
  });
});
