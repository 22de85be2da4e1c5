/**
 * Messages extension pages send to the background service worker (runtime.sendMessage).
 * Reads never need messages: pages read IndexedDB directly with useLiveQuery.
 */
export type BackgroundMessage =
  /** Pause tracking for `minutes`, or until resumed when `minutes` is null. */
  | { type: 'pause'; minutes: number | null }
  | { type: 'resume' }
  /** Settings were changed in the database; the tracker re-reads them (idle threshold, exclusions, reminder). */
  | { type: 'settings-changed' }
  /** All data was deleted: open segments restart now so nothing from before the deletion is written. */
  | { type: 'data-deleted' };

export interface BackgroundReply {
  ok: boolean;
  error?: string;
}

export function isBackgroundMessage(value: unknown): value is BackgroundMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'pause':
      return (
        m.minutes === null ||
        (typeof m.minutes === 'number' && Number.isFinite(m.minutes) && m.minutes > 0 && m.minutes <= 24 * 60 * 7)
      );
    case 'resume':
    case 'settings-changed':
    case 'data-deleted':
      return true;
    default:
      return false;
  }
}
