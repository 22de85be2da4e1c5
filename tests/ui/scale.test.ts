import { describe, expect, it } from 'vitest';
import { scaleMarkers } from '@/lib/ui/scale';

const share = (v: number) => `${Math.round(v * 100)}%`;

describe('scale markers', () => {
  it('shows the two benchmarks and a separate target', () => {
    const m = scaleMarkers({ goodDay: 0.5, typical: 0.25, target: 0.8, formatShare: share });
    expect(m.map((x) => [x.kind, x.label, x.name, x.row])).toEqual([
      ['typical', '25%', 'the reality for 38% of surveyed marketers', 0],
      ['good', '50%', 'a good day for 42% of surveyed marketers', 0],
      ['target', '80%', 'your target', 0],
    ]);
  });

  it('merges a target equal to a benchmark into its label', () => {
    const m = scaleMarkers({ goodDay: 0.5, typical: 0.25, target: 0.5, formatShare: share });
    expect(m).toHaveLength(2);
    expect(m[1]!.name).toBe('a good day for 42% of surveyed marketers · your target');
  });

  it('moves a target label that would collide to the second row', () => {
    const m = scaleMarkers({ goodDay: 0.5, typical: 0.25, target: 0.55, formatShare: share });
    expect(m.find((x) => x.kind === 'target')!.row).toBe(1);
  });
});
