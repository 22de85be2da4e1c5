/** Calendar segment rows as stored (shared by imports, refreshes and derived meetings; no other storage imports). */
import type { Segment } from '@/lib/model';
import { isDayKey } from '@/lib/time/days';

/** Throws when a calendar segment is not one an import may store (also used by subscription refreshes). */
export function checkSegment(s: Segment, i: number): void {
  const bad = (why: string) => new Error(`Calendar segment ${i + 1} is invalid: ${why}.`);
  if (!Number.isFinite(s.start) || !Number.isFinite(s.end) || !(s.end > s.start))
    throw bad('its end must be after its start');
  if (s.source !== 'calendar') throw bad("its source must be 'calendar'");
  if (!isDayKey(s.day)) throw bad('its day must be yyyy-MM-dd');
}

/** The stored row of a calendar segment: copied field by field (never the caller's `id`), stamped with `importId`. */
export function calendarRow(s: Segment, importId: string): Segment {
  const row: Segment = {
    start: s.start,
    end: s.end,
    day: s.day,
    host: '',
    path: '',
    source: 'calendar',
    lane: 'focus',
    importId,
  };
  if (s.label !== undefined) row.label = s.label;
  if (s.override)
    row.override = s.override.kind ? { class: s.override.class, kind: s.override.kind } : { class: s.override.class };
  return row;
}
