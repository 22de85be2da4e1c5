/**
 * Compiled rule index: catalog entries and the person's rules turned into maps once, so a lookup is a
 * handful of map reads instead of a scan.
 *
 * - `exact`: host → rules on that exact host (with or without a path prefix);
 * - `wildcard`: suffix → rules for `*.suffix`, found by walking the host's label suffixes;
 * - `vendor`: registrable domain → the catalog's sub-domain fallback rules (`hootsuite.com` for
 *   `app.hootsuite.com`), found on the same suffix walk and skipped for vendor content hosts (`blog.`, `help.`…);
 * - `anyHost`: path rules that apply on every host (catalog `/wp-admin`, `/ghost`);
 * - `regexByHost`: regexes anchored on a literal host (`^app\.hubspot\.com/…`), tried only for that host;
 * - `regexAny`: every other regex, tried on every lookup.
 */
import type { ClassName, KindId } from '@/lib/model';
import { hostSuffixes, pathSegments, prefixMatches } from './host-pattern';
import { compareSpecificity, type Specificity } from './specificity';
import { isContentHost } from './vendor-domains';
import type { RuleRegex } from './regex-engine';

/** One compiled rule with its specificity and what it says. */
export interface CompiledRule extends Specificity {
  /** Human label, e.g. `catalog: Google Docs (docs.google.com/document)` or `rule #3 (*.atlassian.net)`. */
  label: string;
  /** Path prefix segments (null: no path condition). */
  prefix: readonly string[] | null;
  /** Regex on `host + path`, run on the linear-time engine (null: not a regex rule). */
  regex: RuleRegex | null;
  /** Text every match of `regex` contains (lower case), checked first to skip most regex runs. */
  literal?: string | null;
  class: ClassName;
  /** Catalog rules always have a kind and tool; a person's rule may leave them to the catalog. */
  kind?: KindId;
  tool?: string;
  toolId?: string;
  /** The person's rule id. */
  id?: number;
  /** Epoch ms; the rule applies only at or after it. */
  fromTime?: number;
}

export interface RuleIndex {
  exact: Map<string, CompiledRule[]>;
  wildcard: Map<string, CompiledRule[]>;
  vendor: Map<string, CompiledRule[]>;
  anyHost: CompiledRule[];
  regexByHost: Map<string, CompiledRule[]>;
  regexAny: CompiledRule[];
}

export function emptyIndex(): RuleIndex {
  return {
    exact: new Map(),
    wildcard: new Map(),
    vendor: new Map(),
    anyHost: [],
    regexByHost: new Map(),
    regexAny: [],
  };
}

function push(map: Map<string, CompiledRule[]>, key: string, rule: CompiledRule): void {
  const list = map.get(key);
  if (list) list.push(rule);
  else map.set(key, [rule]);
}

/** Where a compiled rule is filed. */
export type RuleSlot =
  | { type: 'exact'; host: string }
  | { type: 'wildcard'; suffix: string }
  | { type: 'vendor'; domain: string }
  | { type: 'any' }
  | { type: 'regex'; host: string | null };

export function addToIndex(index: RuleIndex, slot: RuleSlot, rule: CompiledRule): void {
  switch (slot.type) {
    case 'exact':
      push(index.exact, slot.host, rule);
      break;
    case 'wildcard':
      push(index.wildcard, slot.suffix, rule);
      break;
    case 'vendor':
      push(index.vendor, slot.domain, rule);
      break;
    case 'any':
      index.anyHost.push(rule);
      break;
    case 'regex':
      if (slot.host === null) index.regexAny.push(rule);
      else push(index.regexByHost, slot.host, rule);
      break;
  }
}

function collect(
  rules: readonly CompiledRule[] | undefined,
  segments: readonly string[],
  key: string,
  out: CompiledRule[],
): void {
  if (!rules) return;
  for (const rule of rules) {
    if (rule.regex !== null) {
      if ((rule.literal == null || key.includes(rule.literal)) && rule.regex.test(key)) out.push(rule);
    } else if (rule.prefix === null || prefixMatches(rule.prefix, segments)) {
      out.push(rule);
    }
  }
}

/**
 * Every rule of the given indexes that matches a normalised host and path shape, most specific first.
 * Nothing here depends on time: `fromTime` is applied by the caller.
 */
export function findMatches(indexes: readonly RuleIndex[], host: string, path: string): CompiledRule[] {
  const segments = pathSegments(path);
  const key = host + path;
  const suffixes = hostSuffixes(host);
  const out: CompiledRule[] = [];
  for (const index of indexes) {
    collect(index.exact.get(host), segments, key, out);
    for (const suffix of suffixes) {
      collect(index.wildcard.get(suffix), segments, key, out);
      const vendor = index.vendor.get(suffix);
      if (vendor !== undefined && !isContentHost(host, suffix)) collect(vendor, segments, key, out);
    }
    collect(index.anyHost, segments, key, out);
    collect(index.regexByHost.get(host), segments, key, out);
    collect(index.regexAny, segments, key, out);
  }
  out.sort(compareSpecificity);
  return out;
}

/**
 * Regex rules not anchored on a host are tried on every key, so their number bounds the time per key:
 * at most this many (~10 µs each on the longest keys, so well under 1 ms per key in all). Rules
 * anchored on a host (`^app\\.hubspot\\.com/…`) are tried only for that host and are not counted.
 */
export const MAX_UNANCHORED_REGEX_RULES = 100;

export const UNANCHORED_REGEX_MESSAGE = `At most ${MAX_UNANCHORED_REGEX_RULES} regular-expression rules can apply to every site. Start the others with ^ and their host (like ^app\\.hubspot\\.com/), or use host and path rules.`;

/** How many of these rules are regex rules not anchored on a host. */
export function unanchoredRegexCount(rules: readonly unknown[]): number {
  let n = 0;
  for (const rule of rules) {
    const match: unknown = typeof rule === 'object' && rule !== null ? (rule as { match?: unknown }).match : undefined;
    if (typeof match !== 'object' || match === null) continue;
    const { type, pattern } = match as { type?: unknown; pattern?: unknown };
    if (type === 'regex' && typeof pattern === 'string' && anchoredHost(pattern) === null) n += 1;
  }
  return n;
}

/**
 * The index of the last character of the regex token starting at `i`: an escape (`\x`), a character
 * class (`[…]`, escapes inside it skipped; the pattern's end when unclosed) or a single character.
 */
function tokenEnd(pattern: string, i: number): number {
  if (pattern[i] === '\\') return i + 1;
  if (pattern[i] !== '[') return i;
  let j = i + 1;
  for (; j < pattern.length && pattern[j] !== ']'; j += 1) if (pattern[j] === '\\') j += 1;
  return j;
}

/** True when every `|` of the pattern sits inside a group (so no alternative escapes the leading `^`). */
function noTopLevelAlternation(pattern: string): boolean {
  let depth = 0;
  for (let i = 0; i < pattern.length; i = tokenEnd(pattern, i) + 1) {
    const c = pattern[i];
    if (c === '(') {
      depth += 1;
    } else if (c === ')') {
      depth -= 1;
    } else if (c === '|' && depth <= 0) {
      return false;
    }
  }
  return true;
}

/**
 * The exact host a regex is anchored on, when its start is `^` + a literal host + `/` or `$`
 * (e.g. `^app\.hubspot\.com/(email|pages)/` → `app.hubspot.com`), so it only needs testing for that host.
 * Returns null when that cannot be proved (top-level alternation, classes, unescaped dots, quantifiers…).
 */
export function anchoredHost(pattern: string): string | null {
  if (!pattern.startsWith('^') || !noTopLevelAlternation(pattern)) return null;
  let host = '';
  let i = 1;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    let ch: string;
    let step = 1;
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === '/') return host === '' ? null : host;
      if (next !== '.' && next !== '-') return null;
      ch = next;
      step = 2;
    } else if (c === '/') {
      return host === '' ? null : host;
    } else if (c === '$') {
      return i === pattern.length - 1 && host !== '' ? host : null;
    } else if (/^[A-Za-z0-9-]$/.test(c)) {
      ch = c.toLowerCase();
    } else {
      return null;
    }
    const after = pattern[i + step];
    if (after === '?' || after === '*' || after === '+' || after === '{') return null;
    host += ch;
    i += step;
  }
  return null;
}

/**
 * The longest run of literal characters every match of the pattern must contain (lower-cased), or null
 * when none of at least 3 characters can be proved. Only the top level of the pattern is read: groups,
 * classes and quantified characters end a run; a top-level alternation gives null.
 */
export function requiredLiteral(pattern: string): string | null {
  if (!noTopLevelAlternation(pattern)) return null;
  let best = '';
  let run = '';
  const end = (): void => {
    if (run.length > best.length) best = run;
    run = '';
  };
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    let ch: string | null = null;
    let step = 1;
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next !== undefined && /[./\-_:~+*?()[\]{}|^$\\]/.test(next)) ch = next;
      step = 2;
    } else if (/[A-Za-z0-9/_:~-]/.test(c)) {
      ch = c.toLowerCase();
    } else if (c === '(') {
      end();
      let depth = 0;
      for (; i < pattern.length; i = tokenEnd(pattern, i) + 1) {
        const d = pattern[i];
        if (d === '(') {
          depth += 1;
        } else if (d === ')') {
          depth -= 1;
          if (depth === 0) break;
        }
      }
      i += 1;
      continue;
    } else if (c === '[') {
      end();
      i = tokenEnd(pattern, i) + 1;
      continue;
    }
    if (ch === null) {
      end();
      i += step;
      continue;
    }
    const after = pattern[i + step];
    if (after === '?' || after === '*' || after === '+' || after === '{') {
      end();
      i += step;
      continue;
    }
    run += ch;
    i += step;
  }
  end();
  return best.length >= 3 ? best.toLowerCase() : null;
}
