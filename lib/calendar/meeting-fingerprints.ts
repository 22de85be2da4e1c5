/**
 * The meetings of a calendar, kept so they can be corrected later ("I skipped this one") and
 * judged again when meeting rules change — without keeping their UIDs, organizers or titles in
 * readable form. A stored meeting holds fingerprints (FNV-1a 64, lib/export/checksum.ts) of:
 * - its occurrence (UID + RECURRENCE-ID, or UID + start): the key a skip is stored under, so a
 *   refresh or a re-import that brings the occurrence back keeps it skipped;
 * - its series UID, its organizer's address and the organizer's `@domain`;
 * - every run of 1…MAX_PHRASE_WORDS consecutive words of its title (and the same run without a
 *   plural "s"), cut exactly where the title matcher (meeting-rules.ts `meetingWordMatcher`) puts
 *   word boundaries. A title rule then matches a stored meeting when the fingerprint of its phrase
 *   is among the meeting's; tests/calendar/meeting-fingerprints.test.ts proves this equals the
 *   plain-text matcher for phrases of up to MAX_PHRASE_WORDS words that begin and end with a letter
 *   or digit. Longer phrases, or phrases that begin or end with a symbol, apply when a calendar is
 *   imported or refreshed, not to meetings already stored (the rules form says so).
 *
 * A fingerprint hides the text from casual reading; it is not encryption: anyone holding the
 * profile can fingerprint a guessed word and compare. Pure and synchronous.
 */
import type { Segment, SegmentOverride } from '@/lib/model';
import { fnv1a64 } from '@/lib/export/checksum';
import {
  mergeClassifiedMeetings,
  type ClassifiedMeeting,
  type MeetingClassResult,
  type MeetingClassRule,
  type MeetingFacts,
} from './meeting-classes';
import { meetingSegments } from './to-segments';

/** The longest title phrase (in words) a rule can re-judge stored meetings by. */
export const MAX_PHRASE_WORDS = 4;

/** One meeting as stored (without the database's own id). */
export interface StoredMeeting {
  /** Calendar import it belongs to (lib/calendar/import-id.ts). */
  importId: string;
  /** Occurrence, clipped to the import window, epoch ms. */
  start: number;
  end: number;
  /** Fingerprint of UID + occurrence (the skip key). */
  occ: string;
  /** Fingerprint of the series UID, '' when the event has none. */
  series: string;
  /** Fingerprints of the organizer's address and `@domain`, '' when unknown. */
  org: string;
  orgDomain: string;
  /** Fingerprints of the title's word runs (1…MAX_PHRASE_WORDS words). */
  words: string[];
  /** The title, only when the person chose "Keep event titles". */
  title?: string;
  /** What it counts as under the rules it was last judged by. */
  override: SegmentOverride;
}

const fp = (kind: string, text: string) => fnv1a64(`creative-ratio:${kind}:${text}`);

const WORD = /[\p{L}\p{N}]+/gu;
const LETTER = /\p{L}/u;

/** The title as the matcher sees it: NFKC, lower-case. */
function prepare(title: string): string {
  return title.normalize('NFKC').toLowerCase();
}

/** The word runs of a text: [start, end) of each maximal run of letters and digits. */
function wordSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(WORD)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** Fingerprints of every run of 1…MAX_PHRASE_WORDS words of the title, and of each run without a plural "s". */
export function titleFingerprints(title: string): string[] {
  const t = prepare(title);
  const spans = wordSpans(t);
  const out = new Set<string>();
  for (let i = 0; i < spans.length; i++) {
    for (let k = i; k < spans.length && k < i + MAX_PHRASE_WORDS; k++) {
      const text = t.slice(spans[i]![0], spans[k]![1]);
      out.add(fp('w', text));
      // "reviews" is matched by a rule "review": the same run without a final "s" after a letter.
      if (text.length >= 2 && text.endsWith('s') && LETTER.test(text[text.length - 2]!))
        out.add(fp('w', text.slice(0, -1)));
    }
  }
  return [...out];
}

/**
 * The fingerprint a title rule's phrase is looked up by, or null when the phrase cannot be
 * matched against stored meetings (more than MAX_PHRASE_WORDS words, or it begins or ends
 * with a symbol).
 */
export function phraseFingerprint(phrase: string): string | null {
  const p = phrase.trim().toLowerCase();
  if (!p) return null;
  const spans = wordSpans(p);
  if (spans.length === 0 || spans.length > MAX_PHRASE_WORDS) return null;
  if (spans[0]![0] !== 0 || spans[spans.length - 1]![1] !== p.length) return null;
  return fp('w', p);
}

/** Whether a meeting rule can re-judge stored meetings (series and organizer rules always can). */
export function ruleRejudges(rule: Pick<MeetingClassRule, 'match' | 'value'>): boolean {
  return rule.match !== 'title' || phraseFingerprint(rule.value) !== null;
}

export function seriesFingerprint(uid: string): string {
  return uid ? fp('s', uid) : '';
}

/** Fingerprints of an organizer address and of its `@domain` (the part after the last "@"). */
export function organizerFingerprints(address: string): { org: string; orgDomain: string } {
  const a = address.toLowerCase();
  const at = a.lastIndexOf('@');
  if (!a || at < 0) return { org: '', orgDomain: '' };
  return { org: fp('o', a), orgDomain: fp('d', a.slice(at)) };
}

/** The occurrence key: UID and the occurrence's RECURRENCE-ID (or its start), so a moved occurrence keeps its key. */
export function occurrenceKey(uid: string, recurrence: string): string {
  return fp('k', `${uid}\u0000${recurrence}`);
}

/** The stored form of one judged meeting. */
export function storedMeeting(
  facts: MeetingFacts,
  occurrence: string,
  at: { start: number; end: number; importId: string; keepTitles: boolean; override: SegmentOverride },
  /** titleFingerprints(facts.title), when the caller already has it (occurrences of a series share it). */
  words: string[] = titleFingerprints(facts.title),
): StoredMeeting {
  const m: StoredMeeting = {
    importId: at.importId,
    start: at.start,
    end: at.end,
    occ: occurrenceKey(facts.uid, occurrence),
    series: seriesFingerprint(facts.uid),
    ...organizerFingerprints(facts.organizer),
    words: [...words],
    override: at.override.kind ? { class: at.override.class, kind: at.override.kind } : { class: at.override.class },
  };
  if (at.keepTitles) m.title = facts.title;
  return m;
}

const COORDINATION: SegmentOverride = { class: 'coordination', kind: 'meetings' };

/**
 * Compile rules for stored meetings: the same order and outcome as `meetingClassifier`, matched
 * by fingerprints. Title rules that cannot be fingerprinted (ruleRejudges) never match here.
 */
export type MeetingPrints = Pick<StoredMeeting, 'series' | 'org' | 'orgDomain' | 'words'>;

export function storedMeetingClassifier(rules: readonly MeetingClassRule[]): (m: MeetingPrints) => MeetingClassResult {
  const compiled = rules.flatMap((r): Array<{ r: MeetingClassRule; test: (m: MeetingPrints) => boolean }> => {
    if (r.match === 'title') {
      const f = phraseFingerprint(r.value);
      return f ? [{ r, test: (m) => m.words.includes(f) }] : [];
    }
    if (r.match === 'series') {
      const f = seriesFingerprint(r.value);
      return [{ r, test: (m) => m.series !== '' && m.series === f }];
    }
    if (r.value.startsWith('@')) {
      const f = fp('d', r.value);
      return [{ r, test: (m) => m.orgDomain !== '' && m.orgDomain === f }];
    }
    const f = fp('o', r.value);
    return [{ r, test: (m) => m.org !== '' && m.org === f }];
  });
  return (m) => {
    for (const { r, test } of compiled) {
      if (test(m)) return { override: { class: r.class, kind: r.kind }, ruleId: r.id };
    }
    return { override: { ...COORDINATION }, ruleId: null };
  };
}

/**
 * The segments of one import, derived from its stored meetings: skipped ones left out, the rest
 * merged (coordination wins an overlap), labelled and split at local midnight — the same code an
 * import plan runs (plan-import.ts), so a plain import stores exactly what its preview showed.
 */
export function deriveSegments(
  meetings: readonly Pick<StoredMeeting, 'start' | 'end' | 'occ' | 'title' | 'override'>[],
  importId: string,
  skipped: ReadonlySet<string> = new Set(),
): Segment[] {
  const counted: ClassifiedMeeting[] = [];
  for (const m of meetings) {
    if (skipped.has(m.occ)) continue;
    counted.push({ start: m.start, end: m.end, title: m.title ?? '', override: m.override });
  }
  const keepTitles = meetings.some((m) => m.title !== undefined);
  return meetingSegments(mergeClassifiedMeetings(counted), {
    importId,
    keepTitles,
    from: -Infinity,
    to: Infinity,
  });
}
