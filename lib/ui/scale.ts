/**
 * View models for the share scale (0–100 % creative) with the survey benchmarks and the
 * person's target. Pure.
 */
import { benchmarkWords } from '@/lib/report/benchmarks';

export type MarkerKind = 'good' | 'typical' | 'target';

export interface ScaleMarker {
  kind: MarkerKind;
  /** Position on the scale, 0..1. */
  at: number;
  /** Short label on the scale: the percentage, e.g. "50%". */
  label: string;
  /**
   * What the line is, in the survey's words, for the legend after the percentage: "a good day for 42% of
   * surveyed marketers", "the reality for 38% of surveyed marketers", "your target" (or "… · your target").
   */
  name: string;
  /** 0 = first label row, 1 = second (used when labels would collide). */
  row: 0 | 1;
}

export interface ScaleInput {
  goodDay: number;
  typical: number;
  target: number;
  formatShare: (share: number) => string;
  /** Short names ("a good day for 42%"), for the popup. */
  short?: boolean;
}

/** Labels closer than this (share units) go on separate rows. */
const COLLISION = 0.08;

/**
 * The markers of the scale. The target gets its own marker unless it equals a benchmark, in
 * which case that benchmark's name says "· your target", so no two lines or labels overlap.
 */
export function scaleMarkers({ goodDay, typical, target, formatShare, short }: ScaleInput): ScaleMarker[] {
  const markers: ScaleMarker[] = [];
  const sameAs = (v: number) => Math.abs(v - target) < 0.005;
  markers.push({
    kind: 'typical',
    at: typical,
    label: formatShare(typical),
    name: `${benchmarkWords('typical', formatShare, short)}${sameAs(typical) ? ' · your target' : ''}`,
    row: 0,
  });
  markers.push({
    kind: 'good',
    at: goodDay,
    label: formatShare(goodDay),
    name: `${benchmarkWords('good', formatShare, short)}${sameAs(goodDay) ? ' · your target' : ''}`,
    row: 0,
  });
  if (!sameAs(typical) && !sameAs(goodDay)) {
    const collides = Math.abs(target - typical) < COLLISION || Math.abs(target - goodDay) < COLLISION;
    markers.push({
      kind: 'target',
      at: target,
      label: formatShare(target),
      name: 'your target',
      row: collides ? 1 : 0,
    });
  }
  return markers;
}

/** Clamp a share to the scale, for CSS positions. */
export function clampShare(v: number): number {
  return Math.min(1, Math.max(0, v));
}
