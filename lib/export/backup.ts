/**
 * Full backup of the person's data, as one JSON file, and its all-or-nothing validation. Pure.
 * Storage (reading the tables, the atomic restore) is lib/db/backup.ts.
 *
 * File (format "creative-ratio-backup", version 1):
 *   { "format", "version", "schemaVersion" (the database schema version it was read from),
 *     "exportedAt" (ISO instant), "counts": { segments, rules, settings, reviews },
 *     "data": { "segments": [...], "rules": [...], "settings": [...], "reviews": [...] },
 *     "checksum": "fnv1a64:<16 hex digits>" }
 * The tracker checkpoint and the status row are not backed up (they describe this browser's
 * running tracker, not the person's data).
 *
 * Rows are written in a canonical form: known fields only, in a fixed order, one row per line.
 * The checksum is FNV-1a 64 over the canonical rows, each table introduced by its name:
 *   "segments\n" + row + "\n" + row + "\n" … + "rules\n" + … + "settings\n" + … + "reviews\n" + …
 * so it survives re-indenting the file but not any change of a value. On restore every row is
 * validated, rebuilt canonically from its checked fields (never spread from the parsed JSON) and
 * hashed again; the checksum must match.
 *
 * The file is produced in parts (`BackupWriter`), so a large backup becomes a Blob of many
 * strings rather than one giant intermediate string.
 */
import { validateRule, formatRuleErrors } from '@/lib/classify/validate-rule';
import { copyMatch } from '@/lib/classify/rules-io';
import { MAX_UNANCHORED_REGEX_RULES, UNANCHORED_REGEX_MESSAGE, unanchoredRegexCount } from '@/lib/classify/match';
import { isClassName, isKindId } from '@/lib/classify/kinds';
import type { UserRule } from '@/lib/classify/types';
import type { Segment, SegmentOverride } from '@/lib/model';
import { sanitizeSettings, type Settings } from '@/lib/settings';
import { Fnv1a64 } from './checksum';
import { count, hasOwn, isRecord, own, unknownKey } from './json';
import { isDayKey } from '@/lib/time/days';
import { isPlausibleInstant, plausibleRange, rangeText, type InstantRange } from '@/lib/time/plausible';

export const BACKUP_FORMAT = 'creative-ratio-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** Largest backup read, in characters (≈ bytes: backups are mostly ASCII). */
export const MAX_BACKUP_CHARS = 200_000_000;
export const MAX_BACKUP_SEGMENTS = 2_000_000;
export const MAX_BACKUP_RULES = 5_000;
export const MAX_BACKUP_REVIEWS = 10_000;
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

export const BACKUP_TABLES = ['segments', 'rules', 'settings', 'reviews'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

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

export interface BackupTables {
  segments: Segment[];
  rules: UserRule[];
  settings: BackupSettingsRow[];
  reviews: BackupReviewRow[];
}

export type BackupCounts = Record<BackupTable, number>;

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

// ---------- canonical rows (checked input → fresh object, fixed key order) ----------

type RowCheck<T> = { ok: true; row: T } | { ok: false; message: string };

const SEGMENT_KEYS = ['id', 'start', 'end', 'day', 'host', 'path', 'source', 'lane', 'label', 'override', 'importId'];
const RULE_KEYS = ['id', 'order', 'match', 'class', 'kind', 'tool', 'fromTime', 'createdAt'];

/** `"start" must be a time between 2000-01-01 and …` (every instant in a backup lies in the plausible range). */
function timeMessage(field: string, range: InstantRange): string {
  return `"${field}" must be a time (epoch milliseconds) ${rangeText(range)}`;
}

/** A yyyy-MM-dd key whose day lies in the plausible range. */
function isPlausibleDay(v: unknown, range: InstantRange): v is string {
  return isDayKey(v) && isPlausibleInstant(Date.parse(`${v}T12:00:00Z`), { min: range.min - 86_400_000, max: range.max + 86_400_000 });
}

function isId(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;
}

function shortText(v: unknown, max: number): v is string {
  return typeof v === 'string' && v.length <= max;
}

/** A segment rebuilt from checked fields, or why it is invalid. */
export function checkSegmentRow(input: unknown, range: InstantRange = plausibleRange(Date.now())): RowCheck<Segment> {
  if (!isRecord(input)) return { ok: false, message: 'it is not an object' };
  const stray = unknownKey(input, SEGMENT_KEYS);
  if (stray) return { ok: false, message: `unexpected field ${stray}` };
  const id = own(input, 'id');
  if (id !== undefined && !isId(id)) return { ok: false, message: '"id" must be a positive whole number' };
  const start = own(input, 'start');
  const end = own(input, 'end');
  if (!isPlausibleInstant(start, range)) return { ok: false, message: timeMessage('start', range) };
  if (!isPlausibleInstant(end, range)) return { ok: false, message: timeMessage('end', range) };
  if (!(end > start)) return { ok: false, message: '"end" must be after "start"' };
  if (end - start > MAX_SEGMENT_MS) return { ok: false, message: 'the segment is longer than a week' };
  const day = own(input, 'day');
  if (!isDayKey(day)) return { ok: false, message: '"day" must be a date written yyyy-MM-dd' };
  if (!isPlausibleDay(day, range)) return { ok: false, message: `"day" must be a date ${rangeText(range)}` };
  const host = own(input, 'host');
  if (!shortText(host, MAX_HOST_CHARS)) return { ok: false, message: `"host" must be text of at most ${MAX_HOST_CHARS} characters` };
  const path = own(input, 'path');
  if (!shortText(path, MAX_PATH_CHARS)) return { ok: false, message: `"path" must be text of at most ${count(MAX_PATH_CHARS)} characters` };
  const source = own(input, 'source');
  if (source !== 'browser' && source !== 'calendar' && source !== 'manual') return { ok: false, message: '"source" must be "browser", "calendar" or "manual"' };
  const lane = own(input, 'lane');
  if (lane !== 'focus' && lane !== 'call') return { ok: false, message: '"lane" must be "focus" or "call"' };
  // Fresh object, canonical key order: id, start, end, day, host, path, source, lane, label, override, importId.
  const out: Segment = id !== undefined ? { id, start, end, day, host, path, source, lane } : { start, end, day, host, path, source, lane };
  const label = own(input, 'label');
  if (label !== undefined) {
    if (!shortText(label, MAX_LABEL_CHARS)) return { ok: false, message: `"label" must be text of at most ${MAX_LABEL_CHARS} characters` };
    out.label = label;
  }
  const override = own(input, 'override');
  if (override !== undefined) {
    if (!isRecord(override)) return { ok: false, message: '"override" must be an object with a class' };
    const strayO = unknownKey(override, ['class', 'kind']);
    if (strayO) return { ok: false, message: `unexpected field ${strayO} in "override"` };
    const cls = own(override, 'class');
    if (!isClassName(cls)) return { ok: false, message: 'the override has an unknown class' };
    const kind = own(override, 'kind');
    if (kind !== undefined && !isKindId(kind)) return { ok: false, message: 'the override has an unknown kind' };
    const o: SegmentOverride = { class: cls };
    if (kind !== undefined) o.kind = kind;
    out.override = o;
  }
  const importId = own(input, 'importId');
  if (importId !== undefined) {
    if (!shortText(importId, MAX_IMPORT_ID_CHARS) || importId === '') return { ok: false, message: '"importId" must be non-empty text' };
    out.importId = importId;
  }
  return { ok: true, row: out };
}

/** A rule through validateRule (which rebuilds it from known fields), in canonical key order. */
export function checkRuleRow(input: unknown, range: InstantRange = plausibleRange(Date.now())): RowCheck<UserRule> {
  if (!isRecord(input)) return { ok: false, message: 'it is not an object' };
  const stray = unknownKey(input, RULE_KEYS);
  if (stray) return { ok: false, message: `unexpected field ${stray}` };
  if (!isPlausibleInstant(own(input, 'createdAt'), range)) return { ok: false, message: timeMessage('createdAt', range) };
  if (typeof own(input, 'order') !== 'number') return { ok: false, message: '"order" must be a number' };
  const result = validateRule(input, { instants: range });
  if (!result.ok) return { ok: false, message: formatRuleErrors(result.errors).replace(/\n/g, '; ') };
  const r = result.rule;
  // Fresh object, canonical key order: id, order, match, class, kind, tool, fromTime, createdAt.
  const out = (r.id !== undefined ? { id: r.id, order: r.order } : { order: r.order }) as UserRule;
  out.match = copyMatch(r.match);
  out.class = r.class;
  if (r.kind !== undefined) out.kind = r.kind;
  if (r.tool !== undefined) out.tool = r.tool;
  if (r.fromTime !== undefined) out.fromTime = r.fromTime;
  out.createdAt = r.createdAt;
  return { ok: true, row: out };
}

/** The settings row, its value through sanitizeSettings (invalid values fall back to defaults). */
export function checkSettingsRow(input: unknown): RowCheck<BackupSettingsRow> {
  if (!isRecord(input)) return { ok: false, message: 'it is not an object' };
  const stray = unknownKey(input, ['key', 'value']);
  if (stray) return { ok: false, message: `unexpected field ${stray}` };
  if (own(input, 'key') !== 'settings') return { ok: false, message: '"key" must be "settings"' };
  const value = own(input, 'value');
  if (!isRecord(value)) return { ok: false, message: '"value" must be an object' };
  return { ok: true, row: { key: 'settings', value: sanitizeSettings(value) } };
}

export function checkReviewRow(input: unknown, range: InstantRange = plausibleRange(Date.now())): RowCheck<BackupReviewRow> {
  if (!isRecord(input)) return { ok: false, message: 'it is not an object' };
  const stray = unknownKey(input, ['week', 'note', 'updatedAt']);
  if (stray) return { ok: false, message: `unexpected field ${stray}` };
  const week = own(input, 'week');
  if (!isDayKey(week)) return { ok: false, message: '"week" must be a date written yyyy-MM-dd' };
  if (!isPlausibleDay(week, range)) return { ok: false, message: `"week" must be a date ${rangeText(range)}` };
  const note = own(input, 'note');
  if (!shortText(note, MAX_NOTE_CHARS)) return { ok: false, message: `"note" must be text of at most ${count(MAX_NOTE_CHARS)} characters` };
  const updatedAt = own(input, 'updatedAt');
  if (!isPlausibleInstant(updatedAt, range)) return { ok: false, message: timeMessage('updatedAt', range) };
  return { ok: true, row: { week, note, updatedAt } };
}

// ---------- writing ----------

const ROW_NAME: Record<BackupTable, string> = { segments: 'Segment', rules: 'Rule', settings: 'Settings row', reviews: 'Review note' };

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
  private readonly written: BackupCounts = { segments: 0, rules: 0, settings: 0, reviews: 0 };
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
      counts: { segments: meta.counts.segments, rules: meta.counts.rules, settings: meta.counts.settings, reviews: meta.counts.reviews },
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
      if (this.written[t] !== this.meta.counts[t]) throw new Error(`The backup has ${this.written[t]} ${t} rows, not ${this.meta.counts[t]}: the data changed while it was read.`);
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
export function canonicalRows<T extends BackupTable>(table: T, rows: readonly unknown[], offset = 0, skipped: SkippedRow[] = [], now: number = Date.now()): BackupTables[T] {
  const out: object[] = [];
  const range = plausibleRange(now);
  rows.forEach((row, i) => {
    const checked = checkRow(table, row, range);
    if (checked.ok) out.push(checked.row);
    else skipped.push({ table, index: offset + i, message: checked.message });
  });
  return out as BackupTables[T];
}

function checkRow(table: BackupTable, row: unknown, range: InstantRange): RowCheck<object> {
  switch (table) {
    case 'segments':
      return checkSegmentRow(row, range);
    case 'rules':
      return checkRuleRow(row, range);
    case 'settings':
      return checkSettingsRow(row);
    case 'reviews':
      return checkReviewRow(row, range);
  }
}

/** The whole backup from tables held in memory (tests, small data). Invalid rows are left out. */
export function serializeBackup(tables: BackupTables, meta: { now: number; schemaVersion: number }): SerializedBackup & { skipped: SkippedRow[] } {
  const skipped: SkippedRow[] = [];
  const rows = {
    segments: canonicalRows('segments', tables.segments, 0, skipped, meta.now),
    rules: canonicalRows('rules', tables.rules, 0, skipped, meta.now),
    settings: canonicalRows('settings', tables.settings, 0, skipped, meta.now),
    reviews: canonicalRows('reviews', tables.reviews, 0, skipped, meta.now),
  };
  const w = new BackupWriter({ ...meta, counts: { segments: rows.segments.length, rules: rows.rules.length, settings: rows.settings.length, reviews: rows.reviews.length } });
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

const LIMITS: Record<BackupTable, number> = { segments: MAX_BACKUP_SEGMENTS, rules: MAX_BACKUP_RULES, settings: 1, reviews: MAX_BACKUP_REVIEWS };

export interface ParseBackupOptions {
  /** The newest database schema this build knows (CreativeRatioDB's version); newer backups are refused. */
  schemaVersion: number;
  /** "Now" for the plausible range of every instant in the file (2000 … now + 1 year; default Date.now()). */
  now?: number;
}

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
    if (fmt === 'creative-ratio-team') fail('This is a team export (weekly totals only), not a backup: it cannot be restored.');
    if (fmt === 'creative-ratio-rules') fail('This is a rules file, not a backup. Import it under Classification rules.');
    fail(fmt === undefined ? 'This is not a Creative Ratio backup ("format" is missing).' : `This is not a Creative Ratio backup (format ${JSON.stringify(String(fmt).slice(0, 40))}).`);
  }
  const version = own(doc, 'version');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) fail('The backup has an invalid "version".');
  if (version > BACKUP_FORMAT_VERSION) fail(`This backup was made by a newer version of Creative Ratio (format version ${version}). Update the extension to restore it.`);
  const stray = unknownKey(doc, ['format', 'version', 'schemaVersion', 'exportedAt', 'counts', 'data', 'checksum']);
  if (stray) fail(`Unexpected field ${stray} in the backup.`);
  const schemaVersion = own(doc, 'schemaVersion');
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1) fail('The backup has an invalid "schemaVersion".');
  if (schemaVersion > options.schemaVersion) {
    fail(`This backup comes from a newer database (schema version ${schemaVersion}; this extension has ${options.schemaVersion}). Update the extension to restore it.`);
  }
  const exportedAt = own(doc, 'exportedAt');
  if (typeof exportedAt !== 'string' || exportedAt.length > 40 || Number.isNaN(Date.parse(exportedAt))) fail('The backup has an invalid "exportedAt" date.');
  const checksum = own(doc, 'checksum');
  if (typeof checksum !== 'string' || !/^fnv1a64:[0-9a-f]{16}$/.test(checksum)) fail('The backup has no valid "checksum" (it may be cut short).');

  const countsIn = own(doc, 'counts');
  if (!isRecord(countsIn)) fail('The backup has no "counts".');
  const strayCount = unknownKey(countsIn, BACKUP_TABLES);
  if (strayCount) fail(`Unexpected table ${strayCount} in "counts".`);
  const data = own(doc, 'data');
  if (!isRecord(data)) fail('The backup has no "data".');
  const strayTable = unknownKey(data, BACKUP_TABLES);
  if (strayTable) fail(`Unexpected table ${strayTable} in "data".`);

  const counts = {} as BackupCounts;
  const lists = {} as Record<BackupTable, unknown[]>;
  for (const t of BACKUP_TABLES) {
    const n = own(countsIn, t);
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) fail(`"counts.${t}" must be a whole number.`);
    if (!hasOwn(data, t)) fail(`The backup has no "${t}" table.`);
    const list = own(data, t);
    if (!Array.isArray(list)) fail(`"${t}" must be a list of rows.`);
    if (list.length > LIMITS[t]) fail(`The backup has ${count(list.length)} ${t} rows; at most ${count(LIMITS[t])} can be restored.`, t);
    if (list.length !== n) fail(`The backup says it has ${count(n)} ${t} rows but holds ${count(list.length)} (it may be cut short or edited).`, t);
    counts[t] = n;
    lists[t] = list;
  }

  const hash = new Fnv1a64();
  const tables = {} as BackupTables;
  const range = plausibleRange(options.now ?? Date.now());
  for (const t of BACKUP_TABLES) {
    hash.update(`${t}\n`);
    const rows: object[] = [];
    const ids = new Set<number | string>();
    const list = lists[t];
    for (let i = 0; i < list.length; i++) {
      const checked = checkRow(t, list[i], range);
      if (!checked.ok) fail(`${rowLabel(t, i)}: ${checked.message}.`, t, i);
      const row = checked.row as { id?: number; week?: string };
      const key = t === 'reviews' ? row.week : t === 'settings' ? 'settings' : row.id;
      if (key !== undefined) {
        if (ids.has(key)) fail(`${rowLabel(t, i)}: ${t === 'reviews' ? `a second note for the week ${String(key)}` : `the id ${String(key)} is used twice`}.`, t, i);
        ids.add(key);
      }
      hash.update(JSON.stringify(row)).update('\n');
      rows.push(row);
    }
    (tables as unknown as Record<BackupTable, object[]>)[t] = rows;
  }
  if (unanchoredRegexCount(tables.rules) > MAX_UNANCHORED_REGEX_RULES) fail(`${UNANCHORED_REGEX_MESSAGE} This backup has ${unanchoredRegexCount(tables.rules)}.`, 'rules');
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
    return { ok: false, error: { message: `The backup could not be read: ${err instanceof Error ? err.message : String(err)}` } };
  }
}
