// validateRule: every bad input gets a field-keyed human message; good input comes back sanitised.
import { describe, expect, it } from 'vitest';
import { validateRule, RULE_MESSAGES } from '@/lib/classify';
import { REGEX_MESSAGES } from '@/lib/classify/safe-regex';

const base = { order: 0, class: 'creative', kind: 'writing', createdAt: 1 };

function errorsOf(input: unknown): Record<string, string> {
  const r = validateRule(input);
  if (r.ok) throw new Error(`expected errors for ${JSON.stringify(input)}`);
  return r.errors as Record<string, string>;
}

describe('rejected rules', () => {
  it.each<[string, unknown, string, string]>([
    // host fields
    ['empty host', { ...base, match: { type: 'host', host: '' } }, 'match.host', RULE_MESSAGES.hostEmpty],
    ['host not a string', { ...base, match: { type: 'host', host: 42 } }, 'match.host', RULE_MESSAGES.hostEmpty],
    [
      'spaces in host',
      { ...base, match: { type: 'host', host: 'app asana.com' } },
      'match.host',
      RULE_MESSAGES.hostSpaces,
    ],
    [
      'scheme in host',
      { ...base, match: { type: 'host', host: 'https://app.asana.com' } },
      'match.host',
      RULE_MESSAGES.hostScheme,
    ],
    [
      'path in host',
      { ...base, match: { type: 'host', host: 'docs.google.com/document' } },
      'match.host',
      RULE_MESSAGES.hostPath,
    ],
    [
      'query in host',
      { ...base, match: { type: 'host', host: 'acme.com?x=1' } },
      'match.host',
      RULE_MESSAGES.hostChars,
    ],
    [
      'credentials in host',
      { ...base, match: { type: 'host', host: 'jane@acme.com' } },
      'match.host',
      RULE_MESSAGES.hostChars,
    ],
    ['invalid host', { ...base, match: { type: 'host', host: 'a..b' } }, 'match.host', RULE_MESSAGES.hostInvalid],
    [
      'too long host',
      { ...base, match: { type: 'host', host: `${'a'.repeat(250)}.com` } },
      'match.host',
      RULE_MESSAGES.hostTooLong,
    ],
    ['bare *', { ...base, match: { type: 'wildcard', pattern: '*' } }, 'match.pattern', RULE_MESSAGES.starBare],
    ['*.', { ...base, match: { type: 'wildcard', pattern: '*.' } }, 'match.pattern', RULE_MESSAGES.starBare],
    [
      'TLD-only wildcard',
      { ...base, match: { type: 'wildcard', pattern: '*.com' } },
      'match.pattern',
      RULE_MESSAGES.starTld,
    ],
    [
      'public-suffix wildcard',
      { ...base, match: { type: 'wildcard', pattern: '*.co.uk' } },
      'match.pattern',
      RULE_MESSAGES.starTld,
    ],
    [
      '* in the middle',
      { ...base, match: { type: 'wildcard', pattern: 'app.*.com' } },
      'match.pattern',
      RULE_MESSAGES.starPlace,
    ],
    [
      '* inside a label',
      { ...base, match: { type: 'wildcard', pattern: '*acme.com' } },
      'match.pattern',
      RULE_MESSAGES.starPlace,
    ],
    [
      'two stars',
      { ...base, match: { type: 'wildcard', pattern: '*.*.acme.com' } },
      'match.pattern',
      RULE_MESSAGES.starPlace,
    ],
    [
      'wildcard without *',
      { ...base, match: { type: 'wildcard', pattern: 'acme.com' } },
      'match.pattern',
      RULE_MESSAGES.wildcardNeeded,
    ],
    ['trailing * in host', { ...base, match: { type: 'host', host: 'acme.*' } }, 'match.host', RULE_MESSAGES.starPlace],
    // path prefixes
    [
      'path without /',
      { ...base, match: { type: 'path', host: 'docs.google.com', pathPrefix: 'document' } },
      'match.pathPrefix',
      RULE_MESSAGES.pathSlash,
    ],
    [
      'path with ?',
      { ...base, match: { type: 'path', host: 'docs.google.com', pathPrefix: '/document?x=1' } },
      'match.pathPrefix',
      RULE_MESSAGES.pathQuery,
    ],
    [
      'path with #',
      { ...base, match: { type: 'path', host: 'docs.google.com', pathPrefix: '/document#x' } },
      'match.pathPrefix',
      RULE_MESSAGES.pathQuery,
    ],
    [
      'path with spaces',
      { ...base, match: { type: 'path', host: 'docs.google.com', pathPrefix: '/my docs' } },
      'match.pathPrefix',
      RULE_MESSAGES.pathSpaces,
    ],
    [
      'empty path',
      { ...base, match: { type: 'path', host: 'docs.google.com', pathPrefix: '' } },
      'match.pathPrefix',
      RULE_MESSAGES.pathEmpty,
    ],
    [
      'root path',
      { ...base, match: { type: 'path', host: 'docs.google.com', pathPrefix: '/' } },
      'match.pathPrefix',
      RULE_MESSAGES.pathRoot,
    ],
    [
      'too long path',
      { ...base, match: { type: 'path', host: 'a.com', pathPrefix: `/${'a'.repeat(600)}` } },
      'match.pathPrefix',
      RULE_MESSAGES.pathTooLong,
    ],
    [
      'path rule with bad host',
      { ...base, match: { type: 'path', host: '*.com', pathPrefix: '/x' } },
      'match.host',
      RULE_MESSAGES.starTld,
    ],
    // regexes
    ['empty regex', { ...base, match: { type: 'regex', pattern: '' } }, 'match.pattern', RULE_MESSAGES.patternEmpty],
    [
      'too long regex',
      { ...base, match: { type: 'regex', pattern: 'a'.repeat(501) } },
      'match.pattern',
      'The pattern is too long (at most 500 characters).',
    ],
    ['(a+)+', { ...base, match: { type: 'regex', pattern: '^(a+)+$' } }, 'match.pattern', REGEX_MESSAGES.nested],
    ['(a*)*', { ...base, match: { type: 'regex', pattern: '(a*)*b' } }, 'match.pattern', REGEX_MESSAGES.nested],
    ['(a|a)*', { ...base, match: { type: 'regex', pattern: '(a|a)*$' } }, 'match.pattern', REGEX_MESSAGES.overlap],
    ['(.*a){20}', { ...base, match: { type: 'regex', pattern: '(.*a){20}' } }, 'match.pattern', REGEX_MESSAGES.nested],
    [
      'backreference',
      { ...base, match: { type: 'regex', pattern: '(a)\\1' } },
      'match.pattern',
      REGEX_MESSAGES.backreference,
    ],
    // class, kind, tool, times
    [
      'missing class',
      { order: 0, createdAt: 1, match: { type: 'host', host: 'a.com' } },
      'class',
      RULE_MESSAGES.classMissing,
    ],
    [
      'unknown class',
      { ...base, class: 'fun', kind: undefined, match: { type: 'host', host: 'a.com' } },
      'class',
      RULE_MESSAGES.classMissing,
    ],
    [
      'unknown kind',
      { ...base, kind: 'dancing', match: { type: 'host', host: 'a.com' } },
      'kind',
      RULE_MESSAGES.kindUnknown,
    ],
    [
      'kind of another class',
      { ...base, class: 'coordination', kind: 'design', match: { type: 'host', host: 'a.com' } },
      'kind',
      '"Design & video" is a creative kind; choose a coordination kind or change the class.',
    ],
    [
      'tool too long',
      { ...base, tool: 'x'.repeat(81), match: { type: 'host', host: 'a.com' } },
      'tool',
      RULE_MESSAGES.toolTooLong,
    ],
    ['tool not text', { ...base, tool: 5, match: { type: 'host', host: 'a.com' } }, 'tool', RULE_MESSAGES.toolType],
    [
      'tool with control characters',
      { ...base, tool: 'a\u0000b', match: { type: 'host', host: 'a.com' } },
      'tool',
      RULE_MESSAGES.toolChars,
    ],
    [
      'fromTime not a number',
      { ...base, fromTime: 'today', match: { type: 'host', host: 'a.com' } },
      'fromTime',
      RULE_MESSAGES.fromTime,
    ],
    [
      'fromTime NaN',
      { ...base, fromTime: Number.NaN, match: { type: 'host', host: 'a.com' } },
      'fromTime',
      RULE_MESSAGES.fromTime,
    ],
    [
      'order not a number',
      { ...base, order: '1', match: { type: 'host', host: 'a.com' } },
      'order',
      RULE_MESSAGES.order,
    ],
    [
      'createdAt negative',
      { ...base, createdAt: -5, match: { type: 'host', host: 'a.com' } },
      'createdAt',
      RULE_MESSAGES.createdAt,
    ],
    ['id not an integer', { ...base, id: 1.5, match: { type: 'host', host: 'a.com' } }, 'id', RULE_MESSAGES.id],
    // shape
    ['missing match', { ...base }, 'match', RULE_MESSAGES.match],
    ['match is an array', { ...base, match: [] }, 'match', RULE_MESSAGES.match],
    ['unknown match type', { ...base, match: { type: 'glob', pattern: '*' } }, 'match.type', RULE_MESSAGES.matchType],
  ])('%s', (_name, input, field, message) => {
    expect(errorsOf(input)[field]).toBe(message);
  });

  it.each([null, undefined, 42, 'rule', [], true])('a non-object (%j) is rejected as a whole', (input) => {
    expect(errorsOf(input)).toEqual({ rule: RULE_MESSAGES.notObject });
  });

  it('reports an invalid regex with the engine’s reason', () => {
    expect(errorsOf({ ...base, match: { type: 'regex', pattern: '(' } })['match.pattern']).toMatch(
      /^Not a valid regular expression: .*/,
    );
    expect(errorsOf({ ...base, match: { type: 'regex', pattern: '[z-a]' } })['match.pattern']).toMatch(
      /^Not a valid regular expression/,
    );
  });

  it('reports every bad field at once', () => {
    const errors = errorsOf({
      match: { type: 'path', host: 'https://x', pathPrefix: 'x' },
      class: 'creative',
      kind: 'meetings',
      tool: 'y'.repeat(90),
    });
    expect(Object.keys(errors).sort()).toEqual(['kind', 'match.host', 'match.pathPrefix', 'tool']);
  });
});

describe('sanitised rules', () => {
  it('normalises hosts: case, www., trailing dot, port, IDN', () => {
    const r = validateRule({ ...base, match: { type: 'host', host: ' WWW.Bücher.DE.:443 ' } });
    expect(r).toEqual({
      ok: true,
      rule: {
        order: 0,
        match: { type: 'host', host: 'xn--bcher-kva.de' },
        class: 'creative',
        kind: 'writing',
        createdAt: 1,
      },
    });
  });

  it('keeps www. inside wildcard suffixes and lower-cases them', () => {
    const r = validateRule({ ...base, match: { type: 'wildcard', pattern: '*.WWW.Acme.com' } });
    expect(r.ok && r.rule.match).toEqual({ type: 'wildcard', pattern: '*.www.acme.com' });
  });

  it('turns a host rule written as *.domain into a wildcard rule', () => {
    const r = validateRule({ ...base, match: { type: 'host', host: '*.Slack.com' } });
    expect(r.ok && r.rule.match).toEqual({ type: 'wildcard', pattern: '*.slack.com' });
  });

  it('reduces a path prefix to the stored shape', () => {
    const r = validateRule({
      ...base,
      match: { type: 'path', host: 'Docs.Google.com', pathPrefix: '/Document/d/1AbCdEfGhIjKlMnOp/edit/' },
    });
    expect(r.ok && r.rule.match).toEqual({ type: 'path', host: 'docs.google.com', pathPrefix: '/document/d/*/edit' });
  });

  it('accepts wildcard hosts in path rules', () => {
    const r = validateRule({ ...base, match: { type: 'path', host: '*.atlassian.net', pathPrefix: '/wiki' } });
    expect(r.ok && r.rule.match).toEqual({ type: 'path', host: '*.atlassian.net', pathPrefix: '/wiki' });
  });

  it('accepts safe regexes as written', () => {
    for (const pattern of [
      '^app\\.hubspot\\.com/email/',
      '^([a-z0-9-]+\\.)+acme\\.com/',
      '^docs\\.google\\.com/(document|presentation)/',
      '\\.atlassian\\.net/wiki',
    ]) {
      const r = validateRule({ ...base, match: { type: 'regex', pattern } });
      expect(r.ok && r.rule.match, pattern).toEqual({ type: 'regex', pattern });
    }
  });

  it('trims the tool name, drops empty optional fields and defaults order and createdAt', () => {
    const r = validateRule(
      { match: { type: 'host', host: 'a.com' }, class: 'neutral', kind: '', tool: '  My   tool ', fromTime: null },
      { now: 99 },
    );
    expect(r).toEqual({
      ok: true,
      rule: { order: 0, match: { type: 'host', host: 'a.com' }, class: 'neutral', tool: 'My tool', createdAt: 99 },
    });
  });

  it('builds a new object from known fields only (no __proto__ pollution, no stray keys)', () => {
    const parsed = JSON.parse(
      '{"match":{"type":"host","host":"a.com","__proto__":{"polluted":true},"extra":1},"class":"creative","kind":"ai","createdAt":1,"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}},"evil":"yes"}',
    );
    const r = validateRule(parsed);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.rule).sort()).toEqual(['class', 'createdAt', 'kind', 'match', 'order']);
    expect(Object.keys(r.rule.match).sort()).toEqual(['host', 'type']);
    expect(Object.getPrototypeOf(r.rule)).toBe(Object.prototype);
    expect((r.rule as unknown as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never mutates its input', () => {
    const input = { ...base, match: { type: 'host', host: 'WWW.A.COM' }, tool: ' x ' };
    const copy = structuredClone(input);
    validateRule(input);
    expect(input).toEqual(copy);
  });
});

describe('the schema reports every field at once', () => {
  it('lists one message per field, in field order, including a kind of the other class', () => {
    const r = validateRule({
      id: 0,
      createdAt: null,
      order: 'first',
      fromTime: -1,
      tool: 5,
      kind: 'meetings',
      class: 'creative',
      match: { type: 'path', host: 'https://a.com', pathPrefix: 'docs' },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors)).toEqual([
      'match.host',
      'match.pathPrefix',
      'kind',
      'tool',
      'fromTime',
      'order',
      'createdAt',
      'id',
    ]);
    expect(r.errors).toMatchObject({
      'match.host': RULE_MESSAGES.hostScheme,
      'match.pathPrefix': RULE_MESSAGES.pathSlash,
      tool: RULE_MESSAGES.toolType,
      fromTime: RULE_MESSAGES.fromTime,
      order: RULE_MESSAGES.order,
      createdAt: RULE_MESSAGES.createdAt,
      id: RULE_MESSAGES.id,
    });
    expect(r.errors.kind).toMatch(/is a coordination kind; choose a creative kind or change the class\.$/);
  });

  it('reads own fields only: inherited ones do not count', () => {
    const inherited = Object.create({ class: 'creative', match: { type: 'host', host: 'a.com' } }) as object;
    expect(validateRule(inherited)).toEqual({
      ok: false,
      errors: { match: RULE_MESSAGES.match, class: RULE_MESSAGES.classMissing },
    });
  });

  it('gives the same answer for the same input whichever range was asked before (the schema is cached per range)', () => {
    const rule = { match: { type: 'host', host: 'a.com' }, class: 'creative', createdAt: 1 };
    const range = { min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) };
    expect(validateRule(rule).ok).toBe(true);
    const inRange = validateRule(rule, { instants: range });
    expect(inRange.ok).toBe(false);
    if (!inRange.ok)
      expect(inRange.errors.createdAt).toMatch(/^The creation time must be a date \(epoch milliseconds\), /);
    expect(validateRule(rule).ok).toBe(true);
    expect(validateRule({ ...rule, createdAt: Date.UTC(2020, 0, 1) }, { instants: range }).ok).toBe(true);
  });
});
