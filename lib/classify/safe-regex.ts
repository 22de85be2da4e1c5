/**
 * Guard against regular expressions that can freeze the browser (catastrophic backtracking).
 *
 * 1. Static check on a small parse of the pattern:
 *    - a repetition that can end in two ways inside another repetition, e.g. `(a+)+`, `(a*)*`,
 *      `(.*a){20}`, `(\w+\s?)*`: the inner repeat's characters overlap what may follow it within the outer
 *      loop (including the loop's next round). `([a-z]+\.)+` passes: `.` cannot continue `[a-z]+`.
 *    - an alternation inside a repetition whose options can start with the same character, e.g. `(a|a)*`,
 *      `(\w|\d)+`.
 *    - back-references (`\1`, `\k<name>`), which make matching exponential and are never needed here.
 * 2. A runtime probe: the regex is run on adversarial strings (the pattern's literal prefix, then a
 *    repeated character or literal, then a character that forces failure) of growing length up to the
 *    longest key ever tested, with a tiny time budget. Lengths grow one character at a time while short,
 *    so an exponential pattern is caught long before a single test can take noticeable time.
 *
 * Characters are reasoned about as ASCII sets (plus one bucket for everything else): keys are
 * `host + path shape`, which is always ASCII (hosts are punycode, shapes are lower-case words and `*`).
 * No eval or Function: only `new RegExp`, which MV3's content security policy allows.
 */

/** Longest `host + path` key a rule is ever tested against (253-char host + 6 path segments of ≤ 25). */
export const MAX_SUBJECT_LENGTH = 420;

// ---------------------------------------------------------------------------------------------
// Character sets: 128 ASCII bits + one flag for "some non-ASCII character".

interface CharSet {
  bits: Uint32Array;
  other: boolean;
}

function emptySet(): CharSet {
  return { bits: new Uint32Array(4), other: false };
}

function fullSet(): CharSet {
  return { bits: Uint32Array.of(0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff), other: true };
}

function addCode(set: CharSet, code: number): void {
  if (code >= 128) {
    set.other = true;
    return;
  }
  (set.bits as Uint32Array)[code >> 5] = ((set.bits[code >> 5] as number) | (1 << (code & 31))) >>> 0;
}

function addRange(set: CharSet, lo: number, hi: number): void {
  for (let c = lo; c <= Math.min(hi, 127); c += 1) addCode(set, c);
  if (hi >= 128) set.other = true;
}

function union(a: CharSet, b: CharSet): CharSet {
  const out = emptySet();
  for (let i = 0; i < 4; i += 1) out.bits[i] = ((a.bits[i] as number) | (b.bits[i] as number)) >>> 0;
  out.other = a.other || b.other;
  return out;
}

function intersects(a: CharSet, b: CharSet): boolean {
  for (let i = 0; i < 4; i += 1) if (((a.bits[i] as number) & (b.bits[i] as number)) !== 0) return true;
  return a.other && b.other;
}

function negate(set: CharSet): CharSet {
  const out = emptySet();
  for (let i = 0; i < 4; i += 1) out.bits[i] = ~(set.bits[i] as number) >>> 0;
  out.other = true; // conservative: non-ASCII characters are not tracked one by one
  return out;
}

/** Under the `i` flag a letter stands for both cases. */
function foldCase(set: CharSet): CharSet {
  const out = union(set, emptySet());
  for (let c = 65; c <= 90; c += 1) {
    const upper = ((set.bits[c >> 5] as number) >>> (c & 31)) & 1;
    const lower = ((set.bits[(c + 32) >> 5] as number) >>> ((c + 32) & 31)) & 1;
    if (upper || lower) {
      addCode(out, c);
      addCode(out, c + 32);
    }
  }
  return out;
}

function classEscape(letter: string): CharSet | null {
  const set = emptySet();
  switch (letter.toLowerCase()) {
    case 'd':
      addRange(set, 48, 57);
      break;
    case 'w':
      addRange(set, 48, 57);
      addRange(set, 65, 90);
      addRange(set, 97, 122);
      addCode(set, 95);
      break;
    case 's':
      for (const c of [9, 10, 11, 12, 13, 32]) addCode(set, c);
      set.other = true;
      break;
    default:
      return null;
  }
  return letter === letter.toUpperCase() ? negate(set) : set;
}

// ---------------------------------------------------------------------------------------------
// A small parser for the JavaScript regex syntax (non-unicode mode, Annex B leniency).

type Node =
  | { t: 'char'; set: CharSet }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; branches: Node[] }
  | { t: 'group'; body: Node; look: boolean }
  | { t: 'repeat'; body: Node; min: number; max: number }
  | { t: 'assert' };

class BackReferenceError extends Error {}

class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly ignoreCase: boolean,
  ) {}

  parse(): Node {
    const node = this.alternation();
    return node;
  }

  private peek(offset = 0): string | undefined {
    return this.src[this.i + offset];
  }

  private alternation(): Node {
    const branches: Node[] = [this.sequence()];
    while (this.peek() === '|') {
      this.i += 1;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? (branches[0] as Node) : { t: 'alt', branches };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return { t: 'seq', items };
  }

  private quantified(atom: Node): Node {
    let node = atom;
    for (;;) {
      const c = this.peek();
      let min: number;
      let max: number;
      if (c === '*') [min, max] = [0, Infinity];
      else if (c === '+') [min, max] = [1, Infinity];
      else if (c === '?') [min, max] = [0, 1];
      else if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
        if (!m) return node;
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
        this.i += m[0].length - 1;
      } else return node;
      this.i += 1;
      if (this.peek() === '?') this.i += 1; // lazy: same backtracking space
      if (atom.t === 'assert') return node; // quantified assertions (Annex B) match nothing new
      node = { t: 'repeat', body: node, min, max };
    }
  }

  private char(code: number): Node {
    const set = emptySet();
    addCode(set, code);
    return { t: 'char', set: this.ignoreCase ? foldCase(set) : set };
  }

  private atom(): Node {
    const c = this.peek() as string;
    this.i += 1;
    switch (c) {
      case '(':
        return this.group();
      case '[':
        return this.charClass();
      case '.': {
        const set = fullSet();
        set.bits[0] = ((set.bits[0] as number) & ~((1 << 10) | (1 << 13))) >>> 0;
        return { t: 'char', set };
      }
      case '^':
      case '$':
        return { t: 'assert' };
      case '\\':
        return this.escape();
      default:
        return this.char(c.charCodeAt(0));
    }
  }

  private group(): Node {
    let look = false;
    if (this.peek() === '?') {
      const next = this.peek(1);
      if (next === ':') this.i += 2;
      else if (next === '=' || next === '!') {
        look = true;
        this.i += 2;
      } else if (next === '<' && (this.peek(2) === '=' || this.peek(2) === '!')) {
        look = true;
        this.i += 3;
      } else if (next === '<') {
        const close = this.src.indexOf('>', this.i);
        this.i = close + 1;
      }
    }
    const body = this.alternation();
    if (this.peek() === ')') this.i += 1;
    return { t: 'group', body, look };
  }

  private escape(): Node {
    const c = this.peek();
    if (c === undefined) return this.char(92);
    this.i += 1;
    const cls = classEscape(c);
    if (cls) return { t: 'char', set: cls };
    if (c === 'b' || c === 'B') return { t: 'assert' };
    if (/[1-9]/.test(c)) throw new BackReferenceError();
    if (c === 'k' && this.peek() === '<') throw new BackReferenceError();
    return this.char(this.escapedCode(c));
  }

  /** Code of an escaped literal (`\n`, `\x41`, `\u0041`, `\cJ`, `\0`, identity escapes). */
  private escapedCode(c: string): number {
    const simple: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11, '0': 0 };
    if (c in simple) return simple[c] as number;
    if (c === 'x' && /^[0-9a-fA-F]{2}/.test(this.src.slice(this.i))) {
      const code = parseInt(this.src.slice(this.i, this.i + 2), 16);
      this.i += 2;
      return code;
    }
    if (c === 'u' && /^[0-9a-fA-F]{4}/.test(this.src.slice(this.i))) {
      const code = parseInt(this.src.slice(this.i, this.i + 4), 16);
      this.i += 4;
      return code;
    }
    if (c === 'c' && /^[A-Za-z]/.test(this.src.slice(this.i))) {
      const code = this.src.charCodeAt(this.i) % 32;
      this.i += 1;
      return code;
    }
    return c.charCodeAt(0);
  }

  private charClass(): Node {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.i += 1;
    }
    let set = emptySet();
    while (this.i < this.src.length && this.peek() !== ']') {
      const lo = this.classAtom();
      if (lo instanceof Object) {
        set = union(set, lo);
        continue;
      }
      if (this.peek() === '-' && this.peek(1) !== undefined && this.peek(1) !== ']') {
        this.i += 1;
        const hi = this.classAtom();
        if (typeof hi === 'number') {
          addRange(set, Math.min(lo, hi), Math.max(lo, hi));
          continue;
        }
        addCode(set, lo);
        addCode(set, 45);
        set = union(set, hi);
        continue;
      }
      addCode(set, lo);
    }
    if (this.peek() === ']') this.i += 1;
    if (this.ignoreCase) set = foldCase(set);
    return { t: 'char', set: negated ? negate(set) : set };
  }

  /** One class member: a code point, or a set for `\d`, `\w`, `\s` and their negations. */
  private classAtom(): number | CharSet {
    const c = this.peek() as string;
    this.i += 1;
    if (c !== '\\') return c.charCodeAt(0);
    const e = this.peek();
    if (e === undefined) return 92;
    this.i += 1;
    const cls = classEscape(e);
    if (cls) return cls;
    if (e === 'b') return 8;
    return this.escapedCode(e);
  }
}

// ---------------------------------------------------------------------------------------------
// Analysis

function nullable(node: Node): boolean {
  switch (node.t) {
    case 'char':
      return false;
    case 'assert':
      return true;
    case 'seq':
      return node.items.every(nullable);
    case 'alt':
      return node.branches.some(nullable);
    case 'group':
      return node.look || nullable(node.body);
    case 'repeat':
      return node.min === 0 || nullable(node.body);
  }
}

function first(node: Node): CharSet {
  switch (node.t) {
    case 'char':
      return node.set;
    case 'assert':
      return emptySet();
    case 'seq': {
      let out = emptySet();
      for (const item of node.items) {
        out = union(out, first(item));
        if (!nullable(item)) break;
      }
      return out;
    }
    case 'alt':
      return node.branches.map(first).reduce(union, emptySet());
    case 'group':
      return node.look ? emptySet() : first(node.body);
    case 'repeat':
      return node.max === 0 ? emptySet() : first(node.body);
  }
}

type Finding = 'nested' | 'overlap';

/**
 * Walk `node` (inside an outer repetition) knowing what may follow it; report an inner repeat that
 * can either continue or stop on the same character, or an alternation whose options overlap.
 */
function walkInside(node: Node, follow: CharSet): Finding | null {
  switch (node.t) {
    case 'char':
    case 'assert':
      return null;
    case 'seq': {
      let after = follow;
      for (let k = node.items.length - 1; k >= 0; k -= 1) {
        const item = node.items[k] as Node;
        const found = walkInside(item, after);
        if (found) return found;
        after = nullable(item) ? union(first(item), after) : first(item);
      }
      return null;
    }
    case 'alt': {
      const starts = node.branches.map((b) => (nullable(b) ? union(first(b), follow) : first(b)));
      for (let a = 0; a < starts.length; a += 1) {
        for (let b = a + 1; b < starts.length; b += 1) {
          if (intersects(starts[a] as CharSet, starts[b] as CharSet)) return 'overlap';
        }
      }
      for (const branch of node.branches) {
        const found = walkInside(branch, follow);
        if (found) return found;
      }
      return null;
    }
    case 'group':
      return walkInside(node.body, node.look ? fullSet() : follow);
    case 'repeat': {
      if (node.min !== node.max && intersects(first(node.body), follow)) return 'nested';
      const bodyFollow = node.max > 1 ? union(first(node.body), follow) : follow;
      return walkInside(node.body, bodyFollow);
    }
  }
}

/** Find an outer repetition whose body is ambiguous. */
function findDanger(node: Node): Finding | null {
  switch (node.t) {
    case 'char':
    case 'assert':
      return null;
    case 'seq':
      for (const item of node.items) {
        const found = findDanger(item);
        if (found) return found;
      }
      return null;
    case 'alt':
      for (const branch of node.branches) {
        const found = findDanger(branch);
        if (found) return found;
      }
      return null;
    case 'group':
      return findDanger(node.body);
    case 'repeat': {
      if (node.max > 1) {
        const found = walkInside(node.body, first(node.body));
        if (found) return found;
      }
      return findDanger(node.body);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Public API

export type RegexProblem = 'syntax' | 'backreference' | 'nested' | 'overlap' | 'slow' | 'length';

export type RegexCheck = { ok: true; regex: RegExp } | { ok: false; problem: RegexProblem; message: string };

export const MAX_PATTERN_LENGTH = 500;

export const REGEX_MESSAGES: Readonly<Record<Exclude<RegexProblem, 'syntax'>, string>> = {
  length: `The pattern is too long (at most ${MAX_PATTERN_LENGTH} characters).`,
  backreference: 'Back-references such as \\1 are not supported in rules: they can make matching very slow.',
  nested:
    'This pattern repeats a group that can itself repeat the same characters (like (a+)+ or (.*a){20}), which can freeze the browser. Rewrite it without the nested repetition.',
  overlap:
    'This pattern repeats a choice whose options can match the same text (like (a|a)* or (\\w|\\d)+), which can freeze the browser. Make the options distinct.',
  slow: 'This pattern is too slow on long addresses and could freeze the browser. Simplify it.',
};

export interface RegexCheckOptions {
  /** Run the timed probe (default true). Classifier compilation skips it: rules were probed when saved. */
  runtime?: boolean;
  /** Budget for one probe string, ms (default 5). */
  budgetMs?: number;
}

/** Flags every rule regex is compiled with: case-insensitive (keys are lower-case anyway). */
export const RULE_REGEX_FLAGS = 'i';

/** Statically check (and optionally probe) a rule pattern; returns the compiled regex when it is safe. */
export function checkRegex(pattern: string, options: RegexCheckOptions = {}): RegexCheck {
  if (pattern.length > MAX_PATTERN_LENGTH) return { ok: false, problem: 'length', message: REGEX_MESSAGES.length };
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, RULE_REGEX_FLAGS);
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
    return { ok: false, problem: 'syntax', message: `Not a valid regular expression: ${detail}` };
  }
  const staticProblem = staticCheck(pattern);
  if (staticProblem) return { ok: false, problem: staticProblem, message: REGEX_MESSAGES[staticProblem] };
  if (options.runtime !== false && !probeRegex(regex, pattern, options.budgetMs ?? 5)) {
    return { ok: false, problem: 'slow', message: REGEX_MESSAGES.slow };
  }
  return { ok: true, regex };
}

/** The static part alone (exported for tests). */
export function staticCheck(pattern: string): Exclude<RegexProblem, 'syntax' | 'slow' | 'length'> | null {
  let tree: Node;
  try {
    tree = new Parser(pattern, RULE_REGEX_FLAGS.includes('i')).parse();
  } catch (error) {
    if (error instanceof BackReferenceError) return 'backreference';
    throw error;
  }
  return findDanger(tree);
}

const now = (): number => globalThis.performance.now();

/** The literal text a pattern starts with after `^` (unescaped), to reach the interesting part. */
function literalPrefix(pattern: string): string {
  let out = '';
  let i = pattern.startsWith('^') ? 1 : 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    let ch: string;
    let step = 1;
    if (c === '\\' && i + 1 < pattern.length && /[^A-Za-z0-9]/.test(pattern[i + 1] as string)) {
      ch = pattern[i + 1] as string;
      step = 2;
    } else if (/[A-Za-z0-9/_-]/.test(c)) {
      ch = c;
    } else break;
    const after = pattern[i + step];
    if (after === '?' || after === '*' || after === '+' || after === '{') break;
    out += ch;
    i += step;
  }
  return out.toLowerCase();
}

/** Strings to pump: common key characters, every character of the pattern, and its literal runs. */
function pumps(pattern: string): string[] {
  const out = new Set<string>(['a', '0', '.', '/', '-', '*', ' ']);
  for (const c of pattern) if (c.charCodeAt(0) < 128 && /[^\\^$()[\]{}|?+]/.test(c)) out.add(c.toLowerCase());
  for (const run of pattern.match(/(?:[A-Za-z0-9_/-]|\\\.){2,8}/g) ?? []) out.add(run.replace(/\\\./g, '.').toLowerCase());
  return [...out].slice(0, 24);
}

function timed(regex: RegExp, subject: string): number {
  const t0 = now();
  regex.test(subject);
  return now() - t0;
}

/**
 * Run `regex` on adversarial strings of growing length; false when any single test takes longer than
 * `budgetMs` or the whole probe more than 60 × budget. A linear pattern needs well under a millisecond in total.
 */
export function probeRegex(regex: RegExp, pattern: string, budgetMs = 5): boolean {
  const prefix = literalPrefix(pattern);
  const started = now();
  const lengths: number[] = [];
  for (let n = 1; n <= 32; n += 1) lengths.push(n);
  lengths.push(48, 64, 96, 128, 192, 256, 320, MAX_SUBJECT_LENGTH);
  for (const pump of pumps(pattern)) {
    for (const n of lengths) {
      const body = pump.repeat(Math.ceil(n / pump.length)).slice(0, n);
      for (const tail of ['!', '']) {
        const subject = (prefix + body + tail).slice(0, MAX_SUBJECT_LENGTH);
        // A single slow run may be a garbage-collection pause: only two in a row count.
        if (timed(regex, subject) > budgetMs && timed(regex, subject) > budgetMs) return false;
        if (now() - started > budgetMs * 60) return false;
      }
    }
  }
  return true;
}
