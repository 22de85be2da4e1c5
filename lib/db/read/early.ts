/**
 * The first read of a page, with raw IndexedDB, started the moment its script runs.
 *
 * Why not Dexie: opening through Dexie costs a round trip plus ~20 ms of main-thread work (it reads
 * and checks the installed schema), and it queues behind the page's first render and module
 * evaluation — with a year of history the dashboard waited ~90 ms for it before its first read.
 * This reader asks for exactly what the first draw needs (settings, rules, the day packs of the
 * shown week) in one read-only transaction and closes its connection at once. The pages still
 * subscribe through Dexie as usual; the live queries take over when they answer (the page's
 * `EarlyStore` below holds the read until then), so every later write is seen.
 *
 * It never creates or upgrades anything: when the database is missing, at another schema
 * version, or anything fails, it resolves null and the page simply waits for Dexie.
 */
import { bucketRange, PACKS_TABLE, segmentsFromPacks, type PackRow } from '@/lib/db/packs';
import { sortRules } from '@/lib/classify/rule-order';
import { DB_NAME, SCHEMA_VERSION } from '@/lib/db/names';
import { measureSince, perfNow } from '@/lib/ui/perf';
import type { SettingsRow, TrackerRow } from '@/lib/db/schema';
import type { UserRule } from '@/lib/classify/types';
import type { Segment } from '@/lib/model';
import type { TrackerState } from '@/lib/tracker/state';

export interface EarlyRange {
  from: number;
  to: number;
}

export interface EarlyRead {
  /** The stored settings row's value, unsanitised (null when none is stored). */
  settings: unknown;
  /** Every rule, sorted as `listRules` sorts them. */
  rules: UserRule[];
  /** The tracker checkpoint's state (null when none). */
  tracker: TrackerState | null;
  /** The ranges asked for (by `rangesFor`, from the settings). */
  ranges: EarlyRange[];
  /** Segments starting in each range, in order (start, then id). */
  segments: Segment[][];
}

/**
 * Read settings, rules, the tracker checkpoint and the segments of the ranges `rangesFor` picks
 * from the settings (the week shown depends on the week start) from database `name`, if it is at
 * IndexedDB version `idbVersion` (Dexie version × 10). Resolves null instead of failing.
 *
 * Nothing waits for anything else: the day packs of the ranges the default settings give are asked
 * for at once, beside the settings (a second read follows only when the stored week start differs),
 * and the tracker checkpoint is read in its own transaction, so a checkpoint being committed by the
 * service worker never holds up the rest. Every hop costs a turn of the page's busy main thread.
 */
export function readEarly(
  rangesFor: (settings: unknown) => EarlyRange[],
  idbVersion: number,
  name: string = DB_NAME,
): Promise<EarlyRead | null> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (value: EarlyRead | null) => {
      if (!settled) {
        settled = true;
        resolve(value);
      }
    };
    let req: IDBOpenDBRequest;
    try {
      if (typeof indexedDB === 'undefined') return done(null);
      req = indexedDB.open(name);
    } catch {
      return done(null);
    }
    // No database yet: abort, so nothing is created (Dexie creates it with the right schema).
    req.onupgradeneeded = () => {
      try {
        req.transaction?.abort();
      } catch {
        // ignore: the open then fails
      }
      done(null);
    };
    req.onerror = () => done(null);
    req.onblocked = () => done(null);
    req.onsuccess = () => {
      const db = req.result;
      const stores = ['settings', 'rules', PACKS_TABLE];
      if (db.version !== idbVersion || ![...stores, 'tracker'].every((s) => db.objectStoreNames.contains(s))) {
        db.close();
        return done(null);
      }
      try {
        const tx = db.transaction(stores, 'readonly');
        const trackerTx = db.transaction('tracker', 'readonly');
        const tracker = trackerTx.objectStore('tracker').get('tracker');
        const rules = tx.objectStore('rules').getAll();
        const settings = tx.objectStore('settings').get('settings');
        const readSpan = (ranges: EarlyRange[]) => {
          const live = ranges.filter((r) => r.to > r.from);
          if (!live.length) return { span: null, req: null };
          const first = Math.min(...live.map((r) => bucketRange(r.from, r.to)[0]));
          const last = Math.max(...live.map((r) => bucketRange(r.from, r.to)[1]));
          return {
            span: [first, last] as const,
            req: tx.objectStore(PACKS_TABLE).getAll(IDBKeyRange.bound(first, last)),
          };
        };
        let ranges = rangesFor(null);
        let packs = readSpan(ranges);
        settings.onsuccess = () => {
          try {
            const stored = (settings.result as SettingsRow | undefined)?.value ?? null;
            if (stored === null) return;
            const actual = rangesFor(stored);
            const needed = actual.filter((r) => r.to > r.from).map((r) => bucketRange(r.from, r.to));
            const covered = packs.span !== null && needed.every(([a, b]) => a >= packs.span![0] && b <= packs.span![1]);
            ranges = actual;
            if (!covered) packs = readSpan(actual);
          } catch {
            tx.abort();
          }
        };
        let left = 2;
        let result: Omit<EarlyRead, 'tracker'> | null = null;
        const finish = () => {
          if (--left === 0)
            done(result ? { ...result, tracker: (tracker.result as TrackerRow | undefined)?.state ?? null } : null);
        };
        tx.oncomplete = () => {
          const rows = (packs.req?.result ?? []) as PackRow[];
          result = {
            settings: (settings.result as SettingsRow | undefined)?.value ?? null,
            rules: sortRules(rules.result as UserRule[]),
            ranges,
            segments: ranges.map((r) => (r.to > r.from ? segmentsFromPacks(rows, r.from, r.to) : [])),
          };
          finish();
        };
        trackerTx.oncomplete = finish;
        tx.onerror = tx.onabort = trackerTx.onerror = trackerTx.onabort = () => done(null);
      } catch {
        done(null);
      } finally {
        // Closes once the transactions are over; never holds up a later upgrade.
        db.close();
      }
    };
  });
}

// ---------- a read started before the page's modules load ----------

const BOOT_KEY = '__creativeRatioEarlyRead';

/**
 * Start the early read from a page's boot script (a classic script that runs while the page's
 * modules are still loading) and leave it for the page to take.
 */
export function publishEarlyRead(rangesFor: (settings: unknown) => EarlyRange[]): void {
  (globalThis as Record<string, unknown>)[BOOT_KEY] = readEarly(rangesFor, SCHEMA_VERSION * 10);
}

/** The read a boot script started, once (null when there was none). */
export function takeEarlyRead(): Promise<EarlyRead | null> | null {
  const g = globalThis as Record<string, unknown>;
  const started = g[BOOT_KEY] as Promise<EarlyRead | null> | undefined;
  delete g[BOOT_KEY];
  return started ?? null;
}

// ---------- the page's early read, held until the live queries answer ----------

/**
 * The early read of one database in this page: started once, first thing in a page's entry
 * (`start`), then read synchronously by the reader and the hooks (`get`, `subscribe`) — settings,
 * rules and the tracker checkpoint until their live queries answer. Framework-free and free of
 * Dexie, so the popup draws today's numbers from it before Dexie is loaded.
 */
export class EarlyStore {
  private value: EarlyRead | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly name: string = DB_NAME) {}

  /**
   * Start the early read (or take over the one the boot script started). `rangesFor` picks the
   * segment ranges from the stored settings; `onRead` gets the result before any listener does.
   */
  start(rangesFor: (settings: unknown) => EarlyRange[], onRead?: (read: EarlyRead) => void): Promise<EarlyRead | null> {
    const t0 = perfNow();
    const started = this.name === DB_NAME ? takeEarlyRead() : null;
    return (started ?? readEarly(rangesFor, SCHEMA_VERSION * 10, this.name)).then((read) => {
      measureSince('cr:early-read', t0);
      if (read) {
        onRead?.(read);
        this.value = read;
        for (const fn of this.listeners) fn();
      }
      return read;
    });
  }

  /** The early read, once it answered (null before, or when it could not be used). */
  readonly get = (): EarlyRead | null => this.value;

  readonly subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => {
      this.listeners.delete(fn);
    };
  };

  /** Forget the read (tests). */
  reset(): void {
    this.value = null;
  }
}

const earlyStores = new Map<string, EarlyStore>();

/** The early read of database `name` in this page (one per database). */
export function earlyStoreOf(name: string = DB_NAME): EarlyStore {
  let store = earlyStores.get(name);
  if (!store) earlyStores.set(name, (store = new EarlyStore(name)));
  return store;
}
