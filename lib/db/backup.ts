/**
 * Full backup and restore in storage. The file format and all validation are lib/export/backup.ts.
 *
 * - Backup reads segments, rules, settings, reviews, focus plans, calendar meetings and skipped
 *   occurrences in one read-only transaction (a consistent snapshot while the tracker keeps writing),
 *   segments and meetings page by page, straight into the writer's parts. Not backed up: the tables
 *   in NOT_BACKED_UP below, each with its reason.
 * - Restore takes a backup that parseBackup fully validated, and writes it in ONE read-write
 *   transaction over the seven tables: any error (a refused write, quota) aborts it and nothing changes.
 *   - `replace`: the seven tables are emptied and the backup written as it was, under new ids: a file
 *     never chooses the database's keys (an id of 2^53−1 would exhaust IndexedDB's key generator and
 *     make every later write fail), so ids in a file only have to be unique. Skips keep their key, the
 *     occurrence.
 *   - `merge`: segments are added except exact duplicates (same start, end, host, path, lane and
 *     source as a stored one or an earlier one in the file); rules are appended after the current ones
 *     except identical rules (same match, class, kind, tool and "only from"); current settings are
 *     kept (the backup's are used only when none are stored); review notes are added for weeks that
 *     have none (or an empty one); a week's focus plan (its blocks and its "next week I will…" intent,
 *     one row) is added when the week has none, and replaces the stored one only when the file's was
 *     changed later (`updatedAt`): the newer plan of a week wins, whole. New ids are given to
 *     everything added. A backup of format version 1 (before plans were backed up) restores no plans;
 *     `replace` then empties the plans like the other tables (the file is the whole state).
 *   - Calendar meetings (see restoreMeetings): the calendar segments the file's meetings stand behind
 *     are not copied but derived again from the restored meetings minus the skipped occurrences
 *     (lib/db/meetings.ts, the code an import runs), in the same transaction, so calendar time always
 *     agrees with its meetings. In `merge` a meeting is left out when this browser already has the
 *     same occurrence (same occurrence key, start and end, in any import: the same calendar imported
 *     or subscribed here too) or the file has the same row earlier (same import as well); skips are
 *     unioned — an occurrence skipped on either side stays skipped, since the earlier of the two
 *     moments. A skip whose occurrence no stored meeting has is dropped (as when an import is
 *     deleted). A backup of format version 1 or 2 (before meetings were backed up) restores none:
 *     `merge` keeps the stored ones, `replace` empties them with the rest (the file is the whole
 *     state) and its calendar time then works like time imported before meetings were kept.
 */
import type { EntityTable } from 'dexie';
import type { CreativeRatioDB, MeetingRow } from './schema';
import type { UserRule } from '@/lib/classify/types';
import type { Segment } from '@/lib/model';
import {
  BACKUP_TABLES,
  BackupWriter,
  canonicalRows,
  emptyCounts,
  parseBackup,
  type BackupCounts,
  type BackupMeetingSkipRow,
  type BackupParse,
  type BackupTable,
  type BackupTables,
  type ParsedBackup,
  type SerializedBackup,
  type SkippedRow,
} from '@/lib/export/backup';
import { dropOrphanSkips, importsWith, rederiveImport } from './meetings';

/**
 * The database's tables that a backup leaves out on purpose, and why. Every other table of the
 * schema must be in BACKUP_TABLES: tests/db/backup-coverage.test.ts enumerates the schema and fails
 * on a table in neither list (a new table is user data until someone says otherwise here).
 */
export const NOT_BACKED_UP = {
  /** This browser's running tracker (its state machine); another browser's would corrupt tracking here. */
  tracker: "this browser's tracker checkpoint",
  /**
   * This browser's status: database errors and writes waiting for a retry, and the calendar
   * subscriptions (their private addresses are secrets: never written into a file).
   */
  status: "this browser's status and calendar subscriptions",
  /** Derived: the segments again, one row per day, rebuilt by the packs middleware as segments are restored. */
  packs: 'derived from the segments',
} as const;

/** Segments and meetings read (and written) per page. */
const PAGE = 10_000;

export type RestoreMode = 'replace' | 'merge';

export interface RestoreProgress {
  phase: 'writing';
  table: (typeof BACKUP_TABLES)[number];
  done: number;
  total: number;
}

export interface RestoreResult {
  mode: RestoreMode;
  added: BackupCounts;
  /** Rows left out in merge mode (duplicates, existing settings, weeks that already have a note). */
  skipped: BackupCounts;
  /** What happened to the settings. */
  settings: 'restored' | 'kept' | 'none';
}

export interface BackupResult extends SerializedBackup {
  /** Stored rows that would not pass a restore's checks and were left out (none, normally). */
  skipped: SkippedRow[];
}

/** The database's schema version (what `schemaVersion` in a backup refers to). */
export function schemaVersionOf(db: CreativeRatioDB): number {
  return Math.round(db.verno);
}

/** The backed-up tables, in BACKUP_TABLES order. */
function backupStores(db: CreativeRatioDB) {
  return [db.segments, db.rules, db.settings, db.reviews, db.plans, db.meetings, db.meetingSkips];
}

/** How many rows each backed-up table holds now. */
export async function backupCounts(db: CreativeRatioDB): Promise<BackupCounts> {
  return db.transaction('r', backupStores(db), async () => ({
    segments: await db.segments.count(),
    rules: await db.rules.count(),
    settings: await db.settings.where('key').equals('settings').count(),
    reviews: await db.reviews.count(),
    plans: await db.plans.count(),
    meetings: await db.meetings.count(),
    meetingSkips: await db.meetingSkips.count(),
  }));
}

/**
 * The canonical rows of a table keyed by `++id`, page by page (by primary key) so only one page of
 * stored objects is alive at a time. Inside the backup's transaction.
 */
async function pagedRows<R extends { id?: number }>(
  table: EntityTable<R, 'id'>,
  name: 'segments' | 'meetings',
  skipped: SkippedRow[],
  now: number,
): Promise<object[][]> {
  const pages: object[][] = [];
  let offset = 0;
  let after = 0;
  for (;;) {
    const page = await table.where('id').above(after).limit(PAGE).toArray();
    if (page.length === 0) break;
    after = page[page.length - 1]!.id!;
    pages.push(canonicalRows(name, page, offset, skipped, now));
    offset += page.length;
    if (page.length < PAGE) break;
  }
  return pages;
}

/** Make a backup of everything that matters, as file parts. */
export async function createBackup(db: CreativeRatioDB, options: { now?: number } = {}): Promise<BackupResult> {
  const now = options.now ?? Date.now();
  if (!db.isOpen()) await db.open();
  return db.transaction('r', backupStores(db), async () => {
    const skipped: SkippedRow[] = [];
    const rows = <T extends BackupTable>(table: T, stored: readonly unknown[]) => [
      canonicalRows(table, stored, 0, skipped, now) as object[],
    ];
    const pages: Record<BackupTable, object[][]> = {
      segments: await pagedRows(db.segments, 'segments', skipped, now),
      rules: rows('rules', await db.rules.orderBy('id').toArray()),
      settings: rows('settings', await db.settings.where('key').equals('settings').toArray()),
      reviews: rows('reviews', await db.reviews.orderBy('week').toArray()),
      plans: rows('plans', await db.plans.orderBy('week').toArray()),
      meetings: await pagedRows(db.meetings, 'meetings', skipped, now),
      meetingSkips: rows('meetingSkips', await db.meetingSkips.toArray()),
    };
    const counts = emptyCounts();
    for (const t of BACKUP_TABLES) for (const page of pages[t]) counts[t] += page.length;
    const writer = new BackupWriter({ now, schemaVersion: schemaVersionOf(db), counts });
    for (const t of BACKUP_TABLES) {
      writer.begin(t);
      const list = pages[t];
      for (let i = 0; i < list.length; i++) {
        writer.rows(list[i]!);
        list[i] = [];
      }
    }
    return { ...writer.finish(), skipped };
  });
}

/** Validate a backup file's text against this database's schema version. */
export function parseBackupFor(db: CreativeRatioDB, text: string, now: number = Date.now()): BackupParse {
  return parseBackup(text, { schemaVersion: schemaVersionOf(db), now });
}

function segmentKey(s: Pick<Segment, 'start' | 'end' | 'host' | 'path' | 'lane' | 'source'>): string {
  return `${s.start}\n${s.end}\n${s.host}\n${s.path}\n${s.lane}\n${s.source}`;
}

/** One occurrence of a meeting, in whichever import: occurrence key, start and end. */
function occurrenceOf(m: Pick<MeetingRow, 'occ' | 'start' | 'end'>): string {
  return `${m.occ}\n${m.start}\n${m.end}`;
}

/**
 * Which segments the meetings stand behind: an import's calendar time from its first meeting on
 * (what rederiveImport rewrites). Those are derived from the meetings on restore, not copied.
 */
function derivedFrom(meetings: readonly MeetingRow[]): (s: Segment) => boolean {
  const first = new Map<string, number>();
  for (const m of meetings) first.set(m.importId, Math.min(first.get(m.importId) ?? Infinity, m.start));
  return (s) => s.source === 'calendar' && s.importId !== undefined && s.start >= (first.get(s.importId) ?? Infinity);
}

function ruleKey(r: UserRule): string {
  return JSON.stringify([r.match, r.class, r.kind ?? null, r.tool ?? null, r.fromTime ?? null]);
}

function withoutId<T extends { id?: number }>(row: T): T {
  if (row.id === undefined) return row;
  const copy = { ...row };
  delete copy.id;
  return copy;
}

/**
 * Keys of the stored rows that start within the starts of `rows`: one getAll over the start index
 * (cursors are slow in some IndexedDB implementations).
 */
async function storedKeys<R extends { id?: number; start: number }>(
  table: EntityTable<R, 'id'>,
  rows: readonly { start: number }[],
  key: (row: R) => string,
): Promise<Set<string>> {
  const keys = new Set<string>();
  if (rows.length === 0) return keys;
  let min = Infinity;
  let max = -Infinity;
  for (const r of rows) {
    if (r.start < min) min = r.start;
    if (r.start > max) max = r.start;
  }
  for (const r of await table.where('start').between(min, max, true, true).toArray()) keys.add(key(r));
  return keys;
}

/** The rows to add, without ids: each once (by `key`), none that is `known` already; `left`: how many were left out. */
function newRows<R extends { id?: number }>(
  rows: readonly R[],
  key: (row: R) => string,
  known: (row: R) => boolean,
): { rows: R[]; left: number } {
  const seen = new Set<string>();
  const out: R[] = [];
  for (const r of rows) {
    const k = key(r);
    if (seen.has(k) || known(r)) continue;
    seen.add(k);
    out.push(withoutId(r));
  }
  return { rows: out, left: rows.length - out.length };
}

/** Add rows page by page, reporting progress after each page. */
async function addInPages<R extends { id?: number }>(
  table: EntityTable<R, 'id'>,
  name: 'segments' | 'meetings',
  rows: readonly R[],
  onProgress: RestoreOptions['onProgress'],
): Promise<void> {
  for (let i = 0; i < rows.length; i += PAGE) {
    await table.bulkAdd(rows.slice(i, i + PAGE));
    onProgress?.({ phase: 'writing', table: name, done: Math.min(i + PAGE, rows.length), total: rows.length });
  }
}

export interface RestoreOptions {
  mode: RestoreMode;
  onProgress?: (p: RestoreProgress) => void;
}

/**
 * Write a validated backup in one read-write transaction (see the module comment for the modes).
 * Throws, with nothing changed, when the backup's schema is newer than the database's or any write fails.
 */
export async function restoreBackup(
  db: CreativeRatioDB,
  backup: ParsedBackup,
  options: RestoreOptions,
): Promise<RestoreResult> {
  if (backup.schemaVersion > schemaVersionOf(db)) {
    throw new Error(
      `This backup comes from a newer database (schema version ${backup.schemaVersion}). Update the extension to restore it.`,
    );
  }
  const { mode, onProgress } = options;
  const { rules, settings, reviews, plans } = backup.tables;
  // Calendar time behind the file's meetings is derived from them once they are written, not copied.
  const derived = derivedFrom(backup.tables.meetings);
  const segments = backup.tables.segments.filter((s) => !derived(s));
  const added = emptyCounts();
  const skipped = emptyCounts();
  let settingsOutcome: RestoreResult['settings'] = 'none';

  await db.transaction('rw', backupStores(db), async () => {
    let toAdd: Segment[];
    if (mode === 'replace') {
      // The file is the whole state: tables it does not carry (an older format) are emptied too.
      await Promise.all(backupStores(db).map((table) => table.clear()));
      toAdd = segments.map(withoutId);
    } else {
      const stored = await storedKeys(db.segments, segments, segmentKey);
      const fresh = newRows(segments, segmentKey, (s) => stored.has(segmentKey(s)));
      toAdd = fresh.rows;
      skipped.segments = fresh.left;
    }
    await addInPages(db.segments, 'segments', toAdd, onProgress);
    added.segments = toAdd.length;

    if (mode === 'replace') {
      await db.rules.bulkAdd(rules.map(withoutId));
      added.rules = rules.length;
    } else {
      const current = await db.rules.toArray();
      const known = new Set(current.map(ruleKey));
      let order = current.reduce((m, r) => Math.max(m, r.order + 1), 0);
      const fresh: UserRule[] = [];
      for (const r of [...rules].sort((a, b) => a.order - b.order)) {
        const key = ruleKey(r);
        if (known.has(key)) {
          skipped.rules += 1;
          continue;
        }
        known.add(key);
        fresh.push({ ...withoutId(r), order: order++ });
      }
      await db.rules.bulkAdd(fresh);
      added.rules = fresh.length;
    }
    onProgress?.({ phase: 'writing', table: 'rules', done: rules.length, total: rules.length });

    const row = settings[0];
    if (row) {
      if (mode === 'merge' && (await db.settings.get('settings'))) {
        settingsOutcome = 'kept';
        skipped.settings = 1;
      } else {
        await db.settings.put({ key: 'settings', value: row.value });
        settingsOutcome = 'restored';
        added.settings = 1;
      }
    }

    if (mode === 'replace') {
      await db.reviews.bulkAdd(reviews);
      added.reviews = reviews.length;
    } else {
      for (const r of reviews) {
        const existing = await db.reviews.get(r.week);
        if (existing && existing.note.trim() !== '') {
          skipped.reviews += 1;
          continue;
        }
        await db.reviews.put(r);
        added.reviews += 1;
      }
    }
    onProgress?.({ phase: 'writing', table: 'reviews', done: reviews.length, total: reviews.length });

    if (mode === 'replace') {
      await db.plans.bulkAdd(plans);
      added.plans = plans.length;
    } else {
      // The newer plan of a week wins, whole (blocks and intent are one row, written together).
      const stored = await db.plans.bulkGet(plans.map((p) => p.week));
      const fresh = plans.filter((p, i) => {
        const current = stored[i];
        const take = !current || !(typeof current.updatedAt === 'number' && current.updatedAt >= p.updatedAt);
        if (!take) skipped.plans += 1;
        return take;
      });
      await db.plans.bulkPut(fresh);
      added.plans = fresh.length;
    }
    onProgress?.({ phase: 'writing', table: 'plans', done: plans.length, total: plans.length });

    await restoreMeetings(db, backup.tables, { mode, added, skipped, onProgress });
  });

  return { mode, added, skipped, settings: settingsOutcome };
}

/**
 * The file's meetings and skips, then the calendar time derived from them (module comment).
 * Inside restoreBackup's transaction, after the copied segments are written.
 */
async function restoreMeetings(
  db: CreativeRatioDB,
  { meetings, meetingSkips }: Pick<BackupTables, 'meetings' | 'meetingSkips'>,
  { mode, added, skipped, onProgress }: RestoreOptions & Pick<RestoreResult, 'added' | 'skipped'>,
): Promise<void> {
  let fresh: MeetingRow[];
  if (mode === 'replace') fresh = meetings.map(withoutId);
  else {
    const here = await storedKeys(db.meetings, meetings, occurrenceOf);
    const merged = newRows(
      meetings,
      (m) => `${m.importId}\n${occurrenceOf(m)}`,
      (m) => here.has(occurrenceOf(m)),
    );
    fresh = merged.rows;
    skipped.meetings = merged.left;
  }
  await addInPages(db.meetings, 'meetings', fresh, onProgress);
  added.meetings = fresh.length;

  let newSkips: BackupMeetingSkipRow[] = meetingSkips;
  if (mode === 'merge') {
    const current = await db.meetingSkips.bulkGet(meetingSkips.map((s) => s.occ));
    const widened: BackupMeetingSkipRow[] = [];
    newSkips = meetingSkips.filter((s, i) => {
      const c = current[i];
      if (!c) return true;
      skipped.meetingSkips += 1;
      // Skipped on both sides: skipped since the earlier moment, over both spans (retention uses the span).
      const both = {
        occ: s.occ,
        start: Math.min(c.start, s.start),
        end: Math.max(c.end, s.end),
        at: Math.min(c.at, s.at),
      };
      if (both.start !== c.start || both.end !== c.end || both.at !== c.at) widened.push(both);
      return false;
    });
    await db.meetingSkips.bulkPut(widened);
  }
  await db.meetingSkips.bulkAdd(newSkips);
  const occs = newSkips.map((s) => s.occ);
  added.meetingSkips = newSkips.length - (await dropOrphanSkips(db, occs));
  onProgress?.({ phase: 'writing', table: 'meetingSkips', done: meetingSkips.length, total: meetingSkips.length });

  // The imports given meetings, and those whose occurrences became skipped, are derived again.
  const imports = new Set(fresh.map((m) => m.importId));
  for (const id of await importsWith(db, occs)) imports.add(id);
  if (imports.size === 0) return;
  const before = await db.segments.count();
  for (const id of imports) await rederiveImport(db, id);
  // Derived time counts as added where it grew (a merge can also remove time: a newly skipped occurrence).
  added.segments += Math.max(0, (await db.segments.count()) - before);
}
