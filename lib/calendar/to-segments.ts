/**
 * Merged meetings → stored segments: source 'calendar', lane 'focus', counted as
 * coordination / meetings unless a meeting rule made the block creative, clipped to the import window and split at local midnight. Labels
 * are "Meeting" unless the person chose to keep event titles. Pure.
 */
import type { Segment, SegmentOverride } from '@/lib/model';
import { splitAtMidnights } from '@/lib/time/days';
import { MAX_LABEL_CHARS } from './limits';

export const MEETING_OVERRIDE: Readonly<SegmentOverride> = { class: 'coordination', kind: 'meetings' };
export const DEFAULT_MEETING_LABEL = 'Meeting';

export interface MeetingBlock {
  start: number;
  end: number;
  /** Titles of the meetings in this block (only used when titles are kept). */
  titles: string[];
  /** What the block counts as (lib/calendar/meeting-classes.ts); default coordination / meetings. */
  override?: SegmentOverride;
}

/** A label from titles: distinct titles joined with " + ", at most 80 characters. */
export function meetingLabel(titles: readonly string[], keepTitles: boolean): string {
  if (!keepTitles) return DEFAULT_MEETING_LABEL;
  const distinct = [
    ...new Set(
      titles
        .map((t) =>
          t
            .replace(/\p{Cc}/gu, ' ')
            .replace(/\s+/g, ' ')
            .trim(),
        )
        .filter(Boolean),
    ),
  ];
  if (distinct.length === 0) return DEFAULT_MEETING_LABEL;
  const joined = distinct.join(' + ');
  return joined.length <= MAX_LABEL_CHARS ? joined : `${joined.slice(0, MAX_LABEL_CHARS - 1).trimEnd()}…`;
}

export interface SegmentOptions {
  importId: string;
  keepTitles: boolean;
  from: number;
  to: number;
}

/** Blocks must not overlap (merge first); the result is sorted and non-overlapping. */
export function meetingSegments(blocks: readonly MeetingBlock[], options: SegmentOptions): Segment[] {
  const out: Segment[] = [];
  for (const b of blocks) {
    const start = Math.max(b.start, options.from);
    const end = Math.min(b.end, options.to);
    if (!(end > start)) continue;
    const label = meetingLabel(b.titles, options.keepTitles);
    for (const piece of splitAtMidnights(start, end)) {
      out.push({
        start: piece.start,
        end: piece.end,
        day: piece.day,
        host: '',
        path: '',
        source: 'calendar',
        lane: 'focus',
        label,
        override: { ...(b.override ?? MEETING_OVERRIDE) },
        importId: options.importId,
      });
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}
