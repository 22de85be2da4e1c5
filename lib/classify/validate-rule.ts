/**
 * Validate and sanitise a person's rule from any source (the editor, an import file, the database).
 * The rule is described once as a valibot schema (`ruleSchema`): every field with its type, limits
 * and message, the host and path checks that also normalise, and the regex checks (safe patterns,
 * length, the unanchored-regex cap, compiling on re2js when loaded). Returns a fresh UserRule built
 * only from known, own fields (never a spread of the input, so `__proto__` and other stray keys
 * cannot leak through), or human messages keyed by field (the first one of each field).
 */
import * as v from 'valibot';
import type { ClassName, KindId } from '@/lib/model';
import type { RuleMatch, UserRule } from './types';
import { CLASS_IDS, CLASS_META, KIND_IDS, KINDS, isClassName, isKindId } from './kinds';
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

// ---------- the rule, described once (valibot) ----------

/** A field checked by one of the `Checked` functions above, as a valibot step that also normalises it. */
function checkedBy<T>(check: (input: unknown) => Checked<T>) {
  return v.pipe(
    v.unknown(),
    v.rawTransform<unknown, T>(({ dataset, addIssue, NEVER }) => {
      const r = check(dataset.value);
      if (r.ok) return r.value;
      addIssue({ message: r.error });
      return NEVER;
    }),
  );
}

/**
 * The known keys of a record as an object that has every one of them (own values only, so inherited
 * properties and `__proto__` never count; absent keys are `undefined`). Nothing else is carried on.
 */
function ownFields<K extends string>(keys: readonly K[]) {
  return v.transform((input: object): Partial<Record<K, unknown>> => {
    const out = Object.create(null) as Partial<Record<K, unknown>>;
    for (const key of keys) out[key] = own(input, key);
    return out;
  });
}

const isRecordInput = (value: unknown): value is object => isRecord(value);
const host = checkedBy((x) => checkHostPattern(x, true));

/** The match, one shape per type; a host rule given a wildcard becomes a wildcard rule. */
function matchSchema(engine: RegexEngine | null) {
  return v.pipe(
    v.custom<object>(isRecordInput, RULE_MESSAGES.match),
    ownFields(['type', 'host', 'pattern', 'pathPrefix']),
    v.variant(
      'type',
      [
        v.object({ type: v.literal('host'), host }),
        v.object({
          type: v.literal('wildcard'),
          pattern: v.pipe(
            host,
            v.check((p: string) => p.startsWith('*.'), RULE_MESSAGES.wildcardNeeded),
          ),
        }),
        v.object({ type: v.literal('path'), host, pathPrefix: checkedBy(checkPathPrefix) }),
        v.object({
          type: v.literal('regex'),
          pattern: v.pipe(
            v.string(RULE_MESSAGES.patternEmpty),
            v.nonEmpty(RULE_MESSAGES.patternEmpty),
            v.maxLength(MAX_PATTERN_LENGTH, `The pattern is too long (at most ${MAX_PATTERN_LENGTH} characters).`),
            // Safe on the backtracking engine and, when it is loaded, compiles on the linear-time one.
            v.rawCheck<string>(({ dataset, addIssue }) => {
              if (!dataset.typed) return;
              const checked = checkRegex(dataset.value, { engine });
              if (!checked.ok) addIssue({ message: checked.message });
            }),
          ),
        }),
      ],
      RULE_MESSAGES.matchType,
    ),
    v.transform((m): RuleMatch =>
      m.type === 'host' && m.host.startsWith('*.') ? { type: 'wildcard', pattern: m.host } : m,
    ),
  );
}

/** An instant: any date JavaScript holds, or one in `range` (the message then says which). */
function instant(message: string, range: InstantRange | null) {
  const text = range === null ? message : `${message.replace(/\.$/, '')}, ${rangeText(range)}.`;
  return v.pipe(
    v.number(text),
    v.check((t: number) => isTime(t, range), text),
  );
}

/** The fields in the order their messages are listed. */
const RULE_KEYS = ['match', 'class', 'kind', 'tool', 'fromTime', 'order', 'createdAt', 'id'] as const;
const FIELD_ORDER: readonly RuleField[] = [
  'rule',
  'match',
  'match.type',
  'match.host',
  'match.pattern',
  'match.pathPrefix',
  'class',
  'kind',
  'tool',
  'fromTime',
  'order',
  'createdAt',
  'id',
];

const ID = v.pipe(v.number(RULE_MESSAGES.id), v.safeInteger(RULE_MESSAGES.id), v.minValue(1, RULE_MESSAGES.id));

/** A person's rule: every field, its type, its limits and its message. `createdAt` absent stays undefined. */
function ruleSchema(engine: RegexEngine | null, range: InstantRange | null) {
  const fields = v.object({
    match: matchSchema(engine),
    class: v.picklist(CLASS_IDS, RULE_MESSAGES.classMissing),
    // No kind: null and '' say the same.
    kind: v.pipe(
      v.unknown(),
      v.transform((k) => (k === null || k === '' ? undefined : k)),
      v.optional(v.picklist(KIND_IDS, RULE_MESSAGES.kindUnknown)),
    ),
    tool: v.nullish(
      v.pipe(
        v.string(RULE_MESSAGES.toolType),
        v.trim(),
        // eslint-disable-next-line no-control-regex
        v.check((t) => !/[\u0000-\u001f\u007f]/.test(t), RULE_MESSAGES.toolChars),
        v.transform((t) => t.replace(/\s+/g, ' ')),
        v.maxLength(MAX_TOOL_NAME_LENGTH, RULE_MESSAGES.toolTooLong),
      ),
    ),
    fromTime: v.nullish(instant(RULE_MESSAGES.fromTime, range)),
    order: v.optional(v.pipe(v.number(RULE_MESSAGES.order), v.finite(RULE_MESSAGES.order)), 0),
    createdAt: v.optional(instant(RULE_MESSAGES.createdAt, range)),
    id: v.nullish(ID),
  });
  return v.pipe(
    v.custom<object>(isRecordInput, RULE_MESSAGES.notObject),
    ownFields(RULE_KEYS),
    fields,
    // A kind belongs to one class: checked even when another field is wrong, so every message shows at once.
    v.rawCheck<v.InferOutput<typeof fields>>(({ dataset, addIssue }) => {
      // Also when another field is wrong (the dataset then holds the values as given).
      const { class: cls, kind } = dataset.value as { class: unknown; kind: unknown };
      if (isClassName(cls) && isKindId(kind) && KINDS[kind].class !== cls) {
        addIssue({
          message: kindMessage(kind, cls),
          path: [
            {
              type: 'object',
              origin: 'value',
              input: dataset.value as Record<string, unknown>,
              key: 'kind',
              value: kind,
            },
          ],
        });
      }
    }),
  );
}

type RuleSchema = ReturnType<typeof ruleSchema>;

/** The schema of the last call's engine and range (imports validate thousands of rules with the same). */
let cached: { engine: RegexEngine | null; from: number | null; to: number | null; schema: RuleSchema } | null = null;

function schemaFor(engine: RegexEngine | null, range: InstantRange | null): RuleSchema {
  const from = range?.min ?? null;
  const to = range?.max ?? null;
  if (cached?.engine !== engine || cached.from !== from || cached.to !== to) {
    cached = { engine, from, to, schema: ruleSchema(engine, range) };
  }
  return cached.schema;
}

function kindMessage(kind: KindId, cls: ClassName): string {
  const meta = KINDS[kind];
  return `"${meta.name}" is a ${CLASS_META[meta.class].name.toLowerCase()} kind; choose a ${CLASS_META[cls].name.toLowerCase()} kind or change the class.`;
}

/** Validate a rule from any source; see the module comment. */
export function validateRule(input: unknown, options: ValidateRuleOptions = {}): RuleValidation {
  const engine = options.regexEngine === undefined ? loadedRegexEngine() : options.regexEngine;
  const result = v.safeParse(schemaFor(engine, options.instants ?? null), input);
  if (!result.success) {
    // The first message of each field, fields in a fixed order.
    const found = new Map<string, string>();
    for (const issue of result.issues) {
      const field = issue.path?.length ? issue.path.map((p) => String(p.key)).join('.') : 'rule';
      if (!found.has(field)) found.set(field, issue.message);
    }
    const errors: RuleErrors = {};
    for (const field of FIELD_ORDER) if (found.has(field)) errors[field] = found.get(field);
    return { ok: false, errors };
  }
  const r = result.output;
  const rule: UserRule = {
    order: r.order,
    match: r.match,
    class: r.class,
    createdAt: r.createdAt ?? options.now ?? Date.now(),
  };
  if (r.id !== undefined && r.id !== null) rule.id = r.id;
  if (r.kind !== undefined) rule.kind = r.kind;
  if (r.tool) rule.tool = r.tool;
  if (r.fromTime !== undefined && r.fromTime !== null) rule.fromTime = r.fromTime;
  return { ok: true, rule };
}

/** One line per error, e.g. for an alert or a log. */
export function formatRuleErrors(errors: RuleErrors): string {
  return Object.entries(errors)
    .map(([field, message]) => `${field}: ${message}`)
    .join('\n');
}
