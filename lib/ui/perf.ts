/**
 * User Timing marks and measures for the pages (`cr:*`), so a profile or the e2e speed test can
 * see where a draw's time goes (storage read / report / React render / chart). Cheap, and silent
 * where the Performance API is missing (tests under Node).
 */

function perf(): Performance | null {
  return typeof performance !== 'undefined' && typeof performance.measure === 'function' ? performance : null;
}

/** A start time for {@link measureSince}. */
export function perfNow(): number {
  return perf()?.now() ?? 0;
}

/** Record `name` as lasting from `start` (a {@link perfNow}) until now. */
export function measureSince(name: string, start: number): void {
  const p = perf();
  if (!p) return;
  try {
    p.measure(name, { start, end: p.now() });
  } catch {
    // A measure is never worth an error.
  }
}

/** Run `fn`, recording its duration as `name`. */
export function timed<T>(name: string, fn: () => T): T {
  const start = perfNow();
  try {
    return fn();
  } finally {
    measureSince(name, start);
  }
}

/** Mark an instant (e.g. `cr:main` when the page's script starts). */
export function mark(name: string): void {
  try {
    perf()?.mark(name);
  } catch {
    // ignore
  }
}
