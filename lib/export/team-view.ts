/**
 * The team view's numbers, from validated team exports (lib/export/team.ts). Pure.
 *
 * - Weeks are aligned across people by the Monday-based week that contains the middle (4th day) of
 *   each person's week, so a Sunday-start week (Sun 2 Mar–Sat 8 Mar) and a Monday-start week
 *   (Mon 3 Mar–Sun 9 Mar) count as the same week "3 Mar". Keys are that Monday, yyyy-MM-dd.
 * - Creative share = creative ÷ (creative + coordination), per person and week; a person's overall
 *   share is over all their weeks (time-weighted); null without classified time.
 * - Team median and range are over the people (or the person-weeks) that have a share.
 * - Benchmark bands compare whole percentage points, as shown: ≥ 50% is at or above a good day,
 *   ≤ 25% at or below typical, anything else in between (same rule as lib/report's placeShare).
 * - Per-week rates (meeting hours, messaging hours, 50-minute blocks) are means over the weeks in
 *   which the person tracked something, so a holiday week does not halve them.
 */
import { KINDS } from '@/lib/classify/kinds';
import type { ClassName, KindId } from '@/lib/model';
import { GOOD_DAY, TYPICAL } from '@/lib/report/benchmarks';
import { addDaysToKey, weekDayOfKey } from './json';
import { TEAM_KINDS, type TeamExport, type TeamWeek } from './team-format';

/** One loaded, validated file. */
export interface TeamMember {
  /** Stable id in the page (e.g. the order it was added). */
  id: string;
  /** What the view calls the person: the alias, else the file name (the lead can rename). */
  name: string;
  export: TeamExport;
}

export type Band = 'good' | 'between' | 'typical';

export interface BandCounts {
  good: number;
  between: number;
  typical: number;
  /** Without a share (nothing classified). */
  none: number;
}

export interface PersonWeek {
  /** Aligned week key (Monday, yyyy-MM-dd). */
  week: string;
  /** The person's own first day of that week. */
  weekStart: string;
  creativeMs: number;
  coordinationMs: number;
  trackedMs: number;
  share: number | null;
  meetingMs: number;
}

export interface PersonSummary {
  id: string;
  name: string;
  /** The person's weeks, oldest first. */
  weeks: PersonWeek[];
  /** Share over all their weeks; null without classified time. */
  share: number | null;
  band: Band | null;
  creativeMs: number;
  coordinationMs: number;
  trackedMs: number;
  /** Weeks with any tracked time. */
  activeWeeks: number;
  /** Means per active week; null without active weeks. */
  meetingMsPerWeek: number | null;
  messagingMsPerWeek: number | null;
  multitaskMsPerWeek: number | null;
  blocks50PerWeek: number | null;
  /** Median of the weekly context-switch rates that exist. */
  switchesPerHour: number | null;
  longestCreativeBlockMs: number;
}

export interface TeamWeekSummary {
  week: string;
  /** Share per person, in the order of `people` (null: no file covers the week, or nothing classified). */
  shares: (number | null)[];
  /** People with a share this week. */
  n: number;
  median: number | null;
  min: number | null;
  max: number | null;
}

export interface KindTotal {
  kind: KindId;
  class: ClassName;
  ms: number;
  /** Share of its class's time (0..1; 0 when the class has none). */
  shareOfClass: number;
}

export interface TeamView {
  people: PersonSummary[];
  /** Aligned weeks covered by any file, oldest first. */
  weeks: TeamWeekSummary[];
  /** Over people's overall shares. */
  median: number | null;
  min: number | null;
  max: number | null;
  /** People with a share. */
  n: number;
  bands: { people: BandCounts; personWeeks: BandCounts };
  /** Team totals by kind, coordination kinds then creative kinds, each in display order. */
  coordinationKinds: KindTotal[];
  creativeKinds: KindTotal[];
  totals: Record<ClassName, number>;
  /** Median over people of their meeting hours per active week (ms). */
  meetingMedianMsPerWeek: number | null;
  meetingMinMsPerWeek: number | null;
  meetingMaxMsPerWeek: number | null;
}

/** Median of numbers (mean of the two middle values for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The Monday (yyyy-MM-dd) of the Monday-based week containing the 4th day of a week starting at `weekStart`. */
export function alignedWeek(weekStart: string): string {
  const mid = addDaysToKey(weekStart, 3);
  return addDaysToKey(mid, -((weekDayOfKey(mid) + 6) % 7));
}

/** Benchmark band of a share, in whole percentage points (as shown). */
export function bandOf(share: number | null): Band | null {
  if (share === null) return null;
  const p = Math.round(share * 100);
  if (p >= Math.round(GOOD_DAY * 100)) return 'good';
  if (p <= Math.round(TYPICAL * 100)) return 'typical';
  return 'between';
}

function shareOf(creative: number, coordination: number): number | null {
  const classified = creative + coordination;
  return classified > 0 ? creative / classified : null;
}

function trackedOf(w: TeamWeek): number {
  return w.creativeMs + w.coordinationMs + w.neutralMs + w.unclassifiedMs;
}

function emptyBands(): BandCounts {
  return { good: 0, between: 0, typical: 0, none: 0 };
}

function addBand(c: BandCounts, share: number | null): void {
  const b = bandOf(share);
  if (b === null) c.none += 1;
  else c[b] += 1;
}

function mean(values: readonly number[]): number | null {
  return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

function summarizePerson(m: TeamMember): PersonSummary {
  const weeks: PersonWeek[] = m.export.weeks.map((w) => ({
    week: alignedWeek(w.weekStart),
    weekStart: w.weekStart,
    creativeMs: w.creativeMs,
    coordinationMs: w.coordinationMs,
    trackedMs: trackedOf(w),
    share: shareOf(w.creativeMs, w.coordinationMs),
    meetingMs: w.meetingMs,
  }));
  const active = m.export.weeks.filter((w) => trackedOf(w) > 0);
  const creativeMs = weeks.reduce((a, w) => a + w.creativeMs, 0);
  const coordinationMs = weeks.reduce((a, w) => a + w.coordinationMs, 0);
  const share = shareOf(creativeMs, coordinationMs);
  return {
    id: m.id,
    name: m.name,
    weeks,
    share,
    band: bandOf(share),
    creativeMs,
    coordinationMs,
    trackedMs: weeks.reduce((a, w) => a + w.trackedMs, 0),
    activeWeeks: active.length,
    meetingMsPerWeek: mean(active.map((w) => w.meetingMs)),
    messagingMsPerWeek: mean(active.map((w) => w.messagingMs)),
    multitaskMsPerWeek: mean(active.map((w) => w.multitaskMs)),
    blocks50PerWeek: mean(active.map((w) => w.blocks50)),
    switchesPerHour: median(active.map((w) => w.contextSwitchesPerHour).filter((r): r is number => r !== null)),
    longestCreativeBlockMs: Math.max(0, ...m.export.weeks.map((w) => w.longestCreativeBlockMs)),
  };
}

/** Everything the team view shows, from the loaded files (in the order given). */
export function buildTeamView(members: readonly TeamMember[]): TeamView {
  const people = members.map(summarizePerson);

  const weekKeys = [...new Set(people.flatMap((p) => p.weeks.map((w) => w.week)))].sort();
  const byPerson = people.map((p) => new Map(p.weeks.map((w) => [w.week, w])));
  const bandsWeeks = emptyBands();
  const weeks: TeamWeekSummary[] = weekKeys.map((week) => {
    const shares = byPerson.map((m) => m.get(week)?.share ?? null);
    byPerson.forEach((m) => {
      if (m.has(week)) addBand(bandsWeeks, m.get(week)!.share);
    });
    const present = shares.filter((s): s is number => s !== null);
    return {
      week,
      shares,
      n: present.length,
      median: median(present),
      min: present.length ? Math.min(...present) : null,
      max: present.length ? Math.max(...present) : null,
    };
  });

  const bandsPeople = emptyBands();
  for (const p of people) addBand(bandsPeople, p.share);
  const overall = people.map((p) => p.share).filter((s): s is number => s !== null);

  const kindMs = new Map<KindId, number>();
  const totals: Record<ClassName, number> = { creative: 0, coordination: 0, neutral: 0, unclassified: 0 };
  for (const m of members) {
    for (const w of m.export.weeks) {
      for (const k of TEAM_KINDS) kindMs.set(k, (kindMs.get(k) ?? 0) + w.byKind[k]);
      totals.creative += w.creativeMs;
      totals.coordination += w.coordinationMs;
      totals.neutral += w.neutralMs;
      totals.unclassified += w.unclassifiedMs;
    }
  }
  const kindsOf = (cls: ClassName): KindTotal[] =>
    TEAM_KINDS.filter((k) => KINDS[k].class === cls).map((kind) => {
      const ms = kindMs.get(kind) ?? 0;
      return { kind, class: cls, ms, shareOfClass: totals[cls] > 0 ? ms / totals[cls] : 0 };
    });

  const meetings = people.map((p) => p.meetingMsPerWeek).filter((v): v is number => v !== null);
  return {
    people,
    weeks,
    median: median(overall),
    min: overall.length ? Math.min(...overall) : null,
    max: overall.length ? Math.max(...overall) : null,
    n: overall.length,
    bands: { people: bandsPeople, personWeeks: bandsWeeks },
    coordinationKinds: kindsOf('coordination'),
    creativeKinds: kindsOf('creative'),
    totals,
    meetingMedianMsPerWeek: median(meetings),
    meetingMinMsPerWeek: meetings.length ? Math.min(...meetings) : null,
    meetingMaxMsPerWeek: meetings.length ? Math.max(...meetings) : null,
  };
}
