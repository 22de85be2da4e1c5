import { describe, expect, it } from 'vitest';
import { parseDateTime } from '@/lib/calendar/ics-values';
import { Budget, type Spender } from '@/lib/calendar/budget';
import { expandRepeatRule, readRepeatRule } from '@/lib/calendar/repeat-rule';

const WHO: Spender = { kind: 'event', line: 1, uid: 'test' };

function wall(s: string): number {
  const t = parseDateTime(s.length === 8 ? `${s}T090000` : s);
  if (!t) throw new Error(`bad test date ${s}`);
  return t.wall;
}

function fmt(w: number): string {
  return new Date(w).toISOString().slice(0, 16);
}

/** Expand on wall time (UNTIL compared as wall time, as for floating events). */
function expand(rule: string, dtstart: string, opts: { from?: string; to?: string; max?: number } = {}): string[] {
  const parsed = readRepeatRule(rule);
  if (!parsed.ok) throw new Error(parsed.error);
  const until = parsed.rule.until;
  const r = expandRepeatRule(
    parsed.rule,
    wall(dtstart),
    {
      startWall: opts.from ? wall(opts.from) : -Infinity,
      endWall: opts.to ? wall(opts.to) : wall('21000101'),
      withinUntil: until ? (w) => w <= until.wall + (until.date ? 86_400_000 - 1 : 0) : undefined,
      maxOccurrences: 1000,
    },
    new Budget(),
    WHO,
  );
  return r.walls.slice(0, opts.max ?? 1000).map(fmt);
}

const d = (...days: string[]) => days.map((x) => `${x.slice(0, 4)}-${x.slice(4, 6)}-${x.slice(6, 8)}T09:00`);

// Most cases are the examples of RFC 5545 §3.8.5.3.
describe('RRULE expansion (RFC 5545 examples)', () => {
  it.each([
    [
      'daily, 10 occurrences',
      'FREQ=DAILY;COUNT=10',
      '19970902',
      {},
      d(
        '19970902',
        '19970903',
        '19970904',
        '19970905',
        '19970906',
        '19970907',
        '19970908',
        '19970909',
        '19970910',
        '19970911',
      ),
    ],
    [
      'every 10 days, 5 occurrences',
      'FREQ=DAILY;INTERVAL=10;COUNT=5',
      '19970902',
      {},
      d('19970902', '19970912', '19970922', '19971002', '19971012'),
    ],
    [
      'weekly, 10 occurrences',
      'FREQ=WEEKLY;COUNT=10',
      '19970902',
      { max: 4 },
      d('19970902', '19970909', '19970916', '19970923'),
    ],
    [
      'weekly on Tue and Thu for five weeks',
      'FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH',
      '19970902',
      {},
      d(
        '19970902',
        '19970904',
        '19970909',
        '19970911',
        '19970916',
        '19970918',
        '19970923',
        '19970925',
        '19970930',
        '19971002',
      ),
    ],
    [
      'every other week on Mon, Wed, Fri',
      'FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR',
      '19970901',
      { max: 9 },
      d('19970901', '19970903', '19970905', '19970915', '19970917', '19970919', '19970929', '19971001', '19971003'),
    ],
    [
      'WKST=MO changes a bi-weekly rule',
      'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO',
      '19970805',
      {},
      d('19970805', '19970810', '19970819', '19970824'),
    ],
    [
      'WKST=SU changes a bi-weekly rule',
      'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU',
      '19970805',
      {},
      d('19970805', '19970817', '19970819', '19970831'),
    ],
    [
      'monthly on the first Friday',
      'FREQ=MONTHLY;COUNT=10;BYDAY=1FR',
      '19970905',
      { max: 6 },
      d('19970905', '19971003', '19971107', '19971205', '19980102', '19980206'),
    ],
    [
      'monthly on the second-to-last Monday',
      'FREQ=MONTHLY;COUNT=6;BYDAY=-2MO',
      '19970922',
      {},
      d('19970922', '19971020', '19971117', '19971222', '19980119', '19980216'),
    ],
    [
      'monthly on the third-to-last day',
      'FREQ=MONTHLY;BYMONTHDAY=-3',
      '19970928',
      { max: 6 },
      d('19970928', '19971029', '19971128', '19971229', '19980129', '19980226'),
    ],
    [
      'monthly on the 2nd and 15th',
      'FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15',
      '19970902',
      { max: 4 },
      d('19970902', '19970915', '19971002', '19971015'),
    ],
    [
      'yearly in June and July',
      'FREQ=YEARLY;COUNT=10;BYMONTH=6,7',
      '19970610',
      { max: 4 },
      d('19970610', '19970710', '19980610', '19980710'),
    ],
    [
      'last weekday of the month (BYSETPOS)',
      'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
      '19970930',
      { max: 7 },
      d('19970930', '19971031', '19971128', '19971231', '19980130', '19980227', '19980331'),
    ],
    [
      'third Tue/Wed/Thu of the month',
      'FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3',
      '19970904',
      {},
      d('19970904', '19971007', '19971106'),
    ],
    [
      'every Friday the 13th (DTSTART counts first)',
      'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13',
      '19970902',
      { max: 6 },
      d('19970902', '19980213', '19980313', '19981113', '19990813', '20001013'),
    ],
    [
      'every 9th Monday of the year',
      'FREQ=YEARLY;BYDAY=9MO',
      '19970303',
      { max: 3 },
      d('19970303', '19980302', '19990301'),
    ],
    [
      'US election day',
      'FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8',
      '19961105',
      { max: 3 },
      d('19961105', '20001107', '20041102'),
    ],
    [
      'monthly on the 31st skips short months',
      'FREQ=MONTHLY;COUNT=4',
      '20250131',
      {},
      d('20250131', '20250331', '20250531', '20250731'),
    ],
    ['yearly on 29 February', 'FREQ=YEARLY;COUNT=3', '20240229', {}, d('20240229', '20280229', '20320229')],
    [
      'last Friday of the year (ordinal within the year)',
      'FREQ=YEARLY;BYDAY=-1FR;COUNT=2',
      '20241227',
      {},
      d('20241227', '20251226'),
    ],
    [
      'second Tuesday, monthly',
      'FREQ=MONTHLY;BYDAY=2TU;COUNT=3',
      '20250211',
      {},
      d('20250211', '20250311', '20250408'),
    ],
  ])('%s', (_name, rule, start, opts, expected) => {
    expect(expand(rule, start, opts)).toEqual(expected);
  });

  it('BYHOUR and BYMINUTE expand within a day', () => {
    expect(expand('FREQ=DAILY;BYHOUR=9,10;BYMINUTE=0,30;COUNT=4', '19970902T090000')).toEqual([
      '1997-09-02T09:00',
      '1997-09-02T09:30',
      '1997-09-02T10:00',
      '1997-09-02T10:30',
    ]);
  });

  it('a rule without an end expands only inside the window', () => {
    expect(expand('FREQ=WEEKLY', '20100104', { from: '20250301T000000', to: '20250315T000000' })).toEqual(
      d('20250303', '20250310'),
    );
  });

  it('COUNT is counted from DTSTART even when the window starts later', () => {
    expect(expand('FREQ=DAILY;COUNT=5', '20250301', { from: '20250304T000000' })).toEqual(d('20250304', '20250305'));
  });

  it('stops at maxOccurrences and says it was truncated', () => {
    const parsed = readRepeatRule('FREQ=DAILY');
    if (!parsed.ok) throw new Error(parsed.error);
    const r = expandRepeatRule(
      parsed.rule,
      wall('20250101'),
      { startWall: -Infinity, endWall: wall('20260101'), maxOccurrences: 10 },
      new Budget(),
      WHO,
    );
    expect(r.walls).toHaveLength(10);
    expect(r.truncated).toBe(true);
  });

  it('an impossible rule ends at the window instead of looping', () => {
    expect(expand('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', '20250101', { to: '20300101T000000' })).toEqual(d('20250101'));
  });
});

describe('readRepeatRule (ical.js)', () => {
  it.each([
    ['FREQ=HOURLY;COUNT=3', /not supported/],
    ['FREQ=WEEKLY;BYWEEKNO=20', /BYWEEKNO/],
    ['COUNT=3', /FREQ is missing/],
    ['FREQ=SOMETIMES', /frequency/],
    ['FREQ=YEARLY;BYDAY=20MO', /ordinals above 9/], // ical.js would read every Monday
    ['FREQ=DAILY;INTERVAL=0', /INTERVAL/],
    ['FREQ=MONTHLY;BYMONTHDAY=32', /BYMONTHDAY/],
    ['FREQ=WEEKLY;BYDAY=XX', /BYDAY/],
    ['FREQ=DAILY;FREQ=WEEKLY', /twice/],
    ['FREQ=DAILY;UNTIL=yesterday', /integer/],
  ])('rejects %s', (rule, error) => {
    const r = readRepeatRule(rule);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });

  it('reads ordinals, WKST and ignores unknown X- parts', () => {
    const r = readRepeatRule('FREQ=MONTHLY;BYDAY=2MO,-1FR,+3WE;WKST=SU;X-NAME=1;INTERVAL=2');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rule.freq).toBe('MONTHLY');
    expect(r.rule.interval).toBe(2);
    // Three weekdays in a month of up to 31 days: 31 candidate days, one time each.
    expect(r.rule.perPeriod).toBe(31);
  });
});
