/**
 * A zone defined inside the file by a VTIMEZONE component (RFC 5545 §3.6.5): STANDARD and
 * DAYLIGHT observances, each with an onset (DTSTART, wall time in the offset it replaces),
 * TZOFFSETFROM, TZOFFSETTO and an optional RRULE/RDATE. Used only when the TZID is neither an
 * IANA name nor a known Windows name (e.g. Outlook's "Customized Time Zone").
 *
 * The observances' rules are expanded by ical.js (lib/calendar/repeat-rule.ts), once, for the
 * years an import can touch (1900–2100), into a sorted list of transitions; an instant's offset
 * is a binary search. Before the first transition the zone has that transition's TZOFFSETFROM.
 * Observances and rule instances are charged to the file's budget. Pure apart from the budget.
 */
import type { Budget, Spender } from './budget';
import { prop, props, type IcsComponent } from './ics-components';
import { param } from './ics-lines';
import { parseDateTime, parseTime, parseUtcOffset } from './ics-values';
import { expandRepeatRule, readRepeatRule, untilTest } from './repeat-rule';
import { makeZone, type Zone } from './time-zones';
import { wallFromFields } from './wall-time';

interface Transition {
  instant: number;
  from: number;
  to: number;
}

const FIRST_WALL = wallFromFields(1900, 1, 1);
const LAST_WALL = wallFromFields(2100, 1, 1);

/** Build a zone from a VTIMEZONE, or null when it has no usable observance. Throws BudgetExceeded. */
export function vtimezoneZone(tz: IcsComponent, budget: Budget): Zone | null {
  const tzid = prop(tz, 'TZID')?.value.trim() ?? 'VTIMEZONE';
  const who: Spender = { kind: 'zone', line: tz.line, tzid };
  const observances = tz.children.filter((c) => c.name === 'STANDARD' || c.name === 'DAYLIGHT');
  budget.observance(who, observances.length);
  const list: Transition[] = [];
  let latestOnset: { wall: number; to: number } | null = null;
  for (const child of observances) {
    const start = parseDateTime(prop(child, 'DTSTART')?.value ?? '');
    const from = parseUtcOffset(prop(child, 'TZOFFSETFROM')?.value ?? '');
    const to = parseUtcOffset(prop(child, 'TZOFFSETTO')?.value ?? '');
    if (!start || from === null || to === null) continue;
    if (!latestOnset || start.wall > latestOnset.wall) latestOnset = { wall: start.wall, to };
    const onsets = new Set<number>([start.wall]);
    for (const r of props(child, 'RRULE')) {
      const read = readRepeatRule(r.value);
      if (!read.ok) continue;
      const withinUntil = untilTest(read.rule.until, (w) => w - from);
      const x = expandRepeatRule(
        read.rule,
        start.wall,
        { startWall: FIRST_WALL, endWall: LAST_WALL, withinUntil, maxOccurrences: 1_000 },
        budget,
        who,
      );
      for (const w of x.walls) onsets.add(w);
    }
    for (const r of props(child, 'RDATE')) {
      const values = r.value.split(',');
      budget.listed(who, values.length);
      for (const v of values) {
        const t = parseTime(v, param(r, 'VALUE'));
        if (t) onsets.add(t.wall);
      }
    }
    for (const w of onsets) if (w < LAST_WALL) list.push({ instant: w - from, from, to });
  }
  if (!latestOnset) return null;
  list.sort((a, b) => a.instant - b.instant);
  const fallback = latestOnset.to;

  return makeZone(tzid, 'vtimezone', (instant) => {
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
    if (found >= 0) return list[found]!.to;
    return list.length > 0 ? list[0]!.from : fallback;
  });
}
