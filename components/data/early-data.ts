/**
 * The page's early read (lib/db/read/early.ts) for the hooks: settings, rules and the tracker
 * checkpoint, read synchronously until their Dexie live queries answer. A page starts it once,
 * first thing in its entry (`startEarlyRead`); pages that never start it behave as before. The
 * read is held by the database's `EarlyStore`, not here.
 */
import { useSyncExternalStore } from 'react';
import { earlyStoreOf, type EarlyRange, type EarlyRead } from '@/lib/db/read/early';

/**
 * Start the early read (once per page). `rangesFor` picks the segment ranges from the stored
 * settings; `onRead` gets the result before any hook sees it (to seed range stores).
 */
export function startEarlyRead(
  rangesFor: (settings: unknown) => EarlyRange[],
  onRead?: (read: EarlyRead) => void,
): Promise<EarlyRead | null> {
  return earlyStoreOf().start(rangesFor, onRead);
}

const serverSnapshot = () => null;

/** The early read, once it answered (null before, or when it could not be used). */
export function useEarlyRead(): EarlyRead | null {
  const store = earlyStoreOf();
  return useSyncExternalStore(store.subscribe, store.get, serverSnapshot);
}

/** For tests: forget the early read. */
export function resetEarlyRead(): void {
  earlyStoreOf().reset();
}
