// The ReDoS guard: static detection of nested/overlapping quantifiers and the timed probe.
import { describe, expect, it } from 'vitest';
import { checkRegex, probeRegex, staticCheck } from '@/lib/classify/safe-regex';
import { anchoredHost, requiredLiteral } from '@/lib/classify/match';

describe('static check', () => {
  it.each([
    ['(a+)+', 'nested'],
    ['(a*)*', 'nested'],
    ['(a+)*b', 'nested'],
    ['^(a?)+$', 'nested'],
    ['(.*a){20}', 'nested'],
    ['(\\w+\\s?)*$', 'nested'],
    ['(x+x+)+y', 'nested'],
    ['(a{1,10}){1,10}$', 'nested'],
    ['((ab)*)+c', 'nested'],
    ['(?:[a-z]+)+\\.com', 'nested'],
    ['(a|a)*', 'overlap'],
    ['(a|ab)+c', 'overlap'],
    ['(\\w|\\d)+', 'overlap'],
    ['(.|x)*y', 'overlap'],
    ['(A|a)+!', 'overlap'],
    ['(a)\\1', 'backreference'],
    ['(?<n>a)\\k<n>', 'backreference'],
  ])('%s → %s', (pattern, problem) => {
    expect(staticCheck(pattern)).toBe(problem);
  });

  it.each([
    '^app\\.hubspot\\.com/email/',
    '^docs\\.google\\.com/(document|spreadsheets)/',
    '^([a-z0-9-]+\\.)+atlassian\\.net/wiki',
    '(ab+)+',
    '(ab*)+b',
    '(\\d{2}-){3}',
    '^[^/]+\\.sharepoint\\.com/:w:',
    '.*foo.*bar',
    '(com|net|org)+',
    '[^a]*a',
    '(?=a)a+',
    'a{2,}',
  ])('%s is allowed', (pattern) => {
    expect(staticCheck(pattern)).toBeNull();
  });
});

describe('runtime probe', () => {
  it('stops an exponential pattern on its own (without the static check), within a small budget', () => {
    const started = performance.now();
    expect(probeRegex(/^(a+)+$/, '^(a+)+$', 5)).toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('stops a polynomial blow-up that has no nesting', () => {
    const r = checkRegex('.*.*.*.*.*.*x');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toBe('slow');
  });

  it('passes ordinary patterns quickly', () => {
    const started = performance.now();
    for (const p of ['^app\\.hubspot\\.com/email/', 'wiki', '^(docs|drive)\\.google\\.com/', '/wp-admin']) {
      expect(checkRegex(p).ok, p).toBe(true);
    }
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('compiles case-insensitively and never uses eval', () => {
    const r = checkRegex('^APP\\.example\\.com/');
    expect(r.ok && r.regex.test('app.example.com/x')).toBe(true);
  });
});

describe('anchored host extraction (regex index)', () => {
  it.each([
    ['^app\\.hubspot\\.com/email/', 'app.hubspot.com'],
    ['^App\\.HubSpot\\.com\\/x', 'app.hubspot.com'],
    ['^acme\\.com$', 'acme.com'],
    ['^docs.google.com/', null],
    ['^app\\.hubspot\\.com', null],
    ['app\\.hubspot\\.com/', null],
    ['^(a|b)\\.com/', null],
    ['^app\\.hubspot\\.com/(email|pages)/', 'app.hubspot.com'],
    ['^app\\.hubspot\\.com/[|]x', 'app.hubspot.com'],
    ['^app\\.hubspot\\.com/x|^other\\.com/', null],
    ['^app\\.hubspot\\.com/\\|x|y', null],
    ['^app\\.hubspot\\.com/(a)|y', null],
    ['^a\\.com/|^b\\.com/', null],
    ['^ab?c\\.com/', null],
    ['^[a-z]+\\.com/', null],
  ])('%s → %s', (pattern, host) => {
    expect(anchoredHost(pattern)).toBe(host);
  });
});

describe('required literal (regex prefilter)', () => {
  it.each([
    ['\\.corp-975\\.example/wiki', '.corp-975.example/wiki'],
    ['/wp-admin', '/wp-admin'],
    ['^[a-z]+\\.slack\\.com/', '.slack.com/'],
    ['(docs|drive)\\.Google\\.com', '.google.com'],
    ['abcd?ef', 'abc'],
    ['x(a|b)*yyyy', 'yyyy'],
    ['[abc]defg\\dxyz', 'defg'],
    ['a|bcdef', null],
    ['ab', null],
    ['.*', null],
    ['(?:abc)+', null],
    ['a\\bcdef', 'cdef'],
  ])('%s → %s', (pattern, literal) => {
    expect(requiredLiteral(pattern)).toBe(literal);
  });
});
