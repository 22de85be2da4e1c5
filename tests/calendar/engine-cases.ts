/**
 * Every calendar the engine comparison runs (tests/calendar/engine-golden.test.ts): the fixture
 * exports, the synthetic calendar, and a table of repeat rules and zones. The golden file holds
 * what the hand-written engine (before ical.js) produced for each, so the ical.js engine is held
 * to the same occurrences and minutes.
 */
import { syntheticCalendar } from '../fixtures/ics/synthetic-calendar';
import { calendar, fixture, WINDOW } from './helpers';

export interface EngineCase {
  name: string;
  text: string;
  from: number;
  to: number;
}

const FILES = [
  'google-calendar.ics',
  'outlook-calendar.ics',
  'apple-calendar.ics',
  'messy-lines.ics',
  'mismatched-end.ics',
  'truncated.ics',
];

const CUSTOM_ZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Customized Time Zone',
  'BEGIN:STANDARD',
  'DTSTART:16010101T020000',
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:16010101T020000',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0400',
  'RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
];

const OLD_RULES_ZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Old Rules',
  'BEGIN:STANDARD',
  'DTSTART:19961027T030000',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10;UNTIL=20101031T010000Z',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:19960331T020000',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3;UNTIL=20100328T010000Z',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'DTSTART:20110101T000000',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0300',
  'RDATE:20110101T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** [DTSTART line, DTEND or DURATION line, RRULE (or '' for none), extra lines]. */
const RULES: Array<[string, string, string, string[]]> = [
  [
    'DTSTART;TZID=Europe/Berlin:20250303T093000',
    'DTEND;TZID=Europe/Berlin:20250303T094500',
    'FREQ=WEEKLY;BYDAY=MO',
    [],
  ],
  [
    'DTSTART;TZID=America/New_York:20250303T090000',
    'DURATION:PT30M',
    'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR',
    ['EXDATE;TZID=America/New_York:20250305T090000,20250306T090000'],
  ],
  ['DTSTART;TZID=America/New_York:20250102T090000', 'DURATION:PT1H', 'FREQ=MONTHLY;BYDAY=-1FR', []],
  ['DTSTART;TZID=Europe/London:20250131T160000', 'DURATION:PT30M', 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', []],
  ['DTSTART:20250131T100000Z', 'DURATION:PT1H', 'FREQ=MONTHLY', []],
  ['DTSTART:20250331T100000Z', 'DURATION:PT1H', 'FREQ=MONTHLY;BYMONTHDAY=-1', []],
  ['DTSTART:20250303T100000Z', 'DURATION:PT1H', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=5', []],
  ['DTSTART;TZID=Europe/Berlin:20250303T080000', 'DURATION:PT15M', 'FREQ=DAILY;UNTIL=20250320T070000Z', []],
  ['DTSTART;TZID=Europe/Berlin:20250303T080000', 'DURATION:PT15M', 'FREQ=DAILY;UNTIL=20250320', []],
  ['DTSTART:20250303T080000', 'DURATION:PT15M', 'FREQ=DAILY;UNTIL=20250310T080000', []],
  ['DTSTART;TZID=Europe/Berlin:20250330T023000', 'DURATION:PT30M', 'FREQ=DAILY;COUNT=3', []],
  ['DTSTART;TZID=America/New_York:20250309T023000', 'DURATION:PT30M', '', []],
  ['DTSTART;TZID=Europe/Berlin:20250304T140000', 'DURATION:PT1H', 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=9,14;BYMINUTE=0,30', []],
  ['DTSTART:20240101T120000Z', 'DURATION:PT1H', 'FREQ=YEARLY;BYYEARDAY=70,80,90', []],
  ['DTSTART:20240315T120000Z', 'DURATION:PT1H', 'FREQ=YEARLY;BYMONTH=3;BYDAY=3SA', []],
  ['DTSTART:20200101T120000Z', 'DURATION:PT1H', 'FREQ=YEARLY;BYMONTH=3,4;BYMONTHDAY=10,-1', []],
  ['DTSTART:20250303T120000Z', 'DURATION:PT1H', 'FREQ=WEEKLY;WKST=SU;BYDAY=SU,TU;INTERVAL=2', []],
  [
    'DTSTART;VALUE=DATE:20250303',
    'DTEND;VALUE=DATE:20250304',
    'FREQ=WEEKLY;BYDAY=MO,WE',
    ['EXDATE;VALUE=DATE:20250305'],
  ],
  [
    'DTSTART;TZID=Customized Time Zone:20250306T100000',
    'DTEND;TZID=Customized Time Zone:20250306T110000',
    'FREQ=WEEKLY;BYDAY=TH',
    [],
  ],
  ['DTSTART;TZID=Old Rules:20250306T100000', 'DTEND;TZID=Old Rules:20250306T110000', 'FREQ=WEEKLY;BYDAY=TH', []],
  [
    'DTSTART;TZID=W. Europe Standard Time:20250211T150000',
    'DTEND;TZID=W. Europe Standard Time:20250211T160000',
    'FREQ=MONTHLY;BYDAY=2TU',
    [],
  ],
  ['DTSTART;TZID=(UTC+01:00) Amsterdam, Berlin:20250305T150000', 'DURATION:PT1H', 'FREQ=WEEKLY', []],
  ['DTSTART;TZID=Nowhere/Unknown:20250305T150000', 'DURATION:PT1H', 'FREQ=WEEKLY', []],
  ['DTSTART:20250303T100000Z', 'DURATION:PT1H', 'FREQ=HOURLY', []],
  ['DTSTART:20250303T100000Z', 'DURATION:PT1H', 'FREQ=YEARLY;BYWEEKNO=10', []],
  ['DTSTART:20250303T100000Z', 'DURATION:PT1H', 'FREQ=WEEKLY;BYDAY=XX', []],
  [
    'DTSTART:20250303T100000Z',
    'DURATION:PT1H',
    '',
    [
      'RDATE:20250310T150000Z,20250311T150000Z',
      'RDATE;VALUE=PERIOD:20250312T150000Z/20250312T153000Z,20250313T150000Z/PT2H',
    ],
  ],
  ['DTSTART;TZID=Europe/Berlin:20250303T100000', 'DTEND:20250303T100000Z', 'FREQ=DAILY;COUNT=3', []],
  ['DTSTART;TZID=Europe/Berlin:20250303T233000', 'DURATION:P1DT1H', 'FREQ=WEEKLY;COUNT=3', []],
  ['DTSTART:20250301T090000Z', 'DURATION:PT1H', 'FREQ=MONTHLY;BYMONTHDAY=29,30,31;BYMONTH=2,3,4', []],
];

function ruleCase(i: number): string {
  const [start, end, rrule, extra] = RULES[i]!;
  const body = [`UID:rule-${i}`, 'SUMMARY:Weekly sync', start, end, ...(rrule ? [`RRULE:${rrule}`] : []), ...extra];
  const overrides: string[][] = [];
  if (i === 0) {
    overrides.push([
      'UID:rule-0',
      'RECURRENCE-ID;TZID=Europe/Berlin:20250310T093000',
      'DTSTART;TZID=Europe/Berlin:20250311T100000',
      'DTEND;TZID=Europe/Berlin:20250311T101500',
      'SUMMARY:Moved sync',
    ]);
    overrides.push([
      'UID:rule-0',
      'RECURRENCE-ID;TZID=Europe/Berlin:20250317T093000',
      'DTSTART;TZID=Europe/Berlin:20250317T093000',
      'STATUS:CANCELLED',
      'SUMMARY:Cancelled sync',
    ]);
  }
  const text = calendar(body, ...overrides);
  return text.replace(
    'PRODID:-//Test//Test//EN',
    ['PRODID:-//Test//Test//EN', ...CUSTOM_ZONE, ...OLD_RULES_ZONE].join('\r\n'),
  );
}

export function engineCases(): EngineCase[] {
  const cases: EngineCase[] = FILES.map((f) => ({ name: f, text: fixture(f), ...WINDOW }));
  const now = new Date(2025, 5, 12, 15, 30).getTime();
  const from = now - 11 * 7 * 86_400_000;
  cases.push({
    name: 'synthetic 2,000 events, 12 weeks',
    text: syntheticCalendar(2_000, from),
    from,
    to: now + 7 * 86_400_000,
  });
  cases.push({
    name: 'synthetic 300 events, 52 weeks',
    text: syntheticCalendar(300, from, 3),
    from: now - 51 * 7 * 86_400_000,
    to: now + 7 * 86_400_000,
  });
  for (let i = 0; i < RULES.length; i++)
    cases.push({ name: `rule ${i}: ${RULES[i]![2] || 'none'}`, text: ruleCase(i), ...WINDOW });
  return cases;
}
