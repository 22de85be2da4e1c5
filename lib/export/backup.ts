/**
 * Full backup of the person's data, as one JSON file, and its all-or-nothing validation. Pure.
 * Storage (reading the tables, the atomic restore) is lib/db/backup.ts.
 *
 * File (format "creative-ratio-backup", version 3):
 *   { "format", "version", "schemaVersion" (the database schema version it was read from),
 *     "exportedAt" (ISO instant),
 *     "counts": { segments, rules, settings, reviews, plans, meetings, meetingSkips },
 *     "data": { "segments": [...], "rules": [...], "settings": [...], "reviews": [...], "plans": [...],
 *               "meetings": [...], "meetingSkips": [...] },
 *     "checksum": "fnv1a64:<16 hex digits>" }
 * Version 2 (before calendar meetings were backed up) is the same without "meetings" and
 * "meetingSkips"; version 1 (before focus plans) also without "plans". Both are still read and
 * restore none of what they lack. Which database tables are deliberately left out, and why, is
 * listed in lib/db/backup.ts (NOT_BACKED_UP; a test fails when a table is in neither list).
 *
 * Rows are written in a canonical form: known fields only, in a fixed order, one row per line.
 * The checksum is FNV-1a 64 over the canonical rows, each table introduced by its name:
 *   "segments\n" + row + "\n" + row + "\n" … + "rules\n" + … + "settings\n" + … + "reviews\n" + … + "plans\n" + …
 *   + "meetings\n" + … + "meetingSkips\n" + …
 * so it survives re-indenting the file but not any change of a value. On restore every row is
 * validated, rebuilt canonically from its checked fields (never spread from the parsed JSON) and
 * hashed again; the checksum must match. The settings row is hashed with the settings the file
 * names only: a setting added to Creative Ratio after the backup was made gets its default on
 * restore without breaking the checksum of an older file.
 *
 * The file is produced in parts (`BackupWriter`), so a large backup becomes a Blob of many
 * strings rather than one giant intermediate string.
 */
import { validateRule, formatRuleErrors } from '@/lib/classify/validate-rule';
import { copyMatch } from '@/lib/classify/rules-io';
import { MAX_UNANCHORED_REGEX_RULES, UNANCHORED_REGEX_MESSAGE, unanchoredRegexCount } from '@/lib/classify/match';
import { CLASS_IDS, KIND_IDS } from '@/lib/classify/kinds';
import type { UserRule } from '@/lib/classify/types';
import type { Segment } from '@/lib/model';
import { sanitizeSettings, type Settings } from '@/lib/settings';
import { Fnv1a64 } from './checksum';
import * as v from 'valibot';
import { count, isRecord, own } from './json';
import { firstIssue, record } from './schema-issues';
import { isDayKey } from '@/lib/time/days';
import { isPlausibleInstant, plausibleRange, rangeText, type InstantRange } from '@/lib/time/plausible';
import { FOCUS_KINDS, type PlanBlock } from '@/lib/plan/types';
import { MAX_INTENT_CHARS, MAX_PLAN_BLOCKS } from '@/lib/db/plans';
import type { StoredMeeting } from '@/lib/calendar/meeting-fingerprints';
import { isManualGroupId } from '@/lib/calendar/manual-block';

export const BACKUP_FORMAT = 'creative-ratio-backup';
/** 2: focus plans added; 3: calendar meetings and skipped occurrences added (older files are still read). */
export const BACKUP_FORMAT_VERSION = 3;
/** Largest backup read, in characters (≈ bytes: backups are mostly ASCII). */
export const MAX_BACKUP_CHARS = 200_000_000;
export const MAX_BACKUP_SEGMENTS = 2_000_000;
export const MAX_BACKUP_RULES = 5_000;
export const MAX_BACKUP_REVIEWS = 10_000;
/** Focus plans (one per week): 10,000 weeks, like the review notes. */
export const MAX_BACKUP_PLANS = 10_000;
/** Calendar meetings: ten subscriptions of 50,000 occurrences each, and as many again from files. */
export const MAX_BACKUP_MEETINGS = 1_000_000;
/** Skipped occurrences: at most one per meeting. */
export const MAX_BACKUP_MEETING_SKIPS = MAX_BACKUP_MEETINGS;
/**
 * A kept meeting title (an event's summary is not cut at import) and its word-run fingerprints
 * (at most 4 runs per word, each also without a plural "s": 8 per word, a word every 2 characters).
 */
export const MAX_MEETING_TITLE_CHARS = 10_000;
export const MAX_MEETING_WORDS = 4 * MAX_MEETING_TITLE_CHARS;
/** Same as cleanBlocks (lib/db/plans.ts). */
const MAX_BLOCK_ID_CHARS = 100;
const MAX_BLOCK_MS = 24 * 60 * 60 * 1000;
/** Same limit as saveReview. */
export const MAX_NOTE_CHARS = 20_000;
const MAX_HOST_CHARS = 253;
const MAX_PATH_CHARS = 2_000;
const MAX_LABEL_CHARS = 200;
const MAX_IMPORT_ID_CHARS = 300;
/** Longest stretch accepted in one segment (segments are split at local midnight; calendar events are shorter). */
const MAX_SEGMENT_MS = 7 * 24 * 60 * 60 * 1000;
/** Rows per written part. */
const ROWS_PER_PART = 2_000;

export const BACKUP_TABLES = ['segments', 'rules', 'settings', 'reviews', 'plans', 'meetings', 'meetingSkips'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];
/** The tables a file of each format version holds, in file (and checksum) order. */
const TABLES_OF_VERSION: Record<number, readonly BackupTable[]> = {
  1: BACKUP_TABLES.slice(0, 4),
  2: BACKUP_TABLES.slice(0, 5),
  3: BACKUP_TABLES,
};

/** The settings row as stored (`settings` table, key 'settings'). */
export interface BackupSettingsRow {
  key: 'settings';
  value: Settings;
}

/** A review note as stored (`reviews` table). */
export interface BackupReviewRow {
  week: string;
  note: string;
  updatedAt: number;
}

/** A week's focus plan as stored (`plans` table; lib/db/plans.ts). */
export interface BackupPlanRow {
  week: string;
  blocks: PlanBlock[];
  intent: string;
  updatedAt: number;
}

/** A calendar meeting as stored (`meetings` table; fingerprints only, lib/calendar/meeting-fingerprints.ts). */
export interface BackupMeetingRow extends StoredMeeting {
  id?: number;
}

/** An occurrence marked "I skipped this one" (`meetingSkips` table, keyed by `occ`; lib/db/meetings.ts). */
export interface BackupMeetingSkipRow {
  occ: string;
  start: number;
  end: number;
  at: number;
}

export interface BackupTables {
  segments: Segment[];
  rules: UserRule[];
  settings: BackupSettingsRow[];
  reviews: BackupReviewRow[];
  plans: BackupPlanRow[];
  meetings: BackupMeetingRow[];
  meetingSkips: BackupMeetingSkipRow[];
}

export type BackupCounts = Record<BackupTable, number>;

/** Zero rows of every table. */
export function emptyCounts(): BackupCounts {
  return Object.fromEntries(BACKUP_TABLES.map((t) => [t, 0])) as BackupCounts;
}

export interface ParsedBackup {
  version: number;
  schemaVersion: number;
  /** ISO instant the backup was made. */
  exportedAt: string;
  counts: BackupCounts;
  checksum: string;
  tables: BackupTables;
}

/** A problem with a backup file; `table` and `index` (0-based row index) point at the failing row. */
export interface BackupError {
  message: string;
  table?: BackupTable;
  index?: number;
}

export type BackupParse = { ok: true; backup: ParsedBackup } | { ok: false; error: BackupError };

// ---------- the rows' schemas (valibot: checked input → fresh object, canonical key order) ----------

type RowCheck<T> = { ok: true; row: T } | { ok: false; message: string };

/** Messages complete `Segment #3 (index 2): …` and name their field; see lib/export/schema-issues.ts. */
const ROW_WORDS = {
  stray: (key: string, path: readonly string[]) =>
    `unexpected field ${key}${path.length > 0 ? ` in "${path.join('.')}"` : ''}`,
};
const NOT_AN_OBJECT = 'it is not an object';

/** `"start" must be a time between 2000-01-01 and …` (every instant in a backup lies in the plausible range). */
function timeMessage(field: string, range: InstantRange): string {
  return `"${field}" must be a time (epoch milliseconds) ${rangeText(range)}`;
}

const instant = (field: string, range: InstantRange) =>
  v.pipe(
    v.number(timeMessage(field, range)),
    v.check((t) => isPlausibleInstant(t, range), timeMessage(field, range)),
  );

/** A yyyy-MM-dd key whose day lies in the plausible range. */
const plausibleDay = (field: string, range: InstantRange) =>
  v.pipe(
    v.string(`"${field}" must be a date written yyyy-MM-dd`),
    v.check((d: string) => isDayKey(d), `"${field}" must be a date written yyyy-MM-dd`),
    v.check(
      (d) =>
        isPlausibleInstant(Date.parse(`${d}T12:00:00Z`), { min: range.min - 86_400_000, max: range.max + 86_400_000 }),
      `"${field}" must be a date ${rangeText(range)}`,
    ),
  );

const text = (field: string, max: number) =>
  v.pipe(
    v.string(`"${field}" must be text of at most ${count(max)} characters`),
    v.maxLength(max, `"${field}" must be text of at most ${count(max)} characters`),
  );

const ID = '"id" must be a positive whole number';
const rowId = v.pipe(v.number(ID), v.safeInteger(ID), v.minValue(1, ID));

/** A stored segment (key order: id, start, end, day, host, path, source, lane, label, override, importId). */
function segmentSchema(range: InstantRange) {
  const IMPORT_ID = '"importId" must be non-empty text';
  const fields = v.strictObject(
    {
      id: v.optional(rowId),
      start: instant('start', range),
      end: instant('end', range),
      day: plausibleDay('day', range),
      host: text('host', MAX_HOST_CHARS),
      path: text('path', MAX_PATH_CHARS),
      source: v.picklist(['browser', 'calendar', 'manual'], '"source" must be "browser", "calendar" or "manual"'),
      lane: v.picklist(['focus', 'call'], '"lane" must be "focus" or "call"'),
      label: v.optional(text('label', MAX_LABEL_CHARS)),
      override: v.optional(
        v.pipe(
          record('"override" must be an object with a class'),
          v.strictObject({
            class: v.picklist(CLASS_IDS, 'the override has an unknown class'),
            kind: v.optional(v.picklist(KIND_IDS, 'the override has an unknown kind')),
          }),
        ),
      ),
      importId: v.optional(
        v.pipe(v.string(IMPORT_ID), v.minLength(1, IMPORT_ID), v.maxLength(MAX_IMPORT_ID_CHARS, IMPORT_ID)),
      ),
    },
    NOT_AN_OBJECT,
  );
  return v.pipe(
    record(NOT_AN_OBJECT),
    fields,
    v.check((s) => s.end > s.start, '"end" must be after "start"'),
    v.check((s) => s.end - s.start <= MAX_SEGMENT_MS, 'the segment is longer than a week'),
  );
}

/**
 * A stored rule: the row's own fields here, the rule itself through validateRule (the one rule
 * validator: editor, rules file, classifier), rebuilt in canonical key order.
 */
function ruleSchema(range: InstantRange) {
  // validateRule says what is wrong with a rule's own fields (a missing match or class included).
  const fields = v.strictObject(
    {
      id: v.optional(v.unknown()),
      order: v.number('"order" must be a number'),
      match: v.optional(v.unknown()),
      class: v.optional(v.unknown()),
      kind: v.optional(v.unknown()),
      tool: v.optional(v.unknown()),
      fromTime: v.optional(v.unknown()),
      createdAt: instant('createdAt', range),
    },
    NOT_AN_OBJECT,
  );
  return v.pipe(
    record(NOT_AN_OBJECT),
    v.rawCheck(({ dataset, addIssue }) => {
      // createdAt before order: a rule without createdAt is reported as such, whatever else it has.
      const input = dataset.value as Record<string, unknown>;
      if (!isPlausibleInstant(own(input, 'createdAt'), range)) addIssue({ message: timeMessage('createdAt', range) });
    }),
    fields,
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const result = validateRule(dataset.value, { instants: range });
      if (!result.ok) {
        addIssue({ message: formatRuleErrors(result.errors).replace(/\n/g, '; ') });
        return NEVER;
      }
      const r = result.rule;
      const out = (r.id !== undefined ? { id: r.id, order: r.order } : { order: r.order }) as UserRule;
      out.match = copyMatch(r.match);
      out.class = r.class;
      if (r.kind !== undefined) out.kind = r.kind;
      if (r.tool !== undefined) out.tool = r.tool;
      if (r.fromTime !== undefined) out.fromTime = r.fromTime;
      out.createdAt = r.createdAt;
      return out;
    }),
  );
}

/** The settings row; its value through sanitizeSettings (invalid values fall back to defaults). */
const settingsSchema = v.pipe(
  record(NOT_AN_OBJECT),
  v.strictObject(
    {
      key: v.literal('settings', '"key" must be "settings"'),
      value: v.pipe(
        record('"value" must be an object'),
        v.transform((value) => sanitizeSettings(value)),
      ),
    },
    NOT_AN_OBJECT,
  ),
);

function reviewSchema(range: InstantRange) {
  return v.pipe(
    record(NOT_AN_OBJECT),
    v.strictObject(
      {
        week: plausibleDay('week', range),
        note: text('note', MAX_NOTE_CHARS),
        updatedAt: instant('updatedAt', range),
      },
      NOT_AN_OBJECT,
    ),
  );
}

/**
 * A week's focus plan: the week (its first day), at most 40 blocks of at most a day each with
 * distinct ids and a known kind, the "next week I will…" intent and when it was last changed.
 */
function planSchema(range: InstantRange) {
  const BLOCK = 'each block must be an object with id, start, end and kind';
  const BLOCK_ID = `a block's "id" must be text of 1 to ${MAX_BLOCK_ID_CHARS} characters`;
  const block = v.pipe(
    record(BLOCK),
    v.strictObject(
      {
        id: v.pipe(v.string(BLOCK_ID), v.minLength(1, BLOCK_ID), v.maxLength(MAX_BLOCK_ID_CHARS, BLOCK_ID)),
        start: instant('start', range),
        end: instant('end', range),
        kind: v.picklist(FOCUS_KINDS, `a block's "kind" must be one of ${FOCUS_KINDS.join(', ')}`),
      },
      BLOCK,
    ),
    v.check((b) => b.end > b.start, 'a block\'s "end" must be after its "start"'),
    v.check((b) => b.end - b.start <= MAX_BLOCK_MS, 'a block is longer than a day'),
  );
  const BLOCKS = `"blocks" must be a list of at most ${MAX_PLAN_BLOCKS} blocks`;
  return v.pipe(
    record(NOT_AN_OBJECT),
    v.strictObject(
      {
        week: plausibleDay('week', range),
        blocks: v.pipe(
          v.array(block, BLOCKS),
          v.maxLength(MAX_PLAN_BLOCKS, BLOCKS),
          v.check((list) => new Set(list.map((b) => b.id)).size === list.length, 'two blocks have the same "id"'),
        ),
        intent: text('intent', MAX_INTENT_CHARS),
        updatedAt: instant('updatedAt', range),
      },
      NOT_AN_OBJECT,
    ),
  );
}

const FINGERPRINT = /^[0-9a-f]{16}$/;
/** A fingerprint (16 hex digits, lib/calendar/meeting-fingerprints.ts), or '' where `empty` allows it. */
const fingerprint = (field: string, empty = false) => {
  const message = `"${field}" must be a fingerprint (16 hex digits)${empty ? ' or ""' : ''}`;
  return v.pipe(
    v.string(message),
    v.check((f) => FINGERPRINT.test(f) || (empty && f === ''), message),
  );
};

/** Key order: id, importId, start, end, occ, series, org, orgDomain, words, title, override. */
function meetingSchema(range: InstantRange) {
  const IMPORT_ID = `"importId" must be a calendar import id (text of 1 to ${MAX_IMPORT_ID_CHARS} characters)`;
  const WORDS = `"words" must be a list of at most ${count(MAX_MEETING_WORDS)} fingerprints (16 hex digits)`;
  const OVERRIDE = '"override" must be an object with a class, "creative" or "coordination"';
  return v.pipe(
    record(NOT_AN_OBJECT),
    v.strictObject(
      {
        id: v.optional(rowId),
        importId: v.pipe(
          v.string(IMPORT_ID),
          v.minLength(1, IMPORT_ID),
          v.maxLength(MAX_IMPORT_ID_CHARS, IMPORT_ID),
          v.check((id) => !isManualGroupId(id), IMPORT_ID),
        ),
        start: instant('start', range),
        end: instant('end', range),
        occ: fingerprint('occ'),
        series: fingerprint('series', true),
        org: fingerprint('org', true),
        orgDomain: fingerprint('orgDomain', true),
        words: v.pipe(
          v.array(v.pipe(v.string(WORDS), v.regex(FINGERPRINT, WORDS)), WORDS),
          v.maxLength(MAX_MEETING_WORDS, WORDS),
        ),
        title: v.optional(text('title', MAX_MEETING_TITLE_CHARS)),
        override: v.pipe(
          record(OVERRIDE),
          v.strictObject(
            {
              class: v.picklist(['creative', 'coordination'], OVERRIDE),
              kind: v.optional(v.picklist(KIND_IDS, 'the override has an unknown kind')),
            },
            OVERRIDE,
          ),
        ),
      },
      NOT_AN_OBJECT,
    ),
    v.check((m) => m.end > m.start, '"end" must be after "start"'),
    v.check((m) => m.end - m.start <= MAX_SEGMENT_MS, 'the meeting is longer than a week'),
  );
}

/** "I skipped this one": the occurrence key, when the occurrence lies (its earliest start, latest end), when it was marked. */
function meetingSkipSchema(range: InstantRange) {
  return v.pipe(
    record(NOT_AN_OBJECT),
    v.strictObject(
      {
        occ: fingerprint('occ'),
        start: instant('start', range),
        end: instant('end', range),
        at: instant('at', range),
      },
      NOT_AN_OBJECT,
    ),
    v.check((s) => s.end > s.start, '"end" must be after "start"'),
  );
}

/** The row schemas of one plausible range (built once per backup read or write). */
function rowSchemas(range: InstantRange) {
  return {
    segments: segmentSchema(range),
    rules: ruleSchema(range),
    settings: settingsSchema,
    reviews: reviewSchema(range),
    plans: planSchema(range),
    meetings: meetingSchema(range),
    meetingSkips: meetingSkipSchema(range),
  };
}
type RowSchemas = ReturnType<typeof rowSchemas>;

let cachedSchemas: { min: number; max: number; schemas: RowSchemas } | null = null;
function schemasFor(range: InstantRange): RowSchemas {
  if (cachedSchemas?.min !== range.min || cachedSchemas.max !== range.max)
    cachedSchemas = { min: range.min, max: range.max, schemas: rowSchemas(range) };
  return cachedSchemas.schemas;
}

function check<T>(schema: v.GenericSchema<unknown, T>, input: unknown): RowCheck<T> {
  const r = firstIssue(schema, input, ROW_WORDS);
  return r.ok ? { ok: true, row: r.output } : { ok: false, message: r.message };
}

/** valibot keeps an optional key given as undefined (from a stored row); the backup leaves it out. */
function withoutUndefined<T extends { override?: { kind?: unknown } }>(
  checked: RowCheck<T>,
  keys: readonly string[],
): RowCheck<T> {
  if (!checked.ok) return checked;
  const row = checked.row as T & Record<string, unknown>;
  for (const key of keys) if (row[key] === undefined) delete row[key];
  if (row.override?.kind === undefined) delete row.override?.kind;
  return checked;
}

/** A segment rebuilt from checked fields, or why it is invalid. */
export function checkSegmentRow(input: unknown, range: InstantRange = plausibleRange(Date.now())): RowCheck<Segment> {
  return withoutUndefined(check(schemasFor(range).segments, input), ['id', 'label', 'override', 'importId']);
}

/** A calendar meeting rebuilt from checked fields (fingerprints only), or why it is invalid. */
export function checkMeetingRow(
  input: unknown,
  range: InstantRange = plausibleRange(Date.now()),
): RowCheck<BackupMeetingRow> {
  return withoutUndefined(check(schemasFor(range).meetings, input), ['id', 'title']);
}

/** Any table's row, checked and rebuilt canonically. */
function checkRow(table: BackupTable, input: unknown, range: InstantRange): RowCheck<object> {
  if (table === 'segments') return checkSegmentRow(input, range);
  if (table === 'meetings') return checkMeetingRow(input, range);
  return check(schemasFor(range)[table] as v.GenericSchema<unknown, object>, input);
}

/** A rule through validateRule (which rebuilds it from known fields), in canonical key order. */
export function checkRuleRow(input: unknown, range: InstantRange = plausibleRange(Date.now())): RowCheck<UserRule> {
  return check(schemasFor(range).rules, input);
}

/** The settings row, its value through sanitizeSettings (invalid values fall back to defaults). */
export function checkSettingsRow(input: unknown): RowCheck<BackupSettingsRow> {
  return check(settingsSchema, input) as RowCheck<BackupSettingsRow>;
}

export function checkReviewRow(
  input: unknown,
  range: InstantRange = plausibleRange(Date.now()),
): RowCheck<BackupReviewRow> {
  return check(schemasFor(range).reviews, input);
}

export function checkPlanRow(
  input: unknown,
  range: InstantRange = plausibleRange(Date.now()),
): RowCheck<BackupPlanRow> {
  return check(schemasFor(range).plans, input);
}

// ---------- writing ----------

const ROW_NAME: Record<BackupTable, string> = {
  segments: 'Segment',
  rules: 'Rule',
  settings: 'Settings row',
  reviews: 'Review note',
  plans: 'Focus plan',
  meetings: 'Calendar meeting',
  meetingSkips: 'Skipped meeting',
};

/** "Segment #12 (index 11)". */
export function rowLabel(table: BackupTable, index: number): string {
  return `${ROW_NAME[table]} #${count(index + 1)} (index ${index})`;
}

export interface BackupMeta {
  /** Epoch ms of the backup. */
  now: number;
  /** The database schema version the rows were read from. */
  schemaVersion: number;
  counts: BackupCounts;
}

export interface SerializedBackup {
  /** The file's text in parts, in order (hand them to `new Blob(parts)`). */
  parts: string[];
  counts: BackupCounts;
  checksum: string;
  /** Total length in characters. */
  chars: number;
}

/**
 * Writes a backup table by table, rows in batches, so callers can read rows page by page.
 * The counts are written first, so they must be known; `finish` checks them.
 */
export class BackupWriter {
  private readonly parts: string[] = [];
  private readonly hash = new Fnv1a64();
  private readonly written: BackupCounts = emptyCounts();
  private table: BackupTable | null = null;
  private pending: string[] = [];
  private chars = 0;
  private done = false;

  constructor(private readonly meta: BackupMeta) {
    const head = {
      format: BACKUP_FORMAT,
      version: BACKUP_FORMAT_VERSION,
      schemaVersion: meta.schemaVersion,
      exportedAt: new Date(meta.now).toISOString(),
      counts: Object.fromEntries(BACKUP_TABLES.map((t) => [t, meta.counts[t]])),
    };
    this.push(`${JSON.stringify(head).slice(0, -1)},\n"data":{`);
  }

  private push(text: string): void {
    this.parts.push(text);
    this.chars += text.length;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const first = this.written[this.table!] === this.pending.length;
    this.push(`${first ? '\n' : ',\n'}${this.pending.join(',\n')}`);
    this.pending = [];
  }

  /** Start the next table (in BACKUP_TABLES order). */
  begin(table: BackupTable): void {
    if (this.done) throw new Error('The backup is already finished.');
    const next = BACKUP_TABLES[this.table === null ? 0 : BACKUP_TABLES.indexOf(this.table) + 1];
    if (table !== next) throw new Error(`Tables must be written in order: expected ${String(next)}.`);
    if (this.table !== null) this.end();
    this.table = table;
    this.hash.update(`${table}\n`);
    this.push(`${table === 'segments' ? '' : ','}\n"${table}":[`);
  }

  private end(): void {
    this.flush();
    this.push(this.written[this.table!] > 0 ? '\n]' : ']');
  }

  /** Add canonical rows (already checked) to the current table. */
  rows(rows: readonly object[]): void {
    if (this.table === null || this.done) throw new Error('Call begin() first.');
    for (const row of rows) {
      const json = JSON.stringify(row);
      this.hash.update(json).update('\n');
      this.pending.push(json);
      this.written[this.table] += 1;
      if (this.pending.length >= ROWS_PER_PART) this.flush();
    }
  }

  finish(): SerializedBackup {
    for (const t of BACKUP_TABLES.slice(this.table === null ? 0 : BACKUP_TABLES.indexOf(this.table) + 1)) this.begin(t);
    this.end();
    this.done = true;
    for (const t of BACKUP_TABLES) {
      if (this.written[t] !== this.meta.counts[t])
        throw new Error(
          `The backup has ${this.written[t]} ${t} rows, not ${this.meta.counts[t]}: the data changed while it was read.`,
        );
    }
    const checksum = `fnv1a64:${this.hash.digest()}`;
    this.push(`\n},\n"checksum":${JSON.stringify(checksum)}}\n`);
    return { parts: this.parts, counts: { ...this.written }, checksum, chars: this.chars };
  }
}

export interface SkippedRow {
  table: BackupTable;
  index: number;
  message: string;
}

/**
 * Canonical rows of stored data for a backup. Rows that would not pass the restore's checks are
 * left out (and reported), so every backup made can be restored.
 */
export function canonicalRows<T extends BackupTable>(
  table: T,
  rows: readonly unknown[],
  offset = 0,
  skipped: SkippedRow[] = [],
  now: number = Date.now(),
): BackupTables[T] {
  const out: object[] = [];
  const range = plausibleRange(now);
  rows.forEach((row, i) => {
    const checked = checkRow(table, row, range);
    if (checked.ok) out.push(checked.row);
    else skipped.push({ table, index: offset + i, message: checked.message });
  });
  return out as BackupTables[T];
}

/** Tables a caller of serializeBackup may leave out (they are then empty). */
type OptionalTables = 'plans' | 'meetings' | 'meetingSkips';

/**
 * The whole backup from tables held in memory (tests, small data). Invalid rows are left out.
 * `plans`, `meetings` and `meetingSkips` may be left out (none).
 */
export function serializeBackup(
  tables: Omit<BackupTables, OptionalTables> & Partial<Pick<BackupTables, OptionalTables>>,
  meta: { now: number; schemaVersion: number },
): SerializedBackup & { skipped: SkippedRow[] } {
  const skipped: SkippedRow[] = [];
  const rows = Object.fromEntries(
    BACKUP_TABLES.map((t) => [t, canonicalRows(t, tables[t] ?? [], 0, skipped, meta.now)]),
  ) as unknown as BackupTables;
  const w = new BackupWriter({
    ...meta,
    counts: Object.fromEntries(BACKUP_TABLES.map((t) => [t, rows[t].length])) as BackupCounts,
  });
  for (const t of BACKUP_TABLES) {
    w.begin(t);
    w.rows(rows[t]);
  }
  return { ...w.finish(), skipped };
}

/** `creative-ratio-backup-<yyyy-MM-dd>.json` (local date). */
export function backupFileName(now: number): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `creative-ratio-backup-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.json`;
}

// ---------- reading ----------

class Invalid extends Error {
  constructor(readonly error: BackupError) {
    super(error.message);
  }
}

function fail(message: string, table?: BackupTable, index?: number): never {
  throw new Invalid(table === undefined ? { message } : { message, table, index });
}

const LIMITS: Record<BackupTable, number> = {
  segments: MAX_BACKUP_SEGMENTS,
  rules: MAX_BACKUP_RULES,
  settings: 1,
  reviews: MAX_BACKUP_REVIEWS,
  plans: MAX_BACKUP_PLANS,
  meetings: MAX_BACKUP_MEETINGS,
  meetingSkips: MAX_BACKUP_MEETING_SKIPS,
};

export interface ParseBackupOptions {
  /** The newest database schema this build knows (CreativeRatioDB's version); newer backups are refused. */
  schemaVersion: number;
  /** "Now" for the plausible range of every instant in the file (2000 … now + 1 year; default Date.now()). */
  now?: number;
}

const wholeNumber = (message: string) => v.pipe(v.number(message), v.integer(message), v.minValue(0, message));
const table = (t: BackupTable) =>
  v.array(v.unknown(), (issue) =>
    issue.received === 'undefined' ? `The backup has no "${t}" table.` : `"${t}" must be a list of rows.`,
  );

/** The file around the rows of one format version (format and version are checked before, with their own words). */
function envelopeSchema(tables: readonly BackupTable[]) {
  return v.strictObject({
    format: v.literal(BACKUP_FORMAT),
    version: v.number(),
    schemaVersion: v.pipe(
      v.number('The backup has an invalid "schemaVersion".'),
      v.integer('The backup has an invalid "schemaVersion".'),
      v.minValue(1, 'The backup has an invalid "schemaVersion".'),
    ),
    exportedAt: v.pipe(
      v.string('The backup has an invalid "exportedAt" date.'),
      v.maxLength(40, 'The backup has an invalid "exportedAt" date.'),
      v.check((d) => !Number.isNaN(Date.parse(d)), 'The backup has an invalid "exportedAt" date.'),
    ),
    checksum: v.pipe(
      v.string('The backup has no valid "checksum" (it may be cut short).'),
      v.regex(/^fnv1a64:[0-9a-f]{16}$/, 'The backup has no valid "checksum" (it may be cut short).'),
    ),
    counts: v.pipe(
      record('The backup has no "counts".'),
      v.strictObject(
        Object.fromEntries(tables.map((t) => [t, wholeNumber(`"counts.${t}" must be a whole number.`)])) as Record<
          BackupTable,
          ReturnType<typeof wholeNumber>
        >,
      ),
    ),
    data: v.pipe(
      record('The backup has no "data".'),
      v.strictObject(
        Object.fromEntries(tables.map((t) => [t, table(t)])) as Record<BackupTable, ReturnType<typeof table>>,
      ),
    ),
  });
}
const ENVELOPES = new Map(Object.entries(TABLES_OF_VERSION).map(([k, t]) => [Number(k), envelopeSchema(t)]));

/**
 * The settings row as hashed on restore: the checked (sanitised) row with only the settings the file
 * names. A setting that did not exist when the file was written gets its default but is not hashed;
 * a stray key in the file is dropped and not hashed either.
 */
function hashedSettings(raw: unknown, row: BackupSettingsRow): object {
  const named = isRecord(raw) && isRecord(raw.value) ? raw.value : {};
  const value = Object.fromEntries(Object.entries(row.value).filter(([k]) => Object.hasOwn(named, k)));
  return { key: row.key, value };
}

/** The key no two rows of a table may share (none for a row without one: a segment or rule with no id). */
const ROW_KEY: Record<BackupTable, (row: { id?: number; week?: string; occ?: string }) => number | string | undefined> =
  {
    segments: (r) => r.id,
    rules: (r) => r.id,
    settings: () => 'settings',
    reviews: (r) => r.week,
    plans: (r) => r.week,
    meetings: (r) => r.id,
    meetingSkips: (r) => r.occ,
  };

/** What a second row with the same key is, per table. */
const SAME_KEY: Record<BackupTable, (key: string) => string> = {
  segments: (id) => `the id ${id} is used twice`,
  rules: (id) => `the id ${id} is used twice`,
  settings: () => 'a second settings row',
  reviews: (week) => `a second note for the week ${week}`,
  plans: (week) => `a second plan for the week ${week}`,
  meetings: (id) => `the id ${id} is used twice`,
  meetingSkips: (occ) => `the occurrence ${occ} is marked skipped twice`,
};

const ENVELOPE_WORDS = {
  stray: (key: string, path: readonly string[]) =>
    path.length === 0 ? `Unexpected field ${key} in the backup.` : `Unexpected table ${key} in "${path.join('.')}".`,
};

function readBackup(text: string, options: ParseBackupOptions): ParsedBackup {
  if (typeof text !== 'string') fail('The file could not be read as text.');
  if (text.length > MAX_BACKUP_CHARS) fail(`The file is too large (over ${MAX_BACKUP_CHARS / 1_000_000} MB).`);
  if (text.trim() === '') fail('The file is empty.');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    fail('This is not a backup: it is not valid JSON (the file may be cut short).');
  }
  if (!isRecord(doc)) fail('This is not a backup: expected a JSON object.');
  const fmt = own(doc, 'format');
  if (fmt !== BACKUP_FORMAT) {
    if (fmt === 'creative-ratio-team')
      fail('This is a team export (weekly totals only), not a backup: it cannot be restored.');
    if (fmt === 'creative-ratio-rules')
      fail('This is a rules file, not a backup. Import it under Classification rules.');
    fail(
      fmt === undefined
        ? 'This is not a Creative Ratio backup ("format" is missing).'
        : `This is not a Creative Ratio backup (format ${JSON.stringify(String(fmt).slice(0, 40))}).`,
    );
  }
  const version = own(doc, 'version');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    fail('The backup has an invalid "version".');
  if (version > BACKUP_FORMAT_VERSION)
    fail(
      `This backup was made by a newer version of Creative Ratio (format version ${version}). Update the extension to restore it.`,
    );
  const inFile = TABLES_OF_VERSION[version]!;
  const envelope = firstIssue(ENVELOPES.get(version)!, doc, ENVELOPE_WORDS);
  if (!envelope.ok) fail(envelope.message);
  const { schemaVersion, exportedAt, checksum, counts: countsInFile, data: lists } = envelope.output;
  // Tables an older format did not have are empty.
  const counts = Object.fromEntries(BACKUP_TABLES.map((t) => [t, countsInFile[t] ?? 0])) as BackupCounts;
  if (schemaVersion > options.schemaVersion) {
    fail(
      `This backup comes from a newer database (schema version ${schemaVersion}; this extension has ${options.schemaVersion}). Update the extension to restore it.`,
    );
  }
  for (const t of inFile) {
    const list = lists[t];
    if (list.length > LIMITS[t])
      fail(`The backup has ${count(list.length)} ${t} rows; at most ${count(LIMITS[t])} can be restored.`, t);
    if (list.length !== counts[t])
      fail(
        `The backup says it has ${count(counts[t])} ${t} rows but holds ${count(list.length)} (it may be cut short or edited).`,
        t,
      );
  }

  const hash = new Fnv1a64();
  const tables = Object.fromEntries(BACKUP_TABLES.map((t) => [t, []])) as unknown as BackupTables;
  const range = plausibleRange(options.now ?? Date.now());
  for (const t of inFile) {
    hash.update(`${t}\n`);
    const rows: object[] = [];
    const ids = new Set<number | string>();
    const list = lists[t];
    for (let i = 0; i < list.length; i++) {
      const checked = checkRow(t, list[i], range);
      if (!checked.ok) fail(`${rowLabel(t, i)}: ${checked.message}.`, t, i);
      const row = checked.row as { id?: number; week?: string; occ?: string };
      const key = ROW_KEY[t](row);
      if (key !== undefined) {
        if (ids.has(key)) fail(`${rowLabel(t, i)}: ${SAME_KEY[t](String(key))}.`, t, i);
        ids.add(key);
      }
      const hashed = t === 'settings' ? hashedSettings(list[i], row as unknown as BackupSettingsRow) : row;
      hash.update(JSON.stringify(hashed)).update('\n');
      rows.push(row);
    }
    (tables as unknown as Record<BackupTable, object[]>)[t] = rows;
  }
  if (unanchoredRegexCount(tables.rules) > MAX_UNANCHORED_REGEX_RULES)
    fail(`${UNANCHORED_REGEX_MESSAGE} This backup has ${unanchoredRegexCount(tables.rules)}.`, 'rules');
  if (`fnv1a64:${hash.digest()}` !== checksum) {
    fail('The backup is damaged or was edited: its checksum does not match its contents.');
  }
  return { version, schemaVersion, exportedAt, counts, checksum, tables };
}

/**
 * Validate a whole backup before anything is written: format, version, schema version, counts, every
 * row (finite times, end after start, known classes and kinds, rules through validateRule, settings
 * through sanitizeSettings, unique ids and weeks), size limits and the checksum. The first problem is
 * returned with its table and row index.
 */
export function parseBackup(text: string, options: ParseBackupOptions): BackupParse {
  try {
    return { ok: true, backup: readBackup(text, options) };
  } catch (err) {
    if (err instanceof Invalid) return { ok: false, error: err.error };
    return {
      ok: false,
      error: { message: `The backup could not be read: ${err instanceof Error ? err.message : String(err)}` },
    };
  }
}
