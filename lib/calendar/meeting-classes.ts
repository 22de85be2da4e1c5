/**
 * Which counted meetings are creative work. By default every meeting is coordination
 * (Meetings & calendar); meeting classification rules map a meeting to a creative kind (a
 * brainstorm, a design review, a customer interview) or explicitly to coordination, by
 * - `title`: a word or phrase in the title (whole words, case-insensitive, a plural "s" allowed),
 * - `series`: the event's UID (every occurrence of a repeating meeting shares it),
 * - `organizer`: the organizer's address, or a whole domain written `@example.com`.
 * The first enabled rule that matches decides, in this order: the person's own rules (newest
 * first), then the shipped defaults. docs/calendar.md explains the defaults. Pure.
 */
import type { KindId, SegmentOverride } from '@/lib/model';
import type { IcsEvent } from './ics-events';
import { meetingWordMatcher } from './meeting-rules';
import { mergeIntervals, type Interval } from './merge-intervals';

export type MeetingMatch = 'title' | 'series' | 'organizer';
export type MeetingClass = 'creative' | 'coordination';

export interface MeetingClassRule {
  /** Stable id: `default:<words>` for a shipped default, `rule:<n>` for the person's own. */
  id: string;
  match: MeetingMatch;
  /** Title words, a UID, or an address / `@domain` (stored lower-case). */
  value: string;
  class: MeetingClass;
  kind: KindId;
  /**
   * Series rules only: the name the person gave the series when they picked it in the calendar
   * preview (by default its title, shortened). Shown in the rule list instead of the UID; it is
   * stored with the rule (docs/privacy.md).
   */
  label?: string;
}

/** The kinds a meeting may count as. */
export const MEETING_CREATIVE_KINDS: readonly KindId[] = ['research', 'design', 'writing', 'building', 'ai'];

/**
 * Shipped defaults. Chosen where the meeting itself produces the creative output (ideas,
 * insight, a reviewed design) rather than reporting on or coordinating it; docs/calendar.md
 * gives the reasoning per rule. The person can turn each one off.
 */
export const DEFAULT_MEETING_CLASS_RULES: readonly MeetingClassRule[] = [
  { id: 'default:brainstorm', match: 'title', value: 'brainstorm', class: 'creative', kind: 'research' },
  { id: 'default:ideation', match: 'title', value: 'ideation', class: 'creative', kind: 'research' },
  { id: 'default:workshop', match: 'title', value: 'workshop', class: 'creative', kind: 'research' },
  {
    id: 'default:customer interview',
    match: 'title',
    value: 'customer interview',
    class: 'creative',
    kind: 'research',
  },
  { id: 'default:user interview', match: 'title', value: 'user interview', class: 'creative', kind: 'research' },
  { id: 'default:design review', match: 'title', value: 'design review', class: 'creative', kind: 'design' },
  { id: 'default:creative review', match: 'title', value: 'creative review', class: 'creative', kind: 'design' },
  { id: 'default:design critique', match: 'title', value: 'design critique', class: 'creative', kind: 'design' },
];

/** The person's part of the rules, as stored in settings. */
export interface MeetingClassSettings {
  /** Ids of shipped defaults the person turned off. */
  disabledDefaults: string[];
  /** The person's own rules, newest first. */
  rules: MeetingClassRule[];
}

export const DEFAULT_MEETING_CLASS_SETTINGS: MeetingClassSettings = { disabledDefaults: [], rules: [] };
export const MAX_MEETING_CLASS_RULES = 200;
const MAX_VALUE_CHARS = 200;
/** A series rule's label, at most this many characters. */
export const MAX_RULE_LABEL_CHARS = 60;

/** A label as stored: one line, no control or direction characters, trimmed and shortened ('' when empty). */
export function cleanRuleLabel(label: string): string {
  const one = label
    .normalize('NFKC')
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...one];
  return chars.length <= MAX_RULE_LABEL_CHARS
    ? one
    : `${chars
        .slice(0, MAX_RULE_LABEL_CHARS - 1)
        .join('')
        .trimEnd()}…`;
}

/** The rules in force: own rules first, then the defaults still on. */
export function effectiveMeetingRules(s: MeetingClassSettings): MeetingClassRule[] {
  const off = new Set(s.disabledDefaults);
  return [...s.rules, ...DEFAULT_MEETING_CLASS_RULES.filter((r) => !off.has(r.id))];
}

function isKind(v: unknown): v is KindId {
  return typeof v === 'string' && (MEETING_CREATIVE_KINDS.includes(v as KindId) || v === 'meetings');
}

/** Normalise a rule value for its match (trimmed, lower-case, `mailto:` dropped); '' when unusable. */
export function normalizeRuleValue(match: MeetingMatch, value: string): string {
  const v = value.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (match === 'series') return v.slice(0, MAX_VALUE_CHARS);
  const lower = v.toLowerCase();
  if (match === 'organizer') {
    const a = lower.replace(/^mailto:/, '');
    return /^[^\s@]*@[^\s@]+\.[^\s@]+$/.test(a) ? a.slice(0, MAX_VALUE_CHARS) : '';
  }
  return lower.slice(0, 80);
}

/**
 * A rule for `value`, or null when the value is unusable. Coordination rules always use kind
 * "meetings". `label` is kept for series rules only (cleaned; dropped when empty).
 */
export function makeMeetingRule(
  id: string,
  match: MeetingMatch,
  value: string,
  cls: MeetingClass,
  kind: KindId,
  label?: string,
): MeetingClassRule | null {
  const v = normalizeRuleValue(match, value);
  if (!v) return null;
  if (cls === 'creative' && !MEETING_CREATIVE_KINDS.includes(kind)) return null;
  const rule: MeetingClassRule = { id, match, value: v, class: cls, kind: cls === 'creative' ? kind : 'meetings' };
  const l = match === 'series' && label !== undefined ? cleanRuleLabel(label) : '';
  return l ? { ...rule, label: l } : rule;
}

/** Valid settings from anything stored (unknown fields dropped, bad rules left out, duplicates by match+value keep the first). */
export function sanitizeMeetingClassSettings(input: unknown): MeetingClassSettings {
  const o = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const defaults = new Set(DEFAULT_MEETING_CLASS_RULES.map((r) => r.id));
  const disabledDefaults = Array.isArray(o.disabledDefaults)
    ? [...new Set(o.disabledDefaults.filter((d): d is string => typeof d === 'string' && defaults.has(d)))]
    : [];
  const rules: MeetingClassRule[] = [];
  const seen = new Set<string>();
  for (const r of Array.isArray(o.rules) ? o.rules : []) {
    if (rules.length >= MAX_MEETING_CLASS_RULES) break;
    if (typeof r !== 'object' || r === null) continue;
    const x = r as Record<string, unknown>;
    if (typeof x.id !== 'string' || !x.id.startsWith('rule:')) continue;
    if (x.match !== 'title' && x.match !== 'series' && x.match !== 'organizer') continue;
    if (x.class !== 'creative' && x.class !== 'coordination') continue;
    if (typeof x.value !== 'string' || !isKind(x.kind)) continue;
    const label = typeof x.label === 'string' ? x.label : undefined;
    const rule = makeMeetingRule(x.id.slice(0, 40), x.match, x.value, x.class, x.kind, label);
    if (!rule) continue;
    const key = `${rule.match}\u0000${rule.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rules.push(rule);
  }
  return { disabledDefaults, rules };
}

/** What one meeting offers to the rules. Read from the event during an import only; never stored. */
export interface MeetingFacts {
  title: string;
  uid: string;
  /** Organizer address, lower-case, or ''. */
  organizer: string;
}

export function meetingFacts(ev: Pick<IcsEvent, 'summary' | 'uid' | 'organizer'>): MeetingFacts {
  return { title: ev.summary, uid: ev.uid, organizer: ev.organizer?.id.includes('@') ? ev.organizer.id : '' };
}

export interface MeetingClassResult {
  override: SegmentOverride;
  /** The rule that decided, or null: no rule, the default (coordination / meetings). */
  ruleId: string | null;
}

const COORDINATION: SegmentOverride = { class: 'coordination', kind: 'meetings' };

/** Compile the rules once; the returned function classifies one meeting. */
export function meetingClassifier(rules: readonly MeetingClassRule[]): (m: MeetingFacts) => MeetingClassResult {
  const compiled = rules.map((r) => {
    if (r.match === 'title') {
      const test = meetingWordMatcher([r.value]);
      return { r, test: (m: MeetingFacts) => test(m.title) };
    }
    if (r.match === 'series') return { r, test: (m: MeetingFacts) => m.uid !== '' && m.uid === r.value };
    const domain = r.value.startsWith('@');
    return {
      r,
      test: (m: MeetingFacts) =>
        m.organizer !== '' && (domain ? m.organizer.endsWith(r.value) : m.organizer === r.value),
    };
  });
  return (m) => {
    for (const { r, test } of compiled) {
      if (test(m)) return { override: { class: r.class, kind: r.kind }, ruleId: r.id };
    }
    return { override: { ...COORDINATION }, ruleId: null };
  };
}

export interface ClassifiedMeeting extends Interval {
  title: string;
  override: SegmentOverride;
}

export interface ClassifiedBlock extends Interval {
  titles: string[];
  override: SegmentOverride;
}

/** Remove `cut` (sorted, non-overlapping) from `items` (sorted, non-overlapping). */
function subtract<T extends Interval>(items: readonly T[], cut: readonly Interval[]): T[] {
  const out: T[] = [];
  for (const it of items) {
    let pieces: Interval[] = [{ start: it.start, end: it.end }];
    for (const c of cut) {
      if (c.end <= it.start || c.start >= it.end) continue;
      pieces = pieces.flatMap((p) => {
        const r: Interval[] = [];
        if (c.start > p.start) r.push({ start: p.start, end: Math.min(c.start, p.end) });
        if (c.end < p.end) r.push({ start: Math.max(c.end, p.start), end: p.end });
        return r.filter((x) => x.end > x.start);
      });
    }
    for (const p of pieces) out.push({ ...it, start: p.start, end: p.end });
  }
  return out;
}

/**
 * Merge classified meetings into non-overlapping blocks. Meetings of the same class and kind
 * merge as before (overlap counted once); where meetings of different classes overlap,
 * coordination wins (a status call inside a workshop slot is the call), then creative kinds in
 * the order of MEETING_CREATIVE_KINDS. Every instant is in at most one block. Sorted by start.
 */
export function mergeClassifiedMeetings(meetings: readonly ClassifiedMeeting[]): ClassifiedBlock[] {
  const order: KindId[] = ['meetings', ...MEETING_CREATIVE_KINDS];
  const taken: Interval[] = [];
  const out: ClassifiedBlock[] = [];
  for (const kind of order) {
    const group = meetings.filter(
      (m) =>
        (m.override.kind ?? 'meetings') === kind && (kind === 'meetings') === (m.override.class === 'coordination'),
    );
    if (group.length === 0) continue;
    const merged = mergeIntervals(group).map((b) => ({
      start: b.start,
      end: b.end,
      titles: b.members.map((x) => x.title),
      override: { ...group[0]!.override },
    }));
    const free = subtract(merged, mergeIntervals(taken));
    out.push(...free);
    taken.push(...merged);
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * What an already stored meeting block counts as under new rules, from its stored label alone
 * (titles are kept only when the person ticked "Keep event titles"; a block of overlapping
 * meetings is labelled "A + B"). Only title rules can apply: UIDs and organizers are never
 * stored. Any part judged coordination makes the block coordination (as at import, coordination
 * wins an overlap); else the first creative part decides. Null: the label says nothing (the
 * default "Meeting" label, or no label) and the block keeps what it counts as.
 */
export function overrideForLabel(
  label: string | undefined,
  rules: readonly MeetingClassRule[],
  defaultLabel: string,
): SegmentOverride | null {
  if (!label || label === defaultLabel) return null;
  const titleRules = rules.filter((r) => r.match === 'title');
  const classify = meetingClassifier(titleRules);
  const parts = label.split(' + ').map((t) => classify({ title: t, uid: '', organizer: '' }).override);
  if (parts.some((o) => o.class === 'coordination')) return { ...COORDINATION };
  return parts[0] ?? null;
}
