/**
 * Which calendar occurrences count as meetings. Every input is explicit; docs/calendar.md
 * explains the rules to the person.
 *
 * An occurrence is skipped, for the first reason that applies, when it is
 *   cancelled · declined by the owner · all-day · out of office · free (transparent, FREE) ·
 *   tentative (only when the person turns off "count tentative meetings") · invalid (ends before it
 *   starts) · without duration · 8 h or longer ·
 *   a focus block ("Focus time", "Deep work", "Do not book"…) · lunch.
 * Otherwise it is a meeting when at least two people take part (organizer included; rooms,
 * resources and people who declined do not count), when its title contains one of the
 * person's meeting words, when it carries an online-meeting link, or when it is tagged
 * "Meeting" (CATEGORIES). Anything else is a solo appointment and is skipped.
 *
 * Focus blocks are skipped rather than counted as creative time: a block on the calendar is an
 * intention, not measured work. What the person actually does in it is measured by the browser
 * tracker (or recorded as a manual block). Pure.
 */
import type { Occurrence } from './expand-events';
import type { IcsEvent, Participant } from './ics-events';
import { MAX_MEETING_MS } from './limits';

export type SkipReason =
  | 'cancelled'
  | 'declined'
  | 'all-day'
  | 'out-of-office'
  | 'free'
  | 'tentative'
  | 'invalid'
  | 'no-duration'
  | 'too-long'
  | 'focus'
  | 'lunch'
  | 'not-a-meeting';

/** Display order and wording of skip reasons (preview and docs). */
export const SKIP_REASONS: ReadonlyArray<{ reason: SkipReason; label: string; why: string }> = [
  { reason: 'cancelled', label: 'Cancelled', why: 'Cancelled events did not happen.' },
  { reason: 'declined', label: 'Declined', why: 'You declined the invitation.' },
  { reason: 'all-day', label: 'All-day events', why: 'All-day events (holidays, travel, reminders) are not meetings.' },
  { reason: 'out-of-office', label: 'Out of office', why: 'Time off is not working time.' },
  { reason: 'free', label: 'Shown as free', why: 'Events marked "free" do not block your time.' },
  { reason: 'tentative', label: 'Tentative', why: 'Not confirmed, and "Count tentative meetings" is off.' },
  { reason: 'invalid', label: 'Invalid events', why: 'The event ends before it starts: the file is wrong about it.' },
  { reason: 'no-duration', label: 'No duration', why: 'The event has no length (it ends when it starts).' },
  {
    reason: 'too-long',
    label: '8 hours or longer',
    why: 'Very long events are placeholders (conferences, trips), not meetings.',
  },
  {
    reason: 'focus',
    label: 'Focus blocks',
    why: 'A focus block is an intention, not measured work; the tracker measures what you actually do.',
  },
  { reason: 'lunch', label: 'Lunch', why: 'Breaks are not working time.' },
  {
    reason: 'not-a-meeting',
    label: 'Not meetings',
    why: 'Only you take part and the title has none of your meeting words.',
  },
];

/** Title words that make a solo event (no invitees listed) a meeting. The person can edit them. */
export const DEFAULT_MEETING_WORDS: readonly string[] = [
  'meeting',
  'call',
  'sync',
  'standup',
  'stand-up',
  '1:1',
  '1-1',
  'one-on-one',
  'interview',
  'review',
  'retro',
  'demo',
  'workshop',
  'webinar',
  'kickoff',
  'kick-off',
  'check-in',
  'catch-up',
  'huddle',
  'briefing',
  'planning',
];

/**
 * Titles that mark a focus block, an absence or a break: [phrase, reason, where].
 * - `start`: the title starts with the phrase ("Focus time – launch copy"),
 * - `strict`: the whole title, or the phrase followed by punctuation ("Focus: Q3 plan", but not "Focus group"),
 * - `word`: the phrase anywhere as whole words ("Team lunch", "Jane OOO").
 */
const SKIP_PHRASES: ReadonlyArray<readonly [string, SkipReason, 'start' | 'strict' | 'word']> = [
  ['focus time', 'focus', 'start'],
  ['focus block', 'focus', 'start'],
  ['focus session', 'focus', 'start'],
  ['focus hours', 'focus', 'start'],
  ['focus', 'focus', 'strict'],
  ['deep work', 'focus', 'start'],
  ['do not book', 'focus', 'start'],
  ["don't book", 'focus', 'start'],
  ['no meetings', 'focus', 'start'],
  ['heads down', 'focus', 'start'],
  ['heads-down', 'focus', 'start'],
  ['out of office', 'out-of-office', 'word'],
  ['out of the office', 'out-of-office', 'word'],
  ['out-of-office', 'out-of-office', 'word'],
  ['ooo', 'out-of-office', 'word'],
  ['lunch', 'lunch', 'word'],
];

export interface MeetingRules {
  /** Title words that make a solo event a meeting (case-insensitive, whole words, plural "s" allowed). */
  meetingWords: readonly string[];
  /** The owner's addresses (lower-case). Empty = the owner is not known: declines cannot be detected. */
  ownerEmails: readonly string[];
  /**
   * Count events marked tentative (Outlook's default for unanswered invitations). The import form
   * defaults to true (DEFAULT_COUNT_TENTATIVE): a tentative meeting blocks the time.
   */
  countTentative: boolean;
}

/** Tentative meetings count by default: the time is blocked, and Outlook marks unanswered invitations tentative. */
export const DEFAULT_COUNT_TENTATIVE = true;

export type Verdict = { meeting: true } | { meeting: false; reason: SkipReason };

/** Lower-case and drop leading emoji, brackets and punctuation ("🎧 [Focus] time" → "focus] time"). */
function normalizeTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2019\u2018]/g, "'")
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The skip reason a title implies, or null. */
export function titleSkipReason(title: string): SkipReason | null {
  const t = normalizeTitle(title);
  if (!t) return null;
  for (const [phrase, reason, where] of SKIP_PHRASES) {
    if (where === 'word') {
      const at = wordIndex(t, phrase);
      if (at >= 0) return reason;
      continue;
    }
    if (!t.startsWith(phrase)) continue;
    const rest = t.slice(phrase.length);
    if (rest === '') return reason;
    if (/^[\p{L}\p{N}]/u.test(rest)) continue;
    if (where === 'strict' && /^\s*[\p{L}\p{N}]/u.test(rest)) continue;
    return reason;
  }
  return null;
}

/** Index of `phrase` in `text` as whole words (no letter or digit on either side), or −1. */
function wordIndex(text: string, phrase: string): number {
  let from = 0;
  for (;;) {
    const i = text.indexOf(phrase, from);
    if (i < 0) return -1;
    const before = i === 0 ? '' : text[i - 1]!;
    const after = text[i + phrase.length] ?? '';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return i;
    from = i + 1;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A matcher for the meeting words (compiled once per import). */
export function meetingWordMatcher(words: readonly string[]): (title: string) => boolean {
  const cleaned = [...new Set(words.map((w) => w.trim().toLowerCase()).filter(Boolean))];
  if (cleaned.length === 0) return () => false;
  const alternatives = cleaned.map((w) => escapeRegExp(w) + (/\p{L}$/u.test(w) ? 's?' : ''));
  const re = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${alternatives.join('|')})(?=$|[^\\p{L}\\p{N}])`, 'iu');
  return (title) => re.test(title.normalize('NFKC'));
}

/** Parse the person's meeting-words field: comma- or newline-separated, at most 100 words of 40 characters. */
export function parseMeetingWords(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\n;]/)
        .map((w) => w.trim().toLowerCase().slice(0, 40))
        .filter(Boolean),
    ),
  ].slice(0, 100);
}

function people(ev: IcsEvent): number {
  const ids = new Set<string>();
  const add = (p: Participant | undefined) => {
    if (p && !p.isResource && p.partstat !== 'DECLINED') ids.add(p.id);
  };
  add(ev.organizer);
  for (const a of ev.attendees) add(a);
  return ids.size;
}

function ownerReply(ev: IcsEvent, owners: ReadonlySet<string>): Participant['partstat'] | null {
  if (owners.size === 0) return null;
  for (const a of ev.attendees) if (owners.has(a.id)) return a.partstat;
  return null;
}

/** The calendar owner's addresses as compared with an event's (trimmed, lower case, none empty). */
export function ownerAddresses(emails: readonly string[]): Set<string> {
  return new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean));
}

/** Compile the rules once; the returned function judges one occurrence. */
export function meetingJudge(rules: MeetingRules): (occ: Occurrence) => Verdict {
  const owners = ownerAddresses(rules.ownerEmails);
  const isMeetingTitle = meetingWordMatcher(rules.meetingWords);
  return (occ) => {
    const ev = occ.event;
    if (ev.status === 'CANCELLED') return { meeting: false, reason: 'cancelled' };
    const reply = ownerReply(ev, owners);
    if (reply === 'DECLINED') return { meeting: false, reason: 'declined' };
    if (occ.allDay || ev.allDayFlag) return { meeting: false, reason: 'all-day' };
    const titleReason = titleSkipReason(ev.summary);
    if (ev.busyStatus === 'OOF' || titleReason === 'out-of-office') return { meeting: false, reason: 'out-of-office' };
    if (ev.transparent || ev.busyStatus === 'FREE') return { meeting: false, reason: 'free' };
    if (
      !rules.countTentative &&
      (ev.status === 'TENTATIVE' || ev.busyStatus === 'TENTATIVE' || reply === 'TENTATIVE')
    ) {
      return { meeting: false, reason: 'tentative' };
    }
    const length = occ.end - occ.start;
    if (length < 0) return { meeting: false, reason: 'invalid' };
    if (!(length > 0)) return { meeting: false, reason: 'no-duration' };
    if (length >= MAX_MEETING_MS) return { meeting: false, reason: 'too-long' };
    if (titleReason) return { meeting: false, reason: titleReason };
    if (people(ev) >= 2) return { meeting: true };
    if (isMeetingTitle(ev.summary)) return { meeting: true };
    if (ev.hasConferenceLink) return { meeting: true };
    if (ev.categories.some((c) => /^meetings?$/i.test(c.trim()))) return { meeting: true };
    return { meeting: false, reason: 'not-a-meeting' };
  };
}
