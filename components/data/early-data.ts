/**
 * The page's early read (lib/db/early.ts) as a small store the hooks read synchronously: settings,
 * rules and the tracker checkpoint, until their Dexie live queries answer. A page starts it once,
 * first thing in its entry (`startEarlyRead`); pages that never start it behave as before.
 */
import { useSyncExternalStore } from 'react';
import { readEarly, takeEarlyRead, type EarlyRange, type EarlyRead } from '@/lib/db/early';
import { SCHEMA_VERSION } from '@/lib/db/names';
import { measureSince, perfNow } from '@/lib/ui/perf';

let early: EarlyRead | null = null;
const listeners = new Set<() => void>();

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/**
 * Start the early read (once per page). `rangesFor` picks the segment ranges from the stored
 * settings; `onRead` gets the result before any hook sees it (to seed range stores).
 */
export function startEarlyRead(
  rangesFor: (settings: unknown) => EarlyRange[],
  onRead?: (read: EarlyRead) => void,
): Promise<EarlyRead | null> {
  const t0 = perfNow();
  // The page's boot script may have started it already, while the modules loaded.
  return (takeEarlyRead() ?? readEarly(rangesFor, SCHEMA_VERSION * 10)).then((read) => {
    measureSince('cr:early-read', t0);
    if (read) {
      onRead?.(read);
      early = read;
      for (const fn of listeners) fn();
    }
    return read;
  });
}

/** The early read, once it answered (null before, or when it could not be used). */
export function useEarlyRead(): EarlyRead | null {
  return useSyncExternalStore(
    subscribe,
    () => early,
    () => null,
  );
}

/** For tests: forget the early read. */
export function resetEarlyRead(): void {
  early = null;
}
