/**
 * Regex rules cannot freeze a page (issue #11): the shapes that took seconds per key on the browser's
 * backtracking engine, now on RE2 (linear time). Every task classifies ONE stored key with memoisation
 * off, so the time shown is the time per key. Target: under 1 ms per key.
 *
 *   npx vitest bench --run bench/redos.bench.ts
 *
 * Before (JavaScript RegExp, Node 20, medians of three single runs, from this file's shapes):
 *   a.*b.*…c$ on a 46-character key 122 ms, 52 characters 489 ms, 58 characters 1,950 ms (and about ×4
 *   per 6 more characters); ^(?:(?:a\x62)+)+$ (the modifier shape without `(?i:`, which Node 20 cannot
 *   parse) on 49 characters 257 ms.
 */
import { bench, describe } from 'vitest';
import { createClassifier, loadRegexEngine, type UserRule } from '@/lib/classify';
import { thousandRules } from './rules-fixture';
import { MAX_UNANCHORED_REGEX_RULES } from '@/lib/classify/match';

const engine = await loadRegexEngine();

const POLY = 'a.*b.*a.*b.*a.*b.*a.*b.*a.*b.*a.*b.*c$';
const MODIFIER = '^(?i:(?:a\\x62)+)+$';
const at = Date.UTC(2026, 11, 1);

const ab = (len: number): string => 'ab'.repeat(Math.ceil(len / 2)).slice(0, len);

/** `abab….example/abab…/abab…` with `n` host characters (labels ≤ 60) and path segments ≤ 24. */
function key(n: number): { host: string; path: string } {
  const labels = Array.from({ length: Math.ceil(n / 60) }, (_, i) => ab(Math.min(60, n - i * 60)));
  const seg = ab(Math.min(24, Math.max(2, n / 4)));
  return { host: `${labels.join('.')}.example`, path: `/${seg}/${seg}` };
}

function rule(pattern: string, id: number): UserRule {
  return { id, order: id, match: { type: 'regex', pattern }, class: 'creative', createdAt: at };
}

const short = key(30); // 56 characters of key: ~1.5 s per key before
const longest = key(240); // 4 labels of 60 + 2 × 24 path: the longest stored keys
const poly = createClassifier([rule(POLY, 1)], { cacheLimit: 0, regexEngine: engine });
const mixed = createClassifier([...thousandRules(), rule(POLY, 2_001)], { cacheLimit: 0, regexEngine: engine });
/**
 * The worst accepted set: 5,000 regex rules (the most a file may hold), the 100 that may apply to every
 * site with no literal to skip them by, the other 4,900 anchored on hosts (tried only for their host).
 */
const worstRules = Array.from({ length: 5_000 }, (_, i) =>
  rule(
    i < MAX_UNANCHORED_REGEX_RULES
      ? `[a-c].*b.*a.*b.*a.*b.*[c-${String.fromCharCode(100 + (i % 20))}]$`
      : `^h${i}\\.example\\.com/(a|b).*b.*a.*b.*c$`,
    i + 1,
  ),
);
const many = createClassifier(worstRules, { cacheLimit: 0, regexEngine: engine });
if (many.skipped.length > 0) throw new Error('the worst set must be accepted');
const modifier = engine.compile(MODIFIER);
if (!modifier.ok) throw new Error(modifier.message);
const modifierShort = `${ab(48)}!`;
const modifierLong = `${ab(418)}!`;

describe('issue #11 shapes: one stored key, memoisation off (time per key)', () => {
  bench(`a.*b.*…c$, ${short.host.length + short.path.length}-character key`, () => {
    poly.classify(short.host, short.path, at);
  });
  bench(`a.*b.*…c$, ${longest.host.length + longest.path.length}-character key`, () => {
    poly.classify(longest.host, longest.path, at);
  });
  bench(`catalog + 1,000 rules + a.*b.*…c$, ${longest.host.length + longest.path.length}-character key`, () => {
    mixed.classify(longest.host, longest.path, at);
  });
  bench(
    `5,000 regex rules (100 on every site, literal-free), ${longest.host.length + longest.path.length}-character key`,
    () => {
      many.classify(longest.host, longest.path, at);
    },
  );
  bench('^(?i:(?:a\\x62)+)+$ on 49 characters (engine)', () => {
    modifier.regex.test(modifierShort);
  });
  bench('^(?i:(?:a\\x62)+)+$ on 419 characters (engine)', () => {
    modifier.regex.test(modifierLong);
  });
});
