import { BENCHMARK_CITATION, BENCHMARK_SOURCE } from '@/lib/report/benchmarks';

/**
 * Where the 50 % and 25 % lines come from: an info button that opens the survey sentence and its
 * source. Once per page, beside the first place the lines are shown.
 */
export function BenchmarkSource({ compact }: { compact?: boolean }) {
  return (
    <details className="source-info" data-compact={compact ? 'true' : undefined}>
      <summary>
        <span className="info-icon" aria-hidden="true">
          i
        </span>
        Where the 50% and 25% lines come from
      </summary>
      <p className="source-note" data-testid="benchmark-source">
        {BENCHMARK_SOURCE}
      </p>
      <p className="source-note">{BENCHMARK_CITATION}</p>
    </details>
  );
}
