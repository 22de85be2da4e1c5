/**
 * Zone conversions. The test process runs with TZ=Europe/Berlin (vitest.config.ts); every
 * other zone here is explicit (IANA via Intl, Windows names, VTIMEZONE), so New York and
 * Sydney DST changes are tested without changing TZ.
 */
import { describe, expect, it } from 'vitest';
import { Budget } from '@/lib/calendar/budget';
import { readComponents, type IcsComponent } from '@/lib/calendar/ics-components';
import { createZoneResolver } from '@/lib/calendar/resolve-zone';
import { FLOATING_ZONE, ianaZone, UTC_ZONE } from '@/lib/calendar/time-zones';
import { vtimezoneZone } from '@/lib/calendar/vtimezone';
import { wallFromFields } from '@/lib/calendar/wall-time';
import { windowsZoneEntries, windowsZoneToIana } from '@/lib/calendar/windows-zones';

const HOUR = 3_600_000;

function zone(name: string) {
  const z = ianaZone(name);
  if (!z) throw new Error(`runtime does not know ${name}`);
  return z;
}

describe('IANA zones via Intl', () => {
  it.each([
    ['America/New_York', [2025, 3, 3, 9, 0], Date.UTC(2025, 2, 3, 14)],
    ['America/New_York', [2025, 3, 10, 9, 0], Date.UTC(2025, 2, 10, 13)],
    ['America/New_York, skipped hour 02:30 → 03:30 EDT', [2025, 3, 9, 2, 30], Date.UTC(2025, 2, 9, 7, 30)],
    ['America/New_York, repeated hour 01:30 → first (EDT)', [2025, 11, 2, 1, 30], Date.UTC(2025, 10, 2, 5, 30)],
    ['Europe/Berlin, skipped hour', [2025, 3, 30, 2, 30], Date.UTC(2025, 2, 30, 1, 30)],
    ['Europe/Berlin, repeated hour → first (CEST)', [2025, 10, 26, 2, 30], Date.UTC(2025, 9, 26, 0, 30)],
    ['Australia/Sydney, repeated hour → first (AEDT)', [2025, 4, 6, 2, 30], Date.UTC(2025, 3, 5, 15, 30)],
    ['Australia/Lord_Howe (half-hour DST)', [2025, 1, 15, 9, 0], Date.UTC(2025, 0, 14, 22, 0)],
    ['Asia/Kolkata', [2025, 6, 1, 9, 0], Date.UTC(2025, 5, 1, 3, 30)],
  ] as const)('%s', (label, [y, mo, d, h, mi], instant) => {
    const z = zone(label.split(/[ ,]/)[0]!);
    expect(z.toInstant(wallFromFields(y, mo, d, h, mi))).toBe(instant);
  });

  it('round-trips instants through wall time', () => {
    const z = zone('America/New_York');
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2026, 0, 1); t += 7 * HOUR + 13 * 60_000) {
      expect(z.toInstant(z.toWall(t))).toBe(t);
    }
  });

  it('rejects names the runtime does not know, without throwing', () => {
    expect(ianaZone('Mars/Olympus_Mons')).toBeNull();
    expect(ianaZone('W. Europe Standard Time')).toBeNull();
    expect(ianaZone('')).toBeNull();
  });

  it('UTC and floating zones', () => {
    expect(UTC_ZONE.toInstant(Date.UTC(2025, 0, 1, 9))).toBe(Date.UTC(2025, 0, 1, 9));
    // Floating times are read in the computer's zone (TZ=Europe/Berlin here).
    expect(FLOATING_ZONE.toInstant(wallFromFields(2025, 1, 15, 9))).toBe(new Date(2025, 0, 15, 9).getTime());
    expect(FLOATING_ZONE.toInstant(wallFromFields(2025, 3, 30, 2, 30))).toBe(Date.UTC(2025, 2, 30, 1, 30));
  });
});

describe('Windows zone names (Outlook)', () => {
  it.each([
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['Pacific Standard Time', 'America/Los_Angeles'],
    ['Eastern Standard Time', 'America/New_York'],
    ['GMT Standard Time', 'Europe/London'],
    ['  romance standard time ', 'Europe/Paris'],
    ['AUS Eastern Standard Time', 'Australia/Sydney'],
    ['India Standard Time', 'Asia/Kolkata'],
  ])('%s → %s', (win, iana) => {
    expect(windowsZoneToIana(win)).toBe(iana);
  });

  it('covers the CLDR table and every mapped name is known to this runtime', () => {
    expect(windowsZoneEntries().length).toBeGreaterThan(130);
    expect(windowsZoneToIana('Not A Zone')).toBeNull();
    const unknown = windowsZoneEntries().filter(([, iana]) => ianaZone(iana) === null);
    expect(unknown).toEqual([]);
  });
});

function vtimezones(text: string): IcsComponent[] {
  const r = readComponents(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.calendars.flatMap((c) => c.children.filter((x) => x.name === 'VTIMEZONE'));
}

const CUSTOM_EASTERN = [
  'BEGIN:VCALENDAR',
  'BEGIN:VTIMEZONE',
  'TZID:Customized Time Zone',
  'BEGIN:STANDARD',
  'DTSTART:16010101T020000',
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:16010101T020000',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0400',
  'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
  'BEGIN:VTIMEZONE',
  'TZID:Old Rules',
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0300',
  'TZOFFSETTO:+0300',
  'END:STANDARD',
  'END:VTIMEZONE',
  'END:VCALENDAR',
].join('\r\n');

describe('VTIMEZONE zones', () => {
  it('a custom zone with US rules agrees with America/New_York every hour of 2025', () => {
    const custom = vtimezoneZone(vtimezones(CUSTOM_EASTERN)[0]!, new Budget())!;
    const ny = zone('America/New_York');
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2026, 0, 1); t += HOUR) {
      expect(custom.offsetAt(t)).toBe(ny.offsetAt(t));
    }
    expect(custom.toInstant(wallFromFields(2025, 3, 9, 2, 30))).toBe(ny.toInstant(wallFromFields(2025, 3, 9, 2, 30)));
  });

  it('a zone whose only observance is long past keeps its last offset', () => {
    const old = vtimezoneZone(vtimezones(CUSTOM_EASTERN)[1]!, new Budget())!;
    expect(old.offsetAt(Date.UTC(2025, 5, 1))).toBe(3 * HOUR);
  });
});

describe('TZID resolution', () => {
  const resolve = createZoneResolver(vtimezones(CUSTOM_EASTERN), new Budget());
  it.each([
    ['Europe/Berlin', 'Europe/Berlin', 'iana'],
    ['/mozilla.org/20050126_1/America/New_York', 'America/New_York', 'iana'],
    ['W. Europe Standard Time', 'Europe/Berlin', 'iana'],
    ['"Pacific Standard Time"', 'America/Los_Angeles', 'iana'],
    ['Customized Time Zone', 'Customized Time Zone', 'vtimezone'],
  ])('%s', (tzid, id, kind) => {
    const r = resolve(tzid);
    expect(r.zone.id).toBe(id);
    expect(r.zone.kind).toBe(kind);
    expect(r.note).toBeUndefined();
  });

  it('an Outlook display name without a definition uses its offset, with a note', () => {
    const r = resolve('(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi');
    expect(r.zone.offsetAt(0)).toBe(5.5 * HOUR);
    expect(r.note).toMatch(/fixed offset/);
  });

  it('an unknown zone falls back to local time, with a note', () => {
    const r = resolve('Somewhere/Else');
    expect(r.zone.kind).toBe('floating');
    expect(r.note).toMatch(/Unknown time zone "Somewhere\/Else"/);
  });
});
