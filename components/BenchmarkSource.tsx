import { BENCHMARK_CITATION, BENCHMARK_SOURCE } from '@/lib/report/benchmarks';
import './BenchmarkSource.css';

/**
 * Where the 50 % and 25 % lines come from: an info button that opens the survey sentence and its
 * source. Once per page, beside the first place the lines are shown. `compact` (the popup, 600 px at
 * most): the text opens as a popover over the card instead of pushing the popup taller; Escape closes it.
 */
export function BenchmarkSource({ compact }: { compact?: boolean }) {
  const notes = (
    <>
      <p className="source-note" data-testid="benchmark-source">
        {BENCHMARK_SOURCE}
      </p>
      <p className="source-note">{BENCHMARK_CITATION}</p>
    </>
  );
  return (
    <details
      className="source-info"
      data-compact={compact ? 'true' : undefined}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && e.currentTarget.open) {
          e.currentTarget.open = false;
          e.currentTarget.querySelector('summary')?.focus();
        }
      }}
    >
      <summary>
        <span className="info-icon" aria-hidden="true">
          i
        </span>
        Where the 50% and 25% lines come from
      </summary>
      {compact ? <div className="source-pop">{notes}</div> : notes}
    </details>
  );
}
