/**
 * Fragmentation with meaning (issue #15 §3): the week's fragmentation figures per week (a trend),
 * read in plain words, with published reference points. Pure.
 */
import type { ReportThresholds, WeekReport } from '@/lib/report/types';

const MIN = 60_000;

/** One week's fragmentation figures. */
export interface FragmentationPoint {
  week: string;
  weekStart: number;
  trackedMs: number;
  /** Switches per tracked hour; null below the report's minimum active time. */
  switchesPerHour: number | null;
  /** Distinct tools on an average active day; null without an active day. */
  toolsPerDay: number | null;
  blocks25: number;
  blocks50: number;
  blocks90: number;
  /** Creative minutes of the longest block (ms); 0 without a block. */
  longestBlockMs: number;
}

export function fragmentationPoint(report: WeekReport): FragmentationPoint {
  const active = report.days.filter((d) => d.trackedMs > 0);
  return {
    week: report.week,
    weekStart: report.weekStart,
    trackedMs: report.trackedMs,
    switchesPerHour: report.switchesPerHour,
    toolsPerDay: active.length ? active.reduce((s, d) => s + d.distinctTools, 0) / active.length : null,
    blocks25: report.creativeBlocks.atLeast25,
    blocks50: report.creativeBlocks.atLeast50,
    blocks90: report.creativeBlocks.atLeast90,
    longestBlockMs: report.longestCreativeBlock?.ms ?? 0,
  };
}

/** "Short interruptions under 2 min don't break a block" — the block rule in words, from the thresholds used. */
export function blockRuleWords(t: Pick<ReportThresholds, 'blockInterruptionMs' | 'blockGapToleranceMs'>): string {
  const mins = (ms: number) => `${Math.round((ms / MIN) * 10) / 10} min`;
  const interruptions =
    t.blockInterruptionMs > 5_000
      ? `Short interruptions under ${mins(t.blockInterruptionMs)} (a glance at chat, a quick reply) don't break a creative block`
      : 'Any interruption of more than a few seconds ends a creative block';
  return `${interruptions}; nor does a pause of up to ${mins(t.blockGapToleranceMs)}. Only the creative minutes count towards a block's length.`;
}

export interface Reference {
  id: 'mark-2005' | 'mark-2008' | 'msft-wti-2025';
  /** The finding, as the source states it. */
  finding: string;
  /** Short citation. */
  cite: string;
  url: string;
}

/**
 * Published reference points. Each states only what its source states; none measures exactly
 * what this extension measures (tool switches in the browser), which the page says next to them.
 */
export const REFERENCES: Readonly<Record<Reference['id'], Reference>> = Object.freeze({
  'msft-wti-2025': {
    id: 'msft-wti-2025',
    finding:
      'Microsoft 365 telemetry: during core work hours the average employee is interrupted by a meeting, email or notification every 2 minutes.',
    cite: 'Microsoft Work Trend Index, "Breaking down the infinite workday", June 2025',
    url: 'https://www.microsoft.com/en-us/worklab/work-trend-index/breaking-down-infinite-workday',
  },
  'mark-2005': {
    id: 'mark-2005',
    finding:
      'Information workers observed at work spent on average about 10½ minutes on one project before switching to another, and more than half of those stretches were interrupted.',
    cite: 'G. Mark, V. M. Gonzalez, J. Harris, "No Task Left Behind? Examining the Nature of Fragmented Work", CHI 2005',
    url: 'https://doi.org/10.1145/1054972.1055017',
  },
  'mark-2008': {
    id: 'mark-2008',
    finding:
      'People who were interrupted finished their task just as well and faster, but reported significantly more stress, frustration, time pressure and effort.',
    cite: 'G. Mark, D. Gudith, U. Klocke, "The Cost of Interrupted Work: More Speed and Stress", CHI 2008',
    url: 'https://doi.org/10.1145/1357054.1357072',
  },
});

export interface FragmentationFormat {
  number: (n: number, digits?: number) => string;
  duration: (ms: number) => string;
}

/** "You switched tools 14 times an active hour — about every 4 minutes." Null without a rate. */
export function switchesWords(perHour: number | null, fmt: FragmentationFormat, past = false): string | null {
  if (perHour === null) return null;
  const verb = past ? 'switched' : 'switch';
  if (perHour < 0.05)
    return `You ${past ? 'hardly switched' : 'hardly switch'} tools: about once every few hours of activity.`;
  const every = 60 / perHour;
  const interval =
    every > 90
      ? `about every ${fmt.number(every / 60, 1)} hours`
      : every >= 1.5
        ? `about every ${fmt.number(Math.round(every), 0)} minutes`
        : 'more than once a minute';
  const times = perHour >= 10 ? fmt.number(Math.round(perHour), 0) : fmt.number(perHour, 1);
  return `You ${verb} tools ${times} ${perHour >= 1.05 || perHour < 0.95 ? 'times' : 'time'} an active hour — ${interval}.`;
}

/** How a figure moved over the weeks: compare the shown week with the average of the weeks before it. */
export type Direction = 'up' | 'down' | 'flat' | null;

/** Latest value vs the mean of the earlier non-null values: within ±10 % (and ±`minStep`) is flat. */
export function directionOf(values: readonly (number | null)[], minStep = 0): Direction {
  const last = values[values.length - 1];
  const before = values.slice(0, -1).filter((v): v is number => v !== null);
  if (last === null || last === undefined || before.length === 0) return null;
  const mean = before.reduce((s, v) => s + v, 0) / before.length;
  const diff = last - mean;
  if (Math.abs(diff) <= Math.max(minStep, Math.abs(mean) * 0.1)) return 'flat';
  return diff > 0 ? 'up' : 'down';
}

export interface FragmentationReading {
  /** Plain-words sentences, most important first. */
  sentences: string[];
  /** Reference points that apply, with citations. */
  references: Reference[];
}

/**
 * The plain-words reading of the shown week (the last point) against the weeks before it.
 * Trend statements appear only with at least one earlier week that has a value.
 */
export function fragmentationReading(
  points: readonly FragmentationPoint[],
  fmt: FragmentationFormat,
  currentWeek = false,
): FragmentationReading {
  const sentences: string[] = [];
  const refs: Reference[] = [];
  const last = points[points.length - 1];
  if (!last || last.trackedMs <= 0)
    return { sentences: ['Nothing was tracked this week, so there is nothing to read yet.'], references: [] };
  // Only earlier weeks with tracked time are compared with (and counted in the words).
  const n = points.slice(0, -1).filter((p) => p.trackedMs > 0).length;
  const than = n === 1 ? 'the earlier week' : `the ${n} earlier weeks`;
  const past = !currentWeek;

  const sw = switchesWords(last.switchesPerHour, fmt, past);
  if (sw) {
    const dir = directionOf(
      points.map((p) => (p.trackedMs > 0 ? p.switchesPerHour : null)),
      0.5,
    );
    const hardly = last.switchesPerHour! < 0.05;
    sentences.push(
      dir === 'up'
        ? `${sw} That is more often than ${than}.`
        : dir === 'down'
          ? `${sw} That is less often than ${than}.`
          : dir === 'flat' && !hardly
            ? `${sw} About as often as ${than}.`
            : sw,
    );
    refs.push(REFERENCES['msft-wti-2025'], REFERENCES['mark-2005']);
  } else {
    sentences.push('Too little activity for a switching rate (it needs 15 minutes).');
  }

  if (last.longestBlockMs >= MIN) {
    const b =
      last.blocks25 === 0
        ? 'no creative block reached 25 minutes'
        : `${last.blocks25} ${last.blocks25 === 1 ? 'block' : 'blocks'} reached 25 minutes${last.blocks90 > 0 ? `, ${last.blocks90} of them 90 or more` : last.blocks50 > 0 ? `, ${last.blocks50} of them 50 or more` : ''}`;
    let s = `Your longest creative block was ${fmt.duration(last.longestBlockMs)}; ${b}.`;
    const dir = directionOf(
      points.map((p) => (p.trackedMs > 0 ? p.longestBlockMs : null)),
      5 * MIN,
    );
    if (dir === 'up') s += ` Longer than in ${than}.`;
    else if (dir === 'down') s += ` Shorter than in ${than}.`;
    sentences.push(s);
    if (last.blocks25 === 0) refs.push(REFERENCES['mark-2008']);
  } else {
    sentences.push('No stretch of creative work long enough to call a block this week.');
  }

  if (last.toolsPerDay !== null) {
    const dir = directionOf(
      points.map((p) => (p.trackedMs > 0 ? p.toolsPerDay : null)),
      1,
    );
    const t = `On an average active day you used ${fmt.number(last.toolsPerDay, 1)} tools`;
    sentences.push(dir === 'up' ? `${t}, more than ${than}.` : dir === 'down' ? `${t}, fewer than ${than}.` : `${t}.`);
  }
  return { sentences, references: [...new Map(refs.map((r) => [r.id, r])).values()] };
}
