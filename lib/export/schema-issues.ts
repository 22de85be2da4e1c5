/**
 * Field-precise messages from valibot issues for the file formats whose schemas carry complete
 * messages (the backup, the rules file). Each schema message names its field; what valibot reports
 * without one is said here: an unknown key (`unexpected field "x"`, with the object it is in) and a
 * missing key (the message the key's own schema gives for a missing value). Pure.
 */
import * as v from 'valibot';
import { isRecord } from './json';

type AnySchema = v.GenericSchema;

/** A key as quoted in messages (long keys cut at 40 characters). */
export function quoteKey(key: unknown): string {
  const k = String(key);
  return JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k);
}

/** An object that accepts only records (not arrays, not null), with `message` for anything else. */
export function record(message: string) {
  return v.custom<Record<string, unknown>>(isRecord, message);
}

/** The object schema at `keys` below `schema` (through pipes and optional wrappers), if any. */
function schemaAt(schema: AnySchema, keys: readonly unknown[]): AnySchema | undefined {
  let s: AnySchema | undefined = schema;
  for (const key of keys) {
    s = unwrap(s);
    const entries = s && 'entries' in s ? (s.entries as Record<string, AnySchema>) : undefined;
    s = entries && typeof key === 'string' ? entries[key] : undefined;
    if (!s) return undefined;
  }
  return unwrap(s);
}

function unwrap(s: AnySchema | undefined): AnySchema | undefined {
  let cur: AnySchema | undefined = s;
  for (let i = 0; i < 8 && cur; i++) {
    if ('pipe' in cur && Array.isArray(cur.pipe)) {
      const inner = (cur.pipe as AnySchema[]).find((p) => p !== cur && p.kind === 'schema' && 'entries' in p);
      if (inner) {
        cur = inner;
        continue;
      }
    }
    if ('wrapped' in cur) {
      cur = cur.wrapped as AnySchema;
      continue;
    }
    break;
  }
  return cur;
}

export interface IssueWords {
  /** `unexpected field "x"` for an unknown key; `path` names the object it is in ([] at the top). */
  stray: (key: string, path: readonly string[]) => string;
}

/** The message of the first issue of `schema` on `input` (abort early), or null when `input` is valid. */
export function firstIssue<S extends AnySchema>(
  schema: S,
  input: unknown,
  words: IssueWords,
): { ok: true; output: v.InferOutput<S> } | { ok: false; message: string } {
  const result = v.safeParse(schema, input, { abortEarly: true });
  if (result.success) return { ok: true, output: result.output };
  const issue = result.issues[0];
  const keys = (issue.path ?? []).map((p) => p.key);
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    return { ok: false, message: words.stray(quoteKey(keys[keys.length - 1]), keys.slice(0, -1).map(String)) };
  }
  if (
    (issue.type === 'strict_object' || issue.type === 'object') &&
    issue.kind === 'schema' &&
    issue.received === 'undefined' &&
    keys.length > 0
  ) {
    // A missing key: say what the key's own schema says of a missing value.
    const entry = schemaAt(schema, keys);
    const missing = entry ? v.safeParse(entry, undefined, { abortEarly: true }) : undefined;
    if (missing && !missing.success) return { ok: false, message: missing.issues[0].message };
  }
  return { ok: false, message: issue.message };
}
