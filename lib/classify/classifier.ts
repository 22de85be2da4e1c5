/**
 * The classifier: the person's rules over the compiled catalog, memoised by host + path.
 *
 * Classification happens when reading, never when recording, so changing a rule reclassifies all
 * history. For each host + path the sorted list of matching rules is computed once and cached; the
 * time of a segment only matters for rules with `fromTime`, and picking among the cached candidates
 * is a short scan with no allocation. Without such rules the cached answer is returned directly.
 */
import type { ClassName, KindId } from '@/lib/model';
import type { Classification, Classifier, ExplainMatch, Explanation, UserRule } from './types';
import { compiledCatalog } from './compile-catalog';
import { DEFAULT_KIND } from './kinds';
import { labelCount, normalizeHostFast, normalizePathShape, parseHostPattern, pathSegments } from './host-pattern';
import {
  addToIndex,
  anchoredHost,
  emptyIndex,
  findMatches,
  MAX_UNANCHORED_REGEX_RULES,
  requiredLiteral,
  UNANCHORED_REGEX_MESSAGE,
  type CompiledRule,
  type RuleIndex,
  type RuleSlot,
} from './match';
import { loadedRegexEngine, type RegexEngine } from './regex-engine';
import { EXACT_HOST, TIER_HOST, TIER_PATH, TIER_REGEX } from './specificity';
import { validateRule } from './validate-rule';
import { describeMatch } from './describe';
import { guessFromAddress, refineDefault, type AddressGuess } from './guess';
import { sortRules } from './rule-order';

export interface ClassifierOptions {
  /** Clock for calls without `at` (default Date.now). */
  now?: () => number;
  /** Cached host + path entries before the cache is emptied (default 50,000); 0 turns memoisation off. */
  cacheLimit?: number;
  /**
   * The linear-time engine for regex rules (default: the engine if loaded). Without one, regex rules
   * are skipped (listed in `skipped`): they never run on a backtracking engine.
   */
  regexEngine?: RegexEngine | null;
}

/** A person's rule the classifier could not use (it should never happen: rules are validated on save). */
export interface SkippedRule {
  id?: number;
  index: number;
  reason: string;
}

export interface RuleClassifier extends Classifier {
  /** Rules ignored because they are invalid. */
  readonly skipped: readonly SkippedRule[];
  /** Cached host + path entries (for tests and diagnostics). */
  readonly cacheSize: number;
}

interface Memo {
  host: string;
  path: string;
  candidates: CompiledRule[];
  /** The best catalog match (a person's rule without tool or kind takes them from it). */
  catalogBest: CompiledRule | undefined;
  /** The classification each candidate gives, resolved on first use. */
  results: Array<Classification | undefined>;
  /** When no candidate applies (resolved on first use). */
  fallback: Classification | undefined;
  /** The answer at any time, when no candidate has `fromTime`. */
  fixed: Classification | null;
}

function unknownResult(host: string): Classification {
  return { toolId: `host:${host}`, tool: host, class: 'unclassified', kind: 'unknown', rule: 'none', origin: 'none' };
}

/** A guess from the address (lib/classify/guess.ts), under the tool the page is reported as. */
function guessedResult(g: AddressGuess, toolId: string, tool: string): Classification {
  return {
    toolId,
    tool,
    class: g.class,
    kind: g.kind,
    rule: g.reason,
    origin: 'guess',
    guess: { reason: g.reason, signal: g.signal },
  };
}

function compileUserRules(
  rules: readonly UserRule[],
  engine: RegexEngine | null,
): { index: RuleIndex; skipped: SkippedRule[] } {
  const index = emptyIndex();
  const skipped: SkippedRule[] = [];
  const sorted = sortRules(rules);
  sorted.forEach((input, rank) => {
    const skip = (reason: string): void => {
      const entry: SkippedRule = { index: rank, reason };
      const id: unknown = typeof input === 'object' && input !== null ? input.id : undefined;
      if (typeof id === 'number') entry.id = id;
      skipped.push(entry);
    };
    // Stored rules were checked against the plausible range when saved; RE2 is asked below.
    const checked = validateRule(input, { now: 0, regexEngine: null });
    if (!checked.ok) {
      skip(Object.values(checked.errors).join(' '));
      return;
    }
    const rule = checked.rule;
    const base: CompiledRule = {
      origin: 'user',
      tier: TIER_HOST,
      pathSegments: 0,
      pathLength: 0,
      hostSpecificity: 0,
      rank,
      label: `rule #${rule.id ?? rank + 1} (${describeMatch(rule.match)})`,
      prefix: null,
      regex: null,
      class: rule.class,
    };
    if (rule.kind !== undefined) base.kind = rule.kind;
    if (rule.tool !== undefined) base.tool = rule.tool;
    if (rule.id !== undefined) base.id = rule.id;
    if (rule.fromTime !== undefined) base.fromTime = rule.fromTime;
    let slot: RuleSlot;
    const m = rule.match;
    if (m.type === 'regex') {
      if (engine === null) {
        skip('The regular-expression engine is not loaded.');
        return;
      }
      const anchor = anchoredHost(m.pattern);
      // Bounds the regexes tried on every key, so the time per key is bounded whatever is stored.
      if (anchor === null && index.regexAny.length >= MAX_UNANCHORED_REGEX_RULES) {
        skip(UNANCHORED_REGEX_MESSAGE);
        return;
      }
      const compiled = engine.compile(m.pattern);
      if (!compiled.ok) {
        skip(compiled.message);
        return;
      }
      base.tier = TIER_REGEX;
      base.regex = compiled.regex;
      slot = { type: 'regex', host: anchor };
      if (anchor === null) base.literal = requiredLiteral(m.pattern);
    } else {
      const hostText = m.type === 'wildcard' ? m.pattern : m.host;
      const pattern = parseHostPattern(hostText);
      if (pattern.type === 'exact') {
        base.hostSpecificity = EXACT_HOST + labelCount(pattern.host);
        slot = { type: 'exact', host: pattern.host };
      } else if (pattern.type === 'wildcard') {
        base.hostSpecificity = labelCount(pattern.suffix);
        slot = { type: 'wildcard', suffix: pattern.suffix };
      } else {
        slot = { type: 'any' };
      }
      if (m.type === 'path') {
        base.tier = TIER_PATH;
        base.prefix = pathSegments(m.pathPrefix);
        base.pathSegments = base.prefix.length;
        base.pathLength = m.pathPrefix.length;
      }
    }
    addToIndex(index, slot, base);
  });
  return { index, skipped };
}

/**
 * Build a classifier for the person's rules (validated again here; invalid ones are skipped and listed).
 * Cheap enough to rebuild whenever the rules change.
 */
export function createClassifier(rules: readonly UserRule[], options: ClassifierOptions = {}): RuleClassifier {
  const catalog = compiledCatalog();
  const user = compileUserRules(rules, options.regexEngine === undefined ? loadedRegexEngine() : options.regexEngine);
  const indexes = [user.index, catalog.index];
  const now = options.now ?? Date.now;
  const cacheLimit = options.cacheLimit ?? 50_000;
  const cache = new Map<string, Map<string, Memo>>();
  let cacheSize = 0;

  /** A user rule's tool name that names a catalog tool reports under the catalog tool's id. */
  const toolIdFor = (name: string): string => catalog.byName.get(name.toLowerCase())?.id ?? `user:${name}`;

  function resolve(
    rule: CompiledRule,
    host: string,
    path: string,
    catalogBest: CompiledRule | undefined,
  ): Classification {
    if (rule.origin === 'catalog') {
      // The lowest layer: a path signal may beat a tool's default, never a catalog path entry as deep.
      const refined = refineDefault(
        { class: rule.class, kind: rule.kind as KindId, prefixSegments: rule.pathSegments },
        host,
        path,
      );
      if (refined) return guessedResult(refined, rule.toolId as string, rule.tool as string);
      return {
        toolId: rule.toolId as string,
        tool: rule.tool as string,
        class: rule.class,
        kind: rule.kind as KindId,
        rule: rule.label,
        origin: 'catalog',
      };
    }
    const cls: ClassName = rule.class;
    const kind: KindId =
      rule.kind ?? (catalogBest && catalogBest.class === cls ? (catalogBest.kind as KindId) : DEFAULT_KIND[cls]);
    let tool: string;
    let toolId: string;
    if (rule.tool !== undefined) {
      tool = rule.tool;
      toolId = toolIdFor(rule.tool);
    } else if (catalogBest) {
      tool = catalogBest.tool as string;
      toolId = catalogBest.toolId as string;
    } else {
      tool = host;
      toolId = `host:${host}`;
    }
    return { toolId, tool, class: cls, kind, rule: rule.label, origin: 'user' };
  }

  function resultAt(memo: Memo, i: number): Classification {
    if (i === -1) {
      if (memo.fallback === undefined) {
        const g = memo.host === '' ? null : guessFromAddress(memo.host, memo.path);
        memo.fallback = g ? guessedResult(g, `host:${memo.host}`, memo.host) : unknownResult(memo.host);
      }
      return memo.fallback;
    }
    let result = memo.results[i];
    if (result === undefined) {
      result = resolve(memo.candidates[i] as CompiledRule, memo.host, memo.path, memo.catalogBest);
      memo.results[i] = result;
    }
    return result;
  }

  function compute(host: string, path: string): Memo {
    const candidates = host === '' ? [] : findMatches(indexes, host, path);
    let catalogBest: CompiledRule | undefined;
    let timed = false;
    for (const c of candidates) {
      if (catalogBest === undefined && c.origin === 'catalog') catalogBest = c;
      if (c.fromTime !== undefined) timed = true;
    }
    const memo: Memo = { host, path, candidates, catalogBest, results: [], fallback: undefined, fixed: null };
    if (!timed) memo.fixed = resultAt(memo, candidates.length > 0 ? 0 : -1);
    return memo;
  }

  function store(host: string, path: string, memo: Memo): void {
    if (cacheSize >= cacheLimit) {
      cache.clear();
      cacheSize = 0;
    }
    let byPath = cache.get(host);
    if (!byPath) {
      byPath = new Map();
      cache.set(host, byPath);
    }
    if (!byPath.has(path)) cacheSize += 1;
    byPath.set(path, memo);
  }

  function memoFor(host: string, path: string): Memo {
    if (cacheLimit <= 0) return compute(normalizeHostFast(host), normalizePathShape(path));
    const hit = cache.get(host)?.get(path);
    if (hit) return hit;
    const h = normalizeHostFast(host);
    const p = normalizePathShape(path);
    let memo = h === host && p === path ? undefined : cache.get(h)?.get(p);
    if (!memo) {
      memo = compute(h, p);
      store(h, p, memo);
    }
    if (h !== host || p !== path) store(host, path, memo);
    return memo;
  }

  /** Index of the winning candidate at `at`, or -1 when none applies. */
  function pick(memo: Memo, at: number): number {
    const { candidates } = memo;
    for (let i = 0; i < candidates.length; i += 1) {
      const from = (candidates[i] as CompiledRule).fromTime;
      if (from === undefined || at >= from) return i;
    }
    return -1;
  }

  return {
    get skipped() {
      return user.skipped;
    },
    get cacheSize() {
      return cacheSize;
    },
    classify(host: string, path: string, at?: number): Classification {
      const memo = memoFor(host, path);
      if (memo.fixed) return memo.fixed;
      return resultAt(memo, pick(memo, at ?? now()));
    },
    explain(host: string, path: string, at?: number): Explanation {
      const memo = memoFor(host, path);
      const when = at ?? now();
      const winner = pick(memo, when);
      const matches: ExplainMatch[] = memo.candidates.map((c, i) => {
        const r = resultAt(memo, i);
        const m: ExplainMatch = {
          rule: c.label,
          origin: c.origin,
          winner: i === winner,
          active: c.fromTime === undefined || when >= c.fromTime,
          class: r.class,
          kind: r.kind,
          tool: r.tool,
          toolId: r.toolId,
        };
        if (c.id !== undefined) m.id = c.id;
        return m;
      });
      return { matches, result: resultAt(memo, winner) };
    },
  };
}
