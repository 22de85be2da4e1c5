/**
 * TZID → zone. In order:
 *
 * 1. an IANA name the runtime knows (`America/New_York`), also at the end of a prefixed id
 *    (`/mozilla.org/20050126_1/Europe/Berlin`);
 * 2. a Windows name as Outlook writes it (`W. Europe Standard Time`, lib/calendar/windows-zones.ts);
 * 3. the file's VTIMEZONE with that TZID: its `X-LIC-LOCATION` if that is an IANA name,
 *    else its own STANDARD/DAYLIGHT rules;
 * 4. an Outlook display name such as `(UTC+01:00) Amsterdam, Berlin…`: its fixed offset;
 * 5. otherwise the computer's own zone, with a note the preview shows.
 *
 * A VTIMEZONE is only read when a TZID needs it, and its work is charged to the file's budget.
 * Pure apart from caches.
 */
import type { Budget } from './budget';
import { prop, type IcsComponent } from './ics-components';
import { FLOATING_ZONE, fixedOffsetZone, ianaZone, type Zone } from './time-zones';
import { vtimezoneZone } from './vtimezone';
import { windowsZoneToIana } from './windows-zones';

export interface ZoneResolution {
  zone: Zone;
  /** Set when the TZID could not be resolved exactly (shown once per TZID). */
  note?: string;
}

export type ZoneResolver = (tzid: string) => ZoneResolution;

function ianaFromPath(tzid: string): Zone | null {
  const direct = ianaZone(tzid);
  if (direct) return direct;
  const parts = tzid.split('/').filter(Boolean);
  for (let k = Math.min(3, parts.length); k >= 1; k--) {
    const z = ianaZone(parts.slice(parts.length - k).join('/'));
    if (z && (k > 1 || /^(UTC|GMT|Etc)/i.test(parts[parts.length - 1]!))) return z;
  }
  return null;
}

export function createZoneResolver(vtimezones: readonly IcsComponent[], budget: Budget): ZoneResolver {
  const byTzid = new Map<string, IcsComponent>();
  for (const tz of vtimezones) {
    const id = prop(tz, 'TZID')?.value.trim();
    if (id && !byTzid.has(id)) byTzid.set(id, tz);
  }
  const cache = new Map<string, ZoneResolution>();
  return (raw) => {
    const tzid = raw.trim().replace(/^"|"$/g, '');
    const hit = cache.get(tzid);
    if (hit) return hit;
    const result = resolve(tzid, byTzid, budget);
    cache.set(tzid, result);
    return result;
  };
}

function resolve(tzid: string, byTzid: Map<string, IcsComponent>, budget: Budget): ZoneResolution {
  const iana = ianaFromPath(tzid);
  if (iana) return { zone: iana };
  const win = windowsZoneToIana(tzid);
  if (win) {
    const z = ianaZone(win);
    if (z) return { zone: z };
  }
  const tz = byTzid.get(tzid);
  if (tz) {
    const location = prop(tz, 'X-LIC-LOCATION')?.value.trim();
    const fromLocation = location ? ianaZone(location) : null;
    if (fromLocation) return { zone: fromLocation };
    const custom = vtimezoneZone(tz, budget);
    if (custom) return { zone: custom };
  }
  const display = /^\((?:UTC|GMT)(?:([+-])(\d{1,2}):(\d{2}))?\)/i.exec(tzid);
  if (display) {
    const sign = display[1] === '-' ? -1 : 1;
    const ms = display[2] ? sign * (Number(display[2]) * 60 + Number(display[3])) * 60_000 : 0;
    return {
      zone: fixedOffsetZone(ms, tzid),
      note: `Time zone "${tzid}" has no definition in the file; its fixed offset was used (summer time may be off by an hour).`,
    };
  }
  return {
    zone: FLOATING_ZONE,
    note: `Unknown time zone "${tzid}": its times were read in this computer's time zone.`,
  };
}
