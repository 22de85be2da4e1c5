/**
 * Day packs: a read-optimised copy of the `segments` table, one row per UTC day holding every
 * segment that starts in it (ids included, ordered by start then id).
 *
 * Why: IndexedDB pays a fixed cost per row read through an index (measured in Chromium: ~40 µs a
 * row, so a week of ~2,900 segments took 95–200 ms). Reading the same week as 8 compact packs takes
 * 4–12 ms plus ~1–7 ms to decode, and the cost still follows the week shown, not the history kept. Packs are not summaries: they hold
 * the segments themselves, so classification (rules, overrides) is still applied when read and a
 * rule change needs no rebuild.
 *
 * Consistency: `packsMiddleware` (a Dexie DBCore middleware) updates the packs inside the very
 * transaction of every write to `segments` — add, put, update, modify, delete, clear, from any
 * caller — so no write path can forget them and a crash can never leave them half-updated. The
 * schema upgrade that introduced them (version 2) builds them from the existing segments.
 *
 * Buckets are UTC days (not local days), so a time-zone change never moves a segment between
 * packs: a local week [from, to) is read as the buckets it overlaps and filtered by `start`.
 */
import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import type { Segment } from '@/lib/model';

export const PACK_MS = 86_400_000;
export const PACKS_TABLE = 'packs';
/**
 * Segments are split at local midnight when written, so a segment overlapping an instant started at
 * most this long before it (a day, plus a time-zone change): the lookback of an "overlapping" read.
 */
export const OVERLAP_LOOKBACK_MS = 26 * 60 * 60 * 1000;
const SEGMENTS_TABLE = 'segments';

/**
 * One pack, stored compactly: the numbers as typed arrays, the strings once per distinct
 * (host, path, source, lane, day). A day of ~400 segments takes ~12–25 kB instead of ~100 kB of
 * plain objects — under Chromium's 64 kB limit above which IndexedDB stores a value as a separate
 * blob file (reading a week measured 4–12 ms this way, 18–68 ms as objects).
 */
export interface PackRow {
  /** UTC day number: Math.floor(start / 86,400,000). */
  bucket: number;
  /** Encoding version of this row. */
  v: 1;
  ids: Float64Array;
  starts: Float64Array;
  ends: Float64Array;
  /** Per segment, its index in `keys`. */
  key: Uint32Array;
  /** Distinct [host, path, source, lane, day] of the pack. */
  keys: [string, string, string, string, string][];
  /** Any other fields (label, override, importId…) of the segments that have them: [position, fields]. */
  extras: [number, Record<string, unknown>][];
}

export function bucketOf(start: number): number {
  return Math.floor(start / PACK_MS);
}

/** The first and last bucket holding segments that start in [from, to). */
export function bucketRange(from: number, to: number): [number, number] {
  return [bucketOf(from), bucketOf(Math.max(from, to - 1))];
}

/** Packs of a set of segments (each must have an id), ordered by bucket. */
export function packSegments(segments: readonly Segment[]): PackRow[] {
  const groups = new Map<number, Segment[]>();
  for (const s of segments) {
    const b = bucketOf(s.start);
    let list = groups.get(b);
    if (!list) groups.set(b, (list = []));
    list.push(s);
  }
  return [...groups.keys()].sort((a, b) => a - b).map((bucket) => encodePack(bucket, groups.get(bucket)!));
}

/**
 * Encode the segments of one bucket (each with its id) as a pack row, ordered by start then id.
 * Self-contained on purpose (no helpers, no imports): scripts/demo.ts sends its source into a
 * page to seed a profile exactly as the extension writes.
 */
export function encodePack(bucket: number, segments: readonly Segment[]): PackRow {
  const sorted = [...segments].sort((a, b) => a.start - b.start || (a.id ?? 0) - (b.id ?? 0));
  const n = sorted.length;
  const ids = new Float64Array(n);
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const key = new Uint32Array(n);
  const keys: [string, string, string, string, string][] = [];
  const index = new Map<string, number>();
  const extras: [number, Record<string, unknown>][] = [];
  for (let i = 0; i < n; i += 1) {
    const { id, start, end, day, host, path, source, lane, ...rest } = sorted[i]!;
    if (typeof id !== 'number') throw new Error('A packed segment needs its id.');
    ids[i] = id;
    starts[i] = start;
    ends[i] = end;
    const text = `${host}\u0000${path}\u0000${source}\u0000${lane}\u0000${day}`;
    let k = index.get(text);
    if (k === undefined) {
      k = keys.length;
      index.set(text, k);
      keys.push([host, path, source, lane, day]);
    }
    key[i] = k;
    const more: Record<string, unknown> = {};
    let any = false;
    for (const [name, value] of Object.entries(rest)) {
      if (value !== undefined) {
        more[name] = value;
        any = true;
      }
    }
    if (any) extras.push([i, more]);
  }
  return { bucket, v: 1, ids, starts, ends, key, keys, extras };
}

/** The segments of a pack row, ordered by start then id. */
export function decodePack(row: PackRow): Segment[] {
  const out: Segment[] = new Array(row.ids.length);
  for (let i = 0; i < row.ids.length; i += 1) {
    const [host, path, source, lane, day] = row.keys[row.key[i]!]!;
    out[i] = {
      id: row.ids[i]!,
      start: row.starts[i]!,
      end: row.ends[i]!,
      day,
      host,
      path,
      source: source as Segment['source'],
      lane: lane as Segment['lane'],
    };
  }
  for (const [i, more] of row.extras) Object.assign(out[i]!, more);
  return out;
}

/**
 * A pack after removing the segments with ids in `remove` and adding (or replacing) `add`.
 * Returns null when the pack ends up empty (the row is then deleted).
 */
export function applyToPack(
  bucket: number,
  current: PackRow | null | undefined,
  remove: ReadonlySet<number>,
  add: readonly Segment[],
): PackRow | null {
  const replaced = new Set(add.map((s) => s.id!));
  const kept = (current ? decodePack(current) : []).filter((s) => !remove.has(s.id!) && !replaced.has(s.id!));
  const segments = kept.concat(add);
  return segments.length ? encodePack(bucket, segments) : null;
}

/** The segments of `packs` that start in [from, to), in order (start, then id). */
export function segmentsFromPacks(packs: readonly PackRow[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  for (const p of [...packs].sort((a, b) => a.bucket - b.bucket))
    for (const s of decodePack(p)) if (s.start >= from && s.start < to) out.push(s);
  return out;
}

// ---------- the middleware ----------

function isFullRange(range: DBCoreKeyRange): boolean {
  return range.lower === undefined && range.upper === undefined;
}

/**
 * Keeps `packs` equal to `packSegments(all segments)`. Mutations of `segments` inside one
 * transaction are applied one after another (a pack is read, changed and written back, so two
 * concurrent bulk writes must not interleave).
 */
export function createPacksCore(down: DBCore): DBCore {
  const chains = new WeakMap<DBCoreTransaction, Promise<unknown>>();
  return {
    ...down,
    transaction(stores, mode, options) {
      const withPacks =
        mode === 'readwrite' && stores.includes(SEGMENTS_TABLE) && !stores.includes(PACKS_TABLE)
          ? [...stores, PACKS_TABLE]
          : stores;
      return down.transaction(withPacks, mode, options);
    },
    table(name) {
      const table = down.table(name);
      if (name !== SEGMENTS_TABLE) return table;
      return {
        ...table,
        mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
          const previous = chains.get(req.trans) ?? Promise.resolve();
          const next = previous.then(() => mutateWithPacks(down, table, req));
          chains.set(
            req.trans,
            next.catch(() => undefined),
          );
          return next;
        },
      } satisfies DBCoreTable;
    },
  };
}

async function mutateWithPacks(
  down: DBCore,
  segments: DBCoreTable,
  req: DBCoreMutateRequest,
): Promise<DBCoreMutateResponse> {
  const packs = down.table(PACKS_TABLE);
  const trans = req.trans;

  if (req.type === 'deleteRange' && isFullRange(req.range)) {
    const res = await segments.mutate(req);
    if (res.numFailures === 0) await packs.mutate({ type: 'deleteRange', trans, range: req.range });
    return res;
  }

  // The rows as they were (what a put replaces, what a delete removes).
  let old: Segment[] = [];
  if (req.type === 'put') {
    const keys = req.values
      .map((v: Segment, i) => req.keys?.[i] ?? v.id)
      .filter((k): k is number => k !== undefined && k !== null);
    if (keys.length)
      old = ((await segments.getMany({ trans, keys })) as (Segment | undefined)[]).filter((s): s is Segment => !!s);
  } else if (req.type === 'delete') {
    old = ((await segments.getMany({ trans, keys: req.keys })) as (Segment | undefined)[]).filter(
      (s): s is Segment => !!s,
    );
  } else if (req.type === 'deleteRange') {
    const r = await segments.query({
      trans,
      values: true,
      query: { index: segments.schema.primaryKey, range: req.range },
    });
    old = r.result as Segment[];
  }

  // Ask for the generated keys: rows added without an id (a restore, a merge) are packed under them.
  const res = await segments.mutate(req.type === 'add' || req.type === 'put' ? { ...req, wantResults: true } : req);

  // What actually changed (a failed operation changed nothing).
  const failed = (i: number) => res.failures[i] !== undefined;
  const remove = new Map<number, Set<number>>();
  const add = new Map<number, Segment[]>();
  const removeRow = (s: Segment) => {
    const b = bucketOf(s.start);
    let set = remove.get(b);
    if (!set) remove.set(b, (set = new Set()));
    set.add(s.id!);
  };
  if (req.type === 'add' || req.type === 'put') {
    const written = new Set<number>();
    req.values.forEach((v: Segment, i) => {
      if (failed(i)) return;
      const id = res.results?.[i] ?? req.keys?.[i] ?? v.id;
      if (typeof id !== 'number') return;
      written.add(id);
      const row = { ...v, id };
      const b = bucketOf(row.start);
      let list = add.get(b);
      if (!list) add.set(b, (list = []));
      list.push(row);
    });
    for (const s of old) if (written.has(s.id!)) removeRow(s);
  } else if (req.type === 'delete') {
    const ok = new Set(req.keys.filter((_, i) => !failed(i)));
    for (const s of old) if (ok.has(s.id)) removeRow(s);
  } else {
    if (res.numFailures === 0) for (const s of old) removeRow(s);
  }

  const buckets = [...new Set([...remove.keys(), ...add.keys()])].sort((a, b) => a - b);
  if (!buckets.length) return res;
  const current = (await packs.getMany({ trans, keys: buckets })) as (PackRow | undefined)[];
  const puts: PackRow[] = [];
  const deletes: number[] = [];
  buckets.forEach((b, i) => {
    const next = applyToPack(b, current[i], remove.get(b) ?? new Set(), add.get(b) ?? []);
    if (next) puts.push(next);
    else if (current[i]) deletes.push(b);
  });
  // A pack that cannot be written must not leave the segments changed without it: throwing aborts
  // the whole transaction (the write is then retried or reported like any failed write).
  const check = (r: DBCoreMutateResponse) => {
    if (r.numFailures) throw Object.values(r.failures)[0] ?? new Error('Could not update the day packs.');
  };
  if (puts.length) check(await packs.mutate({ type: 'put', trans, values: puts }));
  if (deletes.length) check(await packs.mutate({ type: 'delete', trans, keys: deletes }));
  return res;
}

export const packsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'SegmentPacks',
  create: createPacksCore,
};

/**
 * True when two reads returned the same segments (same order, same stored fields). Cheap: a page
 * uses it to keep an earlier read's array when a later read of the same range finds nothing new.
 */
export function sameSegments(a: readonly Segment[], b: readonly Segment[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i]!;
    const y = b[i]!;
    if (
      x.id !== y.id ||
      x.start !== y.start ||
      x.end !== y.end ||
      x.day !== y.day ||
      x.host !== y.host ||
      x.path !== y.path ||
      x.source !== y.source ||
      x.lane !== y.lane ||
      x.label !== y.label ||
      x.importId !== y.importId ||
      x.override?.class !== y.override?.class ||
      x.override?.kind !== y.override?.kind
    )
      return false;
  }
  return true;
}
