/**
 * Import and export of the person's rules as JSON.
 *
 * Export format (version 1):
 *   { "format": "creative-ratio-rules", "version": 1, "exportedAt": "<ISO date>", "rules": [ … ] }
 * Each rule: { match, class, kind?, tool?, fromTime?, order, createdAt } — ids are local and not exported.
 *
 * Import is all-or-nothing: every rule is validated (like validateRule) and any problem rejects the whole
 * file with per-rule messages (index + field). A bare array of rules is accepted too.
 *
 * Validation works within a budget, so no file can block the page: it stops at the first
 * MAX_RULES_WITH_ERRORS rules with problems (saying how many rules were left unchecked) and after
 * VALIDATION_BUDGET_MS in total (the file is then refused as too slow to check).
 */
import * as v from 'valibot';
import type { RuleMatch, UserRule } from './types';
import { sortRules } from './rule-order';
import { firstIssue } from '@/lib/export/schema-issues';
import { validateRule, type RuleField } from './validate-rule';
import type { RegexEngine } from './regex-engine';
import { MAX_UNANCHORED_REGEX_RULES, UNANCHORED_REGEX_MESSAGE, unanchoredRegexCount } from './match';
import { plausibleRange } from '@/lib/time/plausible';

export const RULES_FORMAT = 'creative-ratio-rules';
export const RULES_FORMAT_VERSION = 1;
export const MAX_IMPORT_BYTES = 1_000_000;
export const MAX_IMPORT_RULES = 5_000;
/** Rules with problems reported before checking stops (the rest of the file is not checked). */
export const MAX_RULES_WITH_ERRORS = 10;
/** Total time validation may take, ms. */
export const VALIDATION_BUDGET_MS = 3_000;

export interface ImportError {
  /** Index of the rule in the file (0-based), absent for file-level problems. */
  index?: number;
  field?: RuleField;
  message: string;
}

export type RulesImport = { ok: true; rules: UserRule[] } | { ok: false; errors: ImportError[] };

export interface ExportOptions {
  /** Epoch ms written as `exportedAt` (default now). */
  now?: number;
}

/** A fresh match object with only the fields of its type. */
export function copyMatch(m: RuleMatch): RuleMatch {
  switch (m.type) {
    case 'host':
      return { type: 'host', host: m.host };
    case 'wildcard':
      return { type: 'wildcard', pattern: m.pattern };
    case 'path':
      return { type: 'path', host: m.host, pathPrefix: m.pathPrefix };
    case 'regex':
      return { type: 'regex', pattern: m.pattern };
  }
}

/** Serialise rules (in the order they are listed and tried) for a download. Pure apart from the default clock. */
export function exportRules(rules: readonly UserRule[], options: ExportOptions = {}): string {
  const out = sortRules(rules).map((r) => {
    const rule: Record<string, unknown> = { match: copyMatch(r.match), class: r.class };
    if (r.kind !== undefined) rule.kind = r.kind;
    if (r.tool !== undefined) rule.tool = r.tool;
    if (r.fromTime !== undefined) rule.fromTime = r.fromTime;
    rule.order = r.order;
    rule.createdAt = r.createdAt;
    return rule;
  });
  const doc = {
    format: RULES_FORMAT,
    version: RULES_FORMAT_VERSION,
    exportedAt: new Date(options.now ?? Date.now()).toISOString(),
    rules: out,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** How a problem with one rule of the file is said (the one place these messages are built). */
export function ruleProblem(raw: unknown, index: number, field: RuleField, message: string): ImportError {
  return { index, field, message: `${importedRuleName(raw, index)}: ${message}` };
}

const RULES_LIST = (issue: v.BaseIssue<unknown>) =>
  issue.received === 'undefined'
    ? 'This is not a rules file: there is no "rules" list.'
    : 'This is not a rules file: "rules" must be a list.';
const VERSION = 'The rules file has an invalid version.';

/** The list of rules (each rule is then checked by validateRule, within the budget). */
const ruleList = v.pipe(
  v.array(v.unknown(), RULES_LIST),
  v.maxLength(
    MAX_IMPORT_RULES,
    (issue) => `The file has ${issue.received} rules; at most ${MAX_IMPORT_RULES} can be imported.`,
  ),
);

/** The rules file (other fields, such as `exportedAt`, are ignored; a bare list of rules is read too). */
const rulesFileSchema = v.object(
  {
    format: v.optional(
      v.literal(
        RULES_FORMAT,
        (issue) => `This is not a Creative Ratio rules file (format "${String(issue.input).slice(0, 40)}").`,
      ),
    ),
    version: v.optional(
      v.pipe(
        v.number(VERSION),
        v.integer(VERSION),
        v.minValue(1, VERSION),
        v.maxValue(
          RULES_FORMAT_VERSION,
          (issue) =>
            `This rules file was made by a newer version of Creative Ratio (format version ${String(issue.input)}). Update the extension to import it.`,
        ),
      ),
    ),
    rules: ruleList,
  },
  'This is not a rules file: expected an object with a "rules" list.',
);

function fail(message: string): RulesImport {
  return { ok: false, errors: [{ message }] };
}

export interface ImportOptions {
  /** `createdAt` for rules without one, and the "now" of the plausible date range (default now). */
  now?: number;
  /** The linear-time engine every regex must compile on (default: the engine if loaded). */
  regexEngine?: RegexEngine | null;
  /** Clock for the validation budget (default performance.now). */
  clock?: () => number;
  /** Total validation budget, ms (default VALIDATION_BUDGET_MS). */
  budgetMs?: number;
}

/**
 * Parse and validate an export file. On success the rules come back in file order (sorted by their
 * `order` when present), renumbered 0…n-1, without ids: ready for `replaceAllRules`.
 */
/** Text of the file shown in an error, at most `max` characters. */
function shown(value: string, max = 48): string {
  const flat = value.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * How an import error names a rule: its number in the file and, when the file says it, what it
 * matches — `Rule 3 (pattern "^app\.x")`, `Rule 1 (host "a.com")` — never an internal field path.
 */
export function importedRuleName(raw: unknown, index: number): string {
  const base = `Rule ${index + 1}`;
  if (typeof raw !== 'object' || raw === null) return base;
  const match: unknown = Object.prototype.hasOwnProperty.call(raw, 'match')
    ? (raw as Record<string, unknown>).match
    : undefined;
  if (typeof match !== 'object' || match === null) return base;
  const m = match as Record<string, unknown>;
  const text = (key: string): string | null =>
    Object.prototype.hasOwnProperty.call(m, key) && typeof m[key] === 'string' && (m[key] as string).trim() !== ''
      ? (m[key] as string)
      : null;
  const host = text('host');
  const pattern = text('pattern');
  const prefix = text('pathPrefix');
  if (m.type === 'path' && host) return `${base} (site "${shown(`${host}${prefix ?? ''}`)}")`;
  if (m.type === 'regex' && pattern) return `${base} (pattern "${shown(pattern)}")`;
  if (m.type === 'wildcard' && pattern) return `${base} (sites "${shown(pattern)}")`;
  if (host) return `${base} (site "${shown(host)}")`;
  if (pattern) return `${base} (pattern "${shown(pattern)}")`;
  return base;
}

export function parseRulesImport(text: string, options: ImportOptions = {}): RulesImport {
  if (typeof text !== 'string') return fail('The file could not be read as text.');
  if (text.length > MAX_IMPORT_BYTES || utf8Length(text) > MAX_IMPORT_BYTES) {
    return fail(
      `The file is too large (more than ${MAX_IMPORT_BYTES / 1_000_000} MB). Rules files are small; is this the right file?`,
    );
  }
  if (text.trim() === '') return fail('The file is empty.');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return fail('This is not a rules file: it is not valid JSON.');
  }
  const file = firstIssue(Array.isArray(doc) ? ruleList : rulesFileSchema, doc, { stray: () => '' });
  if (!file.ok) return fail(file.message);
  const list = Array.isArray(file.output) ? file.output : file.output.rules;

  const errors: ImportError[] = [];
  let badRules = 0;
  const valid: Array<{ rule: UserRule; position: number }> = [];
  const now = options.now ?? Date.now();
  const clock = options.clock ?? (() => globalThis.performance.now());
  const budget = options.budgetMs ?? VALIDATION_BUDGET_MS;
  const started = clock();
  const range = plausibleRange(now);
  const rules: readonly unknown[] = list;
  for (let index = 0; index < rules.length; index += 1) {
    if (clock() - started > budget) {
      errors.push({
        message: `Checking this file took too long (more than ${budget / 1000} s; stopped at rule ${index + 1} of ${rules.length}). Split it into smaller files or simplify its patterns.`,
      });
      return { ok: false, errors };
    }
    const checked = validateRule(rules[index], { now, regexEngine: options.regexEngine, instants: range });
    if (checked.ok) {
      const rule = checked.rule;
      delete rule.id;
      valid.push({ rule, position: index });
      continue;
    }
    for (const [field, message] of Object.entries(checked.errors))
      errors.push(ruleProblem(rules[index], index, field as RuleField, message));
    badRules += 1;
    const unchecked = rules.length - index - 1;
    if (badRules >= MAX_RULES_WITH_ERRORS && unchecked > 0) {
      errors.push({
        message: `Stopped after ${badRules} rules with problems; the other ${unchecked.toLocaleString('en-US')} rule${unchecked === 1 ? ' was' : 's were'} not checked.`,
      });
      return { ok: false, errors };
    }
  }
  if (badRules > 0) return { ok: false, errors };
  if (unanchoredRegexCount(valid.map((v) => v.rule)) > MAX_UNANCHORED_REGEX_RULES) {
    return fail(`${UNANCHORED_REGEX_MESSAGE} This file has ${unanchoredRegexCount(valid.map((v) => v.rule))}.`);
  }
  valid.sort((a, b) => a.rule.order - b.rule.order || a.position - b.position);
  return { ok: true, rules: valid.map(({ rule }, i) => ({ ...rule, order: i })) };
}
