/**
 * Reading what the extension stored, with raw IndexedDB (no Dexie, no app code), from inside the
 * extension: in its running service worker, or in an extension page opened for the purpose.
 * The functions passed to `evaluate` are serialised, so they must not call module-level helpers.
 *
 * Opening a page changes the active tab, so a tracking test records its end instant *before*
 * reading and clips what it reads to that instant.
 */
import type { Page, Worker } from 'playwright-core';
import type { Segment } from '../../../lib/model.ts';
import type { TrackerState } from '../../../lib/tracker/state.ts';
import { DB_NAME } from '../../../lib/db/names.ts';
import { readBuiltManifest } from './build.ts';
import type { LaunchedExtension } from './launch.ts';

export { DB_NAME };

/** A stored segment row as the tests see it: the app's Segment with its id (and any other field a row holds). */
export type StoredSegment = Segment & { id: number; [key: string]: unknown };

/** Every object store of every IndexedDB database of the extension, plus chrome.storage. */
export interface StorageDump {
  indexedDb: Record<string, Record<string, unknown[]>>;
  storageLocal: Record<string, unknown>;
  storageSession: Record<string, unknown>;
}

export type ReadVia = 'worker' | 'page' | 'auto';

/** The part of the extension API the storage dump uses (the code runs inside the extension). */
declare const chrome: {
  storage: {
    local: { get(keys: null): Promise<Record<string, unknown>> };
    session: { get(keys: null): Promise<Record<string, unknown>> };
  };
};

/** Runs in the extension (worker or page): dumps the given database (all databases when null). */
export async function dumpIndexedDb(onlyDb: string | null): Promise<Record<string, Record<string, unknown[]>>> {
  const names = (await indexedDB.databases()).map((info) => info.name).filter((name): name is string => !!name);
  const out: Record<string, Record<string, unknown[]>> = {};
  for (const name of names) {
    if (onlyDb !== null && name !== onlyDb) continue;
    // Opening without a version never upgrades (nor creates) the schema of an existing database.
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error(`opening ${name} is blocked`));
    });
    const stores: Record<string, unknown[]> = {};
    for (const store of Array.from(db.objectStoreNames)) {
      stores[store] = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store, 'readonly').objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    out[name] = stores;
  }
  return out;
}

/** Runs in the extension: chrome.storage.local and .session. */
async function dumpChromeStorage(): Promise<Pick<StorageDump, 'storageLocal' | 'storageSession'>> {
  return {
    storageLocal: await chrome.storage.local.get(null),
    storageSession: await chrome.storage.session.get(null).catch(() => ({})),
  };
}

/**
 * Evaluate `fn(arg)` inside the extension. `auto` (default) uses the running service worker when
 * there is one and falls back to a fresh extension page (closed afterwards).
 */
export async function inExtension<A, R>(
  ext: LaunchedExtension,
  fn: (arg: A) => Promise<R>,
  arg: A,
  via: ReadVia = 'auto',
): Promise<R> {
  // Arguments and results cross the protocol as JSON; Playwright's own generic types are stricter than needed.
  const pageFunction = fn as (arg: unknown) => Promise<R>;
  if (via !== 'page') {
    const worker: Worker | undefined = ext.currentWorker();
    if (worker) {
      try {
        return await withTimeout(worker.evaluate(pageFunction, arg as unknown), 5_000);
      } catch (error) {
        if (via === 'worker') throw error;
      }
    } else if (via === 'worker') {
      throw new Error('The service worker is not running.');
    }
  }
  const page: Page = await ext.context.newPage();
  try {
    // Any extension page gives access to the extension's storage; the action popup always exists.
    await page.goto(ext.extensionUrl(readBuiltManifest(ext.extensionDir).action?.default_popup ?? 'popup.html'));
    return await page.evaluate(pageFunction, arg as unknown);
  } finally {
    await page.close();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** All rows of the `segments` store ([] when the database does not exist yet). */
export async function readSegments(ext: LaunchedExtension, via: ReadVia = 'auto'): Promise<StoredSegment[]> {
  const dump = await inExtension(ext, dumpIndexedDb, DB_NAME, via);
  return (dump[DB_NAME]?.segments ?? []) as StoredSegment[];
}

/** The tracker checkpoint (`tracker` store, key 'tracker'), or null when none was written yet. */
export async function readTracker(ext: LaunchedExtension, via: ReadVia = 'auto'): Promise<TrackerState | null> {
  const dump = await inExtension(ext, dumpIndexedDb, DB_NAME, via);
  const row = (dump[DB_NAME]?.tracker ?? []).find((r) => (r as { key?: unknown }).key === 'tracker') as
    { state?: TrackerState } | undefined;
  return row?.state ?? null;
}

/** Segments and tracker state read in one go (one consistent snapshot). */
export async function readTracking(
  ext: LaunchedExtension,
  via: ReadVia = 'auto',
): Promise<{ segments: StoredSegment[]; tracker: TrackerState | null }> {
  const dump = await inExtension(ext, dumpIndexedDb, DB_NAME, via);
  const stores = dump[DB_NAME] ?? {};
  const row = (stores.tracker ?? []).find((r) => (r as { key?: unknown }).key === 'tracker') as
    { state?: TrackerState } | undefined;
  return { segments: (stores.segments ?? []) as StoredSegment[], tracker: row?.state ?? null };
}

/** Everything the extension keeps: all IndexedDB databases and chrome.storage.local/session. */
export async function dumpStorage(ext: LaunchedExtension, via: ReadVia = 'auto'): Promise<StorageDump> {
  const indexedDb = await inExtension(ext, dumpIndexedDb, null, via);
  return { indexedDb, ...(await inExtension(ext, dumpChromeStorage, undefined, via)) };
}

/** Runs in the extension: all rows of store `store` of database `name`. */
async function storeRows({ name, store }: { name: string; store: string }): Promise<unknown[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const rows = await new Promise<unknown[]>((resolve, reject) => {
    const req = db.transaction(store, 'readonly').objectStore(store).getAll();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  db.close();
  return rows;
}

/** All rows of one store of the app's database, read in the extension. */
export function readStore(ext: LaunchedExtension, store: string, via: ReadVia = 'auto'): Promise<unknown[]> {
  return inExtension(ext, storeRows, { name: DB_NAME, store }, via);
}
