/**
 * Range reads kept in memory and kept fresh, shared by everything a page shows (one store per
 * kind of read in each reader, lib/db/read/reader.ts). Framework-free: the hooks in
 * components/data/ subscribe through the reader's `watch…()` API.
 *
 * Each entry is a Dexie live query: Dexie re-runs it whenever a write touches what it read — from
 * this page, another page or the service worker — and the entry keeps the latest result. A page
 * that shows the same range again (a week switch back, a prefetched week) gets the value without
 * any storage read. Reads of many rows should run in an explicit read-only transaction
 * (lib/db/read/queries.ts does, through the day packs): they are observed just the same, but Dexie's live-query cache then
 * neither keeps nor deep-clones thousands of rows.
 *
 * Entries nobody listens to are dropped, least recently used first, beyond `capacity`.
 */
import { liveQuery, type Subscription } from 'dexie';

export interface RangeSource<T> {
  /** The read, run as a live query. */
  query: () => Promise<T>;
  /** Called when a write touched what the query read, after its first result (before the new one). */
  onChange?: () => void;
}

interface Entry<T> {
  value: T | undefined;
  listeners: Set<() => void>;
  waiters: Array<(v: T) => void>;
  sub: Subscription | null;
  usedAt: number;
}

export class LiveRanges<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private tick = 0;

  /**
   * @param equals When given, a live result equal to the value already held (e.g. one seeded from
   *   the page's early read) keeps the held value, so nothing downstream recomputes.
   */
  constructor(
    private readonly capacity: number,
    private readonly equals?: (a: T, b: T) => boolean,
  ) {}

  /** The current value, or undefined while the first read runs (or when the key was never asked for). */
  peek(key: string): T | undefined {
    return this.entries.get(key)?.value;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Start the live query of `key` unless it runs already. */
  ensure(key: string, source: RangeSource<T>): void {
    const existing = this.entries.get(key);
    if (existing) {
      existing.usedAt = ++this.tick;
      return;
    }
    const e: Entry<T> = { value: undefined, listeners: new Set(), waiters: [], sub: null, usedAt: ++this.tick };
    this.entries.set(key, e);
    let first = true;
    e.sub = liveQuery(source.query).subscribe({
      next: (value) => {
        if (!first) source.onChange?.();
        const wasFirst = first;
        first = false;
        // The first live answer equal to a seeded value changes nothing.
        if (wasFirst && e.value !== undefined && this.equals?.(e.value, value)) return;
        e.value = value;
        for (const w of e.waiters.splice(0)) w(value);
        for (const fn of e.listeners) fn();
      },
      error: (error: unknown) => console.error(`Reading ${key} failed`, error),
    });
    this.evict();
  }

  /**
   * Give `key` a value read another way before its live query answers (the page's early read).
   * Ignored once the key has a value. Call `ensure` first.
   */
  seed(key: string, value: T): void {
    const e = this.entries.get(key);
    if (!e || e.value !== undefined) return;
    e.value = value;
    for (const w of e.waiters.splice(0)) w(value);
    for (const fn of e.listeners) fn();
  }

  /** Resolves with the value once read (at once when it already is). Call `ensure` first. */
  whenReady(key: string): Promise<T> {
    const e = this.entries.get(key);
    if (!e) return Promise.reject(new Error(`${key} is not watched`));
    if (e.value !== undefined) return Promise.resolve(e.value);
    return new Promise((resolve) => e.waiters.push(resolve));
  }

  /** Listen to changes of `key` (it is kept while someone listens). */
  listen(key: string, fn: () => void): () => void {
    const e = this.entries.get(key);
    if (!e) return () => undefined;
    e.listeners.add(fn);
    return () => {
      e.listeners.delete(fn);
      e.usedAt = ++this.tick;
      this.evict();
    };
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(): void {
    if (this.entries.size <= this.capacity) return;
    const idle = [...this.entries].filter(([, e]) => e.listeners.size === 0).sort((a, b) => a[1].usedAt - b[1].usedAt);
    for (const [key, e] of idle) {
      if (this.entries.size <= this.capacity) break;
      e.sub?.unsubscribe();
      this.entries.delete(key);
    }
  }
}
