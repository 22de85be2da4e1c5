/**
 * Calendar meetings in storage (schema version 4): the judged meetings of each calendar import
 * (`meetings`, fingerprints only, lib/calendar/meeting-fingerprints.ts) and the occurrences the
 * person marked "I skipped this one" (`meetingSkips`, by occurrence key, so a refresh or a
 * re-import that brings the occurrence back keeps it skipped). An import's calendar segments are
 * derived from its meetings: merge → classify → split at midnight (`deriveSegments`), rewritten
 * whenever its meetings, the skips or the meeting rules change — always inside the caller's one
 * read-write transaction over segments, meetings and meetingSkips.
 *
 * Segments stored before version 4 have no meetings: they stay as they are (rules re-apply to
 * them by kept title only) until their calendar is imported again or refreshed.
 */
import type { CreativeRatioDB, MeetingRow } from '@/lib/db/schema';
import type { SegmentOverride } from '@/lib/model';
import { deriveSegments, storedMeetingClassifier, type StoredMeeting } from '@/lib/calendar/meeting-fingerprints';
import { overrideForLabel, type MeetingClassRule } from '@/lib/calendar/meeting-classes';
import { DEFAULT_MEETING_LABEL } from '@/lib/calendar/to-segments';
import { isManualGroupId } from '@/lib/calendar/manual-block';
import { calendarRow } from '@/lib/db/calendar-rows';

/** The tables every meetings write spans. */
export function meetingTables(db: CreativeRatioDB) {
  return [db.segments, db.meetings, db.meetingSkips];
}

/** Throws when a meeting is not one an import may store. */
export function checkMeeting(m: StoredMeeting, i: number): void {
  const bad = (why: string) => new Error(`Calendar meeting ${i + 1} is invalid: ${why}.`);
  if (!Number.isFinite(m.start) || !Number.isFinite(m.end) || !(m.end > m.start))
    throw bad('its end must be after its start');
  if (typeof m.occ !== 'string' || !/^[0-9a-f]{16}$/.test(m.occ)) throw bad('its occurrence key is not a fingerprint');
  if (!Array.isArray(m.words) || m.words.some((w) => typeof w !== 'string'))
    throw bad('its title fingerprints are not a list');
  if (!m.override || (m.override.class !== 'creative' && m.override.class !== 'coordination'))
    throw bad('it must count as creative or coordination');
}

/** The stored row of a meeting: copied field by field, stamped with `importId`. */
export function meetingRow(m: StoredMeeting, importId: string): MeetingRow {
  const row: MeetingRow = {
    importId,
    start: m.start,
    end: m.end,
    occ: m.occ,
    series: m.series,
    org: m.org,
    orgDomain: m.orgDomain,
    words: [...m.words],
    override: m.override.kind ? { class: m.override.class, kind: m.override.kind } : { class: m.override.class },
  };
  if (typeof m.title === 'string') row.title = m.title;
  return row;
}

/** Occurrence keys among `occs` that are skipped. Inside a transaction over meetingSkips. */
async function skippedAmong(db: CreativeRatioDB, occs: readonly string[]): Promise<Set<string>> {
  if (occs.length === 0) return new Set();
  const wanted = new Set(occs);
  // Skips are few: when there are no more of them than keys asked about, reading them all is one
  // request, where anyOf walks the index key by key (a whole import's meetings: seconds).
  if ((await db.meetingSkips.count()) <= wanted.size)
    return new Set((await db.meetingSkips.toCollection().primaryKeys()).filter((k) => wanted.has(k)));
  const keys = await db.meetingSkips
    .where('occ')
    .anyOf([...wanted])
    .primaryKeys();
  return new Set(keys);
}

/**
 * Rewrite the calendar segments of one import from its stored meetings. Segments of the import
 * from its first meeting on are derived ones (those before it, if any, were stored before version 4
 * and stay). Call inside a transaction over meetingTables(db). Returns how many segments it wrote.
 */
export async function rederiveImport(db: CreativeRatioDB, importId: string): Promise<number> {
  const meetings = await db.meetings.where('importId').equals(importId).toArray();
  if (meetings.length === 0) return 0;
  // A loop, not Math.min(...): a restored import may hold more meetings than a call takes arguments.
  const from = meetings.reduce((min, m) => Math.min(min, m.start), Infinity);
  const skipped = await skippedAmong(
    db,
    meetings.map((m) => m.occ),
  );
  await db.segments
    .where('importId')
    .equals(importId)
    .and((s) => s.source === 'calendar' && s.start >= from)
    .delete();
  const rows = deriveSegments(meetings, importId, skipped).map((s) => calendarRow(s, importId));
  await db.segments.bulkAdd(rows);
  return rows.length;
}

/** Delete skips whose occurrence no stored meeting has any more. Inside a transaction over meetings and meetingSkips. */
export async function dropOrphanSkips(db: CreativeRatioDB, occs: Iterable<string>): Promise<number> {
  const gone: string[] = [];
  for (const occ of new Set(occs)) if ((await db.meetings.where('occ').equals(occ).count()) === 0) gone.push(occ);
  const skipped = await skippedAmong(db, gone);
  await db.meetingSkips.bulkDelete([...skipped]);
  return skipped.size;
}

/** Delete an import's meetings and the skips only they had. Inside a transaction over meetingTables(db). */
export async function deleteImportMeetings(db: CreativeRatioDB, importId: string): Promise<number> {
  const rows = await db.meetings.where('importId').equals(importId).toArray();
  await db.meetings.bulkDelete(rows.map((m) => m.id!));
  await dropOrphanSkips(
    db,
    rows.map((m) => m.occ),
  );
  return rows.length;
}

/** One stored meeting, as the day list shows it. */
export interface DayMeeting {
  /** Occurrence key (what "I skipped this one" stores). */
  occ: string;
  importId: string;
  start: number;
  end: number;
  /** The kept title, or null ("Meeting"). */
  title: string | null;
  override: SegmentOverride;
  skipped: boolean;
}

/**
 * The stored meetings that start in [from, to), one per occurrence (the same occurrence in two
 * imports is listed once), in start order, with whether each is skipped.
 */
export async function meetingsBetween(db: CreativeRatioDB, from: number, to: number): Promise<DayMeeting[]> {
  return db.transaction('r', [db.meetings, db.meetingSkips], async () => {
    const rows = await db.meetings.where('start').between(from, to, true, false).toArray();
    const skipped = await skippedAmong(
      db,
      rows.map((m) => m.occ),
    );
    const seen = new Set<string>();
    const out: DayMeeting[] = [];
    for (const m of rows.sort((a, b) => a.start - b.start || a.end - b.end)) {
      if (seen.has(m.occ)) continue;
      seen.add(m.occ);
      out.push({
        occ: m.occ,
        importId: m.importId,
        start: m.start,
        end: m.end,
        title: m.title ?? null,
        override: m.override,
        skipped: skipped.has(m.occ),
      });
    }
    return out;
  });
}

/** Whether calendar segments start in [from, to) that have no stored meetings (imported before version 4). */
export async function hasLegacyCalendarTime(db: CreativeRatioDB, from: number, to: number): Promise<boolean> {
  return db.transaction('r', [db.segments, db.meetings], async () => {
    const segs = await db.segments
      .where('start')
      .between(from, to, true, false)
      .and((s) => s.source === 'calendar' && typeof s.importId === 'string' && !isManualGroupId(s.importId))
      .toArray();
    for (const s of segs) {
      const first = await db.meetings.where('importId').equals(s.importId!).sortBy('start');
      if (first.length === 0 || s.start < first[0]!.start) return true;
    }
    return false;
  });
}

/** The imports that have a meeting with one of these occurrence keys. Inside a transaction over meetings. */
export async function importsWith(db: CreativeRatioDB, occs: readonly string[]): Promise<Set<string>> {
  const imports = new Set<string>();
  for (const occ of new Set(occs))
    for (const m of await db.meetings.where('occ').equals(occ).toArray()) imports.add(m.importId);
  return imports;
}

/** Re-derive every import that has a meeting with one of these occurrence keys. Inside a transaction. */
async function rederiveWith(db: CreativeRatioDB, occs: readonly string[]): Promise<number> {
  const imports = await importsWith(db, occs);
  for (const id of imports) await rederiveImport(db, id);
  return imports.size;
}

/**
 * "I skipped this one": the occurrence no longer counts (its browser time does), in every import
 * that has it, now and after every refresh or re-import. Throws when no stored meeting has it.
 */
export async function skipMeeting(db: CreativeRatioDB, occ: string, now: number): Promise<void> {
  await db.transaction('rw', meetingTables(db), async () => {
    const rows = await db.meetings.where('occ').equals(occ).toArray();
    if (rows.length === 0) throw new Error('That meeting is no longer stored.');
    await db.meetingSkips.put({
      occ,
      start: Math.min(...rows.map((m) => m.start)),
      end: Math.max(...rows.map((m) => m.end)),
      at: now,
    });
    await rederiveWith(db, [occ]);
  });
}

/** Undo "I skipped this one". */
export async function unskipMeeting(db: CreativeRatioDB, occ: string): Promise<void> {
  await db.transaction('rw', meetingTables(db), async () => {
    await db.meetingSkips.delete(occ);
    await rederiveWith(db, [occ]);
  });
}

/** How many occurrences are marked skipped. */
export async function countSkippedMeetings(db: CreativeRatioDB): Promise<number> {
  return db.meetingSkips.count();
}

/** Count every skipped meeting again. Returns how many skips were cleared. */
export async function clearSkippedMeetings(db: CreativeRatioDB): Promise<number> {
  return db.transaction('rw', meetingTables(db), async () => {
    const occs = (await db.meetingSkips.toCollection().primaryKeys()) as string[];
    await db.meetingSkips.clear();
    await rederiveWith(db, occs);
    return occs.length;
  });
}

function sameOverride(a: SegmentOverride, b: SegmentOverride): boolean {
  return a.class === b.class && (a.kind ?? 'meetings') === (b.kind ?? 'meetings');
}

/**
 * Judge every stored meeting again under `rules` (by fingerprints: title, series and organizer
 * rules alike) and re-derive the segments of the imports that changed; calendar segments stored
 * before version 4 are re-judged from their kept titles as before. One transaction. Returns how
 * many stored meetings (or old segments) changed.
 */
export async function rejudgeMeetings(db: CreativeRatioDB, rules: readonly MeetingClassRule[]): Promise<number> {
  const classify = storedMeetingClassifier(rules);
  return db.transaction('rw', meetingTables(db), async () => {
    let changed = 0;
    const touched = new Set<string>();
    const firstOf = new Map<string, number>();
    await db.meetings.toCollection().modify((m) => {
      firstOf.set(m.importId, Math.min(firstOf.get(m.importId) ?? Infinity, m.start));
      const next = classify(m).override;
      if (sameOverride(m.override, next)) return;
      m.override = next.kind ? { class: next.class, kind: next.kind } : { class: next.class };
      touched.add(m.importId);
      changed++;
    });
    for (const id of touched) await rederiveImport(db, id);
    // Segments without meetings behind them: by kept title, as before version 4.
    await db.segments
      .where('source')
      .equals('calendar')
      .modify((s) => {
        const first = s.importId === undefined ? undefined : firstOf.get(s.importId);
        if (first !== undefined && s.start >= first) return;
        const next = overrideForLabel(s.label, rules, DEFAULT_MEETING_LABEL);
        if (!next) return;
        const now = s.override ?? { class: 'coordination', kind: 'meetings' };
        if (sameOverride(now, next)) return;
        s.override = next.kind ? { class: next.class, kind: next.kind } : { class: next.class };
        changed++;
      });
    return changed;
  });
}

/** Delete meetings and skips that ended before `cutoff` (retention). Inside the caller's transaction. */
export async function deleteMeetingsBefore(db: CreativeRatioDB, cutoff: number): Promise<number> {
  const ids = (await db.meetings.where('start').below(cutoff).toArray())
    .filter((m) => m.end <= cutoff)
    .map((m) => m.id!);
  await db.meetings.bulkDelete(ids);
  const skips = (await db.meetingSkips.where('start').below(cutoff).toArray()).filter((s) => s.end <= cutoff);
  await db.meetingSkips.bulkDelete(skips.map((s) => s.occ));
  return ids.length;
}
