/**
 * The Dexie database: schema class, versions and the row types that only storage knows.
 * This folder (lib/db/) is the only code that touches Dexie.
 */
import Dexie, { type EntityTable } from 'dexie';
import { DB_NAME } from '@/lib/db/names';
import type { Segment } from '@/lib/model';
import { bucketOf, packSegments, packsMiddleware, type PackRow } from '@/lib/db/packs';
import type { UserRule } from '@/lib/classify/types';
import type { Settings } from '@/lib/settings';
import type { TrackerState } from '@/lib/tracker/state';
import type { PlanBlock } from '@/lib/plan/types';
import type { StoredMeeting } from '@/lib/calendar/meeting-fingerprints';

export { DB_NAME, SCHEMA_VERSION } from '@/lib/db/names';

/** Key-value rows: `settings`, and small singletons. */
export interface SettingsRow {
  key: 'settings';
  value: Settings;
}

/** The tracker checkpoint: the whole state machine, written in the same transaction as the segments it closes. */
export interface TrackerRow {
  key: 'tracker';
  state: TrackerState;
}

/** A problem the person should see (database/quota failure), cleared once writes succeed again. */
export interface StatusRow {
  key: 'status';
  error: string | null;
  /** Epoch ms of the first failure in the current run of failures. */
  since: number | null;
  /** Writes waiting to be retried (closed segments the database refused), at most MAX_PENDING. */
  pending: Segment[];
  /** Segments dropped from a full queue (the oldest first), and when the last was dropped. Kept after recovery. */
  lost?: { segments: number; ms: number; at: number } | null;
}

/** The weekly review's reflection note, one per week (`week` = local date of the week's first day, yyyy-MM-dd). */
export interface ReviewRow {
  week: string;
  note: string;
  updatedAt: number;
}

/**
 * The focus plan of one week (`week` = local date of the week's first day, yyyy-MM-dd), made in
 * the review of the week before: its blocks, and the "next week I will…" intent written there.
 */
export interface PlanRow {
  week: string;
  blocks: PlanBlock[];
  intent: string;
  updatedAt: number;
}

/** One calendar meeting (lib/calendar/meeting-fingerprints.ts): fingerprints, never its UID, organizer or (unless kept) title. */
export interface MeetingRow extends StoredMeeting {
  id?: number;
}

/** "I skipped this one": an occurrence key (fingerprint of UID + occurrence), kept across refreshes and re-imports. */
export interface MeetingSkipRow {
  occ: string;
  /** The occurrence when it was skipped, epoch ms (retention, and the list of skipped meetings). */
  start: number;
  end: number;
  /** When it was marked skipped, epoch ms. */
  at: number;
}

export class CreativeRatioDB extends Dexie {
  segments!: EntityTable<Segment, 'id'>;
  rules!: EntityTable<UserRule, 'id'>;
  settings!: EntityTable<SettingsRow, 'key'>;
  tracker!: EntityTable<TrackerRow, 'key'>;
  status!: EntityTable<StatusRow, 'key'>;
  reviews!: EntityTable<ReviewRow, 'week'>;
  plans!: EntityTable<PlanRow, 'week'>;
  meetings!: EntityTable<MeetingRow, 'id'>;
  meetingSkips!: EntityTable<MeetingSkipRow, 'occ'>;
  /** Derived: the segments again, one row per UTC day (lib/db/packs.ts), kept by a middleware. */
  packs!: EntityTable<PackRow, 'bucket'>;

  constructor(name: string = DB_NAME) {
    // 'strict' makes Chrome flush each commit to disk (its default became 'relaxed' in Chrome 121),
    // so the tracker checkpoint survives a power loss, not just a browser crash.
    super(name, { chromeTransactionDurability: 'strict' });
    // Version 1. Never edit a released version: add version(2) with an upgrade and a fixture test.
    this.version(1).stores({
      segments: '++id, start, day, [host+path], source, importId',
      rules: '++id, order',
      settings: 'key',
      tracker: 'key',
      status: 'key',
      reviews: 'week',
    });
    // Version 2: day packs, so a week is 8 row reads instead of thousands (lib/db/packs.ts).
    this.version(2)
      .stores({ packs: 'bucket' })
      .upgrade(async (tx) => {
        // In start order, one pack written as soon as its day is complete (a year of history is
        // never held in memory at once).
        const packs = tx.table('packs');
        const writes: Promise<unknown>[] = [];
        let day: Segment[] = [];
        const flush = () => {
          if (day.length) writes.push(packs.bulkPut(packSegments(day)));
          day = [];
        };
        await tx
          .table('segments')
          .orderBy('start')
          .each((s: Segment) => {
            if (day.length && bucketOf(day[0]!.start) !== bucketOf(s.start)) flush();
            day.push(s);
          });
        flush();
        await Promise.all(writes);
      });
    // Version 3: focus plans, one row per planned week (lib/db/plans.ts). Nothing to migrate.
    this.version(3).stores({ plans: 'week' });
    // Version 4: the calendar meetings behind the calendar segments, and skipped occurrences
    // (lib/db/meetings.ts). Nothing to migrate: segments stored before keep working as they are;
    // a re-import or refresh stores their meetings.
    this.version(4).stores({ meetings: '++id, importId, occ, start', meetingSkips: 'occ, start' });
    this.use(packsMiddleware);
  }
}
