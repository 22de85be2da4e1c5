/**
 * Validate and sanitise a person's rule from any source (the editor, an import file, the database).
 * Returns a fresh UserRule built only from known, checked fields (never a spread of the input, so
 * `__proto__` and other stray keys cannot leak through), or human messages keyed by field.
 */
import type { ClassName, KindId } from '@/lib/model';
import type { RuleMatch, UserRule } from './types';
import { CLASS_META, KINDS, isClassName, isKindId } from './kinds';
import { normalizeHost, pathShape } from '@/lib/url/normalize';
import { checkRegex, MAX_PATTERN_LENGTH } from './safe-regex';
import { loadedRegexEngine, type RegexEngine } from './regex-engine';
import { isPlausibleInstant, rangeText, type InstantRange } from '@/lib/time/plausible';
import { isPublicSuffix } from './vendor-domains';

export type RuleField =
  | 'rule'
  | 'id'
  | 'order'
  | 'match'
  | 'match.type'
  | 'match.host'
  | 'match.pattern'
  | 'match.pathPrefix'
  | 'class'
  | 'kind'
  | 'tool'
  | 'fromTime'
  | 'createdAt';

export type RuleErrors = Partial<Record<RuleField, string>>;

export type RuleValidation = { ok: true; rule: UserRule } | { ok: false; errors: RuleErrors };

export interface ValidateRuleOptions {
  /** `createdAt` for rules that have none, and the "now" of the plausible-instant range (default Date.now()). */
  now?: number;
  /**
   * The linear-time engine a regex must also compile on (default: the engine if loaded). Without one
   * the pattern gets every check but that one; the classifier then skips a rule RE2 refuses.
   */
  regexEngine?: RegexEngine | null;
  /** Accepted instants for `fromTime` and `createdAt` (imports pass 2000 … now + 1 year); default any date. */
  instants?: InstantRange | null;
}

export const MAX_HOST_LENGTH = 253;
export const MAX_PATH_PREFIX_LENGTH = 500;
export const MAX_TOOL_NAME_LENGTH = 80;
/** Latest instant JavaScript dates can hold (year 275760): the bound when no range is asked for. */
const MAX_TIME = 8.64e15;

export const RULE_MESSAGES = {
  notObject: 'This entry is not a rule: a rule says which sites it matches and what they count as.',
  match: 'Choose how the rule matches: host, host wildcard, host + path, or regex.',
  matchType: 'Unknown match type: use "host", "wildcard", "path" or "regex".',
  hostEmpty: 'Enter a host, e.g. app.asana.com.',
  hostTooLong: `A host name is at most ${MAX_HOST_LENGTH} characters.`,
  hostSpaces: 'A host cannot contain spaces.',
  hostScheme: 'Enter the host only, without "https://".',
  hostPath: 'Enter the host only; put the path in a "host + path" rule.',
  hostChars: 'A host cannot contain ?, #, @ or \\.',
  hostInvalid: 'Not a valid host name.',
  starBare: 'A bare * would match every site; name a domain, like *.example.com.',
  starPlace: '* is only allowed as the whole first label, like *.atlassian.net.',
  starTld: 'This wildcard would match every site under a top-level domain; name a domain, like *.example.com.',
  wildcardNeeded: 'A wildcard starts with *., like *.atlassian.net.',
  pathEmpty: 'Enter a path prefix starting with /, e.g. /document.',
  pathSlash: 'A path prefix starts with /, e.g. /document.',
  pathQuery: 'Leave out ?query and #fragment: only the path is stored.',
  pathSpaces: 'A path prefix cannot contain spaces.',
  pathTooLong: `A path prefix is at most ${MAX_PATH_PREFIX_LENGTH} characters.`,
  pathRoot: 'The path "/" matches the whole site: use a host rule instead.',
  patternEmpty: 'Enter a regular expression, e.g. ^app\\.hubspot\\.com/email/.',
  classMissing: 'Choose what it counts as: Creative, Coordination or Not work.',
  kindUnknown: 'Unknown kind.',
  toolType: 'The tool name must be text.',
  toolTooLong: `The tool name is at most ${MAX_TOOL_NAME_LENGTH} characters.`,
  toolChars: 'The tool name cannot contain control characters.',
  fromTime: '"Only from" must be a date (epoch milliseconds).',
  order: 'The order must be a number.',
  createdAt: 'The creation time must be a date (epoch milliseconds).',
  id: 'The id must be a positive whole number.',
} as const;

function own(obj: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

function isRecord(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTime(value: unknown, range: InstantRange | null): value is number {
  return range === null
    ? typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_TIME
    : isPlausibleInstant(value, range);
}

type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** Normalise a host that is not a wildcard; never strips a leading `www.` in wildcard suffixes. */
function normaliseSuffix(suffix: string): string {
  const n = normalizeHost(`x.${suffix}`);
  return n.startsWith('x.') ? n.slice(2) : '';
}

const HOST_SHAPE = /^(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*|\[[0-9a-f:.]+\])$/;

/**
 * Check a host field: an exact host (`app.asana.com`) or, when allowed, a wildcard (`*.atlassian.net`).
 * Returns the normalised pattern (lower case, punycode, no `www.`, no port or trailing dot).
 */
export function checkHostPattern(input: unknown, allowWildcard: boolean): Checked<string> {
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, error: RULE_MESSAGES.hostEmpty };
  const raw = input.trim();
  if (raw.length > MAX_HOST_LENGTH) return { ok: false, error: RULE_MESSAGES.hostTooLong };
  if (/\s/.test(raw)) return { ok: false, error: RULE_MESSAGES.hostSpaces };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) || /^(https?|ftp|file|mailto|chrome|about|data|javascript):/i.test(raw)) {
    return { ok: false, error: RULE_MESSAGES.hostScheme };
  }
  if (raw.includes('/')) return { ok: false, error: RULE_MESSAGES.hostPath };
  if (/[?#@\\]/.test(raw)) return { ok: false, error: RULE_MESSAGES.hostChars };
  if (raw.includes('*')) {
    if (raw === '*' || raw === '*.' || /^\*\.?\*?$/.test(raw)) return { ok: false, error: RULE_MESSAGES.starBare };
    if (!raw.startsWith('*.') || raw.indexOf('*', 1) !== -1) return { ok: false, error: RULE_MESSAGES.starPlace };
    if (!allowWildcard) return { ok: false, error: RULE_MESSAGES.starPlace };
    const suffix = normaliseSuffix(raw.slice(2));
    if (suffix === '' || !HOST_SHAPE.test(suffix)) return { ok: false, error: RULE_MESSAGES.hostInvalid };
    if (isPublicSuffix(suffix)) return { ok: false, error: RULE_MESSAGES.starTld };
    return { ok: true, value: `*.${suffix}` };
  }
  const host = normalizeHost(raw);
  if (host === '' || !HOST_SHAPE.test(host)) return { ok: false, error: RULE_MESSAGES.hostInvalid };
  return { ok: true, value: host };
}

/** Check a path prefix and reduce it to the stored path shape (`/Document/d/1AbC…` → `/document/d/*`). */
export function checkPathPrefix(input: unknown): Checked<string> {
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, error: RULE_MESSAGES.pathEmpty };
  const raw = input.trim();
  if (raw.length > MAX_PATH_PREFIX_LENGTH) return { ok: false, error: RULE_MESSAGES.pathTooLong };
  if (!raw.startsWith('/')) return { ok: false, error: RULE_MESSAGES.pathSlash };
  if (/[?#]/.test(raw)) return { ok: false, error: RULE_MESSAGES.pathQuery };
  if (/\s/.test(raw)) return { ok: false, error: RULE_MESSAGES.pathSpaces };
  const shape = pathShape(raw);
  if (shape === '') return { ok: false, error: RULE_MESSAGES.pathRoot };
  return { ok: true, value: shape };
}

function checkMatch(input: unknown, engine: RegexEngine | null, errors: RuleErrors): RuleMatch | null {
  if (!isRecord(input)) {
    errors.match = RULE_MESSAGES.match;
    return null;
  }
  const type = own(input, 'type');
  switch (type) {
    case 'host':
    case 'wildcard': {
      const field: RuleField = type === 'host' ? 'match.host' : 'match.pattern';
      const text = own(input, type === 'host' ? 'host' : 'pattern');
      const checked = checkHostPattern(text, true);
      if (!checked.ok) {
        errors[field] = checked.error;
        return null;
      }
      if (checked.value.startsWith('*.')) return { type: 'wildcard', pattern: checked.value };
      if (type === 'wildcard') {
        errors[field] = RULE_MESSAGES.wildcardNeeded;
        return null;
      }
      return { type: 'host', host: checked.value };
    }
    case 'path': {
      const host = checkHostPattern(own(input, 'host'), true);
      const prefix = checkPathPrefix(own(input, 'pathPrefix'));
      if (!host.ok) errors['match.host'] = host.error;
      if (!prefix.ok) errors['match.pathPrefix'] = prefix.error;
      if (!host.ok || !prefix.ok) return null;
      return { type: 'path', host: host.value, pathPrefix: prefix.value };
    }
    case 'regex': {
      const pattern = own(input, 'pattern');
      if (typeof pattern !== 'string' || pattern === '') {
        errors['match.pattern'] = RULE_MESSAGES.patternEmpty;
        return null;
      }
      if (pattern.length > MAX_PATTERN_LENGTH) {
        errors['match.pattern'] = `The pattern is too long (at most ${MAX_PATTERN_LENGTH} characters).`;
        return null;
      }
      const checked = checkRegex(pattern, { engine });
      if (!checked.ok) {
        errors['match.pattern'] = checked.message;
        return null;
      }
      return { type: 'regex', pattern };
    }
    default:
      errors['match.type'] = RULE_MESSAGES.matchType;
      return null;
  }
}

function kindMessage(kind: KindId, cls: ClassName): string {
  const meta = KINDS[kind];
  return `"${meta.name}" is a ${CLASS_META[meta.class].name.toLowerCase()} kind; choose a ${CLASS_META[cls].name.toLowerCase()} kind or change the class.`;
}

/** Validate a rule from any source; see the module comment. */
export function validateRule(input: unknown, options: ValidateRuleOptions = {}): RuleValidation {
  if (!isRecord(input)) return { ok: false, errors: { rule: RULE_MESSAGES.notObject } };
  const errors: RuleErrors = {};

  const engine = options.regexEngine === undefined ? loadedRegexEngine() : options.regexEngine;
  const match = checkMatch(own(input, 'match'), engine, errors);
  const range = options.instants ?? null;
  const timeError = (message: string): string =>
    range === null ? message : `${message.replace(/\.$/, '')}, ${rangeText(range)}.`;

  const clsInput = own(input, 'class');
  const cls: ClassName | null = isClassName(clsInput) ? clsInput : null;
  if (cls === null) errors.class = RULE_MESSAGES.classMissing;

  let kind: KindId | undefined;
  const kindInput = own(input, 'kind');
  if (kindInput !== undefined && kindInput !== null && kindInput !== '') {
    if (!isKindId(kindInput)) errors.kind = RULE_MESSAGES.kindUnknown;
    else if (cls !== null && KINDS[kindInput].class !== cls) errors.kind = kindMessage(kindInput, cls);
    else kind = kindInput;
  }

  let tool: string | undefined;
  const toolInput = own(input, 'tool');
  if (toolInput !== undefined && toolInput !== null) {
    if (typeof toolInput !== 'string') errors.tool = RULE_MESSAGES.toolType;
    else {
      const name = toolInput.trim().replace(/\s+/g, ' ');
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u001f\u007f]/.test(toolInput.trim())) errors.tool = RULE_MESSAGES.toolChars;
      else if (name.length > MAX_TOOL_NAME_LENGTH) errors.tool = RULE_MESSAGES.toolTooLong;
      else if (name !== '') tool = name;
    }
  }

  let fromTime: number | undefined;
  const fromInput = own(input, 'fromTime');
  if (fromInput !== undefined && fromInput !== null) {
    if (!isTime(fromInput, range)) errors.fromTime = timeError(RULE_MESSAGES.fromTime);
    else fromTime = fromInput;
  }

  let order = 0;
  const orderInput = own(input, 'order');
  if (orderInput !== undefined) {
    if (typeof orderInput !== 'number' || !Number.isFinite(orderInput)) errors.order = RULE_MESSAGES.order;
    else order = orderInput;
  }

  let createdAt = options.now ?? Date.now();
  const createdInput = own(input, 'createdAt');
  if (createdInput !== undefined) {
    if (!isTime(createdInput, range)) errors.createdAt = timeError(RULE_MESSAGES.createdAt);
    else createdAt = createdInput;
  }

  let id: number | undefined;
  const idInput = own(input, 'id');
  if (idInput !== undefined && idInput !== null) {
    if (typeof idInput !== 'number' || !Number.isSafeInteger(idInput) || idInput <= 0) errors.id = RULE_MESSAGES.id;
    else id = idInput;
  }

  if (Object.keys(errors).length > 0 || match === null || cls === null) return { ok: false, errors };

  const rule: UserRule = { order, match, class: cls, createdAt };
  if (id !== undefined) rule.id = id;
  if (kind !== undefined) rule.kind = kind;
  if (tool !== undefined) rule.tool = tool;
  if (fromTime !== undefined) rule.fromTime = fromTime;
  return { ok: true, rule };
}

/** One line per error, e.g. for an alert or a log. */
export function formatRuleErrors(errors: RuleErrors): string {
  return Object.entries(errors)
    .map(([field, message]) => `${field}: ${message}`)
    .join('\n');
}
