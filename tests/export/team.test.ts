// The anonymised team export: what goes in, rounding, ranges, file names, and the privacy property.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '@/lib/classify/classifier';
import { KINDS } from '@/lib/classify/kinds';
import type { UserRule } from '@/lib/classify/types';
import type { KindId, Segment } from '@/lib/model';
import {
  buildTeamExport,
  lastCompleteWeek,
  newExportId,
  parseTeamExport,
  serializeTeamExport,
  teamExportFileName,
  teamExportRange,
  teamWeekFromReport,
  TEAM_KINDS,
  type TeamExport,
  type TeamWeek,
} from '@/lib/export/team';
import type { WeekReport } from '@/lib/report/types';
import { HOUR, MIN, local, rule, seg, settingsWith } from './helpers';

// Wednesday 2 April 2025, noon (Berlin). The last complete week starts Monday 24 March.
const NOW = local(2025, 4, 2, 12);
const DOCS = { path: '/document/d/*/edit' };
const ID = 'f00dfeedcafe0123456789abcdef4567';
/** What a person who ticks both boxes shares. */
const ALL = { includeNotWork: true, includeActiveDays: true };

function scenario(): Segment[] {
  const mon = local(2025, 3, 24);
  const tue = local(2025, 3, 25);
  return [
    seg(mon + 9 * HOUR, 180, 'docs.google.com', DOCS),
    seg(mon + 13 * HOUR, 60, 'app.slack.com', { path: '/client/*/*' }),
    seg(mon + 15 * HOUR, 30, '', {
      source: 'calendar',
      label: 'Secret board meeting',
      override: { class: 'coordination', kind: 'meetings' },
      importId: 'ics:Work:1',
    }),
    seg(tue + 10 * HOUR, 20.5, 'unknown-tool.example', { path: '/board' }),
    seg(tue + 11 * HOUR, 45, 'www.youtube.com', { path: '/watch' }),
    // Two weeks earlier: 2 h of writing on Thursday 13 March.
    seg(local(2025, 3, 13, 9), 120, 'docs.google.com', DOCS),
    // This week (not complete): never exported.
    seg(local(2025, 3, 31, 9), 240, 'app.slack.com'),
  ];
}

function weekOf(doc: TeamExport, key: string): TeamWeek {
  const w = doc.weeks.find((x) => x.weekStart === key);
  if (!w) throw new Error(`no week ${key}`);
  return w;
}

describe('buildTeamExport', () => {
  const doc = buildTeamExport({
    exportId: ID,
    segments: scenario(),
    rules: [],
    settings: settingsWith(),
    now: NOW,
    ...ALL,
  });

  it('covers the last 4 complete weeks, oldest first, with a day-precision export date', () => {
    expect(doc.format).toBe('creative-ratio-team');
    expect(doc.version).toBe(2);
    expect(doc.exportId).toBe(ID);
    expect(doc.exportedAt).toBe('2025-04-02');
    expect(doc.weekStartsOn).toBe(1);
    expect(doc.alias).toBe('');
    expect(doc.weeks.map((w) => w.weekStart)).toEqual(['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24']);
  });

  it('sums classes and kinds, rounded to the minute', () => {
    const w = weekOf(doc, '2025-03-24');
    expect(w.creativeMs).toBe(180 * MIN);
    expect(w.coordinationMs).toBe(90 * MIN);
    expect(w.neutralMs).toBe(45 * MIN);
    // 20.5 minutes rounds to 21.
    expect(w.unclassifiedMs).toBe(21 * MIN);
    expect(w.byKind).toEqual({
      meetings: 30 * MIN,
      messaging: 60 * MIN,
      project: 0,
      reporting: 0,
      admin: 0,
      writing: 180 * MIN,
      design: 0,
      research: 0,
      building: 0,
      ai: 0,
      personal: 45 * MIN,
      unknown: 21 * MIN,
    });
    expect(w.meetingMs).toBe(30 * MIN);
    expect(w.messagingMs).toBe(60 * MIN);
    expect(w.longestCreativeBlockMs).toBe(180 * MIN);
    expect([w.blocks25, w.blocks50, w.blocks90]).toEqual([1, 1, 1]);
    expect(w.activeDays).toBe(2);
    expect(w.contextSwitchesPerHour).not.toBeNull();
  });

  it('gives empty weeks zeros and a null switch rate', () => {
    const w = weekOf(doc, '2025-03-17');
    expect(w.creativeMs + w.coordinationMs + (w.neutralMs ?? 0) + w.unclassifiedMs).toBe(0);
    expect(w.contextSwitchesPerHour).toBeNull();
    expect(w.longestCreativeBlockMs).toBe(0);
    expect(w.activeDays).toBe(0);
    expect(weekOf(doc, '2025-03-10').creativeMs).toBe(120 * MIN);
  });

  it("applies the person's rules and working hours, as the dashboard does", () => {
    const rules: UserRule[] = [
      rule(1, 0, 'unknown-tool.example', 'coordination', { kind: 'project', tool: 'Secret Board Tool' }),
    ];
    const inside = buildTeamExport({
      exportId: ID,
      segments: scenario(),
      rules,
      settings: settingsWith({
        workingHours: { countOnlyInside: true, days: [1, 2, 3, 4, 5], startMinute: 10 * 60, endMinute: 18 * 60 },
      }),
      now: NOW,
    });
    const w = weekOf(inside, '2025-03-24');
    // Monday 9–12 writing is clipped to 10–12.
    expect(w.creativeMs).toBe(120 * MIN);
    expect(w.byKind.project).toBe(21 * MIN);
    expect(w.unclassifiedMs).toBe(0);
  });

  it('takes 1 to 12 weeks and an earlier last week; an unfinished last week falls back to the last complete one', () => {
    const base = { segments: scenario(), rules: [], settings: settingsWith(), now: NOW };
    expect(buildTeamExport({ exportId: ID, ...base, weeks: 12 }).weeks).toHaveLength(12);
    expect(buildTeamExport({ exportId: ID, ...base, weeks: 40 }).weeks).toHaveLength(12);
    expect(buildTeamExport({ exportId: ID, ...base, weeks: 0 }).weeks).toHaveLength(1);
    expect(
      buildTeamExport({ exportId: ID, ...base, weeks: 2, lastWeek: '2025-03-12' }).weeks.map((w) => w.weekStart),
    ).toEqual(['2025-03-03', '2025-03-10']);
    expect(
      buildTeamExport({ exportId: ID, ...base, weeks: 1, lastWeek: '2025-04-01' }).weeks.map((w) => w.weekStart),
    ).toEqual(['2025-03-24']);
    expect(
      buildTeamExport({ exportId: ID, ...base, weeks: 1, lastWeek: 'nonsense' }).weeks.map((w) => w.weekStart),
    ).toEqual(['2025-03-24']);
  });

  it("uses the locale's first day when the setting says so", () => {
    const us = buildTeamExport({
      exportId: ID,
      segments: [],
      rules: [],
      settings: settingsWith({ weekStartsOn: null }),
      now: NOW,
      locale: 'en-US',
      weeks: 1,
    });
    expect(us.weekStartsOn).toBe(0);
    expect(us.weeks[0]!.weekStart).toBe('2025-03-23');
    const de = buildTeamExport({
      exportId: ID,
      segments: [],
      rules: [],
      settings: settingsWith({ weekStartsOn: null }),
      now: NOW,
      locale: 'de-DE',
      weeks: 1,
    });
    expect(de.weekStartsOn).toBe(1);
    expect(lastCompleteWeek(NOW, 6)).toBe('2025-03-22');
  });

  it('keeps weeks whole across the DST change (30 March 2025 in Berlin)', () => {
    const r = teamExportRange(local(2025, 4, 9, 12), 1, 2);
    expect(r.weeks).toEqual(['2025-03-24', '2025-03-31']);
    expect(r.end - r.weekStarts[1]!).toBe(7 * 24 * HOUR);
    expect(r.weekStarts[1]! - r.weekStarts[0]!).toBe(7 * 24 * HOUR - HOUR);
  });

  it('cleans the alias and never mutates its input', () => {
    const segments = scenario();
    const before = JSON.stringify(segments);
    const d = buildTeamExport({
      exportId: ID,
      segments,
      rules: [],
      settings: settingsWith(),
      now: NOW,
      alias: '  Alex\n\tM.  ' + 'x'.repeat(100),
    });
    expect(d.alias).toBe(`Alex M. ${'x'.repeat(52)}`);
    expect(d.alias.length).toBe(60);
    expect(JSON.stringify(segments)).toBe(before);
  });

  it('round-trips through the file and the team view parser', () => {
    const d = buildTeamExport({
      exportId: ID,
      segments: scenario(),
      rules: [],
      settings: settingsWith(),
      now: NOW,
      weeks: 12,
      alias: 'Alex',
    });
    const parsed = parseTeamExport(serializeTeamExport(d), { now: NOW });
    expect(parsed).toEqual({ ok: true, export: d, aliasAsWritten: 'Alex' });
  });
});

describe('what the person chose', () => {
  const base = { exportId: ID, segments: scenario(), rules: [], settings: settingsWith(), now: NOW };

  it('by default: no name, no not-work time, no active days — not even as fields', () => {
    const d = buildTeamExport(base);
    const text = serializeTeamExport(d);
    expect(d.alias).toBe('');
    expect(d.weeks.every((w) => w.neutralMs === null && w.activeDays === null && w.byKind.personal === 0)).toBe(true);
    expect(text).not.toMatch(/"alias"|"neutralMs"|"personal"|"activeDays"/);
    // The YouTube time (not work) is in no field.
    expect(text).not.toContain(String(45 * MIN));
    expect(parseTeamExport(text, { now: NOW })).toEqual({ ok: true, export: d, aliasAsWritten: '' });
  });

  it('each box adds only its own fields', () => {
    const notWork = serializeTeamExport(buildTeamExport({ ...base, includeNotWork: true }));
    expect(notWork).toMatch(/"neutralMs": 2700000/);
    expect(notWork).not.toMatch(/"activeDays"/);
    const days = serializeTeamExport(buildTeamExport({ ...base, includeActiveDays: true }));
    expect(days).toMatch(/"activeDays": 2/);
    expect(days).not.toMatch(/"neutralMs"|"personal"/);
  });

  it('nothing links two exports of the same data: only the random id differs', () => {
    const a = serializeTeamExport(buildTeamExport(base));
    const b = serializeTeamExport(buildTeamExport({ ...base, exportId: 'a'.repeat(32) }));
    const diff = a.split('\n').filter((line, i) => line !== b.split('\n')[i]);
    expect(diff).toEqual([`  "exportId": "${ID}",`]);
  });
});

describe('rounding', () => {
  function reportWith(
    rows: Array<[KindId, WeekReport['byKind'][number]['class'], number]>,
    extra: Partial<WeekReport> = {},
  ): WeekReport {
    return {
      week: '2025-03-24',
      byKind: rows.map(([kind, cls, ms]) => ({ kind, class: cls, ms, share: 0 })),
      multitaskMs: 0,
      switchesPerHour: null,
      longestCreativeBlock: null,
      creativeBlocks: { atLeast25: 0, atLeast50: 0, atLeast90: 0 },
      days: [],
      ...extra,
    } as unknown as WeekReport;
  }

  it.each([
    {
      name: 'three half minutes',
      rows: [
        ['writing', 'creative', 30_000],
        ['design', 'creative', 30_000],
        ['research', 'creative', 30_000],
      ] as const,
      creative: 2,
      kinds: { writing: 1, design: 1, research: 0 },
    },
    {
      name: 'remainders decide',
      rows: [
        ['writing', 'creative', 100_000],
        ['design', 'creative', 50_000],
      ] as const,
      creative: 3,
      kinds: { writing: 2, design: 1 },
    },
    {
      name: 'under half a minute in total',
      rows: [
        ['writing', 'creative', 10_000],
        ['ai', 'creative', 15_000],
      ] as const,
      creative: 0,
      kinds: { writing: 0, ai: 0 },
    },
  ])('class totals are the sum of their kinds: $name', ({ rows, creative, kinds }) => {
    const w = teamWeekFromReport(reportWith(rows.map((r) => [...r])));
    expect(w.creativeMs).toBe(creative * MIN);
    for (const [k, m] of Object.entries(kinds)) expect(w.byKind[k as KindId]).toBe(m * MIN);
  });

  it('counts a kind of another class under the class default (override to creative without a kind)', () => {
    const w = teamWeekFromReport(
      reportWith([
        ['unknown', 'creative', 10 * MIN],
        ['meetings', 'creative', 5 * MIN],
        ['unknown', 'coordination', 3 * MIN],
      ]),
    );
    expect(w.byKind.writing).toBe(15 * MIN);
    expect(w.byKind.admin).toBe(3 * MIN);
    expect(w.byKind.meetings).toBe(0);
    expect(w.meetingMs).toBe(0);
    expect(w.creativeMs).toBe(15 * MIN);
    expect(w.coordinationMs).toBe(3 * MIN);
  });

  it('rounds the switch rate to one decimal and caps the block at creative time', () => {
    const w = teamWeekFromReport(
      reportWith([['writing', 'creative', 25 * MIN + 20_000]], {
        switchesPerHour: 7.2549,
        longestCreativeBlock: { start: 0, end: 0, ms: 25 * MIN + 40_000, day: '2025-03-24' },
      }),
    );
    expect(w.contextSwitchesPerHour).toBe(7.3);
    expect(w.longestCreativeBlockMs).toBe(25 * MIN);
  });
});

describe('file names', () => {
  it.each([
    ['', 'creative-ratio-team-f00dfeed-2025-04-02.json'],
    ['Alex Müller', 'creative-ratio-team-alex-muller-2025-04-02.json'],
    ['  ../../etc/passwd ', 'creative-ratio-team-etc-passwd-2025-04-02.json'],
    ['日本語', 'creative-ratio-team-f00dfeed-2025-04-02.json'],
    ['A'.repeat(80), `creative-ratio-team-${'a'.repeat(40)}-2025-04-02.json`],
  ])('%j → %s', (alias, name) => {
    expect(teamExportFileName(alias, '2025-04-02', ID)).toBe(name);
  });

  it('unnamed exports of the same day get distinct names (from their random ids)', () => {
    const names = new Set(Array.from({ length: 200 }, () => teamExportFileName('', '2025-04-02', newExportId())));
    expect(names.size).toBe(200);
    expect(newExportId()).toMatch(/^[0-9a-f]{32}$/);
  });
});

// ---------- the privacy property ----------

/** Tokens that cannot occur in the file by chance: 3 letters, a digit, then 5–10 letters or digits. */
const token = fc.stringMatching(/^[a-z]{3}[0-9][a-z0-9]{5,10}$/);
const CATALOG_HOSTS = [
  ['docs.google.com', '/document/d/*/edit'],
  ['app.slack.com', '/client/*/*'],
  ['www.figma.com', '/design/*/*'],
  ['app.asana.com', '/*/*/list'],
  ['zoom.us', '/j/*'],
  ['mail.google.com', '/mail/u/*'],
] as const;

interface Generated {
  segments: Segment[];
  rules: UserRule[];
  secrets: string[];
}

const WEEK0 = local(2025, 3, 3);

const generated: fc.Arbitrary<Generated> = fc
  .record({
    hosts: fc.uniqueArray(token, { minLength: 1, maxLength: 6 }),
    labels: fc.array(token, { minLength: 1, maxLength: 4 }),
    tools: fc.array(token, { minLength: 1, maxLength: 4 }),
    pieces: fc.array(
      fc.record({
        kind: fc.constantFrom('random', 'catalog', 'calendar', 'manual', 'call'),
        pick: fc.nat(),
        // Anywhere in the 4 weeks before NOW (some pieces fall in the current week).
        startMin: fc.integer({ min: 0, max: 5 * 7 * 24 * 60 }),
        minutes: fc.integer({ min: 1, max: 240 }),
        override: fc.option(fc.constantFrom<KindId>(...TEAM_KINDS), { nil: undefined }),
      }),
      { maxLength: 60 },
    ),
    classes: fc.array(fc.constantFrom<UserRule['class']>('creative', 'coordination', 'neutral', 'unclassified'), {
      minLength: 6,
      maxLength: 6,
    }),
  })
  .map(({ hosts, labels, tools, pieces, classes }) => {
    const randomHosts = hosts.map((h) => `${h}.example.com`);
    const paths = hosts.map((h) => `/${h}/*/edit`);
    const labelTexts = labels.map((l) => `Launch plan ${l}`);
    const toolNames = tools.map((t) => `Tool ${t}`);
    const rules: UserRule[] = randomHosts
      .slice(0, 4)
      .map((h, i) => rule(i + 1, i, h, classes[i]!, { tool: toolNames[i % toolNames.length] }));
    rules.push({
      id: 9,
      order: 9,
      match: { type: 'regex', pattern: `${hosts[0]}\\.example` },
      class: classes[5]!,
      createdAt: 0,
      tool: toolNames[0],
    });
    const segments = pieces.map((p) => {
      const start = WEEK0 + p.startMin * MIN;
      const override = p.override ? { class: KINDS[p.override].class, kind: p.override } : undefined;
      switch (p.kind) {
        case 'random':
          return seg(start, p.minutes, randomHosts[p.pick % randomHosts.length]!, {
            path: paths[p.pick % paths.length],
            override,
          });
        case 'catalog': {
          const [h, path] = CATALOG_HOSTS[p.pick % CATALOG_HOSTS.length]!;
          return seg(start, p.minutes, h, { path, override });
        }
        case 'call':
          return seg(start, p.minutes, 'zoom.us', { path: '/j/*', lane: 'call' });
        case 'calendar':
          return seg(start, p.minutes, '', {
            source: 'calendar',
            label: labelTexts[p.pick % labelTexts.length],
            importId: `ics:${hosts[0]}:1`,
            override,
          });
        case 'manual':
          return seg(start, p.minutes, '', {
            source: 'manual',
            label: labelTexts[p.pick % labelTexts.length],
            override,
          });
      }
    });
    const classifier = createClassifier(rules);
    const classifiedTools = segments
      .filter((s) => s.host)
      .map((s) => classifier.classify(s.host, s.path, s.start).tool);
    const secrets = [
      ...hosts,
      ...randomHosts,
      ...paths,
      ...labelTexts,
      ...labels,
      ...toolNames,
      ...tools,
      ...classifiedTools,
      ...CATALOG_HOSTS.flat(),
    ];
    return { segments, rules, secrets: [...new Set(secrets)].filter((s) => s.length >= 4) };
  });

describe('anonymisation (property)', () => {
  it('never writes a host, path, label, tool name or rule content; numbers stay consistent', () => {
    fc.assert(
      fc.property(generated, fc.integer({ min: 1, max: 12 }), ({ segments, rules, secrets }, weeks) => {
        const doc = buildTeamExport({
          exportId: ID,
          segments,
          rules,
          settings: settingsWith(),
          now: NOW,
          weeks,
          ...ALL,
        });
        const text = serializeTeamExport(doc);
        const lower = text.toLowerCase();
        for (const s of secrets) expect(lower, s).not.toContain(s.toLowerCase());
        // No instants or times of day: the only strings are the format, dates and kind/field names.
        expect(text).not.toMatch(/\d{2}:\d{2}|T\d{2}|\d{12,}/);

        for (const w of doc.weeks) {
          const sum = (cls: string) =>
            TEAM_KINDS.filter((k) => KINDS[k].class === cls).reduce((a, k) => a + w.byKind[k], 0);
          expect(sum('creative')).toBe(w.creativeMs);
          expect(sum('coordination')).toBe(w.coordinationMs);
          expect(sum('neutral')).toBe(w.neutralMs);
          expect(sum('unclassified')).toBe(w.unclassifiedMs);
          for (const v of [
            w.creativeMs,
            w.coordinationMs,
            w.neutralMs ?? 0,
            w.unclassifiedMs,
            w.multitaskMs,
            w.longestCreativeBlockMs,
            ...Object.values(w.byKind),
          ]) {
            expect(v % MIN).toBe(0);
            expect(v).toBeGreaterThanOrEqual(0);
          }
          expect(w.meetingMs).toBe(w.byKind.meetings);
          expect(w.messagingMs).toBe(w.byKind.messaging);
          expect(w.longestCreativeBlockMs).toBeLessThanOrEqual(w.creativeMs);
          expect(w.blocks90).toBeLessThanOrEqual(w.blocks50);
          expect(w.blocks50).toBeLessThanOrEqual(w.blocks25);
          expect(w.activeDays).toBeLessThanOrEqual(7);
        }
        // Whatever was built, the team view accepts it unchanged.
        expect(parseTeamExport(text, { now: NOW })).toEqual({ ok: true, export: doc, aliasAsWritten: '' });
      }),
      { numRuns: 150 },
    );
  });
});
