/**
 * The team view's numbers, from validated team exports grouped by person (lib/export/team-files.ts).
 * Pure, and anonymous by construction: its input has no names and no file ids, and its output holds
 * only the team's figures — medians, ranges, counts and sorted distributions — never a value tied to
 * anyone's file.
 *
 * - Minimum group size: with fewer than `minGroup` people with classified time (5 by default, never
 *   below 3), `stats` is null: no figure at all. Every figure over fewer people than that (a week in
 *   which fewer people have a share, a kind only some people have) is null too.
 * - Weeks are aligned across people by the Monday-based week that contains the middle (4th day) of
 *   each person's week, so a Sunday-start week (Sun 2 Mar–Sat 8 Mar) and a Monday-start week
 *   (Mon 3 Mar–Sun 9 Mar) count as the same week "3 Mar". Keys are that Monday, yyyy-MM-dd.
 * - Creative share = creative ÷ (creative + coordination); a person's overall share is over all their
 *   weeks (time-weighted); null without classified time.
 * - Benchmark bands compare whole percentage points, as shown: ≥ 50% is at or above a good day,
 *   ≤ 25% at or below typical, anything else in between (same rule as lib/report's placeShare).
 * - Per-week rates (hours by kind, 50-minute blocks) are a person's means over the weeks in which they
 *   tracked something, so a holiday week does not halve them; the longest creative block is the
 *   median of a person's weekly longest blocks (weeks with creative time).
 */
import { KINDS } from '@/lib/classify/kinds';
import type { ClassName, KindId } from '@/lib/model';
import { GOOD_DAY, TYPICAL } from '@/lib/report/benchmarks';
import { addDaysToKey, weekDayOfKey } from './json';
import { TEAM_KINDS, type TeamWeek } from './team-format';

/** The default minimum group size, and the lowest a lead may set. */
export const DEFAULT_MIN_GROUP = 5;
export const LOWEST_MIN_GROUP = 3;

/** One person's weeks (one file, or several files recognised as the same person's). No name. */
export interface TeamPerson {
  weeks: readonly TeamWeek[];
}

export type Band = 'good' | 'between' | 'typical';

export interface BandCounts {
  good: number;
  between: number;
  typical: number;
  /** Without a share (nothing classified). */
  none: number;
}

/** Median and range of one figure over the people who have it. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  /** People counted. */
  n: number;
}

export interface TeamWeekSummary {
  /** Aligned week key (Monday, yyyy-MM-dd). */
  week: string;
  /** People with a share this week. */
  n: number;
  /** Null when `n` is under the minimum group size. */
  share: Spread | null;
}

export interface KindSummary {
  kind: KindId;
  class: ClassName;
  /** Team total over all files. */
  ms: number;
  /** Share of its class's team total (0..1). */
  shareOfClass: number;
  /** Hours per person per week (each person's mean over their active weeks), over people. */
  perPersonWeek: Spread | null;
}

export interface TeamStats {
  /** People's overall creative shares, lowest first (no order of files survives). */
  shares: number[];
  share: Spread | null;
  bands: BandCounts;
  weeks: TeamWeekSummary[];
  coordinationKinds: KindSummary[];
  creativeKinds: KindSummary[];
  totals: Record<'creative' | 'coordination', number>;
  /** Fragmentation of creative time. */
  longestBlock: Spread | null;
  blocks50PerWeek: Spread | null;
  /** People's 50-minute blocks per week, lowest first. */
  blocks50: number[];
}

export interface TeamView {
  /** Distinct people loaded. */
  people: number;
  /** People with classified time: the ones the minimum group size counts. */
  counted: number;
  /** The minimum group size in force. */
  minGroup: number;
  /** People still needed before any figure is shown (0 when enough). */
  needed: number;
  /** Aligned weeks covered by any file, oldest first (dates only). */
  weekKeys: string[];
  /** Null under the minimum group size: nothing numeric may be shown. */
  stats: TeamStats | null;
}

/** The minimum group size to use: whole, at least 3; the default is 5. */
export function clampMinGroup(value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value)) return DEFAULT_MIN_GROUP;
  return Math.max(LOWEST_MIN_GROUP, Math.trunc(value));
}

/** Median of numbers (mean of the two middle values for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function spreadOf(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  return { median: median(values)!, min: Math.min(...values), max: Math.max(...values), n: values.length };
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

/** Tracked time of a week (not-work time counts only when shared). */
export function trackedOf(w: TeamWeek): number {
  return w.creativeMs + w.coordinationMs + (w.neutralMs ?? 0) + w.unclassifiedMs;
}

function mean(values: readonly number[]): number | null {
  return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

const present = <T>(values: readonly (T | null)[]): T[] => values.filter((x): x is T => x !== null);

interface PersonFigures {
  share: number | null;
  /** Share per aligned week. */
  weekShares: Map<string, number | null>;
  kindPerWeek: Map<KindId, number | null>;
  blocks50PerWeek: number | null;
  longestBlock: number | null;
}

function figures(p: TeamPerson): PersonFigures {
  const active = p.weeks.filter((w) => trackedOf(w) > 0);
  const creative = p.weeks.reduce((a, w) => a + w.creativeMs, 0);
  const coordination = p.weeks.reduce((a, w) => a + w.coordinationMs, 0);
  const weekShares = new Map<string, number | null>();
  for (const w of p.weeks) weekShares.set(alignedWeek(w.weekStart), shareOf(w.creativeMs, w.coordinationMs));
  const kindPerWeek = new Map<KindId, number | null>();
  for (const k of TEAM_KINDS) kindPerWeek.set(k, mean(active.map((w) => w.byKind[k])));
  const withCreative = p.weeks.filter((w) => w.creativeMs > 0);
  return {
    share: shareOf(creative, coordination),
    weekShares,
    kindPerWeek,
    blocks50PerWeek: mean(active.map((w) => w.blocks50)),
    longestBlock: median(withCreative.map((w) => w.longestCreativeBlockMs)),
  };
}

/**
 * Everything the team view shows, from the people loaded (their order does not matter: every figure
 * is a count, a median, a range or a sorted list). Under `minGroup` people, `stats` is null.
 */
export function buildTeamView(people: readonly TeamPerson[], minGroupIn?: number): TeamView {
  const minGroup = clampMinGroup(minGroupIn);
  const weekKeys = [...new Set(people.flatMap((p) => p.weeks.map((w) => alignedWeek(w.weekStart))))].sort();
  const figs = people.map(figures);
  const shares = present(figs.map((f) => f.share)).sort((a, b) => a - b);
  const needed = Math.max(0, minGroup - shares.length);
  if (needed > 0) return { people: people.length, counted: shares.length, minGroup, needed, weekKeys, stats: null };
  // Any figure over fewer people than the floor is withheld too.
  const spread = (values: readonly number[]): Spread | null => (values.length >= minGroup ? spreadOf(values) : null);

  const bands: BandCounts = { good: 0, between: 0, typical: 0, none: 0 };
  for (const f of figs) {
    const b = bandOf(f.share);
    if (b === null) bands.none += 1;
    else bands[b] += 1;
  }

  const weeks: TeamWeekSummary[] = weekKeys.map((week) => {
    const values = present(figs.map((f) => f.weekShares.get(week) ?? null));
    return { week, n: values.length, share: values.length >= minGroup ? spread(values) : null };
  });

  const kindMs = new Map<KindId, number>();
  const totals = { creative: 0, coordination: 0 };
  for (const p of people) {
    for (const w of p.weeks) {
      for (const k of TEAM_KINDS) kindMs.set(k, (kindMs.get(k) ?? 0) + w.byKind[k]);
      totals.creative += w.creativeMs;
      totals.coordination += w.coordinationMs;
    }
  }
  const kindsOf = (cls: 'creative' | 'coordination'): KindSummary[] =>
    TEAM_KINDS.filter((k) => KINDS[k].class === cls).map((kind) => {
      const ms = kindMs.get(kind) ?? 0;
      return {
        kind,
        class: cls,
        ms,
        shareOfClass: totals[cls] > 0 ? ms / totals[cls] : 0,
        perPersonWeek: spread(present(figs.map((f) => f.kindPerWeek.get(kind) ?? null))),
      };
    });

  const blocks50 = present(figs.map((f) => f.blocks50PerWeek)).sort((a, b) => a - b);
  return {
    people: people.length,
    counted: shares.length,
    minGroup,
    needed: 0,
    weekKeys,
    stats: {
      shares,
      share: spread(shares),
      bands,
      weeks,
      coordinationKinds: kindsOf('coordination'),
      creativeKinds: kindsOf('creative'),
      totals,
      longestBlock: spread(present(figs.map((f) => f.longestBlock))),
      blocks50PerWeek: spread(blocks50),
      blocks50: blocks50.length >= minGroup ? blocks50 : [],
    },
  };
}
