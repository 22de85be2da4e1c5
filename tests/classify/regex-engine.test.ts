// Regex rules run on RE2 (linear time by construction), agree with JavaScript on every accepted
// pattern, and the issue #11 shapes classify in well under a millisecond per key.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClassifier, parseRulesImport, type UserRule } from '@/lib/classify';
import { hasRegexRule, loadRegexEngine, type RegexEngine } from '@/lib/classify/regex-engine';
import { checkRegex, RULE_REGEX_FLAGS, staticCheck } from '@/lib/classify/safe-regex';
import { MAX_UNANCHORED_REGEX_RULES, UNANCHORED_REGEX_MESSAGE } from '@/lib/classify/match';
import { thousandRules } from '../../bench/rules-fixture';
import { buildLiveClassifier } from '@/components/data/build-classifier';

let engine: RegexEngine;
beforeAll(async () => {
  engine = await loadRegexEngine();
});

const POLY = 'a.*b.*a.*b.*a.*b.*a.*b.*a.*b.*a.*b.*c$';
const MODIFIER = '^(?i:(?:a\\x62)+)+$';

/**
 * `abab….example/abab…/abab…`: the key shape with `n` characters of host (labels of at most
 * 60) and path segments of at most 24 (longer ones are masked as `*` in the stored path shape).
 */
function ababKey(n: number): { host: string; path: string } {
  const ab = (len: number) => 'ab'.repeat(Math.ceil(len / 2)).slice(0, len);
  const labels = Array.from({ length: Math.ceil(n / 60) }, (_, i) => ab(Math.min(60, n - i * 60)));
  const seg = ab(Math.min(24, n));
  return { host: `${labels.join('.')}.example`, path: `/${seg}/${seg}/${seg}` };
}

function regexRule(pattern: string, id = 1): UserRule {
  return {
    id,
    order: id,
    match: { type: 'regex', pattern },
    class: 'creative',
    kind: 'writing',
    createdAt: 1_700_000_000_000,
  };
}

/** Time one call, ms. */
function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

describe('the issue #11 shapes', () => {
  it('a.*b.*…c$ is still a valid rule, and classifying abab… keys of every length up to the longest key stays fast', () => {
    const file = JSON.stringify({
      format: 'creative-ratio-rules',
      version: 1,
      rules: [{ match: { type: 'regex', pattern: POLY }, class: 'creative', order: 0, createdAt: 1_700_000_000_000 }],
    });
    const parsed = parseRulesImport(file, { now: Date.UTC(2026, 0, 1), regexEngine: engine });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const classifier = createClassifier(parsed.rules, { cacheLimit: 0 });
    expect(classifier.skipped).toEqual([]);
    // 52 characters took 3 s in Chromium and over 15 s in Node on the backtracking engine.
    let worst = 0;
    for (const n of [10, 17, 26, 60, 120, 240]) {
      const { host, path } = ababKey(n);
      worst = Math.max(
        worst,
        time(() => classifier.classify(host, path, Date.UTC(2026, 0, 1))),
      );
      expect(classifier.classify(host, path).class).toBe('unclassified');
    }
    // Loose guard (the benchmark measures): a backtracking engine needs seconds here.
    expect(worst).toBeLessThan(250);
    const hit = createClassifier(parsed.rules).classify('abababababab.example', '/c');
    expect(hit.class).toBe('creative');
  });

  it('^(?i:(?:a\\x62)+)+$: the guard parses modifier groups and names the nesting', () => {
    expect(staticCheck(MODIFIER)).toBe('nested');
  });

  it('^(?i:(?:a\\x62)+)+$ and (a+)+$ are linear on the engine itself — safety never depends on the guard', () => {
    for (const pattern of [MODIFIER, '(a+)+$', '^(a|a)*$', '(.*a){20}']) {
      const compiled = engine.compile(pattern);
      expect(compiled.ok, pattern).toBe(true);
      if (!compiled.ok) continue;
      const subject = `${'ab'.repeat(210)}!`;
      expect(
        time(() => compiled.regex.test(subject)),
        pattern,
      ).toBeLessThan(100);
      expect(compiled.regex.test('abab')).toBe(pattern === MODIFIER);
    }
  });
});

describe('the regexes tried on every key are bounded', () => {
  const unanchored = (i: number) => regexRule(`wiki${i}`, i + 1);
  const anchored = (i: number) => regexRule(`^h${i}\\.example\\.com/x`, i + 1);

  it('the classifier tries at most 100 unanchored regex rules (the rest are skipped and listed); anchored ones are not counted', () => {
    const rules = [
      ...Array.from({ length: MAX_UNANCHORED_REGEX_RULES + 2 }, (_, i) => unanchored(i)),
      ...Array.from({ length: 300 }, (_, i) => anchored(200 + i)),
    ];
    const c = createClassifier(rules);
    expect(c.skipped.map((s) => s.id)).toEqual([101, 102]);
    expect(c.skipped[0]?.reason).toBe(UNANCHORED_REGEX_MESSAGE);
    expect(c.classify('h499.example.com', '/x').rule).toMatch(/^rule #500 /);
  });

  it('a rules file with more is refused with the reason', () => {
    const rules = Array.from({ length: MAX_UNANCHORED_REGEX_RULES + 1 }, (_, i) => ({
      match: { type: 'regex', pattern: `wiki${i}` },
      class: 'creative',
    }));
    const r = parseRulesImport(JSON.stringify({ rules }));
    expect(r).toEqual({ ok: false, errors: [{ message: `${UNANCHORED_REGEX_MESSAGE} This file has 101.` }] });
    expect(parseRulesImport(JSON.stringify({ rules: rules.slice(1) })).ok).toBe(true);
  });
});

describe('the engine is loaded only when needed', () => {
  it('a classifier built without the engine skips regex rules (never runs them on a backtracking engine)', () => {
    const rules = [
      regexRule('^app\\.hubspot\\.com/email/', 1),
      { ...regexRule('x', 2), match: { type: 'host' as const, host: 'acme.example' } },
    ];
    const c = createClassifier(rules, { regexEngine: null });
    expect(c.skipped).toEqual([{ id: 1, index: 0, reason: 'The regular-expression engine is not loaded.' }]);
    expect(c.classify('acme.example', '/').class).toBe('creative');
    expect(c.classify('app.hubspot.com', '/email/x').rule).not.toMatch(/^rule #1/);
    expect(createClassifier(rules, { regexEngine: engine }).classify('app.hubspot.com', '/email/x').rule).toMatch(
      /^rule #1/,
    );
  });

  it('a stored rule an older version accepted but RE2 cannot run (lookahead) is skipped and reported to the rules page', () => {
    const rules = [regexRule('(?=a)app\\.example/', 1), regexRule('^docs\\.example\\.com/', 2)];
    const live = buildLiveClassifier(rules);
    expect(live.skipped).toEqual([{ id: 1, index: 0, reason: expect.stringMatching(/^Lookahead and lookbehind/) }]);
    expect(live.classifier.classify('docs.example.com', '/x').rule).toMatch(/^rule #2 /);
  });

  it.each([
    [[], false],
    [[{ match: { type: 'host', host: 'a.com' } }], false],
    [[{ match: { type: 'host', host: 'a.com' } }, { match: { type: 'regex', pattern: 'x' } }], true],
    [[null, 'x', { match: null }], false],
  ])('hasRegexRule(%j) → %s', (rules, expected) => {
    expect(hasRegexRule(rules as unknown[])).toBe(expected);
  });
});

// ---------- RE2 and JavaScript agree on every accepted pattern ----------

/** Every regex pattern the fixtures, docs and benchmarks use, plus the syntax people write. */
const FIXTURE_PATTERNS = [
  ...new Set([
    ...thousandRules().flatMap((r) => (r.match.type === 'regex' ? [r.match.pattern] : [])),
    '^app\\.hubspot\\.com/email/',
    '^App\\.HubSpot\\.com\\/x',
    '^acme\\.com$',
    '/(wiki|docs)',
    '\\.corp-975\\.example/wiki',
    '/wp-admin',
    '^[a-z]+\\.slack\\.com/',
    '(docs|drive)\\.Google\\.com',
    '^docs\\.google\\.com/(document|spreadsheets)/',
    '^([a-z0-9-]+\\.)+atlassian\\.net/wiki',
    '^[^/]+\\.sharepoint\\.com/:w:',
    '(ab+)+',
    '(ab*)+b',
    '(\\d{2}-){3}',
    '.*foo.*bar',
    '(com|net|org)+',
    '[^a]*a',
    'a{2,}',
    'a{2,4}b',
    'abcd?ef',
    '\\bwiki\\b',
    '\\Bki',
    '^\\w+\\.example\\.com/\\*',
    '\\x2fdocs',
    '\\u002fdocs',
    '[\\w.-]+\\.notion\\.so/',
    '(?:app|www)\\.figma\\.com/(file|design)/',
    '(?<area>docs|sheets)\\.example',
    'a*?b',
    '^$',
    '[^]x',
    '\\/edit$',
    '\\-\\_\\~',
    'x{',
    POLY,
  ]),
];

const KEYS = [
  'app.hubspot.com/email/*',
  'APP.HUBSPOT.COM/EMAIL/X',
  'app.hubspot.com/x',
  'acme.com',
  'acme.com/',
  'team.atlassian.net/wiki/spaces/*',
  'a.b.atlassian.net/wiki',
  'docs.google.com/document/d/*/edit',
  'drive.google.com/drive/*',
  'x.sharepoint.com/:w:/r/*',
  'intranet.corp-975.example/wiki/*',
  'app-960.example.io/edit/*',
  'app-960.example.io/view',
  'example.org/wp-admin/post.php',
  'foo.example/bar',
  'aaab',
  'ab-12-34-56-',
  'www.figma.com/file/*',
  'wiki.example.com/*',
  'x.example.com/docs',
  'docs.example/x{',
  'ab.example/ab/abc',
  '',
];

function jsTest(pattern: string, key: string): boolean {
  return new RegExp(pattern, RULE_REGEX_FLAGS).test(key);
}

describe('RE2 and JavaScript agree', () => {
  it.each(FIXTURE_PATTERNS)('%s: accepted, and the same answer on every key', (pattern) => {
    expect(checkRegex(pattern, { engine })).toEqual({ ok: true });
    const compiled = engine.compile(pattern);
    if (!compiled.ok) throw new Error(compiled.message);
    for (const key of KEYS) expect(compiled.regex.test(key), `${pattern} on ${key}`).toBe(jsTest(pattern, key));
  });

  it('on random accepted patterns and random keys (property)', () => {
    const token = fc.constantFrom(
      'a',
      'b',
      'c',
      '.',
      '\\.',
      '/',
      '-',
      '*',
      '\\*',
      '[ab]',
      '[^a]',
      '[a-c]',
      '\\w',
      '\\d',
      '\\W',
      '\\b',
      '\\B',
      '^',
      '$',
      '(',
      ')',
      '(?:',
      '|',
      '+',
      '*?',
      '?',
      '{2}',
      '{1,3}',
      '{2,}',
      'A',
      '\\x61',
      '\\u0062',
      '[.]',
      '[\\-/]',
      '(?<g>',
      '\\/',
    );
    const keyArb = fc.stringMatching(/^[abcAB./*\-0-9]{0,14}$/);
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.array(token, { minLength: 1, maxLength: 8 }),
        fc.array(keyArb, { minLength: 1, maxLength: 6 }),
        (tokens, keys) => {
          const pattern = tokens.join('');
          if (!checkRegex(pattern, { engine }).ok) return;
          accepted += 1;
          const compiled = engine.compile(pattern);
          if (!compiled.ok) throw new Error(`${pattern}: ${compiled.message}`);
          for (const key of keys) {
            if (compiled.regex.test(key) !== jsTest(pattern, key))
              throw new Error(`${pattern} disagrees on ${JSON.stringify(key)}`);
          }
        },
      ),
      { numRuns: 3_000 },
    );
    expect(accepted).toBeGreaterThan(300);
  });
});
