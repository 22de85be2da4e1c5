/**
 * Result and input types of the insight core (issue #4). Pure types only.
 *
 * All durations are milliseconds; all instants are epoch ms. "Local" means the time zone the
 * code runs in (the browser's); days may be 23 or 25 hours long around DST changes.
 */
import type { Classification } from '@/lib/classify/types';
import type { ClassName, KindId, Lane, Segment, SegmentOverride } from '@/lib/model';
import type { WeekDay, WorkingHours } from '@/lib/settings';

// ---------- classification ----------

/** `classify(host, path, at?)` of lib/classify. `at` is only passed when the classifier depends on time. */
export type ClassifyFn = (host: string, path: string, at?: number) => Classification;

/**
 * A classifier as the report uses it (lib/classify's `createClassifier(rules)` fits as is).
 * The report memoises its answers so the cost grows with distinct host + path shapes, not with
 * segments. Only rules with `fromTime` make the answer depend on time:
 * - with `timeBoundaries` (see `withRuleTimes`), `at` is passed and answers are memoised per
 *   host + path + interval between boundaries: exact;
 * - without, `at` (the segment's start) is still passed, and answers are memoised per
 *   host + path + local day: exact for rules that start at a local midnight ("from today").
 */
export interface ReportClassifier {
  classify: ClassifyFn;
  /** Instants (any order) at which a rule starts to apply (`UserRule.fromTime`). */
  timeBoundaries?: readonly number[];
}

/** A bare classify function (taken as time-independent: called without `at`) or a {@link ReportClassifier}. */
export type ClassifierInput = ClassifyFn | ReportClassifier;

// ---------- timeline ----------

/** Which layer a piece of time came from, highest precedence first: manual > call > calendar > focus. */
export type PieceOrigin = 'manual' | 'call' | 'calendar' | 'focus';

/** What a piece of time counts as. */
export interface Effective {
  toolId: string;
  tool: string;
  class: ClassName;
  kind: KindId;
  /** True when a segment override (not the classifier) decided class/kind. */
  overridden: boolean;
  /** Set when no rule decided and the address did (lib/classify/guess.ts), and no override changed it. */
  guess?: NonNullable<Classification['guess']>;
}

/** A classified stretch of time that overlaps nothing else. */
export interface Piece extends Effective {
  start: number;
  end: number;
  origin: PieceOrigin;
  host: string;
  path: string;
  /** The person's label (manual blocks, calendar events). */
  label?: string;
}

/** Foreground time on another tool while a call or calendar meeting was going on. */
export interface MultitaskPiece {
  start: number;
  end: number;
  host: string;
  path: string;
  toolId: string;
  tool: string;
  class: ClassName;
  kind: KindId;
  /** The meeting it happened under. */
  meeting: { origin: 'call' | 'calendar'; toolId: string; tool: string; label?: string };
}

/** Output of `resolveTimeline`: pieces and multitasking, both sorted by start, neither overlapping itself. */
export interface Timeline {
  pieces: Piece[];
  multitask: MultitaskPiece[];
}

// ---------- thresholds ----------

export interface ReportThresholds {
  /** A run on one tool shorter than this is a flick: not a visit, not a switch, does not break a block. Default 5 s. */
  flickMs: number;
  /** A gap (nothing tracked) longer than this starts a new session: the next visit is not a switch. Default 5 min. */
  switchResetGapMs: number;
  /** Gaps up to this long do not end a creative block. Default 2 min. */
  blockGapToleranceMs: number;
  /**
   * Non-creative time shorter than this between two creative stretches (a glance at Slack, a quick
   * reply) does not end a creative block: focus as people experience it. Default 2 min.
   */
  blockInterruptionMs: number;
  /** Switch rates are null below this much active time (avoids "90 switches/h" from 2 minutes). Default 15 min. */
  minActiveMsForRate: number;
  /** A day needs this much classified time to be the week's best day. Default 1 h. */
  minClassifiedMsForBestDay: number;
}

// ---------- report inputs ----------

/** An open (not yet written) tracker segment, counted up to `now`. */
export interface OpenLaneSegment {
  start: number;
  host: string;
  path: string;
  lane: Lane;
}

export interface ReportSettings {
  workingHours: WorkingHours;
  /** Target creative share, 0..1. */
  targetShare: number;
}

export interface BuildWeekReportInput {
  /** Segments overlapping the week (more is fine: everything outside the week is ignored). */
  segments: readonly Segment[];
  classify: ClassifierInput;
  /** Local midnight of the week's first day (see `weekRange`); any instant of that day is accepted. */
  weekStart: Date | number;
  /** Nothing after `now` counts (future calendar events, open segments). */
  now: number;
  settings: ReportSettings;
  /** The tracker's open focus/call segments. */
  open?: readonly OpenLaneSegment[];
  thresholds?: Partial<ReportThresholds>;
}

export interface BuildDayReportInput extends Omit<BuildWeekReportInput, 'weekStart'> {
  /** Any instant of the local day. */
  day: Date | number;
}

// ---------- report results ----------

/** Milliseconds per class. */
export type Totals = Record<ClassName, number>;

export interface KindRow {
  kind: KindId;
  class: ClassName;
  ms: number;
  /** Share of all tracked time (every class), 0..1. */
  share: number;
}

export interface ToolRow {
  toolId: string;
  tool: string;
  class: ClassName;
  kind: KindId;
  ms: number;
  /** Share of all tracked time (every class), 0..1. */
  share: number;
}

export interface UnclassifiedRow {
  host: string;
  /** The path shape with most time on this host (absent when only the root was seen). */
  path?: string;
  ms: number;
}

/** A site whose time is (partly) guessed from the address, with the guess of its path with most guessed time. */
export interface GuessedRow {
  host: string;
  /** The path shape with most guessed time on this host. */
  path: string;
  ms: number;
  class: ClassName;
  kind: KindId;
  guess: NonNullable<Classification['guess']>;
}

export interface MultitaskRow {
  toolId: string;
  tool: string;
  ms: number;
}

export interface CreativeBlock {
  start: number;
  end: number;
  /** Creative time inside the block (tolerated gaps and flicks excluded). */
  ms: number;
  /** Local day of `start`, yyyy-MM-dd. */
  day: string;
}

export interface BlockCounts {
  atLeast25: number;
  atLeast50: number;
  atLeast90: number;
}

/** The figures a day and a week both have (DayReport, WeekReport). */
export interface PeriodFigures {
  totals: Totals;
  /** Sum of all classes. */
  trackedMs: number;
  /** creative + coordination. */
  classifiedMs: number;
  /** Time whose class is a guess from the address (already counted in its class). */
  guessedMs: number;
  /** creative ÷ (creative + coordination); null without classified time. */
  creativeShare: number | null;
  byKind: KindRow[];
  byTool: ToolRow[];
  meetingMs: number;
  messagingMs: number;
  multitaskMs: number;
  switches: number;
  /** Switches per tracked hour; null below `minActiveMsForRate`. */
  switchesPerHour: number | null;
  longestCreativeBlock: CreativeBlock | null;
  creativeBlocks: BlockCounts;
  distinctTools: number;
}

/** Everything the dashboard shows for one local day (also the popup's "today"). */
export interface DayReport extends PeriodFigures {
  /** yyyy-MM-dd. */
  day: string;
  /** Local midnight starting the day. */
  start: number;
  /** Local midnight ending the day (23, 24 or 25 h later). */
  end: number;
  /** 0 = Sunday. */
  weekDay: WeekDay;
  isWorkingDay: boolean;
  /** The day starts after `now`. */
  future: boolean;
}

export interface WeekReport extends PeriodFigures {
  /** Local midnight of the first day. */
  weekStart: number;
  /** Local midnight after the last day. */
  weekEnd: number;
  /** yyyy-MM-dd of the first day (key of the review note). */
  week: string;
  now: number;
  /** The week contains `now`. */
  current: boolean;
  /** True when any time was tracked. */
  hasData: boolean;
  countOnlyInside: boolean;
  targetShare: number;
  thresholds: ReportThresholds;
  /** Seven local days in order. */
  days: DayReport[];
  /** Tools used during meetings, most time first. */
  multitaskByTool: MultitaskRow[];
  unclassified: UnclassifiedRow[];
  /** Sites whose time is guessed from the address, most time first (confirm or correct in one click). */
  guessed: GuessedRow[];
  /** The day with the highest creative share (≥ `minClassifiedMsForBestDay` classified), or null. */
  bestDay: string | null;
}

/** Light totals for the popup. */
export interface DayTotals {
  day: string;
  totals: Totals;
  trackedMs: number;
  classifiedMs: number;
  creativeShare: number | null;
}

// ---------- pre-aggregates and trend ----------

/** Time of one (host, path, origin, override[, label]) key on one day, after overlap resolution, before classification. */
export interface DaySummaryEntry {
  host: string;
  path: string;
  origin: PieceOrigin;
  override?: SegmentOverride;
  /** Manual blocks only (their tool name). */
  label?: string;
  ms: number;
  /** Earliest instant of this key on the day (the `at` for time-dependent classifiers). */
  firstStart: number;
}

/** Compact, JSON-safe pre-aggregate of one local day. Rule changes still apply when it is read. */
export interface DaySummary {
  version: 1;
  /** yyyy-MM-dd. */
  day: string;
  /** Local midnight starting the day. */
  start: number;
  entries: DaySummaryEntry[];
  /** Working hours it was clipped to, or null (a cache must be rebuilt when these change). */
  clippedTo: WorkingHours | null;
  /** Everything after this instant was left out (the summary of an unfinished day is provisional). */
  until: number;
}

export interface TrendPoint {
  /** Local midnight of the week's first day. */
  weekStart: number;
  /** yyyy-MM-dd of the first day. */
  week: string;
  totals: Totals;
  trackedMs: number;
  classifiedMs: number;
  creativeShare: number | null;
}

export interface WeekComparison {
  share: number | null;
  lastWeekShare: number | null;
  /** Percentage points vs the previous week; null when either has no data. */
  vsLastWeekPts: number | null;
  /** Mean share of up to 4 previous weeks that have data; null when none has. */
  previousAverage: number | null;
  /** How many weeks went into `previousAverage` (0..4). */
  averageWeeks: number;
  vsAveragePts: number | null;
}

// ---------- benchmarks ----------

export type BenchmarkBand = 'at-or-above-good-day' | 'between' | 'at-or-below-typical';

export interface BenchmarkPlacement {
  share: number;
  band: BenchmarkBand;
  target: number;
  vsTarget: 'above' | 'at' | 'below';
  /** Percentage points (share − reference) × 100, rounded to whole points. */
  toTargetPts: number;
  toGoodDayPts: number;
  toTypicalPts: number;
}
