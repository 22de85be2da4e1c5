/**
 * A zone defined inside the file by a VTIMEZONE component (RFC 5545 §3.6.5): STANDARD and
 * DAYLIGHT observances, each with an onset (DTSTART, wall time in the offset it replaces),
 * TZOFFSETFROM, TZOFFSETTO and an optional RRULE/RDATE. Used only when the TZID is neither an
 * IANA name nor a known Windows name (e.g. Outlook's "Customized Time Zone"). Pure.
 */
import { prop, props, type IcsComponent } from './ics-components';
import { param } from './ics-lines';
import { parseDateTime, parseTime, parseUtcOffset } from './ics-values';
import { expandRRule } from './rrule-expand';
import { parseRRule, type RRule } from './rrule-parse';
import { makeZone, type Zone } from './time-zones';
import { wallFields, wallFromFields } from './wall-time';

interface Observance {
  onsetWall: number;
  from: number;
  to: number;
  rules: RRule[];
  rdates: number[];
}

interface Transition {
  instant: number;
  to: number;
}

/** Build a zone from a VTIMEZONE, or null when it has no usable observance. */
export function vtimezoneZone(tz: IcsComponent): Zone | null {
  const tzid = prop(tz, 'TZID')?.value.trim() ?? 'VTIMEZONE';
  const observances: Observance[] = [];
  for (const child of tz.children) {
    if (child.name !== 'STANDARD' && child.name !== 'DAYLIGHT') continue;
    const start = parseDateTime(prop(child, 'DTSTART')?.value ?? '');
    const from = parseUtcOffset(prop(child, 'TZOFFSETFROM')?.value ?? '');
    const to = parseUtcOffset(prop(child, 'TZOFFSETTO')?.value ?? '');
    if (!start || from === null || to === null) continue;
    const rules: RRule[] = [];
    for (const r of props(child, 'RRULE')) {
      const parsed = parseRRule(r.value);
      if (parsed.ok) rules.push(parsed.rule);
    }
    const rdates: number[] = [];
    for (const r of props(child, 'RDATE')) {
      for (const v of r.value.split(',')) {
        const t = parseTime(v, param(r, 'VALUE'));
        if (t) rdates.push(t.wall);
      }
    }
    observances.push({ onsetWall: start.wall, from, to, rules, rdates });
  }
  if (observances.length === 0) return null;
  observances.sort((a, b) => a.onsetWall - b.onsetWall);
  const initial = observances[0]!.from;

  const expand = (startWall: number, endWall: number): Transition[] => {
    const list: Transition[] = [];
    for (const o of observances) {
      const onsets = new Set<number>([o.onsetWall, ...o.rdates]);
      for (const rule of o.rules) {
        const until = rule.until;
        const withinUntil = until
          ? until.utc
            ? (w: number) => w - o.from <= until.wall
            : (w: number) => w <= until.wall
          : undefined;
        const r = expandRRule(rule, o.onsetWall, { startWall, endWall, withinUntil, maxOccurrences: 5_000 });
        for (const w of r.walls) onsets.add(w);
      }
      for (const w of onsets) if (w < endWall) list.push({ instant: w - o.from, to: o.to });
    }
    return list.sort((a, b) => a.instant - b.instant);
  };

  // Transitions from two years before `year` to two years after (enough for any instant in
  // `year`), and — only when a zone's rules ended long ago — every transition ever.
  const near = new Map<number, Transition[]>();
  let all: Transition[] | null = null;
  let allEnd = -Infinity;
  const lastAtOrBefore = (list: Transition[], instant: number): number => {
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.instant <= instant) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };

  return makeZone(tzid, 'vtimezone', (instant) => {
    const year = wallFields(instant).year;
    let list = near.get(year);
    if (!list) {
      list = expand(wallFromFields(year - 2, 1, 1), wallFromFields(year + 2, 1, 1));
      if (near.size > 64) near.clear();
      near.set(year, list);
    }
    let i = lastAtOrBefore(list, instant);
    if (i >= 0) return list[i]!.to;
    const end = wallFromFields(year + 2, 1, 1);
    if (!all || end > allEnd) {
      all = expand(-Infinity, end);
      allEnd = end;
    }
    i = lastAtOrBefore(all, instant);
    return i < 0 ? initial : all[i]!.to;
  });
}
