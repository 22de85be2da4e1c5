// Properties: classification never throws, memoised equals unmemoised, normalisation is equivalent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyUrl, createClassifier, validateRule, type UserRule } from '@/lib/classify';
import { normalizeHostFast } from '@/lib/classify/host-pattern';
import { anchoredHost, requiredLiteral } from '@/lib/classify/match';
import { normalizeHost } from '@/lib/url/normalize';

const RULES: UserRule[] = [
  {
    id: 1,
    order: 0,
    match: { type: 'host', host: 'docs.google.com' },
    class: 'neutral',
    createdAt: 0,
    fromTime: 1_000,
  },
  {
    id: 2,
    order: 1,
    match: { type: 'wildcard', pattern: '*.example.com' },
    class: 'creative',
    kind: 'design',
    createdAt: 0,
  },
  {
    id: 3,
    order: 2,
    match: { type: 'path', host: '*.atlassian.net', pathPrefix: '/jira' },
    class: 'creative',
    kind: 'writing',
    createdAt: 0,
  },
  {
    id: 4,
    order: 3,
    match: { type: 'regex', pattern: '/(wiki|docs)' },
    class: 'coordination',
    kind: 'project',
    createdAt: 0,
  },
];

const hostArb = fc.oneof(
  fc.constantFrom(
    'docs.google.com',
    'acme.atlassian.net',
    'www.example.com',
    'a.example.com',
    'app.hubspot.com',
    'WWW.FIGMA.COM.',
    'bücher.de',
    'x:443',
    '',
  ),
  fc.domain(),
  fc.string(),
);
const pathArb = fc.oneof(
  fc.constantFrom('', '/', '/document/d/*/edit', '/wiki/spaces/*', '/jira/x', '/files', '/reports-dashboard/*/view'),
  fc.webPath(),
  fc.string(),
);

describe('properties', () => {
  it('classify and explain never throw and always give a known class', () => {
    const c = createClassifier(RULES);
    fc.assert(
      fc.property(hostArb, pathArb, fc.option(fc.integer({ min: 0, max: 3_000 })), (h, p, at) => {
        const r = c.classify(h, p, at ?? undefined);
        expect(['creative', 'coordination', 'neutral', 'unclassified']).toContain(r.class);
        const e = c.explain(h, p, at ?? undefined);
        expect(e.result).toEqual(r);
        expect(e.matches.filter((m) => m.winner).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });

  it('memoised results equal a fresh classifier’s, in any order of lookups', () => {
    const warm = createClassifier(RULES);
    fc.assert(
      fc.property(hostArb, pathArb, fc.integer({ min: 0, max: 3_000 }), (h, p, at) => {
        const first = warm.classify(h, p, at);
        const again = warm.classify(h, p, at);
        const fresh = createClassifier(RULES).classify(h, p, at);
        const unmemoised = createClassifier(RULES, { cacheLimit: 0 }).classify(h, p, at);
        expect(again).toEqual(first);
        expect(fresh).toEqual(first);
        expect(unmemoised).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('classifyUrl never throws for arbitrary strings', () => {
    const c = createClassifier([]);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.string({ unit: 'binary' })), (url) => {
        const r = classifyUrl(url, c);
        expect(r.url).toBe(url);
        if (r.error) expect(r.class).toBe('unclassified');
      }),
      { numRuns: 500 },
    );
  });

  it('validateRule never throws for arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({
            match: fc.record({
              type: fc.constantFrom('host', 'wildcard', 'path', 'regex', 'x'),
              host: fc.string(),
              pattern: fc.string(),
              pathPrefix: fc.string(),
            }),
            class: fc.constantFrom('creative', 'coordination', 'neutral', 'unclassified', 'x'),
            kind: fc.string(),
          }),
        ),
        (input) => {
          const r = validateRule(input, { regexEngine: null });
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the fast host normaliser agrees with normalizeHost', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.domain(), fc.string(), fc.constantFrom('0x7f.1', '1.2.3', 'xn--zz', 'www.x', 'a-.b')),
        (h) => {
          expect(normalizeHostFast(h)).toBe(normalizeHost(h));
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

describe('the regex index never changes what matches', () => {
  const PATTERNS = [
    '^app\\.hubspot\\.com/(email|pages)/',
    '^app\\.hubspot\\.com$',
    '^docs\\.google\\.com/document',
    '^app\\.hubspot\\.com/x|^docs\\.google\\.com/',
    '\\.atlassian\\.net/wiki',
    '^[a-z]+\\.slack\\.com/',
    'google',
    '\\.Atlassian\\.net/(wiki|jira)',
    'hub(spot)?\\.com/email',
    '[.]com/(document|pages)',
    'evil\\.example$',
  ];
  const rules: UserRule[] = PATTERNS.map((pattern, i) => ({
    id: i + 1,
    order: i,
    match: { type: 'regex', pattern },
    class: 'creative',
    kind: 'writing',
    createdAt: 0,
  }));
  const c = createClassifier(rules);

  it('a regex rule is listed by explain exactly when it matches host + path', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'app.hubspot.com',
          'docs.google.com',
          'acme.atlassian.net',
          'acme.slack.com',
          'google.com',
          'app.hubspot.com.evil.example',
        ),
        fc.constantFrom('', '/email/*/edit', '/pages/x', '/contacts', '/document/d/*', '/wiki/spaces/*', '/x'),
        (h, p) => {
          const listed = new Set(
            c
              .explain(h, p)
              .matches.filter((m) => m.origin === 'user')
              .map((m) => m.id),
          );
          PATTERNS.forEach((pattern, i) => {
            expect(listed.has(i + 1), `${pattern} on ${h}${p}`).toBe(new RegExp(pattern, 'i').test(h + p));
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
}

describe('regex index soundness on generated patterns', () => {
  const atom = fc.constantFrom(
    'a',
    'b',
    'co',
    'm',
    '\\.',
    '/',
    '-',
    '[a-c]',
    '\\d',
    '.',
    'x',
    '(a|b)',
    '(?:co|m)',
    '\\/',
    '\\b',
  );
  const quant = fc.constantFrom('', '', '', '?', '*', '+', '{1,2}');
  const patternArb = fc
    .tuple(fc.boolean(), fc.array(fc.tuple(atom, quant), { minLength: 1, maxLength: 8 }), fc.boolean())
    .map(([anchor, parts, end]) => `${anchor ? '^' : ''}${parts.map(([a, q]) => a + q).join('')}${end ? '$' : ''}`)
    .filter(compiles);
  const keyArb = fc.stringMatching(/^[a-cmox0-9./-]{0,20}$/);

  it('a regex can only match keys that contain its required literal', () => {
    fc.assert(
      fc.property(patternArb, keyArb, (pattern, key) => {
        const literal = requiredLiteral(pattern);
        if (literal !== null && new RegExp(pattern, 'i').test(key)) expect(key.toLowerCase()).toContain(literal);
      }),
      { numRuns: 3_000 },
    );
  });

  it('an anchored-host regex can only match keys of that host', () => {
    fc.assert(
      fc.property(fc.constantFrom('a.com', 'co.m', 'b-c.co'), patternArb, keyArb, (h, tail, key) => {
        const pattern = `^${h.replace(/\./g, '\\.')}/${tail.replace(/^\^/, '')}`;
        if (!compiles(pattern)) return;
        const anchor = anchoredHost(pattern);
        expect(anchor).toBe(h);
        const subject = `${h}/${key}`;
        const other = `x${h}/${key}`;
        if (new RegExp(pattern, 'i').test(other)) throw new Error(`${pattern} matched ${other}`);
        expect(typeof new RegExp(pattern, 'i').test(subject)).toBe('boolean');
      }),
      { numRuns: 1_000 },
    );
  });
});
