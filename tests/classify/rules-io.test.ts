// Rules import/export: round trip, format checks, all-or-nothing with per-rule messages, limits.
import { describe, expect, it } from 'vitest';
import { exportRules, parseRulesImport, MAX_IMPORT_RULES, RULE_MESSAGES, type UserRule } from '@/lib/classify';
import { importedRuleName } from '@/lib/classify/rules-io';

const RULES: UserRule[] = [
  {
    id: 4,
    order: 1,
    match: { type: 'path', host: '*.atlassian.net', pathPrefix: '/wiki' },
    class: 'creative',
    kind: 'writing',
    tool: 'Wiki',
    createdAt: 1_690_000_001_000,
  },
  {
    id: 2,
    order: 0,
    match: { type: 'host', host: 'app.asana.com' },
    class: 'coordination',
    kind: 'project',
    createdAt: 1_690_000_000_900,
  },
  {
    id: 9,
    order: 2,
    match: { type: 'regex', pattern: '^app\\.hubspot\\.com/email/' },
    class: 'creative',
    fromTime: 1_700_000_000_000,
    createdAt: 1_690_000_001_100,
  },
  {
    id: 7,
    order: 3,
    match: { type: 'wildcard', pattern: '*.slack.com' },
    class: 'neutral',
    createdAt: 1_690_000_001_200,
  },
];

describe('export', () => {
  it('writes a versioned document, sorted by order, without ids', () => {
    const doc = JSON.parse(exportRules(RULES, { now: Date.UTC(2025, 0, 1) }));
    expect(doc).toMatchObject({ format: 'creative-ratio-rules', version: 1, exportedAt: '2025-01-01T00:00:00.000Z' });
    expect(doc.rules.map((r: { match: unknown }) => r.match)).toEqual([
      RULES[1]?.match,
      RULES[0]?.match,
      RULES[2]?.match,
      RULES[3]?.match,
    ]);
    for (const r of doc.rules) expect(r).not.toHaveProperty('id');
  });

  it('round-trips through import', () => {
    const parsed = parseRulesImport(exportRules(RULES));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const expected = [...RULES]
      .sort((a, b) => a.order - b.order)
      .map(({ id: _id, ...rest }, i) => ({ ...rest, order: i }));
    expect(parsed.rules).toEqual(expected);
    expect(JSON.parse(exportRules(parsed.rules)).rules).toEqual(JSON.parse(exportRules(RULES)).rules);
  });

  it('accepts a bare array and renumbers orders', () => {
    const parsed = parseRulesImport(
      JSON.stringify([
        { match: { type: 'host', host: 'b.com' }, class: 'neutral', order: 10 },
        { match: { type: 'host', host: 'a.com' }, class: 'neutral', order: 5 },
      ]),
      { now: 7 },
    );
    expect(parsed).toEqual({
      ok: true,
      rules: [
        { order: 0, match: { type: 'host', host: 'a.com' }, class: 'neutral', createdAt: 7 },
        { order: 1, match: { type: 'host', host: 'b.com' }, class: 'neutral', createdAt: 7 },
      ],
    });
  });

  it('exports an empty list', () => {
    expect(parseRulesImport(exportRules([]))).toEqual({ ok: true, rules: [] });
  });
});

describe('import failures', () => {
  it.each([
    ['not JSON', '{ rules: [', 'This is not a rules file: it is not valid JSON.'],
    ['empty', '   ', 'The file is empty.'],
    ['a number', '42', 'This is not a rules file: expected an object with a "rules" list.'],
    [
      'no rules key',
      '{"format":"creative-ratio-rules","version":1}',
      'This is not a rules file: there is no "rules" list.',
    ],
    ['rules not a list', '{"rules":{}}', 'This is not a rules file: "rules" must be a list.'],
    [
      'other format',
      '{"format":"something-else","rules":[]}',
      'This is not a Creative Ratio rules file (format "something-else").',
    ],
    [
      'newer version',
      '{"format":"creative-ratio-rules","version":2,"rules":[]}',
      'This rules file was made by a newer version of Creative Ratio (format version 2). Update the extension to import it.',
    ],
    ['bad version', '{"version":"one","rules":[]}', 'The rules file has an invalid version.'],
  ])('%s', (_name, text, message) => {
    expect(parseRulesImport(text)).toEqual({ ok: false, errors: [{ message }] });
  });

  it('rejects a file over 1 MB before parsing it', () => {
    const text = JSON.stringify({ rules: [], padding: 'x'.repeat(1_000_001) });
    const r = parseRulesImport(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]?.message).toMatch(/too large/);
  });

  it(`rejects more than ${MAX_IMPORT_RULES} rules`, () => {
    const rules = Array.from({ length: MAX_IMPORT_RULES + 1 }, () => ({
      match: { type: 'host', host: 'a.com' },
      class: 'neutral',
    }));
    expect(parseRulesImport(JSON.stringify({ rules }))).toEqual({
      ok: false,
      errors: [{ message: `The file has ${MAX_IMPORT_RULES + 1} rules; at most ${MAX_IMPORT_RULES} can be imported.` }],
    });
  });

  it('is all-or-nothing, with index and field for every problem', () => {
    const text = JSON.stringify({
      format: 'creative-ratio-rules',
      version: 1,
      rules: [
        { match: { type: 'host', host: 'fine.com' }, class: 'neutral' },
        { match: { type: 'host', host: 'https://bad.com' }, class: 'neutral' },
        { match: { type: 'regex', pattern: '(a+)+' }, class: 'creative', kind: 'meetings' },
        'not a rule',
      ],
    });
    const r = parseRulesImport(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { index: 1, field: 'match.host', message: `Rule 2 (site "https://bad.com"): ${RULE_MESSAGES.hostScheme}` },
      expect.objectContaining({ index: 2, field: 'match.pattern' }),
      {
        index: 2,
        field: 'kind',
        message:
          'Rule 3 (pattern "(a+)+"): "Meetings & calendar" is a coordination kind; choose a creative kind or change the class.',
      },
      { index: 3, field: 'rule', message: `Rule 4: ${RULE_MESSAGES.notObject}` },
    ]);
    // Plain words: each rule named once, by number and what it matches, never by a field path.
    for (const e of r.errors) expect(e.message).not.toMatch(/match\.|rules\[|Rule \d+.*Rule \d+/);
    expect(importedRuleName({ match: { type: 'path', host: 'docs.google.com', pathPrefix: '/document' } }, 0)).toBe(
      'Rule 1 (site "docs.google.com/document")',
    );
    expect(importedRuleName({ match: { type: 'wildcard', pattern: '*.atlassian.net' } }, 4)).toBe(
      'Rule 5 (sites "*.atlassian.net")',
    );
    expect(importedRuleName({ match: { type: 'regex', pattern: 'x'.repeat(60) } }, 2)).toBe(
      `Rule 3 (pattern "${'x'.repeat(47)}…")`,
    );
    expect(importedRuleName({ class: 'creative' }, 1)).toBe('Rule 2');
  });

  it('refuses an "only from" in year 275760 or before 2000 (issue #11)', () => {
    const now = Date.UTC(2026, 11, 4);
    for (const fromTime of [8.64e15, Date.UTC(1999, 11, 31), now + 400 * 86_400_000]) {
      const r = parseRulesImport(
        JSON.stringify({ rules: [{ match: { type: 'host', host: 'a.com' }, class: 'neutral', fromTime }] }),
        { now },
      );
      expect(r).toEqual({
        ok: false,
        errors: [
          {
            index: 0,
            field: 'fromTime',
            message:
              'Rule 1 (site "a.com"): "Only from" must be a date (epoch milliseconds), between 2000-01-01 and 2027-12-05.',
          },
        ],
      });
    }
    const ok = parseRulesImport(
      JSON.stringify({
        rules: [{ match: { type: 'host', host: 'a.com' }, class: 'neutral', fromTime: now + 300 * 86_400_000 }],
      }),
      { now },
    );
    expect(ok.ok).toBe(true);
  });

  it('5,000 slow-but-invalid rules: stops after the first 10, in well under a second (was ~220 s)', () => {
    // A pattern the old timed probe spent its whole budget on (~44 ms a rule), and an invalid class.
    const rules = Array.from({ length: 5_000 }, (_, i) => ({
      match: { type: 'regex', pattern: `.*.*.*.*.*.*x${i}` },
      class: 'nope',
    }));
    const started = performance.now();
    const r = parseRulesImport(JSON.stringify({ rules }));
    const elapsed = performance.now() - started;
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.filter((e) => e.index !== undefined).map((e) => [e.index, e.field])).toEqual(
      Array.from({ length: 10 }, (_, i) => [i, 'class']),
    );
    expect(r.errors.at(-1)?.message).toBe(
      'Stopped after 10 rules with problems; the other 4,990 rules were not checked.',
    );
    expect(elapsed).toBeLessThan(1_000);
  });

  it('stops when checking takes longer than the budget, saying where', () => {
    let t = 0;
    const rules = Array.from({ length: 300 }, () => ({ match: { type: 'host', host: 'a.com' }, class: 'neutral' }));
    const r = parseRulesImport(JSON.stringify({ rules }), { clock: () => (t += 20), budgetMs: 3_000 });
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          message:
            'Checking this file took too long (more than 3 s; stopped at rule 151 of 300). Split it into smaller files or simplify its patterns.',
        },
      ],
    });
  });

  it('stops after 10 rules with problems and says how many were not checked', () => {
    const rules = Array.from({ length: 80 }, () => ({ match: { type: 'host', host: '' }, class: 'neutral' }));
    const r = parseRulesImport(JSON.stringify({ rules }));
    expect(!r.ok && r.errors.length).toBe(11);
    expect(!r.ok && r.errors[9]?.index).toBe(9);
    expect(!r.ok && r.errors[10]?.message).toBe(
      'Stopped after 10 rules with problems; the other 70 rules were not checked.',
    );
  });

  it('ignores __proto__ keys in the file', () => {
    const r = parseRulesImport(
      '{"__proto__":{"polluted":1},"rules":[{"__proto__":{"x":1},"match":{"type":"host","host":"a.com"},"class":"neutral"}]}',
    );
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.ok && Object.keys(r.rules[0] as object).sort()).toEqual(['class', 'createdAt', 'match', 'order']);
  });
});
