/**
 * Pure arithmetic for accuracy tests: what the extension recorded (closed segments plus the open
 * ones counted up to a given instant) against what the test script did.
 */
import type { Lane } from '../../../lib/model.ts';
import type { TrackerState } from '../../../lib/tracker/state.ts';
import type { StoredSegment } from './store.ts';

/** A stretch of recorded time. `open` spans come from the tracker state (not yet written). */
export interface Span {
  host: string;
  path: string;
  lane: Lane;
  start: number;
  end: number;
  open: boolean;
}

/** Browser segments plus the tracker's open focus/call segments, the latter ending at `now`. */
export function recordedSpans(segments: readonly StoredSegment[], tracker: TrackerState | null, now: number): Span[] {
  const spans: Span[] = segments
    .filter((s) => s.source === 'browser')
    .map((s) => ({ host: s.host, path: s.path, lane: s.lane, start: s.start, end: s.end, open: false }));
  for (const lane of ['focus', 'call'] as const) {
    const open = tracker?.[lane];
    if (open && open.start < now)
      spans.push({ host: open.host, path: open.path, lane, start: open.start, end: now, open: true });
  }
  return spans.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The parts of `spans` inside [from, to). */
export function clipSpans(spans: readonly Span[], from: number, to: number): Span[] {
  return spans
    .map((s) => ({ ...s, start: Math.max(s.start, from), end: Math.min(s.end, to) }))
    .filter((s) => s.end > s.start);
}

/** Seconds per host, optionally for one lane only. */
export function secondsByHost(spans: readonly Span[], lane?: Lane): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of spans) {
    if (lane && s.lane !== lane) continue;
    out[s.host] = (out[s.host] ?? 0) + (s.end - s.start) / 1000;
  }
  return out;
}

/** Pairs of spans of the same lane that overlap in time (each pair is time counted twice). */
export function overlappingSpans(spans: readonly Span[]): Array<[Span, Span]> {
  const pairs: Array<[Span, Span]> = [];
  for (const lane of ['focus', 'call'] as const) {
    const ordered = spans.filter((s) => s.lane === lane).sort((a, b) => a.start - b.start);
    for (let i = 0; i < ordered.length; i += 1) {
      for (let j = i + 1; j < ordered.length && ordered[j]!.start < ordered[i]!.end; j += 1) {
        pairs.push([ordered[i]!, ordered[j]!]);
      }
    }
  }
  return pairs;
}

/** One instant at which the script changed what should be tracked (`host: null` = nothing). */
export interface Mark {
  at: number;
  host: string | null;
  path: string;
  label: string;
  /** Seconds the recorded switch may be off (default 1). */
  allowance: number;
}

/**
 * What the script did: a sequence of marks, each starting what should be counted from then on.
 * Hosts are given normalised (no `www.`), as the extension stores them.
 */
export class ScriptedTimeline {
  readonly marks: Mark[] = [];

  mark(host: string | null, path: string, label: string, at: number = Date.now(), allowance = 1): void {
    const last = this.marks.at(-1);
    if (last && at < last.at) throw new Error(`Marks must be in time order: "${label}" is before "${last.label}".`);
    this.marks.push({ at, host, path, label, allowance });
  }

  get start(): number {
    return this.marks[0]?.at ?? 0;
  }

  /** Expected seconds per host between the first mark and `end`. */
  secondsByHost(end: number): Record<string, number> {
    const out: Record<string, number> = {};
    this.marks.forEach((m, i) => {
      if (m.host === null) return;
      const until = Math.min(this.marks[i + 1]?.at ?? end, end);
      if (until > m.at) out[m.host] = (out[m.host] ?? 0) + (until - m.at) / 1000;
    });
    return out;
  }

  /**
   * How many switches each host takes part in: every mark that starts or ends time on the host
   * (a new path on the same host counts once). The end of the script is not a switch: recorded
   * time is clipped to the same instant.
   */
  switchesByHost(): Record<string, number> {
    return this.sumBySwitch(() => 1);
  }

  /** Allowed error per host: the allowance of every switch the host takes part in. */
  toleranceByHost(): Record<string, number> {
    return this.sumBySwitch((m) => m.allowance);
  }

  private sumBySwitch(weight: (m: Mark) => number): Record<string, number> {
    const out: Record<string, number> = {};
    const bump = (host: string | null, w: number) => {
      if (host !== null) out[host] = (out[host] ?? 0) + w;
    };
    this.marks.forEach((m, i) => {
      const previous = i > 0 ? this.marks[i - 1]!.host : null;
      bump(m.host, weight(m));
      if (previous !== m.host) bump(previous, weight(m));
    });
    return out;
  }
}

export interface HostComparison {
  host: string;
  expected: number;
  recorded: number;
  /** recorded − expected, seconds. */
  error: number;
  /** Allowed |error|: the allowances of the switches involving the host (hosts never scripted are allowed 0). */
  tolerance: number;
}

export interface Comparison {
  hosts: HostComparison[];
  /** Σ expected seconds. */
  scripted: number;
  /** Σ |error| seconds. */
  absoluteError: number;
  /** absoluteError ÷ scripted × 100. */
  errorPercent: number;
}

/** Compare recorded and scripted seconds per host; `tolerance` is the allowed |error| per host (seconds). */
export function compareByHost(
  expected: Record<string, number>,
  recorded: Record<string, number>,
  tolerance: Record<string, number>,
): Comparison {
  const hosts = [...new Set([...Object.keys(expected), ...Object.keys(recorded)])].sort();
  const rows = hosts.map((host) => {
    const e = expected[host] ?? 0;
    const r = recorded[host] ?? 0;
    return { host, expected: e, recorded: r, error: r - e, tolerance: tolerance[host] ?? 0 };
  });
  const scripted = rows.reduce((sum, row) => sum + row.expected, 0);
  const absoluteError = rows.reduce((sum, row) => sum + Math.abs(row.error), 0);
  return { hosts: rows, scripted, absoluteError, errorPercent: scripted > 0 ? (absoluteError / scripted) * 100 : 0 };
}

/** A fixed-width table for the test log. */
export function formatComparison(title: string, comparison: Comparison): string {
  const lines = [
    title,
    `${'host'.padEnd(22)}${'expected s'.padStart(12)}${'recorded s'.padStart(12)}${'error s'.padStart(10)}${'allowed ±'.padStart(11)}`,
    ...comparison.hosts.map(
      (h) =>
        `${h.host.padEnd(22)}${h.expected.toFixed(3).padStart(12)}${h.recorded.toFixed(3).padStart(12)}${h.error.toFixed(3).padStart(10)}${h.tolerance.toFixed(1).padStart(11)}`,
    ),
    `total scripted ${comparison.scripted.toFixed(3)} s, |error| ${comparison.absoluteError.toFixed(3)} s = ${comparison.errorPercent.toFixed(3)} %`,
  ];
  return lines.join('\n');
}
