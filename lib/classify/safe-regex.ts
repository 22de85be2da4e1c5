/**
 * Clear messages for rule patterns that cannot be used, before anything runs them.
 *
 * Safety does not depend on this file: rules run on RE2 (lib/classify/regex-engine.ts), which is
 * linear-time by construction. This static check on a small parse of the pattern only explains, in
 * plain words, what would otherwise be an engine error or a surprise:
 *    - back-references (`\1`, `\k<name>`) and lookaround (`(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)`): RE2
 *      has neither;
 *    - escapes of a letter or digit that JavaScript reads as the plain letter but RE2 gives a meaning
 *      (`\A`, `\z`, `\Q`, `\p`, `\a`…): refused so both engines always agree;
 *    - a repetition that can end in two ways inside another repetition (`(a+)+`, `(.*a){20}`), or an
 *      alternation inside a repetition whose options can start with the same character (`(a|a)*`):
 *      harmless on RE2, but refused because the same file would freeze any backtracking engine
 *      (an older Creative Ratio, a test in a regex playground) and is always a mistake in a rule.
 * The parser knows modifier groups (`(?i:…)`, `(?-i:…)`).
 *
 * Characters are reasoned about as ASCII sets (plus one bucket for everything else): keys are
 * `host + path shape`, which is always ASCII (hosts are punycode, shapes are lower-case words and `*`).
 */

import type { RegexEngine } from './regex-engine';

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
  | { t: 'group'; body: Node }
  | { t: 'repeat'; body: Node; min: number; max: number }
  | { t: 'assert' };

class BackReferenceError extends Error {}
class LookaroundError extends Error {}
class EscapeError extends Error {}

/** Escapes of a letter or digit that mean the same in JavaScript and RE2 (others are refused). */
const KNOWN_ESCAPE = /^(?:[^A-Za-z0-9]|[dDwWsSbBnrtfv0xuck])$/;

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
    if (this.peek() === '?') {
      const next = this.peek(1);
      const modifiers = /^\?[a-z]*(?:-[a-z]*)?:/.exec(this.src.slice(this.i));
      if (next === ':') this.i += 2;
      else if (next === '=' || next === '!' || (next === '<' && (this.peek(2) === '=' || this.peek(2) === '!'))) {
        throw new LookaroundError();
      } else if (modifiers) {
        // A modifier group such as (?i:…): every rule is case-insensitive already, so it only groups.
        this.i += modifiers[0].length;
      } else if (next === '<') {
        const close = this.src.indexOf('>', this.i);
        this.i = close + 1;
      }
    }
    const body = this.alternation();
    if (this.peek() === ')') this.i += 1;
    return { t: 'group', body };
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
    if (!KNOWN_ESCAPE.test(c)) throw new EscapeError();
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
    if (e === 'b') throw new EscapeError(); // backspace in JavaScript, unknown to RE2
    if (!KNOWN_ESCAPE.test(e)) throw new EscapeError();
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
      return nullable(node.body);
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
      return first(node.body);
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
      return walkInside(node.body, follow);
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

export type RegexProblem =
  'syntax' | 'backreference' | 'lookaround' | 'escape' | 'nested' | 'overlap' | 'length' | 'engine';

export type RegexCheck = { ok: true } | { ok: false; problem: RegexProblem; message: string };

export const MAX_PATTERN_LENGTH = 500;

export const REGEX_MESSAGES: Readonly<Record<Exclude<RegexProblem, 'syntax' | 'engine'>, string>> = {
  length: `The pattern is too long (at most ${MAX_PATTERN_LENGTH} characters).`,
  backreference: 'Back-references such as \\1 are not supported in rules: they can make matching very slow.',
  lookaround:
    'Lookahead and lookbehind, such as (?=…) or (?<!…), are not supported in rules. Match the text itself instead.',
  escape:
    'This pattern escapes a letter or digit that has no meaning in rules (like \\A, \\z, \\p or [\\b]). Write the character itself, or use \\d, \\w, \\s, \\b, \\n, \\t, \\xHH or \\uHHHH.',
  nested:
    'This pattern repeats a group that can itself repeat the same characters (like (a+)+ or (.*a){20}), which can freeze the browser. Rewrite it without the nested repetition.',
  overlap:
    'This pattern repeats a choice whose options can match the same text (like (a|a)* or (\\w|\\d)+), which can freeze the browser. Make the options distinct.',
};

export interface RegexCheckOptions {
  /** The linear-time engine; when given, the pattern must also compile on it. */
  engine?: RegexEngine | null;
}

/** Flags every rule regex is checked with in JavaScript: case-insensitive (keys are lower-case anyway). */
export const RULE_REGEX_FLAGS = 'i';

/**
 * Check a rule pattern: length, JavaScript syntax, the static check, and — when the engine is given —
 * that RE2 compiles it. Deterministic: no timing, no probing.
 */
export function checkRegex(pattern: string, options: RegexCheckOptions = {}): RegexCheck {
  if (pattern.length > MAX_PATTERN_LENGTH) return { ok: false, problem: 'length', message: REGEX_MESSAGES.length };
  try {
    new RegExp(pattern, RULE_REGEX_FLAGS);
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
    return { ok: false, problem: 'syntax', message: `Not a valid regular expression: ${detail}` };
  }
  const staticProblem = staticCheck(pattern);
  if (staticProblem) return { ok: false, problem: staticProblem, message: REGEX_MESSAGES[staticProblem] };
  if (options.engine) {
    const compiled = options.engine.compile(pattern);
    if (!compiled.ok) return { ok: false, problem: 'engine', message: compiled.message };
  }
  return { ok: true };
}

/** The static part alone (exported for tests). */
export function staticCheck(pattern: string): Exclude<RegexProblem, 'syntax' | 'length' | 'engine'> | null {
  let tree: Node;
  try {
    tree = new Parser(pattern, RULE_REGEX_FLAGS.includes('i')).parse();
  } catch (error) {
    if (error instanceof BackReferenceError) return 'backreference';
    if (error instanceof LookaroundError) return 'lookaround';
    if (error instanceof EscapeError) return 'escape';
    throw error;
  }
  return findDanger(tree);
}
