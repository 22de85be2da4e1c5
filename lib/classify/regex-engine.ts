/**
 * The engine that runs the person's regular-expression rules: RE2 (re2js), which matches in time
 * linear in the key's length whatever the pattern — no backtracking, so no pattern can freeze a page.
 *
 * re2js is ~260 KB, so it is loaded with a dynamic import only when a regex rule exists: pages call
 * `loadRegexEngine()` first (components/data/build-classifier.ts does when the rules hold a regex), and a
 * classifier built before it is loaded skips regex rules (listed in `skipped`) instead of guessing.
 *
 * Rules are written in JavaScript syntax (what the rule editor and the docs show). A pattern is
 * accepted only when the JavaScript engine, the static guard (lib/classify/safe-regex.ts: clear
 * messages for back-references, lookaround and escapes whose meaning differs) and RE2 all accept it,
 * so the two engines agree on every accepted pattern over the keys rules see (ASCII host + path shape).
 */
import type { RE2JS } from 're2js';

/** A compiled rule regex: a linear-time `test`. */
export interface RuleRegex {
  test(key: string): boolean;
}

export type RegexCompile = { ok: true; regex: RuleRegex } | { ok: false; message: string };

export interface RegexEngine {
  /** Compile a rule pattern (JavaScript syntax, case-insensitive). */
  compile(pattern: string): RegexCompile;
}

type Re2Module = typeof import('re2js');

function engineFrom(mod: Re2Module): RegexEngine {
  return {
    compile(pattern: string): RegexCompile {
      let compiled: RE2JS;
      try {
        compiled = mod.RE2JS.compile(mod.RE2JS.translateRegExp(pattern), mod.RE2JS.CASE_INSENSITIVE);
      } catch (error) {
        const detail = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
        return { ok: false, message: `This regular expression cannot be used in a rule: ${detail}.` };
      }
      return { ok: true, regex: { test: (key: string) => compiled.test(key) } };
    },
  };
}

let loaded: RegexEngine | null = null;
let loading: Promise<RegexEngine> | null = null;

/** Load the engine (once); resolves to the same engine on every call. */
export function loadRegexEngine(): Promise<RegexEngine> {
  if (loaded) return Promise.resolve(loaded);
  loading ??= import('re2js').then((mod) => {
    loaded = engineFrom(mod);
    return loaded;
  });
  return loading;
}

/** The engine when it has been loaded, else null (never triggers a load). */
export function loadedRegexEngine(): RegexEngine | null {
  return loaded;
}

/** True when any of these rules is a regex rule (so the engine must be loaded before classifying). */
export function hasRegexRule(rules: readonly unknown[]): boolean {
  return rules.some((rule) => {
    if (typeof rule !== 'object' || rule === null) return false;
    const match: unknown = (rule as { match?: unknown }).match;
    return typeof match === 'object' && match !== null && (match as { type?: unknown }).type === 'regex';
  });
}
