// The team view's parser: strict schema, clear messages, size limit, version check, prototype safety.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_TEAM_FILE_BYTES,
  parseTeamExport as parse,
  serializeTeamExport,
  TEAM_KINDS,
  type TeamParseOptions,
} from '@/lib/export/team-format';
import { MIN } from './helpers';

function week(weekStart: string, creativeMin: number, coordinationMin: number): Record<string, unknown> {
  const byKind: Record<string, number> = Object.fromEntries(TEAM_KINDS.map((k) => [k, 0]));
  byKind.writing = creativeMin * MIN;
  byKind.meetings = coordinationMin * MIN;
  return {
    weekStart,
    creativeMs: creativeMin * MIN,
    coordinationMs: coordinationMin * MIN,
    neutralMs: 0,
    unclassifiedMs: 0,
    byKind,
    meetingMs: coordinationMin * MIN,
    messagingMs: 0,
    multitaskMs: 0,
    contextSwitchesPerHour: 4.5,
    longestCreativeBlockMs: Math.min(50, creativeMin) * MIN,
    blocks25: 2,
    blocks50: 1,
    blocks90: 0,
    activeDays: 5,
  };
}

const NOW = new Date(2025, 3, 2, 12).getTime();
const ID = '0123456789abcdef0123456789abcdef';

function valid(): Record<string, unknown> {
  return {
    format: 'creative-ratio-team',
    version: 2,
    exportId: ID,
    exportedAt: '2025-04-02',
    weekStartsOn: 1,
    alias: 'Alex',
    weeks: [week('2025-03-17', 600, 600), week('2025-03-24', 300, 900)],
  };
}

type Doc = Record<string, unknown>;
const parseTeamExport = (text: string, options: TeamParseOptions = { now: NOW }) => parse(text, options);
const weeksOf = (d: Doc) => d.weeks as Doc[];
const text = (d: unknown) => JSON.stringify(d);

describe('parseTeamExport accepts', () => {
  it('a valid file, building fresh objects', () => {
    const r = parseTeamExport(text(valid()));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.export.alias).toBe('Alex');
    expect(r.export.weeks.map((w) => w.weekStart)).toEqual(['2025-03-17', '2025-03-24']);
    expect(Object.getPrototypeOf(r.export)).toBe(Object.prototype);
    // Serialising the parsed file and parsing again gives the same result.
    expect(parseTeamExport(serializeTeamExport(r.export))).toEqual(r);
  });

  it('a missing alias (as empty) and a null switch rate', () => {
    const d = valid();
    delete d.alias;
    weeksOf(d)[0]!.contextSwitchesPerHour = null;
    const r = parseTeamExport(text(d));
    expect(r.ok && r.export.alias).toBe('');
    expect(r.ok && r.export.weeks[0]!.contextSwitchesPerHour).toBeNull();
  });

  it('a Sunday-start file and a pretty-printed one', () => {
    const d = valid();
    d.weekStartsOn = 0;
    d.weeks = [week('2025-03-16', 60, 60), week('2025-03-23', 60, 60)];
    expect(parseTeamExport(JSON.stringify(d, null, 4)).ok).toBe(true);
  });
});

describe('versions and optional fields', () => {
  it('reads a version 1 file (alias, not-work time and active days always there, no export id)', () => {
    const d = valid();
    d.version = 1;
    delete d.exportId;
    const r = parseTeamExport(text(d));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.export.version).toBe(1);
    expect(r.export.exportId).toBeNull();
    expect(r.export.weeks[0]!.activeDays).toBe(5);
    expect(parseTeamExport(text({ ...d, exportId: ID }))).toEqual({
      ok: false,
      error: 'Unexpected field "exportId" in a version 1 file.',
    });
    // A version 1 week must have every field.
    delete weeksOf(d)[0]!.activeDays;
    expect(parseTeamExport(text(d))).toEqual({ ok: false, error: 'Week 1 (2025-03-17): "activeDays" is missing.' });
  });

  it('a version 2 file without not-work time, active days or a name: and writes none of them back', () => {
    const d = valid();
    delete d.alias;
    for (const w of weeksOf(d)) {
      delete w.neutralMs;
      delete w.activeDays;
      delete (w.byKind as Doc).personal;
    }
    const r = parseTeamExport(text(d));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.export.weeks.map((w) => [w.neutralMs, w.activeDays, w.byKind.personal])).toEqual([
      [null, null, 0],
      [null, null, 0],
    ]);
    const again = serializeTeamExport(r.export);
    expect(again).not.toMatch(/neutralMs|activeDays|personal|alias/);
    expect(parseTeamExport(again)).toEqual(r);
  });

  it('names lose invisible and bidi characters (\\p{Cf}) as well as control characters', () => {
    const r = parseTeamExport(text({ ...valid(), alias: 'Al\u200bex\u202e\u2066 \u0007K.' }));
    expect(r.ok && r.export.alias).toBe('Alex K.');
  });
});

describe('parseTeamExport rejects', () => {
  const cases: Array<{ name: string; input: () => string; error: RegExp }> = [
    { name: 'an empty file', input: () => '  \n', error: /empty/ },
    { name: 'text that is not JSON', input: () => 'creative-ratio-team,1', error: /not valid JSON/ },
    {
      name: 'JSON with NaN',
      input: () => text(valid()).replace('"neutralMs":0', '"neutralMs":NaN'),
      error: /not valid JSON/,
    },
    { name: 'a list', input: () => '[1,2]', error: /expected a JSON object/ },
    {
      name: 'another format',
      input: () => text({ ...valid(), format: 'something-else' }),
      error: /not a Creative Ratio team export \(format "something-else"\)/,
    },
    { name: 'a missing format', input: () => text({ version: 1 }), error: /"format" is missing/ },
    {
      name: 'a full backup',
      input: () => text({ format: 'creative-ratio-backup', version: 1 }),
      error: /full backup, not a team export/,
    },
    {
      name: 'a newer version',
      input: () => text({ ...valid(), version: 3 }),
      error: /newer version of Creative Ratio \(format version 3\)/,
    },
    { name: 'a version that is text', input: () => text({ ...valid(), version: '1' }), error: /invalid "version"/ },
    {
      name: 'an unknown top-level field',
      input: () => text({ ...valid(), hosts: ['docs.google.com'] }),
      error: /unexpected field "hosts"/i,
    },
    {
      name: 'an exact export time',
      input: () => text({ ...valid(), exportedAt: '2025-04-02T10:11:12Z' }),
      error: /"exportedAt" must be a date written yyyy-MM-dd/,
    },
    { name: 'an impossible date', input: () => text({ ...valid(), exportedAt: '2025-02-30' }), error: /"exportedAt"/ },
    { name: 'a week start of 7', input: () => text({ ...valid(), weekStartsOn: 7 }), error: /"weekStartsOn"/ },
    { name: 'an alias that is not text', input: () => text({ ...valid(), alias: 42 }), error: /"alias" must be text/ },
    { name: 'a long alias', input: () => text({ ...valid(), alias: 'x'.repeat(61) }), error: /longer than 60/ },
    { name: 'no weeks', input: () => text({ ...valid(), weeks: [] }), error: /no weeks/ },
    {
      name: 'weeks that are not a list',
      input: () => text({ ...valid(), weeks: {} }),
      error: /"weeks" must be a list/,
    },
    {
      name: 'an export id that is not random hex',
      input: () => text({ ...valid(), exportId: 'alex@example.com' }),
      error: /"exportId" must be 32 hexadecimal digits/,
    },
    {
      name: 'a missing export id',
      input: () => text({ ...valid(), exportId: undefined }),
      error: /"exportId" is missing/,
    },
    {
      name: 'an export date before 2000',
      input: () => text({ ...valid(), exportedAt: '1999-12-31' }),
      error: /"exportedAt" must be a date from 2000-01-01 to a year from today \(2026-04-03\)/,
    },
    {
      name: 'an export date in year 275760',
      input: () => text({ ...valid(), exportedAt: '+275760-09-13' }),
      error: /"exportedAt" must be a date written yyyy-MM-dd/,
    },
    {
      name: 'an export date more than a year ahead',
      input: () => text({ ...valid(), exportedAt: '2026-04-04' }),
      error: /"exportedAt" must be a date from 2000-01-01 to a year from today/,
    },
    {
      name: '13 weeks (dated up to a year ahead)',
      input: () =>
        text({
          ...valid(),
          exportedAt: '2025-12-31',
          weeks: Array.from({ length: 13 }, (_, i) => week(`2025-0${Math.floor(i / 4) + 1}-0${(i % 4) + 1}`, 1, 1)),
        }),
      error: /13 weeks; at most 12/,
    },
  ];

  const weekCase = (name: string, edit: (w: Doc) => void, error: RegExp) => ({
    name,
    input: () => {
      const d = valid();
      edit(weeksOf(d)[1]!);
      return text(d);
    },
    error,
  });
  cases.push(
    weekCase(
      'a negative duration',
      (w) => (w.neutralMs = -MIN),
      /Week 2 \(2025-03-24\): "neutralMs" cannot be negative/,
    ),
    weekCase('a duration as text', (w) => (w.creativeMs = '300'), /"creativeMs" must be a number of milliseconds/),
    {
      name: 'an infinite duration',
      input: () => text(valid()).replace('"multitaskMs":0', '"multitaskMs":1e400'),
      error: /"multitaskMs" must be a number/,
    },
    weekCase('a fractional duration', (w) => (w.multitaskMs = 0.5), /whole number of milliseconds/),
    weekCase('more than a week', (w) => (w.multitaskMs = 200 * 60 * MIN), /longer than a week/),
    weekCase('a missing field', (w) => delete w.multitaskMs, /Week 2 \(2025-03-24\): "multitaskMs" is missing/),
    weekCase(
      'active days in one week only',
      (w) => delete w.activeDays,
      /Week 2 \(2025-03-24\): every week shares the same fields/,
    ),
    weekCase(
      'not-work time without its kind',
      (w) => delete (w.byKind as Doc).personal,
      /"neutralMs" and the "personal" kind come together/,
    ),
    weekCase(
      'a week dated 1999',
      (w) => (w.weekStart = '1999-12-27'),
      /Week 2: "weekStart" must be a date from 2000-01-01/,
    ),
    weekCase(
      'kinds that do not add up',
      (w) => ((w.byKind as Doc).writing = 10 * MIN),
      /kinds of creative time add up to 600,000 ms, not "creativeMs" \(18,000,000 ms\)/,
    ),
    weekCase('an unknown kind', (w) => ((w.byKind as Doc).gaming = 0), /unknown kind "gaming"/),
    weekCase('a missing kind', (w) => delete (w.byKind as Doc).ai, /byKind: "ai" is missing/),
    weekCase('a host smuggled into a week', (w) => (w.topHost = 'docs.google.com'), /unexpected field "topHost"/),
    weekCase(
      'meeting time that is not the meetings kind',
      (w) => (w.meetingMs = 0),
      /"meetingMs" must equal the meetings kind/,
    ),
    weekCase(
      'a negative switch rate',
      (w) => (w.contextSwitchesPerHour = -1),
      /"contextSwitchesPerHour" must be null or a number/,
    ),
    weekCase('a missing switch rate', (w) => delete w.contextSwitchesPerHour, /"contextSwitchesPerHour" is missing/),
    weekCase(
      'a block longer than all creative time',
      (w) => (w.longestCreativeBlockMs = 301 * MIN),
      /longest creative block is longer/,
    ),
    weekCase('more 90-minute than 50-minute blocks', (w) => (w.blocks90 = 3), /blocks90 ≤ blocks50 ≤ blocks25/),
    weekCase('eight active days', (w) => (w.activeDays = 8), /"activeDays" must be a whole number from 0 to 7/),
    weekCase(
      'a week on the wrong weekday',
      (w) => (w.weekStart = '2025-03-25'),
      /does not start on the file's first day/,
    ),
    weekCase(
      'a week start with a time',
      (w) => (w.weekStart = '2025-03-24T00:00'),
      /Week 2: "weekStart" must be a date/,
    ),
    weekCase('a duplicate week', (w) => (w.weekStart = '2025-03-17'), /oldest first, each once/),
    weekCase(
      'a week that had not ended',
      (w) => (w.weekStart = '2025-03-31'),
      /had not ended when the file was exported/,
    ),
    weekCase(
      'a week that is not an object',
      (w) => Object.assign(w, { weekStart: null }),
      /"weekStart" must be a date/,
    ),
  );

  it.each(cases)('$name', ({ input, error }) => {
    const r = parseTeamExport(input());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });

  it('a file over 1 MB, before parsing it', () => {
    const big = text(valid()).replace('{', `{${' '.repeat(MAX_TEAM_FILE_BYTES)}`);
    const r = parseTeamExport(big);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/too large \(over 1 MB\)/) });
    // Multi-byte characters count as their UTF-8 size.
    const wide = text({ ...valid(), alias: 'é'.repeat(10) }).replace(
      '{',
      `{${'\u00a0'.repeat(MAX_TEAM_FILE_BYTES / 2)}`,
    );
    expect(parseTeamExport(wide).ok).toBe(false);
  });
});

describe('prototype safety', () => {
  it.each([
    ['top level', (d: Doc) => `{"__proto__":{"polluted":true},${text(d).slice(1)}`, /unexpected field "__proto__"/i],
    [
      'inside a week',
      (d: Doc) => text(d).replace('"weekStart":"2025-03-17"', '"__proto__":{"polluted":true},"weekStart":"2025-03-17"'),
      /Week 1 \(2025-03-17\): unexpected field "__proto__"/,
    ],
    [
      'inside byKind',
      (d: Doc) => text(d).replace('"byKind":{', '"byKind":{"__proto__":{"polluted":true},'),
      /unknown kind "__proto__"/,
    ],
    [
      'constructor.prototype',
      (d: Doc) => `{"constructor":{"prototype":{"polluted":true}},${text(d).slice(1)}`,
      /unexpected field "constructor"/i,
    ],
  ])('rejects "__proto__" %s and pollutes nothing', (_where, build, error) => {
    const r = parseTeamExport(build(valid()));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('never throws and never pollutes, whatever the JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = parseTeamExport(JSON.stringify(value));
        expect(typeof r.ok).toBe('boolean');
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(parseTeamExport(s).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects any single field changed to a wrong type', () => {
    const fields = Object.keys(week('2025-03-24', 1, 1)).filter((k) => k !== 'contextSwitchesPerHour');
    fc.assert(
      fc.property(
        fc.constantFrom(...fields),
        fc.constantFrom<unknown>('x', null, true, [], {}, -1, 1.5),
        (field, bad) => {
          const d = valid();
          weeksOf(d)[0]![field] = bad;
          // -1 and 1.5 are the right type for block counts too, but never valid values.
          expect(parseTeamExport(text(d)).ok).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });
});
