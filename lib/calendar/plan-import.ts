/**
 * What an import will do, before anything is written: parse → expand in the window →
 * judge each occurrence → merge overlapping meetings → segments, plus what was skipped and
 * why. The preview shows this plan; the Import button writes exactly its segments. Pure.
 */
import type { Segment } from '@/lib/model';
import type { IcsError } from './ics-components';
import type { EventProblem } from './ics-events';
import { expandEvents, instantOf, type ExpandOutcome, type Occurrence } from './expand-events';
import { storedMeeting, titleFingerprints, type StoredMeeting } from './meeting-fingerprints';
import { meetingJudge, SKIP_REASONS, type SkipReason } from './meeting-rules';
import { mergeIntervals } from './merge-intervals';
import {
  meetingClassifier,
  meetingFacts,
  mergeClassifiedMeetings,
  type ClassifiedMeeting,
  type MeetingClassRule,
} from './meeting-classes';
import { summarizeMeetings, type MeetingSummaries, type SummaryMeeting } from './meeting-summary';
import { parseIcs, type ParsedCalendar } from './parse-calendar';
import { meetingSegments } from './to-segments';

export interface ImportOptions {
  /** Window start (inclusive), epoch ms. */
  from: number;
  /** Window end (exclusive), epoch ms. */
  to: number;
  /** Keep event titles as labels (default off: every label is "Meeting"). */
  keepTitles: boolean;
  meetingWords: readonly string[];
  /** The owner's addresses, in addition to the one the file reveals (Google). */
  ownerEmails: readonly string[];
  countTentative: boolean;
  /** Stamped on every segment (lib/calendar/import-id.ts). */
  importId: string;
  /** Meeting classification rules in force (lib/calendar/meeting-classes.ts); none: every meeting is coordination. */
  meetingClasses?: readonly MeetingClassRule[];
  /** Also list the recurring series and organizers (the preview's; lib/calendar/meeting-summary.ts). */
  summaries?: boolean;
}

export interface SkippedGroup {
  reason: SkipReason;
  label: string;
  why: string;
  count: number;
  /** Up to three distinct titles, for the preview only (never stored). */
  examples: string[];
}

/** An event the file gets wrong (it ends before it starts), for the preview's "not counted". */
export interface InvalidEvent {
  uid: string;
  /** Line of its BEGIN:VEVENT. */
  line: number;
}

export interface ImportPlan {
  from: number;
  to: number;
  segments: Segment[];
  /**
   * The counted meetings themselves, as stored (fingerprints, lib/calendar/meeting-fingerprints.ts):
   * `segments` is what deriving them gives with nothing skipped.
   */
  meetings: StoredMeeting[];
  /** Occurrences counted as meetings (before merging overlaps). */
  meetingCount: number;
  /** Of those, how many a rule made creative. */
  creativeCount: number;
  /** Meeting time in the window, overlaps counted once. */
  meetingMs: number;
  /** How many meeting occurrences overlapped another one. */
  overlapping: number;
  skipped: SkippedGroup[];
  /** Events that end before they start, once per event (UID and line), in file order. */
  invalid: InvalidEvent[];
  /**
   * The span the file's events cover inside the window (every occurrence, counted or not), or
   * null when none falls inside it. The preview shows this range and its weeks.
   */
  covered: { from: number; to: number } | null;
  /** Unreadable events, ignored lines and notes, by line number. */
  problems: EventProblem[];
  /** Whether declined invitations could be recognised. */
  ownerKnown: boolean;
  /** Recurring series and organizers of the counted meetings, when asked for (`summaries`); never stored. */
  summary?: MeetingSummaries;
}

export type PlanResult = { ok: true; plan: ImportPlan } | { ok: false; error: IcsError };

/**
 * Plan an import. `expanded` may pass the result of expandEvents for the same calendar and
 * window, so that changing an option (titles, meeting words) does not expand again.
 */
export function planImport(
  calendar: ParsedCalendar,
  options: ImportOptions,
  expanded: ExpandOutcome = expandEvents(calendar.events, { from: options.from, to: options.to }),
): PlanResult {
  try {
    if (!expanded.ok) return expanded;
    const owners = [...options.ownerEmails, ...(calendar.ownerEmail ? [calendar.ownerEmail] : [])];
    const judge = meetingJudge({
      meetingWords: options.meetingWords,
      ownerEmails: owners,
      countTentative: options.countTentative,
    });

    const classify = meetingClassifier(options.meetingClasses ?? []);
    const meetings: ClassifiedMeeting[] = [];
    const summarized: SummaryMeeting[] = [];
    const stored: StoredMeeting[] = [];
    // The occurrences of a repeating meeting share their title: fingerprint each title once.
    const prints = new Map<string, string[]>();
    const printsOf = (title: string) => {
      let p = prints.get(title);
      if (!p) prints.set(title, (p = titleFingerprints(title)));
      return p;
    };
    const skipped = new Map<SkipReason, { count: number; examples: Set<string> }>();
    const invalid = new Map<string, InvalidEvent>();
    let coveredFrom = Infinity;
    let coveredTo = -Infinity;
    for (const occ of expanded.occurrences) {
      coveredFrom = Math.min(coveredFrom, Math.max(occ.start, options.from));
      coveredTo = Math.max(coveredTo, Math.min(Math.max(occ.end, occ.start), options.to));
      const v = judge(occ);
      if (v.meeting) {
        const facts = meetingFacts(occ.event);
        const { override, ruleId } = classify(facts);
        const start = Math.max(occ.start, options.from);
        const end = Math.min(occ.end, options.to);
        meetings.push({ start, end, title: occ.event.summary, override });
        if (options.summaries) {
          const ev = occ.event;
          summarized.push({
            ...facts,
            start,
            end,
            recurring: ev.rrules.length > 0 || ev.rdates.length > 0 || ev.recurrenceId !== undefined,
            override,
            ruleId,
          });
        }
        if (end > start)
          stored.push(
            storedMeeting(
              facts,
              occurrenceOf(occ),
              {
                start,
                end,
                importId: options.importId,
                keepTitles: options.keepTitles,
                override,
              },
              printsOf(facts.title),
            ),
          );
        continue;
      }
      if (v.reason === 'invalid') {
        const key = `${occ.event.line}`;
        if (!invalid.has(key)) invalid.set(key, { uid: occ.event.uid, line: occ.event.line });
      }
      let g = skipped.get(v.reason);
      if (!g) skipped.set(v.reason, (g = { count: 0, examples: new Set() }));
      g.count++;
      if (g.examples.size < 3 && occ.event.summary) g.examples.add(occ.event.summary.slice(0, 60));
    }

    const merged = mergeIntervals(meetings);
    const segments = meetingSegments(mergeClassifiedMeetings(meetings), {
      importId: options.importId,
      keepTitles: options.keepTitles,
      from: options.from,
      to: options.to,
    });
    const overlapping = merged.reduce((n, m) => n + (m.members.length > 1 ? m.members.length : 0), 0);

    const problems = [...calendar.problems, ...expanded.notes].sort((a, b) => a.line - b.line);
    return {
      ok: true,
      plan: {
        from: options.from,
        to: options.to,
        segments,
        meetings: stored,
        meetingCount: meetings.length,
        creativeCount: meetings.filter((m) => m.override.class === 'creative').length,
        meetingMs: merged.reduce((s, m) => s + (m.end - m.start), 0),
        overlapping,
        skipped: SKIP_REASONS.filter((r) => skipped.has(r.reason)).map((r) => ({
          ...r,
          count: skipped.get(r.reason)!.count,
          examples: [...skipped.get(r.reason)!.examples],
        })),
        invalid: [...invalid.values()].sort((a, b) => a.line - b.line),
        covered: coveredFrom <= coveredTo ? { from: coveredFrom, to: Math.max(coveredTo, coveredFrom + 1) } : null,
        problems,
        ownerKnown: owners.length > 0,
        ...(options.summaries ? { summary: summarizeMeetings(summarized, { owners }) } : {}),
      },
    };
  } catch (e) {
    return {
      ok: false,
      error: { message: `The calendar could not be processed (${e instanceof Error ? e.message : String(e)}).` },
    };
  }
}

/** Which occurrence of its event this is: its RECURRENCE-ID when it has one (a moved occurrence keeps it), else its start. */
function occurrenceOf(occ: Occurrence): string {
  const r = occ.event.recurrenceId;
  if (!r) return `t${occ.start}`;
  return r.date ? `d${r.wall}` : `t${instantOf(r)}`;
}

/** Parse and plan in one step (tests, benchmarks). */
export function planFromText(text: string, options: ImportOptions): PlanResult {
  const parsed = parseIcs(text);
  return parsed.ok ? planImport(parsed.calendar, options) : parsed;
}
