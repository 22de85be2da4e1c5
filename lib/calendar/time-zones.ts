/**
 * Time zones as the importer needs them: turn a wall-clock time (lib/calendar/wall-time.ts)
 * into an instant and back. Every zone is described by one function, its UTC offset at an
 * instant; the conversions are shared:
 *
 * - wall → instant: try the offsets in force a day before and a day after. When both fit
 *   (a repeated hour in autumn), the earlier instant wins; when neither fits (a skipped hour in
 *   spring), the offset from before the change is used, so 02:30 becomes 03:30 — both as
 *   RFC 5545 §3.3.5 asks.
 * - instant → wall: instant + offset.
 *
 * IANA zones use Intl.DateTimeFormat (no time-zone data is bundled). Pure apart from caches.
 */
import { DAY } from './wall-time';

export type ZoneKind = 'utc' | 'floating' | 'iana' | 'fixed' | 'vtimezone';

export interface Zone {
  /** IANA name, `UTC`, `floating`, or the TZID of a VTIMEZONE. */
  readonly id: string;
  readonly kind: ZoneKind;
  /** UTC offset in ms at `instant` (wall = instant + offset). */
  offsetAt(instant: number): number;
  toInstant(wall: number): number;
  toWall(instant: number): number;
}

/**
 * A zone's methods are not enumerable, so a parsed calendar can cross postMessage (the worker,
 * lib/calendar/calendar.worker.ts): structured cloning keeps only `id` and `kind`. Zones are
 * used only where the calendar is read and expanded; on the other side they are just names.
 */
function withMethods(id: string, kind: ZoneKind, methods: Pick<Zone, 'offsetAt' | 'toInstant' | 'toWall'>): Zone {
  const zone = { id, kind } as Zone;
  for (const [name, fn] of Object.entries(methods)) Object.defineProperty(zone, name, { value: fn, enumerable: false });
  return zone;
}

export function makeZone(id: string, kind: ZoneKind, offsetAt: (instant: number) => number): Zone {
  return withMethods(id, kind, {
    offsetAt,
    toWall: (instant) => instant + offsetAt(instant),
    toInstant: (wall) => wallToInstant(offsetAt, wall),
  });
}

/** Wall time → instant for a zone given by its offset function (see the module comment). */
export function wallToInstant(offsetAt: (instant: number) => number, wall: number): number {
  const before = offsetAt(wall - DAY);
  const after = offsetAt(wall + DAY);
  const t1 = wall - before;
  if (before === after) {
    if (offsetAt(t1) === before) return t1;
    // Two changes within two days (rare): try the offset at the naive instant.
    const o = offsetAt(wall - offsetAt(t1));
    return wall - o;
  }
  const t2 = wall - after;
  const ok1 = offsetAt(t1) === before;
  const ok2 = offsetAt(t2) === after;
  if (ok1 && ok2) return Math.min(t1, t2);
  if (ok1) return t1;
  if (ok2) return t2;
  return t1;
}

export const UTC_ZONE: Zone = withMethods('UTC', 'utc', {
  offsetAt: () => 0,
  toWall: (t) => t,
  toInstant: (w) => w,
});

/** Floating times (no zone in the file) are read in the computer's own time zone. */
export const FLOATING_ZONE: Zone = makeZone('floating', 'floating', (t) => {
  const o = -new Date(t).getTimezoneOffset() * 60_000;
  return o === 0 ? 0 : o;
});

export function fixedOffsetZone(offsetMs: number, id?: string): Zone {
  return makeZone(id ?? `UTC${offsetMs >= 0 ? '+' : '-'}${formatOffset(Math.abs(offsetMs))}`, 'fixed', () => offsetMs);
}

function formatOffset(ms: number): string {
  const m = Math.round(ms / 60_000);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

const ianaCache = new Map<string, Zone | null>();

/**
 * The IANA zone `name` (e.g. `America/New_York`), or null when this runtime does not know it.
 * Names are matched as Intl matches them (case-insensitive; links such as `US/Eastern` work).
 */
export function ianaZone(name: string): Zone | null {
  const key = name.trim();
  if (!key || key.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(key)) return null;
  if (ianaCache.has(key)) return ianaCache.get(key)!;
  let zone: Zone | null = null;
  try {
    const fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: key,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    const id = fmt.resolvedOptions().timeZone;
    zone = makeZone(id, id === 'UTC' || id === 'Etc/UTC' ? 'utc' : 'iana', intlOffset(fmt));
  } catch {
    zone = null;
  }
  ianaCache.set(key, zone);
  return zone;
}

/**
 * Offset function backed by Intl, cached by day: when the offsets at two consecutive UTC
 * midnights agree, the whole day has that offset (zones change at most once a day); a day with
 * a change is cached by quarter hour (every change since 1970 falls on a quarter hour).
 */
function intlOffset(fmt: Intl.DateTimeFormat): (instant: number) => number {
  const QUARTER = 15 * 60_000;
  const raw = (at: number): number => {
    let year = 0;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let bc = false;
    for (const p of fmt.formatToParts(new Date(at))) {
      switch (p.type) {
        case 'year':
          year = Number(p.value);
          break;
        case 'month':
          month = Number(p.value);
          break;
        case 'day':
          day = Number(p.value);
          break;
        case 'hour':
          hour = Number(p.value) % 24;
          break;
        case 'minute':
          minute = Number(p.value);
          break;
        case 'second':
          second = Number(p.value);
          break;
        case 'era':
          bc = /^b/i.test(p.value);
          break;
        default:
          break;
      }
    }
    const d = new Date(0);
    d.setUTCFullYear(bc ? 1 - year : year, month - 1, day);
    d.setUTCHours(hour, minute, second, 0);
    return d.getTime() - at;
  };
  const atMidnight = new Map<number, number>();
  const midnight = (dayIndex: number): number => {
    let o = atMidnight.get(dayIndex);
    if (o === undefined) {
      o = raw(dayIndex * DAY);
      if (atMidnight.size > 50_000) atMidnight.clear();
      atMidnight.set(dayIndex, o);
    }
    return o;
  };
  const quarters = new Map<number, number>();
  return (instant) => {
    const dayIndex = Math.floor(instant / DAY);
    const o = midnight(dayIndex);
    if (o === midnight(dayIndex + 1)) return o;
    const bucket = Math.floor(instant / QUARTER);
    let q = quarters.get(bucket);
    if (q === undefined) {
      q = raw(bucket * QUARTER);
      if (quarters.size > 20_000) quarters.clear();
      quarters.set(bucket, q);
    }
    return q;
  };
}
