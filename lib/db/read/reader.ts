/**
 * The one door the pages read through: `createReader(db)` (or `readerFor(db)`, one per database)
 * owns every cache of a page's reads — the live ranges of segments, the week fingerprints, the
 * reports of finished weeks and the summary cache — and hands out small watches:
 *
 *   reader.week(week, opts)   the shown week's segments and report (live)
 *   reader.trend(week, opts)  the 12-week trend's points (live; the shown week's point is its report)
 *   watchWeek / watchTrend    the same as `listener(value)` callbacks → unsubscribe
 *
 * A watch is `{ subscribe(listener) → unsubscribe, get() }`: `get` is synchronous and returns the
 * same object while nothing changed (what `useSyncExternalStore` needs), `subscribe` starts the live
 * queries and stops them on the last unsubscribe. Framework-free: no React here; the hooks in
 * components/data/ are thin wrappers. Explicit inputs: `now`, settings, classifier, week start.
 *
 * Cost follows the week shown, not the history, and a draw never waits for the trend:
 * - The shown week's segments are read from its day packs (lib/db/packs.ts), first by the page's
 *   early read (./early.ts, started by its boot script; `primeWeek` seeds the ranges with it), then
 *   as live queries kept in memory (./live-ranges.ts): a write in the range (or to a row of it)
 *   re-reads it, nothing else does. In the current week, the days before today and today are
 *   separate ranges, so the tracker appending to today re-reads today only.
 * - The report of a finished week is computed once per (segments, classifier, settings) and kept;
 *   when the page is idle, the weeks before and after the shown one are read and computed ahead,
 *   so Previous / Next only render.
 * - The trend starts after the week is drawn. Each earlier week costs one read of its packs (its
 *   segment ids, the fingerprint) when its per-day summaries are cached (./summary-cache.ts, in
 *   memory and across visits), and one full read plus summarising only the first time or after it
 *   changed. Classification is applied when the trend is built, so rule changes need no
 *   invalidation; overrides keep every id, so the page that sets one calls `forgetWeekAt`.
 */
import { readTrackerState } from '@/lib/db/index';
import { sameSegments } from '@/lib/db/packs';
import type { CreativeRatioDB } from '@/lib/db/schema';
import type { Segment } from '@/lib/model';
import { buildTrend, buildWeekReport, compareWeeks, TREND_WEEKS } from '@/lib/report';
import type { ReportClassifier, TrendPoint, WeekComparison, WeekReport } from '@/lib/report';
import { blockThresholdsOf, type Settings, type WeekDay } from '@/lib/settings';
import { shiftWeek, weekBounds, weeksEndingWith, type WeekKey } from '@/lib/time/week';
import type { TrackerState } from '@/lib/tracker/state';
import { measureSince, perfNow } from '@/lib/ui/perf';
import { openSegmentsOf } from '@/lib/ui/tracking';
import { earlyStoreOf, type EarlyStore } from './early';
import { LiveRanges, type RangeSource } from './live-ranges';
import { segmentIdsStartingIn, segmentsStartingIn } from './queries';
import { clipKey, fingerprintOf, UiCacheDB, WeekSummaries } from './summary-cache';
import { openingWeekRanges, rangeKey, rangeOfKey, weekRangeKeys } from './week-ranges';
import type { DaySummary } from '@/lib/report';

/** A live value: `get` is synchronous and stable while nothing changed; `subscribe` keeps it live. */
export interface Watch<T> {
  subscribe(listener: () => void): () => void;
  get(): T;
}

/** What the report of a week depends on besides its segments. */
export interface WeekOptions {
  /** The time (pages tick it every 30 s): open segments count up to it; weeks after it are not over. */
  now: number;
  weekStartsOn: WeekDay;
  settings: Pick<Settings, 'workingHours' | 'targetShare' | 'blockInterruptionMinutes'>;
  classifier: ReportClassifier;
}

export interface WeekView {
  week: WeekKey;
  /** The week's recorded segments (for the day timeline). */
  segments: Segment[];
  report: WeekReport;
}

export interface WeekData extends WeekView {
  /** Null while the earlier weeks are still being summarised. */
  trend: TrendPoint[] | null;
  comparison: WeekComparison | null;
}

export interface TrendOptions {
  weekStartsOn: WeekDay;
  workingHours: Settings['workingHours'];
  classifier: ReportClassifier;
}

export interface ReaderOptions {
  /** The stored tier of the summary cache (default: the `creative-ratio-ui-cache` database). */
  cacheDb?: UiCacheDB;
  /** The page's early read (default: the one of `db`'s name). */
  early?: EarlyStore;
  /** Run `fn` when the page is idle; returns a cancel (default: requestIdleCallback, else 200 ms). */
  whenIdle?: (fn: () => void) => () => void;
}

function defaultWhenIdle(run: () => void): () => void {
  const g = globalThis as {
    requestIdleCallback?: (fn: () => void, o?: { timeout: number }) => number;
    cancelIdleCallback?: (id: number) => void;
  };
  if (g.requestIdleCallback && g.cancelIdleCallback) {
    const id = g.requestIdleCallback(run, { timeout: 2_000 });
    return () => g.cancelIdleCallback!(id);
  }
  const id = setTimeout(run, 200);
  return () => clearTimeout(id);
}

function settingsKeyOf(s: WeekOptions['settings']): string {
  return `${clipKey(s.workingHours)}|${s.workingHours.days.join(',')}|${s.targetShare}|${s.blockInterruptionMinutes}`;
}

/** The trend point of the shown week, straight from its report (so the headline and the trend agree). */
function pointOf(report: WeekReport): TrendPoint {
  return {
    weekStart: report.weekStart,
    week: report.week,
    totals: { ...report.totals },
    trackedMs: report.trackedMs,
    classifiedMs: report.classifiedMs,
    creativeShare: report.creativeShare,
  };
}

/**
 * The week and its trend as the pages show them: the trend's last point is the week's report, and
 * a week (this one or one before) with less classified time than `minWeekMs` is not compared.
 */
export function weekData(view: WeekView, trend: TrendPoint[] | null, minWeekMs: number): WeekData {
  const points = trend ? [...trend.slice(0, -1), pointOf(view.report)] : null;
  return { ...view, trend: points, comparison: points ? compareWeeks(points, undefined, minWeekMs) : null };
}

/** Whether `a` and `b` hold the same values (small JSON-like values: the tracker checkpoint). */
function sameJson<T>(a: T, b: T): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

const TRACKER_KEY = 'tracker';

export class Reader {
  readonly early: EarlyStore;
  /** Segments starting in [from, to), by `from-to`: the shown week (or its two parts) and prefetched weeks. */
  private readonly rows = new LiveRanges<Segment[]>(12, sameSegments);
  /** Fingerprints (count, sum and max of the ids) of the trend's earlier weeks, by week. */
  private readonly fingerprints = new LiveRanges<string>(40);
  /** The tracker checkpoint (for the current week's open segments). */
  private readonly tracker = new LiveRanges<TrackerState | null>(1, sameJson);
  private readonly summaries: WeekSummaries;
  /** Reports of finished weeks, by their segments array (the store keeps one array per read). */
  private readonly finished = new WeakMap<
    Segment[],
    { classifier: ReportClassifier; settingsKey: string; report: WeekReport }
  >();
  /** Trends built from a `past` entry, by that entry (and the classifier they were built with). */
  private readonly trends = new WeakMap<DaySummary[], { classifier: ReportClassifier; points: TrendPoint[] }>();
  /** The summaries of a trend's earlier weeks, by (weeks, clipping, fingerprints, invalidations). */
  private readonly past = new Map<string, DaySummary[]>();
  private version = 0;
  private readonly invalidated = new Set<() => void>();
  private readonly whenIdle: (fn: () => void) => () => void;

  constructor(
    readonly db: CreativeRatioDB,
    options: ReaderOptions = {},
  ) {
    this.summaries = new WeekSummaries(options.cacheDb ?? new UiCacheDB());
    this.early = options.early ?? earlyStoreOf(db.name);
    this.whenIdle = options.whenIdle ?? defaultWhenIdle;
  }

  // ----- sources -----

  private rowsSource(key: string): RangeSource<Segment[]> {
    const { from, to } = rangeOfKey(key);
    return {
      query: async () => {
        const t0 = perfNow();
        const rows = await segmentsStartingIn(this.db, from, to);
        measureSince('cr:read-rows', t0);
        return rows;
      },
    };
  }

  private fingerprintSource(week: WeekKey): RangeSource<string> {
    const { start, end } = weekBounds(week);
    return {
      // Observed for every write in the week; an override (which keeps every id) is announced by
      // the page that sets it: forgetWeekAt.
      query: async () => fingerprintOf(await segmentIdsStartingIn(this.db, start, end)),
      // Something was written in that week: summarise it again even if the ids look the same.
      onChange: () => this.summaries.forgetInMemoryAt(start),
    };
  }

  private trackerSource(): RangeSource<TrackerState | null> {
    return { query: async () => (await readTrackerState(this.db)) ?? null };
  }

  // ----- the early read -----

  /**
   * Start reading the week a page opens on the moment its script runs (call it first thing from
   * the entry, with the `week` parameter of the address): one raw IndexedDB read (./early.ts) gets
   * the settings, the rules, the tracker checkpoint and the week's day packs — the week start comes
   * from the stored settings, within the same transaction — without waiting for Dexie to open or
   * for the first render. The week's live queries start at the same time and take over when they
   * answer; an equal answer keeps the early rows, so nothing is computed twice.
   */
  primeWeek(weekParam: string | null, now: number, locale: string): Promise<unknown> {
    return this.early.start(
      (stored) => openingWeekRanges(stored, weekParam, now, locale),
      (read) => {
        read.ranges.forEach((r, i) => {
          const key = rangeKey(r.from, r.to);
          this.rows.ensure(key, this.rowsSource(key));
          this.rows.seed(key, read.segments[i]!);
        });
      },
    );
  }

  // ----- the week -----

  private computeReport(
    segments: Segment[],
    weekStart: number,
    now: number,
    open: ReturnType<typeof openSegmentsOf>,
    o: Pick<WeekOptions, 'settings' | 'classifier'>,
  ): WeekReport {
    const t0 = perfNow();
    const report = buildWeekReport({
      segments,
      classify: o.classifier,
      weekStart,
      now,
      settings: { workingHours: o.settings.workingHours, targetShare: o.settings.targetShare },
      open,
      thresholds: blockThresholdsOf(o.settings),
    });
    measureSince('cr:compute-week', t0);
    return report;
  }

  /** The report of a finished week, computed once per segments array, classifier and settings. */
  private finishedReport(segments: Segment[], weekStart: number, now: number, o: WeekOptions): WeekReport {
    const settingsKey = settingsKeyOf(o.settings);
    const hit = this.finished.get(segments);
    if (hit && hit.classifier === o.classifier && hit.settingsKey === settingsKey) return hit.report;
    const report = this.computeReport(segments, weekStart, now, [], o);
    this.finished.set(segments, { classifier: o.classifier, settingsKey, report });
    return report;
  }

  /** Read a finished week and compute its report ahead (the likely next week shown). */
  private prefetchWeek(week: WeekKey, o: WeekOptions): () => void {
    const { start, end } = weekBounds(week);
    if (end > o.now) return () => undefined;
    const key = rangeKey(start, end);
    this.rows.ensure(key, this.rowsSource(key));
    let cancel = () => undefined as void;
    let stopped = false;
    void this.rows.whenReady(key).then((rows) => {
      if (stopped) return;
      // Another idle moment for the computation (a full week is tens of milliseconds).
      cancel = this.whenIdle(() => {
        const t0 = perfNow();
        this.finishedReport(rows, start, o.now, o);
        measureSince('cr:prefetch-compute', t0);
      });
    });
    return () => {
      stopped = true;
      cancel();
    };
  }

  /**
   * The shown week's segments and report, live (undefined while it loads). Once it is there, the
   * weeks before and after are read and computed ahead while the page is idle.
   */
  week(week: WeekKey, o: WeekOptions): Watch<WeekView | undefined> {
    const { start, end } = weekBounds(week);
    const isCurrent = o.now >= start && o.now < end;
    const keys = weekRangeKeys(week, o.now);
    let last: {
      parts: (Segment[] | undefined)[];
      tracker: TrackerState | null | undefined;
      view: WeekView | undefined;
    } | null = null;
    let segmentsOf: { parts: Segment[][]; segments: Segment[] } | null = null;

    const trackerNow = (): TrackerState | null | undefined => {
      if (!isCurrent) return null;
      const live = this.tracker.peek(TRACKER_KEY);
      if (live !== undefined) return live;
      return this.early.get()?.tracker;
    };

    const get = (): WeekView | undefined => {
      const parts = keys.map((k) => this.rows.peek(k));
      const tracker = trackerNow();
      if (
        last &&
        last.parts.every((p, i) => p === parts[i]) &&
        (last.tracker === tracker ||
          (tracker !== undefined && last.tracker !== undefined && sameJson(last.tracker, tracker)))
      )
        return last.view;
      let view: WeekView | undefined;
      if (parts.every((p) => p !== undefined) && tracker !== undefined) {
        const loaded = parts as Segment[][];
        let segments: Segment[];
        if (loaded.length === 1) segments = loaded[0]!;
        else if (segmentsOf && segmentsOf.parts.every((p, i) => p === loaded[i])) segments = segmentsOf.segments;
        else segmentsOf = { parts: loaded, segments: (segments = loaded.flat()) };
        const report =
          !isCurrent && o.now >= end
            ? this.finishedReport(segments, start, o.now, o)
            : this.computeReport(segments, start, o.now, openSegmentsOf(tracker), o);
        view = { week, segments, report };
      }
      last = { parts, tracker, view };
      return view;
    };

    const subscribe = (listener: () => void): (() => void) => {
      const offs: Array<() => void> = [];
      let cancelPrefetch: (() => void) | null = null;
      // Once the week is drawn: get the neighbours ready while idle (Previous is the usual next step).
      const maybePrefetch = () => {
        if (!cancelPrefetch && get() !== undefined) {
          const stops: Array<() => void> = [];
          const cancelIdle = this.whenIdle(() => {
            stops.push(this.prefetchWeek(shiftWeek(week, -1, o.weekStartsOn), o));
            stops.push(this.prefetchWeek(shiftWeek(week, 1, o.weekStartsOn), o));
          });
          cancelPrefetch = () => {
            cancelIdle();
            for (const stop of stops) stop();
          };
        }
      };
      const onChange = () => {
        listener();
        maybePrefetch();
      };
      for (const key of keys) {
        this.rows.ensure(key, this.rowsSource(key));
        offs.push(this.rows.listen(key, onChange));
      }
      if (isCurrent) {
        this.tracker.ensure(TRACKER_KEY, this.trackerSource());
        offs.push(this.tracker.listen(TRACKER_KEY, onChange));
        offs.push(this.early.subscribe(onChange));
      }
      // Already there (seeded, or kept from an earlier visit of the week).
      maybePrefetch();
      return () => {
        cancelPrefetch?.();
        for (const off of offs) off();
      };
    };
    return { subscribe, get };
  }

  // ----- the trend -----

  /**
   * The 12-week trend ending with `week` (null while its earlier weeks are being summarised). Its
   * last point stands for the shown week and is to be replaced by its report (`weekData`).
   * Watch it only once the week is drawn: its reads never compete with the week's.
   */
  trend(week: WeekKey, o: TrendOptions): Watch<TrendPoint[] | null> {
    const { start } = weekBounds(week);
    const previous = weeksEndingWith(week, TREND_WEEKS, o.weekStartsOn).slice(0, -1);
    const clip = clipKey(o.workingHours);

    const pastKey = (): string => {
      const fps = previous.map((w) => this.fingerprints.peek(w));
      if (fps.some((f) => f === undefined)) return '';
      return `${week}|${clip}|${fps.join(',')}|${this.version}`;
    };

    const get = (): TrendPoint[] | null => {
      const key = pastKey();
      const summaries = key ? this.past.get(key) : undefined;
      if (!summaries) return null;
      const built = this.trends.get(summaries);
      if (built?.classifier === o.classifier) return built.points;
      const t0 = perfNow();
      const points = buildTrend({ summaries, classify: o.classifier, weekStart: start, weeks: TREND_WEEKS });
      measureSince('cr:compute-trend', t0);
      this.trends.set(summaries, { classifier: o.classifier, points });
      return points;
    };

    const subscribe = (listener: () => void): (() => void) => {
      let stopped = false;
      let asked = '';
      let cancelIdle: (() => void) | null = null;
      const update = () => {
        const key = pastKey();
        if (!key || this.past.has(key)) {
          listener();
          if (key) afterTrend();
          return;
        }
        if (asked === key) return;
        asked = key;
        const fps = previous.map((w) => this.fingerprints.peek(w)!);
        const t0 = perfNow();
        void this.summaries
          .of(previous, fps, o.workingHours, Date.now(), (from, to) => segmentsStartingIn(this.db, from, to))
          .then((summaries) => {
            measureSince('cr:summaries', t0);
            this.past.set(key, summaries);
            // A few keys only: the shown week's, and the ones before a switch.
            for (const k of this.past.keys()) if (this.past.size > 8) this.past.delete(k);
            if (!stopped) update();
          });
      };
      // After the trend: summarise the week the trend needs after Previous, when idle.
      const afterTrend = () => {
        if (cancelIdle) return;
        cancelIdle = this.whenIdle(() => {
          const w = shiftWeek(week, -TREND_WEEKS, o.weekStartsOn);
          this.fingerprints.ensure(w, this.fingerprintSource(w));
          void this.fingerprints
            .whenReady(w)
            .then((fp) =>
              this.summaries.of([w], [fp], o.workingHours, Date.now(), (from, to) =>
                segmentsStartingIn(this.db, from, to),
              ),
            );
        });
      };
      const offs = previous.map((w) => {
        this.fingerprints.ensure(w, this.fingerprintSource(w));
        return this.fingerprints.listen(w, update);
      });
      this.invalidated.add(update);
      update();
      return () => {
        stopped = true;
        cancelIdle?.();
        this.invalidated.delete(update);
        for (const off of offs) off();
      };
    };
    return { subscribe, get };
  }

  // ----- callbacks -----

  /** `listener(view)` on every change of the shown week; returns the unsubscribe. */
  watchWeek(week: WeekKey, o: WeekOptions, listener: (view: WeekView | undefined) => void): () => void {
    const w = this.week(week, o);
    return w.subscribe(() => listener(w.get()));
  }

  /** `listener(points)` on every change of the trend ending with `week`; returns the unsubscribe. */
  watchTrend(week: WeekKey, o: TrendOptions, listener: (points: TrendPoint[] | null) => void): () => void {
    const w = this.trend(week, o);
    return w.subscribe(() => listener(w.get()));
  }

  // ----- invalidation -----

  private bump(): void {
    this.version += 1;
    for (const fn of [...this.invalidated]) fn();
  }

  /** Forget the summaries cached for the week(s) around instant `t` (call before setting an override there). */
  async forgetWeekAt(t: number): Promise<void> {
    await this.summaries.invalidateAt(t);
    this.bump();
  }

  /** Forget every cached summary (after meeting rules rewrote stored meetings across many weeks; after a restore). */
  async forgetAllWeeks(): Promise<void> {
    await this.summaries.clear();
    this.bump();
  }

  /** Drop stored summaries of weeks before the retention cutoff (or older than the TTL). */
  pruneWeekCaches(cutoff: number, now: number): Promise<void> {
    return this.summaries.prune(cutoff, now);
  }
}

/** A reader of `db` with caches of its own. */
export function createReader(db: CreativeRatioDB, options?: ReaderOptions): Reader {
  return new Reader(db, options);
}

const readers = new WeakMap<CreativeRatioDB, Reader>();

/** The reader of `db` in this page: one per database, so every page section shares its caches. */
export function readerFor(db: CreativeRatioDB): Reader {
  let reader = readers.get(db);
  if (!reader) readers.set(db, (reader = new Reader(db)));
  return reader;
}
