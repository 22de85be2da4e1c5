// The static guard (clear messages) and the linear-time engine (safety) for regex rules.
import { describe, expect, it } from 'vitest';
import { beforeAll } from 'vitest';
import { checkRegex, staticCheck } from '@/lib/classify/safe-regex';
import { loadRegexEngine, type RegexEngine } from '@/lib/classify/regex-engine';
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
    // Modifier groups (Chromium 125+) are parsed: the exponential shape is found.
    ['^(?i:(?:a\\x62)+)+$', 'nested'],
    ['(?-i:(a+))+$', 'nested'],
    ['(?=a)a+', 'lookaround'],
    ['(?!a)b', 'lookaround'],
    ['(?<=a)b', 'lookaround'],
    ['(?<!a)b', 'lookaround'],
    ['\\Aapp', 'escape'],
    ['app\\z', 'escape'],
    ['\\p{L}', 'escape'],
    ['\\Qa.b\\E', 'escape'],
    ['[\\b]', 'escape'],
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
    '(?i:app)\\.example\\.com/',
    'a{2,}',
  ])('%s is allowed', (pattern) => {
    expect(staticCheck(pattern)).toBeNull();
  });
});

describe('checkRegex', () => {
  let engine: RegexEngine;
  beforeAll(async () => {
    engine = await loadRegexEngine();
  });

  it('no longer times anything: the same answer for a slow-on-backtracking pattern, in no time', () => {
    const started = performance.now();
    expect(checkRegex('.*.*.*.*.*.*x', { engine })).toEqual({ ok: true });
    expect(checkRegex('a.*b.*a.*b.*a.*b.*a.*b.*a.*b.*a.*b.*c$', { engine })).toEqual({ ok: true });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('passes ordinary patterns', () => {
    for (const p of ['^app\\.hubspot\\.com/email/', 'wiki', '^(docs|drive)\\.google\\.com/', '/wp-admin']) {
      expect(checkRegex(p, { engine }).ok, p).toBe(true);
    }
  });

  it('refuses, with a message, what RE2 cannot run', () => {
    const r = checkRegex('(?=a)a', { engine });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toBe('lookaround');
    const big = checkRegex('(x{100}){100}', { engine });
    expect(big.ok).toBe(false);
    expect(!big.ok && big.message).toMatch(/cannot be used in a rule: invalid repeat count/);
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
