/**
 * The shared vocabulary of Creative Ratio. Pure types only: no runtime code, no browser, no Dexie.
 *
 * Time is always epoch milliseconds (UTC instants). Local days are derived when reading,
 * in the person's current time zone, so DST and zone changes never distort durations.
 */

/** The four classes. Creative share = creative ÷ (creative + coordination). */
export type ClassName = 'creative' | 'coordination' | 'neutral' | 'unclassified';

/** Kinds inside the classes (see lib/classify/kinds.ts for names and colours). */
export type CoordinationKind = 'meetings' | 'messaging' | 'project' | 'reporting' | 'admin';
export type CreativeKind = 'writing' | 'design' | 'research' | 'building' | 'ai';
export type NeutralKind = 'personal';
export type KindId = CoordinationKind | CreativeKind | NeutralKind | 'unknown';

/** Where a segment's time came from. */
export type Source = 'browser' | 'calendar' | 'manual';

/**
 * Which lane of the tracker recorded a browser segment.
 * - `focus`: the active tab of the focused window while the person is active.
 * - `call`: an audible tab of a meetings tool (counts even when idle or in the background).
 * Lanes never overlap with themselves; `focus` time that overlaps a `call` (or a calendar meeting)
 * is "multitasking during a meeting" and is never counted twice (lib/report/timeline.ts).
 */
export type Lane = 'focus' | 'call';

/** A per-segment classification override set by the person. */
export interface SegmentOverride {
  class: ClassName;
  kind?: KindId;
}

/** One stretch of time, as stored. */
export interface Segment {
  /** Auto-increment primary key (absent before insert). */
  id?: number;
  /** Inclusive start, epoch ms. */
  start: number;
  /** Exclusive end, epoch ms; always > start. */
  end: number;
  /** Local calendar day of `start` when recorded, `yyyy-MM-dd`. Segments are split at local midnight. */
  day: string;
  /** Normalised hostname (lib/url/normalize.ts); '' for manual/calendar time. */
  host: string;
  /** Normalised path shape, e.g. `/document/d/*\/edit`; '' when unknown. Never query, fragment or title. */
  path: string;
  source: Source;
  /** For browser segments: which tracker lane; calendar and manual segments use 'focus'. */
  lane: Lane;
  /** Manual blocks and calendar events: the person's own label (never a page title). */
  label?: string;
  /** For calendar/manual segments: the class/kind they count as. */
  override?: SegmentOverride;
  /** Calendar import batch id, so an import can be replaced or undone as a whole. */
  importId?: string;
}

/** What the browser shows right now, reduced to what the tracker needs. */
export interface PageRef {
  host: string;
  path: string;
}
