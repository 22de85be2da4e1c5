/**
 * The calendar import's options in storage: one row of the `status` table (key
 * `calendar-import-options`), like the subscriptions — it belongs to this browser (not in backups)
 * and "Delete all data" clears it. No schema change is needed.
 *
 * Before, the options lived in the page's localStorage (`creative-ratio.calendar-import.v2`, and
 * `.v1` before that). The first read without a stored row moves such a value here once and then
 * removes it from localStorage; a value still there when a row exists (the page closed between the
 * two steps) is removed without being read.
 */
import type { Table } from 'dexie';
import {
  DEFAULT_IMPORT_OPTIONS,
  sanitizeImportOptions,
  type CalendarImportOptions,
} from '@/lib/calendar/import-options';
import type { CreativeRatioDB } from '@/lib/db/schema';

export const IMPORT_OPTIONS_KEY = 'calendar-import-options';

/** The localStorage keys of the earlier versions, newest first. */
export const LEGACY_IMPORT_OPTIONS_KEYS = [
  { key: 'creative-ratio.calendar-import.v2', version: 2 },
  { key: 'creative-ratio.calendar-import.v1', version: 1 },
] as const;

/** The part of `Storage` the migration uses (localStorage on a page; a fake in tests). */
export type LegacyStorage = Pick<Storage, 'getItem' | 'removeItem'>;

interface ImportOptionsRow {
  key: typeof IMPORT_OPTIONS_KEY;
  options: CalendarImportOptions;
}

function table(db: CreativeRatioDB): Table<ImportOptionsRow, string> {
  return db.status as unknown as Table<ImportOptionsRow, string>;
}

/** The newest legacy value in `legacy`, sanitized; null when there is none (or it is not JSON). */
function readLegacy(legacy: LegacyStorage): CalendarImportOptions | null {
  for (const { key, version } of LEGACY_IMPORT_OPTIONS_KEYS) {
    let raw: string | null;
    try {
      raw = legacy.getItem(key);
    } catch {
      return null; // storage unavailable
    }
    if (raw === null) continue;
    try {
      return sanitizeImportOptions(JSON.parse(raw), version);
    } catch {
      return null;
    }
  }
  return null;
}

function forgetLegacy(legacy: LegacyStorage): void {
  for (const { key } of LEGACY_IMPORT_OPTIONS_KEYS) {
    try {
      legacy.removeItem(key);
    } catch {
      // Storage unavailable: nothing to remove.
    }
  }
}

/**
 * The stored options (defaults when none). Without a stored row, a value left in `legacy`
 * (localStorage) is moved into the database in one transaction and then removed from `legacy`.
 */
export async function loadImportOptions(db: CreativeRatioDB, legacy?: LegacyStorage): Promise<CalendarImportOptions> {
  const row = await table(db).get(IMPORT_OPTIONS_KEY);
  if (row) {
    // A value may be left over when the page closed between the move's commit and its removal
    // below: the stored row has already taken it (or a later choice), so it goes now.
    if (legacy) forgetLegacy(legacy);
    return sanitizeImportOptions(row.options);
  }
  if (!legacy) return DEFAULT_IMPORT_OPTIONS;
  const old = readLegacy(legacy);
  if (old) {
    // Only if nothing was saved meanwhile (another page): a saved choice wins over the old value.
    const moved = await db.transaction('rw', db.status, async () => {
      const now = await table(db).get(IMPORT_OPTIONS_KEY);
      if (now) return sanitizeImportOptions(now.options);
      await table(db).put({ key: IMPORT_OPTIONS_KEY, options: old });
      return old;
    });
    forgetLegacy(legacy);
    return moved;
  }
  forgetLegacy(legacy); // a value that is not JSON is dropped too
  return DEFAULT_IMPORT_OPTIONS;
}

/** Store the options (sanitized: a wrong field is stored as its default). */
export async function saveImportOptions(db: CreativeRatioDB, options: CalendarImportOptions): Promise<void> {
  await table(db).put({ key: IMPORT_OPTIONS_KEY, options: sanitizeImportOptions(options) });
}
