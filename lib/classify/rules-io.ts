/**
 * Import and export of the person's rules as JSON.
 *
 * Export format (version 1):
 *   { "format": "creative-ratio-rules", "version": 1, "exportedAt": "<ISO date>", "rules": [ … ] }
 * Each rule: { match, class, kind?, tool?, fromTime?, order, createdAt } — ids are local and not exported.
 *
 * Import is all-or-nothing: every rule is validated (like validateRule) and any problem rejects the whole
 * file with per-rule messages (index + field). A bare array of rules is accepted too.
 */
import type { RuleMatch, UserRule } from './types';
import { validateRule, type RuleField } from './validate-rule';

export const RULES_FORMAT = 'creative-ratio-rules';
export const RULES_FORMAT_VERSION = 1;
export const MAX_IMPORT_BYTES = 1_000_000;
export const MAX_IMPORT_RULES = 5_000;
/** Problems listed at most; the rest are counted. */
export const MAX_LISTED_ERRORS = 50;

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

/** Serialise rules (sorted by order) for a download. Pure apart from the default clock. */
export function exportRules(rules: readonly UserRule[], options: ExportOptions = {}): string {
  const sorted = [...rules].sort((a, b) => a.order - b.order || (a.id ?? 0) - (b.id ?? 0));
  const out = sorted.map((r) => {
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

function fail(message: string): RulesImport {
  return { ok: false, errors: [{ message }] };
}

export interface ImportOptions {
  /** `createdAt` for rules without one (default now). */
  now?: number;
  /** Run the timed regex probe on every regex (default true). */
  runtimeCheck?: boolean;
}

/**
 * Parse and validate an export file. On success the rules come back in file order (sorted by their
 * `order` when present), renumbered 0…n-1, without ids: ready for `replaceAllRules`.
 */
export function parseRulesImport(text: string, options: ImportOptions = {}): RulesImport {
  if (typeof text !== 'string') return fail('The file could not be read as text.');
  if (text.length > MAX_IMPORT_BYTES || utf8Length(text) > MAX_IMPORT_BYTES) {
    return fail(`The file is too large (more than ${MAX_IMPORT_BYTES / 1_000_000} MB). Rules files are small; is this the right file?`);
  }
  if (text.trim() === '') return fail('The file is empty.');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return fail('This is not a rules file: it is not valid JSON.');
  }
  let list: unknown;
  if (Array.isArray(doc)) {
    list = doc;
  } else if (typeof doc === 'object' && doc !== null) {
    const has = (k: string): boolean => Object.prototype.hasOwnProperty.call(doc, k);
    const format = has('format') ? (doc as Record<string, unknown>).format : undefined;
    const version = has('version') ? (doc as Record<string, unknown>).version : undefined;
    if (format !== undefined && format !== RULES_FORMAT) {
      return fail(`This is not a Creative Ratio rules file (format "${String(format).slice(0, 40)}").`);
    }
    if (version !== undefined) {
      if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
        return fail('The rules file has an invalid version.');
      }
      if (version > RULES_FORMAT_VERSION) {
        return fail(`This rules file was made by a newer version of Creative Ratio (format version ${version}). Update the extension to import it.`);
      }
    }
    if (!has('rules')) return fail('This is not a rules file: there is no "rules" list.');
    list = (doc as Record<string, unknown>).rules;
  } else {
    return fail('This is not a rules file: expected an object with a "rules" list.');
  }
  if (!Array.isArray(list)) return fail('This is not a rules file: "rules" must be a list.');
  if (list.length > MAX_IMPORT_RULES) {
    return fail(`The file has ${list.length} rules; at most ${MAX_IMPORT_RULES} can be imported.`);
  }

  const errors: ImportError[] = [];
  let problems = 0;
  const valid: Array<{ rule: UserRule; position: number }> = [];
  const now = options.now ?? Date.now();
  list.forEach((item, index) => {
    const checked = validateRule(item, { now, runtimeCheck: options.runtimeCheck });
    if (checked.ok) {
      const rule = checked.rule;
      delete rule.id;
      valid.push({ rule, position: index });
      return;
    }
    for (const [field, message] of Object.entries(checked.errors)) {
      problems += 1;
      if (errors.length < MAX_LISTED_ERRORS) errors.push({ index, field: field as RuleField, message: `Rule ${index + 1}: ${message}` });
    }
  });
  if (problems > 0) {
    if (problems > errors.length) errors.push({ message: `…and ${problems - errors.length} more problems.` });
    return { ok: false, errors };
  }
  valid.sort((a, b) => a.rule.order - b.rule.order || a.position - b.position);
  return { ok: true, rules: valid.map(({ rule }, i) => ({ ...rule, order: i })) };
}
