// Properties: classification never throws, memoised equals unmemoised, normalisation is equivalent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyUrl, createClassifier, validateRule, type UserRule } from '@/lib/classify';
import { normalizeHostFast } from '@/lib/classify/host-pattern';
import { normalizeHost } from '@/lib/url/normalize';

const RULES: UserRule[] = [
  { id: 1, order: 0, match: { type: 'host', host: 'docs.google.com' }, class: 'neutral', createdAt: 0, fromTime: 1_000 },
  { id: 2, order: 1, match: { type: 'wildcard', pattern: '*.example.com' }, class: 'creative', kind: 'design', createdAt: 0 },
  { id: 3, order: 2, match: { type: 'path', host: '*.atlassian.net', pathPrefix: '/jira' }, class: 'creative', kind: 'writing', createdAt: 0 },
  { id: 4, order: 3, match: { type: 'regex', pattern: '/(wiki|docs)' }, class: 'coordination', kind: 'project', createdAt: 0 },
];

const hostArb = fc.oneof(
  fc.constantFrom('docs.google.com', 'acme.atlassian.net', 'www.example.com', 'a.example.com', 'app.hubspot.com', 'WWW.FIGMA.COM.', 'bücher.de', 'x:443', ''),
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
        expect(again).toEqual(first);
        expect(fresh).toEqual(first);
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
            match: fc.record({ type: fc.constantFrom('host', 'wildcard', 'path', 'regex', 'x'), host: fc.string(), pattern: fc.string(), pathPrefix: fc.string() }),
            class: fc.constantFrom('creative', 'coordination', 'neutral', 'unclassified', 'x'),
            kind: fc.string(),
          }),
        ),
        (input) => {
          const r = validateRule(input, { runtimeCheck: false });
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the fast host normaliser agrees with normalizeHost', () => {
    fc.assert(
      fc.property(fc.oneof(fc.domain(), fc.string(), fc.constantFrom('0x7f.1', '1.2.3', 'xn--zz', 'www.x', 'a-.b')), (h) => {
        expect(normalizeHostFast(h)).toBe(normalizeHost(h));
      }),
      { numRuns: 1_000 },
    );
  });
});
