/**
 * Calendar imports in storage. An import is the set of segments sharing one `importId`
 * (`ics:<name>:<imported at>`, lib/calendar/import-id.ts); the list of imports is derived from
 * the `importId` index, so no extra table is needed. Every write is one read-write
 * transaction: an import that fails leaves the database exactly as it was.
 */
import type { CreativeRatioDB } from '@/lib/db/schema';
import type { Segment } from '@/lib/model';
import { parseImportId, sameCalendarName } from '@/lib/calendar/import-id';
import { isManualGroupId } from '@/lib/calendar/manual-block';
import { MAX_OCCURRENCES } from '@/lib/calendar/limits';
import type { MeetingClassRule } from '@/lib/calendar/meeting-classes';
import type { StoredMeeting } from '@/lib/calendar/meeting-fingerprints';
import {
  checkMeeting,
  deleteImportMeetings,
  meetingRow,
  meetingTables,
  dropOrphanSkips,
  rederiveImport,
  rejudgeMeetings,
} from '@/lib/db/meetings';
import { calendarRow, checkSegment } from '@/lib/db/calendar-rows';

export interface CalendarImportInfo {
  importId: string;
  /** The calendar's display name (from the id; the id itself for imports made elsewhere, e.g. demo data). */
  name: string;
  /** Stored segments (meetings split at midnight). */
  count: number;
  /** Earliest start and latest end of its segments, epoch ms. */
  start: number;
  end: number;
  /** When it was imported, epoch ms; null when the id does not say. */
  importedAt: number | null;
}

export interface ImportCalendarInput {
  /** The import's segments; ignored when `meetings` is given (they are then derived from the meetings). */
  segments: readonly Segment[];
  /**
   * The import's meetings (ImportPlan.meetings): stored, and the segments derived from them with
   * the occurrences the person skipped left out (lib/db/meetings.ts).
   */
  meetings?: readonly StoredMeeting[];
  importId: string;
  /** Earlier import(s) to replace in the same transaction. */
  replaceImportId?: string | readonly string[];
  /** Also replace every earlier import whose calendar name matches this import's name. */
  replaceSameName?: boolean;
}

export interface ImportCalendarResult {
  added: number;
  /** Segments of replaced imports that were deleted. */
  removed: number;
  replaced: string[];
}

export { calendarRow, checkSegment } from '@/lib/db/calendar-rows';

/**
 * Store one import, replacing earlier ones, atomically. Rows are copied field by field (no
 * `id` from the caller) and stamped with `importId`. Throws (and changes nothing) when the
 * input is invalid, the id is already in use, or the database refuses the write.
 */
export async function importCalendar(db: CreativeRatioDB, input: ImportCalendarInput): Promise<ImportCalendarResult> {
  const { importId } = input;
  if (typeof importId !== 'string' || importId === '' || isManualGroupId(importId))
    throw new Error('The import needs a calendar import id.');
  if (input.segments.length > MAX_OCCURRENCES * 2) throw new Error('Too many meetings in one import.');
  const meetings = input.meetings ? input.meetings.map((m) => meetingRow(m, importId)) : null;
  if (meetings && meetings.length > MAX_OCCURRENCES) throw new Error('Too many meetings in one import.');
  meetings?.forEach(checkMeeting);
  if (!meetings) input.segments.forEach(checkSegment);
  const rows = meetings ? [] : input.segments.map((s) => calendarRow(s, importId));
  const explicit =
    input.replaceImportId === undefined
      ? []
      : typeof input.replaceImportId === 'string'
        ? [input.replaceImportId]
        : [...input.replaceImportId];
  const name = parseImportId(importId)?.name;

  return db.transaction('rw', meetingTables(db), async () => {
    if (
      (await db.segments.where('importId').equals(importId).count()) > 0 ||
      (await db.meetings.where('importId').equals(importId).count()) > 0
    )
      throw new Error('This import already exists.');
    const replace = new Set(explicit.filter((id) => id !== importId && !isManualGroupId(id)));
    if (input.replaceSameName && name !== undefined) {
      for (const key of await db.segments.orderBy('importId').uniqueKeys()) {
        const other = typeof key === 'string' ? parseImportId(key) : null;
        if (other && sameCalendarName(other.name, name)) replace.add(key as string);
      }
    }
    let removed = 0;
    const occs: string[] = [];
    for (const id of replace) {
      removed += await db.segments
        .where('importId')
        .equals(id)
        .and((s) => s.source === 'calendar')
        .delete();
      // Their meetings go; their skips stay while the new import has the occurrence (re-importing a file keeps them).
      const old = await db.meetings.where('importId').equals(id).toArray();
      await db.meetings.bulkDelete(old.map((m) => m.id!));
      occs.push(...old.map((m) => m.occ));
    }
    let added = rows.length;
    if (meetings) {
      await db.meetings.bulkAdd(meetings);
      added = await rederiveImport(db, importId);
    } else await db.segments.bulkAdd(rows);
    await dropOrphanSkips(db, occs);
    return { added, removed, replaced: [...replace] };
  });
}

/** Every calendar import, newest first. */
export async function listImports(db: CreativeRatioDB): Promise<CalendarImportInfo[]> {
  return db.transaction('r', db.segments, async () => {
    const keys = (await db.segments.orderBy('importId').uniqueKeys()).filter(
      (k): k is string => typeof k === 'string' && !isManualGroupId(k),
    );
    const out: CalendarImportInfo[] = [];
    for (const importId of keys) {
      let count = 0;
      let start = Infinity;
      let end = -Infinity;
      await db.segments
        .where('importId')
        .equals(importId)
        .each((s) => {
          if (s.source !== 'calendar') return;
          count++;
          if (s.start < start) start = s.start;
          if (s.end > end) end = s.end;
        });
      if (count === 0) continue;
      const parts = parseImportId(importId);
      out.push({ importId, name: parts?.name ?? importId, count, start, end, importedAt: parts?.importedAt ?? null });
    }
    return out.sort((a, b) => (b.importedAt ?? 0) - (a.importedAt ?? 0) || a.name.localeCompare(b.name));
  });
}

/** Delete one import's segments, its meetings and the skips only it had. Returns how many segments were deleted. */
export async function deleteImport(db: CreativeRatioDB, importId: string): Promise<number> {
  if (isManualGroupId(importId)) throw new Error('That is a manual block, not a calendar import.');
  return db.transaction('rw', meetingTables(db), async () => {
    await deleteImportMeetings(db, importId);
    return db.segments
      .where('importId')
      .equals(importId)
      .and((s) => s.source === 'calendar')
      .delete();
  });
}

/**
 * Re-apply meeting classification rules to the calendar meetings already stored: every stored
 * meeting by its fingerprints (title, series and organizer rules), older segments by their kept
 * titles (lib/db/meetings.ts `rejudgeMeetings`). History is rewritten like a reclassification of
 * browser time. Returns how many stored meetings changed.
 */
export async function reapplyMeetingClasses(db: CreativeRatioDB, rules: readonly MeetingClassRule[]): Promise<number> {
  return rejudgeMeetings(db, rules);
}
