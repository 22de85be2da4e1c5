import { BENCHMARK_SOURCE } from '@/lib/report/benchmarks';

/** The survey sentence behind the 50 % and 25 % lines; shown wherever the ratio is shown. */
export function BenchmarkSource({ compact }: { compact?: boolean }) {
  return (
    <p className="source-note" data-testid="benchmark-source" style={compact ? { fontSize: 11.5 } : undefined}>
      {BENCHMARK_SOURCE}
    </p>
  );
}
