/**
 * The tracker's persistence: the checkpoint, the segments it closed and the status row, written in
 * ONE read-write transaction per step, and the capped queue of segments kept while the database
 * refuses writes (`createTrackerWriter`; lib/browser/tracker-service.ts owns one per worker). The
 * rules applied here are pure and live in lib/tracker/writes.ts.
 */
import type { CreativeRatioDB, StatusRow } from '@/lib/db/schema';
import type { Segment } from '@/lib/model';
import type { TrackerState } from '@/lib/tracker/state';
import { capPending, clipAgainstStored, withClippedTime, type WriteLoss } from '@/lib/tracker/writes';

/** Segments are split at local midnight, so nothing stored starts more than a (long) day before one it overlaps. */
const LOOKBACK_MS = 26 * 60 * 60 * 1000;

export interface SavedStep {
  /** The checkpoint as written (with time dropped by clipping counted in its clock fault). */
  state: TrackerState;
  /** The segments as written (clipped). */
  written: Segment[];
}

/**
 * Write the checkpoint and the closed segments. After a backward clock jump (`state.clipUntil`),
 * segments are first clipped against the browser segments already stored for their span, so a lane
 * never overlaps itself in storage. A status row with an error is cleared (a recorded loss is kept).
 */
export async function saveTrackerStep(
  db: CreativeRatioDB,
  state: TrackerState,
  segments: readonly Segment[],
): Promise<SavedStep> {
  // Segments (and with them their day packs) are in the transaction only when some are written,
  // so the pages' reads of a week never wait for a checkpoint's commit.
  const tables = segments.length > 0 ? [db.tracker, db.segments, db.status] : [db.tracker, db.status];
  return db.transaction('rw', tables, async () => {
    let toWrite = [...segments];
    let checkpoint = state;
    const clipUntil = state.clipUntil ?? null;
    if (clipUntil !== null && toWrite.some((s) => s.start < clipUntil)) {
      const from = Math.min(...toWrite.map((s) => s.start));
      const to = Math.max(...toWrite.map((s) => s.end));
      const stored = (
        await db.segments
          .where('start')
          .between(from - LOOKBACK_MS, to, true, false)
          .toArray()
      ).filter((s) => s.source === 'browser' && s.end > from && s.start < to);
      const clipped = clipAgainstStored(toWrite, stored, clipUntil);
      toWrite = clipped.segments;
      checkpoint = withClippedTime(state, clipped.droppedMs);
    }
    await db.tracker.put({ key: 'tracker', state: checkpoint });
    if (toWrite.length > 0) await db.segments.bulkAdd(toWrite);
    const status = await db.status.get('status');
    if (status?.error)
      await db.status.put({ key: 'status', error: null, since: null, pending: [], lost: status.lost ?? null });
    return { state: checkpoint, written: toWrite };
  });
}

/** Record a refused write: the error, the queue waiting to be retried and any loss from a full queue. */
export async function saveWriteFailure(
  db: CreativeRatioDB,
  failure: { error: string; since: number; pending: Segment[]; lost: WriteLoss; at: number },
): Promise<void> {
  await db.transaction('rw', db.status, async () => {
    const previous = await db.status.get('status');
    const before = previous?.lost ?? null;
    const lost: StatusRow['lost'] =
      failure.lost.segments > 0
        ? {
            segments: (before?.segments ?? 0) + failure.lost.segments,
            ms: (before?.ms ?? 0) + failure.lost.ms,
            at: failure.at,
          }
        : before;
    await db.status.put({
      key: 'status',
      error: failure.error,
      since: previous?.error ? previous.since : failure.since,
      pending: failure.pending,
      lost,
    });
  });
}

/** What the person is told when a write is refused. */
export function describeDbError(err: unknown): string {
  const e = err as { name?: string; inner?: { name?: string }; message?: string };
  if (e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError') {
    return 'The browser refused to store more data (storage quota). Tracking continues and will retry; free disk space or delete old data in Settings.';
  }
  return `Could not save tracked time (${e?.name ?? 'error'}: ${e?.message ?? String(err)}). Tracking continues and will retry.`;
}

export interface TrackerWriter {
  /**
   * The checkpoint a previous worker left (null when there is none or it cannot be read), taking
   * back the segments a failing database refused before that worker stopped, to retry them.
   */
  restore(): Promise<TrackerState | null>;
  /**
   * Persist one step: the new state and the segments it closed, with every refused segment still
   * waiting. Never throws. Returns the state as written (clipping may have counted dropped time; it
   * is the state from now on) and the error to show, null when everything was saved.
   */
  write(
    state: TrackerState,
    closed: readonly Segment[],
    at: number,
  ): Promise<{ state: TrackerState; error: string | null }>;
  /** After "Delete all data": nothing waiting is written any more, and no loss is left to count. */
  forget(): void;
}

/**
 * One worker's writer. While the database refuses writes the queue is bounded (`maxPending`): the
 * oldest segments beyond the cap are dropped and counted (status row, badge title, popup) instead of
 * growing without end.
 */
export function createTrackerWriter(db: CreativeRatioDB, maxPending?: number): TrackerWriter {
  let pending: Segment[] = [];
  /** Segments dropped from the full queue that could not be recorded in the status row yet. */
  let unrecordedLoss: WriteLoss = { segments: 0, ms: 0 };

  return {
    async restore() {
      try {
        const state = (await db.tracker.get('tracker'))?.state ?? null;
        const status = await db.status.get('status');
        if (status?.pending.length) pending = status.pending.concat(pending);
        return state;
      } catch {
        return null;
      }
    },

    async write(state, closed, at) {
      const capped = capPending(pending.concat(closed), maxPending);
      pending = capped.kept;
      unrecordedLoss = {
        segments: unrecordedLoss.segments + capped.lost.segments,
        ms: unrecordedLoss.ms + capped.lost.ms,
      };
      const toWrite = pending;
      try {
        const saved = await saveTrackerStep(db, state, toWrite);
        pending = pending.slice(toWrite.length);
        return { state: saved.state, error: null };
      } catch (err) {
        let error = describeDbError(err);
        try {
          await saveWriteFailure(db, { error, since: at, pending: toWrite, lost: unrecordedLoss, at });
          unrecordedLoss = { segments: 0, ms: 0 };
        } catch {
          // The database refuses everything; the badge still tells the person.
        }
        if (unrecordedLoss.segments > 0 || capped.lost.segments > 0) {
          error += ` ${capped.lost.segments + unrecordedLoss.segments} older unsaved segments were dropped.`;
        }
        return { state, error };
      }
    },

    forget() {
      pending = [];
      unrecordedLoss = { segments: 0, ms: 0 };
    },
  };
}
