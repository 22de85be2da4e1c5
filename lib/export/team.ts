/**
 * Building the anonymised team export from a person's segments, rules and settings. Pure.
 * The file format, its serialisation and the team view's strict parser are in team-format.ts
 * (re-exported here).
 *
 * What the file never contains: a name (unless the person types one), anything that links one export
 * to another (the export id is random and new every time), not-work time and active days (unless the
 * person ticks them), hosts, URLs, paths, tool names, page titles, labels of calendar
 * events or manual blocks, rule contents, review notes, instants or times of day. Only whole weeks
 * (complete weeks before the current one), only per-week totals, every duration rounded to the minute.
 *
 * Numbers are consistent by construction: each class total is the sum of its kinds (kinds are
 * apportioned by largest remainder, so rounding never breaks the sum); `meetingMs` and `messagingMs`
 * are the `meetings` and `messaging` kinds. Time whose kind does not belong to its class (an override
 * to another class without a kind) counts under the class's default kind (creative → writing,
 * coordination → admin), as a rule without a kind does.
 */
import { format } from 'date-fns';
import { createClassifier } from '@/lib/classify/classifier';
import { DEFAULT_KIND, KINDS } from '@/lib/classify/kinds';
import type { UserRule } from '@/lib/classify/types';
import type { ClassName, KindId, Segment } from '@/lib/model';
import { withRuleTimes } from '@/lib/report/classification';
import { buildWeekReport } from '@/lib/report/week';
import { nextWeek, previousWeek, resolveWeekStartsOn, weekRange } from '@/lib/time/week';
import type { WeekReport } from '@/lib/report/types';
import { blockThresholdsOf, type Settings, type WeekDay } from '@/lib/settings';
import { localDayStart, parseDayKey } from '@/lib/time/days';
import {
  DEFAULT_TEAM_WEEKS,
  MAX_SWITCHES_PER_HOUR,
  MAX_TEAM_WEEKS,
  TEAM_FORMAT,
  TEAM_FORMAT_VERSION,
  TEAM_KINDS,
  cleanAlias,
  type TeamExport,
  type TeamWeek,
} from './team-format';

export * from './team-format';

const MIN = 60_000;
const CLASSES: readonly ClassName[] = ['creative', 'coordination', 'neutral', 'unclassified'];

export interface TeamExportRange {
  /** First days of the weeks, oldest first (local midnights). */
  weekStarts: number[];
  /** yyyy-MM-dd keys of the same weeks. */
  weeks: string[];
  /** Local midnight after the last week. */
  end: number;
}

/** The last complete week before the one containing `now`: its first day, yyyy-MM-dd. */
export function lastCompleteWeek(now: number, weekStartsOn: WeekDay): string {
  return weekRange(previousWeek(weekRange(now, weekStartsOn).start), weekStartsOn).week;
}

/**
 * `count` whole weeks (1..12) ending with the week of `lastWeek` (default: the last complete week).
 * A `lastWeek` that is not complete yet at `now` falls back to the last complete week.
 */
export function teamExportRange(
  now: number,
  weekStartsOn: WeekDay,
  weeks: number = DEFAULT_TEAM_WEEKS,
  lastWeek?: string,
): TeamExportRange {
  const n = Math.max(1, Math.min(MAX_TEAM_WEEKS, Math.trunc(Number.isFinite(weeks) ? weeks : DEFAULT_TEAM_WEEKS)));
  const current = weekRange(now, weekStartsOn).start;
  let last = previousWeek(current);
  const chosenDay = parseDayKey(lastWeek);
  if (chosenDay) {
    const chosen = weekRange(chosenDay, weekStartsOn).start;
    if (chosen < current) last = chosen;
  }
  const weekStarts = Array.from({ length: n }, (_, i) => localDayStart(last, -7 * (n - 1 - i)));
  return { weekStarts, weeks: weekStarts.map((t) => format(t, 'yyyy-MM-dd')), end: nextWeek(last) };
}

export interface BuildTeamExportInput {
  /** The person's segments (at least those of the range; others are ignored). */
  segments: readonly Segment[];
  rules: readonly UserRule[];
  settings: Settings;
  now: number;
  /** How many whole weeks (1..12, default 4). */
  weeks?: number;
  /** yyyy-MM-dd of the last week to include (default the last complete week). */
  lastWeek?: string;
  /** Locale for the first day of the week when the setting is "from the locale" (default en-US). */
  locale?: string;
  alias?: string;
  /** Random id of this export (lib/export/team-format newExportId); a fresh one for every file. */
  exportId: string;
  /** Share not-work time (`neutralMs`, the `personal` kind). Default: no. */
  includeNotWork?: boolean;
  /** Share on how many days anything was tracked. Default: no. */
  includeActiveDays?: boolean;
}

/** What the person chose to share besides the weekly work totals. */
export interface TeamWeekOptions {
  includeNotWork?: boolean;
  includeActiveDays?: boolean;
}

/** Round to whole minutes (ms). */
function minutes(ms: number): number {
  return Math.round(Math.max(0, ms) / MIN) * MIN;
}

/**
 * Round parts to whole minutes so that they add up to the rounded total (largest remainder).
 * Ties go to the earlier part, so the result is deterministic.
 */
function apportion(parts: readonly number[]): number[] {
  const exact = parts.map((ms) => Math.max(0, ms) / MIN);
  const total = Math.round(exact.reduce((a, b) => a + b, 0));
  const floors = exact.map(Math.floor);
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors.map((m) => m * MIN);
}

/** One week of the export from a week report. */
export function teamWeekFromReport(report: WeekReport, options: TeamWeekOptions = {}): TeamWeek {
  const raw = new Map<KindId, number>();
  for (const row of report.byKind) {
    const kind = KINDS[row.kind]?.class === row.class ? row.kind : DEFAULT_KIND[row.class];
    raw.set(kind, (raw.get(kind) ?? 0) + row.ms);
  }
  const byKind = {} as Record<KindId, number>;
  const totals: Record<ClassName, number> = { creative: 0, coordination: 0, neutral: 0, unclassified: 0 };
  for (const cls of CLASSES) {
    const kinds = TEAM_KINDS.filter((k) => KINDS[k].class === cls);
    const rounded = apportion(kinds.map((k) => raw.get(k) ?? 0));
    kinds.forEach((k, i) => {
      byKind[k] = rounded[i]!;
      totals[cls] += rounded[i]!;
    });
  }
  const ordered = {} as Record<KindId, number>;
  for (const k of TEAM_KINDS) ordered[k] = byKind[k];
  const rate = report.switchesPerHour;
  return {
    weekStart: report.week,
    creativeMs: totals.creative,
    coordinationMs: totals.coordination,
    neutralMs: options.includeNotWork ? totals.neutral : null,
    unclassifiedMs: totals.unclassified,
    byKind: options.includeNotWork ? ordered : { ...ordered, personal: 0 },
    meetingMs: ordered.meetings,
    messagingMs: ordered.messaging,
    multitaskMs: minutes(report.multitaskMs),
    contextSwitchesPerHour:
      rate === null || !Number.isFinite(rate) ? null : Math.min(MAX_SWITCHES_PER_HOUR, Math.round(rate * 10) / 10),
    longestCreativeBlockMs: Math.min(minutes(report.longestCreativeBlock?.ms ?? 0), totals.creative),
    blocks25: report.creativeBlocks.atLeast25,
    blocks50: report.creativeBlocks.atLeast50,
    blocks90: report.creativeBlocks.atLeast90,
    activeDays: options.includeActiveDays ? report.days.filter((d) => d.trackedMs >= MIN).length : null,
  };
}

/** Build the export for whole weeks. Never mutates its input. */
export function buildTeamExport(input: BuildTeamExportInput): TeamExport {
  const weekStartsOn = resolveWeekStartsOn(input.settings.weekStartsOn, input.locale ?? 'en-US');
  const range = teamExportRange(input.now, weekStartsOn, input.weeks, input.lastWeek);
  const classify = withRuleTimes(createClassifier(input.rules), input.rules);
  const from = range.weekStarts[0]!;
  // Only what can touch the range (segments are split at local midnight; a day of slack covers zone changes).
  const segments = input.segments.filter((s) => s.end > from - 26 * 60 * MIN && s.start < range.end);
  const weeks = range.weekStarts.map((weekStart) =>
    teamWeekFromReport(
      buildWeekReport({
        segments,
        classify,
        weekStart,
        now: input.now,
        settings: { workingHours: input.settings.workingHours, targetShare: input.settings.targetShare },
        thresholds: blockThresholdsOf(input.settings),
      }),
      { includeNotWork: input.includeNotWork, includeActiveDays: input.includeActiveDays },
    ),
  );
  return {
    format: TEAM_FORMAT,
    version: TEAM_FORMAT_VERSION,
    exportId: input.exportId,
    exportedAt: format(input.now, 'yyyy-MM-dd'),
    weekStartsOn,
    weeks,
    alias: cleanAlias(input.alias),
  };
}
